"""Portal pages: the information-disclosure table and the bylines fill the document fields, and stay out of rosters."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from metadata_blocks import document, heading, table, text

from extractors.headline import find_headline, find_roster_heading
from extractors.lines import printed_lines
from extractors.metadata import extract_metadata
from extractors.page_info import PageInfo, is_info_line, label_pairs, read_page_info, without_page_info
from extractors.roster import extract_roster
from readers.model import Block, Document

TITLE = "某市民政局关于推进行业协会商会脱钩改革的通知"
BODY = text("各有关单位：现将有关事项通知如下，请认真贯彻执行。")


def _info(*blocks: Block) -> PageInfo:
    page = document(*blocks)
    return read_page_info(page, printed_lines(page))


TABLE_CASES: dict[str, tuple[list[Block], PageInfo]] = {
    "four-cells-a-row": (
        [
            table(
                ("索引号", "11410200/2020-00012", "主题分类", "民政"),
                ("发布机构", "某市民政局", "生成日期", "2020-03-02"),
                ("名称", TITLE, "名称", TITLE),
                ("文号", "某民〔2020〕5号", "发布日期", "2020-03-06"),
            )
        ],
        PageInfo(TITLE, "某民〔2020〕5号", ("某市民政局",), date(2020, 3, 2), date(2020, 3, 6)),
    ),
    "two-cells-a-row-with-colons-and-spaces": (
        [
            table(
                ("索 引 号：", "000014349/2020-00031"),
                ("发文机关：", "某省人民政府办公厅"),
                ("成文日期：", "2020年03月05日"),
                ("标　　题：", TITLE),
                ("发文字号：", "某政办发[2020]9号"),
                ("发布日期：", "2020年03月09日"),
            )
        ],
        PageInfo(TITLE, "某政办发〔2020〕9号", ("某省人民政府办公厅",), date(2020, 3, 5), date(2020, 3, 9)),
    ),
    "six-cells-a-row": (
        [
            table(
                ("索引号", "1141/2021-1", "信息分类", "通知公告", "发文字号", "某县政〔2021〕2号"),
                ("发文日期", "2021年1月8日", "公开日期", "2021年1月11日", "有效性", "有效"),
            )
        ],
        PageInfo(None, "某县政〔2021〕2号", (), date(2021, 1, 8), date(2021, 1, 11)),
    ),
    "label-and-value-in-one-cell": (
        [table(("索引号：1141/2021-1", "发布机构：某县民政局"), ("文号：某县民〔2021〕3号", "发布时间：2021-04-02 10:11"))],
        PageInfo(None, "某县民〔2021〕3号", ("某县民政局",), None, date(2021, 4, 2)),
    ),
    "label-lines": (
        [
            text("索引号：11410200/2020-00012"),
            text("发布机构：某市民政局\u3000\u3000生成日期：2020-03-02"),
            text(f"名称：{TITLE}"),
            text("文号：某民〔2020〕5号\u3000\u3000发布日期：2020-03-06"),
            heading(TITLE),
            BODY,
        ],
        PageInfo(TITLE, "某民〔2020〕5号", ("某市民政局",), date(2020, 3, 2), date(2020, 3, 6)),
    ),
    "byline-alone-gives-only-the-page-date": (
        [heading(TITLE), text("发布时间：2020-03-06 09:30来源：某市民政局浏览次数：1024"), BODY],
        PageInfo(published=date(2020, 3, 6)),
    ),
    "byline-generation-date-dates-the-page": (
        [heading(TITLE), text("生成日期：2020-03-06　来源：某市民政局"), BODY],
        PageInfo(published=date(2020, 3, 6)),
    ),
    "update-time-only-when-nothing-else-dates-the-page": (
        [heading(TITLE), text("更新时间：2020-04-01　来源：某市民政局"), text("发布日期：2020-03-06"), BODY],
        PageInfo(published=date(2020, 3, 6)),
    ),
    "update-time-alone": (
        [heading(TITLE), text("更新时间：2020年4月1日　作者：张三"), BODY],
        PageInfo(published=date(2020, 4, 1)),
    ),
    "byline-opening-with-a-time": (
        [heading(TITLE), text("2015-07-08 20:00\u3000来源： 新华社"), BODY],
        PageInfo(published=date(2015, 7, 8)),
    ),
    "time-inside-the-source": (
        [heading(TITLE), text("来源：某日报 | 2021-06-01 10:00"), BODY],
        PageInfo(published=date(2021, 6, 1)),
    ),
    "byline-with-one-disclosure-label-is-no-disclosure": (
        [heading(TITLE), text("发布机构：某市民政局　发布时间：2020-03-06　浏览次数：12"), BODY],
        PageInfo(published=date(2020, 3, 6)),
    ),
    "news-byline-with-generic-labels": (
        [heading("某市召开脱钩改革推进会"), text("时间：2020-03-06　来源：某日报"), BODY],
        PageInfo(published=date(2020, 3, 6)),
    ),
}


@pytest.mark.parametrize(("blocks", "expected"), TABLE_CASES.values(), ids=TABLE_CASES.keys())
def test_page_info(blocks: list[Block], expected: PageInfo) -> None:
    assert _info(*blocks) == expected


LINE_CASES = [
    ("byline", "发布时间：2019-10-18 09:32来源：某厅浏览次数：【字体：大 中 小】", True),
    ("font-switch", "【字体：大 中 小】", True),
    ("time-before-the-source", "2015-07-08 20:00\u3000来源： 新华社", True),
    ("time-alone", "2015-07-08 20:00", True),
    ("numeric-date-alone", "2015-07-08", True),
    ("signature-date-alone", "2015年7月8日", False),
    ("text-before-labels", "请于9月底前报送来源：本局", False),
    ("source-alone", "来源：某市民政局", True),
    ("spaced-label", "索 引 号：000014349/2020-00031", True),
    ("deadline-label-inside-a-word", "完成时间：2020年10月底前", False),
    ("meeting-time-alone", "时间：2020年10月15日上午9时", False),
    ("sentence", "各单位要在2020年10月底前完成脱钩任务。", False),
    ("label-after-text", "请于2020年9月底前报送，来源：本局", False),
]


@pytest.mark.parametrize(("line", "expected"), [c[1:] for c in LINE_CASES], ids=[c[0] for c in LINE_CASES])
def test_info_line(line: str, expected: bool) -> None:
    assert is_info_line(line) is expected


def test_pairs_of_glued_spans() -> None:
    pairs = label_pairs("发布时间：2019-10-18 09:32来源：产业处浏览次数：12")
    assert pairs is not None
    assert [(label.label, value) for label, value in pairs] == [
        ("发布时间", "2019-10-18 09:32"),
        ("来源", "产业处"),
        ("浏览次数", "12"),
    ]


ROSTER = table(("序号", "名称", "业务主管单位", "备注"), ("1", "某市甲行业协会", "某市民政局", ""), ("2", "某市乙商会", "某市商务局", ""))
DISCLOSURE = table(
    ("索引号", "1141/2020-1", "主题分类", "民政"),
    ("名称", TITLE, "发布日期", "2020-03-06"),
    ("发布机构", "某市民政局", "文号", "某民〔2020〕5号"),
)


def test_roster_is_no_disclosure_table() -> None:
    page = document(DISCLOSURE, heading(TITLE), BODY, ROSTER)
    assert without_page_info(page).blocks == [heading(TITLE), BODY, ROSTER]
    assert [line.name_raw for line in extract_roster(page).lines] == ["某市甲行业协会", "某市乙商会"]


def test_disclosure_table_yields_no_roster_rows() -> None:
    table_with_names = table(("名称", "某市甲行业协会", "发布机构", "某市民政局"), ("索引号", "1141/2020-1", "文号", "某民〔2020〕5号"))
    assert extract_roster(without_page_info(document(table_with_names, BODY))).lines == []


METADATA_CASES: dict[str, tuple[list[Block], dict[str, Any]]] = {
    "disclosure-fills-what-the-page-does-not-print": (
        [DISCLOSURE, heading(TITLE), BODY],
        {"doc_number": "某民〔2020〕5号", "issuers": ("某市民政局",), "published": date(2020, 3, 6), "issue_date": date(2020, 3, 6)},
    ),
    "signature-date-beats-the-publication-date": (
        [DISCLOSURE, heading(TITLE), BODY, text("某市民政局"), text("2020年3月2日")],
        {"issue_date": date(2020, 3, 2), "published": date(2020, 3, 6), "title": TITLE},
    ),
    "printed-number-beats-the-disclosure": (
        [DISCLOSURE, text("某民函〔2020〕7号"), heading(TITLE), BODY],
        {"doc_number": "某民函〔2020〕7号"},
    ),
    "news-headline-is-the-title": (
        [heading("某市召开行业协会商会与行政机关"), heading("脱钩改革推进会"), text("来源：某日报　发布时间：2020年3月6日"), BODY],
        {"title": "某市召开行业协会商会与行政机关脱钩改革推进会", "issue_date": date(2020, 3, 6), "published": date(2020, 3, 6)},
    ),
    "disclosure-name-beats-the-headline": (
        [heading("推进会_工作动态_某市人民政府网"), text("索引号：1141/2020-1"), text("发布机构：某市民政局"), text(f"名称：{TITLE}"), BODY],
        {"title": TITLE, "issuers": ("某市民政局",)},
    ),
}


@pytest.mark.parametrize(("blocks", "expected"), METADATA_CASES.values(), ids=METADATA_CASES.keys())
def test_metadata_of_portal_pages(blocks: list[Block], expected: dict[str, Any]) -> None:
    metadata = extract_metadata(document(*blocks))
    assert {key: getattr(metadata, key) for key in expected} == expected


HEADLINE_CASES: dict[str, tuple[list[Block], str | None]] = {
    "h1": ([heading("某市召开脱钩改革推进会"), BODY], "某市召开脱钩改革推进会"),
    "page-title-minus-site-and-column": (
        [heading("某市召开脱钩改革推进会_工作动态_某市人民政府门户网站"), BODY],
        "某市召开脱钩改革推进会",
    ),
    "site-first-with-dashes": ([heading("某省民政厅 - 某省召开脱钩改革推进会"), BODY], "某省召开脱钩改革推进会"),
    "bar-separated-news-site": ([heading("某县脱钩改革取得实效｜某日报"), BODY], "某县脱钩改革取得实效"),
    "dash-inside-a-title-kept": ([heading("脱钩改革——某县在行动"), BODY], "脱钩改革——某县在行动"),
    "year-range-kept": ([heading("某市2019-2020年脱钩工作要点-某市政务网"), BODY], "某市2019-2020年脱钩工作要点"),
    "two-heading-lines-joined": ([heading("某市召开行业协会商会"), heading("脱钩改革推进会"), BODY], "某市召开行业协会商会脱钩改革推进会"),
    "after-disclosure-lines": ([text("索引号：1141/2020-1"), text("来源：某县"), heading("某县召开推进会"), BODY], "某县召开推进会"),
    "page-title-over-the-printed-headline": (
        [heading("某市召开推进会 - 工作动态 - 某市民政局"), text("某市召开推进会"), text("来源：某市民政局"), BODY],
        "某市召开推进会",
    ),
    "byline-between-headline-and-text": ([heading("某县召开推进会"), text("发布时间：2021-04-12"), BODY], "某县召开推进会"),
    "after-a-disclosure-table": ([DISCLOSURE, heading("某县召开推进会"), BODY], "某县召开推进会"),
    "site-name-alone-is-no-headline": ([heading("某市人民政府"), BODY], None),
    "paragraph-first": ([text("某市召开脱钩改革推进会"), heading("一、总体要求"), BODY], None),
    "sentence-is-no-headline": ([heading("会议要求，各单位要抓好落实。"), BODY], None),
    "caption-of-a-table": ([heading("附件1"), heading("某市第一批脱钩试点名单"), ROSTER], None),
    "caption-of-a-list": ([heading("某市第一批脱钩试点名单"), text("1 某市甲行业协会 某市民政局"), text("2 某市乙商会")], None),
    "nothing-after": ([heading("某市召开脱钩改革推进会")], None),
}


@pytest.mark.parametrize(("blocks", "expected"), HEADLINE_CASES.values(), ids=HEADLINE_CASES.keys())
def test_headline(blocks: list[Block], expected: str | None) -> None:
    assert find_headline(document(*blocks)) == expected


def test_formal_title_beats_the_headline() -> None:
    page: Document = document(heading(f"{TITLE}_通知公告_某市人民政府网"), heading(TITLE), BODY)
    assert extract_metadata(page).title == TITLE


ROSTER_TABLE = table(("序号", "协会名称", "业务主管单位"), ("1", "某县茶叶协会", "原县农业局"))
ROSTER_HEADING_CASES: dict[str, tuple[list[Block], str | None]] = {
    "heading-over-the-table": ([text("某县第一批脱钩试点名单"), ROSTER_TABLE], "某县第一批脱钩试点名单"),
    "attachment-label-and-count-around-it": (
        [text("附件3"), heading("某县暂不脱钩的协会名单"), text("（共1家）"), ROSTER_TABLE],
        "某县暂不脱钩的协会名单",
    ),
    "attachment-label-on-the-heading-line": ([text("附件1：某县拟脱钩协会名单"), ROSTER_TABLE], "某县拟脱钩协会名单"),
    "title-row-inside-the-table": (
        [
            table(
                ("某县拟脱钩协会名单", "某县拟脱钩协会名单", "某县拟脱钩协会名单"),
                ("序号", "协会名称", "业务主管单位"),
                ("1", "某县茶叶协会", "原县农业局"),
            )
        ],
        "某县拟脱钩协会名单",
    ),
    "note-introducing-the-list-is-no-heading": ([text("列入名单的协会共1个"), ROSTER_TABLE], None),
    "notes-under-their-label-keep-it-a-roster": (
        [text("某县第一批脱钩试点名单"), ROSTER_TABLE, text("注：名单按登记时间排序。")],
        "某县第一批脱钩试点名单",
    ),
    "a-notes-section-of-several-lines": (
        [text("某县第一批脱钩试点名单"), ROSTER_TABLE, text("填表说明"), text("1.本表共收录1家。"), text("2.备注栏填写状态。")],
        "某县第一批脱钩试点名单",
    ),
    "a-sentence-after-the-table-makes-it-more-than-a-roster": (
        [text("某县第一批脱钩试点名单"), ROSTER_TABLE, text("各单位要按时完成脱钩。")],
        None,
    ),
    "a-note-label-above-the-table-is-still-prose": (
        [text("某县第一批脱钩试点名单"), text("说明：各单位要按时完成脱钩。"), ROSTER_TABLE],
        None,
    ),
    "a-word-starting-like-a-label-is-no-label": (
        [text("某县第一批脱钩试点名单"), ROSTER_TABLE, text("注册登记工作要按时完成。")],
        None,
    ),
    "a-table-that-is-no-roster": ([text("某县脱钩工作进度表"), table(("项目", "进度"), ("摸底", "完成"))], None),
    "no-table": ([text("某县第一批脱钩试点名单")], None),
    "summary-table-heading-with-a-filing-line": (
        [heading("丙州市市级协会商会脱钩工作进展汇总表"), text("填报单位：丙州市民政局　　共3个"), ROSTER_TABLE],
        "丙州市市级协会商会脱钩工作进展汇总表",
    ),
    "status-table-heading-under-the-body-name": (
        [text("丁县民政局"), text("丁县行业协会脱钩情况一览表"), text("（共1家）"), ROSTER_TABLE],
        "丁县行业协会脱钩情况一览表",
    ),
    "only-labels-and-counts-above": ([text("填报单位：丁县民政局"), text("（共1家）"), ROSTER_TABLE], None),
}


@pytest.mark.parametrize(("blocks", "expected"), ROSTER_HEADING_CASES.values(), ids=ROSTER_HEADING_CASES.keys())
def test_roster_heading(blocks: list[Block], expected: str | None) -> None:
    assert find_roster_heading(document(*blocks)) == expected
