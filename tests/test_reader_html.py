"""The HTML reader: the article without the site's chrome, tables expanded, blocks in reading order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readers.model import Block, BlockKind, Document, ReadError, document_text
from readers.html import read

TESTS = Path(__file__).parent
RAW = TESTS.parent / "data" / "raw"
BAD = TESTS / "corpus" / "documents" / "bad"
GOLD = json.loads((TESTS / "corpus" / "gold" / "ningxia-gxt-2019.html.json").read_text(encoding="utf-8"))
PARAGRAPH = "行业协会商会与行政机关脱钩改革工作按照要求有序推进，各单位要抓好落实。"


@pytest.fixture(scope="module")
def ningxia() -> Document:
    return read(RAW / "ningxia-gxt-2019.html")


def _read_page(tmp_path: Path, html: str, encoding: str = "utf-8") -> Document:
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    return read(path)


def _summary(blocks: list[Block]) -> list[tuple[str, object]]:
    return [(b.kind.value, [r.cells for r in b.rows] if b.is_table else b.text) for b in blocks]


# --- the Ningxia page: GBK, CRLF, site chrome around the notice and its roster ---


def test_document_fields(ningxia: Document) -> None:
    assert ningxia.source_format == "html"
    assert ningxia.pages is None
    assert all(b.page is None for b in ningxia.blocks)
    assert "\ufffd" not in document_text(ningxia)


def test_title_is_first_block(ningxia: Document) -> None:
    assert ningxia.blocks[0].kind is BlockKind.HEADING
    assert ningxia.blocks[0].text == GOLD["document"]["title"]


SENTENCES = [
    ("salutation", "各相关行业协会商会："),
    ("citation", "(宁发改体改〔2019〕528号)要求"),
    ("goal", "力争在2020年10月底前完成脱钩任务。"),
    ("seed-text-kept", "要严格执行国有资产管理 and 处置的有关规定"),
    ("last-step", "2020年11月20日前，自治区工业和信息化厅向自治区脱钩联合工作组报送总结报告"),
    ("attachment-list", "附件：1.行业协会商会脱钩改革名单"),
    ("signature", "宁夏回族自治区工业和信息化厅"),
    ("date", "2019年10月15日"),
    ("publication", "（此件公开发布）"),
    ("stated-total", "（共52家，其中实际脱钩47家，拟脱钩5家）"),
]


@pytest.mark.parametrize("sentence", [c[1] for c in SENTENCES], ids=[c[0] for c in SENTENCES])
def test_distinctive_sentence_is_a_paragraph(ningxia: Document, sentence: str) -> None:
    assert any(b.kind is BlockKind.PARAGRAPH and sentence in b.text for b in ningxia.blocks)


def test_sentences_in_order_and_table_last(ningxia: Document) -> None:
    texts = [b.text for b in ningxia.blocks]
    positions = [next(i for i, t in enumerate(texts) if s in t) for _, s in SENTENCES]
    assert positions == sorted(positions)
    assert ningxia.blocks[-1].is_table
    assert positions[-1] == len(ningxia.blocks) - 2


def test_signature_and_date_are_trimmed_paragraphs(ningxia: Document) -> None:
    texts = [b.text for b in ningxia.blocks]
    signature = texts.index("宁夏回族自治区工业和信息化厅")
    assert texts[signature + 1 : signature + 3] == ["2019年10月15日", "（此件公开发布）"]


def test_annex_heading_lines_precede_the_table(ningxia: Document) -> None:
    texts = [b.text for b in ningxia.blocks]
    assert texts[-4:-1] == ["附件1", "行业协会商会脱钩改革名单", "（共52家，其中实际脱钩47家，拟脱钩5家）"]


CHROME = [
    ("site-nav", "机构概况"),
    ("home-link", "首页"),
    ("breadcrumb", "当前位置"),
    ("script", "document.write"),
    ("style", "font-family"),
    ("page-title-element", "_通知公告_"),
    ("download-box", "附件下载"),
    ("footer", "版权所有"),
]


@pytest.mark.parametrize("text", [c[1] for c in CHROME], ids=[c[0] for c in CHROME])
def test_page_chrome_absent(ningxia: Document, text: str) -> None:
    assert text not in document_text(ningxia)


def test_one_roster_table(ningxia: Document) -> None:
    tables = ningxia.tables()
    assert [t.table for t in tables] == [0]
    assert len(tables[0].rows) == 1 + GOLD["document"]["roster_rows"]


TABLE_ROWS = [
    ("header", 0, ("序号", "名称", "业务主管单位\n（原业务主管单位）", "实际脱钩", "拟脱钩", "备注")),
    ("first", 1, ("1", "宁夏设备管理协会", "原自治区经信委", "√", "", "")),
    ("planned", 3, ("3", "宁夏工业经济联合会", "原自治区经信委", "", "√", "")),
    ("last", -1, ("52", "宁夏大型物件起重运输协会", "原自治区经信委", "√", "", "")),
]


@pytest.mark.parametrize(("index", "cells"), [c[1:] for c in TABLE_ROWS], ids=[c[0] for c in TABLE_ROWS])
def test_table_row(ningxia: Document, index: int, cells: tuple[str, ...]) -> None:
    assert ningxia.tables()[0].rows[index].cells == cells


@pytest.mark.parametrize("gold", GOLD["associations"], ids=lambda a: f"seq-{a['seq']:02d}")
def test_gold_roster_row(ningxia: Document, gold: dict) -> None:
    header, *rows = ningxia.tables()[0].rows
    row = next(r.cells for r in rows if r.cells[1] == gold["name_raw"])
    assert row[0] == str(gold["seq"])
    assert row[2] == gold["supervisor_raw"]
    assert [header.cells[i] for i, cell in enumerate(row) if cell == "√"] == [gold["status_raw"]]


# --- small pages built here: one rule each ---


def test_rowspan_and_colspan_expanded(tmp_path: Path) -> None:
    html = f"""<html><body><p>{PARAGRAPH}</p><table>
    <tr><th rowspan="2">序号</th><th colspan="2">协会</th></tr>
    <tr><th>名称</th><th>主管单位</th></tr>
    <tr><td>1</td><td>甲协会</td><td rowspan="2">市民政局</td></tr>
    <tr><td>2</td><td>乙协会</td></tr>
    <tr><td colspan="3">合计2家</td></tr>
    </table></body></html>"""
    table = _read_page(tmp_path, html).tables()[0]
    assert [r.cells for r in table.rows] == [
        ("序号", "协会", "协会"),
        ("序号", "名称", "主管单位"),
        ("1", "甲协会", "市民政局"),
        ("2", "乙协会", "市民政局"),
        ("合计2家", "合计2家", "合计2家"),
    ]


def test_cell_breaks_and_short_rows(tmp_path: Path) -> None:
    html = f"""<html><body><p>{PARAGRAPH}</p><table><tbody>
    <tr><td>开封市建设工程招标投<br>标协会</td><td><p>原开封市</p><p>文物局</p></td><td>备注</td></tr>
    <tr><td>开封市收藏家协会</td></tr>
    <tr><td>&nbsp;</td><td> </td></tr>
    </tbody></table></body></html>"""
    table = _read_page(tmp_path, html).tables()[0]
    assert [r.cells for r in table.rows] == [
        ("开封市建设工程招标投\n标协会", "原开封市\n文物局", "备注"),
        ("开封市收藏家协会", "", ""),
    ]


def test_blocks_in_reading_order(tmp_path: Path) -> None:
    html = f"""<html><head><title>页面标题_网站名</title><style>p {{ color: red }}</style></head><body>
    <h1>关于脱钩的通知</h1><div>{PARAGRAPH}<br>第二行<br/><br/>第三行</div>
    <h2>一、总体要求</h2><p>第一段</p><h3>（一）</h3><h4>四级</h4><h5>五级</h5><h6>六级</h6>
    <table><tr><td>表一</td></tr></table><p>表间段落</p><table><tr><td>表二</td></tr></table>
    <script>var x = "脚本";</script><p>最后一段</p></body></html>"""
    document = _read_page(tmp_path, html)
    assert _summary(document.blocks) == [
        ("heading", "关于脱钩的通知"),
        ("paragraph", PARAGRAPH),
        ("paragraph", "第二行"),
        ("paragraph", "第三行"),
        ("heading", "一、总体要求"),
        ("paragraph", "第一段"),
        ("heading", "（一）"),
        ("heading", "四级"),
        ("heading", "五级"),
        ("heading", "六级"),
        ("table", [("表一",)]),
        ("paragraph", "表间段落"),
        ("table", [("表二",)]),
        ("paragraph", "最后一段"),
    ]
    assert [t.table for t in document.tables()] == [0, 1]


def test_line_wraps_inside_chinese_vanish(tmp_path: Path) -> None:
    html = (
        "<html><body><p>\r\n\u3000\u3000行业协会\r\n商会与行政机关 and\r\nmore 脱钩&nbsp;&nbsp;\r\n</p></body></html>"
    )
    assert _summary(_read_page(tmp_path, html).blocks) == [("paragraph", "行业协会商会与行政机关 and more 脱钩")]


def test_chrome_around_article_dropped(tmp_path: Path) -> None:
    html = f"""<html><body>
    <div class="header">网站名称</div><ul class="mainNav"><li><a href="/">首页</a></li></ul>
    <div id="breadcrumb">当前位置：首页 &gt; 通知</div>
    <h1>关于脱钩的通知</h1><div class="meta">发布日期：2020-01-01 来源：本站</div>
    <div class="body"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><div class="share">分享到：</div>
    <p style="display: none">隐藏文字</p><p>落款单位</p></div>
    <div class="footer">主办单位：某某局 地址：某某路1号</div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks) == [
        ("heading", "关于脱钩的通知"),
        ("paragraph", "发布日期：2020-01-01 来源：本站"),
        ("paragraph", PARAGRAPH),
        ("paragraph", PARAGRAPH),
        ("paragraph", "落款单位"),
    ]


def test_title_found_by_article_title_meta(tmp_path: Path) -> None:
    html = f"""<html><head><meta name="ArticleTitle" content="关于脱钩的通知"></head><body>
    <div class="t1">关于脱钩的<br>通知</div><div class="t2">2020-01-01</div>
    <div class="body"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks)[:4] == [
        ("heading", "关于脱钩的"),
        ("heading", "通知"),
        ("paragraph", "2020-01-01"),
        ("paragraph", PARAGRAPH),
    ]


def test_byline_under_the_title_kept(ningxia: Document) -> None:
    assert ningxia.blocks[1].text.startswith("发布时间：2019-10-18 09:32来源：")


def test_page_title_stands_in_for_a_title_that_is_no_heading(tmp_path: Path) -> None:
    html = f"""<html><head><title>某县召开脱钩改革推进会_工作动态_某县人民政府门户网站</title></head><body>
    <div class="logo">某县人民政府门户网站</div>
    <div class="article"><div class="tit">某县召开脱钩改革推进会</div><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>
    </body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks)[:2] == [
        ("heading", "某县召开脱钩改革推进会_工作动态_某县人民政府门户网站"),
        ("paragraph", "某县召开脱钩改革推进会"),
    ]


def test_page_title_unused_when_the_article_has_a_headline(tmp_path: Path) -> None:
    html = f"""<html><head><title>站点_栏目</title></head><body>
    <div class="article"><h1>某县召开脱钩改革推进会</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks)[0] == ("heading", "某县召开脱钩改革推进会")


def test_roster_holding_most_text_keeps_its_introduction(tmp_path: Path) -> None:
    rows = "".join(
        f"<tr><td>{i}</td><td>某某市第{i}行业协会</td><td>原某某市经济和信息化委员会</td></tr>" for i in range(40)
    )
    html = f"<html><body><div><p>附件</p><p>脱钩名单</p><table>{rows}</table></div></body></html>"
    document = _read_page(tmp_path, html)
    assert _summary(document.blocks)[:2] == [("paragraph", "附件"), ("paragraph", "脱钩名单")]
    assert len(document.tables()[0].rows) == 40


def test_small_roster_beside_long_text_kept(tmp_path: Path) -> None:
    html = f"""<html><body><div class="text"><p>{PARAGRAPH * 5}</p><p>{PARAGRAPH * 5}</p></div>
    <div class="list"><table><tr><td>序号</td><td>名称</td></tr><tr><td>1</td><td>甲协会</td></tr></table></div>
    </body></html>"""
    assert [r.cells for r in _read_page(tmp_path, html).tables()[0].rows] == [("序号", "名称"), ("1", "甲协会")]


def test_signature_beside_single_paragraph_kept(tmp_path: Path) -> None:
    html = f"""<html><body><div class="site">某某市人民政府网站</div>
    <div class="content"><p>{PARAGRAPH * 5}</p><p>某某市民政局</p><p>2020年1月1日</p></div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks) == [
        ("paragraph", PARAGRAPH * 5),
        ("paragraph", "某某市民政局"),
        ("paragraph", "2020年1月1日"),
    ]


def test_preformatted_lines_are_paragraphs(tmp_path: Path) -> None:
    html = "<html><body><pre>\u3000\u3000第一行\n\n第二行  有空格</pre></body></html>"
    assert _summary(_read_page(tmp_path, html).blocks) == [("paragraph", "第一行"), ("paragraph", "第二行 有空格")]


def test_layout_table_read_as_text_around_data_table(tmp_path: Path) -> None:
    html = f"""<html><body><table width="900">
    <tr><td>网站名称</td></tr>
    <tr><td><h2>关于脱钩的通知</h2><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>
      <table><tr><td>序号</td><td>名称</td></tr><tr><td>1</td><td>甲协会</td></tr></table></td></tr>
    <tr><td>版权所有</td></tr></table></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks) == [
        ("heading", "关于脱钩的通知"),
        ("paragraph", PARAGRAPH),
        ("paragraph", PARAGRAPH),
        ("table", [("序号", "名称"), ("1", "甲协会")]),
    ]


def test_declared_gbk_page(tmp_path: Path) -> None:
    html = f'<html><head><meta charset="gb2312"></head><body><p>朱镕基同志{PARAGRAPH}</p></body></html>'
    assert _summary(_read_page(tmp_path, html, "gbk").blocks) == [("paragraph", f"朱镕基同志{PARAGRAPH}")]


def test_xml_declared_page(tmp_path: Path) -> None:
    html = f'<?xml version="1.0" encoding="gb18030"?>\n<html><body><p>{PARAGRAPH}</p></body></html>'
    assert _summary(_read_page(tmp_path, html, "gb18030").blocks) == [("paragraph", PARAGRAPH)]


EMPTY_PAGES = [("empty-file", ""), ("white-space", " \r\n "), ("comment-only", "<!-- 无内容 -->")]


@pytest.mark.parametrize("html", [c[1] for c in EMPTY_PAGES], ids=[c[0] for c in EMPTY_PAGES])
def test_empty_page_has_no_blocks(tmp_path: Path, html: str) -> None:
    assert _read_page(tmp_path, html).blocks == []


def test_binary_file_rejected() -> None:
    with pytest.raises(ReadError, match="binary"):
        read(BAD / "binary.txt")


def test_headline_found_by_the_page_title(tmp_path: Path) -> None:
    html = f"""<html><head><title>某县召开脱钩改革推进会 - 某县政务网</title></head><body>
    <div class="logo">某县政务网</div><div class="art-title">某县召开脱钩改革推进会</div>
    <div class="art-info">日期：2021-04-12　来源：某县融媒体中心</div>
    <div class="art-text"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks)[:3] == [
        ("heading", "某县召开脱钩改革推进会"),
        ("paragraph", "日期：2021-04-12\u3000来源：某县融媒体中心"),
        ("paragraph", PARAGRAPH),
    ]


def test_disclosure_list_above_the_title_kept(tmp_path: Path) -> None:
    html = f"""<html><body><div class="position">当前位置：首页 &gt; 信息公开</div>
    <ul class="xxgk"><li><b>索 引 号：</b>11419900/2020-00031</li><li><b>发布机构：</b>某市民政局</li>
    <li><b>文　　号：</b>某民〔2020〕5号</li></ul>
    <h1>关于脱钩的通知</h1><div class="body"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks)[:5] == [
        ("paragraph", "索 引 号：11419900/2020-00031"),
        ("paragraph", "发布机构：某市民政局"),
        ("paragraph", "文\u3000\u3000号：某民〔2020〕5号"),
        ("heading", "关于脱钩的通知"),
        ("paragraph", PARAGRAPH),
    ]


def test_site_name_heading_is_no_title(tmp_path: Path) -> None:
    html = f"""<html><head><title>某县召开脱钩改革推进会_工作动态_某县人民政府</title></head><body>
    <h1 class="logo">某县人民政府</h1><div class="tit">某县召开脱钩改革推进会</div>
    <div class="text"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks)[:2] == [
        ("heading", "某县召开脱钩改革推进会"),
        ("paragraph", PARAGRAPH),
    ]


def test_site_name_heading_gives_way_to_the_page_title(tmp_path: Path) -> None:
    html = f"""<html><head><title>某县召开脱钩改革推进会_工作动态_某县人民政府</title></head><body>
    <h1 class="logo">某县人民政府</h1>
    <div class="text"><div class="tit">某县召开脱钩改革推进会</div><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks)[:2] == [
        ("heading", "某县召开脱钩改革推进会_工作动态_某县人民政府"),
        ("paragraph", "某县召开脱钩改革推进会"),
    ]


def test_links_between_title_and_article_left_out(tmp_path: Path) -> None:
    html = f"""<html><body><h1>关于脱钩的通知</h1><div class="info">发布日期：2020-01-01</div>
    <ul class="related"><li><a href="/1">某市召开推进会</a></li><li><a href="/2">某县出台实施方案</a></li></ul>
    <div class="body"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks)[:3] == [
        ("heading", "关于脱钩的通知"),
        ("paragraph", "发布日期：2020-01-01"),
        ("paragraph", PARAGRAPH),
    ]


def test_page_title_of_the_site_name_alone_left_out(tmp_path: Path) -> None:
    html = f"""<html><head><title>某市人民政府</title></head><body>
    <div class="text"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>某市人民政府</p></div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks)[0] == ("paragraph", PARAGRAPH)


def test_page_title_of_one_part_kept_over_its_printed_headline(tmp_path: Path) -> None:
    html = f"""<html><head><title>某县召开脱钩改革推进会</title></head><body>
    <div class="text"><p>某县召开脱钩改革推进会</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></body></html>"""
    assert _summary(_read_page(tmp_path, html).blocks)[:2] == [
        ("heading", "某县召开脱钩改革推进会"),
        ("paragraph", "某县召开脱钩改革推进会"),
    ]


@pytest.mark.parametrize("depth", [300, 2100, 5000])
def test_deeply_nested_page_keeps_headings_paragraphs_and_tables(tmp_path: Path, depth: int) -> None:
    page = tmp_path / "deep.html"
    body = "<h1>脱钩名单</h1><p>各单位：现将名单印发。</p><table><tr><td>序号</td><td>名称</td></tr><tr><td>1</td><td>某市协会</td></tr></table>"
    page.write_text(f"<html><body>{'<div><span>' * depth}{body}{'</span></div>' * depth}</body></html>", encoding="utf-8")
    document = read(page)
    assert [(b.kind, b.text) for b in document.blocks if not b.is_table] == [
        (BlockKind.HEADING, "脱钩名单"),
        (BlockKind.PARAGRAPH, "各单位：现将名单印发。"),
    ]
    assert [row.cells for row in document.tables()[0].rows] == [("序号", "名称"), ("1", "某市协会")]


def test_flattening_keeps_structure_below_a_pile_of_wrappers() -> None:
    from readers.html_parse import flattened

    assert flattened("<div><div><p>甲</p></div></div>", wrapper_depth=1) == "<div><p>甲</p></div>"
    assert flattened("<p><p><p>乙<br>丙</p></p></p>", wrapper_depth=0, max_depth=1) == "<p>乙<br>丙</p>"


def test_a_title_over_an_empty_body_is_no_document(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>关于印发名单的通知_某市人民政府</title></head><body><div></div></body></html>", encoding="utf-8")
    assert read(page).blocks == []
