"""Read an Excel .xlsx into the document model, so a roster sent as a spreadsheet reads like a printed one.

Every worksheet in workbook order gives its title rows as paragraphs and the rest
as one table (`Block.sheet` names the sheet); merged cells carry their top-left
value and numbers read as printed. Example: a roster whose supervisor
`某市住房和城乡建设局` is merged over C10:C25 gives that text on all 16 rows.

Only the used range is read, the rows and columns up to the last cell holding a
value: a sheet's declared `<dimension>` and its merged ranges may name the whole
16,384 × 1,048,576 grid, and walking that would never end. A first streaming pass
over the sheet's XML finds the used range and refuses a sheet over the rows limit
before openpyxl builds any cell.
"""

from __future__ import annotations

import itertools
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import openpyxl
from lxml import etree
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from readers import limits
from readers.model import Document
from readers.ooxml import opening_package
from readers.sheet import Merge, cell_text, sheet_blocks

_ROW, _MERGE, _CELL, _VALUE, _INLINE = "{*}row", "{*}mergeCell", "{*}c", "{*}v", "{*}is"


@dataclass(frozen=True)
class UsedRange:
    """How far a sheet's values reach (1-based last row and column; 0 when empty) and its merged ranges."""

    rows: int
    columns: int
    merges: tuple[Merge, ...]


def read(path: Path) -> Document:
    """Read every worksheet's cached values (not formulas) into paragraphs and tables.

    Example: a sheet `说明` holding only `共150家，其中已脱钩37家，拟脱钩113家` in A2
    gives one paragraph block with `sheet="说明"`.
    """
    tables = itertools.count()
    with opening_package(path, "XLSX", "Excel"), warnings.catch_warnings(), path.open("rb") as stream:
        # openpyxl warns about features it drops (data validation, default styles); the values are intact
        warnings.simplefilter("ignore", UserWarning)
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
        try:
            blocks = [block for sheet in book.worksheets for block in _sheet_blocks(sheet, tables)]
        finally:
            book.close()
    return Document(source_format="xlsx", blocks=blocks)


def _sheet_blocks(sheet: ReadOnlyWorksheet, tables: itertools.count[int]) -> list:
    """One sheet's blocks, read within its used range."""
    with sheet._get_source() as source:  # the sheet's XML, streamed from the open package
        used = used_range(source, sheet.title, limits.active())
    if not used.rows:
        return []
    rows = sheet.iter_rows(min_row=1, max_row=used.rows, min_col=1, max_col=used.columns)
    grid = [[cell_text(cell.value, cell.number_format) for cell in row] for row in rows]
    return sheet_blocks(sheet.title, grid, used.merges, tables)


def used_range(source: IO[bytes], title: str, caps: limits.Limits) -> UsedRange:
    """Stream a sheet's XML for the extent of its valued cells and its merges; refuse a sheet over the limits.

    Styled but empty cells (`<c r="XFD1048576" s="1"/>`) do not extend the range.
    Example: a sheet declaring `A1:XFD1048576` with values in A1, A2 and B2 gives `UsedRange(2, 2, ())`.
    """
    last_row = last_column = row_number = 0
    merges: list[Merge] = []
    parser = etree.iterparse(source, events=("end",), tag=(_ROW, _MERGE), resolve_entities=False, no_network=True)
    for _, element in parser:
        if element.tag.endswith("mergeCell"):
            first_col, first_row, last_col, last_row_merged = range_boundaries(element.get("ref", ""))
            merges.append(Merge(first_row - 1, first_col - 1, last_row_merged - 1, last_col - 1))
        else:
            row_number = int(element.get("r") or row_number + 1)
            if (width := _last_valued_column(element)) and row_number > caps.max_rows:
                raise limits.too_large(f'sheet "{title}" has values in row', row_number, caps.max_rows, "max-rows")
            if width:
                last_row, last_column = row_number, max(last_column, width)
        element.clear(keep_tail=True)
        while element.getprevious() is not None:
            del element.getparent()[0]
    limits.check_sheet_cells(title, last_row, last_column, caps)
    return UsedRange(last_row, last_column, tuple(merges))


def _last_valued_column(row: etree._Element) -> int:
    """The 1-based column of the row's last cell holding a value (`<v>` or inline text); 0 if none."""
    column = last = 0
    for cell in row.iterchildren(_CELL):
        reference = cell.get("r")
        column = coordinate_to_tuple(reference)[1] if reference else column + 1
        value = cell.find(_VALUE)
        if (value is not None and value.text) or cell.find(_INLINE) is not None:
            last = column
    return last
