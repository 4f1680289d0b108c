"""pdfplumber's reading of a page, kept for what the fast pdfium path does not handle.

pdfminer turns pages that carry a `/Rotate` entry before reading them; the pdfium
path reads pages as stored. This module also stands as the reference the pdfium
path is checked against, page by page, in the parity tests.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pdfplumber.page import Page
from pdfplumber.table import Table

from readers.pdf_blocks import PageContent, page_content
from readers.pdf_tables import TableFragment, ruled_fragment
from readers.pdf_text import Glyph, font_family, has_usable_text, is_garbled


def read_pages(path: Path, numbers: list[int]) -> dict[int, tuple[PageContent, bool]]:
    """The given 1-based pages of a PDF, each with whether it has a usable text layer."""
    found: dict[int, tuple[PageContent, bool]] = {}
    with pdfplumber.open(path, pages=numbers) as pdf:
        for page in pdf.pages:
            try:
                found[page.page_number] = read_page(page, page.page_number)
            finally:
                page.close()
    return found


def read_page(page: Page, number: int) -> tuple[PageContent, bool]:
    """A page's lines and table fragments, and whether it has a usable text layer (a blank page counts as one)."""
    raw = page.chars
    glyphs = [_glyph(char) for char in raw if not is_garbled(char["text"])]
    inked = sum(1 for char in raw if char["text"].strip())
    usable = sum(1 for g in glyphs if not g.is_blank)
    has_text = has_usable_text(usable, inked, bool(raw or page.images))
    found = page.find_tables() if glyphs else []
    tables = [(table.bbox, _fragment(table, glyphs, number)) for table in found]
    return page_content(number, float(page.width), float(page.height), glyphs, tables), has_text


def _glyph(char: dict) -> Glyph:
    return Glyph(
        text=char["text"],
        x0=float(char["x0"]),
        x1=float(char["x1"]),
        top=float(char["top"]),
        bottom=float(char["bottom"]),
        size=float(char["size"]),
        font=font_family(char.get("fontname", "")),
    )


def _fragment(table: Table, glyphs: list[Glyph], number: int) -> TableFragment:
    """One page's part of a ruled table, its cell text read from the glyphs inside each cell."""
    xs = [column.bbox[0] for column in table.columns] + [table.bbox[2]]
    ys = [row.bbox[1] for row in table.rows] + [table.bbox[3]]
    return ruled_fragment(table.cells, xs, ys, glyphs, number)
