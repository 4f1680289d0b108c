"""发文字号 in running text, normalised so that every printing of one number compares equal.

Example: `根据中办发[2015] 39号` holds `中办发〔2015〕39号` (prefix `中办发`); `（宁发改体改（2019）528号）`
holds `宁发改体改〔2019〕528号`. Brackets of any style, mixed (`〔2018]`) or one of them forgotten
(`甲发〔20185号`: year 2018, number 5) become 〔〕; white space goes, also inside a year a PDF broke
over two lines (`〔20 18〕`); digits turn half-width.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from normalizers.citation_vocabulary import prefix_issuer
from normalizers.vocabulary import read_table

MAX_PREFIX_CHARS = 10
"""Longest 发文机关代字 looked for before the year (`中央编办发`, `宁发改体改` are five)."""

YEAR_DIGITS = 4
MAX_SERIAL_DIGITS = 5
"""A serial of more digits is no 发文字号 but some other figure."""

OPENING = "〔﹝[［【〖（(｛{〈<＜《"
CLOSING = "〕﹞]］】〗）)｝}〉>＞》"
"""Brackets printed around the year, look-alikes included; an opening and a closing of different pairs
(`〔2018]`, a typist's or an OCR engine's mix) still enclose a year."""

YEAR_WORD = "年"
"""Stands where the brackets belong in `国办发2015年39号`, accepted only after a known prefix."""

_DIGITS = r"[0-9０-９](?:\s*[0-9０-９])*"
_AFTER_PREFIX = re.compile(
    rf"(?<=[\u4e00-\u9fff])(?<!号)\s*(?P<open>[{re.escape(OPENING)}])?\s*(?P<year>{_DIGITS})\s*"
    rf"(?P<close>[{re.escape(CLOSING)}]|{YEAR_WORD})?\s*(?P<nth>第)?\s*(?P<serial>{_DIGITS})?\s*号"
)
"""What follows a prefix: a year in any bracket, a serial and 号, with white space anywhere between them;
which brackets may be missing `_parts` decides. Matched first, the prefix read back from it, for speed."""

_OPEN_NUMBER = re.compile(
    rf"(?<=[\u4e00-\u9fff])(?<!号)\s*[{re.escape(OPENING)}]\s*(?:{_DIGITS})?\s*"
    rf"(?:[{re.escape(CLOSING)}]\s*(?:{_DIGITS})?\s*)?$"
)
"""A number begun after its prefix and not yet closed by 号 at the end of a text: `（赣办字〔2019〕3`."""

_PREFIX = re.compile(rf"(?:(?!号)[\u4e00-\u9fff]){{1,{MAX_PREFIX_CHARS}}}$")
"""Up to ten Chinese characters other than 号 before the year, so `39号和国办发` opens a new prefix."""

_YEAR = re.compile(r"(?:19[5-9]|20[0-9])[0-9]")
_SPACE = re.compile(r"\s+")
_SPACED_DIGITS = re.compile(r"[0-9]\s+[0-9]")
"""Year and serial apart by a space where a font left the brackets out: `国办发2015 39号`."""


@dataclass(frozen=True)
class DocumentNumber:
    """A number found in a text: normalised, its prefix, and where it stands (`start` is where the prefix begins)."""

    text: str
    prefix: str
    start: int
    end: int


@cache
def _lead_words() -> tuple[str, ...]:
    """Words that run into a prefix in unpunctuated text (`按照洛政办〔2015〕58号`), longest first."""
    return tuple(sorted((row["word"] for row in read_table("citation_lead_words.csv")), key=len, reverse=True))


def find_numbers(text: str) -> list[DocumentNumber]:
    """Every 发文字号 in the text, left to right: `（中办发〔2015〕39号，以下简称…）` → [中办发〔2015〕39号]."""
    numbers: list[DocumentNumber] = []
    for match in _AFTER_PREFIX.finditer(text):
        floor = numbers[-1].end if numbers else 0
        run = _PREFIX.search(text, max(floor, match.start() - MAX_PREFIX_CHARS), match.start())
        prefix = _trim_prefix(run[0]) if run else ""
        parts = _parts(match, prefix)
        if parts is None:
            continue
        year, serial = parts
        start = match.start() - len(prefix)
        numbers.append(DocumentNumber(f"{prefix}〔{year}〕{serial}号", prefix, start, match.end()))
    return numbers


def open_number_start(text: str) -> int | None:
    """Where a 发文字号 left open at the end of a text continues after its prefix, else None.

    A PDF may break one number over three lines (`…（赣办字` / `〔2019〕3` / `1号）…`), so the lines
    joined so far end in a number still waiting for its serial or its 号: `…（赣办字〔2019〕3` → the
    place of `〔`, the prefix standing before it.
    """
    match = _OPEN_NUMBER.search(text)
    return match.start() if match else None


def _parts(match: re.Match[str], prefix: str) -> tuple[str, str] | None:
    """Year and serial of a match, or None when it is no 发文字号.

    With a closing bracket the year is what it encloses (`〔2015〕39号`); without one the first four
    digits are the year and the rest the serial (`〔20185号` → 2018, 5). With no bracket at all
    (`国办发2015年39号`, `国办发2015 39号`, brackets a font left out) the prefix must be a known one,
    and `2015年第39号` is left alone: it numbers a 公告 or 令 by year, not a 发文字号.
    """
    if not prefix:
        return None
    year = _half_width(match["year"])
    serial = _half_width(match["serial"] or "")
    bracketed = match["open"] is not None or (match["close"] not in (None, YEAR_WORD))
    if match["close"] is None:
        if not bracketed and not _SPACED_DIGITS.search(unicodedata.normalize("NFKC", match["year"])):
            return None
        year, serial = (year + serial)[:YEAR_DIGITS], (year + serial)[YEAR_DIGITS:]
    if not bracketed and (prefix_issuer(prefix) is None or match["nth"]):
        return None
    valid = _YEAR.fullmatch(year) and 0 < len(serial) <= MAX_SERIAL_DIGITS
    return (year, serial) if valid else None


def _half_width(digits: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", digits))


def _trim_prefix(run: str) -> str:
    """The prefix at the end of a run of characters, the words leading into it cut off: `认真学习中办发` → `中办发`.

    The run is cut after the last lead word in it, never at an unknown word, so a city's `汴发改`
    stays whole rather than becoming the national `发改`.
    """
    cut = 0
    for word in _lead_words():
        at = run.rfind(word)
        if at >= 0 and at + len(word) < len(run):
            cut = max(cut, at + len(word))
    return run[cut:]
