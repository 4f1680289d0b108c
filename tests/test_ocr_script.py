"""One script per OCR'd page: characters read in the other script are converted into the page's own."""

from __future__ import annotations

import pytest

from readers.ocr_script import Script, in_page_script, page_script, script_alone


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        pytest.param("会", Script.SIMPLIFIED, id="simplified-form"),
        pytest.param("會", Script.TRADITIONAL, id="traditional-form"),
        pytest.param("钩", Script.SIMPLIFIED, id="simplified-only-in-gb2312"),
        pytest.param("的", None, id="in-both-sets"),
        pytest.param("乾", None, id="traditional-looking-but-in-gb2312"),
        pytest.param("a", None, id="ascii"),
        pytest.param("〔", None, id="punctuation"),
    ],
)
def test_script_alone(char: str, expected: Script | None) -> None:
    assert script_alone(char) is expected


def test_simplified_page_takes_back_traditional_misreadings() -> None:
    lines = ["宁夏電力行业协會", "宁夏包裝技术协会 实际脱钩", "原自治区经信委"]
    assert in_page_script(lines) == ["宁夏电力行业协会", "宁夏包装技术协会 实际脱钩", "原自治区经信委"]


def test_traditional_page_takes_back_simplified_misreadings() -> None:
    lines = ["長沙縣行業協會", "已脫钩"]
    assert in_page_script(lines) == ["長沙縣行業協會", "已脫鉤"]


def test_characters_of_both_sets_are_never_converted() -> None:
    """`乾县` and `於` are simplified text too: OpenCC's t2s would turn them into `干县` and `于`."""
    lines = ["乾县行业协會", "於2020年10月底前完成"]
    assert in_page_script(lines) == ["乾县行业协会", "於2020年10月底前完成"]


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(["协會", "協会"], id="tie"),
        pytest.param(["2020年10月", "(一)"], id="no-script-alone"),
        pytest.param([], id="empty-page"),
    ],
)
def test_page_without_a_clear_majority_is_left_as_read(lines: list[str]) -> None:
    assert page_script(lines) is None
    assert in_page_script(lines) == lines


def test_majority_needs_twice_the_other_script() -> None:
    assert page_script(["会会", "會"]) is Script.SIMPLIFIED
    assert page_script(["会会会", "會會"]) is None
