"""The words around a roster: which status a heading or sentence gives, and which counts count."""

from __future__ import annotations

import pytest

from normalizers.roster_context_vocabulary import closes_list, context_status, ends_naming_list, find_count, scope_count

STATUS_CASES = {
    "pilot": ("第一批脱钩试点名单", ("planned", "脱钩试点")),
    "first-batch": ("首批行业协会商会名单", ("planned", "首批")),
    "ordinal-batch-full-width": ("第２批名单", ("planned", "第2批")),
    "batch-done": ("第一批试点已经完成", ("decoupled", "已经完成")),
    "status-word-wins-over-batch": ("第一批已完成脱钩的协会名单", ("decoupled", "已完成脱钩")),
    "deadline-makes-it-planned": ("力争年底前完成脱钩的协会", ("planned", "完成脱钩")),
    "already-done-despite-deadline": ("2019年底前已完成脱钩的协会", ("decoupled", "已完成脱钩")),
    "done-as-attribute-after-hereby": ("现将完成脱钩的县级协会名单公布如下", ("decoupled", "完成脱钩")),
    "already-done-with-jingwan": ("以下社会组织已经完成脱钩", ("decoupled", "完成脱钩")),
    "deadline-attribute": ("要求于年底前完成脱钩的协会名单", ("planned", "完成脱钩")),
    "target-in-another-clause-says-nothing": ("按照年底前的部署，以下商会完成脱钩", ("decoupled", "完成脱钩")),
    "at-present-is-no-deadline": ("目前完成脱钩的商会", ("decoupled", "完成脱钩")),
    "future-will": ("将于明年完成脱钩的协会", ("planned", "完成脱钩")),
    "listed-with-words-between": ("列入本次脱钩名单的旗级协会如下", ("planned", "列入本次脱钩名单")),
    "past-date-before-deadline-is-done": ("下列协会已于2019年底前完成脱钩", ("decoupled", "完成脱钩")),
    "target-after-already-is-planned": ("已要求以下商会于年内完成脱钩", ("planned", "完成脱钩")),
    "plan-word-is-a-target": ("拟于2021年完成脱钩的县级协会", ("planned", "完成脱钩")),
    "plan-noun-in-another-clause": ("按照工作计划，以下协会完成脱钩", ("decoupled", "完成脱钩")),
    "taken-into-a-plan-with-words-between": ("以下商会纳入2021年脱钩计划", ("planned", "纳入2021年脱钩计划")),
    "mixed-statuses-give-none": ("其中实际脱钩47家，拟脱钩5家", None),
    "cited-title-gives-none": ("《关于公布第一批脱钩试点名单的通知》", None),
    "nothing": ("行业协会商会名单", None),
}


@pytest.mark.parametrize(("text", "expected"), STATUS_CASES.values(), ids=STATUS_CASES.keys())
def test_context_status(text: str, expected: tuple[str, str] | None) -> None:
    match = context_status(text)
    assert ((match.status, match.word) if match else None) == expected


COUNT_CASES = {
    "total-word": ("共34家", False, 34),
    "total-word-chinese": ("共三十四个", False, 34),
    "bare-needs-leave": ("34家", False, None),
    "bare-allowed": ("34家", True, 34),
    "followed-by-association": ("34家行业协会商会", True, 34),
    "followed-by-other-noun": ("共3个方面", True, None),
    "other-counter": ("共3项", True, None),
    "numerals-that-are-no-number": ("共十百家", True, None),
    "zero-style-numerals": ("共一〇五家", False, 105),
    "level-modifier-before-associations": ("三十四家市级行业协会商会", True, 34),
    "two-character-modifier-only": ("3个部门和协会", True, None),
    "total-before-breakdown": ("拟脱钩5家，共52家", True, 52),
}


@pytest.mark.parametrize(("text", "bare", "expected"), COUNT_CASES.values(), ids=COUNT_CASES.keys())
def test_find_count(text: str, bare: bool, expected: int | None) -> None:
    assert find_count(text, bare=bare) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("确定第二批脱钩试点名单", True), ("公布名录", True), ("名单如下", False), ("第二批试点", False)],
)
def test_ends_naming_list(text: str, expected: bool) -> None:
    assert ends_naming_list(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("以上共计6家。", True), ("上述协会商会共4个", True), ("各单位对以上工作要高度重视", False)],
)
def test_closes_list(text: str, expected: bool) -> None:
    assert closes_list(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全区纳入脱钩范围的区级行业协会商会共十二家", 12),
        ("列入本批脱钩改革的社会组织合计7个", 7),
        ("纳入脱钩范围的协会商会共计3家，其中已完成2家", 3),
        ("全省共有行业协会商会1200家", None),
        ("全省共有1200家协会纳入脱钩范围", None),
        ("不列入脱钩范围的协会共4家", None),
        ("纳入脱钩范围的14家协会", None),
        ("纳入脱钩范围的协会涉及共5个部门", None),
    ],
)
def test_scope_count(text: str, expected: int | None) -> None:
    """A total after a phrase putting associations in the reform's scope, never a negated scope or a statistic."""
    assert scope_count(text) == expected
