"""PDF reader: text order and spacing, footers, roster tables over page breaks, scans, broken files.

Real corpus files check the measured behaviour; tiny PDFs written by hand in
this file check a table row cut by a page break and `(cid:N)` glyphs; the pure
stage functions are checked on plain data. Which pages go to OCR is checked
here with the OCR stubbed out; OCR itself is in `test_reader_ocr.py`.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pypdfium2
import pytest
from conftest import BAD, GOLD, RAW

from readers.model import Block, BlockKind, Document, ReadError, TableRow, document_text, join_cell_lines
from readers import pdf, pdf_plumber
from readers.pdf_blocks import BodyStyle, Layout, PageContent, continues, is_heading
from readers.pdf_tables import (
    TableFragment,
    is_continuation_row,
    merge_rows,
    read_grid,
    repeated_header_count,
    same_columns,
    stitch,
)
from readers.pdf_text import Glyph, Line, glyphs_to_lines, is_cid_garbage, is_garbled, is_page_footer

NINGXIA = "ningxia-gxt-2019.pdf"
HEDONG = "hedong-fgw-2019.pdf"
LUOYANG = "luoyang-2017-scan.pdf"


@cache
def _read(name: str) -> Document:
    return pdf.read(RAW / name)


def _text(name: str) -> str:
    return document_text(_read(name))


def _roster() -> Block:
    return _read(NINGXIA).tables()[0]


def _data_rows() -> list[TableRow]:
    return [row for row in _roster().rows if row.cells[0].strip().isdigit()]


# --- real documents: text ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        pytest.param(NINGXIA, "力争在2020年10月底前完成脱钩任务。", id="ningxia-digits-unspaced"),
        pytest.param(NINGXIA, "行业协会商会占用的行政办公用房，按照有关规定进行腾退，实现办公场所独立。", id="ningxia-paragraph-over-page-break"),
        pytest.param(NINGXIA, "2020年11月20日前，自治区工业和信息化厅向自治区脱钩联合工作组报送总结报告", id="ningxia-date-wrapped-at-line-end"),
        pytest.param(NINGXIA, "(宁发改体改〔2019〕528号)要求", id="ningxia-citation"),
        pytest.param(HEDONG, "1. 2020 年 2 月前。区行业协会商会要分别完成 50%脱钩任务。", id="hedong-real-spaces-kept"),
        pytest.param(HEDONG, "（二）脱钩攻坚（2019 年 11 月-2020 年 10 月）。", id="hedong-date-in-heading"),
        pytest.param(HEDONG, "《中共中央办公厅 国务院办公厅关于印发〈行业协会商会与行政机关脱钩总体方案〉的通知》", id="hedong-justified-line-unspaced"),
        pytest.param(HEDONG, "（此件主动公开）", id="hedong-publication-note"),
    ],
)
def test_distinctive_sentence_is_in_one_block(name: str, sentence: str) -> None:
    assert any(sentence in block.text for block in _read(name).blocks)


@pytest.mark.parametrize("name", [NINGXIA, HEDONG])
def test_page_number_footers_are_dropped(name: str) -> None:
    text = _text(name)
    assert not re.search(r"[—-]\s*\d+\s*[—-]", text)


@pytest.mark.parametrize(
    ("name", "absent"),
    [
        pytest.param(NINGXIA, "2020 年", id="ningxia-no-space-before-year-char"),
        pytest.param(NINGXIA, "10 月", id="ningxia-no-space-before-month-char"),
        pytest.param(NINGXIA, "商 会", id="ningxia-no-space-between-cjk"),
        pytest.param(HEDONG, "商 会 与", id="hedong-justified-gaps-not-spaces"),
    ],
)
def test_no_invented_spaces(name: str, absent: str) -> None:
    assert absent not in _text(name)


@pytest.mark.parametrize(
    ("name", "text", "kind", "page"),
    [
        pytest.param(
            NINGXIA,
            "自治区工业和信息化厅关于深化行业协会商会与行政机关脱钩改革工作的通知",
            BlockKind.HEADING,
            1,
            id="ningxia-title-two-lines-one-heading",
        ),
        pytest.param(NINGXIA, "一、改革总体目标", BlockKind.HEADING, 1, id="ningxia-section-heading"),
        pytest.param(NINGXIA, "附件1", BlockKind.HEADING, 7, id="ningxia-attachment-heading"),
        pytest.param(NINGXIA, "（此件公开发布）", BlockKind.PARAGRAPH, 6, id="ningxia-publication-note"),
        pytest.param(NINGXIA, "2019年10月15日", BlockKind.PARAGRAPH, 6, id="ningxia-signature-date"),
        pytest.param(HEDONG, "河东区关于全面推开行业协会商会与行政机关脱钩改革的实施意见", BlockKind.HEADING, 1, id="hedong-title"),
        pytest.param(HEDONG, "本意见自印发之日起施行。", BlockKind.PARAGRAPH, 14, id="hedong-last-paragraph"),
    ],
)
def test_block_kind_and_page(name: str, text: str, kind: BlockKind, page: int) -> None:
    matches = [b for b in _read(name).blocks if b.text == text]
    assert [(b.kind, b.page) for b in matches] == [(kind, page)]


@pytest.mark.parametrize(("name", "pages"), [(NINGXIA, 18), (HEDONG, 14)])
def test_page_count_and_every_block_has_a_page(name: str, pages: int) -> None:
    document = _read(name)
    assert document.source_format == "pdf"
    assert document.pages == pages
    assert all(block.page is not None and 1 <= block.page <= pages for block in document.blocks)


def test_text_only_pdf_has_no_tables_or_warnings() -> None:
    document = _read(HEDONG)
    assert document.tables() == []
    assert document.warnings == []


# --- real documents: the roster ------------------------------------------------


def test_roster_has_52_data_rows_and_a_header_per_page() -> None:
    rows = _roster().rows
    headers = [row for row in rows if row.cells[0] == "序号"]
    assert len(_data_rows()) == 52
    assert [row.page for row in headers] == [7, 8, 9]
    assert join_cell_lines(headers[0].cells[2]) == "业务主管单位（原业务主管单位）"


@pytest.mark.parametrize(
    ("seq", "name", "page"),
    [
        pytest.param(1, "宁夏设备管理协会", 7, id="first"),
        pytest.param(5, "宁夏回族自治区电力行业协会", 7, id="wrapped-name"),
        pytest.param(17, "宁夏回族自治区企业协会", 7, id="last-on-page-7"),
        pytest.param(18, "宁夏医药行业协会", 8, id="first-on-page-8"),
        pytest.param(40, "宁夏钙果果业协会", 8, id="last-on-page-8"),
        pytest.param(41, "宁夏企业培训协会", 9, id="first-on-page-9"),
        pytest.param(43, "宁夏工艺美术协会)", 9, id="stray-bracket-kept"),
        pytest.param(52, "宁夏大型物件起重运输协会", 9, id="last"),
    ],
)
def test_roster_row(seq: int, name: str, page: int) -> None:
    row = _data_rows()[seq - 1]
    assert (row.cells[0], join_cell_lines(row.cells[1]), row.page) == (str(seq), name, page)


def test_roster_matches_gold_names_pages_and_status() -> None:
    gold = json.loads((GOLD / "ningxia-gxt-2019.pdf.json").read_text(encoding="utf-8"))["associations"]
    expected = [(a["seq"], a["name_raw"], a["status_raw"], a["page"]) for a in gold]
    found = [
        (int(r.cells[0]), join_cell_lines(r.cells[1]), r.cells[3] or r.cells[4], r.page) for r in _data_rows()
    ]
    assert found == expected


def test_roster_text_comes_only_from_the_table() -> None:
    paragraphs = [b.text for b in _read(NINGXIA).blocks if not b.is_table]
    assert not any("宁夏设备管理协会" in text or "起重运输" in text for text in paragraphs)


def test_tables_interleave_with_text_in_reading_order() -> None:
    blocks = _read(NINGXIA).blocks
    position = {b.text: i for i, b in enumerate(blocks) if b.text}
    roster = blocks.index(_roster())
    assert position["附件1"] < position["（共52家，其中实际脱钩47家，拟脱钩5家）"] < roster < position["附件2"]


def test_table_indices_count_in_document_order() -> None:
    tables = _read(NINGXIA).tables()
    assert [t.table for t in tables] == list(range(len(tables)))
    assert [t.page for t in tables] == sorted(t.page for t in tables)


def test_form_table_over_two_pages_is_one_block() -> None:
    spanning = [t for t in _read(NINGXIA).tables() if {row.page for row in t.rows} == {17, 18}]
    assert len(spanning) == 1
    assert [row.cells[0] for row in spanning[0].rows].count("21") == 1


def test_merged_form_cells_are_expanded() -> None:
    form = next(t for t in _read(NINGXIA).tables() if t.page == 17)
    assert form.rows[0].cells[3] == form.rows[0].cells[4] == "是否属实\n(√)"
    assert form.rows[1].cells[3:5] == ("是", "否")


# --- real and broken files: scans and errors ----------------------------------


def _without_ocr(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Stub out OCR as if the engine read nothing; returns the list the pages sent to it are added to."""
    asked: list[int] = []

    def read_nothing(path: Path, numbers: list[int]) -> dict[int, PageContent]:
        asked.extend(numbers)
        return {}

    monkeypatch.setattr(pdf, "_read_scans", read_nothing)
    return asked


def test_image_only_pdf_goes_to_ocr_and_unread_pages_are_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _without_ocr(monkeypatch)
    document = pdf.read(RAW / LUOYANG)
    assert asked == list(range(1, 13))
    assert document.warnings == ["no_text_layer: 12 of 12 pages"]
    assert (document.blocks, document.pages, document.ocr) == ([], 12, False)


def test_text_pdf_never_goes_to_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _without_ocr(monkeypatch)
    pdf.read(RAW / HEDONG)
    assert asked == []


@pytest.mark.parametrize(
    ("name", "word"),
    [
        pytest.param("encrypted.pdf", "encrypted", id="encrypted"),
        pytest.param("truncated.pdf", "corrupt", id="truncated"),
    ],
)
def test_unreadable_pdf_raises_one_line_read_error(name: str, word: str) -> None:
    with pytest.raises(ReadError) as raised:
        pdf.read(BAD / name)
    message = str(raised.value)
    assert word in message
    assert "\n" not in message


# --- hand-written PDFs ----------------------------------------------------------

PAGE_HEIGHT = 842
COLUMNS = (80, 130, 330, 480)
ROW_HEIGHT = 20


def _build_pdf(streams: list[str]) -> bytes:
    """A minimal A4 PDF: one content stream per page, Helvetica as /F1 and an unmapped CID font as /F2."""
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(streams)))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(streams)} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Font /Subtype /Type0 /BaseFont /Unknown /Encoding /Identity-H /DescendantFonts "
        "[<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Unknown "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>] >>",
    ]
    for i, stream in enumerate(streams):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 {PAGE_HEIGHT}] /Contents {6 + 2 * i} 0 R "
            "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>"
        )
        objects.append(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _text_op(x: float, top: float, text: str) -> str:
    return f"BT /F1 10 Tf {x} {PAGE_HEIGHT - top - 10} Td ({text}) Tj ET\n"


def _ruled_table(top: float, rows: list[tuple[str, ...]]) -> str:
    """Content-stream operators drawing a fully ruled table with one line of text per cell."""
    bottom = top + ROW_HEIGHT * len(rows)
    ops = [f"{x} {PAGE_HEIGHT - top} m {x} {PAGE_HEIGHT - bottom} l S\n" for x in COLUMNS]
    for i in range(len(rows) + 1):
        y = PAGE_HEIGHT - top - ROW_HEIGHT * i
        ops.append(f"{COLUMNS[0]} {y} m {COLUMNS[-1]} {y} l S\n")
    for i, row in enumerate(rows):
        ops.extend(_text_op(x + 4, top + ROW_HEIGHT * i + 5, cell) for x, cell in zip(COLUMNS, row) if cell)
    return "".join(ops)


def _split_row_pdf(tmp_path: Path, text_after_table: bool) -> Path:
    header = ("No", "Name", "Status")
    first = _text_op(80, 100, "Members of the roster.") + _ruled_table(
        150, [header, ("1", "Alpha Society", "done"), ("2", "Beta Guild of", "")]
    )
    if text_after_table:
        first += _text_op(80, 300, "A note below the table.")
    first += _text_op(280, 800, "- 1 -")
    second = _ruled_table(80, [header, ("", "Makers", "planned"), ("3", "Gamma Union", "done")])
    second += _text_op(280, 800, "- 2 -")
    path = tmp_path / "split.pdf"
    path.write_bytes(_build_pdf([first, second]))
    return path


def test_row_split_by_page_break_is_merged(tmp_path: Path) -> None:
    document = pdf.read(_split_row_pdf(tmp_path, text_after_table=False))
    [table] = document.tables()
    assert [(row.cells, row.page) for row in table.rows] == [
        (("No", "Name", "Status"), 1),
        (("1", "Alpha Society", "done"), 1),
        (("2", "Beta Guild of\nMakers", "planned"), 1),
        (("No", "Name", "Status"), 2),
        (("3", "Gamma Union", "done"), 2),
    ]
    assert [b.text for b in document.blocks if not b.is_table] == ["Members of the roster."]


def test_table_followed_by_text_does_not_continue_on_next_page(tmp_path: Path) -> None:
    document = pdf.read(_split_row_pdf(tmp_path, text_after_table=True))
    assert [(t.table, t.page, len(t.rows)) for t in document.tables()] == [(0, 1, 3), (1, 2, 3)]
    assert document.tables()[1].rows[1].cells == ("", "Makers", "planned")


def test_page_of_cid_glyphs_only_goes_to_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _without_ocr(monkeypatch)
    path = tmp_path / "cid.pdf"
    path.write_bytes(_build_pdf(["BT /F2 12 Tf 80 700 Td <00410042> Tj ET\n", _text_op(80, 100, "Real text.")]))
    document = pdf.read(path)
    assert asked == [1]
    assert document.warnings == ["no_text_layer: 1 of 2 pages"]
    assert [b.text for b in document.blocks] == ["Real text."]


# --- pure stages on plain data ---------------------------------------------------


def _glyph(text: str, x0: float, width: float = 16.0, size: float = 16.0) -> Glyph:
    return Glyph(text=text, x0=x0, x1=x0 + width, top=100.0, bottom=100.0 + size, size=size, font="FandolFang")


def _run(text: str, x0: float, width: float, gap: float) -> list[Glyph]:
    return [_glyph(char, x0 + i * (width + gap), width) for i, char in enumerate(text)]


@pytest.mark.parametrize(
    ("glyphs", "expected"),
    [
        pytest.param([*_run("在", 0, 16, 0), *_run("2020", 19.4, 10.2, 0), *_run("年", 63.6, 16, 0)], "在2020年", id="cjk-digit-gap-no-space"),
        pytest.param(_run("商会与行政", 0, 16, 4.3), "商会与行政", id="justified-cjk-no-space"),
        pytest.param([_glyph("在", 0), _glyph(" ", 16, 5.3), *_run("2020", 21.3, 10.2, 0)], "在 2020", id="space-glyph-kept"),
        pytest.param([*_run("ISO", 0, 10, 0), *_run("9001", 34, 10, 0)], "ISO 9001", id="latin-word-gap"),
        pytest.param([*_run("姓名", 0, 16, 0), *_run("电话", 80, 16, 0)], "姓名 电话", id="wide-gap-separates-runs"),
        pytest.param([_glyph(" ", 0, 5), _glyph("一", 5), _glyph(" ", 21, 5), _glyph(" ", 26, 5)], "一", id="edge-spaces-dropped"),
    ],
)
def test_line_text(glyphs: list[Glyph], expected: str) -> None:
    assert [line.text for line in glyphs_to_lines(glyphs, 1)] == [expected]


def _line(
    text: str, x0: float, x1: float, top: float = 100.0, size: float = 16.0, font: str = "FandolFang", page: int = 1
) -> Line:
    return Line(text=text, x0=x0, x1=x1, top=top, bottom=top + size, size=size, font=font, page=page)


@pytest.mark.parametrize(
    ("text", "top", "expected"),
    [
        pytest.param("— 3 —", 750, True, id="em-dashes"),
        pytest.param("- 12 -", 750, True, id="hyphens"),
        pytest.param("－3－", 750, True, id="fullwidth-hyphens"),
        pytest.param("−11-", 750, True, id="minus-and-hyphen-as-read-by-ocr"),
        pytest.param("﹣ 7 ―", 750, True, id="small-hyphen-and-horizontal-bar"),
        pytest.param("第3页", 750, True, id="di-ye"),
        pytest.param("第 3 页 共 18 页", 790, True, id="di-ye-gong-ye"),
        pytest.param("3", 790, True, id="bare-number-at-bottom"),
        pytest.param("3", 400, False, id="bare-number-in-body"),
        pytest.param("2020年", 790, False, id="date-fragment"),
        pytest.param("一、总体要求", 750, False, id="heading"),
    ],
)
def test_is_page_footer(text: str, top: float, expected: bool) -> None:
    assert is_page_footer(_line(text, 280, 320, top=top), page_height=842) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("(cid:123)", True), ("(cid:7)", True), ("年", False), ("(cid:x)", False)],
)
def test_is_cid_garbage(text: str, expected: bool) -> None:
    assert is_cid_garbage(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("(cid:123)", True), ("\ufffd", True), ("\ue013", True), ("\x07", True), ("年", False), (" ", False), ("A", False)],
)
def test_is_garbled(text: str, expected: bool) -> None:
    assert is_garbled(text) is expected


LAYOUT = Layout(left=79.5, right=521.5)
BODY = BodyStyle(size=16.0, font="FandolFang")


@pytest.mark.parametrize(
    ("upper", "lower", "same_page", "expected"),
    [
        pytest.param(_line("a", 111.5, 520.7), _line("b", 79.5, 520.2, top=129), True, True, id="full-line-then-margin"),
        pytest.param(_line("a", 79.5, 255.5), _line("b", 111.5, 520.7, top=129), True, False, id="short-line-ends-paragraph"),
        pytest.param(_line("a", 79.5, 520.2), _line("b", 111.5, 520.7, top=129), True, False, id="indent-starts-paragraph"),
        pytest.param(_line("a", 159.5, 510.7), _line("b", 159.5, 191.5, top=129), True, True, id="hanging-indent-continues"),
        pytest.param(_line("a", 79.5, 520.2), _line("b", 79.5, 520.2, top=229), True, False, id="wide-gap"),
        pytest.param(_line("a", 79.5, 520.2, top=700), _line("b", 79.5, 520.2, top=112, page=2), False, True, id="over-page-break"),
        pytest.param(_line("a", 80.6, 520.6, size=22), _line("b", 146.6, 454.6, top=135, size=22), True, True, id="centred-title-second-line"),
        pytest.param(_line("a", 79.5, 520.2, size=22), _line("b", 79.5, 520.2, top=129), True, False, id="size-change"),
        pytest.param(_line("a", 360.5, 520.2, top=700), _line("b", 79.5, 111.5, top=112, page=2), False, False,
                     id="flush-right-date-then-next-page-heading"),
        pytest.param(_line("a", 330.5, 520.2), _line("b", 392.5, 520.2, top=129), True, False, id="flush-right-signature-lines"),
    ],
)
def test_continues(upper: Line, lower: Line, same_page: bool, expected: bool) -> None:
    assert continues(upper, lower, LAYOUT, same_page) is expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param([_line("标题", 168.6, 432.6, size=22)], True, id="larger-size"),
        pytest.param([_line("（共52家）", 129.6, 471.7)], True, id="centred"),
        pytest.param([_line("一、总体要求", 111.5, 207.5, font="NotoSansCJKjp")], True, id="short-line-other-font"),
        pytest.param([_line("（此件公开发布）", 111.5, 239.5)], False, id="short-line-body-font"),
        pytest.param([_line("正文", 111.5, 520.7), _line("正文", 79.5, 300.0, top=129)], False, id="paragraph"),
    ],
)
def test_is_heading(lines: list[Line], expected: bool) -> None:
    assert is_heading(lines, LAYOUT, BODY) is expected


def _fragment(page: int, rows: list[tuple[str, ...]], columns: tuple[float, ...] = (79.4, 119.0, 255.1, 521.6)) -> TableFragment:
    return TableFragment(page=page, top=105.0, bottom=700.0, columns=columns, rows=tuple(TableRow(r, page) for r in rows))


HEADER = ("序号", "名称", "业务主管单位")


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        pytest.param(("", "业协会", ""), True, id="rest-of-name"),
        pytest.param(("", "", "经信委"), True, id="rest-of-supervisor"),
        pytest.param(("18", "宁夏医药行业协会", "原自治区经信委"), False, id="numbered-row"),
        pytest.param(("", "", ""), False, id="empty-row"),
    ],
)
def test_is_continuation_row(cells: tuple[str, ...], expected: bool) -> None:
    assert is_continuation_row(TableRow(cells, 8)) is expected


def test_merge_rows_joins_each_cell_with_newline_and_keeps_upper_page() -> None:
    merged = merge_rows(TableRow(("17", "宁夏回族自治区企业协", "原自治区经信委"), 7), TableRow(("", "会", ""), 8))
    assert merged == TableRow(("17", "宁夏回族自治区企业协\n会", "原自治区经信委"), 7)


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        pytest.param(
            [HEADER, ("", "会", ""), ("18", "宁夏医药行业协会", "原")],
            [(HEADER, 7), (("17", "宁夏企业协\n会", "原"), 7), (HEADER, 8), (("18", "宁夏医药行业协会", "原"), 8)],
            id="header-repeated-then-continuation",
        ),
        pytest.param(
            [("", "会", ""), ("18", "宁夏医药行业协会", "原")],
            [(HEADER, 7), (("17", "宁夏企业协\n会", "原"), 7), (("18", "宁夏医药行业协会", "原"), 8)],
            id="continuation-without-header",
        ),
        pytest.param(
            [HEADER, ("18", "宁夏医药行业协会", "原")],
            [(HEADER, 7), (("17", "宁夏企业协", "原"), 7), (HEADER, 8), (("18", "宁夏医药行业协会", "原"), 8)],
            id="no-continuation",
        ),
    ],
)
def test_stitch(second: list[tuple[str, ...]], expected: list[tuple[tuple[str, ...], int]]) -> None:
    first = list(_fragment(7, [HEADER, ("17", "宁夏企业协", "原")]).rows)
    assert [(r.cells, r.page) for r in stitch(first, _fragment(8, second))] == expected


def test_repeated_header_count_counts_two_level_headers() -> None:
    top, sub = ("序号", "是否属实", "是否属实"), ("序号", "是", "否")
    table = list(_fragment(17, [top, sub, ("20", "", "")]).rows)
    assert repeated_header_count(table, _fragment(18, [top, sub, ("21", "", "")])) == 2


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        pytest.param((79.4, 119.0, 255.1, 521.6), True, id="identical"),
        pytest.param((80.4, 120.5, 256.0, 522.0), True, id="within-tolerance"),
        pytest.param((79.4, 150.0, 255.1, 521.6), False, id="moved-boundary"),
        pytest.param((79.4, 119.0, 521.6), False, id="fewer-columns"),
    ],
)
def test_same_columns(columns: tuple[float, ...], expected: bool) -> None:
    assert same_columns(_fragment(7, [HEADER]), _fragment(8, [HEADER], columns)) is expected


def test_read_grid_repeats_merged_cell_text_in_every_slot() -> None:
    xs, ys = [0.0, 50.0, 100.0, 150.0], [0.0, 20.0, 40.0]
    boxes = [(0.0, 0.0, 50.0, 40.0), (50.0, 0.0, 150.0, 20.0), (50.0, 20.0, 100.0, 40.0), (100.0, 20.0, 150.0, 40.0)]
    glyphs = [
        Glyph("类", 5, 15, 12, 22, 10, "F"),
        Glyph("属", 60, 70, 5, 15, 10, "F"),
        Glyph("实", 70, 80, 5, 15, 10, "F"),
        Glyph("是", 60, 70, 25, 35, 10, "F"),
        Glyph("否", 110, 120, 25, 35, 10, "F"),
    ]
    assert read_grid(boxes, xs, ys, glyphs) == (("类", "属实", "属实"), ("类", "是", "否"))


def test_rotated_page_is_read_through_pdfplumber(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pdfium reads pages as stored; a page with /Rotate goes to pdfplumber, which turns it first."""
    path = tmp_path / "rotated.pdf"
    path.write_bytes(_build_pdf([_text_op(80, 100, "Upright page."), _text_op(80, 100, "Turned page.")]))
    document = pypdfium2.PdfDocument(path)
    document[1].set_rotation(90)
    document.save(tmp_path / "turned.pdf")
    document.close()
    asked: list[list[int]] = []
    original = pdf_plumber.read_pages

    def spy(path: Path, numbers: list[int]) -> dict:
        asked.append(numbers)
        return original(path, numbers)

    monkeypatch.setattr(pdf_plumber, "read_pages", spy)
    read = pdf.read(tmp_path / "turned.pdf")
    assert asked == [[2]]
    assert read.pages == 2 and read.blocks[0].text == "Upright page."


ITEM_CASES = {
    "roster-line": ("2 甲市钢铁商会 甲市工信局 已脱钩", False),
    "numbered-with-dot": ("3．各协会要按时完成。", False),
    "bracketed-number": ("（三）加强组织领导", False),
    "chinese-number": ("四、工作要求", False),
    "year-at-line-start": ("2020年10月底前完成脱钩任务。", True),
    "decimal-at-line-start": ("2.5万元的专项经费。", True),
    "plain-continuation": ("完成脱钩任务。", True),
}


@pytest.mark.parametrize(("text", "joins"), ITEM_CASES.values(), ids=ITEM_CASES.keys())
def test_numbered_item_starts_a_new_paragraph(text: str, joins: bool) -> None:
    """A full line followed by a line at the margin joins it, unless that line opens a numbered item."""
    layout = Layout(left=80.0, right=515.0)
    upper = Line("各行业协会商会要按照实施方案的要求认真做好脱钩工作，力争在", 80.0, 514.0, 100.0, 116.0, 16.0, "F", 1)
    lower = Line(text, 80.0, 300.0, 125.0, 141.0, 16.0, "F", 1)
    assert continues(upper, lower, layout, same_page=True) is joins
