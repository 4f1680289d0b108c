"""Announced rosters: flagged `roster_missing` when absent from the file, silent when present or only cited."""

from __future__ import annotations

import pytest

from extractors.roster import RosterResult, extract_roster
from extractors.roster_attachments import announced_rosters
from readers.model import Block, BlockKind, Document, TableRow

PROSE = "各业务主管单位要高度重视，认真做好相关工作，确保改革平稳有序推进。"
ROSTER = Block(kind=BlockKind.TABLE, table=0, rows=(TableRow(("序号", "协会名称", "业务主管单位")), TableRow(("1", "甲市茶叶协会", "甲市农业局"))))


def text(line: str) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=line)


def blocks_of(*items: str | Block) -> list[Block]:
    return [item if isinstance(item, Block) else text(item) for item in items]


ANNOUNCED_CASES = {
    "attachment-line": (["附件：第二批脱钩试点名单"], ["第二批脱钩试点名单"]),
    "numbered-attachment-line": (["附件1．拟脱钩行业协会商会名单"], ["拟脱钩行业协会商会名单"]),
    "attachment-list-over-lines": (["附件：1. 乙区脱钩联合工作组", "2. 乙区脱钩改革名单（共14家）", "乙区发展和改革委员会"], ["乙区脱钩改革名单（共14家）"]),
    "attachment-title-on-next-line": (["附件2", "暂缓脱钩行业协会商会名单"], ["暂缓脱钩行业协会商会名单"]),
    "numbered-title-on-next-line": (["附件：", "1．第四批试点名单"], ["第四批试点名单"]),
    "portal-download-link": (["附件：庚市拟脱钩协会名单.xlsx"], ["庚市拟脱钩协会名单.xlsx"]),
    "attachment-in-book-brackets": (["附件：《第三批试点名单》"], ["第三批试点名单"]),
    "same-title-in-body-and-heading-once": (["附件：拟脱钩名单", PROSE, "附件", "拟脱钩名单"], ["拟脱钩名单"]),
    "news-headline-with-fu-mingdan": (["丙省公布第二批脱钩试点名单（附名单）", PROSE], ["丙省公布第二批脱钩试点名单（附名单）"]),
    "mingdan-fuhou": (["经研究，确定丁市12家协会为脱钩试点单位，名单附后。"], ["名单附后"]),
    "jian-fujian": (["具体名单详见附件。"], ["具体名单详见附件"]),
}


@pytest.mark.parametrize(("items", "expected"), ANNOUNCED_CASES.values(), ids=ANNOUNCED_CASES.keys())
def test_announced_rosters(items: list[str | Block], expected: list[str]) -> None:
    assert announced_rosters(blocks_of(*items)) == expected


NOT_ANNOUNCED_CASES = {
    "only-cited-in-book-title": ["根据《关于公布第一批脱钩试点名单的通知》要求，做好有关工作。"],
    "cited-list-pointing-to-attachment": ["《关于公布第一批脱钩试点名单的通知》见附件。"],
    "attachment-of-no-list": ["附件：脱钩改革实施方案"],
    "attachment-of-contact-people": ["附件：脱钩工作联系人名单"],
    "attachment-of-a-form-to-fill": ["附件：第二批脱钩试点名单申报表"],
    "list-named-in-prose": ["列入脱钩名单的行业协会商会，必须按规定的时限和要求完成脱钩。"],
}


@pytest.mark.parametrize("items", NOT_ANNOUNCED_CASES.values(), ids=NOT_ANNOUNCED_CASES.keys())
def test_not_announced(items: list[str]) -> None:
    assert announced_rosters(blocks_of(*items)) == []


def warnings_of(*items: str | Block) -> list[str]:
    return extract_roster(Document(source_format="test", blocks=blocks_of(*items))).warnings


def test_announced_and_absent_is_flagged() -> None:
    assert warnings_of(PROSE, "附件：戊市第二批脱钩试点名单") == ["roster_missing: 戊市第二批脱钩试点名单"]


def test_announced_and_present_is_not_flagged() -> None:
    assert warnings_of(PROSE, "附件：戊市第二批脱钩试点名单", "附件", "戊市第二批脱钩试点名单", ROSTER) == []


def test_only_cited_is_not_flagged() -> None:
    assert warnings_of("根据《关于公布戊市第一批脱钩试点名单的通知》，做好有关工作。", PROSE) == []


def roster_of(*items: str | Block) -> RosterResult:
    return extract_roster(Document(source_format="test", blocks=blocks_of(*items)))


def test_absent_roster_with_a_stated_total_gets_both_warnings() -> None:
    result = roster_of("附件：己市拟脱钩名单（共14家）")
    assert result.warnings == ["roster_missing: 己市拟脱钩名单（共14家）", "roster_count_mismatch: stated 14, found 0"]
    assert result.stated_total == 14


ABSENT_TOTAL_CASES = {
    "total-before-pointer-in-brackets": (["经审核，确定第三批拟脱钩的区级协会商会共19个（名单见附件），现就有关事项通知如下。"], 19),
    "count-in-clause-before-pointer": (["经联合工作组审定，确定二十六家县级行业协会为本年度脱钩对象，具体名单详见附件。", PROSE], 26),
    "fu-mingdan-after-modifier": (["确定41家镇级商会为首批脱钩单位（附名单），请抓紧落实。", PROSE], 41),
    "listed-total-pointing-to-attachment": (["列入名单的协会商会共9个（见附件）。", PROSE, "附件：辛县脱钩协会名单"], 9),
    "mingdan-fuhou": (["经研究，确定庚市十二家协会为脱钩试点单位，名单附后。"], 12),
    "two-pointers-add-up": (["确定拟脱钩协会12家（名单见附件1），暂缓脱钩协会3家（名单见附件2）。", PROSE], 15),
    "attachment-line-count": ([PROSE, "附件：壬市暂缓脱钩协会名单（共三家）"], 3),
}


@pytest.mark.parametrize(("items", "total"), ABSENT_TOTAL_CASES.values(), ids=ABSENT_TOTAL_CASES.keys())
def test_absent_roster_keeps_its_stated_total(items: list[str], total: int) -> None:
    result = roster_of(*items)
    assert result.stated_total == total
    assert [w.split(":")[0] for w in result.warnings] == ["roster_missing", "roster_count_mismatch"]


def test_background_count_beside_no_attachment_is_no_total() -> None:
    assert roster_of("全县现有行业协会商会85家，其中6家已完成脱钩。", PROSE).stated_total is None


def test_present_roster_counted_once_from_pointer_and_attachment() -> None:
    result = roster_of("确定2家市级协会为脱钩对象（名单见附件）。", PROSE, "附件", "癸市脱钩协会名单", ROSTER)
    assert result.stated_total == 2
    assert result.warnings == ["roster_count_mismatch: stated 2, found 1"]
