"""Roster lines from every layout: tables of many shapes, text lines, headings, counts.

Each case builds a small document in the model, as a reader would deliver it.
"""

from __future__ import annotations

import pytest

from extractors.roster import extract_roster
from extractors.roster_counts import stated_total
from readers.model import Block, BlockKind, Document, TableRow


def table(*rows: tuple[str, ...], pages: tuple[int | None, ...] | None = None, index: int = 0) -> Block:
    pages = pages or (None,) * len(rows)
    return Block(kind=BlockKind.TABLE, table=index, rows=tuple(TableRow(r, p) for r, p in zip(rows, pages)))


def text(line: str, page: int | None = None) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=line, page=page)


def roster(*blocks: Block) -> list[tuple]:
    lines = extract_roster(Document(source_format="test", blocks=list(blocks))).lines
    return [(l.seq, l.name_raw, l.supervisor_raw, l.status_raw, l.status, l.note) for l in lines]


HEADER = ("序号", "名称", "业务主管单位", "状态")

LAYOUT_CASES = {
    "status-column": (
        [table(HEADER, ("1", "甲市能源协会", "甲市发改委", "已脱钩"), ("2", "甲市钢铁商会", "甲市工信局", "拟脱钩"))],
        [(1, "甲市能源协会", "甲市发改委", "已脱钩", "decoupled", None), (2, "甲市钢铁商会", "甲市工信局", "拟脱钩", "planned", None)],
    ),
    "tick-mark-columns": (
        [table(("序号", "协会名称", "主管单位", "实际脱钩", "拟脱钩"), ("1", "乙省茶叶协会", "原省农业厅", "√", ""), ("2", "乙省酒业协会", "原省经信委", "", "√"))],
        [(1, "乙省茶叶协会", "原省农业厅", "实际脱钩", "decoupled", None), (2, "乙省酒业协会", "原省经信委", "拟脱钩", "planned", None)],
    ),
    "status-word-under-mark-column": (
        [table(("序号", "名称", "业务主管单位（原业务主管单位）", "实际脱钩", "拟脱钩", "备注"), ("1", "丙市物流协会", "原市经信委", "", "拟脱钩", ""))],
        [(1, "丙市物流协会", "原市经信委", "拟脱钩", "planned", None)],
    ),
    "status-in-note-with-rest": (
        [table(("序号", "行业协会商会名称", "业务主管单位（或原业务主管单位）", "备注"), ("1", "丁市收藏协会", "丁市文物局", "已脱钩（2019年完成）"), ("2", "丁市书法协会", "丁市文联", "暂缓脱钩"))],
        [(1, "丁市收藏协会", "丁市文物局", "已脱钩", "decoupled", "2019年完成"), (2, "丁市书法协会", "丁市文联", "暂缓脱钩", "deferred", None)],
    ),
    "status-from-list-heading": (
        [text("附件2"), text("拟脱钩行业协会商会名单"), table(("序号", "单位名称", "业务主管单位"), ("1", "戊县果业协会", "戊县农业局"))],
        [(1, "戊县果业协会", "戊县农业局", "拟脱钩", "planned", None)],
    ),
    "two-row-merged-header": (
        [table(("序号", "名称", "业务主管单位", "脱钩情况", "脱钩情况"), ("序号", "名称", "业务主管单位", "已脱钩", "未脱钩"), ("1", "己市律师协会", "己市司法局", "", "√"))],
        [(1, "己市律师协会", "己市司法局", "未脱钩", "not_decoupled", None)],
    ),
    "yes-no-status-column": (
        [table(("序号", "单位名称", "业务主管单位", "是否脱钩"), ("1", "午市茶叶协会", "午市农业局", "是"), ("2", "午市花卉协会", "午市林业局", "否"), ("3", "午市蜂业协会", "午市农业局", "√"))],
        [(1, "午市茶叶协会", "午市农业局", "是", "decoupled", None), (2, "午市花卉协会", "午市林业局", "否", "not_decoupled", None), (3, "午市蜂业协会", "午市农业局", "√", "decoupled", None)],
    ),
    "done-not-done-status-column": (
        [table(("序号", "协会名称", "脱钩情况"), ("1", "未市律师协会", "已完成"), ("2", "未市会计协会", "未完成"))],
        [(1, "未市律师协会", None, "已完成", "decoupled", None), (2, "未市会计协会", None, "未完成", "not_decoupled", None)],
    ),
    "title-row-above-header": (
        [table(("甲市脱钩名单", "甲市脱钩名单", "甲市脱钩名单"), ("序号", "社会组织名称", "是否脱钩"), ("1", "甲市旅游协会", "是（已脱钩）"))],
        [(1, "甲市旅游协会", None, "是（已脱钩）", "decoupled", None)],
    ),
    "repeated-header-after-page-break": (
        [table(HEADER, ("1", "庚市陶瓷协会", "庚市工信局", "已脱钩"), HEADER, ("2", "庚市玻璃协会", "庚市工信局", "已脱钩"), pages=(1, 1, 2, 2))],
        [(1, "庚市陶瓷协会", "庚市工信局", "已脱钩", "decoupled", None), (2, "庚市玻璃协会", "庚市工信局", "已脱钩", "decoupled", None)],
    ),
    "name-wrapped-in-cell": (
        [table(HEADER, ("1", "辛市建设工程招标投\n标协会", "辛市住建局", "已脱钩"))],
        [(1, "辛市建设工程招标投标协会", "辛市住建局", "已脱钩", "decoupled", None)],
    ),
    "name-continued-on-next-row": (
        [table(HEADER, ("1", "辛市建设工程招标投", "辛市住建局", "已脱钩"), ("", "标协会", "", ""), ("2", "辛市勘察设计协会", "辛市住建局", "已脱钩"))],
        [(1, "辛市建设工程招标投标协会", "辛市住建局", "已脱钩", "decoupled", None), (2, "辛市勘察设计协会", "辛市住建局", "已脱钩", "decoupled", None)],
    ),
    "supervisor-merged-over-rows": (
        [table(HEADER, ("1", "壬市篮球协会", "壬市体育局", "已脱钩"), ("2", "壬市足球协会", "壬市体育局", "已脱钩"))],
        [(1, "壬市篮球协会", "壬市体育局", "已脱钩", "decoupled", None), (2, "壬市足球协会", "壬市体育局", "已脱钩", "decoupled", None)],
    ),
    "spacer-and-total-rows": (
        [table(HEADER, ("1", "癸市围棋协会", "癸市体育局", "已脱钩"), ("", "", "", ""), ("2", "癸市象棋协会", "癸市体育局", "已脱钩"), ("合计", "2家", "", ""))],
        [(1, "癸市围棋协会", "癸市体育局", "已脱钩", "decoupled", None), (2, "癸市象棋协会", "癸市体育局", "已脱钩", "decoupled", None)],
    ),
    "printed-seq-styles": (
        [table(HEADER, ("1.", "申市围棋协会", "申市体育局", "已脱钩"), ("（2）", "申市象棋协会", "申市体育局", "已脱钩"), ("３、", "申市桥牌协会", "申市体育局", "已脱钩"))],
        [(1, "申市围棋协会", "申市体育局", "已脱钩", "decoupled", None), (2, "申市象棋协会", "申市体育局", "已脱钩", "decoupled", None), (3, "申市桥牌协会", "申市体育局", "已脱钩", "decoupled", None)],
    ),
    "direct-registration-row": (
        [table(HEADER, ("1", "子市企业家协会", "直接登记", "拟脱钩"))],
        [(1, "子市企业家协会", "直接登记", "拟脱钩", "planned", None)],
    ),
    "text-roster-lines": (
        [text("附件1"), text("已完成脱钩的行业协会商会名单"), text("1 丑省设备管理协会 原省经信委"), text("2．丑省陕西商会　原省经信委"), text("3、丑省能源协会 原省经信委 备用")],
        [(1, "丑省设备管理协会", "原省经信委", "已完成脱钩", "decoupled", None), (2, "丑省陕西商会", "原省经信委", "已完成脱钩", "decoupled", None), (3, "丑省能源协会", "原省经信委", "已完成脱钩", "decoupled", "备用")],
    ),
    "text-lines-with-status": (
        [text("1 寅市茶叶协会 寅市农业局 实际脱钩"), text("2 寅市花卉协会 寅市林业局 拟脱钩"), text("3 寅市蜂业协会 寅市农业局 暂不脱钩")],
        [(1, "寅市茶叶协会", "寅市农业局", "实际脱钩", "decoupled", None), (2, "寅市花卉协会", "寅市林业局", "拟脱钩", "planned", None), (3, "寅市蜂业协会", "寅市农业局", "暂不脱钩", "exempt", None)],
    ),
}


@pytest.mark.parametrize(("blocks", "expected"), LAYOUT_CASES.values(), ids=LAYOUT_CASES.keys())
def test_roster_layouts(blocks: list[Block], expected: list[tuple]) -> None:
    assert roster(*blocks) == expected


NOT_A_ROSTER_CASES = {
    "blank-form-numbered-rows": table(("序号", "协会商会名称", "法定代表人", "登记证号"), ("1", "", "", ""), ("2", "", "", "")),
    "personnel-form": table(("序\n号", "姓名", "任职单位", "兼职商会名称"), ("1", "", "", ""), ("2", "", "", "")),
    "score-sheet": table(("序号", "类别", "检查验收内容", "评分标准"), ("1", "安排部署", "是否专题研究部署", "无记录不得分")),
    "statistics-table": table(("单位", "协会名称", "计划数", "完成数"), ("全市", "合计", "12", "10")),
    "form-label-only": table(("名称", "", "登记证号", ""), ("法定代表人", "", "秘书长", "")),
    "numbered-prose": text("1. 各行业协会商会要按时完成脱钩任务。"),
    "two-numbered-lines-only": Block(kind=BlockKind.PARAGRAPH, text="1 卯市能源协会 卯市发改委"),
}


@pytest.mark.parametrize("block", NOT_A_ROSTER_CASES.values(), ids=NOT_A_ROSTER_CASES.keys())
def test_not_a_roster_yields_nothing(block: Block) -> None:
    assert roster(block) == []


def test_rows_keep_page_and_table() -> None:
    block = table(HEADER, ("1", "甲市陶瓷协会", "甲市工信局", "已脱钩"), HEADER, ("2", "甲市玻璃协会", "甲市工信局", "已脱钩"), pages=(7, 7, 8, 8), index=3)
    lines = extract_roster(Document(source_format="test", blocks=[block])).lines
    assert [(l.page, l.table) for l in lines] == [(7, 3), (8, 3)]


STATED_CASES = {
    "parenthesised": (["（共14家）"], 14),
    "with-breakdown": (["(共 52 家, 其中实际脱钩 47 家, 拟脱钩 5 家)"], 52),
    "in-list-title": (["2. 区级机构行业协会商会全面脱钩改革名单（共14家）"], 14),
    "chinese-numeral": (["（共十四家）"], 14),
    "full-width-digits": (["（共１５０家）"], 150),
    "two-lists-add-up": (["附件1 名单（共3家）", "附件2 名单（共2家）"], 5),
    "same-line-twice-counts-once": (["（共3家）", "（共3家）"], 3),
    "prose-is-not-a-count": (["截至目前，全市共有行业协会商会200家，其中已完成脱钩的有120家，其余正在按计划推进脱钩改革工作。"], None),
    "none": (["各协会要抓好落实。"], None),
}


@pytest.mark.parametrize(("lines", "expected"), STATED_CASES.values(), ids=STATED_CASES.keys())
def test_stated_total(lines: list[str], expected: int | None) -> None:
    assert stated_total([text(line) for line in lines]) == expected


def test_count_mismatch_is_warned() -> None:
    result = extract_roster(Document(source_format="test", blocks=[text("拟脱钩名单（共14家）")]))
    assert result.stated_total == 14
    assert result.warnings == ["roster_count_mismatch: stated 14, found 0"]


def test_matching_count_gives_no_warning() -> None:
    blocks = [text("（共1家）"), table(HEADER, ("1", "甲市能源协会", "甲市发改委", "已脱钩"))]
    assert extract_roster(Document(source_format="test", blocks=blocks)).warnings == []
