"""A page's glyphs as columns of arrays, and its printed lines grouped on them in one pass.

A page holds a few hundred glyphs and a ruled roster a few hundred cells; one
Python object and a few attribute reads per glyph cost more than pdfium's own
reading of the page. Here the glyphs are columns (numpy arrays and one list of
texts), lines are grouped by one scan over the glyphs sorted by group, top and
left, and the spaces, boxes, sizes and fonts of every line are computed on the
arrays at once; only the lines (`Line`) or the cell texts are made as Python
objects. A group is a table cell, so every cell of a table is read in the same
pass. The rules are `pdf_text`'s: a glyph whose middle lies within the current
line's height joins it; a gap reads as a space between two Latin letters or digits
from `WORD_GAP_EM`, between any two glyphs from `COLUMN_GAP_EM`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from readers.pdf_text import COLUMN_GAP_EM, WORD_GAP_EM, Glyph, Line, is_cjk

_Floats = np.ndarray
"""A float64 array, one value per glyph."""

BLANK, LATIN_FIRST, LATIN_LAST, CJK = 1, 2, 4, 8
"""Bits of a glyph's `kinds`: a space glyph; its first, last character a Latin letter or digit; it opens with a
CJK character (`is_cjk`)."""


def kinds_of(text: str) -> int:
    """The kind bits of one glyph text: `年` is CJK, `2020` Latin at both ends, `" "` blank."""
    return (
        (0 if text.strip() else BLANK)
        | (LATIN_FIRST if _is_latin(text[:1]) else 0)
        | (LATIN_LAST if _is_latin(text[-1:]) else 0)
        | (CJK if text and is_cjk(text[0]) else 0)
    )


@dataclass(frozen=True)
class GlyphArrays:
    """Glyphs as columns: texts, boxes (x from the left edge, top down from the top edge), sizes, font indices
    into `fonts`, and kind bits."""

    text: np.ndarray  # object array of str
    x0: _Floats
    x1: _Floats
    top: _Floats
    bottom: _Floats
    size: _Floats
    font: np.ndarray
    kinds: np.ndarray
    fonts: tuple[str, ...]

    @classmethod
    def of(cls, glyphs: Iterable[Glyph]) -> GlyphArrays:
        """Columns of `Glyph` objects (pdfplumber's and OCR's glyphs, tests); kinds worked out once per text."""
        glyphs = list(glyphs)
        fonts: dict[str, int] = {}
        distinct: dict[str, int] = {}
        texts = [g.text for g in glyphs]
        which = [distinct.setdefault(text, len(distinct)) for text in texts]
        return cls(
            text_column(texts),
            np.array([g.x0 for g in glyphs], dtype=float),
            np.array([g.x1 for g in glyphs], dtype=float),
            np.array([g.top for g in glyphs], dtype=float),
            np.array([g.bottom for g in glyphs], dtype=float),
            np.array([g.size for g in glyphs], dtype=float),
            np.array([fonts.setdefault(g.font, len(fonts)) for g in glyphs], dtype=np.intp),
            np.array([kinds_of(text) for text in distinct], dtype=np.uint8)[which],
            tuple(fonts),
        )

    def extended(self, glyphs: Sequence[Glyph]) -> GlyphArrays:
        """These glyphs followed by a few more (the space glyphs pdfium's text page skipped)."""
        if not glyphs:
            return self
        more = GlyphArrays.of(glyphs)
        fonts = dict(zip(self.fonts, range(len(self.fonts))))
        renumbered = np.array([fonts.setdefault(font, len(fonts)) for font in more.fonts], dtype=np.intp)
        text, x0, x1, top, bottom, size, font, kinds = (
            np.concatenate([mine, theirs]) for mine, theirs in zip(self._columns(), more._columns())
        )
        font[len(self) :] = renumbered[more.font]
        return GlyphArrays(text, x0, x1, top, bottom, size, font, kinds, tuple(fonts))

    def take(self, index: np.ndarray) -> GlyphArrays:
        """The glyphs at these positions (or where a boolean mask is true), in that order."""
        return GlyphArrays(*(column[index] for column in self._columns()), self.fonts)

    def _columns(self) -> tuple[np.ndarray, ...]:
        return self.text, self.x0, self.x1, self.top, self.bottom, self.size, self.font, self.kinds

    def __len__(self) -> int:
        return len(self.x0)

    @property
    def centre_x(self) -> _Floats:
        return (self.x0 + self.x1) / 2

    @property
    def centre_y(self) -> _Floats:
        return (self.top + self.bottom) / 2


def text_column(texts: Sequence[str]) -> np.ndarray:
    """Texts as an object array, so a page's texts are taken by index like its other columns."""
    array = np.empty(len(texts), dtype=object)
    array[:] = texts
    return array


@dataclass(frozen=True)
class _Lines:
    """Lines grouped from glyphs: per line its group, text, box, dominant size and font index."""

    group: list[int]
    text: list[str]
    x0: list[float]
    x1: list[float]
    top: list[float]
    bottom: list[float]
    size: list[float]
    font: list[int]


def page_lines(glyphs: GlyphArrays, page: int) -> list[Line]:
    """The printed lines of a page's glyphs, top to bottom; a line of space glyphs only is no line."""
    found = _group_lines(glyphs, np.zeros(len(glyphs), dtype=np.intp))
    fonts = glyphs.fonts
    return [
        Line(text, x0, x1, top, bottom, size, fonts[font], page)
        for text, x0, x1, top, bottom, size, font in zip(
            found.text, found.x0, found.x1, found.top, found.bottom, found.size, found.font
        )
    ]


def group_texts(glyphs: GlyphArrays, groups: np.ndarray, count: int) -> list[str]:
    """The text of each of `count` groups (table cells), one `\\n` per printed line: `宁夏回族自治区电力行\\n业协会`."""
    found = _group_lines(glyphs, groups)
    texts = [""] * count
    for group, text in zip(found.group, found.text):
        texts[group] = f"{texts[group]}\n{text}" if texts[group] else text
    return texts


def _group_lines(glyphs: GlyphArrays, groups: np.ndarray) -> _Lines:
    """Lines of each group: glyphs sorted by group, top and left (ties in reading order) join a line while
    their middle lies above the line's lowest bottom so far; within a line they read left to right."""
    count = len(glyphs)
    if not count:
        return _Lines([], [], [], [], [], [], [], [])
    order = np.lexsort((np.arange(count), glyphs.x0, glyphs.top, groups))
    line_of = _line_numbers(groups[order], glyphs.centre_y[order], glyphs.bottom[order])
    order = order[np.lexsort((np.arange(count), glyphs.x0[order], line_of))]
    return _assemble(glyphs, order, groups[order], np.sort(line_of))


def _line_numbers(groups: np.ndarray, middles: _Floats, bottoms: _Floats) -> np.ndarray:
    """The line of each glyph (sorted by group, top, left): a new line starts where a glyph's middle lies below
    the current line's lowest bottom, or a new group starts. The scan is sequential, so it runs on plain lists."""
    numbers = [0] * len(middles)
    line = 0
    current_bottom = 0.0
    previous_group = None
    for index, (group, middle, bottom) in enumerate(zip(groups.tolist(), middles.tolist(), bottoms.tolist())):
        if group == previous_group and middle <= current_bottom:
            if bottom > current_bottom:  # noqa: PLR1730 - cheaper than max() once a glyph
                current_bottom = bottom
        else:
            line += 1
            current_bottom = bottom
            previous_group = group
        numbers[index] = line
    return np.array(numbers, dtype=np.intp)


def _assemble(glyphs: GlyphArrays, order: np.ndarray, groups: np.ndarray, line_of: np.ndarray) -> _Lines:
    """Text, box, size and font of each line; `order` lists the glyphs by line, then left to right."""
    blank = (glyphs.kinds[order] & BLANK) > 0
    inked = np.flatnonzero(~blank)
    if not len(inked):
        return _Lines([], [], [], [], [], [], [], [])
    chosen = order[inked]
    lines = line_of[inked]
    heads = np.empty(len(inked), dtype=bool)
    heads[0] = True
    heads[1:] = lines[1:] != lines[:-1]
    starts = np.flatnonzero(heads)
    ends = np.append(starts[1:], len(inked))
    spaced = _spaced(glyphs, chosen, np.cumsum(blank)[inked], heads)
    return _Lines(
        group=groups[inked][starts].tolist(),
        text=_line_texts(glyphs.text[chosen], spaced, starts, ends),
        x0=np.minimum.reduceat(glyphs.x0[chosen], starts).tolist(),
        x1=np.maximum.reduceat(glyphs.x1[chosen], starts).tolist(),
        top=np.minimum.reduceat(glyphs.top[chosen], starts).tolist(),
        bottom=np.maximum.reduceat(glyphs.bottom[chosen], starts).tolist(),
        size=_sizes(np.round(glyphs.size[chosen] * 2) / 2, starts, ends),
        font=_fonts(glyphs.font[chosen], (glyphs.kinds[chosen] & CJK) > 0, starts, ends),
    )


def _spaced(glyphs: GlyphArrays, chosen: np.ndarray, blanks_before: np.ndarray, heads: np.ndarray) -> np.ndarray:
    """Whether a space goes before each inked glyph: a space glyph since the previous inked one, or a gap
    between two Latin words or two runs of text (`姓名：____   电话：____`); never before a line's first glyph."""
    previous, current = chosen[:-1], chosen[1:]
    gap = glyphs.x0[current] - glyphs.x1[previous]
    size = np.maximum(glyphs.size[current], glyphs.size[previous])
    latin = ((glyphs.kinds[previous] & LATIN_LAST) > 0) & ((glyphs.kinds[current] & LATIN_FIRST) > 0)
    needs = (gap >= COLUMN_GAP_EM * size) | (latin & (gap >= WORD_GAP_EM * size))
    spaced = np.zeros(len(chosen), dtype=bool)
    spaced[1:] = ((blanks_before[1:] > blanks_before[:-1]) | needs) & ~heads[1:]
    return spaced


_LINE_BREAK = "\x1f"
"""Joins all lines' texts into one string to split again: a control character, which no kept glyph holds."""


def _line_texts(pieces: np.ndarray, spaced: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[str]:
    """Each line's text, its glyphs' texts joined with the spaces decided; one join for the whole page."""
    pieces[spaced] = " " + pieces[spaced]
    plain = pieces.tolist()
    pieces[starts[1:]] = _LINE_BREAK + pieces[starts[1:]]
    texts = "".join(pieces.tolist()).split(_LINE_BREAK)
    if len(texts) == len(starts):
        return texts
    return ["".join(plain[start:end]) for start, end in zip(starts.tolist(), ends.tolist())]


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _sizes(sizes: _Floats, starts: np.ndarray, ends: np.ndarray) -> list[float]:
    """Each line's most common size (to the half point), the first seen on a tie (as `Counter.most_common`)."""
    single = np.minimum.reduceat(sizes, starts) == np.maximum.reduceat(sizes, starts)
    return [
        first if alone else Counter(sizes[start:end].tolist()).most_common(1)[0][0]
        for first, alone, start, end in zip(sizes[starts].tolist(), single.tolist(), starts.tolist(), ends.tolist())
    ]


def _fonts(fonts: np.ndarray, cjk: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[int]:
    """Each line's most common font of its CJK glyphs (of all its glyphs if it has none), which tells a 黑体
    heading from 仿宋 body where digits and Latin letters come from another font."""
    single = np.minimum.reduceat(fonts, starts) == np.maximum.reduceat(fonts, starts)
    found = fonts[starts].tolist()
    for line in np.flatnonzero(~single).tolist():
        start, end = int(starts[line]), int(ends[line])
        counted = fonts[start:end][cjk[start:end]] if cjk[start:end].any() else fonts[start:end]
        found[line] = Counter(counted.tolist()).most_common(1)[0][0]
    return found
