"""OCR'd line sizes settled to the body size of the whole document, so measuring noise does not split paragraphs.

The body size is the document's, not a page's or a range's: a page of a few
lines measures its own noise, and a scan read as page ranges on several
workers must give the blocks it gives read whole. This runs when the pages are
assembled, which may be in a process that never loads the OCR engine, hence
a module of its own without it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence

from readers.pdf_blocks import PageContent, body_style
from readers.pdf_text import Line

SIZE_SNAP = 0.2
"""OCR'd sizes within this share of the body size are the body size. Ink heights of one 16 pt body vary by about
±1.3 pt (a short last line `理。`, brackets reaching below), which would split paragraphs at the layout's 1 pt
tolerance; the Luoyang title (22 pt) measures 36 % above the body."""


def settle_sizes(pages: Sequence[PageContent]) -> list[PageContent]:
    """Pages whose line sizes near the body size are set to it, so measuring noise does not split paragraphs."""
    body = body_style([line for page in pages for line in page.lines]).size
    return [dataclasses.replace(page, lines=tuple(_settled(page.lines, body))) for page in pages]


def _settled(lines: Iterable[Line], body: float) -> Iterator[Line]:
    for line in lines:
        yield dataclasses.replace(line, size=body) if abs(line.size - body) <= SIZE_SNAP * body else line
