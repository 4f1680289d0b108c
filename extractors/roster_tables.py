"""Roster lines from table blocks: find the header, map columns, read each row.

A table is a roster when a header row names an association-name column and at
least one of 序号, 业务主管单位 or a status column, and most of its filled rows
name associations. Blank forms, score sheets and statistics tables fail that test
and yield nothing, even with a 序号 column and numbered empty rows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractors.lines import cell_text
from extractors.roster_model import UNKNOWN, RosterLine
from normalizers.memo import CACHE_SIZE
from normalizers.roster_vocabulary import (
    StatusMatch,
    answer_status,
    find_status,
    header_field,
    is_association_name,
    is_mark,
    is_total_row_label,
)
from readers.model import Block, TableRow

HEADER_SCAN_ROWS = 4
"""The header is looked for among the first rows: titles merged over the table may come first."""

MIN_ASSOCIATION_SHARE = 0.5
"""At least this share of a table's filled rows must name associations for it to be a roster."""

MARK_HEADER_SLACK = 2
"""A mark column's header is a status word plus at most this many characters (`实际脱钩（√）`)."""

_SEQ = re.compile(r"[（(]?\s*(\d{1,5})\s*[)）.．、]?")
"""A printed 序号: `12`, `12.`, `12、`, `（12）`; full-width digits arrive as half-width after NFKC."""
_NOTE_TRIM = "　 ，,；;。.、:：()（）"


@dataclass(frozen=True)
class ColumnMap:
    """Which column holds which roster field; `marks` are columns headed by a status word."""

    name: int
    seq: int | None = None
    supervisor: int | None = None
    status: int | None = None
    note: int | None = None
    marks: tuple[tuple[int, str], ...] = ()

    @property
    def is_roster_header(self) -> bool:
        """A name column alone is a form label; a roster also numbers, supervises or marks."""
        return any(c is not None for c in (self.seq, self.supervisor, self.status)) or bool(self.marks)


def map_header(cells: Sequence[str]) -> ColumnMap | None:
    """Map one header row's cells to fields: `序号 | 名称 | 业务主管单位 | 实际脱钩 | 拟脱钩 | 备注`."""
    return _header_columns(tuple(cells))


@lru_cache(maxsize=CACHE_SIZE)
def _header_columns(cells: tuple[str, ...]) -> ColumnMap | None:
    """`map_header`, remembered per row: the roster, context and count readers each look for a table's header."""
    fields: dict[str, int] = {}
    marks: list[tuple[int, str]] = []
    for index, cell in enumerate(cells):
        text = cell_text(cell)
        field = header_field(text)
        if field is not None:
            fields.setdefault(field, index)
            continue
        match = find_status(text)
        if match and len(text) <= len(match.word) + MARK_HEADER_SLACK and text not in (m[1] for m in marks):
            marks.append((index, match.word))
    if "name" not in fields:
        return None
    columns = ColumnMap(
        name=fields["name"],
        seq=fields.get("seq"),
        supervisor=fields.get("supervisor"),
        status=fields.get("status"),
        note=fields.get("note"),
        marks=tuple(marks),
    )
    return columns if columns.is_roster_header else None


def find_header(rows: Sequence[TableRow]) -> tuple[int, ColumnMap] | None:
    """The header row among the first rows and its column map.

    A header directly followed by a second header row (`脱钩情况` over
    `已脱钩 | 未脱钩`) is read from the lower, more specific row, with the upper
    row's text kept where the lower one is blank.
    """
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns = map_header(row.cells)
        if columns is None:
            continue
        if index + 1 < len(rows):
            lower = tuple(cell or upper for cell, upper in zip(rows[index + 1].cells, row.cells))
            lower_columns = map_header(lower)
            if lower_columns is not None and lower_columns != columns:
                return index + 1, lower_columns
        return index, columns
    return None


def read_roster_table(block: Block, list_status: StatusMatch | None = None) -> list[RosterLine]:
    """Every roster line of a table block, or nothing when the table is not a roster."""
    header = find_header(block.rows)
    if header is None:
        return []
    header_index, columns = header
    lines: list[RosterLine] = []
    for row in block.rows[header_index + 1 :]:
        line = _read_row(row, columns, block.table, list_status)
        if line is None:
            continue
        if lines and _continues_previous(row, columns, lines[-1]):
            lines[-1] = _merge(lines[-1], line)
        else:
            lines.append(line)
    named = sum(is_association_name(line.name_raw) for line in lines)
    return lines if lines and named >= MIN_ASSOCIATION_SHARE * len(lines) else []


def _cell(row: TableRow, index: int | None) -> str:
    if index is None or index >= len(row.cells):
        return ""
    return cell_text(row.cells[index])


def _read_row(
    row: TableRow, columns: ColumnMap, table: int | None, list_status: StatusMatch | None
) -> RosterLine | None:
    """One data row as a roster line; None for blank, total and repeated header rows."""
    name = _cell(row, columns.name)
    seq_text = _cell(row, columns.seq)
    if not name or header_field(name) == "name" or is_total_row_label(name) or is_total_row_label(seq_text):
        return None
    seq_match = _SEQ.fullmatch(unicodedata.normalize("NFKC", seq_text))
    status_raw, status, note = _row_status(row, columns, list_status)
    return RosterLine(
        name_raw=name,
        seq=int(seq_match[1]) if seq_match else None,
        supervisor_raw=_cell(row, columns.supervisor) or None,
        status_raw=status_raw,
        status=status,
        note=note,
        page=row.page,
        table=table,
    )


def _row_status(
    row: TableRow, columns: ColumnMap, list_status: StatusMatch | None
) -> tuple[str | None, str, str | None]:
    """Status as printed, its enumeration value and the rest of the 备注.

    Looked for in a status column (a status word, or an answer such as `是`/`否`
    under `是否脱钩`), then under mark columns (`√` under `拟脱钩`,
    or the word itself), then in the 备注 text, then in the list's own heading.
    """
    note = _cell(row, columns.note) or None
    status_text = _cell(row, columns.status)
    if status_text:
        match = find_status(status_text) or answer_status(status_text)
        return status_text, match.status if match else UNKNOWN, note
    for index, header_word in columns.marks:
        cell = _cell(row, index)
        if cell and is_mark(cell):
            return header_word, find_status(header_word).status, note  # type: ignore[union-attr]
        if cell and (match := find_status(cell)):
            return cell, match.status, note
    if note and (match := find_status(note)):
        rest = note.replace(match.word, "", 1).strip(_NOTE_TRIM)
        return match.word, match.status, rest or None
    if list_status is not None:
        return list_status.word, list_status.status, note
    return None, UNKNOWN, note


def _continues_previous(row: TableRow, columns: ColumnMap, previous: RosterLine) -> bool:
    """A row without 序号 that completes the name above (`开封市建设工程招标投` / `标协会`)."""
    return (
        columns.seq is not None
        and not _cell(row, columns.seq)
        and previous.seq is not None
        and not is_association_name(previous.name_raw)
    )


def _merge(previous: RosterLine, continuation: RosterLine) -> RosterLine:
    """Join a continuation row's cells onto the line above it."""

    def joined(first: str | None, second: str | None) -> str | None:
        if first and second and first != second:
            return first + second
        return first or second

    return RosterLine(
        name_raw=previous.name_raw + continuation.name_raw,
        seq=previous.seq,
        supervisor_raw=joined(previous.supervisor_raw, continuation.supervisor_raw),
        status_raw=previous.status_raw or continuation.status_raw,
        status=previous.status if previous.status != UNKNOWN else continuation.status,
        note=joined(previous.note, continuation.note),
        page=previous.page,
        table=previous.table,
    )
