"""Read an Excel .xlsx into the document model, so a roster sent as a spreadsheet reads like a printed one.

Every worksheet in workbook order gives its title rows as paragraphs and the rest
as one table (`Block.sheet` names the sheet); merged cells carry their top-left
value and numbers read as printed. Example: a roster whose supervisor
`开封市住房和城乡建设局` is merged over C30:C73 gives that text on all 44 rows.
"""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.model import Document
from pipeline.readers.ooxml import opening_package
from pipeline.readers.sheet import Merge, cell_text, sheet_blocks


def read(path: Path) -> Document:
    """Read every worksheet's cached values (not formulas) into paragraphs and tables.

    Example: a sheet `说明` holding only `共150家，其中已脱钩37家，拟脱钩113家` in A2
    gives one paragraph block with `sheet="说明"`.
    """
    with opening_package(path, "XLSX", "Excel"), warnings.catch_warnings(), path.open("rb") as stream:
        # openpyxl warns about features it drops (data validation, default styles); the values are intact
        warnings.simplefilter("ignore", UserWarning)
        book = openpyxl.load_workbook(stream, data_only=True)
    tables = itertools.count()
    blocks = [
        block
        for sheet in book.worksheets
        for block in sheet_blocks(sheet.title, _grid(sheet), _merges(sheet), tables)
    ]
    return Document(source_format="xlsx", blocks=blocks)


def _grid(sheet: Worksheet) -> list[list[str]]:
    """Cell texts from A1 to the last used cell, rendered with each cell's number format."""
    rows = sheet.iter_rows(min_row=1, min_col=1)
    return [[cell_text(cell.value, cell.number_format) for cell in row] for row in rows]


def _merges(sheet: Worksheet) -> list[Merge]:
    return [
        Merge(cells.min_row - 1, cells.min_col - 1, cells.max_row - 1, cells.max_col - 1)
        for cells in sheet.merged_cells.ranges
    ]
