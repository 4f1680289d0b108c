"""Traditional characters: a page printed in them reads like its simplified twin, raw columns as printed.

Every input is invented. Twins of the notice are made with OpenCC's simplified → traditional
configurations (mainland, Taiwan and Hong Kong standards); the roster is written by hand.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from metadata_blocks import document, heading, table, text
from opencc import OpenCC

import pipeline.simplified_view as simplified_view_module
from normalizers.chinese import simplified_script, to_simplified
from pipeline.simplified_view import aligned_pieces, is_traditional, simplified_view
from pipeline.extract import Extraction, extract
from readers.model import Block, Document
from readers import reader_for
from readers.text_encoding import decode_html, decode_text
from pipeline.run import run
from readers.sniff import sniff_format

CORPUS = Path(__file__).parent / "corpus" / "documents" / "raw"
RAW_COLUMNS = ("name_raw", "supervisor_raw", "status_raw")
PRINTED_MILESTONE_COLUMNS = ("date_text", "sentence")

NOTICE = document(
    text("广东省民政厅文件"),
    text("粤民函〔2019〕35号"),
    heading("广东省民政厅关于做好全省行业协会商会脱钩后续工作的通知"),
    text("各地级以上市民政局，省直有关单位："),
    text(
        "为贯彻《关于全面推开行业协会商会与行政机关脱钩改革的实施意见》（发改体改〔2019〕1063号），"
        "现就有关事项通知如下。"
    ),
    text("一、二〇一九年十月底前，各业务主管单位完成脱钩实施方案的报送工作。"),
    text("二、2020年6月底前，全面完成第二批脱钩任务，并报省民政厅备案。"),
    text("三、10个工作日内，各地将联系人名单报送长沙市以外的协作单位。"),
    text("广东省民政厅"),
    text("2019年8月15日"),
    text("（此件主动公开）"),
    text("附件"),
    text("广东省第二批脱钩行业协会商会名单"),
    table(
        ("序号", "社会组织名称", "业务主管单位", "脱钩情况", "备注"),
        ("1", "广东省钟表眼镜行业协会", "原省食药监局", "已脱钩", ""),
        ("2", "广东省台湾同胞投资企业\n协会", "省台办", "拟脱钩", "正在清理资产"),
        ("3", "广东省卫生信息学会", "原省卫计委", "", "已脱钩"),
        ("4", "广东省里程计量协会", "省质监局", "暂不脱钩", ""),
    ),
)


def converted(source: Document, converter: OpenCC) -> Document:
    """`source` with every text and cell written in another script."""
    blocks: list[Block] = []
    for block in source.blocks:
        if block.is_table:
            rows = tuple(replace(r, cells=tuple(converter.convert(c) for c in r.cells)) for r in block.rows)
            blocks.append(replace(block, rows=rows))
        else:
            blocks.append(replace(block, text=converter.convert(block.text)))
    return replace(source, blocks=blocks)


def without(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in columns} for row in rows]


@pytest.fixture(scope="module")
def simplified_extraction() -> Extraction:
    return extract(NOTICE, "doc")


def assert_reads_like(twin: Extraction, expected: Extraction, converter: OpenCC) -> None:
    """Every field and row as in the simplified reading, and the printed columns in the twin's script."""
    assert (twin.fields, twin.warnings) == (expected.fields, expected.warnings)
    assert twin.rows["citations"] == expected.rows["citations"]
    for table_name, printed in (("associations", RAW_COLUMNS), ("milestones", PRINTED_MILESTONE_COLUMNS)):
        assert without(twin.rows[table_name], printed) == without(expected.rows[table_name], printed)
        for row, twin_row in zip(expected.rows[table_name], twin.rows[table_name]):
            assert {c: twin_row[c] for c in printed} == {c: row[c] and converter.convert(row[c]) for c in printed}


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
def test_traditional_twin_reads_like_the_simplified_one(config: str, simplified_extraction: Extraction) -> None:
    converter = OpenCC(config)
    assert_reads_like(extract(converted(NOTICE, converter), "doc"), simplified_extraction, converter)


@pytest.fixture(scope="module")
def corpus_documents() -> list[tuple[Document, Extraction]]:
    """The corpus documents with fast readers (text, web page, workbook) and what they give."""
    read = []
    for name in ("luozhuang-2018.txt", "ningxia-gxt-2019.html", "kaifeng-fgw-2020-roster.xlsx"):
        path = CORPUS / name
        source = reader_for(sniff_format(path))(path)
        read.append((source, extract(source, "doc")))
    return read


def test_corpus_documents_in_traditional_characters_give_their_rows(
    corpus_documents: list[tuple[Document, Extraction]],
) -> None:
    converter = OpenCC("s2t")
    for source, expected in corpus_documents:
        assert_reads_like(extract(converted(source, converter), "doc"), expected, converter)


def test_the_simplified_notice_is_read_in_full(simplified_extraction: Extraction) -> None:
    fields = simplified_extraction.fields
    assert (fields["title"], fields["doc_number"], fields["issuers"]) == (
        "广东省民政厅关于做好全省行业协会商会脱钩后续工作的通知",
        "粤民函〔2019〕35号",
        ["广东省民政厅"],
    )
    assert (fields["province"], fields["admin_level"], fields["roster_rows"]) == ("广东省", "province", 4)
    statuses = [row["status"] for row in simplified_extraction.rows["associations"]]
    assert statuses == ["decoupled", "planned", "decoupled", "exempt"]
    assert [m["date_text"] for m in simplified_extraction.rows["milestones"]][:2] == ["二〇一九年十月底前", "2020年6月底前"]
    assert simplified_extraction.rows["citations"][0]["doc_number"] == "发改体改〔2019〕1063号"


def test_milestones_quote_the_page_and_read_the_task() -> None:
    twin = extract(converted(NOTICE, OpenCC("s2tw")), "doc").rows["milestones"]
    relative = next(m for m in twin if m["kind"] == "relative")
    assert relative["date_text"] == "10個工作日內"
    assert relative["sentence"].startswith("三、10個工作日內，各地將聯繫人名單")
    assert relative["task"].startswith("各地将联系人名单")


ROSTER = document(
    text("長沙市第一批脫鉤行業協會商會名單"),
    table(
        ("序號", "社會組織名稱", "業務主管單位", "脫鉤情況", "備註"),
        ("1", "長沙市律師協會", "原市食藥監局", "已脫鉤", ""),
        ("2", "長沙市臺灣同胞投資企業\n協會", "市臺辦", "擬脫鉤", ""),
        ("3", "長沙市鐘錶眼鏡", "市商務局", "", "已脫鉤，資產已清理"),
        ("", "行業協會", "", "", ""),
        ("4", "長沙市衞生信息學會", "原市衞計委", "暫不脫鉤", ""),
    ),
)
ROSTER_SIMPLIFIED = document(
    text("长沙市第一批脱钩行业协会商会名单"),
    table(
        ("序号", "社会组织名称", "业务主管单位", "脱钩情况", "备注"),
        ("1", "长沙市律师协会", "原市食药监局", "已脱钩", ""),
        ("2", "长沙市台湾同胞投资企业\n协会", "市台办", "拟脱钩", ""),
        ("3", "长沙市钟表眼镜", "市商务局", "", "已脱钩，资产已清理"),
        ("", "行业协会", "", "", ""),
        ("4", "长沙市卫生信息学会", "原市卫计委", "暂不脱钩", ""),
    ),
)


def test_traditional_roster_gives_the_rows_of_its_simplified_twin() -> None:
    twin, simplified = extract(ROSTER, "doc"), extract(ROSTER_SIMPLIFIED, "doc")
    assert twin.fields == simplified.fields
    assert without(twin.rows["associations"], RAW_COLUMNS) == without(simplified.rows["associations"], RAW_COLUMNS)


def test_traditional_roster_keeps_the_printed_raw_values() -> None:
    rows = extract(ROSTER, "doc").rows["associations"]
    assert [(r["name_raw"], r["name"]) for r in rows] == [
        ("長沙市律師協會", "长沙市律师协会"),
        ("長沙市臺灣同胞投資企業協會", "长沙市台湾同胞投资企业协会"),
        ("長沙市鐘錶眼鏡行業協會", "长沙市钟表眼镜行业协会"),
        ("長沙市衞生信息學會", "长沙市卫生信息学会"),
    ]
    assert [r["supervisor_raw"] for r in rows] == ["原市食藥監局", "市臺辦", "市商務局", "原市衞計委"]
    assert [(r["status_raw"], r["status"]) for r in rows] == [
        ("已脫鉤", "decoupled"),
        ("擬脫鉤", "planned"),
        ("已脫鉤", "decoupled"),
        ("暫不脫鉤", "exempt"),
    ]
    assert rows[2]["note"] == "资产已清理"


def test_simplified_document_is_its_own_view() -> None:
    view = simplified_view(NOTICE)
    assert view.document is NOTICE
    assert not view.converted
    assert view.printed("广东省钟表眼镜行业协会") == "广东省钟表眼镜行业协会"


def test_a_simplified_document_is_converted_only_where_it_quotes_traditional_text() -> None:
    quoting = replace(
        NOTICE,
        blocks=[
            *NOTICE.blocks,
            text("邀请香港中華總商會、乾县工商联参加座谈。"),
            text("联系人：於小明，电话：12345678。"),
        ],
    )
    view = simplified_view(quoting)
    assert [b.text for b in view.document.blocks[-2:]] == [
        "邀请香港中华总商会、乾县工商联参加座谈。",
        "联系人：於小明，电话：12345678。",
    ]
    assert all(a is b for a, b in zip(view.document.blocks[:-2], NOTICE.blocks))
    assert view.printed("香港中华总商会") == "香港中華總商會"


def test_a_traditional_attachment_of_a_simplified_notice_is_read(simplified_extraction: Extraction) -> None:
    roster_in_traditional = converted(document(NOTICE.blocks[-1]), OpenCC("s2t")).blocks
    attached = replace(NOTICE, blocks=[*NOTICE.blocks[:-1], *roster_in_traditional])
    rows = extract(attached, "doc").rows["associations"]
    assert without(rows, RAW_COLUMNS) == without(simplified_extraction.rows["associations"], RAW_COLUMNS)
    assert rows[0]["name_raw"] == "廣東省鐘錶眼鏡行業協會"


@pytest.mark.parametrize(
    "sample, expected",
    [
        ("社會組織名稱", True),
        ("業務主管單位（原業務主管單位）", True),
        ("社会组织名称", False),
        ("乾县、於潜镇、後记", False),
        ("", False),
        ("2019", False),
    ],
)
def test_traditional_text_is_told_by_its_share_of_traditional_only_characters(sample: str, expected: bool) -> None:
    assert is_traditional(sample) is expected


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("臺灣裡面綫路爲衆", "台湾里面线路为众"),
        ("台灣裏面線路為眾", "台湾里面线路为众"),
        ("衞生健康委", "卫生健康委"),
        ("陝西省咸陽市乾縣", "陕西省咸阳市乾县"),
        ("乾安縣", "乾安县"),
        ("乾县农业协会", "乾县农业协会"),
        ("若干縣", "若干县"),
        ("若干县市", "若干县市"),
        ("二〇一九年十月底前", "二〇一九年十月底前"),
    ],
)
def test_script_conversion(printed: str, expected: str) -> None:
    assert simplified_script(printed) == expected


def test_names_get_the_same_conversion() -> None:
    assert to_simplified("乾縣衞生協會") == "乾县卫生协会"


def test_printed_follows_the_table_first_and_keeps_white_space() -> None:
    both = document(
        table(("序號", "名稱"), ("1", "臺灣商會"), index=0),
        table(("序號", "名稱"), ("1", "台灣商會"), index=1),
    )
    view = simplified_view(both)
    assert view.printed("台湾商会", table=1) == "台灣商會"
    assert view.printed("台湾商会", table=0) == "臺灣商會"
    assert view.printed("台湾 商会") == "臺灣 商會"
    assert view.printed("序号名称（未印）") == "序號名稱（未印）"


def test_alignment_when_the_conversion_changes_length() -> None:
    assert aligned_pieces("乙乙甲", "乙乙甲") == ["乙", "乙", "甲"]
    assert aligned_pieces("協會甲乙丙", "协会X") == ["協", "會", "甲乙丙"]
    assert aligned_pieces("甲乙丙協會", "协会") == ["甲乙丙協", "會"]
    assert aligned_pieces("協會甲", "协会甲乙") == ["協", "會", "甲", ""]


def test_printed_survives_a_conversion_that_changes_length(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(simplified_view_module, "simplified_script", lambda t: t.replace("壹貳", "12x"))
    monkeypatch.setattr(simplified_view_module, "is_traditional", lambda t: True)
    view = simplified_view(document(table(("序號", "名稱"), ("1", "第壹貳屆協會"))))
    assert view.document.blocks[0].rows[1].cells[1] == "第12x屆協會"
    assert view.printed("第12x屆協會") == "第壹貳屆協會"


def write_page(path: Path, encoding: str, title: str, rows: list[tuple[str, ...]]) -> None:
    """An article page with a title, a paragraph and a roster table, in the given encoding."""
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = (
        f'<html><head><meta charset="{encoding}"><title>{title}</title></head><body>'
        f"<h1>{title}</h1><p>{title}如下。</p><table>{cells}</table></body></html>"
    )
    path.write_bytes(page.encode(encoding))


def test_end_to_end_big5_page_reads_like_its_utf8_simplified_twin(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    rows = [
        ("序号", "社会组织名称", "业务主管单位", "脱钩情况"),
        ("1", "湘潭市律师协会", "原市食药监局", "已脱钩"),
        ("2", "湘潭市钟表眼镜行业协会", "市商务局", "拟脱钩"),
    ]
    title = "湘潭市第二批脱钩行业协会商会名单"
    to_traditional = OpenCC("s2t")
    write_page(source / "simplified.html", "utf-8", title, rows)
    write_page(
        source / "traditional.html",
        "big5",
        to_traditional.convert(title),
        [tuple(to_traditional.convert(c) for c in row) for row in rows],
    )
    run(source, tmp_path / "out", workers=1)
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("source_path")
    associations = pd.read_parquet(tmp_path / "out" / "associations.parquet").set_index("doc_id")
    traditional, simplified = (
        associations.loc[documents.loc[name, "doc_id"]].reset_index(drop=True)
        for name in ("traditional.html", "simplified.html")
    )
    assert list(traditional["name_raw"]) == ["湘潭市律師協會", "湘潭市鐘錶眼鏡行業協會"]
    assert list(traditional["supervisor_raw"]) == ["原市食藥監局", "市商務局"]
    assert list(traditional["status_raw"]) == ["已脫鉤", "擬脫鉤"]
    raw = [*RAW_COLUMNS, "document_key"]  # two files, undated: nothing says they are one document
    pd.testing.assert_frame_equal(traditional.drop(columns=raw), simplified.drop(columns=raw))
    assert "湘潭市律師協會" in documents.loc["traditional.html", "text"]
    fields = ["title", "province", "city", "admin_level", "roster_rows"]
    assert list(documents.loc["traditional.html", fields]) == list(documents.loc["simplified.html", fields])


BIG5_SAMPLE = "長沙市社會組織管理局關於公佈第一批脫鉤行業協會商會名單的通知\n序號　社會組織名稱　業務主管單位\n"


@pytest.mark.parametrize(
    "data, expected",
    [
        (BIG5_SAMPLE.encode("cp950"), BIG5_SAMPLE),
        (BIG5_SAMPLE.encode("gbk"), BIG5_SAMPLE),
        ("序号　社会组织名称　业务主管单位".encode("gbk"), "序号　社会组织名称　业务主管单位"),
    ],
    ids=["big5", "gbk-traditional", "gbk-simplified"],
)
def test_undeclared_big5_reads_as_traditional_text(data: bytes, expected: str) -> None:
    assert decode_text(data).text == expected
    assert decode_html(b"<p>" + data + b"</p>").text == f"<p>{expected}</p>"
