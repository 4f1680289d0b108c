"""Turn an HTML `<table>` into rows of cell texts, copying merged cells into every slot they cover.

Rosters merge the supervisor cell over a run of rows (`rowspan`) and headers
over several columns (`colspan`); after expansion every row carries its own
values, so a consumer can read any row without looking at the rows above it.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from readers.html_text import lines

_MAX_COLSPAN = 1000
"""The HTML limit; larger values are typos that would otherwise blow up the grid."""
_LEADING_NUMBER = re.compile(r"\s*(\d+)")


def table_rows(table: HtmlElement) -> list[tuple[str, ...]]:
    """Rows of equal length; cell line breaks kept as `\\n`, rows with no text dropped.

    Example: `<tr><td rowspan=2>民政局</td><td>甲</td></tr><tr><td>乙</td></tr>`
    → `[('民政局', '甲'), ('民政局', '乙')]`.
    """
    row_elements = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    grid: dict[tuple[int, int], str] = {}
    for r, row in enumerate(row_elements):
        c = 0
        for cell in row.xpath("./td | ./th"):
            while (r, c) in grid:
                c += 1
            text = "\n".join(lines(cell))
            rows_left = len(row_elements) - r
            rowspan = min(_span(cell.get("rowspan"), rows_left), rows_left)
            colspan = min(_span(cell.get("colspan"), 1), _MAX_COLSPAN)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), text)
            c += colspan
    width = max((c for _, c in grid), default=-1) + 1
    rows = (tuple(grid.get((r, c), "") for c in range(width)) for r in range(len(row_elements)))
    return [row for row in rows if any(row)]


def _span(value: str | None, zero_means: int) -> int:
    """A rowspan/colspan value: `'3'` → 3; missing or unreadable → 1; 0 → `zero_means` (to the end)."""
    match = _LEADING_NUMBER.match(value or "")
    if match is None:
        return 1
    number = int(match.group(1))
    return number if number else zero_means
