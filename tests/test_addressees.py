"""The recipients' lines (主送, 抄送) are left out of the text the locality is read from."""

from __future__ import annotations

import pytest

from extractors.addressees import without_recipients
from extractors.lines import Line

CASES = {
    "one-line-of-recipients": (["各市、州、县人民政府，省政府各部门：", "现将有关事项通知如下。"], ["现将有关事项通知如下。"]),
    "list-wrapped-after-a-comma": (["芙蓉区、天心区人民政府，", "市直各单位：", "现将有关事项通知如下。"], ["现将有关事项通知如下。"]),
    "list-wrapped-mid-name": (["各市、州人民政府，省直有关", "单位：", "现将有关事项通知如下。"], ["现将有关事项通知如下。"]),
    "qualifier-after-the-last-recipient": (["各县（市、区）：", "正文。"], ["正文。"]),
    "first-sentence-run-on": (["各有关单位：根据《株洲市脱钩方案》，现通知如下。"], ["根据《株洲市脱钩方案》，现通知如下。"]),
    "copy-to-line": (["抄送：长沙市、株洲市人民政府。", "株洲市民政局办公室 2020年3月2日印发"], ["株洲市民政局办公室 2020年3月2日印发"]),
    "sentence-ending-in-a-colon-stays": (["根据《株洲市脱钩方案》，现将有关事项通知如下："], ["根据《株洲市脱钩方案》，现将有关事项通知如下："]),
    "task-of-one-body-stays": (["长沙市民政局：负责统筹协调。"], ["长沙市民政局：负责统筹协调。"]),
    "numbered-task-stays": (["（一）长沙市民政局："], ["（一）长沙市民政局："]),
    "single-recipient-line": (["株洲市民政局：", "你局报来的名单收悉。"], ["你局报来的名单收悉。"]),
    "labels-of-other-fields-stay": (["联系人：张三", "附件：脱钩名单"], ["联系人：张三", "附件：脱钩名单"]),
}


@pytest.mark.parametrize(("printed", "kept"), CASES.values(), ids=CASES.keys())
def test_without_recipients(printed: list[str], kept: list[str]) -> None:
    assert without_recipients([Line(text, index) for index, text in enumerate(printed)]) == kept
