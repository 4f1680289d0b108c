"""The DOCX reader gives the body in order, with merged cells expanded and headers and footers left out."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from readers.model import Block, BlockKind, Document, ReadError, TableRow, document_text, join_cell_lines
from readers import docx as docx_reader

TESTS = Path(__file__).parent
RAW = TESTS.parent / "data" / "raw"
BAD = TESTS / "corpus" / "documents" / "bad"
GOLD = TESTS / "corpus" / "gold"


def _build_docx(path: Path) -> Path:
    """A small notice with a header, a footer, merged cells, a nested table, a frame and a content control."""
    word = docx.Document()
    section = word.sections[0]
    section.header.paragraphs[0].text = "页眉：不属于正文"
    section.footer.paragraphs[0].text = "页脚：— 1 —"
    word.add_heading("关于脱钩改革的通知", level=0)
    word.add_paragraph("")
    word.add_heading("一、总体要求", level=1)
    word.add_paragraph("按照去行政化的原则推进脱钩。")
    word.add_paragraph("\u3000\u3000")

    table = word.add_table(rows=5, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并标题"
    table.cell(0, 2).text = "单位"
    for row, (seq, name) in enumerate([("1", "甲协会"), ("2", "丙协会")], start=1):
        table.cell(row, 0).text = seq
        table.cell(row, 1).text = name
    table.cell(1, 2).merge(table.cell(2, 2)).text = "乙局"
    table.cell(3, 0).text = "3"
    table.cell(3, 1).text = "丁协会"
    table.cell(3, 1).add_paragraph("")
    table.cell(3, 1).add_paragraph("分会")
    table.cell(3, 2).text = "戊局"
    table.cell(4, 0).text = "4"
    table.cell(4, 1).text = "名称"
    nested = table.cell(4, 1).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "己协会"
    nested.cell(0, 1).text = "庚局"

    word.add_table(rows=1, cols=1).cell(0, 0).text = "边框中的说明文字"
    inserted = word.add_paragraph("插入")
    insertion = f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>的文字保留。</w:t></w:r></w:ins>'
    inserted._p.append(parse_xml(insertion))
    body = word.element.body
    control = f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>内容控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    body.insert(len(body) - 1, parse_xml(control))  # before the closing w:sectPr
    outlined = word.add_paragraph("（一）大纲级别标题")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))

    shifted = word.add_table(rows=2, cols=3)
    for col, text in enumerate(["甲", "乙", "丙"]):
        shifted.cell(0, col).text = text
        shifted.cell(1, col).text = text
    second_row = shifted.rows[1]._tr
    second_row.remove(second_row.tc_lst[0])
    second_row.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {nsdecls("w")} w:val="1"/>'))
    word.save(str(path))
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return docx_reader.read(_build_docx(tmp_path_factory.mktemp("docx") / "built.docx"))


@pytest.fixture(scope="module")
def kaifeng() -> Document:
    return docx_reader.read(RAW / "kaifeng-fgw-2020.docx")


@pytest.fixture(scope="module")
def luozhuang() -> Document:
    return docx_reader.read(RAW / "luozhuang-2018.docx")


def test_built_blocks_in_body_order(built: Document) -> None:
    outline = [(b.kind, b.text if not b.is_table else b.table) for b in built.blocks]
    assert outline == [
        (BlockKind.HEADING, "关于脱钩改革的通知"),
        (BlockKind.HEADING, "一、总体要求"),
        (BlockKind.PARAGRAPH, "按照去行政化的原则推进脱钩。"),
        (BlockKind.TABLE, 0),
        (BlockKind.PARAGRAPH, "边框中的说明文字"),
        (BlockKind.PARAGRAPH, "插入的文字保留。"),
        (BlockKind.PARAGRAPH, "内容控件中的段落"),
        (BlockKind.HEADING, "（一）大纲级别标题"),
        (BlockKind.TABLE, 1),
    ]


BUILT_ROW_CASES = {
    "gridspan-repeated-across": (0, 0, ("合并标题", "合并标题", "单位")),
    "vmerge-top-row": (0, 1, ("1", "甲协会", "乙局")),
    "vmerge-continued-row-carries-value": (0, 2, ("2", "丙协会", "乙局")),
    "cell-paragraphs-as-lines": (0, 3, ("3", "丁协会\n分会", "戊局")),
    "nested-table-flattened-into-cell": (0, 4, ("4", "名称\n己协会 庚局", "")),
    "grid-before-padded": (1, 1, ("", "乙", "丙")),
}


@pytest.mark.parametrize("table, row, cells", BUILT_ROW_CASES.values(), ids=BUILT_ROW_CASES.keys())
def test_built_table_rows(built: Document, table: int, row: int, cells: tuple[str, ...]) -> None:
    assert built.tables()[table].rows[row] == TableRow(cells)


BUILT_ABSENT_CASES = {"header": "页眉", "footer": "页脚", "empty-paragraph": "\u3000\u3000"}


@pytest.mark.parametrize("text", BUILT_ABSENT_CASES.values(), ids=BUILT_ABSENT_CASES.keys())
def test_built_text_left_out(built: Document, text: str) -> None:
    assert text not in document_text(built)


def test_built_provenance(built: Document) -> None:
    assert built.source_format == "docx"
    assert all(b.page is None and b.sheet is None for b in built.blocks)
    assert all((b.table is None) == (not b.is_table) for b in built.blocks)


CORPUS_PARAGRAPH_CASES = {
    "kaifeng-title-second-line": ("kaifeng", "行政机关脱钩改革实施方案》的通知"),
    "kaifeng-issuers": ("kaifeng", "开封市发展和改革委员会\u3000\u3000开封市民政局"),
    "kaifeng-last-milestone": ("kaifeng", "2020年9月30日前，召开市级直接登记行业协会商会脱钩工作总结大会。"),
    "kaifeng-template-date": ("kaifeng", "2020年6月16日"),
    "luozhuang-masthead": ("luozhuang", "中国共产党罗庄区委员会"),
    "luozhuang-number": ("luozhuang", "罗委〔2018〕84号"),
    "luozhuang-print-run": ("luozhuang", "（共印200份）"),
    "luozhuang-last-body-sentence": ("luozhuang", "自本实施方案印发之日起，新设立的行业协会商会按本实施方案要求执行。"),
}


@pytest.mark.parametrize("name, text", CORPUS_PARAGRAPH_CASES.values(), ids=CORPUS_PARAGRAPH_CASES.keys())
def test_corpus_paragraph(request: pytest.FixtureRequest, name: str, text: str) -> None:
    document: Document = request.getfixturevalue(name)
    assert Block(kind=BlockKind.PARAGRAPH, text=text) in document.blocks


CORPUS_ORDER_CASES = {
    "kaifeng-notice-before-plan": ("kaifeng", "现印发给你们", "一、改革主体和范围"),
    "kaifeng-title-lines": ("kaifeng", "关于印发《开封市全面推开行业协会商会与", "行政机关脱钩改革实施方案》的通知"),
    "luozhuang-title-before-signature": ("luozhuang", "工作的实施方案》的通知", "中共罗庄区委办公室"),
}


@pytest.mark.parametrize("name, first, second", CORPUS_ORDER_CASES.values(), ids=CORPUS_ORDER_CASES.keys())
def test_corpus_text_in_order(request: pytest.FixtureRequest, name: str, first: str, second: str) -> None:
    text = document_text(request.getfixturevalue(name))
    assert -1 < text.index(first) < text.index(second)


CORPUS_FOOTER_CASES = {"kaifeng": "kaifeng", "luozhuang": "luozhuang"}


@pytest.mark.parametrize("name", CORPUS_FOOTER_CASES.values(), ids=CORPUS_FOOTER_CASES.keys())
def test_corpus_page_number_footer_absent(request: pytest.FixtureRequest, name: str) -> None:
    assert "— 1 —" not in document_text(request.getfixturevalue(name))


KAIFENG_TABLE_CASES = {
    "masthead-first-row": (0, 0, ("开封市发展和改革委员会", "文件")),
    "masthead-vmerge-carries-文件": (0, 1, ("开封市民政局", "文件")),
    "roster-header": (1, 0, ("序号", "行业协会商会名称", "业务主管单位\n（或原业务主管单位）", "备注")),
    "roster-first": (1, 1, ("1", "开封市通信行业协会", "河南省通信管理局", "已脱钩")),
    "roster-last": (1, 150, ("150", "开封市青年企业家协会", "中国共产主义青年团开封市委员会", "拟脱钩")),
    "form-gridspan": (7, 0, ("现职和不担任现职但未办理退（离）休手续的公务员情况",) * 4),
}


@pytest.mark.parametrize("table, row, cells", KAIFENG_TABLE_CASES.values(), ids=KAIFENG_TABLE_CASES.keys())
def test_kaifeng_table_rows(kaifeng: Document, table: int, row: int, cells: tuple[str, ...]) -> None:
    assert kaifeng.tables()[table].rows[row].cells == cells


def test_kaifeng_tables_counted_in_order(kaifeng: Document) -> None:
    assert [b.table for b in kaifeng.tables()] == list(range(23))
    assert len(kaifeng.tables()[1].rows) == 151


def test_kaifeng_roster_matches_gold(kaifeng: Document) -> None:
    gold = json.loads((GOLD / "kaifeng-fgw-2020.docx.json").read_text(encoding="utf-8"))["associations"]
    rows = kaifeng.tables()[1].rows[1:]
    read = [(int(r.cells[0]), join_cell_lines(r.cells[1]), r.cells[3]) for r in rows]
    assert read == [(a["seq"], a["name_raw"], a["status_raw"]) for a in gold]
    supervisors = {join_cell_lines(r.cells[1]): join_cell_lines(r.cells[2]) for r in rows}
    assert all(supervisors[a["name_raw"]] == a["supervisor_raw"] for a in gold if "supervisor_raw" in a)


def test_luozhuang_red_rule_is_a_table(luozhuang: Document) -> None:
    assert [b.rows for b in luozhuang.tables()] == [(TableRow(("", "★", "")),)]


def _touch(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
ERROR_CASES = {
    "fake-docx-not-a-zip": (lambda tmp: BAD / "fake.docx", "not a zip archive"),
    "corrupt-docx-missing-part": (lambda tmp: BAD / "corrupt.docx", "corrupt DOCX: missing part word/document.xml"),
    "empty-file": (lambda tmp: _touch(tmp / "empty.docx"), "not a zip archive: the .docx file is empty"),
    "legacy-doc-renamed": (lambda tmp: RAW / "hedong-fgw-2019.doc", "not a zip archive: the .docx file is an OLE2"),
    "zip-without-rels": (lambda tmp: _zip(tmp / "x.docx", {"a.txt": "x"}), "corrupt DOCX: missing part _rels/.rels"),
    "broken-document-xml": (
        lambda tmp: _zip(tmp / "y.docx", {"_rels/.rels": _RELS, "word/document.xml": "<w:document"}),
        "corrupt DOCX",
    ),
    "spreadsheet-renamed": (lambda tmp: RAW / "kaifeng-fgw-2020-roster.xlsx", "corrupt DOCX"),
}


@pytest.mark.parametrize("make, message", ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_unreadable_files_raise_one_line(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    with pytest.raises(ReadError, match=message) as caught:
        docx_reader.read(make(tmp_path))
    assert "\n" not in str(caught.value)


def test_paragraph_text_skips_deleted_and_text_box_runs() -> None:
    p = parse_xml(
        f'<w:p {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<w:r><w:t>保留</w:t></w:r>"
        '<w:del w:id="1" w:author="a"><w:r><w:delText>删除</w:delText><w:tab/></w:r></w:del>'
        '<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>'
        "<w:r><w:br/><w:t>下一行</w:t></w:r></w:p>"
    )
    assert docx_reader.paragraph_text(p) == "保留\n下一行"


def _with_parts(source: Path, target: Path, drop: tuple[str, ...] = (), replace: dict[str, bytes] | None = None) -> Path:
    """A copy of a .docx without the `drop` members and with `replace`d ones."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            if info.filename not in drop:
                copy.writestr(info, (replace or {}).get(info.filename, original.read(info.filename)))
    return target


def _corrupt_member(source: Path, target: Path, name: str) -> Path:
    """A copy whose member `name` is stored with its bytes flipped, so its CRC check fails."""
    with zipfile.ZipFile(source) as original:
        data = original.read(name)
    _with_parts(source, target, replace={name: b"\x00" * len(data)})
    raw = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as copy:
        info = copy.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start : start + 4] = b"\xff\xff\xff\xff"
    target.write_bytes(bytes(raw))
    return target


SIDE_PART_CASES = {
    "missing-styles": ({"drop": ("word/styles.xml",)}, ["missing_part: word/styles.xml"]),
    "broken-numbering": ({"replace": {"word/numbering.xml": b"<w:numbering"}}, ["corrupt_part: word/numbering.xml (broken XML)"]),
    "broken-document-rels": (
        {"replace": {"word/_rels/document.xml.rels": b"<Relationships"}},
        ["corrupt_part: word/_rels/document.xml.rels (broken XML)"],
    ),
}


@pytest.mark.parametrize(("damage", "warnings"), SIDE_PART_CASES.values(), ids=SIDE_PART_CASES.keys())
def test_missing_or_broken_side_part_is_left_out(tmp_path: Path, damage: dict, warnings: list[str]) -> None:
    document = docx_reader.read(_with_parts(RAW / "luozhuang-2018.docx", tmp_path / "damaged.docx", **damage))
    assert document.warnings == warnings
    assert document_text(document) == document_text(docx_reader.read(RAW / "luozhuang-2018.docx"))


def test_side_part_with_bad_crc_is_left_out(tmp_path: Path) -> None:
    document = docx_reader.read(_corrupt_member(RAW / "luozhuang-2018.docx", tmp_path / "crc.docx", "word/settings.xml"))
    assert [w.split(" (")[0] for w in document.warnings] == ["corrupt_part: word/settings.xml"]
    assert document.blocks


def test_whole_package_needs_no_copy(tmp_path: Path) -> None:
    from readers.package_parts import readable_package

    assert readable_package(RAW / "kaifeng-fgw-2020.docx") == (RAW / "kaifeng-fgw-2020.docx", [])
