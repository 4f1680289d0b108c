"""The document's own 发文字号 is a whole line in any bracket style; a number inside a sentence is a citation."""

from __future__ import annotations

import pytest

from extractors.doc_number import parse_doc_number

CASES = {
    "hexagonal-brackets": ("罗委〔2018〕84号", "罗委〔2018〕84号"),
    "lenticular-brackets": ("邵政办【2019】12号", "邵政办〔2019〕12号"),
    "square-brackets-and-spaces": ("湘民发[2020] 3 号", "湘民发〔2020〕3号"),
    "full-width-round-brackets-and-digits": ("豫政办（２０１７）１５号", "豫政办〔2017〕15号"),
    "half-width-round-brackets": ("洛政(2016)7号", "洛政〔2016〕7号"),
    "small-tortoise-shell-brackets": ("罗委﹝2018﹞84号", "罗委〔2018〕84号"),
    "mixed-brackets": ("罗委〔2018]84号", "罗委〔2018〕84号"),
    "closing-bracket-forgotten": ("罗委〔201884号", "罗委〔2018〕84号"),
    "spaced-as-a-pdf-prints-it": ("罗委 〔 20 18 〕 84 号", "罗委〔2018〕84号"),
    "known-prefix-without-brackets": ("湘政办发2018年84号", "湘政办发〔2018〕84号"),
    "signer-on-the-same-line": ("湘民发〔2020〕3号\u3000\u3000签发人：张三", "湘民发〔2020〕3号"),
    "citation-in-a-sentence": ("根据《关于深化脱钩改革的通知》（湘发改体改〔2019〕528号）要求，现通知如下。", None),
    "bracketed-citation-line": ("（湘发改体改〔2019〕528号）", None),
    "two-numbers-on-a-line": ("湘民发〔2020〕3号、湘民发〔2020〕4号", None),
    "plain-text": ("关于做好脱钩改革工作的通知", None),
}


@pytest.mark.parametrize(("line", "expected"), CASES.values(), ids=CASES.keys())
def test_parse_doc_number(line: str, expected: str | None) -> None:
    assert parse_doc_number(line) == expected
