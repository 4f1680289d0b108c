"""`tuogou.xlsx` beside the Parquet tables: the tables for colleagues who open a spreadsheet, not Python.

A first sheet explains every table and column (from the schemas), then one sheet per table with a
frozen, filterable header row. List columns are joined with `；` (`国家发展改革委；民政部`), dates are
real Excel dates, flags TRUE/FALSE. `documents.text` is left out: a whole document rarely fits
Excel's 32,767 characters to a cell, and a cut text would pass for the whole one; it stays in the
Parquet table and the DuckDB file. Any other cell over the limit is cut and ends in `…`.

Written with XlsxWriter rather than openpyxl: it only writes (openpyxl stays a reader's library),
streams rows (`constant_memory`), and never turns text such as `=…` into a formula or a link.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from pipeline.exports.datapackage import field_type
from pipeline.exports.tables import Provenance, description, read_provenance, table_path
from pipeline.schemas import TABLE_INFO, TABLES, enum_values
from pipeline.writer import replace_atomically

WORKBOOK = "tuogou.xlsx"
ABOUT_SHEET = "about"
LIST_SEPARATOR = "；"
CELL_LIMIT = 32_767
"""Excel's most characters in one cell."""
LEFT_OUT = {
    ("documents", "text"): "left out of the workbook (too long for a cell); in documents.parquet and tuogou.duckdb"
}
DATE_FORMAT = "yyyy-mm-dd"
WIDEST_COLUMN = 60
ABOUT_WIDTHS = (22, 20, 10, 9, 100, 40)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters XML 1.0, and so a workbook, cannot hold."""
OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "default_date_format": DATE_FORMAT,
}


def write_workbook(output_dir: Path) -> Path:
    """Write `OUTPUT/tuogou.xlsx` from the run's Parquet tables in `output_dir`, atomically; return its path."""
    provenance = read_provenance(output_dir)
    path = output_dir / WORKBOOK
    replace_atomically(path, lambda temporary: _write(temporary, output_dir, provenance))
    return path


def _write(temporary: Path, output_dir: Path, provenance: Provenance) -> None:
    workbook = xlsxwriter.Workbook(str(temporary), OPTIONS)
    bold = workbook.add_format({"bold": True})
    _about(
        workbook.add_worksheet(ABOUT_SHEET), provenance, bold, workbook.add_format({"text_wrap": True, "valign": "top"})
    )
    for name, schema in TABLES.items():
        fields = [f for f in schema if (name, f.name) not in LEFT_OUT]
        table = pq.read_table(table_path(output_dir, name), columns=[f.name for f in fields])
        _table_sheet(workbook.add_worksheet(name), fields, table, bold)
    workbook.close()


def _about(sheet: Worksheet, provenance: Provenance, bold: Any, wrap: Any) -> None:
    """What each sheet and column holds, and which run the tables come from."""
    for index, width in enumerate(ABOUT_WIDTHS):
        sheet.set_column(index, index, width, wrap if index == 4 else None)
    sheet.write_row(
        0,
        0,
        ["tuogou tables", f"tuogou {provenance.version}, run {provenance.run_time} (UTC), run id {provenance.run_id}"],
    )
    sheet.write_row(1, 0, ["lists", f"list columns hold their items joined with {LIST_SEPARATOR}"])
    header = 3
    rows: list[tuple[list[Any], Any]] = [(["sheet", "column", "type", "required", "meaning", "values"], bold)]
    for name, schema in TABLES.items():
        rows.append(([name, None, None, None, TABLE_INFO[name].description], bold))
        for field in schema:
            meaning = LEFT_OUT.get((name, field.name), description(field))
            required = None if field.nullable else "yes"
            rows.append(
                (
                    [name, field.name, field_type(field.type), required, meaning, ", ".join(enum_values(field) or ())],
                    None,
                )
            )
    for offset, (values, format_) in enumerate(rows):
        sheet.write_row(header + offset, 0, values, format_)
    _header(sheet, header, header + len(rows) - 1, len(ABOUT_WIDTHS))


def _table_sheet(sheet: Worksheet, fields: list[pa.Field], table: pa.Table, bold: Any) -> None:
    columns = [[cell_value(value) for value in table.column(f.name).to_pylist()] for f in fields]
    for index, (field, column) in enumerate(zip(fields, columns)):
        width = max([len(field.name), *(_width(value) for value in column[:200])]) + 2
        sheet.set_column(index, index, min(WIDEST_COLUMN, width))
    sheet.write_row(0, 0, [f.name for f in fields], bold)
    for row, values in enumerate(zip(*columns), start=1):
        sheet.write_row(row, 0, values)
    _header(sheet, 0, table.num_rows, len(fields))


def cell_value(value: Any) -> Any:
    """What a spreadsheet cell holds: a day for a timestamp, `；`-joined text for a list, text Excel accepts."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    if isinstance(value, str):
        value = CONTROL_CHARACTERS.sub("", value)
        return value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"
    return value


def _width(value: Any) -> int:
    """Columns a value takes on screen: a Chinese character is about two Latin ones wide."""
    text = "" if value is None else str(value)
    return sum(2 if ord(character) > 0x2E80 else 1 for character in text)


def _header(sheet: Worksheet, header: int, last_row: int, columns: int) -> None:
    """A frozen, filterable header row at row `header` (0-based)."""
    sheet.freeze_panes(header + 1, 0)
    sheet.autofilter(header, 0, last_row, columns - 1)
