"""PDF reader: text lines and ruled tables of each page into the document model.

Pages are read with pypdfium2 (`pdf_pdfium`: characters, their boxes and the
ruling lines, about six times faster than pdfplumber with the same result, as
the parity tests check page by page); pages with a `/Rotate` entry go through
pdfplumber (`pdf_plumber`), which turns them first. Each page is read once and
closed to keep memory flat. Pages without a usable text layer (scans, or mostly
`(cid:N)` or garbled glyphs) are read by OCR instead (`ocr_page`, loaded only
when such a page comes, as it pulls in the OCR engine) and their paragraphs and
cells get OCR's repairs (`ocr_text`); pages OCR fails on or finds no text on are
counted in a `no_text_layer` warning. A page pdfium cannot load (a damaged page
object) is left out with an `unreadable_page` warning; only a file none of whose
pages loads fails.

Speed, as `make bench` measures it (`read_stage_rate`: this function and
pypdfium2's raw text extraction over the bench corpus's 170 PDFs and 3,400
pages, file by file in turn in one process): with one `Glyph` object and five
pdfium calls a character and pdfplumber's cell search on every table, the
stage ran at 0.174 of pypdfium2's raw text rate (twice on a quiet machine);
with the characters in arrays (`pdf_lines`) and the tables read off their
grids (`pdf_grid`) at 0.30-0.34 (load average 4-5 on two cores); in runs
side by side under heavy load, 0.27-0.28 against 0.135-0.137 for the old
stage (every second or fourth file). With the text objects' styles read
through `map` and the garbage collector paused during a page, the first 60
PDFs (1,164 pages, best of 2, three runs each, old and new in turn, load
average 3-7) gave 0.333-0.338 against 0.339-0.353 before: no change the load
lets one see. Where a page's 14.2 ms went then (raw pdfium 4.5 ms, wall time,
best of 3): characters 4.6 (of which loose boxes and text objects 1.6, the
styles 1.2, the Unicode-map check 0.6), lines and blocks 1.2, page objects 1.0,
ruled tables 1.7 (grid 0.8, cells' lines 0.9), the rest pdfium's page load and
text page (what the raw rate pays too) and the document's blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2

from readers import limits
from readers.model import Document, ReadError
from readers.ocr_text import repair_blocks
from readers.pdf_blocks import PageContent, build_blocks
from readers.pdf_pdfium import is_upright, read_page

NO_TEXT_LAYER = "no_text_layer"
UNREADABLE_PAGE = "unreadable_page"
MAX_LISTED_PAGES = 10
"""An `unreadable_page` warning names this many page numbers at most, then counts the rest."""
PASSWORD_ERROR = "password"


@dataclass
class _Pages:
    """What the pass over the pages found: how many, those read (each with whether it has a text layer), rotated, lost."""

    count: int
    read: dict[int, tuple[PageContent, bool]] = field(default_factory=dict)
    rotated: list[int] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)


def read(path: Path) -> Document:
    """Read a PDF into blocks; an encrypted or damaged file raises ReadError naming the cause."""
    pages = _read_pages(path)
    textless = [number for number, (_, has_text) in pages.read.items() if not has_text]
    scans = _read_scans(path, textless) if textless else {}
    blocks = build_blocks([scans.get(number, content) for number, (content, _) in sorted(pages.read.items())])
    document = Document(source_format="pdf", blocks=repair_blocks(blocks, scans), pages=pages.count, ocr=bool(scans))
    if unread := len(textless) - len(scans):
        document.warnings.append(f"{NO_TEXT_LAYER}: {unread} of {pages.count} pages")
    if pages.unreadable:
        document.warnings.append(unreadable_pages_warning(pages.unreadable))
    return document


def unreadable_pages_warning(numbers: list[int]) -> str:
    """`unreadable_page: page 7`, `unreadable_page: pages 3, 7, 9`, or the first ten pages and how many more."""
    listed = ", ".join(str(number) for number in numbers[:MAX_LISTED_PAGES])
    more = f" and {len(numbers) - MAX_LISTED_PAGES} more" if len(numbers) > MAX_LISTED_PAGES else ""
    return f"{UNREADABLE_PAGE}: {'page' if len(numbers) == 1 else 'pages'} {listed}{more}"


def _read_pages(path: Path) -> _Pages:
    """Every page that loads: upright pages by pdfium, the rest by pdfplumber; ReadError when none loads."""
    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        raise ReadError(_describe(error)) from error
    pages = _Pages(len(pdf))
    try:
        limits.check_pages(pages.count, limits.active())
        for number in range(1, pages.count + 1):
            _read_page(pdf, number, pages)
    finally:
        pdf.close()
    if pages.count and len(pages.unreadable) == pages.count:
        raise ReadError(f"corrupt PDF: none of its {pages.count:,} pages can be loaded")
    if pages.rotated:
        from readers.pdf_plumber import read_pages  # only rotated pages pay for pdfminer

        pages.read.update(read_pages(path, pages.rotated))
    return pages


def _read_page(pdf: pypdfium2.PdfDocument, number: int, pages: _Pages) -> None:
    """Read one upright page into `pages`, or note it as rotated (for pdfplumber) or as unreadable."""
    try:
        page = pdf[number - 1]
    except pypdfium2.PdfiumError:  # `Failed to load page.`: a damaged page object
        pages.unreadable.append(number)
        return
    try:
        if is_upright(page):
            pages.read[number] = read_page(page, number)
        else:
            pages.rotated.append(number)
    except pypdfium2.PdfiumError:  # its text page cannot be built
        pages.unreadable.append(number)
    finally:
        page.close()


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
