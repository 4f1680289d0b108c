"""Stated roster totals in their many phrasings, and counts that are not a roster's.

Each case is a few invented text blocks; `ROSTER` stands for the list that follows a
sentence, since a sentence's count is the roster's only when a list follows it.
"""

from __future__ import annotations

import pytest

from extractors.roster_counts import stated_total
from readers.model import Block, BlockKind, TableRow

PROSE = "各业务主管单位要高度重视，认真做好相关工作，确保改革平稳有序推进，按时完成各项任务。"
ROSTER = Block(kind=BlockKind.TABLE, table=0, rows=(TableRow(("序号", "协会名称")), TableRow(("1", "甲市茶叶协会"))))


def text(line: str) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=line)


def blocks_of(*items: str | Block) -> list[Block]:
    return [item if isinstance(item, Block) else text(item) for item in items]


CASES = {
    "short-line-gong-jia": (["共34家"], 34),
    "bracketed-gong": (["（共34家）"], 34),
    "bare-count-alone-in-brackets": (["（34个）"], 34),
    "chinese-numeral": (["第二批脱钩试点名单（共三十四家）"], 34),
    "bare-chinese-numeral-in-list-heading": (["第二批脱钩试点名单（三十四家）"], 34),
    "full-width-digits": (["（共３４个）"], 34),
    "gongji": (["附件：拟脱钩名单（共计12家）"], 12),
    "heji-in-caption": (["（合计12个）"], 12),
    "count-before-associations-in-heading": (["全市34家行业协会商会脱钩名单"], 34),
    "count-in-status-heading": (["一、已完成脱钩的34家行业协会商会"], 34),
    "sentence-names-the-list": (["经研究，列入名单的协会商会共34个。", ROSTER], 34),
    "sentence-ends-with-the-count": (["现将第二批脱钩试点名单公布如下（共34个）：", ROSTER], 34),
    "sentence-introduces-the-list": (["经审核，以下34家行业协会商会已完成脱钩：", ROSTER], 34),
    "heji-in-sentence": (["本批列入名单的协会商会合计18个，请各单位抓好落实。", ROSTER], 18),
    "breakdown-after-total-is-not-added": (["（共52家，其中实际脱钩47家，拟脱钩5家）"], 52),
    "sentence-and-heading-of-the-same-list": (["列入名单的协会商会共34个。", "附件：第二批脱钩试点名单（共34家）", ROSTER], 34),
    "attachment-list-and-attachment-heading": (["附件：1.已脱钩名单（共3家）", "2.拟脱钩名单（共2家）", PROSE, "附件1", "已脱钩名单（共3家）", ROSTER, "附件2", "拟脱钩名单（共2家）", ROSTER], 5),
    "parts-add-up-without-a-list-total": (["附件", "脱钩改革名单", "一、已完成脱钩的协会（3家）", ROSTER, "二、拟脱钩的协会", "（共2家）", ROSTER], 5),
    "count-line-under-a-counted-heading-counts-once": (["第三批试点名单（共2家）", "列入名单的协会商会共2个", ROSTER], 2),
    "count-line-under-a-heading-without-count": (["甲州第一批脱钩试点名单", "列入名单的社会组织共十一个", ROSTER], 11),
    "count-before-a-level-modifier": (["经审核，以下6家县级行业协会列入脱钩名单：", ROSTER], 6),
    "count-against-the-list-name-mid-prose": (["经研究，确定第二批市级协会脱钩试点名单（共9家），现将有关事项通知如下。", PROSE, PROSE, PROSE, "附件", ROSTER], 9),
    "closing-line-after-the-table": ([ROSTER, "以上共计十一家。"], 11),
    "closing-line-names-what-it-counts": ([ROSTER, "上述协会商会共4个，请于年底前完成脱钩。"], 4),
    "list-total-wins-over-its-parts": (["附件 脱钩改革名单（共5家）", "一、已完成脱钩的协会（3家）", ROSTER, "二、拟脱钩的协会（2家）", ROSTER], 5),
    "scope-total-in-a-report-with-its-roster-attached": (
        ["一、基本情况。全县纳入脱钩范围的县级行业协会商会共九家，目前已有六家完成人员和资产分离。", PROSE, PROSE, PROSE, "附件", ROSTER],
        9,
    ),
    "scope-total-with-the-roster-only-announced": (["列入今年脱钩改革的区级协会合计5个，请各单位抓好落实。", PROSE, PROSE, "附件：丁区脱钩协会名单"], 5),
    "list-count-wins-over-the-scope-total": (["全市纳入脱钩范围的协会商会共40家。", PROSE, PROSE, "附件 第一批脱钩试点名单（共8家）", ROSTER], 8),
}


@pytest.mark.parametrize(("items", "expected"), CASES.values(), ids=CASES.keys())
def test_stated_total(items: list[str | Block], expected: int) -> None:
    assert stated_total(blocks_of(*items)) == expected


NOT_A_COUNT_CASES = {
    "background-statistic": ["全省共有行业协会商会1200家。", ROSTER],
    "background-statistic-with-bare-count": ["截至目前，全省共有1200家行业协会商会，其中已脱钩800家。", ROSTER],
    "statistic-sentence-as-short-line": ["全市协会商会共120家。", ROSTER],
    "tasks-not-associations": ["本方案共3项任务", ROSTER],
    "aspects-not-associations": ["以下共5个方面要求：", ROSTER],
    "list-sentence-without-a-list-after-it": ["全省1200家协会列入脱钩名单。", PROSE, PROSE],
    "ordinal-is-not-a-count": ["第3家协会名单", ROSTER],
    "bare-count-in-a-caption-naming-no-list": ["（一）市级34家", ROSTER],
    "bracketed-count-not-against-a-list-name": ["全省行业协会商会（共1200家）要做好脱钩准备。", PROSE, PROSE, PROSE],
    "closing-word-without-a-roster-before-it": [PROSE, "以上共计3项任务，均须落实。", ROSTER],
    "closing-count-after-prose": [ROSTER, PROSE, "以上共计6家。"],
    "scope-total-without-any-roster": ["全省纳入脱钩范围的行业协会商会共1200家。", PROSE, PROSE],
    "scope-total-negated": ["暂不纳入脱钩范围的协会商会共3家。", PROSE, PROSE, PROSE, ROSTER],
    "count-before-the-scope-phrase": ["全省共有1200家协会纳入脱钩范围。", PROSE, PROSE, PROSE, ROSTER],
    "scope-phrase-counting-other-things": ["纳入脱钩范围的协会涉及业务主管单位共12个部门。", PROSE, PROSE, PROSE, ROSTER],
}


@pytest.mark.parametrize("items", NOT_A_COUNT_CASES.values(), ids=NOT_A_COUNT_CASES.keys())
def test_not_a_stated_total(items: list[str | Block]) -> None:
    assert stated_total(blocks_of(*items)) is None
