"""The citation vocabulary is data: each table is complete, consistent and cites a source, and reads right."""

from __future__ import annotations

import re
import unicodedata

import pytest

from normalizers.citation_vocabulary import (
    CITATION,
    CITES,
    FORM,
    ISSUES,
    PROVINCE,
    PrefixIssuer,
    is_back_reference,
    is_kind_word,
    known_issuer,
    prefix_issuer,
    title_kind,
)
from normalizers.vocabulary import read_table

TABLES = {
    "document_number_prefixes.csv": ("prefix", ("prefix", "issuer", "source")),
    "citation_title_endings.csv": ("ending", ("ending", "kind", "source")),
    "issuer_aliases.csv": ("alias", ("alias", "issuer", "source")),
    "citation_lead_words.csv": ("word", ("word", "source")),
    "citation_back_references.csv": ("word", ("word", "source")),
    "citation_title_verbs.csv": ("word", ("word", "role", "source")),
}


@pytest.mark.parametrize(("filename", "spec"), TABLES.items(), ids=TABLES.keys())
def test_table_is_complete(filename: str, spec: tuple[str, tuple[str, ...]]) -> None:
    key, columns = spec
    rows = read_table(filename)
    assert rows and tuple(rows[0]) == columns
    assert all(row[column].strip() for row in rows for column in columns), "empty cell"
    keys = [row[key] for row in rows]
    assert len(keys) == len(set(keys)), "duplicate entry"


@pytest.mark.parametrize("filename", TABLES.keys())
def test_values_are_clean_text(filename: str) -> None:
    """Values are compared with printed text after NFKC and without white space, so they must be so already."""
    for row in read_table(filename):
        for column, value in row.items():
            if column != "source":
                assert value == unicodedata.normalize("NFKC", value) and not re.search(r"\s", value), value


def test_title_verbs_issue_or_cite() -> None:
    assert {row["role"] for row in read_table("citation_title_verbs.csv")} == {ISSUES, CITES}


def test_title_endings_are_citations_or_forms() -> None:
    assert {row["kind"] for row in read_table("citation_title_endings.csv")} == {CITATION, FORM}


def test_provincial_rules_name_their_province_in_the_issuer() -> None:
    for row in read_table("document_number_prefixes.csv"):
        provincial = row["prefix"].startswith(PROVINCE)
        assert (PROVINCE in row["issuer"]) is provincial, row["prefix"]
        assert row["prefix"].count(PROVINCE) <= 1 and (not provincial or row["prefix"] != PROVINCE)


def test_national_prefixes_do_not_open_with_a_province_abbreviation() -> None:
    """Else a national prefix could be read as a provincial one (`宁` + …)."""
    abbreviations = {row["abbreviation"] for row in read_table("province_abbreviations.csv")}
    national = [row["prefix"] for row in read_table("document_number_prefixes.csv") if PROVINCE not in row["prefix"]]
    assert not [prefix for prefix in national if prefix[0] in abbreviations]


def test_aliases_expand_to_a_name_that_is_its_own_alias_or_a_prefix_issuer() -> None:
    """Every full name is recognised as printed too, so `财政部` and `国家发改委` both resolve."""
    issuers = {row["issuer"] for row in read_table("issuer_aliases.csv")}
    assert all(known_issuer(name) == name for name in issuers)


PREFIX_CASES: dict[str, tuple[str, PrefixIssuer | None]] = {
    "central-party-office": ("中办发", PrefixIssuer("中共中央办公厅")),
    "state-council-office": ("国办发", PrefixIssuer("国务院办公厅")),
    "state-council": ("国发", PrefixIssuer("国务院")),
    "party-centre": ("中发", PrefixIssuer("中共中央")),
    "ndrc-with-department": ("发改体改", PrefixIssuer("国家发展和改革委员会")),
    "ndrc-other-department": ("发改经体", PrefixIssuer("国家发展和改革委员会")),
    "ndrc-office-longer-rule-wins": ("发改办体改", PrefixIssuer("国家发展和改革委员会办公厅")),
    "civil-affairs": ("民发", PrefixIssuer("民政部")),
    "finance-tax": ("财税", PrefixIssuer("财政部")),
    "human-resources": ("人社部发", PrefixIssuer("人力资源和社会保障部")),
    "organisation-department": ("中组发", PrefixIssuer("中共中央组织部")),
    "establishment-office": ("中央编办发", PrefixIssuer("中央机构编制委员会办公室")),
    "decoupling-group-office": ("联组办", PrefixIssuer("行业协会商会与行政机关脱钩联合工作组办公室")),
    "provincial-ndrc": ("宁发改体改", PrefixIssuer("宁夏回族自治区发展和改革委员会", "宁夏回族自治区")),
    "provincial-government-office": ("豫政办发", PrefixIssuer("河南省人民政府办公厅", "河南省")),
    "provincial-party-office": ("鲁办发", PrefixIssuer("中共山东省委办公厅", "山东省")),
    "provincial-party-office-short": ("豫办", PrefixIssuer("中共河南省委办公厅", "河南省")),
    "municipality-government": ("京政发", PrefixIssuer("北京市人民政府", "北京市")),
    "central-offices-zi": ("厅字", PrefixIssuer("中共中央办公厅")),
    "open-telegram": ("国办发明电", PrefixIssuer("国务院办公厅")),
    "ministry-telegram": ("民电", PrefixIssuer("民政部")),
    "ministry-in-every-series": ("人社部规", PrefixIssuer("人力资源和社会保障部")),
    "commission-office-longer-rule-wins": ("国资厅发", PrefixIssuer("国务院国有资产监督管理委员会办公厅")),
    "provincial-party-zi": ("黔委字", PrefixIssuer("中共贵州省委", "贵州省")),
    "provincial-party-office-zi": ("赣办字", PrefixIssuer("中共江西省委办公厅", "江西省")),
    "provincial-government-letter": ("湘政函", PrefixIssuer("湖南省人民政府", "湖南省")),
    "civil-affairs-county-is-no-ministry": ("民政发", None),
    "city-prefix": ("洛政办", None),
    "county-prefix": ("罗委", None),
}


@pytest.mark.parametrize(("prefix", "expected"), PREFIX_CASES.values(), ids=PREFIX_CASES.keys())
def test_prefix_issuer(prefix: str, expected: PrefixIssuer | None) -> None:
    assert prefix_issuer(prefix) == expected


TITLE_KIND_CASES = {
    "regulation": ("社会团体登记管理条例", CITATION),
    "measure-with-qualifier": ("行业协会商会综合监管办法（试行）", CITATION),
    "opinion-with-qualifier": ("关于加强国有资产管理的意见（试行）", CITATION),
    "notice": ("关于做好脱钩改革工作的通知", CITATION),
    "system": ("民间非营利组织会计制度", CITATION),
    "generic-plan": ("脱钩方案", CITATION),
    "law": ("中华人民共和国公务员法", CITATION),
    "form": ("行业协会商会脱钩完成情况表", FORM),
    "overview-form": ("脱钩行业协会商会基本情况一览表", FORM),
    "report-form": ("脱钩情况验收统计报表", FORM),
    "continued-form": ("脱钩人事、党建管理分离情况统计表（续）", FORM),
    "action-plan": ("甲省社会组织培育三年行动计划（2019—2021年）", CITATION),
    "work-points": ("乙市2020年社会组织管理工作要点", CITATION),
    "guidance": ("丙县行业协会商会脱钩工作操作指引", CITATION),
    "announcement": ("丁省民政厅关于撤销部分社会团体登记的公告", CITATION),
    "newspaper": ("人民日报", None),
    "government-gazette": ("甲省人民政府公报", None),
}


@pytest.mark.parametrize(("title", "kind"), TITLE_KIND_CASES.values(), ids=TITLE_KIND_CASES.keys())
def test_title_kind(title: str, kind: str | None) -> None:
    assert title_kind(title) == kind


@pytest.mark.parametrize(
    ("name", "full"),
    [("国家发展改革委", "国家发展和改革委员会"), ("国家发改委", "国家发展和改革委员会"), ("财政部", "财政部"),
     ("中共中央办公厅", "中共中央办公厅"), ("住房城乡建设部", "住房和城乡建设部"), ("省委办公厅", None)],
)
def test_known_issuer(name: str, full: str | None) -> None:
    assert known_issuer(name) == full


@pytest.mark.parametrize(
    ("title", "expected"),
    [("意见", True), ("办法（试行）", True), ("实施意见", False), ("脱钩方案", False), ("一览表", True)],
)
def test_kind_word(title: str, expected: bool) -> None:
    assert is_kind_word(title) is expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [("按照本", True), ("上述", True), ("该 ", True), ("发文字号：", True), ("按照", False), ("民政部", False)],
)
def test_back_reference(before: str, expected: bool) -> None:
    assert is_back_reference(before) is expected
