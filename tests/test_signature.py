"""The 成文日期 is the whole-line date under the signature; printing dates and dates in sentences are not."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.lines import Line
from extractors.signature import Signature, find_signature


def lines(*texts: str) -> list[Line]:
    return [Line(t, i) for i, t in enumerate(texts)]


CASES = {
    "names-above-date": (
        lines("请认真贯彻执行。", "邵阳市发展和改革委员会\u3000\u3000邵阳市民政局", "2020年6月16日"),
        Signature(("邵阳市发展和改革委员会", "邵阳市民政局"), date(2020, 6, 16), ("邵阳市发展和改革委员会\u3000\u3000邵阳市民政局", "2020年6月16日")),
    ),
    "stacked-names": (
        lines("中共兰考县委", "兰考县人民政府", "2018年11月6日"),
        Signature(("中共兰考县委", "兰考县人民政府"), date(2018, 11, 6), ("中共兰考县委", "兰考县人民政府", "2018年11月6日")),
    ),
    "names-and-date-on-one-line": (
        lines("兰考县民政局\u3000\u30002020年6月16日"),
        Signature(("兰考县民政局",), date(2020, 6, 16), ("兰考县民政局\u3000\u30002020年6月16日",)),
    ),
    "circle-zero-numerals": (lines("兰考县民政局", "二○二○年六月十六日"), Signature(("兰考县民政局",), date(2020, 6, 16), ("兰考县民政局", "二○二○年六月十六日"))),
    "date-without-signature": (lines("附件：名单", "2017年3月28日"), Signature((), date(2017, 3, 28), ("2017年3月28日",))),
    "signed-date-wins-over-earlier-bare-date": (
        lines("2019年1月1日", "正文。", "兰考县民政局", "2019年2月1日"),
        Signature(("兰考县民政局",), date(2019, 2, 1), ("兰考县民政局", "2019年2月1日")),
    ),
    "names-date-and-note-joined-by-the-reader": (
        lines("请认真贯彻执行。", "铜仁市民政局2021年4月9日（此件主动公开）"),
        Signature(("铜仁市民政局",), date(2021, 4, 9), ("铜仁市民政局2021年4月9日（此件主动公开）",)),
    ),
    "date-before-names": (
        lines("２０２１年４月９日　铜仁市民政局　铜仁市财政局"),
        Signature(("铜仁市民政局", "铜仁市财政局"), date(2021, 4, 9), ("２０２１年４月９日　铜仁市民政局　铜仁市财政局",)),
    ),
    "note-first-then-names-and-date": (
        lines("（此件公开发布）铜仁市民政局　2021年4月9日"),
        Signature(("铜仁市民政局",), date(2021, 4, 9), ("（此件公开发布）铜仁市民政局　2021年4月9日",)),
    ),
    "other-bracket-is-no-note": (lines("铜仁市民政局2021年4月9日（共印50份）"), None),
    "printing-date": (lines("兰考县人民政府办公室\u3000\u30002018年11月6日印发"), None),
    "impossible-date": (lines("兰考县民政局", "2019年13月32日"), None),
    "date-in-sentence": (lines("2019年11月1日前，完成脱钩任务。"), None),
}


@pytest.mark.parametrize(("tail", "expected"), CASES.values(), ids=CASES.keys())
def test_find_signature(tail: list[Line], expected: Signature | None) -> None:
    assert find_signature(tail) == expected
