"""The spreadsheet readers fill merged ranges, keep title rows as text and print numbers as Excel does."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from readers.model import Block, BlockKind, Document, ReadError, TableRow, join_cell_lines
from readers import xls, xlsx
from readers.sheet import cell_text

TESTS = Path(__file__).parent
RAW = TESTS.parent / "data" / "raw"
BAD = TESTS / "corpus" / "documents" / "bad"
GOLD = TESTS / "corpus" / "gold"
ROSTER_XLS = TESTS / "fixtures" / "kaifeng-fgw-2020-roster.xls"
"""The corpus roster saved by LibreOffice as Excel 97 (`soffice --convert-to xls`)."""


def _build_xlsx(path: Path) -> Path:
    """A roster sheet with a merged title, a subtitle, merges both ways and formatted cells; a notes sheet."""
    book = openpyxl.Workbook()
    roster = book.active
    roster.title = "名单"
    roster["B1"] = "某市脱钩名单"
    roster.merge_cells("B1:E1")
    roster["B2"] = "（2020年6月）"
    roster.append([None, "序号", "名称", "单位", "占比"])
    roster.append([None, 1.0, "甲协会", "乙局", 0.25])
    roster.append([None, 2, "丙协会\n分会", None, 0.5])
    roster.append([None, 3, "丁协会", None, None])
    roster.append([None, 4, "戊协会", "己局", 1])
    roster.merge_cells("D4:D6")
    roster["B9"] = "合计"
    roster.merge_cells("B9:C9")
    roster["D9"] = "4家"
    for row in range(4, 8):
        roster.cell(row, 5).number_format = "0%"
    roster["F3"].number_format = "0.00"  # formatted but empty: trimmed
    roster["B20"].number_format = "0.00"  # formatted but empty: trimmed
    notes = book.create_sheet("说明")
    notes["A1"] = "填表说明"
    notes["A3"] = "共4家，其中已脱钩1家。"
    book.create_sheet("空白")
    figures = book.create_sheet("数据")
    figures.append(["日期", "金额", "时间"])
    figures.append([date(2020, 6, 16), 12.5, datetime(2020, 6, 16, 9, 30)])
    figures["B2"].number_format = "0.00"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return xlsx.read(_build_xlsx(tmp_path_factory.mktemp("xlsx") / "built.xlsx"))


def test_built_blocks_per_sheet(built: Document) -> None:
    outline = [(b.sheet, b.kind, b.text if not b.is_table else b.table) for b in built.blocks]
    assert outline == [
        ("名单", BlockKind.PARAGRAPH, "某市脱钩名单"),
        ("名单", BlockKind.PARAGRAPH, "（2020年6月）"),
        ("名单", BlockKind.TABLE, 0),
        ("说明", BlockKind.PARAGRAPH, "填表说明"),
        ("说明", BlockKind.PARAGRAPH, "共4家，其中已脱钩1家。"),
        ("数据", BlockKind.TABLE, 1),
    ]
    assert built.source_format == "xlsx"


BUILT_ROW_CASES = {
    "header-from-first-column-with-values": (0, 0, ("序号", "名称", "单位", "占比")),
    "float-one-prints-1-and-percent": (0, 1, ("1", "甲协会", "乙局", "25%")),
    "vertical-merge-filled-and-line-break-kept": (0, 2, ("2", "丙协会\n分会", "乙局", "50%")),
    "vertical-merge-last-row": (0, 3, ("3", "丁协会", "乙局", "")),
    "empty-row-inside-table-kept": (0, 5, ("", "", "", "")),
    "horizontal-merge-in-last-row": (0, 6, ("合计", "合计", "4家", "")),
    "date-decimals-datetime": (1, 1, ("2020-06-16", "12.50", "2020-06-16 09:30:00")),
}


@pytest.mark.parametrize("table, row, cells", BUILT_ROW_CASES.values(), ids=BUILT_ROW_CASES.keys())
def test_built_table_rows(built: Document, table: int, row: int, cells: tuple[str, ...]) -> None:
    assert built.tables()[table].rows[row] == TableRow(cells)


def test_built_trailing_rows_and_columns_trimmed(built: Document) -> None:
    assert len(built.tables()[0].rows) == 7
    assert {len(r.cells) for r in built.tables()[0].rows} == {4}


CELL_TEXT_CASES = {
    "none": (None, "General", ""),
    "float-whole": (150.0, "General", "150"),
    "float-fraction": (0.1 + 0.2, "General", "0.3"),
    "int": (7, "General", "7"),
    "percent-decimals": (0.375, "0.0%", "37.5%"),
    "fixed-decimals-with-thousands": (1234.5, "#,##0.00", "1234.50"),
    "crlf-line-break": ("开封市二手车交易\r\n市场行业协会 ", "General", "开封市二手车交易\n市场行业协会"),
    "bool": (True, "General", "TRUE"),
    "midnight-datetime-is-a-date": (datetime(2020, 6, 16), "yyyy-mm-dd", "2020-06-16"),
}


@pytest.mark.parametrize("value, number_format, text", CELL_TEXT_CASES.values(), ids=CELL_TEXT_CASES.keys())
def test_cell_text(value: object, number_format: str, text: str) -> None:
    assert cell_text(value, number_format) == text


@pytest.fixture(scope="module", params=["xlsx", "xls"])
def roster(request: pytest.FixtureRequest) -> Document:
    """The corpus roster, read from the .xlsx and from its Excel 97 copy."""
    if request.param == "xlsx":
        return xlsx.read(RAW / "kaifeng-fgw-2020-roster.xlsx")
    return xls.read(ROSTER_XLS)


ROSTER_ROW_CASES = {
    "header": (0, ("序号", "行业协会商会名称", "业务主管单位（或原业务主管单位）", "备注")),
    "first": (1, ("1", "开封市通信行业协会", "河南省通信管理局", "已脱钩")),
    "merged-supervisor-second-row": (2, ("2", "开封市互联网协会", "河南省通信管理局", "拟脱钩")),
    "direct-registration-with-line-break": (142, ("142", "开封市二手车交易\n市场行业协会", "直接登记", "已脱钩")),
    "last": (150, ("150", "开封市青年企业家协会", "中国共产主义青年团\n开封市委员会", "拟脱钩")),
}


@pytest.mark.parametrize("row, cells", ROSTER_ROW_CASES.values(), ids=ROSTER_ROW_CASES.keys())
def test_roster_rows(roster: Document, row: int, cells: tuple[str, ...]) -> None:
    assert roster.tables()[0].rows[row].cells == cells


def test_roster_layout(roster: Document) -> None:
    title, table, *notes = roster.blocks
    assert title == Block(kind=BlockKind.PARAGRAPH, text="开封市全市性行业协会商会脱钩改革名单", sheet="脱钩名单")
    assert (table.kind, table.sheet, table.table, len(table.rows)) == (BlockKind.TABLE, "脱钩名单", 0, 151)
    assert {b.sheet for b in notes} == {"说明"} and not any(b.is_table for b in notes)
    assert any("共150家，其中已脱钩37家，拟脱钩113家" in b.text for b in notes)


def test_roster_longest_merge_fills_every_row(roster: Document) -> None:
    supervisors = {r.cells[2] for r in roster.tables()[0].rows[28:72]}  # C30:C73; the table starts at sheet row 2
    assert len(supervisors) == 1 and supervisors != {""}


def test_roster_matches_gold(roster: Document) -> None:
    gold = json.loads((GOLD / "kaifeng-fgw-2020-roster.xlsx.json").read_text(encoding="utf-8"))["associations"]
    rows = roster.tables()[0].rows[1:]
    read = [(int(r.cells[0]), join_cell_lines(r.cells[1]), r.cells[3]) for r in rows]
    assert read == [(a["seq"], a["name_raw"], a["status_raw"]) for a in gold]
    assert all(r.cells[2] for r in rows)
    supervisors = {join_cell_lines(r.cells[1]): join_cell_lines(r.cells[2]) for r in rows}
    assert all(supervisors[a["name_raw"]] == a["supervisor_raw"] for a in gold if "supervisor_raw" in a)


def _truncated_xls(tmp: Path) -> Path:
    path = tmp / "truncated.xls"
    path.write_bytes(ROSTER_XLS.read_bytes()[:3000])
    return path


ERROR_CASES = {
    "xlsx-fake-not-a-zip": (xlsx.read, lambda tmp: BAD / "fake.docx", "not a zip archive: the .xlsx file"),
    "xlsx-corrupt-missing-part": (xlsx.read, lambda tmp: BAD / "corrupt.docx", "corrupt XLSX: missing part"),
    "xlsx-given-a-word-file": (xlsx.read, lambda tmp: RAW / "kaifeng-fgw-2020.docx", "corrupt XLSX"),
    "xlsx-given-excel-97": (xlsx.read, lambda tmp: ROSTER_XLS, "not a zip archive: the .xlsx file is an OLE2"),
    "xls-given-text": (xls.read, lambda tmp: BAD / "fake.docx", "corrupt XLS"),
    "xls-truncated": (xls.read, _truncated_xls, "corrupt XLS"),
}


@pytest.mark.parametrize("read, make, message", ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_unreadable_files_raise_one_line(
    tmp_path: Path, read: Callable[[Path], Document], make: Callable[[Path], Path], message: str
) -> None:
    with pytest.raises(ReadError, match=message) as caught:
        read(make(tmp_path))
    assert "\n" not in str(caught.value)
