"""Roster lines printed as numbered text: fields after the name by separators or in brackets.

Every input is invented: other places, names and separators than any corpus document.
"""

from __future__ import annotations

import pytest

from extractors.roster_text import bracket_fields, parse_roster_line, split_fields

# id: (line, (name_raw, supervisor_raw, status_raw, status, note))
LINE_CASES = {
    "former-unit-in-brackets": ("1．潮州市凤凰单丛茶协会（原市农业局）", ("潮州市凤凰单丛茶协会", "原市农业局", None, "unknown", None)),
    "current-unit-in-ascii-brackets": ("2.潮州市陶瓷行业协会(市工业和信息化局)", ("潮州市陶瓷行业协会", "市工业和信息化局", None, "unknown", None)),
    "youth-league-in-brackets": ("3、潮州市青年创业协会（团市委）", ("潮州市青年创业协会", "团市委", None, "unknown", None)),
    "people-organisation-short-form": ("4 潮州市侨商会（市侨联）", ("潮州市侨商会", "市侨联", None, "unknown", None)),
    "direct-registration-in-brackets": ("5．潮州市木雕协会（直接登记）", ("潮州市木雕协会", "直接登记", None, "unknown", None)),
    "labelled-supervisor": ("6．绵阳市科技服务业协会（业务主管单位：市科技局）", ("绵阳市科技服务业协会", "市科技局", None, "unknown", None)),
    "labelled-supervisor-and-status": ("7 绵阳市物流协会（主管单位：原市经信委；已脱钩）", ("绵阳市物流协会", "原市经信委", "已脱钩", "decoupled", None)),
    "bracket-then-status-field": ("8. 绵阳市旅游饭店协会（原市旅游局） 拟脱钩", ("绵阳市旅游饭店协会", "原市旅游局", "拟脱钩", "planned", None)),
    "bracket-printed-apart": ("9. 绵阳市茶文化协会 （原市农业局） 暂缓脱钩", ("绵阳市茶文化协会", "原市农业局", "暂缓脱钩", "deferred", None)),
    "double-dash-separators": ("10、铜仁市苗绣协会——市文化旅游局——已脱钩", ("铜仁市苗绣协会", "市文化旅游局", "已脱钩", "decoupled", None)),
    "colon-separator": ("11．铜仁市电子商务协会：市商务局", ("铜仁市电子商务协会", "市商务局", None, "unknown", None)),
    "preparatory-bracket-stays": ("12．铜仁市书画院协会（筹） 市文联", ("铜仁市书画院协会（筹）", "市文联", None, "unknown", None)),
    "place-bracket-stays": ("13 铜仁市台商协会（台湾）", ("铜仁市台商协会（台湾）", None, None, "unknown", None)),
    "former-name-of-the-association-stays": ("14．铜仁市物资流通协会（原铜仁市物资供销协会）", ("铜仁市物资流通协会（原铜仁市物资供销协会）", None, None, "unknown", None)),
    "lone-dash-is-a-placeholder-field": ("15 铜仁市棋类协会 — 已脱钩", ("铜仁市棋类协会", "—", "已脱钩", "decoupled", None)),
    "labelled-note": ("16．铜仁市钓鱼协会（市体育局；备注：已更名）", ("铜仁市钓鱼协会", "市体育局", None, "unknown", "已更名")),
    "labelled-status-field": ("18．铜仁市围棋协会 主管单位：市体育局 状态：拟脱钩", ("铜仁市围棋协会", "市体育局", "拟脱钩", "planned", None)),
    "note-with-colon-and-comma": ("17 铜仁市龙舟协会 市体育局 备注：已换届，待核", ("铜仁市龙舟协会", "市体育局", None, "unknown", "已换届，待核")),
}


@pytest.mark.parametrize(("line", "expected"), LINE_CASES.values(), ids=LINE_CASES.keys())
def test_parse_roster_line(line: str, expected: tuple) -> None:
    parsed = parse_roster_line(line, None, None)
    assert parsed is not None
    assert (parsed.name_raw, parsed.supervisor_raw, parsed.status_raw, parsed.status, parsed.note) == expected


def test_separators_inside_brackets_do_not_split() -> None:
    assert split_fields("某协会（主管单位：市商务局） 已脱钩") == ["某协会（主管单位：市商务局）", "已脱钩"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("原县林业局", [(None, "原县林业局")]),
        ("业务主管单位：区商务局", [("supervisor", "区商务局")]),
        ("暂不脱钩", [(None, "暂不脱钩")]),
        ("筹", None),
        ("澳门", None),
        ("区商务局；筹", None),
    ],
)
def test_bracket_fields(content: str, expected: list | None) -> None:
    assert bracket_fields(content) == expected


@pytest.mark.parametrize(
    "line",
    ["2．甲州市律师协会：负责指导会员单位做好脱钩后的规范管理，按期报送材料。", "3、甲州市物流协会: 牵头制定行业标准；"],
)
def test_duty_after_a_colon_is_prose(line: str) -> None:
    assert parse_roster_line(line, None, None) is None
