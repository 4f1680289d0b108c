"""Read a legacy Excel 97 .xls into the document model, laid out exactly as an .xlsx sheet.

python-calamine reads the BIFF records, merged ranges included, without
LibreOffice. Number formats are not available, so numbers read in general format
(`0.37`, not `37%`); dates still read as ISO dates.

Only the used range is read, from the first to the last cell holding a value,
and a range over the sheet-cells limit is refused before its cells are built in
Python: one value at IV65536 would make 16 million of them. (calamine itself holds
the range already, at most 65,536 × 256 cells in this format.)
"""

from __future__ import annotations

import itertools
from pathlib import Path

from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, PasswordError, SheetTypeEnum

from readers import limits
from readers.model import Block, Document, ReadError
from readers.sheet import Merge, cell_text, sheet_blocks

_RUST_PANIC = "PanicException"
"""pyo3 turns a Rust panic into `pyo3_runtime.PanicException`, a BaseException that cannot be imported by name."""


def read(path: Path) -> Document:
    """Read every worksheet of an .xls into paragraphs and tables.

    Example: a truncated file raises `ReadError("corrupt XLS: Cfb error: Sector 8 points past end of file")`.
    """
    tables = itertools.count()
    blocks: list[Block] = []
    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            for meta in book.sheets_metadata:
                if meta.typ == SheetTypeEnum.WorkSheet:
                    blocks.extend(_sheet_blocks(book.get_sheet_by_name(meta.name), tables))
    except PasswordError as exc:
        raise ReadError("encrypted XLS: a password is needed") from exc
    except CalamineError as exc:
        raise ReadError(f"corrupt XLS: {' '.join(str(exc).split())}") from exc
    except BaseException as exc:
        if type(exc).__name__ != _RUST_PANIC:
            raise
        # calamine panics on some damaged records (`range start index 116 out of range for slice of length 77`)
        raise ReadError(f"corrupt XLS: the reader gave up ({' '.join(str(exc).split())})") from exc
    return Document(source_format="xls", blocks=blocks)


def _sheet_blocks(sheet: CalamineSheet, tables: itertools.count[int]) -> list[Block]:
    """One sheet's blocks from its used range; merged ranges are moved to it, those starting above or left of it dropped.

    A merge whose top-left cell lies outside the used range holds no value, so it fills nothing.
    """
    if sheet.start is None:
        return []
    limits.check_sheet_cells(sheet.name, sheet.height, sheet.width, limits.active())
    top, left = sheet.start
    grid = [[cell_text(value) for value in row] for row in sheet.to_python(skip_empty_area=True)]
    merges = [
        Merge(first_row - top, first_col - left, last_row - top, last_col - left)
        for (first_row, first_col), (last_row, last_col) in sheet.merged_cell_ranges or ()
        if first_row >= top and first_col >= left
    ]
    return sheet_blocks(sheet.name, grid, merges, tables)
