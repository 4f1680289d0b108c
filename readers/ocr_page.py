"""Scanned pages as the reader's lines and table fragments: OCR'd lines placed like the glyphs of a text page.

Each recognised line becomes one glyph in PDF points, upright, boxed by its ink
and sized by its ink height, so `glyphs_to_lines`, the footer test and the
paragraph rules of `pdf_blocks` work on a scan as on a text PDF; text inside a
ruled table goes to its cells instead.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium

from readers.ocr import SETTINGS, OcrBox, OcrError, OcrSettings, detect, recognise, render
from readers.ocr_image import POINTS_PER_INCH
from readers.ocr_script import in_page_script
from readers.ocr_tables import Upright, build_grids, cut_at_cells, find_rules, fragment
from readers.pdf_blocks import PageContent
from readers.pdf_tables import contains
from readers.pdf_text import Glyph, glyphs_to_lines, is_page_footer

log = logging.getLogger(f"tuogou.{__name__}")

OCR_FONT = "ocr"
"""The font name of every OCR'd line: the recogniser does not tell 仿宋 from 黑体."""

INK_PER_EM = 0.94
"""Ink height of a line of Chinese text per point of font size: on the Luoyang scan, set in 16 pt, 173 of the 253
recognised lines measure 15.0 pt of ink (body lines from 14.4 to 15.6), the 22 pt title 20.0 to 20.7."""

OPENING_PUNCTUATION = "（《〈“‘〔【「『［｛(["
CLOSING_PUNCTUATION = "），。、；：！？》〉”’〕】」』］｝)]"
"""Full-width punctuation inks only the half of its em box next to the text it marks, so a line's ink starts or ends
half an em inside the box a text PDF reports; a line opening with `（` would otherwise look indented. `(` and `[`
are included: the recogniser often returns them for a printed `（` or `〔` (a paragraph broke at `[2014]64号）`)."""


def read_scans(path: Path, numbers: Sequence[int], settings: OcrSettings = SETTINGS) -> dict[int, PageContent]:
    """The content of the given 1-based pages read by OCR; a page OCR fails on or finds no text on is left out.

    Line sizes are left as measured: `ocr_sizes.settle_sizes` settles them over all scanned pages of the document.
    """
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        log.debug("%s: not opened for OCR: %s", path.name, error)
        return {}
    pages: dict[int, PageContent] = {}
    try:
        for number in numbers:
            page = document[number - 1]
            try:
                content = read_page(page, number, settings)
            except OcrError as error:
                log.debug("%s: page %d not read: %s", path.name, number, error)
                continue
            finally:
                page.close()
            if content.lines or content.tables:
                pages[number] = content
    finally:
        document.close()
    return pages


def read_page(page: pdfium.PdfPage, number: int, settings: OcrSettings = SETTINGS) -> PageContent:
    """One page rendered once, its text read and its ruled tables rebuilt; text inside a table feeds only the table."""
    image = render(page, settings.dpi)
    rules = find_rules(image, settings.dpi)
    grids = build_grids(rules)
    scale = POINTS_PER_INCH / settings.dpi
    quads = [piece for quad in detect(image, settings) for piece in cut_at_cells(quad, grids, rules.upright, scale)]
    read = recognise(image, quads, settings)
    boxes = [replace(box, text=text) for box, text in zip(read, in_page_script([box.text for box in read]))]
    glyphs = [glyph for box in boxes if (glyph := to_glyph(box, rules.upright, scale)) is not None]
    tables = [fragment(grid, [g for g in glyphs if contains(grid.box, g)], number) for grid in grids]
    outside = [g for g in glyphs if not any(contains(grid.box, g) for grid in grids)]
    width, height = page.get_size()
    lines = [line for line in glyphs_to_lines(outside, number) if not is_page_footer(line, height)]
    return PageContent(number=number, width=width, height=height, lines=tuple(lines), tables=tuple(tables))


def to_glyph(box: OcrBox, upright: Upright, scale: float) -> Glyph | None:
    """A recognised line as one glyph in points on the upright page; None for specks read as bare punctuation.

    The text is left as read: `ocr_text.repair` runs on whole paragraphs once the lines are joined.
    """
    text = box.text.strip()
    if not any(char.isalnum() for char in text):
        return None
    (x0, y0), (x1, y1) = upright.apply(box.left), upright.apply(box.right)
    size = box.height * scale / INK_PER_EM
    middle = (y0 + y1) / 2 * scale
    left = x0 * scale - (size / 2 if text[0] in OPENING_PUNCTUATION else 0.0)
    right = x1 * scale + (size / 2 if text[-1] in CLOSING_PUNCTUATION else 0.0)
    return Glyph(
        text=text, x0=left, x1=right, top=middle - size / 2, bottom=middle + size / 2, size=size, font=OCR_FONT
    )
