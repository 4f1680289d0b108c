"""Association names: normalisation of printed names and their kind, one case per test id, plus the gold corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalizers.locality import Locality
from normalizers.names import classify_kind, kind_suffix, normalize_name

GOLD = Path(__file__).parent / "corpus" / "gold"

NINGXIA = Locality(province="宁夏回族自治区", adcode="640000", level="province")
KAIFENG = Locality(province="河南省", city="开封市", adcode="410200", level="city")
GUANGDONG = Locality(province="广东省", adcode="440000", level="province")
HEDONG = Locality(province="天津市", city="天津市", county="河东区", adcode="120102", level="county")
NINGXIA_BY_NAME = Locality(province="宁夏回族自治区")
UNKNOWN = Locality()

NORMALIZE_CASES = {
    "plain": ("宁夏园林绿化协会", "宁夏园林绿化协会"),
    "stray_ascii_close_bracket": ("宁夏园林绿化协会)", "宁夏园林绿化协会"),
    "stray_fullwidth_close_bracket": ("宁夏园林绿化协会）", "宁夏园林绿化协会"),
    "stray_open_bracket": ("（宁夏园林绿化协会", "宁夏园林绿化协会"),
    "stray_open_bracket_inside": ("宁夏园林（绿化协会", "宁夏园林绿化协会"),
    "balanced_brackets_kept": ("开封市（中国）书法协会", "开封市（中国）书法协会"),
    "ascii_brackets_become_chinese": ("开封市(中国)书法协会", "开封市（中国）书法协会"),
    "trailing_note_kept": ("宁夏园林协会（筹）", "宁夏园林协会（筹）"),
    "wrapped_in_brackets": ("（宁夏园林协会）", "宁夏园林协会"),
    "book_title_marks_kept": ("宁夏《园艺》读者协会", "宁夏《园艺》读者协会"),
    "mismatched_bracket_pair": ("宁夏园林（绿化】协会", "宁夏园林绿化协会"),
    "quotes_kept": ("宁夏“一带一路”促进会", "宁夏“一带一路”促进会"),
    "unbalanced_quote": ("宁夏“一带一路促进会", "宁夏一带一路促进会"),
    "inner_spaces": ("宁夏 园林 绿化协会", "宁夏园林绿化协会"),
    "ideographic_space": ("宁夏\u3000园林协会", "宁夏园林协会"),
    "no_break_space": ("宁夏\u00a0园林协会", "宁夏园林协会"),
    "cell_line_break": ("宁夏园林\n绿化协会", "宁夏园林绿化协会"),
    "crlf_and_tab": ("宁夏园林\r\n\t绿化协会", "宁夏园林绿化协会"),
    "zero_width_space": ("宁夏\u200b园林协会", "宁夏园林协会"),
    "byte_order_mark": ("\ufeff宁夏园林协会", "宁夏园林协会"),
    "surrounding_spaces": ("  宁夏园林协会  ", "宁夏园林协会"),
    "list_number_dot": ("1.宁夏园林协会", "宁夏园林协会"),
    "list_number_fullwidth_dot": ("1．宁夏园林协会", "宁夏园林协会"),
    "list_number_comma": ("12、宁夏园林协会", "宁夏园林协会"),
    "list_number_fullwidth_digits": ("１２、宁夏园林协会", "宁夏园林协会"),
    "list_number_in_brackets": ("(3)宁夏园林协会", "宁夏园林协会"),
    "list_number_parenthesized_character": ("⑶宁夏园林协会", "宁夏园林协会"),
    "list_number_circled": ("①宁夏园林协会", "宁夏园林协会"),
    "list_number_chinese": ("二、宁夏园林协会", "宁夏园林协会"),
    "list_number_chinese_in_brackets": ("（十一）宁夏园林协会", "宁夏园林协会"),
    "list_number_then_space": ("7 宁夏园林协会", "宁夏园林协会"),
    "list_number_closing_bracket": ("3）宁夏园林协会", "宁夏园林协会"),
    "leading_enumeration_comma": ("、宁夏园林协会", "宁夏园林协会"),
    "trailing_semicolon": ("宁夏园林协会；", "宁夏园林协会"),
    "trailing_full_stop": ("宁夏园林协会。", "宁夏园林协会"),
    "trailing_comma": ("宁夏园林协会，", "宁夏园林协会"),
    "footnote_star": ("宁夏园林协会*", "宁夏园林协会"),
    "reference_mark": ("宁夏园林※协会", "宁夏园林协会"),
    "black_star": ("★宁夏园林协会", "宁夏园林协会"),
    "check_mark": ("宁夏园林协会√", "宁夏园林协会"),
    "fullwidth_latin": ("开封市ＩＴ协会", "开封市IT协会"),
    "fullwidth_digit_and_letter": ("宁夏５Ｇ产业协会", "宁夏5G产业协会"),
    "leading_digits_of_name_kept": ("3D打印协会", "3D打印协会"),
    "leading_number_of_name_kept": ("12345热线服务协会", "12345热线服务协会"),
    "inner_enumeration_comma_kept": ("宁夏餐饮、烹饪协会", "宁夏餐饮、烹饪协会"),
    "middle_dot_kept": ("开封市中国·书法协会", "开封市中国·书法协会"),
    "kangxi_radical": ("宁夏\u2f2f艺协会", "宁夏工艺协会"),
    "compatibility_ideograph": ("宁夏\uf9f4协会", "宁夏林协会"),
    "traditional": ("寧夏園林綠化協會", "宁夏园林绿化协会"),
    "traditional_chamber": ("臺州商會", "台州商会"),
    "traditional_with_brackets": ("開封市（中國）書法家協會", "开封市（中国）书法家协会"),
    "traditional_fullwidth_number_and_stray_bracket": ("１．寧夏園林協會）", "宁夏园林协会"),
    "simplified_unchanged_by_t2s": ("开封市斗鸡协会", "开封市斗鸡协会"),
    "empty": ("", ""),
    "only_white_space": (" \n\u3000", ""),
    "only_punctuation": ("）、。", ""),
}


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE_CASES.values(), ids=NORMALIZE_CASES.keys())
def test_normalize_name(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


@pytest.mark.parametrize("raw", [raw for raw, _ in NORMALIZE_CASES.values()], ids=NORMALIZE_CASES.keys())
def test_normalize_name_is_idempotent(raw: str) -> None:
    once = normalize_name(raw)
    assert normalize_name(once) == once


KIND_CASES = {
    # regional chambers: a chamber or enterprise federation naming another place after its own locality
    "other_province_short": ("宁夏河北商会", NINGXIA, "regional_chamber"),
    "other_province_full": ("宁夏河北省商会", NINGXIA, "regional_chamber"),
    "two_abbreviations": ("宁夏川渝商会", NINGXIA, "regional_chamber"),
    "full_own_prefix_then_abbreviations": ("宁夏回族自治区川渝商会", NINGXIA, "regional_chamber"),
    "partial_own_designator": ("宁夏自治区苏浙商会", NINGXIA, "regional_chamber"),
    "general_chamber_of_other_places": ("宁夏川渝总商会", NINGXIA, "regional_chamber"),
    "industrial_and_commercial_enterprise_federation": ("宁夏山东工商企业联合会", NINGXIA, "regional_chamber"),
    "enterprise_federation": ("宁夏福建企业联合会", NINGXIA, "regional_chamber"),
    "other_city_short": ("宁夏台州商会", NINGXIA, "regional_chamber"),
    "other_city_full": ("宁夏温州市商会", NINGXIA, "regional_chamber"),
    "other_place_own_prefix_omitted": ("河北商会", NINGXIA, "regional_chamber"),
    "own_locality_given_by_name_only": ("宁夏河北商会", NINGXIA_BY_NAME, "regional_chamber"),
    "invented_province_roster": ("广东省湖南商会", GUANGDONG, "regional_chamber"),
    "city_roster_other_province": ("开封市温州商会", KAIFENG, "regional_chamber"),
    "city_roster_same_province_other_city": ("开封市郑州商会", KAIFENG, "regional_chamber"),
    "city_roster_province_then_city_then_other": ("河南省开封市浙江商会", KAIFENG, "regional_chamber"),
    "county_roster_other_city": ("河东区温州商会", HEDONG, "regional_chamber"),
    "county_level_city_short": ("宁夏晋江商会", NINGXIA, "regional_chamber"),
    "district_full_name": ("宁夏和平区商会", NINGXIA, "regional_chamber"),
    "unknown_locality_two_places": ("宁夏河北商会", UNKNOWN, "regional_chamber"),
    "unknown_locality_abbreviations_only": ("川渝商会", UNKNOWN, "regional_chamber"),
    "traditional_after_normalisation": (normalize_name("寧夏陝西商會"), NINGXIA, "regional_chamber"),
    # chambers that name no other place
    "industry_chamber": ("宁夏家具行业商会", NINGXIA, "chamber_of_commerce"),
    "own_general_chamber": ("宁夏回族自治区总商会", NINGXIA, "chamber_of_commerce"),
    "own_chamber_bare": ("宁夏商会", NINGXIA, "chamber_of_commerce"),
    "place_inside_own_province": ("宁夏银川商会", NINGXIA, "chamber_of_commerce"),
    "city_inside_invented_province_roster": ("广东省汕头商会", GUANGDONG, "chamber_of_commerce"),
    "cultural_region_not_a_division": ("广东省潮汕商会", GUANGDONG, "chamber_of_commerce"),
    "compass_region_not_a_division": ("宁夏西北商会", NINGXIA, "chamber_of_commerce"),
    "district_short_name_is_a_word": ("宁夏城关商会", NINGXIA, "chamber_of_commerce"),
    "county_inside_own_city": ("开封市兰考商会", KAIFENG, "chamber_of_commerce"),
    "city_industry_general_chamber": ("开封市花卉总商会", KAIFENG, "chamber_of_commerce"),
    "county_roster_own_chamber": ("天津市河东区商会", HEDONG, "chamber_of_commerce"),
    "unknown_locality_one_place": ("宁夏家具商会", UNKNOWN, "chamber_of_commerce"),
    "unknown_locality_no_place": ("家具行业商会", UNKNOWN, "chamber_of_commerce"),
    # federations that are not enterprise federations of another place
    "own_enterprise_federation": ("宁夏企业联合会", NINGXIA, "federation"),
    "entrepreneurs_federation": ("宁夏企业和企业家联合会", NINGXIA, "federation"),
    "economic_federation": ("宁夏工业经济联合会", NINGXIA, "federation"),
    "driving_schools_federation": ("开封市驾驶培训联合会", KAIFENG, "federation"),
    "federation_naming_other_place": ("宁夏河北文化联合会", NINGXIA, "federation"),
    # by suffix
    "promotion": ("开封市节水促进会", KAIFENG, "promotion_association"),
    "promotion_naming_other_place": ("宁夏河北合作促进会", NINGXIA, "promotion_association"),
    "research_society": ("开封市锅炉技术研究会", KAIFENG, "society"),
    "learned_society": ("开封市园艺学会", KAIFENG, "society"),
    "industry_association": ("开封市建材行业协会", KAIFENG, "industry_association"),
    "association": ("宁夏园林绿化协会", NINGXIA, "industry_association"),
    "sports_association": ("开封市篮球协会", KAIFENG, "industry_association"),
    "association_naming_other_place": ("宁夏河北同乡协会", NINGXIA, "industry_association"),
    "association_with_note": ("开封市园艺协会（筹）", KAIFENG, "industry_association"),
    "foundation_is_other": ("开封市慈善基金会", KAIFENG, "other"),
    "chamber_word_inside_is_other": ("宁夏商会服务中心", NINGXIA, "other"),
    "empty_is_other": ("", NINGXIA, "other"),
}


@pytest.mark.parametrize(("name", "locality", "kind"), KIND_CASES.values(), ids=KIND_CASES.keys())
def test_classify_kind(name: str, locality: Locality, kind: str) -> None:
    assert classify_kind(name, locality) == kind


SUFFIX_CASES = {
    "general_chamber_before_chamber": ("宁夏家具总商会", "总商会"),
    "enterprise_federation_before_federation": ("宁夏福建工商企业联合会", "工商企业联合会"),
    "note_ignored": ("开封市园艺协会（筹）", "协会"),
    "none": ("开封市慈善基金会", None),
}


@pytest.mark.parametrize(("name", "suffix"), SUFFIX_CASES.values(), ids=SUFFIX_CASES.keys())
def test_kind_suffix_is_the_longest(name: str, suffix: str | None) -> None:
    found = kind_suffix(name)
    assert (found.suffix if found else None) == suffix


def _gold_rows() -> list[tuple[str, dict, Locality]]:
    rows = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold.get("document", {})
        fields = (doc.get(field) for field in ("province", "city", "county", "adcode", "admin_level"))
        locality = Locality(*fields)
        rows.extend((path.stem, row, locality) for row in gold.get("associations", []))
    return rows


GOLD_ROWS = _gold_rows()


def test_gold_corpus_has_rosters() -> None:
    assert len({row["name"] for _, row, _ in GOLD_ROWS}) == 202


def test_gold_names_normalise_from_their_raw_spelling() -> None:
    raw_names = [(row["name_raw"], row["name"]) for _, row, _ in GOLD_ROWS if "name_raw" in row]
    wrong = [raw for raw, name in raw_names if normalize_name(raw) != name]
    assert wrong == []


def test_gold_names_are_fixed_points() -> None:
    assert [row["name"] for _, row, _ in GOLD_ROWS if normalize_name(row["name"]) != row["name"]] == []


def test_gold_kinds_all_right() -> None:
    wrong = [
        (f, row["name"], row["kind"], kind)
        for f, row, locality in GOLD_ROWS
        if "kind" in row and (kind := classify_kind(row["name"], locality)) != row["kind"]
    ]
    assert wrong == []
