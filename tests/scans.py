"""Long scanned PDFs for tests: each page one short numbered line (`12、行业协会商会`) as an image, no text.

A scan of many pages is what reading a PDF in page ranges is for, and OCR of a
page holding one line takes a fraction of a dense page's time, so such a scan
can be read several times in a test. No CJK font is needed on the machine:
the characters are cut from a 200-dpi rendering of a corpus text PDF (the
Hedong notice's 16 pt body), each in a band around its baseline as wide as its
advance, and set side by side as a printed line is. The number opens an item,
so each page's line is a paragraph of its own, on its page.
"""

from __future__ import annotations

import ctypes
from collections.abc import Collection
from functools import cache
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

GLYPH_SOURCE = Path(__file__).parent.parent / "data" / "raw" / "hedong-fgw-2019.pdf"
GLYPH_SIZE = 16.0
"""Points: the body size of the source, whose characters include every digit, 、 and 行业协会商会."""
DPI = 200
PAPER = 255
PAGE_POINTS = (595.3, 841.9)
"""A4, where the line is printed at the left margin near the top."""
MARGIN_POINTS = (90.0, 100.0)
ENLARGED = 18 / 16
"""How much larger an enlarged page prints its line: 18 pt against the 16 pt of the others."""
BAND_EMS = (0.9, 0.25)
"""The band cut around each character: this share of the size above the baseline, and below it."""


def line_text(number: int) -> str:
    """The line printed on a page: its number in the text, so page order shows in the document read."""
    return f"{number}、行业协会商会"


def scanned_pdf(target: Path, pages: int, enlarged: Collection[int] = ()) -> Path:
    """An image-only PDF of `pages` A4 pages at DPI, page N printing `line_text(N)`.

    Pages in `enlarged` print their line `ENLARGED` times larger: a run of them is a range whose own body size
    is theirs, while over the whole document their size is within `ocr_sizes.SIZE_SNAP` of the body's.
    """
    images = [_page_image(line_text(number), ENLARGED if number in enlarged else 1.0) for number in range(1, pages + 1)]
    images[0].save(target, save_all=True, append_images=images[1:], resolution=DPI)
    return target


def _page_image(text: str, scale: float) -> Image.Image:
    dots = DPI / 72
    page = np.full((round(PAGE_POINTS[1] * dots), round(PAGE_POINTS[0] * dots)), PAPER, np.uint8)
    x, y = (round(points * dots) for points in MARGIN_POINTS)
    for char in text:
        glyph = _glyph(char, scale)
        page[y : y + glyph.shape[0], x : x + glyph.shape[1]] = glyph
        x += glyph.shape[1]
    return Image.fromarray(page)


def _glyph(char: str, scale: float) -> np.ndarray:
    glyph = _glyphs()[char]
    if scale == 1.0:
        return glyph
    height, width = glyph.shape
    return np.asarray(Image.fromarray(glyph).resize((round(width * scale), round(height * scale)), Image.BICUBIC))


@cache
def _glyphs() -> dict[str, np.ndarray]:
    """Each character of the source's body text, first occurrence, as pixels of a band around its baseline."""
    scale = DPI / 72
    above, below = (ems * GLYPH_SIZE for ems in BAND_EMS)
    glyphs: dict[str, np.ndarray] = {}
    document = pdfium.PdfDocument(GLYPH_SOURCE)
    try:
        for page in document:
            height = page.get_height()
            image = np.asarray(page.render(scale=scale, grayscale=True).to_pil().convert("L"))
            text = page.get_textpage()
            for index in range(text.count_chars()):
                char = chr(pdfium_c.FPDFText_GetUnicode(text, index))
                if char in glyphs or round(pdfium_c.FPDFText_GetFontSize(text, index), 1) != GLYPH_SIZE:
                    continue
                left, _, right, _ = text.get_charbox(index, loose=True)
                x, baseline = ctypes.c_double(), ctypes.c_double()
                pdfium_c.FPDFText_GetCharOrigin(text, index, x, baseline)
                line = height - baseline.value
                top, bottom = round((line - above) * scale), round((line + below) * scale)
                glyphs[char] = image[top:bottom, round(left * scale) : round(right * scale)].copy()
    finally:
        document.close()
    return glyphs
