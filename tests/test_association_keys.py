"""association_key: one key per association across documents and formats, distinct associations apart."""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from pathlib import Path

import pytest

from normalizers.association_keys import NameRecord, assign_keys, canonical_name, differs_only_in_designators
from normalizers.locality import Locality
from normalizers.names import normalize_name

GOLD = Path(__file__).parent / "corpus" / "gold"

NX = ("宁夏回族自治区", None, None)
KF = ("河南省", "开封市", None)
ZZ = ("河南省", "郑州市", None)
HENAN = ("河南省", None, None)
HEDONG = ("天津市", "天津市", "河东区")
TIANJIN = ("天津市", "天津市", None)
GD = ("广东省", None, None)
IA = "industry_association"
CC = "chamber_of_commerce"
RC = "regional_chamber"


def _record(name: str, place: tuple[str | None, str | None, str | None], kind: str = IA) -> NameRecord:
    province, city, county = place
    return NameRecord(normalize_name(name), province, city, kind, county)


SAME = {
    "full_and_short_province_prefix": (_record("宁夏回族自治区电力行业协会", NX), _record("宁夏电力行业协会", NX)),
    "partial_province_designator": (_record("宁夏自治区煤炭协会", NX), _record("宁夏煤炭协会", NX)),
    "prefix_omitted_in_own_roster": (_record("煤炭协会", NX), _record("宁夏煤炭协会", NX)),
    "province_before_city": (_record("河南省开封市书法协会", KF), _record("开封市书法协会", KF)),
    "short_city_prefix": (_record("开封书法协会", KF), _record("开封市书法协会", KF)),
    "city_prefix_omitted_in_city_roster": (_record("书法协会", KF), _record("开封市书法协会", KF)),
    "other_city_named_in_a_city_roster": (_record("郑州市书法协会", KF), _record("郑州市书法协会", ZZ)),
    "province_association_in_a_city_roster": (_record("河南省书法协会", KF), _record("河南书法协会", HENAN)),
    "brackets_do_not_count": (_record("开封市（中国）书法协会", KF), _record("开封市中国书法协会", KF)),
    "white_space_and_layout": (_record("宁夏园林\n绿化协会)", NX), _record("宁夏 园林绿化协会", NX)),
    "traditional_and_fullwidth": (_record("１．開封市ＩＴ協會", KF), _record("开封市IT协会", KF)),
    "latin_case": (_record("开封市IT协会", KF), _record("开封市it协会", KF)),
    "other_province_full_and_short": (_record("宁夏河北省商会", NX, RC), _record("宁夏河北商会", NX, RC)),
    "regional_chamber_prefix_omitted": (_record("河北商会", NX, RC), _record("宁夏回族自治区河北商会", NX, RC)),
    "designator_after_an_inner_place": (_record("宁夏驻上海市企业协会", NX), _record("宁夏驻上海企业协会", NX)),
    "county_full_and_short": (_record("天津市河东区书法协会", HEDONG), _record("河东区书法协会", HEDONG)),
    "county_prefix_omitted_in_county_roster": (_record("书法协会", HEDONG), _record("天津市河东区书法协会", TIANJIN)),
}

APART = {
    "one_content_character": (_record("开封市收藏协会", KF), _record("开封市收藏家协会", KF)),
    "general_chamber_of_same_places": (_record("宁夏回族自治区川渝商会", NX, RC), _record("宁夏川渝总商会", NX, RC)),
    "similar_trades": (_record("宁夏绒毛皮革工业协会", NX), _record("宁夏毛皮皮革协会", NX)),
    "other_province_one_character": (_record("宁夏河北商会", NX, RC), _record("宁夏湖北商会", NX, RC)),
    "district_word_not_after_a_place": (_record("宁夏工业园区协会", NX), _record("宁夏工业园协会", NX)),
    "city_word_not_after_a_place": (_record("开封市超市协会", KF), _record("开封市超协会", KF)),
    "replaced_designator": (_record("宁夏河北省商会", NX, RC), _record("宁夏河北市商会", NX, RC)),
    "bare_name_in_two_cities": (_record("书法协会", KF), _record("书法协会", ZZ)),
    "bare_name_in_county_and_city": (_record("书法协会", HEDONG), _record("书法协会", TIANJIN)),
    "province_and_city_association": (_record("宁夏书法协会", NX), _record("宁夏银川市书法协会", NX)),
    "same_name_two_provinces": (_record("中华书法协会", NX), _record("中华书法协会", GD)),
}


@pytest.mark.parametrize(("a", "b"), SAME.values(), ids=SAME.keys())
def test_same_association_same_key(a: NameRecord, b: NameRecord) -> None:
    key_a, key_b = assign_keys([a, b])
    assert key_a == key_b


@pytest.mark.parametrize(("a", "b"), APART.values(), ids=APART.keys())
def test_different_associations_different_keys(a: NameRecord, b: NameRecord) -> None:
    key_a, key_b = assign_keys([a, b])
    assert key_a != key_b


CANONICAL_CASES = {
    "full_province_to_short": ("宁夏回族自治区煤炭协会", Locality("宁夏回族自治区"), "宁夏煤炭协会"),
    "own_locality_added": ("煤炭协会", Locality("宁夏回族自治区"), "宁夏煤炭协会"),
    "chain_to_most_specific": ("河南省开封市书法协会", Locality("河南省", "开封市"), "开封书法协会"),
    "other_place_to_short": ("宁夏河北省商会", Locality("宁夏回族自治区"), "宁夏河北商会"),
    "punctuation_and_case_dropped": ("开封市（中国）IT·书法协会", Locality("河南省", "开封市"), "开封中国it书法协会"),
    "no_locality_known": ("书法协会", Locality(), "书法协会"),
}


@pytest.mark.parametrize(("name", "locality", "canonical"), CANONICAL_CASES.values(), ids=CANONICAL_CASES.keys())
def test_canonical_name(name: str, locality: Locality, canonical: str) -> None:
    assert canonical_name(name, locality) == canonical


DESIGNATOR_CASES = {
    "province_designator_after_place": ("宁夏河北商会", "宁夏河北省商会", True),
    "city_designator_after_place": ("宁夏驻上海企业协会", "宁夏驻上海市企业协会", True),
    "identical": ("宁夏河北商会", "宁夏河北商会", True),
    "content_character": ("开封书法协会", "开封书法家协会", False),
    "designator_not_after_place": ("宁夏工业园协会", "宁夏工业园区协会", False),
    "replacement": ("宁夏河北省商会", "宁夏河北市商会", False),
}


@pytest.mark.parametrize(("a", "b", "expected"), DESIGNATOR_CASES.values(), ids=DESIGNATOR_CASES.keys())
def test_differs_only_in_designators(a: str, b: str, expected: bool) -> None:
    assert differs_only_in_designators(a, b) is expected


def test_key_is_16_hex_digits_of_province_and_canonical_name() -> None:
    record = _record("宁夏回族自治区煤炭协会", NX)
    (key,) = assign_keys([record])
    assert re.fullmatch(r"[0-9a-f]{16}", key)
    assert key == hashlib.sha256("宁夏回族自治区|宁夏煤炭协会".encode()).hexdigest()[:16]


def test_cluster_key_does_not_depend_on_which_spelling_comes_first() -> None:
    records = [_record("宁夏驻上海市企业协会", NX), _record("宁夏驻上海企业协会", NX)]
    assert assign_keys(records) == assign_keys(records[::-1])[::-1]
    assert len(set(assign_keys(records))) == 1


def test_empty_input() -> None:
    assert assign_keys([]) == []


def _gold_records() -> tuple[list[NameRecord], list[str]]:
    records, groups = [], []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold.get("document", {})
        for row in gold.get("associations", []):
            place = (doc.get("province"), doc.get("city"))
            records.append(NameRecord(row["name"], *place, row["kind"], doc.get("county")))
            groups.append(row["group"])
    return records, groups


def test_gold_groups_and_keys_agree() -> None:
    records, groups = _gold_records()
    keys = assign_keys(records)
    keys_of_group: dict[str, set[str]] = defaultdict(set)
    groups_of_key: dict[str, set[str]] = defaultdict(set)
    for group, key in zip(groups, keys):
        keys_of_group[group].add(key)
        groups_of_key[key].add(group)
    assert len(records) == 404
    assert {g: k for g, k in keys_of_group.items() if len(k) > 1} == {}
    assert {k: g for k, g in groups_of_key.items() if len(g) > 1} == {}


def test_gold_keys_do_not_depend_on_row_order() -> None:
    records, _ = _gold_records()
    keys = dict(zip(records, assign_keys(records)))
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    assert [keys[r] for r in shuffled] == assign_keys(shuffled)


PROVINCES = (("宁夏回族自治区", "宁夏"), ("河南省", "河南"), ("广东省", "广东"), ("山东省", "山东"))
TRADES = ["煤炭", "电力", "园林", "书法", "篮球", "物流", "餐饮", "建材", "医药", "汽车", "家具", "旅游", "茶叶", "酒业", "纺织", "印刷", "钢铁", "化工", "水泥", "服装"]
FIELDS = ["技术", "行业", "工业", "产业", "服务", "流通", "发展", "研究", "质量", "安全", "文化", "教育", "信息", "设备", "经济", "管理", "装饰", "交易", "开发", "应用"]
SUFFIXES = (("协会", IA), ("商会", CC), ("促进会", "promotion_association"))


def _synthetic_rows() -> tuple[list[NameRecord], int]:
    """4,800 associations, each spelt four ways (full prefix, short prefix, spaced, bracketed): 19,200 rows."""
    records = []
    bases = 0
    for province, short in PROVINCES:
        for trade in TRADES:
            for field in FIELDS:
                for suffix, kind in SUFFIXES:
                    bases += 1
                    content = f"{trade}{field}{suffix}"
                    spellings = (province, short, f"{short} ", f"（{short}）")
                    records += [NameRecord(normalize_name(s + content), province, None, kind) for s in spellings]
    return records, bases


def test_twenty_thousand_rows_smoke() -> None:
    records, bases = _synthetic_rows()
    records += records[: 20_000 - len(records)]
    keys = assign_keys(records)
    assert len(keys) == len(records) == 20_000
    assert len(set(keys)) == bases
