"""Lay out one spreadsheet as blocks, so .xlsx and .xls sheets read alike.

Merged ranges are filled with their top-left value, because rosters merge a
supervisor over every row it supervises. Leading rows that print a single value
(a title merged over A1:D1) become paragraphs before the table; a sheet that
never prints two values in a row (a 说明 sheet) is paragraphs only; the rest is
one table with empty rows and columns trimmed from its edges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from readers.model import Block, BlockKind, TableRow

_DECIMALS = re.compile(r"0\.(0+)")
_INTEGER_DIGITS = 15
"""Excel keeps 15 significant digits; a whole number below 10**15 prints without exponent."""


@dataclass(frozen=True)
class Merge:
    """A merged range, 0-based and inclusive: `Merge(0, 0, 0, 3)` is A1:D1."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int


def cell_text(value: object, number_format: str = "General") -> str:
    """The text a cell prints: `1.0` → `1`, `0.37` as `0%` → `37%`, `12.5` as `0.00` → `12.50`.

    Dates read as ISO (`2020-06-16`), line breaks entered with Alt+Enter as `\\n`.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _number_text(value, number_format)
    return str(value)


def _number_text(value: float, number_format: str) -> str:
    """Apply the percent sign and fixed decimals of a number format; thousands separators are left out."""
    section = number_format.split(";")[0]
    percent = "%" in section
    if percent:
        value *= 100
    decimals = _DECIMALS.search(section)
    if decimals:
        text = f"{value:.{len(decimals.group(1))}f}"
    elif float(value).is_integer() and abs(value) < 10**_INTEGER_DIGITS:
        text = str(int(value))
    else:
        text = f"{value:.{_INTEGER_DIGITS}g}"
    return text + "%" if percent else text


def sheet_blocks(name: str, grid: list[list[str]], merges: Iterable[Merge], tables: Iterator[int]) -> list[Block]:
    """Blocks of one sheet from its cell texts (row-major, from A1); `tables` numbers the table blocks.

    Example: rows `[["名单", "", ""], ["序号", "名称", "单位"], ["1", "协会", "局"]]` with
    A1:C1 merged give a paragraph `名单` and a two-row table.
    """
    width = max((len(row) for row in grid), default=0)
    cells = [list(row) + [""] * (width - len(row)) for row in grid]
    origins = _fill_merges(cells, merges)
    counts = [len({origins.get((r, c), (r, c)) for c, text in enumerate(row) if text}) for r, row in enumerate(cells)]
    first_table_row = next((r for r, count in enumerate(counts) if count > 1), len(cells))
    blocks = [
        Block(kind=BlockKind.PARAGRAPH, text=next(text for text in cells[r] if text), sheet=name)
        for r in range(first_table_row)
        if counts[r]
    ]
    if first_table_row < len(cells):
        last_row = max(r for r, count in enumerate(counts) if count)
        rows = cells[first_table_row : last_row + 1]
        filled = [c for c in range(width) if any(row[c] for row in rows)]
        table_rows = tuple(TableRow(tuple(row[filled[0] : filled[-1] + 1])) for row in rows)
        blocks.append(Block(kind=BlockKind.TABLE, table=next(tables), rows=table_rows, sheet=name))
    return blocks


def _fill_merges(cells: list[list[str]], merges: Iterable[Merge]) -> dict[tuple[int, int], tuple[int, int]]:
    """Copy each range's top-left text into its other cells; return each covered cell's top-left."""
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    height, width = len(cells), len(cells[0]) if cells else 0
    for merge in merges:
        if merge.first_row >= height or merge.first_col >= width:
            continue
        text = cells[merge.first_row][merge.first_col]
        for r in range(merge.first_row, min(merge.last_row + 1, height)):
            for c in range(merge.first_col, min(merge.last_col + 1, width)):
                cells[r][c] = text
                origins[(r, c)] = (merge.first_row, merge.first_col)
    return origins
