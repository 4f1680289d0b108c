"""Supervising units named as their governments name them, at places the corpora do not hold: a
district's unit with its city (or municipality) before it, a county's, county-level city's or banner's
alone; the four municipalities' own departments and reforms; official spellings; and no name a
government does not use, made by a partial expansion."""

from __future__ import annotations

import pytest

from normalizers.agencies import normalize_agency
from normalizers.agency_vocabulary import (
    PLACE,
    central_units,
    committee_forms,
    departments,
    place_short_forms,
    short_forms,
)
from normalizers.divisions import official_place_name, own_places
from normalizers.locality import Locality

CHAOYANG = Locality("北京市", "北京市", "朝阳区", "110105", "county")
BINHAI = Locality("天津市", "天津市", "滨海新区", "120116", "county")
MINHANG = Locality("上海市", "上海市", "闵行区", "310112", "county")
JIANGBEI = Locality("重庆市", "重庆市", "江北区", "500105", "county")
WUHOU = Locality("四川省", "成都市", "武侯区", "510107", "county")
LIXIA = Locality("山东省", "济南市", "历下区", "370102", "county")
COUNTY = Locality("湖北省", "宜昌市", "秭归县", "420527", "county")
COUNTY_CITY = Locality("浙江省", "金华市", "义乌市", "330782", "county")
BANNER = Locality("内蒙古自治区", "通辽市", "科尔沁左翼中旗", "150521", "county")
CITY = Locality("湖南省", "长沙市", None, "430100", "city")
OTHER_CITY = Locality("山东省", "临沂市", None, "371300", "city")
BEIJING = Locality("北京市", "北京市", None, "110000", "province")
TIANJIN = Locality("天津市", "天津市", None, "120000", "province")
SHANGHAI = Locality("上海市", "上海市", None, "310000", "province")
CHONGQING = Locality("重庆市", "重庆市", None, "500000", "province")
JIANGSU = Locality("江苏省", None, None, "320000", "province")
ANHUI = Locality("安徽省", None, None, "340000", "province")
GUIZHOU = Locality("贵州省", None, None, "520000", "province")
SHANDONG = Locality("山东省", None, None, "370000", "province")

# id: (raw, document, name, former, current)
CASES = {
    # a district's unit opens with its city's or municipality's name
    "municipal-district-commission": ("区商务委", JIANGBEI, "重庆市江北区商务委员会", None, None),
    "municipal-district-education": ("区教委", CHAOYANG, "北京市朝阳区教育委员会", False, "北京市朝阳区教育委员会"),
    "municipal-new-area-former": ("原区安监局", BINHAI, "天津市滨海新区安全生产监督管理局", True, "天津市滨海新区应急管理局"),
    "municipal-district-own-commission": ("区科经委", MINHANG, "上海市闵行区科技和经济委员会", None, None),
    "municipal-district-transport": ("区建交委", MINHANG, "上海市闵行区建设和交通委员会", None, None),
    "city-district": ("区民政局", WUHOU, "成都市武侯区民政局", False, "成都市武侯区民政局"),
    "city-district-spelling": ("区人力社保局", LIXIA, "济南市历下区人力资源和社会保障局", False, "济南市历下区人力资源和社会保障局"),
    "district-named-in-its-city": ("岳麓区民政局", CITY, "长沙市岳麓区民政局", False, "长沙市岳麓区民政局"),
    # counties, county-level cities and banners carry their own name only
    "county": ("县人力社保局", COUNTY, "秭归县人力资源和社会保障局", False, "秭归县人力资源和社会保障局"),
    "county-level-city": ("市住房城乡建设局", COUNTY_CITY, "义乌市住房和城乡建设局", False, "义乌市住房和城乡建设局"),
    "banner": ("旗林草局", BANNER, "科尔沁左翼中旗林业和草原局", False, "科尔沁左翼中旗林业和草原局"),
    # a printed full place is kept
    "printed-municipal-district-kept": ("天津市河东区发改委", OTHER_CITY, "天津市河东区发展和改革委员会", False, "天津市河东区发展和改革委员会"),
    "printed-city-district-kept": ("长沙市岳麓区民政局", SHANDONG, "长沙市岳麓区民政局", False, "长沙市岳麓区民政局"),
    "district-of-two-cities-as-printed": ("河东区民政局", CITY, "河东区民政局", False, "河东区民政局"),
    # the municipalities' own departments and reforms
    "tianjin-agriculture": ("原市农委", TIANJIN, "天津市农业委员会", True, "天津市农业农村委员会"),
    "tianjin-land-and-housing": ("市国土房管局", TIANJIN, "天津市国土资源和房屋管理局", True, "天津市规划和自然资源局"),
    "tianjin-market-commission": ("市市场监管委", TIANJIN, "天津市市场监督管理委员会", False, "天津市市场监督管理委员会"),
    "beijing-commerce-became-bureau": ("市商务委", BEIJING, "北京市商务委员会", True, "北京市商务局"),
    "beijing-planning": ("原市规划国土委", BEIJING, "北京市规划和国土资源管理委员会", True, "北京市规划和自然资源委员会"),
    "beijing-rural-work": ("市农工委", BEIJING, "北京市农村工作委员会", True, "北京市农业农村局"),
    "tianjin-market-merged-twice": ("原市工商局", TIANJIN, "天津市工商行政管理局", True, "天津市市场监督管理委员会"),
    "municipality-food-and-drug-split": ("原市食药监局", BEIJING, "北京市食品药品监督管理局", True, None),
    "shanghai-commission-kept": ("市经信委", SHANGHAI, "上海市经济和信息化委员会", False, "上海市经济和信息化委员会"),
    "shanghai-housing-office": ("市房管局", SHANGHAI, "上海市住房保障和房屋管理局", False, "上海市住房保障和房屋管理局"),
    "chongqing-science": ("原市科委", CHONGQING, "重庆市科学技术委员会", True, "重庆市科学技术局"),
    "chongqing-culture-two-into-one": ("原市旅游委", CHONGQING, "重庆市旅游发展委员会", True, "重庆市文化和旅游发展委员会"),
    "marked-kept-commission-has-no-successor": ("原市教委", CHONGQING, "重庆市教育委员会", True, None),
    "province-kept-its-economy-department": ("原省经信委", ANHUI, "安徽省经济和信息化委员会", True, "安徽省经济和信息化厅"),
    "province-made-an-industry-department": ("原省经信委", JIANGSU, "江苏省经济和信息化委员会", True, "江苏省工业和信息化厅"),
    # spellings governments use
    "province-hall-spelling": ("省人力社保厅", JIANGSU, "江苏省人力资源和社会保障厅", False, "江苏省人力资源和社会保障厅"),
    "province-housing-spelling": ("省住房城乡建设厅", JIANGSU, "江苏省住房和城乡建设厅", False, "江苏省住房和城乡建设厅"),
    "city-work-safety-official-short": ("原市安全监管局", WUHOU, "成都市安全生产监督管理局", True, "成都市应急管理局"),
    "county-health-official-short": ("县卫生计生局", COUNTY, "秭归县卫生和计划生育局", True, "秭归县卫生健康局"),
    "county-education-with-and": ("县教育和体育局", COUNTY, "秭归县教育和体育局", False, "秭归县教育和体育局"),
    "province-data-bureau-known": ("省大数据局", GUIZHOU, "贵州省大数据发展管理局", None, None),
    "province-data-bureau-as-printed": ("省大数据局", SHANDONG, "山东省大数据局", None, None),
    "national-administration-official-spelling": ("国家安全监管总局", JIANGSU, "国家安全生产监督管理总局", True, "应急管理部"),
    "national-administration-without-country": ("工商行政管理总局", CITY, "国家工商行政管理总局", True, "国家市场监督管理总局"),
    # no partial expansion into a name no government uses
    "city-land-and-housing-as-printed": ("市国土房管局", CITY, "长沙市国土房管局", None, None),
}


@pytest.mark.parametrize(("raw", "document", "name", "former", "current"), CASES.values(), ids=CASES.keys())
def test_unit_named_officially(
    raw: str, document: Locality, name: str | None, former: bool | None, current: str | None
) -> None:
    agency = normalize_agency(raw, document)
    assert (agency.name, agency.former, agency.current) == (name, former, current)


def test_a_current_unit_is_its_own_current_unit() -> None:
    for raw, document, _, former, current in CASES.values():
        agency = normalize_agency(raw, document)
        assert former is not False or agency.current == agency.name, raw


DOCUMENTS = (CHAOYANG, WUHOU, COUNTY, BANNER, CITY, CHONGQING, JIANGSU, GUIZHOU)
INVENTED_BODIES = ("国土房管局", "农林牧局", "大数据局", "经信商务局", "住建交局", "人社就业局")
"""Bodies that end like a short form (房管局, 牧局, 商务局…) but are none: they stay as printed."""


def _body(name: str, document: Locality) -> str:
    """The unit's name without its place, or its party or league committee, as its government writes them."""
    for place in own_places(document):
        own = official_place_name(place)
        heads = [form.expansion.replace(PLACE, own) for form in committee_forms()] + [own]
        head = next((h for h in sorted(heads, key=len, reverse=True) if name.startswith(h)), None)
        if head is not None:
            return name[len(head) :]
    return name


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.county or d.city or d.province)
def test_spelling_rules_invent_no_name(document: Locality) -> None:
    """Every unit a short form or spelling gives is in the department table (or a central unit), else it
    is the printed body with its place written in full."""
    bodies = set(short_forms()) | {short for _, short in place_short_forms()} | set(INVENTED_BODIES)
    invented = []
    for body in sorted(bodies):
        name = normalize_agency(body, document).name
        if name is not None and name not in central_units() and _body(name, document) not in departments() | {body}:
            invented.append((body, name))
    assert not invented
