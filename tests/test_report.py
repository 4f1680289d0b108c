"""The report: one offline HTML file that headless Chromium loads with its charts, and nothing else.

Chromium (Debian's `chromium`) is driven by Playwright; the page may request nothing but its own
file, may log no console error, and must show every chart and one table row per Parquet row.
"""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from pipeline.report import charts, write_report
from pipeline.report.browser import PageLoad, load
from pipeline.report.html import render
from pipeline.report.labels import LEVEL_NAMES, STATUS_COLOURS, STATUS_NAMES
from pipeline.run import RunSummary
from pipeline.schemas import LEVELS, STATUSES, TABLES
from tests.conftest import CORPUS_DOCUMENTS

CHARTS = 4
SECTIONS = ("localities", "places", "agencies", "milestones", "citations", "quality")


@pytest.fixture(scope="module")
def tables(corpus_run: tuple[Path, RunSummary], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus run's tables, so the report written beside them touches no shared folder."""
    output = tmp_path_factory.mktemp("report") / "tables"
    output.mkdir()
    for name in TABLES:
        shutil.copy(corpus_run[0] / f"{name}.parquet", output)
    return output


@pytest.fixture(scope="module")
def report(tables: Path) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a glyph missing from the CJK font would warn
        return write_report(tables, input_dir=CORPUS_DOCUMENTS)


@pytest.fixture(scope="module")
def shown(report: Path) -> PageLoad:
    return load(report, screenshot=report.with_suffix(".png"))


def read(tables: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(tables / f"{name}.parquet")


def test_report_is_written_beside_the_tables(tables: Path, report: Path) -> None:
    assert report == tables / "report.html"
    assert report.stat().st_size > 0


def test_report_loads_without_console_errors_or_requests(shown: PageLoad) -> None:
    assert shown.console_errors == []
    assert shown.requests == []


def test_report_requests_nothing_outside_the_file(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)
    assert "<script" not in html and "<link" not in html and "<img" not in html


def test_the_check_catches_a_request(tmp_path: Path) -> None:
    """A page fetching a picture is caught, so an empty list above means something."""
    page = tmp_path / "fetches.html"
    page.write_text('<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png"></body></html>', encoding="utf-8")
    caught = load(page)
    assert caught.requests == ["http://127.0.0.1:9/x.png"]


def test_every_chart_is_drawn(shown: PageLoad, report: Path) -> None:
    assert shown.counts["svg"] == CHARTS
    assert shown.counts["h2"] == len(SECTIONS)
    assert report.with_suffix(".png").stat().st_size > 10_000
    html = report.read_text(encoding="utf-8")
    # the labels are glyphs of the CJK font, drawn as paths, so they render without the font
    assert html.count('id="NotoSansCJKsc-Regular-') > 50


def test_chinese_text_is_drawn_with_a_cjk_font(shown: PageLoad) -> None:
    assert "脱钩进展报告" in shown.text
    assert any("CJK" in family for family in shown.title_fonts), shown.title_fonts


def test_tables_hold_one_row_per_parquet_row(shown: PageLoad, tables: Path) -> None:
    documents = read(tables, "documents")
    primaries = set(documents.loc[documents["primary"], "doc_id"])
    milestones = read(tables, "milestones")
    citations = read(tables, "citations")
    cited = citations[citations.doc_id.isin(primaries) & citations.cited_level.isin(["central", "province"])]
    warned = documents.warnings.explode().dropna()
    unknown = int((read(tables, "associations").status == "unknown").sum())
    quality = (
        int((documents.status != "ok").sum())
        + sum(max(int(warned.str.startswith(code).sum()), 1) for code in ("roster_count_mismatch", "roster_missing"))
        + max(unknown, 1)
    )
    assert shown.rows == {
        "localities": read(tables, "progress").locality.nunique(dropna=False),
        "places": 0,
        "agencies": 0,
        "milestones": int((milestones.doc_id.isin(primaries) & milestones.deadline.notna()).sum()),
        "citations": len(cited[["cited_key", "cited_level"]].drop_duplicates()),
        "quality": quality,
    }


def test_text_names_every_locality_and_failure(shown: PageLoad, tables: Path) -> None:
    for locality in read(tables, "progress").locality.dropna().unique():
        assert locality in shown.text
    documents = read(tables, "documents")
    for error in documents.error.dropna():
        assert error in shown.text
    assert "完成时限 finish" in shown.text and "已脱钩 decoupled" in shown.text


def test_sources_link_to_files_and_pages(report: Path) -> None:
    links = re.findall(r'href="([^"#]+)(#page=\d+)?"', report.read_text(encoding="utf-8"))
    files = [href for href, _ in links if not href.startswith("#")]
    assert files and all((report.parent / href).resolve().is_file() for href in files)
    assert any(page for _, page in links)


def test_report_is_deterministic(tables: Path, report: Path) -> None:
    assert render(tables, report, CORPUS_DOCUMENTS) == report.read_text(encoding="utf-8")


def test_every_status_and_level_has_a_label() -> None:
    assert set(STATUSES) <= STATUS_NAMES.keys() <= STATUS_COLOURS.keys()
    assert set(LEVELS) == LEVEL_NAMES.keys()


def test_no_cjk_font_is_refused_not_drawn_as_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "CJK_FONT", "No Such Font CJK")
    with pytest.raises(charts.MissingFontError, match="fonts-noto-cjk"):
        charts.draw_all([], [], [], [])
