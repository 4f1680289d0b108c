"""Supervising units at every level of government: invented rosters of central, provincial, municipal,
city and county documents, autonomous regions, units marked 原 by short or full name, unknown units."""

from __future__ import annotations

import pytest

from normalizers.agencies import normalize_agency
from normalizers.locality import Locality
from linking import link_rows

CENTRAL = Locality(level="central")
PROVINCE = Locality("江西省", None, None, "360000", "province")
REGION = Locality("内蒙古自治区", None, None, "150000", "province")
CITY = Locality("江西省", "赣州市", None, "360700", "city")
COUNTY = Locality("江西省", "赣州市", "安远县", "360726", "county")
BEIJING = Locality("北京市", "北京市", None, "110000", "province")
SHANGHAI_DISTRICT = Locality("上海市", "上海市", "闵行区", "310112", "county")
TIANJIN = Locality("天津市", "天津市", None, "120000", "province")
REGION_CITY = Locality("西藏自治区", "林芝市", None, "540400", "city")

# id: (raw, document, name, former, current)
CASES = {
    # central documents: short forms name ministries, former ones lead to today's
    "central-short-form": ("发改委", CENTRAL, "国家发展和改革委员会", False, "国家发展和改革委员会"),
    "central-official-short-spelling": ("国家发展改革委", CENTRAL, "国家发展和改革委员会", False, "国家发展和改革委员会"),
    "central-ministry-short": ("人社部", CENTRAL, "人力资源和社会保障部", False, "人力资源和社会保障部"),
    "central-spelling-without-and": ("住房城乡建设部", CENTRAL, "住房和城乡建设部", False, "住房和城乡建设部"),
    "central-former-ministry": ("农业部", CENTRAL, "农业部", True, "农业农村部"),
    "central-marked-former-short": ("原安监总局", CENTRAL, "国家安全生产监督管理总局", True, "应急管理部"),
    "central-merged-administrations": ("原质检总局", CENTRAL, "国家质量监督检验检疫总局", True, "国家市场监督管理总局"),
    "central-two-step-succession": ("原银监会", CENTRAL, "中国银行业监督管理委员会", True, "国家金融监督管理总局"),
    "central-health-commission": ("国家卫生计生委", CENTRAL, "国家卫生和计划生育委员会", True, "国家卫生健康委员会"),
    "central-split-without-successor": ("原国家新闻出版广电总局", CENTRAL, "国家新闻出版广电总局", True, None),
    "central-sasac": ("国资委", CENTRAL, "国务院国有资产监督管理委员会", False, "国务院国有资产监督管理委员会"),
    "central-science-association": ("中科协", CENTRAL, "中国科学技术协会", False, "中国科学技术协会"),
    "central-commerce-federation": ("全国工商联", CENTRAL, "中华全国工商业联合会", False, "中华全国工商业联合会"),
    "central-unchanged-ministry": ("民政部", CENTRAL, "民政部", False, "民政部"),
    "central-ministry-with-country-name": ("中华人民共和国商务部", CITY, "商务部", False, "商务部"),
    "central-legal-office": ("国务院法制办", CENTRAL, "国务院法制办公室", True, "司法部"),
    "central-unit-in-province-document": ("原农业部", PROVINCE, "农业部", True, "农业农村部"),
    # provinces: 厅 and 委, the province's own name
    "province-short-form": ("省发改委", PROVINCE, "江西省发展和改革委员会", False, "江西省发展和改革委员会"),
    "province-hall-short": ("人社厅", PROVINCE, "江西省人力资源和社会保障厅", False, "江西省人力资源和社会保障厅"),
    "province-land-hall": ("原省国土资源厅", PROVINCE, "江西省国土资源厅", True, "江西省自然资源厅"),
    "province-grain": ("省粮食局", PROVINCE, "江西省粮食局", True, "江西省粮食和物资储备局"),
    "province-tourism-commission": ("省旅发委", PROVINCE, "江西省旅游发展委员会", True, "江西省文化和旅游厅"),
    "province-health-two-steps": ("原省卫生厅", PROVINCE, "江西省卫生厅", True, "江西省卫生健康委员会"),
    "region-pastoral-hall": ("自治区农牧业厅", REGION, "内蒙古自治区农牧业厅", True, "内蒙古自治区农牧厅"),
    "region-short-name": ("内蒙古人社厅", REGION, "内蒙古自治区人力资源和社会保障厅", False, "内蒙古自治区人力资源和社会保障厅"),
    # cities: 局, with some 委员会 kept
    "city-short-form": ("市发改委", CITY, "赣州市发展和改革委员会", False, "赣州市发展和改革委员会"),
    "city-hall-short-is-province": ("省人社厅", CITY, "江西省人力资源和社会保障厅", False, "江西省人力资源和社会保障厅"),
    "city-quality-bureau": ("原市质监局", CITY, "赣州市质量技术监督局", True, "赣州市市场监督管理局"),
    "city-spelling-without-and": ("赣州市人力资源社会保障局", CITY, "赣州市人力资源和社会保障局", False, "赣州市人力资源和社会保障局"),
    "city-commission-short-ending": ("市卫生健康委", CITY, "赣州市卫生健康委员会", False, "赣州市卫生健康委员会"),
    "city-bureau-short-ending": ("市机关事务局", CITY, "赣州市机关事务管理局", False, "赣州市机关事务管理局"),
    "city-poverty-office": ("市扶贫办", CITY, "赣州市扶贫开发办公室", True, "赣州市乡村振兴局"),
    "city-foreign-overseas-office": ("原市外侨办", CITY, "赣州市外事侨务办公室", True, "赣州市外事办公室"),
    "autonomous-region-city": ("市林业局", REGION_CITY, "林芝市林业局", False, "林芝市林业局"),
    # counties: the printed ending says 局 or 委员会
    "county-bureau-short-form": ("县发改局", COUNTY, "安远县发展和改革局", False, "安远县发展和改革局"),
    "county-commission-short-form": ("发改委", COUNTY, "安远县发展和改革委员会", False, "安远县发展和改革委员会"),
    "county-hall-short-is-province": ("人社厅", COUNTY, "江西省人力资源和社会保障厅", False, "江西省人力资源和社会保障厅"),
    "county-culture-press": ("县文广新局", COUNTY, "安远县文化广电新闻出版局", True, "安远县文化广电和旅游局"),
    "county-market": ("县市场监管局", COUNTY, "安远县市场监督管理局", False, "安远县市场监督管理局"),
    "county-party-front": ("县委统战部", COUNTY, "中国共产党安远县委员会统一战线工作部", False, "中国共产党安远县委员会统一战线工作部"),
    "party-department-without-committee": ("县宣传部", COUNTY, "中国共产党安远县委员会宣传部", False, "中国共产党安远县委员会宣传部"),
    "party-department-same-with-committee": ("县委宣传部", COUNTY, "中国共产党安远县委员会宣传部", False, "中国共产党安远县委员会宣传部"),
    "county-red-cross": ("县红十字会", COUNTY, "安远县红十字会", False, "安远县红十字会"),
    "county-name-of-a-province-and-city-unit-unknown": ("县新闻出版广电局", COUNTY, "安远县新闻出版广电局", None, None),
    # municipalities: departments are 局 and 委员会 of a city-level unit
    "municipality-bureau": ("市人社局", BEIJING, "北京市人力资源和社会保障局", False, "北京市人力资源和社会保障局"),
    "municipality-education-commission": ("市教委", BEIJING, "北京市教育委员会", False, "北京市教育委员会"),
    "municipality-health": ("原市卫计委", TIANJIN, "天津市卫生和计划生育委员会", True, "天津市卫生健康委员会"),
    "municipality-commerce-commission-kept": ("市商务委", SHANGHAI_DISTRICT, "上海市商务委员会", False, "上海市商务委员会"),
    "municipal-district": ("区民政局", SHANGHAI_DISTRICT, "上海市闵行区民政局", False, "上海市闵行区民政局"),
    # 原 with a full name, unknown units
    "former-full-name-no-successor": ("原赣州市邮政局", CITY, "赣州市邮政局", True, None),
    "former-full-name-with-successor": ("原赣州市安全生产监督管理局", CITY, "赣州市安全生产监督管理局", True, "赣州市应急管理局"),
    "unit-with-second-name": ("市委宣传部（市新闻出版局）", CITY, "中国共产党赣州市委员会宣传部", False, "中国共产党赣州市委员会宣传部"),
    "printed-successor": ("原市农业局（现市农业农村局）", CITY, "赣州市农业局", True, "赣州市农业农村局"),
    "printed-successor-of-unit-without-one": ("原市物价局（现为市发改委）", CITY, "赣州市物价局", True, "赣州市发展和改革委员会"),
    "unknown-unit-keeps-its-brackets": ("市某某中心（市某某站）", CITY, "赣州市某某中心(市某某站)", None, None),
    "government-itself": ("县政府", COUNTY, "安远县人民政府", False, "安远县人民政府"),
    "unknown-unit-not-guessed": ("赣州市某某服务中心", CITY, "赣州市某某服务中心", None, None),
    "local-short-form-is-not-central": ("科协", CITY, "赣州市科学技术协会", False, "赣州市科学技术协会"),
}


@pytest.mark.parametrize(("raw", "document", "name", "former", "current"), CASES.values(), ids=CASES.keys())
def test_unit_at_its_level(raw: str, document: Locality, name: str | None, former: bool | None, current: str | None) -> None:
    agency = normalize_agency(raw, document)
    assert (agency.name, agency.former, agency.current) == (name, former, current)


def test_central_unit_has_no_place() -> None:
    place = normalize_agency("工信部", CITY).locality
    assert place == Locality(level="central")


def test_traditional_characters_at_every_level() -> None:
    assert normalize_agency("國家發展改革委", CENTRAL).name == "国家发展和改革委员会"
    assert normalize_agency("縣發改局", COUNTY).name == "安远县发展和改革局"


def _row(doc_id: str, supervisor: str, locality: Locality) -> dict:
    return {
        "doc_id": doc_id,
        "name": "某某行业协会",
        "name_raw": "某某行业协会",
        "kind": "industry_association",
        "supervisor_raw": supervisor,
        "province": locality.province,
        "city": locality.city,
        "county": locality.county,
        "adcode": locality.adcode,
    }


def test_link_reads_the_level_of_each_roster() -> None:
    """The same short form names a ministry in a central roster and the county's bureau in a county's."""
    rows = [_row("central", "发改委", CENTRAL), _row("county", "县发改局", COUNTY), _row("central", "发改委", CENTRAL)]
    documents = [{"doc_id": "central", "admin_level": "central"}, {"doc_id": "county", "admin_level": "county"}]
    linked, agencies = link_rows(rows, documents)
    assert [row["supervisor"] for row in linked] == ["国家发展和改革委员会", "安远县发展和改革局", "国家发展和改革委员会"]
    assert sorted((a["name"], a["rows"], a["province"]) for a in agencies) == [
        ("国家发展和改革委员会", 2, None),
        ("安远县发展和改革局", 1, "江西省"),
    ]
