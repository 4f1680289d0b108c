"""Ruled PDF tables as rows of cell text, stitched across page breaks, on typed data.

A roster printed over several pages arrives as one table fragment per page;
a row that a page break cut in two comes back at the top of the next page as a
row whose 序号 cell is empty (`|  | 协会 | … |`). These functions turn the
fragments into one list of rows with each row on the page where it starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from readers.model import TableRow
from readers.pdf_lines import GlyphArrays, group_texts, text_column
from readers.pdf_text import Glyph

COLUMN_TOLERANCE = 3.0
"""Column boundaries (points) of two fragments closer than this are the same column."""

Box = tuple[float, float, float, float]
"""x0, top, x1, bottom in points from the page's top left corner."""


@dataclass(frozen=True)
class TableFragment:
    """The part of a table printed on one page: its rows and column boundaries, left edge to right edge."""

    page: int
    top: float
    bottom: float
    columns: tuple[float, ...]
    rows: tuple[TableRow, ...]

    @property
    def left(self) -> float:
        return self.columns[0]

    @property
    def right(self) -> float:
        return self.columns[-1]


def contains(box: Box, glyph: Glyph) -> bool:
    """Whether a glyph's middle lies in a box, so a glyph touching a table's rule falls on one side of it."""
    x, y = glyph.centre
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def inside(box: Box, glyphs: GlyphArrays) -> np.ndarray:
    """`contains` for every glyph at once."""
    x, y = glyphs.centre_x, glyphs.centre_y
    return (box[0] <= x) & (x <= box[2]) & (box[1] <= y) & (y <= box[3])


def _slots(bounds: Sequence[float]) -> list[float]:
    """The middles of the grid slots between consecutive grid lines."""
    return [(a + b) / 2 for a, b in pairwise(bounds)]


def read_grid(
    boxes: Sequence[Box], xs: Sequence[float], ys: Sequence[float], glyphs: GlyphArrays | Sequence[Glyph]
) -> tuple[tuple[str, ...], ...]:
    """Rows of cell text on a table's grid, a merged cell's text repeated in every slot it spans.

    `xs` and `ys` are the grid lines (one more than columns and rows); `boxes`
    are the ruled cells, so a header `是否属实(√)` spanning the columns 是 and 否
    reads in both, and a 类别 cell spanning four rows reads in each of them.
    Each glyph goes to the cell whose slot holds its middle, and every cell's
    lines are grouped in one pass over the table's glyphs.
    """
    if not isinstance(glyphs, GlyphArrays):
        glyphs = GlyphArrays.of(glyphs)
    owner = _owners(boxes, xs, ys)
    row = np.searchsorted(np.asarray(ys, dtype=float), glyphs.centre_y, side="right") - 1
    column = np.searchsorted(np.asarray(xs, dtype=float), glyphs.centre_x, side="right") - 1
    placed = np.flatnonzero((row >= 0) & (row < owner.shape[0]) & (column >= 0) & (column < owner.shape[1]))
    cell = owner[row[placed], column[placed]]
    held = placed[cell >= 0]
    texts = text_column([*group_texts(glyphs.take(held), cell[cell >= 0], len(boxes)), ""])
    return tuple(map(tuple, texts[owner].tolist()))  # a slot no cell owns (-1) reads the last text, ""


def _owners(boxes: Sequence[Box], xs: Sequence[float], ys: Sequence[float]) -> np.ndarray:
    """The cell owning each grid slot (rows by columns), -1 for none: the last of the boxes spanning the slot's
    middle, which is the highest numbered one. Most boxes span one slot and are placed all at once."""
    owner = np.full((len(ys) - 1, len(xs) - 1), -1, dtype=np.intp)
    if not boxes:
        return owner
    columns, rows = np.array(_slots(xs)), np.array(_slots(ys))
    x0, top, x1, bottom = np.array(boxes, dtype=float).T
    first_row, end_row = np.searchsorted(rows, top, side="left"), np.searchsorted(rows, bottom, side="right")
    first_column, end_column = np.searchsorted(columns, x0, side="left"), np.searchsorted(columns, x1, side="right")
    single = (end_row - first_row == 1) & (end_column - first_column == 1)
    index = np.arange(len(boxes))
    np.maximum.at(owner.reshape(-1), (first_row * owner.shape[1] + first_column)[single], index[single])
    for number in np.flatnonzero(~single).tolist():
        spanned = owner[first_row[number] : end_row[number], first_column[number] : end_column[number]]
        np.maximum(spanned, number, out=spanned)
    return owner


def ruled_fragment(
    boxes: Sequence[Box],
    xs: Sequence[float],
    ys: Sequence[float],
    glyphs: GlyphArrays | Sequence[Glyph],
    page: int,
) -> TableFragment:
    """One page's part of a ruled table: its cells read on the grid, its top and bottom the outer grid lines.

    The one builder for text PDFs (pdfium, pdfplumber) and scans, so their tables stitch alike across pages.
    """
    rows = tuple(TableRow(cells=cells, page=page) for cells in read_grid(boxes, xs, ys, glyphs))
    return TableFragment(page=page, top=ys[0], bottom=ys[-1], columns=tuple(xs), rows=rows)


def same_columns(upper: TableFragment, lower: TableFragment) -> bool:
    """Whether a fragment on the next page has the same column count and boundaries, i.e. continues the table."""
    return len(upper.columns) == len(lower.columns) and all(
        abs(a - b) <= COLUMN_TOLERANCE for a, b in zip(upper.columns, lower.columns)
    )


def is_continuation_row(row: TableRow) -> bool:
    """True for the rest of a row cut by a page break: empty first cell (序号), text elsewhere."""
    return len(row.cells) > 1 and not row.cells[0].strip() and any(c.strip() for c in row.cells[1:])


def merge_rows(upper: TableRow, lower: TableRow) -> TableRow:
    """One row from the two parts of a row cut by a page break, cell parts joined by `\\n`, on the upper part's page."""
    cells = tuple("\n".join(part for part in (a, b) if part.strip()) for a, b in zip(upper.cells, lower.cells))
    return TableRow(cells=cells, page=upper.page)


def repeated_header_count(table: Sequence[TableRow], fragment: TableFragment) -> int:
    """How many leading rows of a fragment repeat the table's leading rows, as a header repeated on each page does."""
    count = 0
    while count < min(len(table), len(fragment.rows)) and fragment.rows[count].cells == table[count].cells:
        count += 1
    return count


def stitch(table: Sequence[TableRow], fragment: TableFragment) -> list[TableRow]:
    """Append a fragment's rows to a table continued from the previous page.

    Repeated header rows are kept; the first row after them, if it is the rest
    of a row cut by the page break, is merged into the table's last row.
    """
    rows = list(table)
    headers = repeated_header_count(table, fragment)
    rows.extend(fragment.rows[:headers])
    rest = fragment.rows[headers:]
    if rest and table and is_continuation_row(rest[0]):
        last = len(table) - 1
        rows[last] = merge_rows(rows[last], rest[0])
        rest = rest[1:]
    rows.extend(rest)
    return rows
