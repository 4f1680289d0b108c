"""Announced rosters: flagged `roster_missing` when absent from the file, silent when present or only cited."""

from __future__ import annotations

import pytest

from extractors.roster import extract_roster
from extractors.roster_attachments import announced_rosters
from pipeline.model import Block, BlockKind, Document, TableRow

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


def test_absent_roster_with_a_stated_total_gets_both_warnings() -> None:
    assert warnings_of("附件：己市拟脱钩名单（共14家）") == [
        "roster_missing: 己市拟脱钩名单（共14家）",
        "roster_count_mismatch: stated 14, found 0",
    ]
