"""Headings, paragraphs and tables in reading order from the lines and table fragments of each page.

Official documents indent a paragraph's first line by two characters and end
it on a line that stops short of the right margin; titles are larger or
centred. These rules, measured against the page's own margins, group lines
into blocks, and a table that runs on at the top of the next page becomes one
table block.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from readers.model import Block, BlockKind, join_cell_lines
from readers.pdf_lines import GlyphArrays, page_lines
from readers.pdf_tables import Box, TableFragment, inside, same_columns, stitch
from readers.pdf_text import Glyph, Line, is_page_footer

SHORT_LINE_EM = 1.5
"""A line ending more than this many ems before the right margin ends its paragraph."""

INDENT_EM = 0.5
"""A line starting this many ems right of the previous line's start begins a new paragraph."""

LINE_GAP_EM = 1.5
"""A vertical gap wider than this many ems between two lines separates blocks."""

SIZE_TOLERANCE = 1.0
"""Font sizes (points) differing by more than this mark a change of block, e.g. title to body."""

CENTRE_TOLERANCE_EM = 1.0
"""A line whose middle is within this many ems of the text area's middle, and inset from both margins, is centred."""

ITEM_START = re.compile(r"^\s*(?:\d{1,3}(?:\s+|[、.．](?!\d))|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\S")
"""A line opening a numbered item (`1 某协会`, `2．`, `（三）`, `四、`) begins a new paragraph; `2020年` and `2.5` do not."""

MARGIN_QUANTILE = 0.1
"""Margins are read at this quantile of line starts and ends, so a few stray lines do not move them."""


@dataclass(frozen=True)
class PageContent:
    """What one page contributes: its text lines (footers removed) and its table fragments."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    tables: tuple[TableFragment, ...]


def page_content(
    number: int,
    width: float,
    height: float,
    glyphs: GlyphArrays | Sequence[Glyph],
    tables: Sequence[tuple[Box, TableFragment]],
) -> PageContent:
    """A page's content from its glyphs and tables: glyphs inside a table feed only the table, the rest
    become lines, and page numbers such as `— 3 —` are dropped."""
    if not isinstance(glyphs, GlyphArrays):
        glyphs = GlyphArrays.of(glyphs)
    if tables:
        glyphs = glyphs.take(~np.logical_or.reduce([inside(box, glyphs) for box, _ in tables]))
    lines = [line for line in page_lines(glyphs, number) if not is_page_footer(line, height)]
    return PageContent(number, width, height, tuple(lines), tuple(fragment for _, fragment in tables))


@dataclass(frozen=True)
class Layout:
    """The text area of pages of one size, between the left and right margins."""

    left: float
    right: float

    def is_full(self, line: Line) -> bool:
        """Whether a line runs across the text area to the right margin, so its paragraph goes on.

        A short line set flush right (a signature, its 成文日期) also ends at the margin but starts
        in the right half: it ends its block, so the next page's `附件` heading is not glued to the date.
        """
        return line.x1 >= self.right - SHORT_LINE_EM * line.size and line.x0 < (self.left + self.right) / 2

    def is_centred(self, line: Line) -> bool:
        """Whether a line is centred in the text area, like a title's second line `与行政机关脱钩改革工作的通知`."""
        inset = line.x0 - self.left >= line.size and self.right - line.x1 >= line.size
        middle = (line.x0 + line.x1) / 2
        return inset and abs(middle - (self.left + self.right) / 2) <= CENTRE_TOLERANCE_EM * line.size


@dataclass(frozen=True)
class BodyStyle:
    """Size and font of most of the document's text, against which headings stand out."""

    size: float
    font: str


def _quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[round(q * (len(ordered) - 1))]


def measure_layout(spans: Sequence[tuple[float, float]]) -> Layout:
    """Margins of pages of one size from where most of their lines and tables start and end.

    Tables count because form pages hold few lines, most of them short
    (`填报时间：____年__月__日`), while their tables run from margin to margin.
    """
    return Layout(
        left=_quantile([x0 for x0, _ in spans], MARGIN_QUANTILE),
        right=_quantile([x1 for _, x1 in spans], 1 - MARGIN_QUANTILE),
    )


def body_style(lines: Sequence[Line]) -> BodyStyle:
    """The size and font carrying most characters, e.g. 16 pt FandolFang for 仿宋 body text."""
    if not lines:
        return BodyStyle(size=0.0, font="")
    sizes: Counter[float] = Counter()
    fonts: Counter[str] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
        fonts[line.font] += len(line.text)
    return BodyStyle(size=sizes.most_common(1)[0][0], font=fonts.most_common(1)[0][0])


def continues(upper: Line, lower: Line, layout: Layout, same_page: bool) -> bool:
    """Whether `lower` carries on the block of `upper`: same size, close below, and not a new paragraph or title."""
    if abs(upper.size - lower.size) > SIZE_TOLERANCE:
        return False
    if same_page and lower.top - upper.bottom > LINE_GAP_EM * max(upper.size, lower.size):
        return False
    if layout.is_centred(lower):
        return layout.is_centred(upper) or layout.is_full(upper)
    if ITEM_START.match(lower.text):
        return False
    return layout.is_full(upper) and lower.x0 <= upper.x0 + INDENT_EM * upper.size


def is_heading(lines: Sequence[Line], layout: Layout, body: BodyStyle) -> bool:
    """Titles: larger than the body, centred, or one short line in another font (`一、改革总体目标` in 黑体)."""
    if lines[0].size >= body.size + SIZE_TOLERANCE:
        return True
    if all(layout.is_centred(line) for line in lines):
        return True
    return len(lines) == 1 and not layout.is_full(lines[0]) and lines[0].font != body.font


def _layouts(pages: Sequence[PageContent]) -> dict[int, Layout]:
    """The layout of each page with text, measured over all pages of its size (portrait text, landscape forms)."""
    by_size: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for page in pages:
        spans = by_size[round(page.width), round(page.height)]
        spans.extend((line.x0, line.x1) for line in page.lines)
        spans.extend((table.left, table.right) for table in page.tables)
    measured = {size: measure_layout(spans) for size, spans in by_size.items() if spans}
    return {p.number: measured[round(p.width), round(p.height)] for p in pages if p.lines}


def _joins(upper: Line | TableFragment, lower: Line | TableFragment, layouts: dict[int, Layout]) -> bool:
    """Whether an item carries on the group of the item printed just before it."""
    if isinstance(upper, Line) and isinstance(lower, Line):
        return continues(upper, lower, layouts[lower.page], upper.page == lower.page)
    if isinstance(upper, TableFragment) and isinstance(lower, TableFragment):
        return upper.page != lower.page and same_columns(upper, lower)
    return False


def _groups(pages: Sequence[PageContent], layouts: dict[int, Layout]) -> list[list[Line | TableFragment]]:
    """Items in reading order grouped into paragraphs and tables; a page's last item may run on to the next page."""
    groups: list[list[Line | TableFragment]] = []
    previous: Line | TableFragment | None = None
    for page in pages:
        items: list[Line | TableFragment] = sorted([*page.lines, *page.tables], key=lambda item: item.top)
        for position, item in enumerate(items):
            adjacent = previous is not None and (
                previous.page == item.page or (position == 0 and previous.page == item.page - 1)
            )
            if adjacent and _joins(previous, item, layouts):
                groups[-1].append(item)
            else:
                groups.append([item])
            previous = item
    return groups


def build_blocks(pages: Sequence[PageContent]) -> list[Block]:
    """All blocks in reading order; each page's lines and tables interleaved by vertical position."""
    layouts = _layouts(pages)
    body = body_style([line for page in pages for line in page.lines])
    blocks: list[Block] = []
    tables = 0
    for group in _groups(pages, layouts):
        if isinstance(group[0], TableFragment):
            fragments = [item for item in group if isinstance(item, TableFragment)]
            rows = list(fragments[0].rows)
            for fragment in fragments[1:]:
                rows = stitch(rows, fragment)
            blocks.append(Block(kind=BlockKind.TABLE, page=fragments[0].page, table=tables, rows=tuple(rows)))
            tables += 1
        else:
            lines = [item for item in group if isinstance(item, Line)]
            kind = BlockKind.HEADING if is_heading(lines, layouts[lines[0].page], body) else BlockKind.PARAGRAPH
            text = join_cell_lines("\n".join(line.text for line in lines))
            blocks.append(Block(kind=kind, text=text, page=lines[0].page))
    return blocks
