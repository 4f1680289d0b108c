"""PDF reader: text lines and ruled tables of each page into the document model.

Pages are read with pypdfium2 (`pdf_pdfium`: characters, their boxes and the
ruling lines, about six times faster than pdfplumber with the same result, as
the parity tests check page by page); pages with a `/Rotate` entry go through
pdfplumber (`pdf_plumber`), which turns them first. Each page is read once and
closed to keep memory flat. Pages without a usable text layer (scans, or mostly
`(cid:N)` or garbled glyphs) are read by OCR instead (`ocr_page`, loaded only
when such a page comes, as it pulls in the OCR engine) and their paragraphs and
cells get OCR's repairs (`ocr_text`); pages OCR fails on or finds no text on are
counted in a `no_text_layer` warning.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2

from readers import limits
from readers.model import Document, ReadError
from readers.ocr_text import repair_blocks
from readers.pdf_blocks import PageContent, build_blocks
from readers.pdf_pdfium import is_upright, read_page

NO_TEXT_LAYER = "no_text_layer"
PASSWORD_ERROR = "password"


def read(path: Path) -> Document:
    """Read a PDF into blocks; an encrypted or damaged file raises ReadError naming the cause."""
    pages = _read_pages(path)
    textless = [number for number, (_, has_text) in pages.items() if not has_text]
    scans = _read_scans(path, textless) if textless else {}
    blocks = build_blocks([scans.get(number, content) for number, (content, _) in sorted(pages.items())])
    document = Document(source_format="pdf", blocks=repair_blocks(blocks, scans), pages=len(pages), ocr=bool(scans))
    if unread := len(textless) - len(scans):
        document.warnings.append(f"{NO_TEXT_LAYER}: {unread} of {len(pages)} pages")
    return document


def _read_pages(path: Path) -> dict[int, tuple[PageContent, bool]]:
    """Every page by number with whether it has a usable text layer: upright pages by pdfium, the rest by pdfplumber."""
    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        raise ReadError(_describe(error)) from error
    pages: dict[int, tuple[PageContent, bool]] = {}
    rotated: list[int] = []
    try:
        limits.check_pages(len(pdf), limits.active())
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                if is_upright(page):
                    pages[index + 1] = read_page(page, index + 1)
                else:
                    rotated.append(index + 1)
            finally:
                page.close()
    finally:
        pdf.close()
    if rotated:
        from readers.pdf_plumber import read_pages  # only rotated pages pay for pdfminer

        pages.update(read_pages(path, rotated))
    return pages


def _read_scans(path: Path, numbers: list[int]) -> dict[int, PageContent]:
    """The given pages read by OCR; the engine is imported here so text PDFs never load it."""
    from readers.ocr_page import read_scans

    return read_scans(path, numbers)


def _describe(error: pypdfium2.PdfiumError) -> str:
    """One line naming why pdfium gave up: a password, or a damaged file (`Data format error`)."""
    detail = " ".join(str(error).split())
    if PASSWORD_ERROR in detail.lower():
        return "encrypted PDF: a password is needed to open it"
    return f"corrupt PDF: {detail}"
