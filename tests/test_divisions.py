"""The division table has the shape of GB/T 2260, and its names are found where documents use them."""

from __future__ import annotations

from collections import Counter

import pytest

from normalizers import divisions
from normalizers.divisions import Locality, split_place
from normalizers.vocabulary import read_table

ROWS = read_table("divisions.csv")
CURRENT = [d for d in divisions.divisions() if not d.former]
MAINLAND_PROVINCES = 31
"""Province-level units: 31 on the mainland, plus 香港, 澳门 and 台湾 (34), which have no subdivisions here."""


def _codes(found: list[divisions.Division]) -> list[str]:
    return [d.adcode for d in found]


def test_columns() -> None:
    header = ["adcode", "name", "short_name", "level", "province", "city", "former", "successor", "source"]
    assert list(ROWS[0]) == header


def test_current_adcodes_are_unique() -> None:
    assert not [code for code, n in Counter(d.adcode for d in CURRENT).items() if n > 1]


def test_former_rows_are_distinct_by_code_and_name() -> None:
    assert not [key for key, n in Counter((d.adcode, d.name) for d in divisions.divisions()).items() if n > 1]


def test_province_level_units() -> None:
    provinces = [d for d in CURRENT if d.level == "province"]
    assert len(provinces) == MAINLAND_PROVINCES + 3
    assert {"香港特别行政区", "澳门特别行政区", "台湾省"} <= {d.name for d in provinces}


def test_levels_match_codes() -> None:
    for division in divisions.divisions():
        code = division.adcode
        expected = "province" if code.endswith("0000") else "city" if code.endswith("00") else "county"
        assert division.level == expected, division


def test_every_short_name_is_set() -> None:
    assert all(row["short_name"] for row in ROWS)


def test_parents_resolve() -> None:
    provinces = {d.name: d for d in divisions.divisions() if d.level == "province"}
    cities = {(d.province, d.name) for d in divisions.divisions() if d.level == "city"}
    for division in divisions.divisions():
        if division.level == "province":
            assert (division.province, division.city) == (None, None)
            continue
        province = provinces[division.province]
        assert division.adcode[:2] == province.adcode[:2]
        if division.level == "city":
            assert division.city is None
        elif province.is_municipality:
            assert division.city == province.name
        elif division.city is not None:
            assert (division.province, division.city) in cities


def test_successors_are_current_units() -> None:
    current = {d.adcode for d in CURRENT}
    assert all(d.successor in current for d in divisions.divisions() if d.successor)


SHORT_NAMES = {
    "autonomous-region": ("宁夏回族自治区", "宁夏"),
    "inner-mongolia": ("内蒙古自治区", "内蒙古"),
    "special-region": ("香港特别行政区", "香港"),
    "city": ("开封市", "开封"),
    "district": ("河东区", "河东"),
    "korean-prefecture": ("延边朝鲜族自治州", "延边"),
    "mongol-without-zu": ("巴音郭楞蒙古自治州", "巴音郭楞"),
    "ethnic-banner": ("鄂温克族自治旗", "鄂温克"),
    "three-peoples-county": ("积石山保安族东乡族撒拉族自治县", "积石山"),
    "forest-district": ("神农架林区", "神农架"),
    "lin-in-name": ("万柏林区", "万柏林"),
    "xin-in-name": ("清新区", "清新"),
    "one-character-stem": ("赵县", "赵县"),
    "city-named-like-province": ("吉林市", "吉林市"),
}


@pytest.mark.parametrize(("name", "short"), SHORT_NAMES.values(), ids=SHORT_NAMES.keys())
def test_short_name(name: str, short: str) -> None:
    assert {d.short_name for d in divisions.lookup(name)} == {short}


LOOKUPS = {
    "county-in-two-provinces": ("河东区", ["120102", "371312"]),
    "city-short-name": ("开封", ["410200"]),
    "province-short-name": ("宁夏", ["640000"]),
    "current-before-former": ("平泉", ["130881", "130823"]),
    "former-full-name": ("平泉县", ["130823"]),
    "not-a-place": ("新能源", []),
}


@pytest.mark.parametrize(("name", "codes"), LOOKUPS.values(), ids=LOOKUPS.keys())
def test_lookup(name: str, codes: list[str]) -> None:
    assert _codes(divisions.lookup(name)) == codes


PREFIXES = {
    "regional-chamber": ("宁夏陕西商会", ["640000"]),
    "second-place": ("陕西商会", ["610000"]),
    "full-name": ("开封市收藏协会", ["410200"]),
    "longest-first": ("吉林市商会", ["220200", "220000"]),
    "market-is-not-city": ("吉林市场协会", ["220000"]),
    "municipality-then-district": ("天津市河东区发展和改革委员会", ["120000"]),
    "no-place": ("新能源协会", []),
}


@pytest.mark.parametrize(("text", "codes"), PREFIXES.values(), ids=PREFIXES.keys())
def test_place_prefix(text: str, codes: list[str]) -> None:
    assert _codes(divisions.place_prefix(text)) == codes


ABBREVIATIONS = {
    "two-provinces": ("川渝商会", ["510000", "500000"]),
    "five-provinces": ("苏浙皖赣沪商会", ["320000", "330000", "340000", "360000", "310000"]),
    "alternative-abbreviations": ("蜀黔企业联合会", ["510000", "520000"]),
    "general-chamber": ("川渝总商会", ["510000", "500000"]),
    "one-character-is-a-word": ("新能源协会", []),
    "province-name": ("辽宁商会", []),
    "no-name-suffix": ("京津冀协同发展", []),
    "suffix-not-right-after-the-run": ("新青年协会", []),
}


@pytest.mark.parametrize(("text", "codes"), ABBREVIATIONS.values(), ids=ABBREVIATIONS.keys())
def test_abbreviation_places(text: str, codes: list[str]) -> None:
    assert _codes(divisions.abbreviation_places(text)) == codes


FREE_TEXT = {
    "city-then-district": ("关于将临沂市罗庄区列为试点", [(3, "371300"), (6, "371311")]),
    "province-short-name": ("我区作为天津中心城区", [(4, "120000")]),
    "full-province-name": ("宁夏回族自治区民政厅", [(0, "640000")]),
    "former-name": ("平泉县人民政府", [(0, "130823")]),
    "ambiguous-name": ("河东区人民政府", [(0, "120102"), (0, "371312")]),
    "street-name": ("北京路社区", []),
    "two-character-names-are-words": ("主城区和郊区", []),
    "region-word": ("青山区域发展", []),
    "city-short-names-are-out": ("开封文化", []),
    "abbreviation-is-out": ("发展新能源", []),
}


@pytest.mark.parametrize(("text", "found"), FREE_TEXT.values(), ids=FREE_TEXT.keys())
def test_find_places(text: str, found: list[tuple[int, str]]) -> None:
    assert [(offset, d.adcode) for offset, d in divisions.find_places(text)] == found


def test_every_province_has_an_abbreviation() -> None:
    table = read_table("province_abbreviations.csv")
    provinces = {d.name for d in CURRENT if d.level == "province"}
    assert all(len(row["abbreviation"]) == 1 and row["province"] in provinces for row in table)
    assert len({row["abbreviation"] for row in table}) == len(table)
    assert {row["province"] for row in table} == provinces


# id: (text, document, (place name or None, rest, unresolved))
SPLIT_CASES = {
    "own-word": ("市民政局", Locality("湖南省", "邵阳市", None, "430500", "city"), ("邵阳市", "民政局", False)),
    "own-short-name": ("宁夏发改委", Locality("宁夏回族自治区", None, None, "640000", "province"), ("宁夏回族自治区", "发改委", False)),
    "other-place-from-gazetteer": ("湖南省气象局", Locality("湖南省", "邵阳市", None, "430500", "city"), ("湖南省", "气象局", False)),
    "chain-keeps-deepest": ("湖南省邵阳市民政局", Locality(), ("邵阳市", "民政局", False)),
    "short-name-before-ending-is-another-place": ("邵阳县民政局", Locality("湖南省", "邵阳市"), ("邵阳县", "民政局", False)),
    "word-missing-in-document": ("市民政局", Locality("湖南省", None, None, "430000", "province"), (None, "民政局", True)),
    "market-is-no-place": ("市场监管局", Locality("湖南省", "邵阳市"), (None, "市场监管局", False)),
    "two-character-name-is-a-word": ("城区环卫处", Locality("山西省", "阳泉市"), (None, "城区环卫处", False)),
}


@pytest.mark.parametrize(("text", "document", "expected"), SPLIT_CASES.values(), ids=SPLIT_CASES.keys())
def test_split_place(text: str, document: Locality, expected: tuple[str | None, str, bool]) -> None:
    split = split_place(text, document)
    assert (split.place.name if split.place else None, split.rest, split.unresolved) == expected


def test_other_place_takes_its_parents_from_the_gazetteer() -> None:
    split = split_place("洞口县民政局", Locality("湖南省", None, None, "430000", "province"))
    assert split.place is not None
    assert split.place.locality == Locality("湖南省", "邵阳市", "洞口县", "430525", "county")


def test_municipality_units_are_city_units() -> None:
    split = split_place("北京市民政局", Locality("河北省", "保定市"))
    assert split.place is not None and split.place.locality.level == "city"
    assert (split.place.locality.province, split.place.locality.city) == ("北京市", "北京市")


@pytest.mark.parametrize(
    ("locality", "label"),
    [
        (Locality("河南省", "开封市", None, "410200", "city"), "河南省开封市"),
        (Locality("天津市", "天津市", "河东区", "120102", "county"), "天津市河东区"),
        (Locality("山东省", "临沂市", "河东区", None, "county"), "山东省临沂市河东区"),
        (Locality("河南省", None, "济源市", None, "county"), "河南省济源市"),
        (Locality(level="central"), "中央"),
        (Locality(), None),
    ],
)
def test_locality_label(locality: Locality, label: str | None) -> None:
    assert divisions.locality_label(locality) == label


@pytest.mark.parametrize(
    ("locality", "adcode"),
    [
        (Locality("天津市", "天津市", "河东区"), "120102"),
        (Locality("山东省", "临沂市", "河东区"), "371312"),
        (Locality(county="河东区", level="county"), None),
        (Locality("湖南省", "邵阳市", level="city"), "430500"),
        (Locality(level="central"), None),
        (Locality(), None),
    ],
)
def test_locality_adcode(locality: Locality, adcode: str | None) -> None:
    assert divisions.locality_adcode(locality) == adcode


@pytest.mark.parametrize(
    ("locality", "level"),
    [
        (Locality("北京市", "北京市", level="city"), "province"),
        (Locality("北京市", "北京市", "朝阳区"), "county"),
        (Locality("湖南省", "邵阳市"), "city"),
        (Locality("湖南省"), "province"),
        (Locality(level="central"), "central"),
        (Locality(), None),
    ],
)
def test_government_level(locality: Locality, level: str | None) -> None:
    assert divisions.government_level(locality) == level
