"""A title is the first run of head lines that closes its brackets and ends in a 文种; nothing else is one."""

from __future__ import annotations

import pytest

from extractors.lines import Line
from extractors.title import Title, find_title


def lines(*texts: str, gap_after: int | None = None) -> list[Line]:
    """Lines of consecutive blocks; `gap_after` puts a table after that line."""
    return [Line(t, i + (1 if gap_after is not None and i > gap_after else 0)) for i, t in enumerate(texts)]


CASES = {
    "one-line": (lines("关于做好脱钩改革工作的通知", "各有关单位："), Title("关于做好脱钩改革工作的通知", ())),
    "three-lines-joined": (
        lines("关于印发《邵阳市行业协会商会", "与行政机关脱钩改革实施方案》", "的通知"),
        Title("关于印发《邵阳市行业协会商会与行政机关脱钩改革实施方案》的通知", ()),
    ),
    "kind-inside-open-brackets-does-not-close": (
        lines("关于印发《邵阳市脱钩改革实施方案", "》的通知"),
        Title("关于印发《邵阳市脱钩改革实施方案》的通知", ()),
    ),
    "issuers-on-their-own-line": (
        lines("中共兰考县委\u3000兰考县人民政府", "关于做好脱钩改革工作的意见"),
        Title("中共兰考县委 兰考县人民政府 关于做好脱钩改革工作的意见", ("中共兰考县委", "兰考县人民政府")),
    ),
    "issuer-printed-against-subject": (
        lines("自治区民政厅关于做好脱钩改革工作的通知"),
        Title("自治区民政厅关于做好脱钩改革工作的通知", ("自治区民政厅",)),
    ),
    "place-before-subject-is-no-issuer": (
        lines("渝中区关于全面推开脱钩改革的实施意见"),
        Title("渝中区关于全面推开脱钩改革的实施意见", ()),
    ),
    "qualifier-after-kind": (lines("邵阳市行业协会商会管理办法（试行）"), Title("邵阳市行业协会商会管理办法（试行）", ())),
    "letter-spacing-removed": (lines("邵阳市脱钩改革实 施 方 案"), Title("邵阳市脱钩改革实施方案", ())),
    "kind-alone-is-no-title": (lines("通\u3000知", "各有关单位："), None),
    "sheet-heading-is-no-title": (lines("邵阳市全市性行业协会商会脱钩改革名单"), None),
    "table-between-lines-breaks-title": (lines("关于印发《邵阳市脱钩", "改革实施方案》的通知", gap_after=0), None),
    "public-notice-of-a-list": (
        lines("甘肃省民政厅关于省本级第三批行业协会脱钩试点名单的公示", "甘民发〔2021〕7号"),
        Title("甘肃省民政厅关于省本级第三批行业协会脱钩试点名单的公示", ("甘肃省民政厅",)),
    ),
    "work-points": (lines("戊县2020年脱钩改革工作要点"), Title("戊县2020年脱钩改革工作要点", ())),
    "implementation-rules": (lines("关于行业协会商会脱钩后", "综合监管的实施细则"), Title("关于行业协会商会脱钩后综合监管的实施细则", ())),
    "bulletin": (lines("己市脱钩改革工作简报"), Title("己市脱钩改革工作简报", ())),
    "list-after-a-subject-is-a-title": (
        lines("关于己市第二批脱钩行业协会的名单"),
        Title("关于己市第二批脱钩行业协会的名单", ()),
    ),
    "summary-table-heading-alone-is-no-title": (lines("己市协会商会脱钩工作情况汇总表"), None),
    "nothing-after-body-begins": (lines("各有关单位：", "关于做好脱钩改革工作的通知"), None),
}


@pytest.mark.parametrize(("head", "expected"), CASES.values(), ids=CASES.keys())
def test_find_title(head: list[Line], expected: Title | None) -> None:
    assert find_title(head) == expected
