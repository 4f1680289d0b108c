"""发文字号 in running text, normalised so that every printing of one number compares equal.

Example: `根据中办发[2015] 39号` holds `中办发〔2015〕39号` (prefix `中办发`); `（宁发改体改（2019）528号）`
holds `宁发改体改〔2019〕528号`. Brackets of any style become 〔〕, white space goes, digits turn half-width.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_PREFIX_CHARS = 10
"""Longest 发文机关代字 looked for before the year (`中央编办发`, `宁发改体改` are five)."""

LEAD_VERBS = ("根据", "按照", "依据", "依照", "遵照", "参照", "对照", "贯彻", "落实", "执行", "转发", "印发")
LEAD_LINKS = ("结合", "的", "和", "及", "与", "或", "暨", "见", "即")
LEAD_WORDS = LEAD_VERBS + LEAD_LINKS
"""Words that run into a prefix in unpunctuated text (`按照洛政办〔2015〕58号`, `39号和国办发…`) and are cut off."""

_NUMBER = re.compile(
    rf"(?P<prefix>(?:(?!号)[\u4e00-\u9fff]){{1,{MAX_PREFIX_CHARS}}})\s*"
    r"[〔\[［（(【]\s*(?P<year>[0-9０-９]{4})\s*[〕\]］）)】]\s*(?P<serial>[0-9０-９]+)\s*号"
)
"""Up to ten Chinese characters other than 号 (so `39号和国办发` opens a new prefix), a four-digit year in
any bracket, a serial and 号, with white space anywhere between them."""


@dataclass(frozen=True)
class DocumentNumber:
    """A number found in a text: normalised, its prefix, and where it stands (`start` is where the prefix begins)."""

    text: str
    prefix: str
    start: int
    end: int


def find_numbers(text: str) -> list[DocumentNumber]:
    """Every 发文字号 in the text, left to right: `（中办发〔2015〕39号，以下简称…）` → [中办发〔2015〕39号]."""
    numbers = []
    for match in _NUMBER.finditer(text):
        prefix = _trim_prefix(match["prefix"])
        year = unicodedata.normalize("NFKC", match["year"])
        serial = unicodedata.normalize("NFKC", match["serial"])
        start = match.start("prefix") + len(match["prefix"]) - len(prefix)
        numbers.append(DocumentNumber(f"{prefix}〔{year}〕{serial}号", prefix, start, match.end()))
    return numbers


def _trim_prefix(run: str) -> str:
    """The prefix at the end of a run of characters, the words leading into it cut off: `根据中办发` → `中办发`.

    Only lead words are cut, never an unknown opening, so a city's `汴发改` stays whole rather than
    becoming the national `发改`.
    """
    stripped = True
    while stripped:
        stripped = False
        for word in LEAD_WORDS:
            if run.startswith(word) and len(run) > len(word):
                run, stripped = run[len(word) :], True
    return run
