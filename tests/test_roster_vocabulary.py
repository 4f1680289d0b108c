"""The roster vocabulary as data (files well formed) and as behaviour (words map right)."""

from __future__ import annotations

import pytest

from normalizers.roster_vocabulary import (
    find_status,
    find_statuses,
    header_field,
    is_association_name,
    is_mark,
    is_total_row_label,
    names_unread_status,
)
from normalizers.vocabulary import read_table
from pipeline.schemas import ASSOCIATIONS

STATUSES = {"decoupled", "planned", "deferred", "exempt", "not_decoupled", "deregistered", "unknown"}
FIELDS = {"seq", "name", "supervisor", "status", "note"}
FILES = {
    "roster_headers.csv": ("header", ("header", "field", "source")),
    "status_words.csv": ("word", ("word", "status", "source")),
    "status_marks.csv": ("mark", ("mark", "source")),
    "roster_skip_words.csv": ("word", ("word", "source")),
    "status_answers.csv": ("answer", ("answer", "status", "source")),
    "status_tense_words.csv": ("word", ("word", "tense", "source")),
    "roster_list_words.csv": ("word", ("word", "source")),
    "roster_batch_words.csv": ("word", ("word", "source")),
    "roster_done_words.csv": ("word", ("word", "source")),
    "roster_intro_words.csv": ("word", ("word", "source")),
    "roster_closing_words.csv": ("word", ("word", "source")),
    "roster_other_lists.csv": ("word", ("word", "source")),
    "roster_count_words.csv": ("word", ("word", "role", "source")),
    "roster_attachment_phrases.csv": ("phrase", ("phrase", "source")),
    "status_negations.csv": ("word", ("word", "source")),
    "roster_scope_words.csv": ("word", ("word", "source")),
}


@pytest.mark.parametrize(("filename", "spec"), FILES.items(), ids=FILES.keys())
def test_vocabulary_file_is_well_formed(filename: str, spec: tuple[str, tuple[str, ...]]) -> None:
    key, columns = spec
    rows = read_table(filename)
    assert rows and tuple(rows[0]) == columns
    assert all(all(row[c].strip() for c in columns) for row in rows), "empty cell"
    keys = [row[key] for row in rows]
    assert len(keys) == len(set(keys)), "duplicate entry"


def test_status_words_map_to_the_schema_enumeration() -> None:
    assert {row["status"] for row in read_table("status_words.csv")} <= STATUSES
    assert {row["status"] for row in read_table("status_answers.csv")} <= STATUSES
    assert "status" in ASSOCIATIONS.names


def test_tense_words_have_known_tenses() -> None:
    assert {row["tense"] for row in read_table("status_tense_words.csv")} == {"future", "deadline", "past", "none"}


def test_header_synonyms_map_to_roster_fields() -> None:
    assert {row["field"] for row in read_table("roster_headers.csv")} <= FIELDS


HEADER_CASES = {
    "plain": ("名称", "name"),
    "long-name": ("行业协会商会名称", "name"),
    "wrapped": ("行业协会\n商会名称", "name"),
    "qualified-supervisor": ("业务主管单位（或原业务主管单位）", "supervisor"),
    "guided-supervisor": ("业务主管（指导）单位", "supervisor"),
    "spaced-seq": ("序  号", "seq"),
    "note": ("备注", "note"),
    "status": ("是否脱钩", "status"),
    "unrelated": ("法定代表人", None),
}


@pytest.mark.parametrize(("header", "field"), HEADER_CASES.values(), ids=HEADER_CASES.keys())
def test_header_field(header: str, field: str | None) -> None:
    assert header_field(header) == field


STATUS_CASES = {
    "decoupled": ("已脱钩", "decoupled"),
    "actually-decoupled": ("实际脱钩", "decoupled"),
    "completed": ("已完成脱钩", "decoupled"),
    "planned": ("拟脱钩", "planned"),
    "listed": ("列入脱钩名单", "planned"),
    "deferred": ("暂缓脱钩", "deferred"),
    "exempt-not-yet": ("暂不脱钩", "exempt"),
    "exempt-approved": ("批准不脱钩", "exempt"),
    "not-decoupled-wins-over-decoupled": ("未脱钩", "not_decoupled"),
    "deregistered": ("已注销", "deregistered"),
    "inside-a-note": ("该会已脱钩（2019年）", "decoupled"),
    "no-status": ("脱钩改革名单", None),
    "listed-with-words-between": ("列入本年度脱钩改革名单", "planned"),
    "taken-into-scope-with-words-between": ("纳入第三批脱钩范围", "planned"),
    "not-listed-with-words-between": ("暂不列入今年脱钩名单", "exempt"),
    "not-listed-adjacent": ("不列入脱钩名单", "exempt"),
    "gap-stops-at-punctuation": ("列入名单，年内脱钩名单另发", None),
    "refused": ("不予脱钩", "exempt"),
    "refused-for-now": ("暂不予脱钩的社会组织", "exempt"),
    "exempted-variant-spelling": ("免予脱钩", "exempt"),
    "no-longer": ("不再脱钩", "exempt"),
    "not-needed": ("无需脱钩", "exempt"),
    "not-taken-into-scope-for-now": ("暂不纳入今年脱钩范围", "exempt"),
    "postponed": ("推迟脱钩", "deferred"),
    "deferred-with-words-between": ("暂缓实施脱钩", "deferred"),
    "not-achieved": ("未实现脱钩", "not_decoupled"),
}


@pytest.mark.parametrize(("text", "status"), STATUS_CASES.values(), ids=STATUS_CASES.keys())
def test_find_status(text: str, status: str | None) -> None:
    match = find_status(text)
    assert (match.status if match else None) == status


@pytest.mark.parametrize(("text", "expected"), [("√", True), (" ✓ ", True), ("是", True), ("拟脱钩", False), ("", False)])
def test_is_mark(text: str, expected: bool) -> None:
    assert is_mark(text) is expected


@pytest.mark.parametrize(("text", "expected"), [("合计", True), ("总计：52家", True), ("合作社协会", False)])
def test_is_total_row_label(text: str, expected: bool) -> None:
    assert is_total_row_label(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("甲市能源协会", True), ("甲市工艺美术协会)", True), ("甲市川渝总商会", True), ("领导签字", False), ("协会", False)],
)
def test_is_association_name(text: str, expected: bool) -> None:
    assert is_association_name(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（共52家，其中实际脱钩47家，拟脱钩5家）", ["decoupled", "planned"]),
        ("暂不脱钩的协会", ["exempt"]),
        ("已脱钩和已脱钩", ["decoupled"]),
        ("脱钩改革名单", []),
        ("甲协会列入本次脱钩名单，乙协会暂不列入本次脱钩名单", ["planned", "exempt"]),
        ("已完成脱钩和已完成脱钩", ["decoupled"]),
    ],
)
def test_find_statuses(text: str, expected: list[str]) -> None:
    assert sorted(match.status for match in find_statuses(text)) == sorted(expected)


def test_count_words_have_known_roles() -> None:
    assert {row["role"] for row in read_table("roster_count_words.csv")} == {"total", "unit", "noun"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三、不拟推进脱钩的社会组织", True),
        ("暂未安排脱钩的协会", True),
        ("二、不予脱钩名单", False),
        ("暂缓脱钩名单", False),
        ("行业协会商会脱钩名单", False),
        ("确保脱钩不脱管", False),
        ("第二批脱钩试点", False),
    ],
)
def test_names_unread_status(text: str, expected: bool) -> None:
    """A negation before 脱钩 that no status word reads is a status named but not known."""
    assert names_unread_status(text) is expected


def test_negative_status_words_are_never_planned_or_decoupled() -> None:
    """Every status word that opens with a negation or delay gives exempt, deferred or not_decoupled."""
    negative = [row for row in read_table("status_words.csv") if row["word"].startswith(("不", "免", "暂", "未", "尚未", "无需"))]
    assert negative and all(row["status"] in {"exempt", "deferred", "not_decoupled"} for row in negative)
