"""Roster status from what surrounds a list: headings, captions, sentences, the title, the sheet.

Each case builds a small document in the model, as a reader would deliver it; rows carry no
status of their own unless the case says so.
"""

from __future__ import annotations

import pytest

from extractors.roster import extract_roster
from readers.model import Block, BlockKind, Document, TableRow

HEADER = ("序号", "协会名称", "业务主管单位")
PROSE = "各业务主管单位要高度重视，认真做好相关工作，确保改革平稳有序推进，按时完成各项任务。"


def table(*rows: tuple[str, ...], sheet: str | None = None) -> Block:
    return Block(kind=BlockKind.TABLE, table=0, rows=tuple(TableRow(r) for r in rows), sheet=sheet)


def text(line: str, sheet: str | None = None) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=line, sheet=sheet)


def rows(*names: str) -> Block:
    return table(HEADER, *((str(i), name, "甲市民政局") for i, name in enumerate(names, 1)))


def statuses(*blocks: Block, title: str | None = None) -> list[tuple[str, str | None, str]]:
    lines = extract_roster(Document(source_format="test", blocks=list(blocks)), title=title).lines
    return [(line.name_raw, line.status_raw, line.status) for line in lines]


CASES = {
    "pilot-list-heading-is-planned": (
        [text("附件1"), text("第一批脱钩试点名单"), rows("甲市茶叶协会")],
        [("甲市茶叶协会", "脱钩试点", "planned")],
    ),
    "batch-ordinal-heading-is-planned": (
        [text("第三批行业协会商会名单"), rows("甲市花卉协会")],
        [("甲市花卉协会", "第三批", "planned")],
    ),
    "batch-said-done-is-decoupled": (
        [text("第二批试点行业协会商会（已完成）"), rows("甲市蜂业协会")],
        [("甲市蜂业协会", "已完成", "decoupled")],
    ),
    "done-heading-is-decoupled": (
        [text("已完成脱钩的行业协会商会名单（共1家）"), rows("乙县果业协会")],
        [("乙县果业协会", "已完成脱钩", "decoupled")],
    ),
    "deferred-caption-without-list-word": (
        [text("三、暂不脱钩的行业协会商会"), rows("乙县律师协会")],
        [("乙县律师协会", "暂不脱钩", "exempt")],
    ),
    "sentence-before-text-list-is-planned": (
        [text("经研究，下列协会列入第二批脱钩试点："), text("1 丙省物流协会 丙省交通厅"), text("2 丙省港口协会 丙省交通厅"), text("3 丙省航运协会 丙省交通厅")],
        [("丙省物流协会", "脱钩试点", "planned"), ("丙省港口协会", "脱钩试点", "planned"), ("丙省航运协会", "脱钩试点", "planned")],
    ),
    "sentence-before-table-is-decoupled": (
        [text("截至目前，以下1家协会已完成脱钩："), rows("丙省能源协会")],
        [("丙省能源协会", "已完成脱钩", "decoupled")],
    ),
    "deadline-sentence-is-planned": (
        [text("以下协会须于2020年底前完成脱钩："), rows("丙省钢铁协会")],
        [("丙省钢铁协会", "完成脱钩", "planned")],
    ),
    "caption-of-a-note-keeps-the-heading": (
        [text("拟脱钩行业协会商会名单"), text("（按登记时间排序）"), rows("丁市摄影协会")],
        [("丁市摄影协会", "拟脱钩", "planned")],
    ),
    "one-paragraph-of-prose-keeps-the-heading": (
        [text("拟脱钩行业协会商会名单"), text(PROSE), rows("丁市书法协会")],
        [("丁市书法协会", "拟脱钩", "planned")],
    ),
    "two-lists-two-statuses": (
        [text("附件1 已脱钩行业协会商会名单"), rows("戊市篮球协会"), text("附件2 暂缓脱钩行业协会商会名单"), rows("戊市足球协会")],
        [("戊市篮球协会", "已脱钩", "decoupled"), ("戊市足球协会", "暂缓脱钩", "deferred")],
    ),
    "status-column-wins-over-heading": (
        [text("第一批脱钩试点名单"), table(("序号", "协会名称", "脱钩情况"), ("1", "戊市围棋协会", "已脱钩"), ("2", "戊市象棋协会", ""))],
        [("戊市围棋协会", "已脱钩", "decoupled"), ("戊市象棋协会", "脱钩试点", "planned")],
    ),
    "title-row-inside-the-table": (
        [text("附件2"), table(("第一批脱钩试点名单", "第一批脱钩试点名单", "第一批脱钩试点名单"), HEADER, ("1", "己市果业协会", "己市农业局"))],
        [("己市果业协会", "脱钩试点", "planned")],
    ),
    "title-row-inside-wins-over-heading-outside": (
        [text("拟脱钩名单"), table(("暂缓脱钩的协会", "暂缓脱钩的协会", "暂缓脱钩的协会"), HEADER, ("1", "己市蚕桑协会", "己市农业局"))],
        [("己市蚕桑协会", "暂缓脱钩", "deferred")],
    ),
    "sheet-name-speaks-for-its-table": (
        [table(HEADER, ("1", "己市旅游协会", "己市文旅局"), sheet="已脱钩名单")],
        [("己市旅游协会", "已脱钩", "decoupled")],
    ),
    "new-sheet-starts-afresh": (
        [text("拟脱钩名单", sheet="表1"), table(HEADER, ("1", "己市酒店协会", "己市商务局"), sheet="表1"), table(HEADER, ("1", "己市餐饮协会", "己市商务局"), sheet="表2")],
        [("己市酒店协会", "拟脱钩", "planned"), ("己市餐饮协会", None, "unknown")],
    ),
    "first-line-headline-speaks-after-prose": (
        [text("庚市公布拟脱钩行业协会商会名单"), text(PROSE), text(PROSE), rows("庚市陶瓷协会")],
        [("庚市陶瓷协会", "拟脱钩", "planned")],
    ),
    "headline-over-byline-and-prose": (
        [text("寅市公布第二批脱钩试点名单"), text("发布时间：2020-05-06"), text(PROSE), text(PROSE), rows("寅市果业协会")],
        [("寅市果业协会", "脱钩试点", "planned")],
    ),
    "heading-without-status-resets": (
        [text("拟脱钩行业协会商会名单"), rows("辛市玻璃协会"), text("附件2 行业协会商会名单"), rows("辛市水泥协会")],
        [("辛市玻璃协会", "拟脱钩", "planned"), ("辛市水泥协会", None, "unknown")],
    ),
    "prose-ends-the-heading": (
        [text("一、工作安排"), text("（一）已脱钩协会的监管"), text(PROSE), text(PROSE), rows("壬市建材协会")],
        [("壬市建材协会", None, "unknown")],
    ),
    "cited-list-gives-no-status": (
        [text("按照《第一批脱钩试点名单》，以下协会一并做好有关工作："), rows("癸市造纸协会")],
        [("癸市造纸协会", None, "unknown")],
    ),
    "workbook-title-row-count-line-and-note-govern": (
        [
            text("卯州行业协会商会脱钩第四批试点名单", sheet="名单"),
            text("纳入本批的社会组织合计3家", sheet="名单"),
            text("注：排名不分先后。", sheet="名单"),
            table(HEADER, ("1", "卯州藏医药协会", "卯州卫健委"), sheet="名单"),
        ],
        [("卯州藏医药协会", "试点", "planned")],
    ),
    "count-line-under-the-heading-keeps-it": (
        [text("附件3"), text("暂缓脱钩的市级协会商会名单"), text("列入名单的社会组织共1个"), rows("辰市搬运协会")],
        [("辰市搬运协会", "暂缓脱钩", "deferred")],
    ),
    "listed-on-this-round-words-between-is-planned": (
        [text("经县领导小组研究，列入2021年度脱钩改革名单的县级行业协会如下（共1家）："), rows("巳县竹编协会")],
        [("巳县竹编协会", "列入2021年度脱钩改革名单", "planned")],
    ),
    "taken-into-scope-is-planned": (
        [text("纳入第二批脱钩范围的区级协会商会名单"), rows("午区电竞协会")],
        [("午区电竞协会", "纳入第二批脱钩范围", "planned")],
    ),
    "not-listed-this-round-is-exempt": (
        [text("暂不列入本轮脱钩名单的协会商会"), rows("未市盐业协会")],
        [("未市盐业协会", "不列入本轮脱钩", "exempt")],
    ),
    "done-as-attribute-after-hereby-is-decoupled": (
        [text("第二批脱钩工作已经结束。特将完成脱钩的旗级社会组织名单公布如下："), rows("申旗马术协会")],
        [("申旗马术协会", "完成脱钩", "decoupled")],
    ),
    "batch-said-done-in-a-heading": (
        [text("第二批已完成脱钩的市级协会名单"), rows("酉市漆器协会")],
        [("酉市漆器协会", "已完成脱钩", "decoupled")],
    ),
    "already-done-sentence": (
        [text("以下协会已经完成脱钩："), rows("戌市紫砂协会")],
        [("戌市紫砂协会", "完成脱钩", "decoupled")],
    ),
    "deadline-attribute-is-planned": (
        [text("要求于年底前完成脱钩的协会名单"), rows("亥市茶艺协会")],
        [("亥市茶艺协会", "完成脱钩", "planned")],
    ),
    "refused-list-after-a-deferred-one": (
        [text("一、暂缓脱钩名单"), rows("卯县渔业协会"), text("二、不予脱钩名单"), rows("卯县老年书画协会")],
        [("卯县渔业协会", "暂缓脱钩", "deferred"), ("卯县老年书画协会", "不予脱钩", "exempt")],
    ),
    "unread-negation-heading-is-unknown-not-the-previous-list": (
        [text("一、已完成脱钩的协会"), rows("辰县茶业协会"), text("二、不拟推进脱钩的协会"), rows("辰县盆景协会")],
        [("辰县茶业协会", "已完成脱钩", "decoupled"), ("辰县盆景协会", None, "unknown")],
    ),
    "nothing-says": (
        [text("行业协会商会名单"), rows("癸市印刷协会")],
        [("癸市印刷协会", None, "unknown")],
    ),
}


@pytest.mark.parametrize(("blocks", "expected"), CASES.values(), ids=CASES.keys())
def test_status_from_context(blocks: list[Block], expected: list[tuple]) -> None:
    assert statuses(*blocks) == expected


TITLE_CASES = {
    "pilot-title-speaks-for-its-attachment": ("关于公布第二批脱钩试点名单的通知", "planned"),
    "done-title": ("关于公布已完成脱钩行业协会商会名单的通知", "decoupled"),
    "title-naming-no-list-says-nothing": ("关于印发脱钩改革实施方案的通知", "unknown"),
    "title-naming-a-list-without-status-says-nothing": ("关于公布行业协会商会名单的通知", "unknown"),
    "no-title": (None, "unknown"),
    "title-naming-two-lists-gives-neither": ("关于公布暂缓脱钩和不予脱钩协会商会名单的通知", "unknown"),
    "title-naming-an-unread-negation-gives-nothing": ("关于公布暂未安排脱钩的协会商会名单的通知", "unknown"),
    "refused-title": ("关于公布不予脱钩行业协会商会名单的通知", "exempt"),
}


@pytest.mark.parametrize(("title", "expected"), TITLE_CASES.values(), ids=TITLE_CASES.keys())
def test_status_from_title_when_nothing_nearer_says(title: str | None, expected: str) -> None:
    blocks = [text("各区民政局："), text(PROSE), text(PROSE), text("附件"), text("行业协会商会名单"), rows("子市茶叶协会")]
    assert [status for _, _, status in statuses(*blocks, title=title)] == [expected]


def test_nearer_heading_wins_over_title() -> None:
    blocks = [text(PROSE), text("附件2 暂不脱钩的协会商会名单"), rows("丑市蚕桑协会")]
    assert statuses(*blocks, title="关于公布第二批脱钩试点名单的通知") == [("丑市蚕桑协会", "暂不脱钩", "exempt")]


def test_heading_naming_two_statuses_does_not_take_the_title() -> None:
    blocks = [text(PROSE), text("附件 暂缓脱钩和不予脱钩的协会商会名单"), rows("巳市舞龙协会")]
    assert statuses(*blocks, title="关于公布暂缓脱钩行业协会商会名单的通知") == [("巳市舞龙协会", None, "unknown")]
