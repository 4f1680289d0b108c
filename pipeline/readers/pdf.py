"""PDF reader: text lines and ruled tables of each page, via pdfplumber, into the document model.

Each page is read once: its glyphs, its tables (found once), then closed to
keep memory flat. Glyphs inside a table feed only the table; the rest become
lines, with page numbers such as `— 3 —` dropped. Pages without a usable text
layer (scans, or mostly `(cid:N)` or garbled glyphs) are read by OCR instead
(`pipeline.readers.ocr_page`, loaded only when such a page comes, as it pulls in
the OCR engine) and their paragraphs and cells get OCR's repairs (`ocr_text`);
pages OCR fails on or finds no text on are counted in a `no_text_layer` warning.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.model import Document, ReadError, TableRow
from pipeline.readers.ocr_text import repair_blocks
from pipeline.readers.pdf_blocks import PageContent, build_blocks
from pipeline.readers.pdf_tables import TableFragment, contains, read_grid
from pipeline.readers.pdf_text import Glyph, font_family, glyphs_to_lines, is_garbled, is_page_footer

NO_TEXT_LAYER = "no_text_layer"

USABLE_SHARE = 0.5
"""A page has a usable text layer when at least this share of its inked glyphs map to real characters."""


def read(path: Path) -> Document:
    """Read a PDF into blocks; an encrypted or damaged file raises ReadError naming the cause."""
    try:
        with pdfplumber.open(path) as pdf:
            pages: list[PageContent] = []
            textless: list[int] = []
            for number, page in enumerate(pdf.pages, start=1):
                try:
                    content, has_text = _read_page(page, number)
                finally:
                    page.close()
                pages.append(content)
                if not has_text:
                    textless.append(number)
    except (PdfminerException, PDFException, PSException) as error:
        raise ReadError(_describe(error)) from error
    scans = _read_scans(path, textless) if textless else {}
    blocks = build_blocks([scans.get(page.number, page) for page in pages])
    document = Document(source_format="pdf", blocks=repair_blocks(blocks, scans), pages=len(pages), ocr=bool(scans))
    if unread := len(textless) - len(scans):
        document.warnings.append(f"{NO_TEXT_LAYER}: {unread} of {len(pages)} pages")
    return document


def _read_scans(path: Path, numbers: list[int]) -> dict[int, PageContent]:
    """The given pages read by OCR; the engine is imported here so text PDFs never load it."""
    from pipeline.readers.ocr_page import read_scans

    return read_scans(path, numbers)


def _describe(error: Exception) -> str:
    """One line naming why pdfminer gave up: a password, or a damaged file (`Unexpected EOF`)."""
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return "encrypted PDF: a password is needed to open it"
    detail = " ".join(str(cause).split()) or type(cause).__name__
    return f"corrupt PDF: {detail}"


def _read_page(page: Page, number: int) -> tuple[PageContent, bool]:
    """A page's lines and table fragments, and whether it has a usable text layer (a blank page counts as one)."""
    raw = page.chars
    glyphs = [_glyph(char) for char in raw if not is_garbled(char["text"])]
    inked = sum(1 for char in raw if char["text"].strip())
    usable = sum(1 for g in glyphs if not g.is_blank)
    has_text = (usable > 0 and usable >= USABLE_SHARE * inked) or not (raw or page.images)
    found = page.find_tables() if glyphs else []
    tables = [_fragment(table, glyphs, number) for table in found]
    outside = [g for g in glyphs if not any(contains(table.bbox, g) for table in found)]
    lines = [line for line in glyphs_to_lines(outside, number) if not is_page_footer(line, float(page.height))]
    content = PageContent(
        number=number, width=float(page.width), height=float(page.height), lines=tuple(lines), tables=tuple(tables)
    )
    return content, has_text


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
    grid = read_grid(table.cells, xs, ys, glyphs, number)
    rows = tuple(TableRow(cells=cells, page=number) for cells in grid)
    return TableFragment(page=number, top=table.bbox[1], bottom=table.bbox[3], columns=tuple(xs), rows=rows)
