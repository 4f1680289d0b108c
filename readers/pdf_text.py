"""Printed lines of a PDF page, rebuilt from its glyphs on typed data.

pdfplumber's own text extraction guesses word spaces from gaps, which inserts
spaces that are not printed (`2020 年 10 月底前` for `2020年10月底前`). Here a space
is kept only where the PDF holds a space glyph, or where a gap is wide enough
to separate two Latin words or two runs of text on one line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

WORD_GAP_EM = 0.25
"""A gap between two Latin letters or digits at least this wide (in ems) is a word space."""

COLUMN_GAP_EM = 1.5
"""A gap at least this wide separates two runs of text on one line (`姓名：____   电话：____`)."""

FOOTER_BAND = 0.12
"""A bare page number counts as a footer only within this fraction of the page height from the bottom."""

_CID = re.compile(r"^\(cid:\d+\)$")
PAGE_NUMBER_DASHES = "—–－−‐‑‒―﹣-"
"""Dashes around a printed page number: em and en dash, the full-width hyphen, the minus sign and other dashes a
recogniser reads for them (`−11-`), and the ASCII hyphen (last, where a character class takes it literally)."""
_DECORATED_PAGE_NUMBER = re.compile(
    rf"^(?:[{PAGE_NUMBER_DASHES}]+\s*\d{{1,4}}\s*[{PAGE_NUMBER_DASHES}]+"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)$"
)
_BARE_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")


@dataclass(frozen=True)
class Glyph:
    """One printed character with its box; `font` is the family without the subset prefix."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Line:
    """One printed line: its text, box, dominant size and font, and 1-based page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    page: int


def font_family(fontname: str) -> str:
    """Drop the subset tag so `CAAAAA+FandolFang-Regular` and `GAAAAA+FandolFang-Regular` compare equal."""
    return _SUBSET_PREFIX.sub("", fontname)


def is_cid_garbage(text: str) -> bool:
    """True for glyphs pdfminer could not map to a character, printed as `(cid:123)`."""
    return bool(_CID.match(text))


def is_garbled(text: str) -> bool:
    """True for glyphs that carry no readable character: `(cid:123)`, U+FFFD, private-use or control code points.

    Fonts without a usable ToUnicode map give such glyphs; a page made of them is read by OCR.
    """
    return is_cid_garbage(text) or any(
        char == "\ufffd" or unicodedata.category(char) in ("Co", "Cc") and not char.isspace() for char in text
    )


def is_cjk(char: str) -> bool:
    """True for CJK ideographs and punctuation (`年`, `，`, `〔`), whose font tells a 黑体 heading from 仿宋 body."""
    return char >= "\u2e80"


def glyphs_to_lines(glyphs: Iterable[Glyph], page: int) -> list[Line]:
    """Group glyphs into lines top to bottom: a glyph whose middle lies within the current line's height joins it.

    Within a line a space is kept where the PDF holds a space glyph, or where a gap is as wide as
    `WORD_GAP_EM` between two Latin letters or digits or `COLUMN_GAP_EM` between any two glyphs
    (`2020年` stays unspaced); `pdf_lines` does the grouping on arrays.
    """
    from readers.pdf_lines import GlyphArrays, page_lines  # pdf_lines builds on this module's Glyph and Line

    return page_lines(GlyphArrays.of(glyphs), page)


def is_page_footer(line: Line, page_height: float) -> bool:
    """True for printed page numbers: `— 3 —`, `- 3 -`, `第3页 共18页`, or a bare `3` at the page bottom."""
    text = line.text.strip()
    if _DECORATED_PAGE_NUMBER.match(text):
        return True
    return bool(_BARE_PAGE_NUMBER.match(text)) and line.top >= page_height * (1 - FOOTER_BAND)


USABLE_SHARE = 0.5
"""A page has a usable text layer when at least this share of its inked glyphs map to real characters."""


def has_usable_text(usable: int, inked: int, marked: bool) -> bool:
    """Whether a page's text layer can be used: most inked glyphs readable, or nothing on the page at all.

    A scan (`marked` by an image, no glyphs) or a page of `(cid:N)` glyphs is not usable and goes to OCR.
    """
    return (usable > 0 and usable >= USABLE_SHARE * inked) or not marked
