"""The pdfium page reader against the pdfplumber one: same lines, tables and text-layer verdict on every page.

Every page of the corpus's PDFs (two with text, one scan) is read by both
readers from the same file (`pdf_plumber.read_page` on pdfplumber, `pdf_pdfium.read_page` on
pypdfium2). Hand-written PDFs check what pdfium's text page changes and the
reader undoes: a space drawn on its own, a hyphen ending a line, glyphs
without a Unicode mapping; and ruled tables: split over two pages, and ruled
the ways producers draw rules (thin filled rectangles, one path of many
subpaths, a scaled outline with a rounded corner).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from conftest import RAW
from test_reader_pdf import COLUMNS, PAGE_HEIGHT, ROW_HEIGHT, _build_pdf, _split_row_pdf, _text_op

from readers import pdf_plumber
from readers.pdf_blocks import PageContent
from readers.pdf_pdfium import read_page

PAGES = {"ningxia-gxt-2019.pdf": 18, "hedong-fgw-2019.pdf": 14, "luoyang-2017-scan.pdf": 12}

COORDINATE_TOLERANCE = 0.001
"""Points. pdfium hands out coordinates as 32-bit floats, 7 significant digits (±0.00006 at 842 pt); pdfminer as doubles."""

Read = tuple[PageContent, bool]


@contextmanager
def _pdfium_pages(path: Path) -> Iterator[pypdfium2.PdfDocument]:
    document = pypdfium2.PdfDocument(path)
    try:
        yield document
    finally:
        document.close()


def _read_both(path: Path) -> list[tuple[Read, Read]]:
    """Each page of a file read by pdfplumber's reader and by pdfium's, from the same file."""
    pairs: list[tuple[Read, Read]] = []
    with pdfplumber.open(path) as plumbed, _pdfium_pages(path) as document:
        for number, plumbed_page in enumerate(plumbed.pages, start=1):
            page = document[number - 1]
            try:
                pairs.append((pdf_plumber.read_page(plumbed_page, number), read_page(page, number)))
            finally:
                page.close()
                plumbed_page.close()
    return pairs


@cache
def _corpus(name: str) -> list[tuple[Read, Read]]:
    return _read_both(RAW / name)


def _texts(content: PageContent) -> list[str]:
    return [line.text for line in content.lines]


def _cells(content: PageContent) -> list[list[tuple[str, ...]]]:
    return [[row.cells for row in table.rows] for table in content.tables]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= COORDINATE_TOLERANCE


CORPUS_PAGES = [
    pytest.param(name, number, id=f"{name.split('-')[0]}-p{number}")
    for name, count in PAGES.items()
    for number in range(1, count + 1)
]


# --- every page of the corpus's text PDFs ----------------------------------------------


@pytest.mark.parametrize(("name", "number"), CORPUS_PAGES)
def test_same_lines_in_same_order(name: str, number: int) -> None:
    (plumbed, _), (read, _) = _corpus(name)[number - 1]
    assert _texts(read) == _texts(plumbed)
    for mine, theirs in zip(read.lines, plumbed.lines):
        assert (mine.size, mine.font, mine.page) == (theirs.size, theirs.font, theirs.page), mine.text
        assert all(_close(getattr(mine, side), getattr(theirs, side)) for side in ("x0", "x1", "top", "bottom")), mine


@pytest.mark.parametrize(("name", "number"), CORPUS_PAGES)
def test_same_table_fragments(name: str, number: int) -> None:
    (plumbed, _), (read, _) = _corpus(name)[number - 1]
    assert _cells(read) == _cells(plumbed)
    for mine, theirs in zip(read.tables, plumbed.tables):
        assert [row.page for row in mine.rows] == [row.page for row in theirs.rows]
        assert len(mine.columns) == len(theirs.columns)
        assert all(_close(a, b) for a, b in zip(mine.columns, theirs.columns)), (mine.columns, theirs.columns)
        assert _close(mine.top, theirs.top) and _close(mine.bottom, theirs.bottom)


@pytest.mark.parametrize(("name", "number"), CORPUS_PAGES)
def test_same_text_layer_verdict_and_page_size(name: str, number: int) -> None:
    (plumbed, plumbed_has_text), (read, has_text) = _corpus(name)[number - 1]
    assert has_text == plumbed_has_text
    assert _close(read.width, plumbed.width) and _close(read.height, plumbed.height)


def test_parity_covers_tables_and_spaces_pdfium_skips() -> None:
    """The corpus exercises the table path (ningxia pages 7–18) and spaces drawn alone (ningxia page 10, `填 报 人`)."""
    pages = [read for _, (read, _) in _corpus("ningxia-gxt-2019.pdf")]
    assert [page.number for page in pages if page.tables] == [7, 8, 9, *range(11, 19)]
    assert any(line.text.startswith("填 报 人") for line in pages[9].lines)


# --- hand-written PDFs ------------------------------------------------------------------


@pytest.mark.parametrize("text_after_table", [False, True], ids=["table-only", "text-after-table"])
def test_ruled_table_over_a_page_break_reads_alike(tmp_path: Path, text_after_table: bool) -> None:
    pairs = _read_both(_split_row_pdf(tmp_path, text_after_table=text_after_table))
    for (plumbed, plumbed_has_text), (read, has_text) in pairs:
        assert (_texts(read), _cells(read), has_text) == (_texts(plumbed), _cells(plumbed), plumbed_has_text)
        assert [table.columns for table in read.tables] == [table.columns for table in plumbed.tables]
    assert [len(read.tables[0].rows) for _, (read, _) in pairs] == [3, 3]


ROWS = [("No", "Name", "Status"), ("1", "Alpha", "done"), ("2", "Beta", "open")]
TOP = 150
XS = list(COLUMNS)
YS = [PAGE_HEIGHT - TOP - ROW_HEIGHT * i for i in range(len(ROWS) + 1)]


def _filled_rectangles() -> str:
    """Each rule a 0.5 pt filled rectangle, as Word and WPS draw table borders."""
    columns = "".join(f"{x - 0.25} {YS[-1]} 0.5 {YS[0] - YS[-1]} re f\n" for x in XS)
    return columns + "".join(f"{XS[0]} {y - 0.25} {XS[-1] - XS[0]} 0.5 re f\n" for y in YS)


def _one_path() -> str:
    """Every rule a subpath of one stroked path."""
    columns = "".join(f"{x} {YS[0]} m {x} {YS[-1]} l " for x in XS)
    return columns + "".join(f"{XS[0]} {y} m {XS[-1]} {y} l " for y in YS) + "S\n"


def _scaled_outline() -> str:
    """The frame one closed path at half scale under a doubling matrix, its corner a curve; inner rules as lines."""
    x0, x1, y0, y1 = XS[0] / 2, XS[-1] / 2, YS[-1] / 2, YS[0] / 2
    corner = f"{x1 - 2} {y0} {x1} {y0 + 2} {x1} {y0 + 5} c"
    frame = f"q 2 0 0 2 0 0 cm {x0} {y0} m {x1 - 5} {y0} l {corner} {x1} {y1} l {x0} {y1} l h S Q\n"
    inner = "".join(f"{x} {YS[0]} m {x} {YS[-1]} l S\n" for x in XS[1:-1])
    return frame + inner + "".join(f"{XS[0]} {y} m {XS[-1]} {y} l S\n" for y in YS[1:-1])


@pytest.mark.parametrize("rules", [_filled_rectangles, _one_path, _scaled_outline], ids=lambda rules: rules.__name__)
def test_table_ruled_as_producers_rule_reads_alike(tmp_path: Path, rules: Callable[[], str]) -> None:
    cells = "".join(
        _text_op(x + 4, TOP + ROW_HEIGHT * i + 5, cell) for i, row in enumerate(ROWS) for x, cell in zip(XS, row)
    )
    path = tmp_path / "ruled.pdf"
    path.write_bytes(_build_pdf([rules() + cells]))
    [((plumbed, _), (read, _))] = _read_both(path)
    assert _cells(read) == _cells(plumbed) != []
    assert [table.columns for table in read.tables] == [table.columns for table in plumbed.tables]


def test_space_drawn_on_its_own_is_kept(tmp_path: Path) -> None:
    """pdfium's text page drops a text object without ink; pdfminer keeps its space, and so does the reader."""
    path = tmp_path / "space.pdf"
    path.write_bytes(_build_pdf([_text_op(80, 100, "A") + _text_op(86.67, 100, " ") + _text_op(87.67, 100, "B")]))
    [((plumbed, _), (read, _))] = _read_both(path)
    assert _texts(read) == _texts(plumbed) == ["A B"]


def test_hyphen_ending_a_line_is_kept(tmp_path: Path) -> None:
    """pdfium marks a hyphen between a letter and the next line's letter as U+0002; the reader reads `-`."""
    path = tmp_path / "hyphen.pdf"
    path.write_bytes(_build_pdf([_text_op(80, 100, "exam-") + _text_op(80, 114, "ple")]))
    [((plumbed, _), (read, _))] = _read_both(path)
    assert _texts(read) == _texts(plumbed) == ["exam-", "ple"]


def test_glyphs_without_unicode_leave_no_text_layer(tmp_path: Path) -> None:
    """pdfium maps such glyphs to their char codes (`AB`); the reader counts them as `(cid:N)`, as pdfminer prints them."""
    path = tmp_path / "cid.pdf"
    path.write_bytes(_build_pdf(["BT /F2 12 Tf 80 700 Td <00410042> Tj ET\n", _text_op(80, 100, "Real text.")]))
    pairs = _read_both(path)
    assert [has_text for _, (_, has_text) in pairs] == [plumbed for (_, plumbed), _ in pairs] == [False, True]
    assert [_texts(read) for _, (read, _) in pairs] == [[], ["Real text."]]
