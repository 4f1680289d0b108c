"""Read a legacy Excel 97 .xls into the document model, laid out exactly as an .xlsx sheet.

python-calamine reads the BIFF records, merged ranges included, without
LibreOffice. Number formats are not available, so numbers read in general format
(`0.37`, not `37%`); dates still read as ISO dates.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum

from readers.model import Block, Document, ReadError
from readers.sheet import Merge, cell_text, sheet_blocks


def read(path: Path) -> Document:
    """Read every worksheet of an .xls into paragraphs and tables.

    Example: a truncated file raises `ReadError("corrupt XLS: Cfb error: Sector 8 points past end of file")`.
    """
    tables = itertools.count()
    blocks: list[Block] = []
    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            for meta in book.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                grid = [[cell_text(value) for value in row] for row in sheet.to_python(skip_empty_area=False)]
                ranges = sheet.merged_cell_ranges or ()
                merges = [Merge(top, left, bottom, right) for (top, left), (bottom, right) in ranges]
                blocks.extend(sheet_blocks(meta.name, grid, merges, tables))
    except PasswordError as exc:
        raise ReadError("encrypted XLS: a password is needed") from exc
    except CalamineError as exc:
        raise ReadError(f"corrupt XLS: {' '.join(str(exc).split())}") from exc
    return Document(source_format="xls", blocks=blocks)
