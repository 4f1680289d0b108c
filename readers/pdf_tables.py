"""Ruled PDF tables as rows of cell text, stitched across page breaks, on typed data.

A roster printed over several pages arrives as one table fragment per page;
a row that a page break cut in two comes back at the top of the next page as a
row whose 序号 cell is empty (`|  | 协会 | … |`). These functions turn the
fragments into one list of rows with each row on the page where it starts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from readers.model import TableRow
from readers.pdf_text import Glyph, glyphs_to_lines

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


def cell_text(glyphs: Sequence[Glyph], page: int) -> str:
    """A cell's text with one `\\n` per printed line: `宁夏回族自治区电力行\\n业协会`."""
    return "\n".join(line.text for line in glyphs_to_lines(glyphs, page))


def _span(bounds: Sequence[float], low: float, high: float) -> range:
    """Indices of the grid slots whose middle lies between two edges of a cell."""
    middles = [(a + b) / 2 for a, b in zip(bounds, bounds[1:])]
    return range(bisect_left(middles, low), bisect_right(middles, high))


def read_grid(
    boxes: Sequence[Box], xs: Sequence[float], ys: Sequence[float], glyphs: Sequence[Glyph], page: int
) -> tuple[tuple[str, ...], ...]:
    """Rows of cell text on a table's grid, a merged cell's text repeated in every slot it spans.

    `xs` and `ys` are the grid lines (one more than columns and rows); `boxes`
    are the ruled cells, so a header `是否属实(√)` spanning the columns 是 and 否
    reads in both, and a 类别 cell spanning four rows reads in each of them.
    """
    owner: list[list[int | None]] = [[None] * (len(xs) - 1) for _ in ys[1:]]
    for index, (x0, top, x1, bottom) in enumerate(boxes):
        for row in _span(ys, top, bottom):
            for column in _span(xs, x0, x1):
                owner[row][column] = index
    inside: list[list[Glyph]] = [[] for _ in boxes]
    for glyph in glyphs:
        x, y = glyph.centre
        row, column = bisect_right(ys, y) - 1, bisect_right(xs, x) - 1
        if 0 <= row < len(owner) and 0 <= column < len(owner[row]) and (index := owner[row][column]) is not None:
            inside[index].append(glyph)
    texts = [cell_text(cell, page) for cell in inside]
    return tuple(tuple("" if index is None else texts[index] for index in row) for row in owner)


def ruled_fragment(
    boxes: Sequence[Box], xs: Sequence[float], ys: Sequence[float], glyphs: Sequence[Glyph], page: int
) -> TableFragment:
    """One page's part of a ruled table: its cells read on the grid, its top and bottom the outer grid lines.

    The one builder for text PDFs (pdfium, pdfplumber) and scans, so their tables stitch alike across pages.
    """
    rows = tuple(TableRow(cells=cells, page=page) for cells in read_grid(boxes, xs, ys, glyphs, page))
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
