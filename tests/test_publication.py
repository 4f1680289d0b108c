"""The publication note is a known 附注, printed with or without brackets, and kept without them."""

from __future__ import annotations

import pytest

from extractors.lines import Line
from extractors.publication import find_publication

NOTES = {
    "full-width-brackets": ("（此件主动公开）", "此件主动公开"),
    "half-width-brackets-and-spaces": ("( 此件公开发布 )", "此件公开发布"),
    "without-brackets": ("此件依申请公开", "此件依申请公开"),
    "copies-printed": ("（共印200份）", None),
    "beside-the-signature": ("铜仁市民政局　2021年4月9日（此件主动公开）", "此件主动公开"),
    "before-the-signature": ("（此件依申请公开）２０２１年４月９日", "此件依申请公开"),
    "inside-a-sentence": ("本通知（此件公开发布）自印发之日起施行。", None),
    "sentence-mentioning-publication": ("此件公开发布后，各单位要认真学习。", None),
}


@pytest.mark.parametrize(("line", "expected"), NOTES.values(), ids=NOTES.keys())
def test_find_publication(line: str, expected: str | None) -> None:
    assert find_publication([Line(line, 0)]) == expected
