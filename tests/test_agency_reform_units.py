"""Units the 2018–2019 local reforms created or kept (海洋发展局, 行政审批局, 大数据局, 综合行政执法局,
党校…) and the 2008 predecessors of 人社 and 住建: invented rosters of cities and counties in other
provinces, printed in full, in short forms and after 原. A unit the reform left with no single fate
(畜牧兽医局, 水产局) stays unknown."""

from __future__ import annotations

import pytest

from normalizers.agencies import normalize_agency
from normalizers.locality import Locality
from linking import link_rows

COASTAL_CITY = Locality("辽宁省", "大连市", None, "210200", "city")
COASTAL_DISTRICT = Locality("山东省", "烟台市", "芝罘区", "370602", "county")
ISLAND_COUNTY = Locality("浙江省", "舟山市", "岱山县", "330921", "county")
GUANGDONG_COUNTY = Locality("广东省", "湛江市", "徐闻县", "440825", "county")
ENERGY_CITY = Locality("内蒙古自治区", "鄂尔多斯市", None, "150600", "city")
SHANXI_DISTRICT = Locality("山西省", "晋中市", "榆次区", "140702", "county")
PROVINCE = Locality("福建省", None, None, "350000", "province")

# id: (raw, document, name, former, current)
CASES = {
    "ocean-bureau-of-a-city": ("市海洋发展局", COASTAL_CITY, "大连市海洋发展局", False, "大连市海洋发展局"),
    "ocean-bureau-printed-in-full": ("大连市海洋发展局", COASTAL_CITY, "大连市海洋发展局", False, "大连市海洋发展局"),
    "ocean-bureau-of-a-district": ("区海洋发展局", COASTAL_DISTRICT, "烟台市芝罘区海洋发展局", False, "烟台市芝罘区海洋发展局"),
    "ocean-bureau-after-yuan-is-former": ("原县海洋发展局", ISLAND_COUNTY, "岱山县海洋发展局", True, None),
    "ocean-fishery-bureau-has-no-single-successor": ("原县海洋与渔业局", ISLAND_COUNTY, "岱山县海洋与渔业局", True, None),
    "approval-bureau": ("区行政审批服务局", SHANXI_DISTRICT, "晋中市榆次区行政审批服务局", False, "晋中市榆次区行政审批服务局"),
    "approval-bureau-short-name": ("市行政审批局", ENERGY_CITY, "鄂尔多斯市行政审批局", False, "鄂尔多斯市行政审批局"),
    "data-bureau-short-form": ("政数局", GUANGDONG_COUNTY, "徐闻县政务服务数据管理局", False, "徐闻县政务服务数据管理局"),
    "big-data-bureau-printed-as-is": ("县大数据局", GUANGDONG_COUNTY, "徐闻县大数据局", False, "徐闻县大数据局"),
    "big-data-bureau-in-full": ("大连市大数据管理局", COASTAL_CITY, "大连市大数据管理局", False, "大连市大数据管理局"),
    "law-enforcement-bureau": ("县综合行政执法局", ISLAND_COUNTY, "岱山县综合行政执法局", False, "岱山县综合行政执法局"),
    "urban-enforcement-bureau-without-xingzheng": ("市城市管理综合执法局", ENERGY_CITY, "鄂尔多斯市城市管理综合执法局", False, "鄂尔多斯市城市管理综合执法局"),
    "staffing-office-short": ("县编委办", GUANGDONG_COUNTY, "中国共产党徐闻县委员会机构编制委员会办公室", False, "中国共产党徐闻县委员会机构编制委员会办公室"),
    "old-urban-enforcement-bureau": ("原区城管执法局", SHANXI_DISTRICT, "晋中市榆次区城市管理行政执法局", True, None),
    "business-environment-bureau": ("市营商环境建设局", COASTAL_CITY, "大连市营商环境建设局", False, "大连市营商环境建设局"),
    "energy-bureau-of-a-city": ("市能源局", ENERGY_CITY, "鄂尔多斯市能源局", False, "鄂尔多斯市能源局"),
    "grain-reserve-bureau-of-a-county": ("县粮食和物资储备局", GUANGDONG_COUNTY, "徐闻县粮食和物资储备局", False, "徐闻县粮食和物资储备局"),
    "county-science-industry-short": ("科工信局", GUANGDONG_COUNTY, "徐闻县科学技术和工业信息化局", False, "徐闻县科学技术和工业信息化局"),
    "county-culture-sport-tourism-short": ("县文体旅局", ISLAND_COUNTY, "岱山县文化体育和旅游局", False, "岱山县文化体育和旅游局"),
    "cooperative-federation-short": ("县供销联社", GUANGDONG_COUNTY, "徐闻县供销合作社联合社", False, "徐闻县供销合作社联合社"),
    "housing-fund-centre-short": ("市公积金中心", ENERGY_CITY, "鄂尔多斯市住房公积金管理中心", False, "鄂尔多斯市住房公积金管理中心"),
    "trade-council-short": ("市贸促会", COASTAL_CITY, "大连市国际贸易促进委员会", False, "大连市国际贸易促进委员会"),
    "port-office-short": ("市口岸办", COASTAL_CITY, "大连市口岸办公室", False, "大连市口岸办公室"),
    "gazetteer-office-short": ("县方志办", ISLAND_COUNTY, "岱山县地方志办公室", False, "岱山县地方志办公室"),
    "party-school": ("市委党校", ENERGY_CITY, "中国共产党鄂尔多斯市委员会党校", False, "中国共产党鄂尔多斯市委员会党校"),
    "party-history-office-without-committee": ("县党史研究室", GUANGDONG_COUNTY, "中国共产党徐闻县委员会党史研究室", False, "中国共产党徐闻县委员会党史研究室"),
    "personnel-bureau-before-2009": ("原县人事局", ISLAND_COUNTY, "岱山县人事局", True, "岱山县人力资源和社会保障局"),
    "labour-bureau-short": ("市劳动保障局", ENERGY_CITY, "鄂尔多斯市劳动和社会保障局", True, "鄂尔多斯市人力资源和社会保障局"),
    "province-ocean-bureau": ("省海洋局", PROVINCE, "福建省海洋局", False, "福建省海洋局"),
    "province-foreign-experts-bureau": ("原省外国专家局", PROVINCE, "福建省外国专家局", True, "福建省科学技术厅"),
    "province-education-work-committee": ("省委教育工委", PROVINCE, "中国共产党福建省委员会教育工作委员会", False, "中国共产党福建省委员会教育工作委员会"),
    "city-unit-at-a-province-stays-unknown": ("省行政审批局", PROVINCE, "福建省行政审批局", None, None),
    "unit-of-no-single-fate-stays-unknown": ("县畜牧兽医局", GUANGDONG_COUNTY, "徐闻县畜牧兽医局", None, None),
}


@pytest.mark.parametrize(("raw", "document", "name", "former", "current"), CASES.values(), ids=CASES.keys())
def test_reform_unit(raw: str, document: Locality, name: str | None, former: bool | None, current: str | None) -> None:
    agency = normalize_agency(raw, document)
    assert (agency.name, agency.former, agency.current) == (name, former, current)


def _row(doc_id: str, supervisor: str, locality: Locality) -> dict:
    return {
        "doc_id": doc_id,
        "name": "某某渔业协会",
        "name_raw": "某某渔业协会",
        "kind": "industry_association",
        "supervisor_raw": supervisor,
        "province": locality.province,
        "city": locality.city,
        "county": locality.county,
        "adcode": locality.adcode,
    }


def test_a_roster_groups_short_and_full_names_of_one_new_unit() -> None:
    """A district roster printing `区海洋发展局` and the full name gives one unit, current at its own level."""
    full = "烟台市芝罘区海洋发展局"
    rows = [_row("d", "区海洋发展局", COASTAL_DISTRICT), _row("d", full, COASTAL_DISTRICT)]
    linked, agencies = link_rows(rows, [{"doc_id": "d", "admin_level": "county"}])
    assert [(r["supervisor"], r["supervisor_former"], r["supervisor_current"]) for r in linked] == [(full, False, full)] * 2
    assert [(a["name"], a["rows"]) for a in agencies] == [(full, 2)]
