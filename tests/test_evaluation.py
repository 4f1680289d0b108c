"""The scorer behind `make eval`: exact figures on small fake runs, so a change of a rule shows up as a failing case."""

from __future__ import annotations

import hashlib
import itertools
import json
import random
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.evaluation import EvaluationReport, FileScore, evaluate, format_report, main
from pipeline.evaluation.associations import consistency
from pipeline.evaluation.metrics import Counts
from pipeline.schemas import TABLES

CORPUS_GOLD = Path(__file__).parent / "corpus" / "gold"
FILE = "raw/a.pdf"
ORDER_COLUMN = {"associations": "row", "milestones": "idx"}


def doc_id(file: str) -> str:
    """A stable fake key per file, as the run derives it from the file's bytes."""
    return hashlib.sha256(file.encode()).hexdigest()[:16]


def document_row(file: str = FILE, **fields: Any) -> dict[str, Any]:
    """A documents.parquet row with the non-nullable columns filled."""
    return {"doc_id": doc_id(file), "source_path": file, "sha256": "0" * 64, "ocr": False, "status": "ok",
            "warnings": [], **fields}


def rows_of(table: str, file: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of one document for a table, with its `doc_id` and order column."""
    order = ORDER_COLUMN.get(table)
    return [{"doc_id": doc_id(file), **({order: i} if order else {}), **item} for i, item in enumerate(items)]


def write_run(directory: Path, documents: list[dict[str, Any]], **tables: list[dict[str, Any]]) -> Path:
    """Write every scored table with its declared schema; ISO strings in date columns become midnight timestamps."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("documents", "associations", "milestones", "citations"):
        schema = TABLES[name]
        dates = [field.name for field in schema if pa.types.is_timestamp(field.type)]
        rows = [
            {k: datetime.fromisoformat(v) if k in dates and isinstance(v, str) else v for k, v in row.items()}
            for row in (documents if name == "documents" else tables.get(name, []))
        ]
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), directory / f"{name}.parquet")
    return directory


def write_gold(directory: Path, golds: dict[str, dict[str, Any]]) -> Path:
    """One gold JSON per file; `document` defaults to `{"status": "ok"}`."""
    directory.mkdir(parents=True, exist_ok=True)
    for number, (file, body) in enumerate(golds.items()):
        gold = {"file": file, "document": {"status": "ok"}, **body}
        (directory / f"{number:02d}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return directory


def score_one(tmp_path: Path, gold: dict[str, Any], document: dict[str, Any] | None = None,
              **tables: list[dict[str, Any]]) -> FileScore:
    """Score a run of one document against one gold file."""
    run = write_run(tmp_path / "out", [document_row(**(document or {}))],
                    **{name: rows_of(name, FILE, items) for name, items in tables.items()})
    return evaluate(write_gold(tmp_path / "gold", {FILE: gold}), run).files[0]


def names(*values: str) -> list[dict[str, Any]]:
    return [{"name": value} for value in values]


# --- associations: names ---------------------------------------------------------------------------------------

ROSTER_CASES = [
    pytest.param(["甲协会", "乙协会"], ["甲协会", "乙协会"], (1.0, 1.0, 1.0), id="all-found"),
    pytest.param(["甲协会", "乙协会", "丙协会"], ["甲协会", "乙协会", "丁协会", "戊协会"], (0.5, 2 / 3, 4 / 7),
                 id="missed-and-invented"),
    pytest.param(["甲协会", "乙协会"], [], (None, 0.0, 0.0), id="nothing-extracted"),
    pytest.param(["甲协会"], ["甲协会", "甲协会"], (0.5, 1.0, 2 / 3), id="duplicate-extracted-one-to-one"),
    pytest.param([], ["甲协会"], (0.0, None, 0.0), id="no-gold-rows"),
    pytest.param(["宁夏工艺美术协会"], ["宁夏工艺美术协会)"], (0.0, 0.0, 0.0), id="name-compared-exactly"),
]


@pytest.mark.parametrize(("gold", "extracted", "expected"), ROSTER_CASES)
def test_roster_precision_recall_f1(tmp_path: Path, gold: list[str], extracted: list[str],
                                    expected: tuple[float | None, ...]) -> None:
    score = score_one(tmp_path, {"associations": names(*gold)}, associations=names(*extracted))
    assert score.roster is not None
    counts = score.roster.counts
    assert (counts.precision, counts.recall, counts.f1) == pytest.approx(expected)


# --- associations: fields --------------------------------------------------------------------------------------

GOLD_ROW = {"name": "甲协会", "group": "g-1", "supervisor_group": "s-1", "seq": 1, "kind": "industry_association",
            "supervisor_former": True, "page": 7, "note": None}
RIGHT_ROW = {"name": "甲协会", "seq": 1, "kind": "industry_association", "supervisor_former": True, "page": 7,
             "note": None}
ALL_RIGHT = {"seq": (1, 1), "kind": (1, 1), "supervisor_former": (1, 1), "page": (1, 1), "note": (1, 1)}

FIELD_CASES = [
    pytest.param(RIGHT_ROW, ALL_RIGHT, id="all-right"),
    pytest.param(RIGHT_ROW | {"kind": "other", "page": 8}, ALL_RIGHT | {"kind": (0, 1), "page": (0, 1)},
                 id="wrong-kind-and-page"),
    pytest.param(RIGHT_ROW | {"note": "备注"}, ALL_RIGHT | {"note": (0, 1)}, id="null-expected"),
    pytest.param(RIGHT_ROW | {"supervisor_former": None}, ALL_RIGHT | {"supervisor_former": (0, 1)},
                 id="null-extracted"),
    pytest.param(RIGHT_ROW | {"name": "乙协会"}, {}, id="unmatched-row-not-scored"),
]


@pytest.mark.parametrize(("extracted", "expected"), FIELD_CASES)
def test_association_field_accuracy(tmp_path: Path, extracted: dict[str, Any],
                                    expected: dict[str, tuple[int, int]]) -> None:
    run = write_run(tmp_path / "out", [document_row()], associations=rows_of("associations", FILE, [extracted]))
    report = evaluate(write_gold(tmp_path / "gold", {FILE: {"associations": [GOLD_ROW]}}), run)
    assert {field: (t.right, t.scored) for field, t in report.field_accuracy.items()} == expected


# --- associations: group consistency ---------------------------------------------------------------------------

LINKS = [
    pytest.param("group", "association_key", "key_consistency", id="association_key"),
    pytest.param("supervisor_group", "supervisor", "supervisor_consistency", id="supervisor"),
]

# (file, name, gold group, extracted value or None when the row is not extracted) → (pairs, split, merged)
CONSISTENCY_CASES = [
    pytest.param([(FILE, "甲", "g1", "k1"), (FILE, "乙", "g1", "k1"), (FILE, "丙", "g2", "k2")], (3, 0, 0),
                 id="consistent"),
    pytest.param([(FILE, "甲", "g1", "k1"), (FILE, "乙", "g1", "k2")], (1, 1, 0), id="group-split"),
    pytest.param([(FILE, "甲", "g1", "k"), (FILE, "乙", "g2", "k")], (1, 0, 1), id="groups-merged"),
    pytest.param([(FILE, "甲", "g1", "k1"), (FILE, "乙", "g1", "k2"), (FILE, "丙", "g2", "k2")], (3, 1, 1),
                 id="split-and-merged"),
    pytest.param([(FILE, "甲", "g1", None), (FILE, "乙", "g1", None)], (1, 1, 0), id="nulls-share-nothing"),
    pytest.param([(FILE, "甲", "g1", "k"), (FILE, "乙", "g1", "k"), (FILE, "丙", "g1", "missing")], (1, 0, 0),
                 id="unmatched-row-left-out"),
    pytest.param([("raw/a.pdf", "甲", "g1", "k1"), ("raw/a.html", "甲", "g1", "k2")], (1, 1, 0),
                 id="split-across-documents"),
    pytest.param([("raw/a.pdf", "甲", "g1", "k1"), ("raw/a.html", "甲", "g1", "k1")], (1, 0, 0),
                 id="shared-across-documents"),
]


@pytest.mark.parametrize(("rows", "expected"), CONSISTENCY_CASES)
@pytest.mark.parametrize(("group", "column", "attribute"), LINKS)
def test_group_consistency(tmp_path: Path, group: str, column: str, attribute: str,
                           rows: list[tuple[str, str, str, str | None]], expected: tuple[int, int, int]) -> None:
    files = dict.fromkeys(file for file, *_ in rows)
    golds = {file: {"associations": [{"name": n, group: g} for f, n, g, _ in rows if f == file]} for file in files}
    extracted = [
        row
        for file in files
        for row in rows_of("associations", file, [{"name": n, column: v} for f, n, _, v in rows
                                                  if f == file and v != "missing"])
    ]
    run = write_run(tmp_path / "out", [document_row(file) for file in files], associations=extracted)
    result = getattr(evaluate(write_gold(tmp_path / "gold", golds), run), attribute)
    assert (result.pairs, result.split, result.merged) == expected
    assert result.violations == expected[1] + expected[2]


def test_consistency_counts_equal_all_pairs() -> None:
    """The group-size arithmetic gives what comparing every pair gives."""
    rng = random.Random(7)
    links = [(f"g{rng.randrange(30)}", rng.choice([None, *[f"k{i}" for i in range(25)]])) for _ in range(400)]
    split = merged = 0
    for (g1, v1), (g2, v2) in itertools.combinations(links, 2):
        same_value = v1 is not None and v1 == v2
        split += g1 == g2 and not same_value
        merged += g1 != g2 and same_value
    result = consistency(links)
    assert (result.pairs, result.split, result.merged) == (400 * 399 // 2, split, merged)


# --- documents --------------------------------------------------------------------------------------------------

DOCUMENT_CASES = [
    pytest.param({"document": {"title": "关于印发方案的通知"}}, {"title": "关于 印发方案\n的通知"}, [],
                 id="title-ignores-white-space"),
    pytest.param({"document": {"title": "关于印发方案的通知"}}, {"title": "关于印发方案"}, ["title"],
                 id="title-wrong"),
    pytest.param({"document": {"issuers": ["甲局", "乙局"]}}, {"issuers": ["乙局", "甲局"]}, [],
                 id="issuers-as-sets"),
    pytest.param({"document": {"issuers": ["甲局", "乙局"]}}, {"issuers": ["甲局"]}, ["issuers"],
                 id="issuers-one-missing"),
    pytest.param({"document": {"issue_date": "2019-10-15"}}, {"issue_date": "2019-10-15"}, [], id="date-iso"),
    pytest.param({"document": {"issue_date": "2019-10-15"}}, {"issue_date": "2019-10-18"}, ["issue_date"],
                 id="date-wrong"),
    pytest.param({"document": {"doc_number": None, "stated_total": 14}}, {"doc_number": "宁发〔2019〕1号",
                 "stated_total": 14}, ["doc_number"], id="null-expected"),
    pytest.param({"document": {"status": "partial", "warnings_include": ["roster_count_mismatch"]}},
                 {"status": "partial", "warnings": ["ocr_used: 3 pages", "roster_count_mismatch: stated 14, found 0"]},
                 [], id="warning-code-found"),
    pytest.param({"document": {"warnings_include": ["roster_count"]}},
                 {"warnings": ["roster_count_mismatch: stated 14, found 0"]}, ["warnings_include"],
                 id="warning-code-is-whole"),
    pytest.param({"document": {"warnings_include": ["roster_count_mismatch"]}}, {"warnings": []},
                 ["warnings_include"], id="warning-missing"),
    pytest.param({"document": {"warnings_include": []}}, {"warnings": ["extra: not penalised"]}, [],
                 id="no-warning-required"),
    pytest.param({"document": {"status": "failed"}, "error_contains": "encrypted"},
                 {"status": "failed", "error": "Encrypted PDF: a password is needed"}, [], id="error-word-any-case"),
    pytest.param({"document": {"status": "failed"}, "error_contains": "not a zip"},
                 {"status": "failed", "error": "cannot open"}, ["error_contains"], id="error-word-absent"),
    pytest.param({"document": {"status": "failed"}, "error_contains": "empty"}, {"status": "ok"},
                 ["status", "error_contains"], id="bad-file-read-as-ok"),
    pytest.param({"document": {"issue_date": None, "doc_number": None, "issuers": [], "adcode": None}},
                 {"issue_date": "2020-06-16", "doc_number": "汴发〔2020〕1号", "issuers": ["甲局"],
                  "adcode": "410200", "inherited": ["issue_date", "doc_number", "issuers", "place"]},
                 [], id="fields-taken-from-the-notice-are-not-the-files-reading"),
    pytest.param({"document": {"issue_date": None}}, {"issue_date": "2020-06-16", "inherited": ["doc_number"]},
                 ["issue_date"], id="only-the-inherited-fields-are-set-aside"),
]


@pytest.mark.parametrize(("gold", "row", "wrong"), DOCUMENT_CASES)
def test_document_fields(tmp_path: Path, gold: dict[str, Any], row: dict[str, Any], wrong: list[str]) -> None:
    score = score_one(tmp_path, gold, document=row)
    scored = len(gold["document"]) + ("error_contains" in gold)
    assert [check.field for check in score.document.wrong] == wrong
    assert (score.document.tally.right, score.document.tally.scored) == (scored - len(wrong), scored)


def test_missing_document_scores_zero_recall(tmp_path: Path) -> None:
    gold = {"document": {"status": "ok", "title": "通知"}, "associations": names("甲协会"),
            "milestones": [{"start": None, "deadline": "2020-10-31", "kind": "deadline", "task_contains": "完成"}],
            "citations": [{"doc_number": "宁发〔2019〕1号", "title": None}]}
    run = write_run(tmp_path / "out", [document_row("raw/other.pdf")],
                    associations=rows_of("associations", "raw/other.pdf", names("甲协会")))
    report = evaluate(write_gold(tmp_path / "gold", {FILE: gold, "bad/empty.pdf": {}}), run)
    assert report.missing == ("bad/empty.pdf", FILE)
    assert (report.document_fields.right, report.document_fields.scored) == (0, 3)
    for counts in (report.roster, report.milestones, report.citations):
        assert counts == Counts(matched=0, gold=1, extracted=0)
    assert report.summary()["documents.missing"] == 2
    assert report.summary()["associations.recall"] == 0.0
    assert f"{FILE}: missing from the outputs" in format_report(report)


# --- milestones -------------------------------------------------------------------------------------------------

def milestone(task: str, deadline: str | None = "2020-09-30", start: str | None = None,
              kind: str = "deadline") -> dict[str, Any]:
    return {"start": start, "deadline": deadline, "kind": kind, "task_contains": task}


def extracted_milestone(task: str | None, sentence: str | None = None, deadline: str | None = "2020-09-30",
                        start: str | None = None, kind: str = "deadline") -> dict[str, Any]:
    return {"start": start, "deadline": deadline, "kind": kind, "task": task, "sentence": sentence}


MILESTONE_CASES = [
    pytest.param([milestone("办理变更登记")], [extracted_milestone("各协会办理变更登记")], (1, 1, 1), id="matched"),
    pytest.param([milestone("完成"), milestone("完成脱钩")], [extracted_milestone("完成脱钩任务")], (1, 2, 1),
                 id="one-row-one-gold"),
    pytest.param([milestone("脱钩"), milestone("脱钩任务")],
                 [extracted_milestone("脱钩任务"), extracted_milestone("脱钩工作")], (2, 2, 2),
                 id="order-never-costs-a-match"),
    pytest.param([milestone("总结大会")], [extracted_milestone("召开", sentence="2020年9月30日前召开总结大会。")],
                 (1, 1, 1), id="found-in-sentence"),
    pytest.param([milestone("总结大会")], [extracted_milestone(None)], (0, 1, 1), id="task-text-absent"),
    pytest.param([milestone("总结大会")], [extracted_milestone("总结大会", deadline="2020-09-29")], (0, 1, 1),
                 id="deadline-differs"),
    pytest.param([milestone("全面启动", deadline="2019-10-31", start="2019-10-01", kind="period")],
                 [extracted_milestone("全面启动", deadline="2019-10-31", kind="period")], (0, 1, 1),
                 id="start-differs"),
    pytest.param([milestone("总结大会")], [extracted_milestone("总结大会", kind="period")], (0, 1, 1),
                 id="kind-differs"),
    pytest.param([milestone("结合我市实际", deadline=None, kind="relative")],
                 [extracted_milestone("结合我市实际制定方案", deadline=None, kind="relative")], (1, 1, 1),
                 id="relative-without-dates"),
]


@pytest.mark.parametrize(("gold", "extracted", "expected"), MILESTONE_CASES)
def test_milestone_matching(tmp_path: Path, gold: list[dict[str, Any]], extracted: list[dict[str, Any]],
                            expected: tuple[int, int, int]) -> None:
    score = score_one(tmp_path, {"milestones": gold}, milestones=extracted)
    assert score.milestones is not None
    assert score.milestones.counts == Counts(*expected)


# --- citations --------------------------------------------------------------------------------------------------

NUMBER = "中办发〔2015〕39号"
TITLE = "行业协会商会与行政机关脱钩总体方案"

CITATION_CASES = [
    pytest.param([(NUMBER, TITLE)], [(NUMBER, "别的标题")], (1, 1, 1), id="number-matches-whatever-title"),
    pytest.param([(None, TITLE)], [("国发〔2016〕1号", TITLE)], (1, 1, 1), id="title-fallback"),
    pytest.param([(NUMBER, TITLE)], [(None, TITLE)], (0, 1, 1), id="number-required-when-given"),
    pytest.param([(None, TITLE)], [(None, TITLE + "（试行）")], (0, 1, 1), id="title-exact"),
    pytest.param([(None, TITLE), (None, TITLE)], [(None, TITLE)], (1, 2, 1), id="one-to-one"),
    pytest.param([(NUMBER, TITLE)], [], (0, 1, 0), id="nothing-extracted"),
]


@pytest.mark.parametrize(("gold", "extracted", "expected"), CITATION_CASES)
def test_citation_matching(tmp_path: Path, gold: list[tuple[str | None, str]],
                           extracted: list[tuple[str | None, str]], expected: tuple[int, int, int]) -> None:
    score = score_one(tmp_path, {"citations": [{"doc_number": n, "title": t} for n, t in gold]},
                      citations=[{"doc_number": n, "title": t} for n, t in extracted])
    assert score.citations is not None
    assert score.citations.counts == Counts(*expected)


# --- the real gold ----------------------------------------------------------------------------------------------

def echo_gold(gold_dir: Path, output_dir: Path) -> Path:
    """A run that extracted exactly what the gold says, to check the real gold loads and scores 1.0."""
    documents, tables = [], {"associations": [], "milestones": [], "citations": []}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        fields = dict(gold["document"])
        codes = fields.pop("warnings_include", [])
        documents.append(document_row(gold["file"], **fields, warnings=[f"{code}: detail" for code in codes],
                                      error=gold.get("error_contains")))
        tables["associations"] += rows_of("associations", gold["file"], [
            {k: v for k, v in row.items() if k not in ("group", "supervisor_group")}
            | {"association_key": row["group"], "supervisor": row.get("supervisor", row.get("supervisor_group"))}
            for row in gold.get("associations", [])
        ])
        tables["milestones"] += rows_of("milestones", gold["file"], [
            {k: v for k, v in row.items() if k != "task_contains"} | {"task": row["task_contains"]}
            for row in gold.get("milestones", [])
        ])
        tables["citations"] += rows_of("citations", gold["file"], gold.get("citations", []))
    return write_run(output_dir, documents, **tables)


def test_real_gold_echoed_scores_perfectly(tmp_path: Path) -> None:
    summary = evaluate(CORPUS_GOLD, echo_gold(CORPUS_GOLD, tmp_path / "out")).summary()
    assert summary["documents.files"] == 15
    assert summary["documents.missing"] == 0
    assert summary["associations.group_violations"] == summary["associations.supervisor_group_violations"] == 0
    ratios = {key: value for key, value in summary.items() if isinstance(value, float)}
    assert ratios and all(value == 1.0 for value in ratios.values()), ratios


def test_real_gold_against_empty_tables(tmp_path: Path) -> None:
    """Documents read but no rows in any other table: recall 0, precision n/a, nothing raises."""
    files = [json.loads(path.read_text(encoding="utf-8"))["file"] for path in CORPUS_GOLD.glob("*.json")]
    report = evaluate(CORPUS_GOLD, write_run(tmp_path / "out", [document_row(file) for file in files]))
    summary = report.summary()
    for table in ("associations", "milestones", "citations"):
        assert (summary[f"{table}.precision"], summary[f"{table}.recall"], summary[f"{table}.f1"]) == (None, 0.0, 0.0)
    assert summary["associations.group_consistency"] is None
    assert "n/a" in format_report(report)


# --- report and command line ------------------------------------------------------------------------------------

def small_report(tmp_path: Path) -> EvaluationReport:
    gold = {"document": {"status": "ok", "title": "关于" + "很长的标题" * 20}, "associations": names("甲协会")}
    run = write_run(tmp_path / "out", [document_row(title="别的")],
                    associations=rows_of("associations", FILE, names("乙协会")))
    return evaluate(write_gold(tmp_path / "gold", {FILE: gold, "bad/empty.pdf": {}}), run)


def test_report_table_is_aligned_and_lists_wrong_fields(tmp_path: Path) -> None:
    text = format_report(small_report(tmp_path))
    table = text.split("\n\n")[1].splitlines()
    assert table[0].startswith("file") and len({len(line) for line in table}) == 1
    assert "  document title: got '别的', expected '关于很长的标题" in text
    assert "…" in text
    assert "roster missed: 1" in text and "roster invented: 1" in text


CLI_CASES = [
    pytest.param(False, 2, "", id="outputs-missing"),
    pytest.param(True, 0, "doc fields", id="scored"),
]


@pytest.mark.parametrize(("write_outputs", "status", "printed"), CLI_CASES)
def test_main_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str], write_outputs: bool, status: int,
                          printed: str) -> None:
    gold = write_gold(tmp_path / "gold", {FILE: {}})
    if write_outputs:
        write_run(tmp_path / "out", [document_row()])
    assert main(["--gold", str(gold), "--output", str(tmp_path / "out")]) == status
    assert printed in capsys.readouterr().out


def test_main_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    assert "--output" in capsys.readouterr().out


# --- per-class breakdown ------------------------------------------------------------------------------------------

def classed_report(tmp_path: Path) -> EvaluationReport:
    """Three files: one tagged `traditional`, one `traditional` and `totals_attachments`, one untagged."""
    golds = {
        "a.html": {"classes": ["traditional"], "associations": names("甲协会", "乙协会")},
        "b.txt": {"classes": ["traditional", "totals_attachments"], "document": {"status": "partial"},
                  "associations": [{"name": "丙商会", "status": "planned"}]},
        "c.pdf": {"citations": [{"doc_number": "某发〔2018〕5号", "title": "某通知"}]},
    }
    run = write_run(
        tmp_path / "out",
        [document_row("a.html"), document_row("b.txt"), document_row("c.pdf")],
        associations=rows_of("associations", "a.html", names("甲协会", "丁协会"))
        + rows_of("associations", "b.txt", [{"name": "丙商会", "status": "unknown"}]),
        citations=rows_of("citations", "c.pdf", [{"doc_number": "某发〔2018〕5号"}]),
    )
    return evaluate(write_gold(tmp_path / "gold", golds), run)


def test_classes_are_the_sorted_tags_of_the_gold(tmp_path: Path) -> None:
    assert classed_report(tmp_path).classes == ("totals_attachments", "traditional")


def test_class_restriction_keeps_only_tagged_files(tmp_path: Path) -> None:
    by_class = classed_report(tmp_path).by_class()
    traditional, totals = by_class["traditional"], by_class["totals_attachments"]
    assert [score.file for score in traditional.files] == ["a.html", "b.txt"]
    assert traditional.roster == Counts(matched=2, gold=3, extracted=3)
    assert traditional.citations == Counts()
    assert totals.roster == Counts(matched=1, gold=1, extracted=1)
    assert totals.document_fields.right == 0 and totals.document_fields.scored == 1
    assert totals.field_accuracy["status"].share == 0.0


def test_class_summary_has_the_overall_keys(tmp_path: Path) -> None:
    report = classed_report(tmp_path)
    summary = report.restricted_to("traditional").summary()
    assert summary.keys() >= {"associations.f1", "citations.f1", "documents.field_accuracy"}
    assert summary["associations.f1"] == pytest.approx(2 / 3)
    assert report.summary()["citations.f1"] == 1.0


def test_report_prints_a_labelled_per_class_section(tmp_path: Path) -> None:
    text = format_report(classed_report(tmp_path), label="Generalisation corpus")
    assert text.startswith("=== Generalisation corpus ===")
    section = text.split("Per class")[1].split("\n\n")[0].splitlines()
    assert section[1].split()[:4] == ["class", "files", "doc", "fields"]
    assert section[2].split()[:2] == ["totals_attachments", "1"] and section[3].split()[:2] == ["traditional", "2"]
    fields = text.split("Association fields per class")[1].split("\n\n")[0]
    assert "status" in fields and "0.000" in fields


def test_report_without_classes_has_no_class_section(tmp_path: Path) -> None:
    assert "Per class" not in format_report(small_report(tmp_path))


def test_main_prints_the_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = write_gold(tmp_path / "gold", {FILE: {"classes": ["places"]}})
    write_run(tmp_path / "out", [document_row()])
    assert main(["--gold", str(gold), "--output", str(tmp_path / "out"), "--label", "Gen"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("=== Gen ===") and "places" in out
