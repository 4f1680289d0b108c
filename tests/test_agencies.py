"""Supervising units: abbreviations, own-place words, former units and their successors, variants, the table."""

from __future__ import annotations

import re

import pytest

from normalizers.agencies import AgencyName, agency_table, canonical_agencies, names_unit, normalize_agency
from normalizers.agency_variants import collapse_variants
from normalizers.locality import Locality

NINGXIA = Locality("宁夏回族自治区", None, None, "640000", "province")
KAIFENG = Locality("河南省", "开封市", None, "410200", "city")
PROVINCE = Locality("甘肃省", None, None, "620000", "province")
CITY = Locality("湖南省", "邵阳市", None, "430500", "city")
COUNTY = Locality("湖南省", "邵阳市", "洞口县", "430525", "county")
MUNICIPAL_DISTRICT = Locality("重庆市", "重庆市", "渝中区", "500103", "county")
UNKNOWN = Locality()

# id: (raw, document, name, former, current)
GOLD_CASES = {
    "ningxia-former-abbreviated": (
        "原自治区经信委",
        NINGXIA,
        "宁夏回族自治区经济和信息化委员会",
        True,
        "宁夏回族自治区工业和信息化厅",
    ),
    "kaifeng-supply-cooperative": ("开封市供销社", KAIFENG, "开封市供销合作社", False, "开封市供销合作社"),
    "kaifeng-city-management": ("开封市城管局", KAIFENG, "开封市城市管理局", False, "开封市城市管理局"),
    "kaifeng-culture-tourism-abbreviated": (
        "开封市文广新和旅游局",
        KAIFENG,
        "开封市文化广电和旅游局",
        False,
        "开封市文化广电和旅游局",
    ),
    "kaifeng-land-resources": ("原开封市国土资源局", KAIFENG, "开封市国土资源局", True, "开封市自然资源和规划局"),
    "kaifeng-food-drug": (
        "原开封市食品药品监督管理局",
        KAIFENG,
        "开封市食品药品监督管理局",
        True,
        "开封市市场监督管理局",
    ),
    "kaifeng-quality": ("原开封市质量技术监督局", KAIFENG, "开封市质量技术监督局", True, "开封市市场监督管理局"),
    "kaifeng-agriculture-forestry-unmarked": ("开封市农林局", KAIFENG, "开封市农林局", True, "开封市农业农村局"),
    "kaifeng-agriculture-forestry-marked": ("原开封市农林局", KAIFENG, "开封市农林局", True, "开封市农业农村局"),
    "kaifeng-cultural-relics": ("原开封市文物局", KAIFENG, "开封市文物局", True, None),
    "kaifeng-post-printed-in-full": ("原开封市邮政局", KAIFENG, "开封市邮政局", True, None),
    "kaifeng-youth-league": (
        "中国共产主义青年团开封市委员会",
        KAIFENG,
        "中国共产主义青年团开封市委员会",
        False,
        "中国共产主义青年团开封市委员会",
    ),
    "kaifeng-party-veteran-cadres": (
        "中国共产党开封市委员会老干部局",
        KAIFENG,
        "中国共产党开封市委员会老干部局",
        False,
        "中国共产党开封市委员会老干部局",
    ),
    "kaifeng-sasac": (
        "开封市人民政府国有资产监督管理委员会",
        KAIFENG,
        "开封市人民政府国有资产监督管理委员会",
        False,
        "开封市人民政府国有资产监督管理委员会",
    ),
    "kaifeng-province-unit": ("河南省通信管理局", KAIFENG, "河南省通信管理局", False, "河南省通信管理局"),
    "kaifeng-animal-husbandry-unknown": ("开封市畜牧局", KAIFENG, "开封市畜牧局", None, None),
    "kaifeng-people-organisation": (
        "开封市文化艺术界联合会",
        KAIFENG,
        "开封市文化艺术界联合会",
        False,
        "开封市文化艺术界联合会",
    ),
}

INVENTED_CASES = {
    "county-party-propaganda": (
        "县委宣传部",
        COUNTY,
        "中国共产党洞口县委员会宣传部",
        False,
        "中国共产党洞口县委员会宣传部",
    ),
    "province-development-reform": ("省发改委", PROVINCE, "甘肃省发展和改革委员会", False, "甘肃省发展和改革委员会"),
    "province-former-commission-to-department": (
        "原省经信委",
        PROVINCE,
        "甘肃省经济和信息化委员会",
        True,
        "甘肃省工业和信息化厅",
    ),
    "city-former-commission-to-bureau": (
        "市经信委",
        CITY,
        "邵阳市经济和信息化委员会",
        True,
        "邵阳市工业和信息化局",
    ),
    "city-youth-league": ("团市委", CITY, "中国共产主义青年团邵阳市委员会", False, "中国共产主义青年团邵阳市委员会"),
    "province-youth-league": (
        "团省委",
        PROVINCE,
        "中国共产主义青年团甘肃省委员会",
        False,
        "中国共产主义青年团甘肃省委员会",
    ),
    "county-youth-league": (
        "团县委",
        COUNTY,
        "中国共产主义青年团洞口县委员会",
        False,
        "中国共产主义青年团洞口县委员会",
    ),
    "city-youth-league-after-place": (
        "邵阳市团委",
        CITY,
        "中国共产主义青年团邵阳市委员会",
        False,
        "中国共产主义青年团邵阳市委员会",
    ),
    "party-committee-short": ("中共邵阳市委", CITY, "中国共产党邵阳市委员会", False, "中国共产党邵阳市委员会"),
    "party-department-short": (
        "市委统战部",
        CITY,
        "中国共产党邵阳市委员会统一战线工作部",
        False,
        "中国共产党邵阳市委员会统一战线工作部",
    ),
    "region-party-committee": (
        "自治区党委宣传部",
        NINGXIA,
        "中国共产党宁夏回族自治区委员会宣传部",
        False,
        "中国共产党宁夏回族自治区委员会宣传部",
    ),
    "short-province-name": (
        "宁夏发改委",
        NINGXIA,
        "宁夏回族自治区发展和改革委员会",
        False,
        "宁夏回族自治区发展和改革委员会",
    ),
    "sasac-abbreviated": (
        "市国资委",
        CITY,
        "邵阳市人民政府国有资产监督管理委员会",
        False,
        "邵阳市人民政府国有资产监督管理委员会",
    ),
    "sasac-abbreviated-after-government": (
        "邵阳市人民政府国资委",
        CITY,
        "邵阳市人民政府国有资产监督管理委员会",
        False,
        "邵阳市人民政府国有资产监督管理委员会",
    ),
    "market-word-is-no-place": ("市场监管局", CITY, "邵阳市市场监督管理局", False, "邵阳市市场监督管理局"),
    "market-after-city-word": ("市市场监管局", CITY, "邵阳市市场监督管理局", False, "邵阳市市场监督管理局"),
    "bare-department-takes-document-place": ("民政局", CITY, "邵阳市民政局", False, "邵阳市民政局"),
    "bare-department-hall-is-province": ("民政厅", CITY, "湖南省民政厅", False, "湖南省民政厅"),
    "county-environment-successor-uncertain": ("原县环保局", COUNTY, "洞口县环境保护局", True, None),
    "city-environment": ("原市环保局", CITY, "邵阳市环境保护局", True, "邵阳市生态环境局"),
    "county-agriculture": ("县农业局", COUNTY, "洞口县农业局", True, "洞口县农业农村局"),
    "city-health-family-planning": ("市卫计委", CITY, "邵阳市卫生和计划生育委员会", True, "邵阳市卫生健康委员会"),
    "province-work-safety": ("省安监局", PROVINCE, "甘肃省安全生产监督管理局", True, "甘肃省应急管理厅"),
    "province-culture": ("省文化厅", PROVINCE, "甘肃省文化厅", True, "甘肃省文化和旅游厅"),
    "city-press-publication": ("市文广新局", CITY, "邵阳市文化广电新闻出版局", True, "邵阳市文化广电和旅游局"),
    "municipality-commission-kept-by-its-municipality": (
        "市经信委",
        MUNICIPAL_DISTRICT,
        "重庆市经济和信息化委员会",
        False,
        "重庆市经济和信息化委员会",
    ),
    "municipality-unit-renamed-unlike-others-unknown": ("市旅游局", MUNICIPAL_DISTRICT, "重庆市旅游局", None, None),
    "municipal-district-word": ("区民政局", MUNICIPAL_DISTRICT, "重庆市渝中区民政局", False, "重庆市渝中区民政局"),
    "marked-current-unit-has-no-successor": ("原市商务局", CITY, "邵阳市商务局", True, None),
    "other-county-in-city-document": ("邵阳县民政局", CITY, "邵阳县民政局", False, "邵阳县民政局"),
    "returned-overseas-chinese": ("县侨联", COUNTY, "洞口县归国华侨联合会", False, "洞口县归国华侨联合会"),
    "white-space-and-stray-bracket": ("原 邵阳市\u3000农林局）", CITY, "邵阳市农林局", True, "邵阳市农业农村局"),
    "city-word-in-province-document": ("市民政局", PROVINCE, None, None, None),
    "own-place-word-without-locality": ("省民政厅", UNKNOWN, None, None, None),
    "post-without-former-mark-named-as-printed": ("邵阳市邮政局", CITY, "邵阳市邮政局", None, None),
    "county-named-like-former-mark": (
        "原阳县民政局",
        Locality("河南省", "新乡市", "原阳县"),
        "原阳县民政局",
        False,
        "原阳县民政局",
    ),
}

NORMALIZE_CASES = GOLD_CASES | INVENTED_CASES


@pytest.mark.parametrize(
    ("raw", "document", "name", "former", "current"), NORMALIZE_CASES.values(), ids=NORMALIZE_CASES.keys()
)
def test_normalize_agency(
    raw: str, document: Locality, name: str | None, former: bool | None, current: str | None
) -> None:
    agency = normalize_agency(raw, document)
    assert (agency.raw, agency.name, agency.former, agency.current) == (raw, name, former, current)
    assert agency.registration == "supervised"


DIRECT_CASES = {"direct": "直接登记", "none-word": "无", "dash": "—"}


@pytest.mark.parametrize("raw", DIRECT_CASES.values(), ids=DIRECT_CASES.keys())
def test_direct_registration_has_no_unit(raw: str | None) -> None:
    assert normalize_agency(raw, KAIFENG) == AgencyName(raw, None, None, None, "direct")


@pytest.mark.parametrize("raw", ["", "  ", None], ids=["empty", "blank", "missing"])
def test_missing_unit_is_no_registration(raw: str | None) -> None:
    """Registration is direct only when the row says so (直接登记), never because no unit is printed."""
    assert normalize_agency(raw, KAIFENG) == AgencyName(raw, None, None, None, None)


# id: (raw, document, (province, city, county, level) of the unit itself)
UNIT_PLACE_CASES = {
    "province-unit-in-city-document": ("河南省通信管理局", KAIFENG, ("河南省", None, None, "province")),
    "city-unit": ("开封市民政局", KAIFENG, ("河南省", "开封市", None, "city")),
    "county-word": ("县委宣传部", COUNTY, ("湖南省", "邵阳市", "洞口县", "county")),
    "other-county-inside-city": ("邵阳县民政局", CITY, ("湖南省", "邵阳市", "邵阳县", "county")),
    "province-named-in-full": ("湖南省民政厅", COUNTY, ("湖南省", None, None, "province")),
    "municipality-city-level": ("市民政局", MUNICIPAL_DISTRICT, ("重庆市", "重庆市", None, "city")),
}


@pytest.mark.parametrize(("raw", "document", "expected"), UNIT_PLACE_CASES.values(), ids=UNIT_PLACE_CASES.keys())
def test_unit_locality(raw: str, document: Locality, expected: tuple[str | None, ...]) -> None:
    place = normalize_agency(raw, document).locality
    assert place is not None
    assert (place.province, place.city, place.county, place.level) == expected


# id: (names seen, name, expected canonical)
COLLAPSE_CASES = {
    "dropped-characters-merge": (
        ["开封市住房和建设局", "开封市住房和城乡建设局"],
        "开封市住房和建设局",
        "开封市住房和城乡建设局",
    ),
    "common-variant-merges": (
        ["邵阳市住房城乡建设局", "邵阳市住房和城乡建设局"],
        "邵阳市住房城乡建设局",
        "邵阳市住房和城乡建设局",
    ),
    "standard-maps-to-itself": (
        ["开封市住房和建设局", "开封市住房和城乡建设局"],
        "开封市住房和城乡建设局",
        "开封市住房和城乡建设局",
    ),
    "two-standard-names-stay-apart": (["开封市教育局", "开封市教育体育局"], "开封市教育局", "开封市教育局"),
    "meaningful-character-stays-apart": (["邵阳市农林局", "邵阳市农业农村局"], "邵阳市农林局", "邵阳市农林局"),
    "other-locality-stays-apart": (
        ["洞口县住房和建设局", "邵阳市住房和城乡建设局"],
        "洞口县住房和建设局",
        "洞口县住房和建设局",
    ),
    "variant-alone-stays": (["邵阳市住房和建设局"], "邵阳市住房和建设局", "邵阳市住房和建设局"),
    "party-department-variant": (
        ["中国共产党邵阳市委员会统一战线部", "中国共产党邵阳市委员会统一战线工作部"],
        "中国共产党邵阳市委员会统一战线部",
        "中国共产党邵阳市委员会统一战线工作部",
    ),
    "far-shorter-not-proposed": (["邵阳市城管局", "邵阳市城市管理局"], "邵阳市城管局", "邵阳市城管局"),
}


@pytest.mark.parametrize(("names", "name", "expected"), COLLAPSE_CASES.values(), ids=COLLAPSE_CASES.keys())
def test_collapse_variants(names: list[str], name: str, expected: str) -> None:
    assert collapse_variants(names)[name] == expected


def _pairs(raws: list[str | None], document: Locality = KAIFENG) -> list[tuple[AgencyName, Locality]]:
    return [(normalize_agency(raw, document), document) for raw in raws]


def test_canonical_variant_is_current() -> None:
    variant, standard = canonical_agencies(_pairs(["开封市住房和建设局", "开封市住房和城乡建设局"]))
    assert (variant.raw, variant.name, variant.former, variant.current) == (
        "开封市住房和建设局",
        "开封市住房和城乡建设局",
        False,
        "开封市住房和城乡建设局",
    )
    assert variant.name == standard.name


ROSTER = [
    "开封市农林局",
    "原开封市农林局",
    "直接登记",
    "开封市住房和建设局",
    "开封市住房和城乡建设局",
    "河南省通信管理局",
    "原开封市邮政局",
]


@pytest.fixture(scope="module")
def table() -> list[dict]:
    return agency_table(_pairs(ROSTER))


def _row(table: list[dict], name: str | None) -> dict:
    return next(row for row in table if row["name"] == name)


TABLE_CASES = {
    "former-merged-with-marked": (
        "开封市农林局",
        {"aliases": ["原开封市农林局", "开封市农林局"], "former": True, "successor": "开封市农业农村局", "rows": 2},
    ),
    "variant-merged": (
        "开封市住房和城乡建设局",
        {"aliases": ["开封市住房和城乡建设局", "开封市住房和建设局"], "former": False, "successor": None, "rows": 2},
    ),
    "province-unit": ("河南省通信管理局", {"province": "河南省", "city": None, "county": None, "rows": 1}),
    "city-unit": ("开封市农林局", {"province": "河南省", "city": "开封市", "county": None}),
    "printed-former-unit-named": ("开封市邮政局", {"aliases": ["原开封市邮政局"], "former": True, "successor": None}),
}


@pytest.mark.parametrize(("name", "expected"), TABLE_CASES.values(), ids=TABLE_CASES.keys())
def test_agency_table_row(table: list[dict], name: str | None, expected: dict) -> None:
    row = _row(table, name)
    assert {key: row[key] for key in expected} == expected


def test_agency_table_shape(table: list[dict]) -> None:
    assert [row["name"] for row in table] == ["开封市住房和城乡建设局", "开封市农林局", "开封市邮政局", "河南省通信管理局"]
    assert sum(row["rows"] for row in table) == len(ROSTER) - 1
    assert all(re.fullmatch(r"[0-9a-f]{16}", row["agency_key"]) for row in table)


def test_agency_key_is_stable_across_documents() -> None:
    first = agency_table(_pairs(["开封市民政局"]))
    second = agency_table(_pairs(["市民政局", "开封市 民政局"]))
    assert first[0]["agency_key"] == second[0]["agency_key"]
    assert second[0]["rows"] == 2


def test_same_county_name_in_two_places_has_two_keys() -> None:
    one = Locality("天津市", "天津市", "河东区")
    other = Locality("山东省", "临沂市", "河东区")
    rows = agency_table(_pairs(["区民政局"], one) + _pairs(["区民政局"], other))
    assert [row["name"] for row in rows] == ["临沂市河东区民政局", "天津市河东区民政局"]
    assert rows[0]["agency_key"] != rows[1]["agency_key"]


def test_traditional_characters_are_simplified() -> None:
    agency = normalize_agency("原開封市國土資源局", Locality(province="河南省", city="开封市", adcode="410200", level="city"))
    assert agency.name == "开封市国土资源局"
    assert agency.current == "开封市自然资源和规划局"


@pytest.mark.parametrize("raw", ["市政府办公室", "市人民政府办公室", "市政府办"])
def test_short_and_full_forms_of_the_government_office_meet(raw: str) -> None:
    city = Locality(province="湖南省", city="邵阳市", adcode="430500", level="city")
    assert normalize_agency(raw, city).name == "邵阳市人民政府办公室"


NAMES_UNIT_CASES = {
    "former-short-form": ("原县经信局", True),
    "current-short-form": ("市市场监管局", True),
    "youth-league": ("团县委", True),
    "party-department": ("县委统战部", True),
    "people-organisation": ("市文联", True),
    "science-association-in-full": ("原市科学技术协会", True),
    "ministry": ("工业和信息化部", True),
    "unknown-body-with-place": ("区大数据服务中心办", True),
    "unknown-former-bureau": ("原县粮油局", True),
    "direct-registration": ("直接登记", True),
    "preparatory": ("筹", False),
    "a-place": ("澳门", False),
    "a-region": ("国际", False),
    "former-name-of-an-association": ("原甲县粮油商会", False),
    "another-association": ("甲县茶叶学会", False),
    "an-adjective": ("市级", False),
    "empty": ("", False),
}


@pytest.mark.parametrize(("text", "expected"), NAMES_UNIT_CASES.values(), ids=NAMES_UNIT_CASES.keys())
@pytest.mark.parametrize("document", [UNKNOWN, COUNTY], ids=["no-place", "county"])
def test_names_unit(text: str, expected: bool, document: Locality) -> None:
    """A bracket after an association's name is its supervisor column only when it reads as a unit."""
    assert names_unit(text, document) is expected
