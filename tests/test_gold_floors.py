"""Floors on `make eval`'s figures over the shared corpus: a regression lowers a number here."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from conftest import GOLD

from pipeline.evaluation import EvaluationReport, evaluate
from pipeline.evaluation.results import FileScore
from pipeline.run import RunSummary


@pytest.fixture(scope="module")
def report(corpus_run: tuple[Path, RunSummary]) -> EvaluationReport:
    output, _ = corpus_run
    return evaluate(GOLD, output)


@pytest.fixture(scope="module")
def summary(report: EvaluationReport) -> dict[str, float | int | None]:
    return report.summary()


FLOORS = {
    "associations.precision": 1.0,
    "associations.recall": 1.0,
    "associations.group_consistency": 1.0,
    "associations.field.status": 1.0,
    "associations.field.status_raw": 1.0,
    "associations.field.registration": 1.0,
    "associations.field.supervisor": 1.0,
    "associations.field.supervisor_former": 1.0,
    "associations.field.supervisor_current": 1.0,
    "associations.field.seq": 1.0,
    "associations.field.name_raw": 1.0,
    "associations.field.page": 1.0,
    "associations.field.note": 1.0,
    "associations.field.kind": 1.0,
    "associations.supervisor_group_consistency": 0.9999,
    "milestones.precision": 1.0,
    "citations.precision": 1.0,
}


@pytest.mark.parametrize(("figure", "floor"), FLOORS.items(), ids=FLOORS.keys())
def test_figure_holds_its_floor(summary: dict[str, float | int | None], figure: str, floor: float) -> None:
    assert summary[figure] is not None and summary[figure] >= floor


@pytest.mark.parametrize("path", ["raw/ningxia-gxt-2019.pdf", "raw/ningxia-gxt-2019.html"])
def test_ningxia_rosters_count_47_decoupled_and_5_planned(corpus_run: tuple[Path, RunSummary], documents: pd.DataFrame, path: str) -> None:
    output, _ = corpus_run
    associations = pd.read_parquet(output / "associations.parquet")
    rows = associations[associations["doc_id"] == documents.loc[path, "doc_id"]]
    assert Counter(rows["status"]) == {"decoupled": 47, "planned": 5}


@pytest.mark.parametrize("path", ["raw/hedong-fgw-2019.pdf"])
def test_stated_roster_without_rows_is_flagged(documents: pd.DataFrame, path: str) -> None:
    row = documents.loc[path]
    assert row["stated_total"] == 14 and row["roster_rows"] == 0
    assert "roster_count_mismatch: stated 14, found 0" in list(row["warnings"])


def test_same_association_in_two_formats_shares_its_key(corpus_run: tuple[Path, RunSummary], documents: pd.DataFrame) -> None:
    output, _ = corpus_run
    associations = pd.read_parquet(output / "associations.parquet")
    docx, xlsx = (documents.loc[p, "doc_id"] for p in ("raw/kaifeng-fgw-2020.docx", "raw/kaifeng-fgw-2020-roster.xlsx"))
    keys = {doc: set(associations.loc[associations["doc_id"] == doc, "association_key"]) for doc in (docx, xlsx)}
    assert keys[docx] == keys[xlsx] and len(keys[docx]) == 150


TEXT_DOCUMENTS = [
    "raw/hedong-fgw-2019.pdf",
    "raw/kaifeng-fgw-2020.docx",
    "raw/kaifeng-fgw-2020-roster.xlsx",
    "raw/luoyang-2017-scan.pdf",
    "raw/luozhuang-2018.docx",
    "raw/luozhuang-2018.txt",
    "raw/ningxia-gxt-2019.html",
    "raw/ningxia-gxt-2019.pdf",
    pytest.param(
        "raw/hedong-fgw-2019.doc",
        marks=pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="needs LibreOffice"),
    ),
]
"""Every gold document: from a text layer, by OCR (the scan), or through LibreOffice (the .doc)."""
MIN_F1 = 0.95


def _file(report: EvaluationReport, path: str) -> FileScore:
    (score,) = [f for f in report.files if f.file == path]
    return score


@pytest.mark.parametrize("path", TEXT_DOCUMENTS)
def test_every_document_field_is_right(report: EvaluationReport, path: str) -> None:
    document = _file(report, path).document
    assert document.tally.right == document.tally.scored, [c for c in document.checks if not c.right]


@pytest.mark.parametrize("path", TEXT_DOCUMENTS)
@pytest.mark.parametrize("table", ["milestones", "citations"])
def test_milestone_and_citation_f1(report: EvaluationReport, path: str, table: str) -> None:
    score = getattr(_file(report, path), table)
    if score is not None and score.counts.gold:
        assert (score.counts.f1 or 0) >= MIN_F1, (score.missed, score.invented)
