"""The PDF reader's fast paths against the plain algorithms they replace, on every page of every corpus PDF.

Two fast paths: ruled tables read straight off a regular grid of ruling lines
(`pdf_grid.find_tables`), against pdfplumber's general cell search over the
same edges (`search_tables`) and against pdfplumber's own `find_tables()`; and
lines and cell texts grouped on glyph arrays (`pdf_lines`), against the
one-glyph-at-a-time grouping written out below as the reference. The pages
are those of data/raw, tests/corpus/documents and tests/generalisation/documents
(each PDF pdfplumber can open), read through pdfplumber's characters and
edges, which the pdfium reader reproduces (test_reader_pdf_parity.py).
"""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cache
from itertools import accumulate, pairwise
from pathlib import Path

import pdfplumber
import pytest
from conftest import BAD, RAW
from pdfplumber.page import Page

from readers.pdf_grid import Edge, find_tables, search_tables
from readers.pdf_tables import Box, read_grid
from readers.pdf_text import COLUMN_GAP_EM, WORD_GAP_EM, Glyph, Line, font_family, glyphs_to_lines, is_cjk

GENERALISATION = Path(__file__).parent / "generalisation" / "documents"
PDFS = sorted([*RAW.glob("*.pdf"), *BAD.glob("*.pdf"), *GENERALISATION.glob("*.pdf")])


def _opens(path: Path) -> bool:
    try:
        pdfplumber.open(path).close()
    except Exception:  # noqa: BLE001 - a damaged or encrypted file of tests/corpus/documents/bad
        return False
    return True


@cache
def _pages(path: Path) -> tuple[tuple[list[Glyph], list[Edge], list[list[Box]]], ...]:
    """Each page's glyphs, ruling edges and pdfplumber's table cells."""
    read = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            read.append((_glyphs(page), page.edges, [table.cells for table in page.find_tables()]))
            page.close()
    return tuple(read)


def _glyphs(page: Page) -> list[Glyph]:
    return [
        Glyph(c["text"], float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), float(c["size"]),
              font_family(c.get("fontname", "")))
        for c in page.chars
    ]  # fmt: skip


def _page_params() -> Iterator[object]:
    for path in PDFS:
        if not _opens(path):
            continue
        with pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
        for number in range(1, count + 1):
            yield pytest.param(path, number, id=f"{path.stem}-p{number}")


PAGES = list(_page_params())


def test_every_corpus_pdf_that_opens_is_covered() -> None:
    """The two text PDFs of data/raw, the scan, and the generalisation PDFs: dozens of files, some with tables."""
    files = {param.values[0] for param in PAGES}
    assert len(files) >= 15 and {RAW / "ningxia-gxt-2019.pdf", RAW / "luoyang-2017-scan.pdf"} <= files
    assert sum(1 for path in files for _, _, tables in _pages(path) if tables) >= 10


# --- ruled tables: the grid path against the general search --------------------------------------


def _cell_sets(tables: list[list[Box]]) -> list[list[Box]]:
    return [sorted(cells) for cells in tables]


@pytest.mark.parametrize(("path", "number"), PAGES)
def test_grid_path_finds_the_tables_of_the_general_search(path: Path, number: int) -> None:
    _, edges, found_by_pdfplumber = _pages(path)[number - 1]
    assert _cell_sets(find_tables(edges)) == _cell_sets(search_tables(edges)) == _cell_sets(found_by_pdfplumber)


def _rule(x0: float, top: float, x1: float, bottom: float) -> Edge:
    return {
        "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
        "orientation": "v" if x0 == x1 else "h",
    }  # fmt: skip


def _lattice(xs: list[float], ys: list[float]) -> list[Edge]:
    return [_rule(x, ys[0], x, ys[-1]) for x in xs] + [_rule(xs[0], y, xs[-1], y) for y in ys]


@pytest.mark.parametrize(
    "edges",
    [
        pytest.param(_lattice([50, 90, 300, 400], [100, 120, 140, 160]), id="regular-grid"),
        pytest.param(
            [_rule(x, 100, x, 160) for x in (50, 400)]
            + [_rule(x, 120, x, 160) for x in (90, 300)]
            + [_rule(50, y, 400, y) for y in (100, 120, 140, 160)],
            id="title-row-spanning-all-columns",
        ),
        pytest.param(
            _lattice([50, 90, 300, 400], [100, 120, 140]) + _lattice([50, 90, 300, 400], [300, 320, 340]),
            id="two-tables-same-columns",
        ),
        pytest.param(_lattice([50, 90, 300, 400], [100, 120, 140]) + [_rule(50, 60, 400, 60)], id="grid-and-rule"),
        pytest.param(_lattice([50, 90], [100, 120]), id="one-cell-is-no-table"),
        pytest.param(
            _lattice([50, 90, 300, 400], [100, 120, 140, 160])[1:] + [_rule(50, 100, 50, 130), _rule(50, 135, 50, 160)],
            id="broken-outer-rule",
        ),
        pytest.param(
            [_rule(50, 100, 50, 160), _rule(90, 100, 90, 160), _rule(400, 100, 400, 160), _rule(300, 100, 300, 140)]
            + [_rule(50, 100, 400, 100), _rule(50, 160, 400, 160), _rule(90, 120, 400, 120), _rule(90, 140, 400, 140)],
            id="first-column-cell-over-three-rows",
        ),
        pytest.param(
            [_rule(x, 100, x, 160) for x in (50, 400)]
            + [_rule(90, 120, 90, 160), _rule(300, 100, 300, 140)]
            + [_rule(50, y, 400, y) for y in (100, 160)]
            + [_rule(50, 120, 300, 120), _rule(90, 140, 400, 140)],
            id="staggered-boxes",
        ),
        pytest.param(
            _lattice([50, 90, 300, 400], [100, 120, 140, 160])[1:]
            + [_rule(50, 100, 50, 160), _rule(200, 125, 200, 135)],
            id="stub-inside-a-cell",
        ),
        pytest.param(
            [_rule(x, 100, x, 160) for x in (50, 400)]
            + [_rule(300, 120, 300, 160)]
            + [_rule(50, y, 400, y) for y in (120, 160)]
            + [_rule(50, 100, 200, 100), _rule(205, 100, 400, 100)],
            id="side-of-two-edges",
        ),
        pytest.param(_lattice([50, 55, 300, 400], [100, 120, 140]), id="lines-closer-than-the-tolerance"),
        pytest.param(
            [_rule(x, 100, x, 140) for x in (50, 130)]
            + [_rule(50, y, 130, y) for y in (100, 140)]
            + [_rule(90, 100, 90, 120), _rule(50, 120, 90, 120)],
            id="l-shaped-box",
        ),
        pytest.param(
            _lattice([50, 90, 300, 400], [100, 120, 140, 160]) + [_rule(50, 130, 70, 130)],
            id="rule-ending-inside-a-cell",
        ),
        pytest.param(
            [_rule(x, 90, x, 170) for x in (50, 90, 300, 400)] + [_rule(40, y, 410, y) for y in (100, 120, 140, 160)],
            id="rules-overshooting-the-frame",
        ),
    ],
)
def test_grid_path_matches_the_general_search_on_drawn_grids(edges: list[Edge]) -> None:
    assert _cell_sets(find_tables(edges)) == _cell_sets(search_tables(edges))


def _random_grid(seed: int) -> list[Edge]:
    """A ruled grid with random steps of its inner rules left out (merged, ragged or L-shaped boxes) and, now and
    then, a rule that overshoots or stops short: each run of ruled steps on a grid line is one edge."""
    rng = random.Random(seed)
    clean = rng.random() < 0.7
    x_gaps, y_gaps = ([8, 20, 60], [8, 16, 30]) if clean else ([5, 8, 20, 60], [5, 8, 16, 30])
    ends = [0] if clean else [0, 0, 0, 0, -2, 1, 5]
    xs = list(accumulate(rng.choice(x_gaps) for _ in range(rng.randint(1, 5))))
    ys = list(accumulate(rng.choice(y_gaps) for _ in range(rng.randint(1, 5))))
    xs, ys = [50.0, *(50.0 + x for x in xs)], [100.0, *(100.0 + y for y in ys)]
    edges: list[Edge] = []
    for lines, across, vertical in ((xs, ys, True), (ys, xs, False)):
        for index, position in enumerate(lines):
            outer = index in (0, len(lines) - 1)
            ruled = [outer or rng.random() < 0.75 for _ in across[1:]]
            start = None
            for step, on in enumerate([*ruled, False]):
                if on and start is None:
                    start = step
                elif not on and start is not None:
                    low, high = (
                        across[start] + rng.choice(ends),
                        across[step] - rng.choice(ends),
                    )
                    edges.append(
                        _rule(position, low, position, high) if vertical else _rule(low, position, high, position)
                    )
                    start = None
    return edges


@pytest.mark.parametrize("seed", range(300))
def test_grid_path_matches_the_general_search_on_random_grids(seed: int) -> None:
    edges = _random_grid(seed)
    assert _cell_sets(find_tables(edges)) == _cell_sets(search_tables(edges))


# --- lines and cell texts: the array grouping against the reference ------------------------------


def _reference_text(glyphs: list[Glyph]) -> str:
    out: list[str] = []
    previous: Glyph | None = None
    pending = False
    for glyph in glyphs:
        if not glyph.text.strip():
            pending = True
            continue
        if previous is not None:
            gap, size = glyph.x0 - previous.x1, max(previous.size, glyph.size)
            latin = all(c.isascii() and c.isalnum() for c in (previous.text[-1], glyph.text[0]))
            if pending or gap >= COLUMN_GAP_EM * size or (latin and gap >= WORD_GAP_EM * size):
                out.append(" ")
        out.append(glyph.text)
        previous, pending = glyph, False
    return "".join(out)


def _reference_line(glyphs: list[Glyph], page: int) -> Line | None:
    glyphs.sort(key=lambda g: g.x0)
    inked = [g for g in glyphs if g.text.strip()]
    if not inked:
        return None
    cjk = [g for g in inked if is_cjk(g.text[0])] or inked
    return Line(
        _reference_text(glyphs), min(g.x0 for g in inked), max(g.x1 for g in inked), min(g.top for g in inked),
        max(g.bottom for g in inked), float(Counter(round(g.size * 2) / 2 for g in inked).most_common(1)[0][0]),
        Counter(g.font for g in cjk).most_common(1)[0][0], page,
    )  # fmt: skip


def _reference_lines(glyphs: list[Glyph], page: int) -> list[Line]:
    """The grouping as it was before arrays: one glyph at a time, top to bottom."""
    lines: list[Line] = []
    current: list[Glyph] = []
    bottom = 0.0
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        if current and glyph.centre[1] <= bottom:
            current.append(glyph)
            bottom = max(bottom, glyph.bottom)
            continue
        if current and (line := _reference_line(current, page)):
            lines.append(line)
        current, bottom = [glyph], glyph.bottom
    if current and (line := _reference_line(current, page)):
        lines.append(line)
    return lines


def _reference_grid(boxes: list[Box], xs: list[float], ys: list[float], glyphs: list[Glyph]) -> list[list[str]]:
    def span(bounds: list[float], low: float, high: float) -> range:
        middles = [(a + b) / 2 for a, b in pairwise(bounds)]
        return range(bisect_left(middles, low), bisect_right(middles, high))

    owner: list[list[int | None]] = [[None] * (len(xs) - 1) for _ in ys[1:]]
    for index, (x0, top, x1, bottom) in enumerate(boxes):
        for row in span(ys, top, bottom):
            for column in span(xs, x0, x1):
                owner[row][column] = index
    inside: list[list[Glyph]] = [[] for _ in boxes]
    for glyph in glyphs:
        x, y = glyph.centre
        row, column = bisect_right(ys, y) - 1, bisect_right(xs, x) - 1
        if 0 <= row < len(owner) and 0 <= column < len(owner[row]) and (index := owner[row][column]) is not None:
            inside[index].append(glyph)
    texts = ["\n".join(line.text for line in _reference_lines(cell, 1)) for cell in inside]
    return [["" if index is None else texts[index] for index in row] for row in owner]


@pytest.mark.parametrize(("path", "number"), PAGES)
def test_array_lines_are_the_reference_lines(path: Path, number: int) -> None:
    glyphs, _, _ = _pages(path)[number - 1]
    assert glyphs_to_lines(glyphs, number) == _reference_lines(glyphs, number)


@pytest.mark.parametrize(("path", "number"), PAGES)
def test_array_cell_texts_are_the_reference_cell_texts(path: Path, number: int) -> None:
    glyphs, _, tables = _pages(path)[number - 1]
    for cells in tables:
        xs = sorted({cell[0] for cell in cells}) + [max(cell[2] for cell in cells)]
        ys = sorted({cell[1] for cell in cells}) + [max(cell[3] for cell in cells)]
        assert [list(row) for row in read_grid(cells, xs, ys, glyphs)] == _reference_grid(cells, xs, ys, glyphs)
