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

A long PDF can be read as page ranges on several workers: `read_range` reads
pages as above into a `PdfPart`, and `assemble` does what needs the whole
document (OCR'd sizes settled over all scanned pages, blocks and tables joined
over page breaks, the warnings); `read` is the one range of all pages, so a
file read whole or in ranges gives the same document. `page_ranges` says how
to cut a file of a given length.

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
text page (what the raw rate pays too) and the document's blocks. With the
out-parameters reused, the placed text objects dropped before the page-object
pass and the grid's cells placed on arrays (`pdf_pdfium`, `pdf_objects`,
`pdf_tables`), the stage took 0.929 of the time before over the 170 bench PDFs
(CPU time, both in turn file by file, best of 2-4, load average 3-8): 0.347 of
pypdfium2's raw text rate against 0.322.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2

from readers import limits
from readers.model import Document, ReadError
from readers.ocr_sizes import settle_sizes
from readers.ocr_text import repair_blocks
from readers.pdf_blocks import PageContent, build_blocks
from readers.pdf_pdfium import is_upright, read_page

NO_TEXT_LAYER = "no_text_layer"
UNREADABLE_PAGE = "unreadable_page"
MAX_LISTED_PAGES = 10
"""An `unreadable_page` warning names this many page numbers at most, then counts the rest."""
PASSWORD_ERROR = "password"

RANGE_PAGES = 20
"""Pages a range of a split PDF holds at most. OCR reads about one scanned page a second per core (a dense one
1.5 s; the Luoyang scan's 12 pages took 79 s with two cores shared by five busy processes), so a range is 20-30 s
of work, at worst a few minutes: far under the per-document limit (`--timeout`, 600 s by default), which a split
document meets per range, and short enough that a 600-page scan spreads over 30 workers. Opening the file again
for each range costs under a millisecond (`page_count` of the 60-page test scan: 0.44 ms; pdfium reads the
cross-reference table, not the pages), nothing against 20 pages of OCR."""

SPLIT_ABOVE_PAGES = 40
"""A PDF of more pages is read as ranges (`page_ranges`); shorter ones are read whole, as splitting them only
adds tasks: a 40-page scan is about a minute of OCR. Text PDFs are split by the same count, as telling a scan
costs loading its pages; their ranges cost a few file opens more (a text page reads in about 15 ms)."""


@dataclass(frozen=True)
class PdfPart:
    """Pages `first`..`last` of a PDF as read, before the whole-document steps: small and picklable, so a
    worker can send it to whichever process assembles the document.

    `contents` holds every page read, in page order, OCR'd pages with their sizes as measured (they are
    settled over the whole document); a textless page OCR read nothing on keeps its text layer's content.
    """

    pages: int
    first: int
    last: int
    contents: tuple[PageContent, ...]
    scanned: tuple[int, ...]
    unread: tuple[int, ...]
    unreadable: tuple[int, ...]


@dataclass
class _Pages:
    """What the pass over a range found: the pages read (each with whether it has a text layer), rotated, lost."""

    read: dict[int, tuple[PageContent, bool]] = field(default_factory=dict)
    rotated: list[int] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)


def read(path: Path) -> Document:
    """Read a PDF into blocks; an encrypted or damaged file raises ReadError naming the cause.

    One range of every page: the same path as a file split over workers, so both give the same document.
    """
    return assemble([read_range(path, 1, page_count(path))])


def page_ranges(count: int) -> list[tuple[int, int]]:
    """The ranges (first, last) to read a PDF of `count` pages in: one up to `SPLIT_ABOVE_PAGES`, else as few of
    at most `RANGE_PAGES` as cover it, of even length (a 41-page PDF in 13 + 14 + 14, not 20 + 20 + 1)."""
    if count <= SPLIT_ABOVE_PAGES:
        return [(1, count)]
    parts = -(-count // RANGE_PAGES)
    starts = [1 + part * count // parts for part in range(parts)]
    return [(first, next_first - 1) for first, next_first in zip(starts, [*starts[1:], count + 1])]


def page_count(path: Path) -> int:
    """The number of pages, none loaded; ReadError for an encrypted or damaged file, TooLarge past `--max-pages`.

    The page limit is checked here, the one call that learns the count before any range is read, so a
    PDF over it fails once, as a whole, whether it is then read in one range or in many.
    """
    pdf = _open(path)
    try:
        count = len(pdf)
    finally:
        pdf.close()
    limits.check_pages(count, limits.active())
    return count


def read_range(path: Path, first: int, last: int) -> PdfPart:
    """Pages `first`..`last` (1-based, inclusive) read as `read` reads them: upright pages by pdfium, rotated
    ones by pdfplumber, textless ones by OCR; the blocks and warnings are left to `assemble`."""
    pdf = _open(path)
    try:
        count = len(pdf)
        if not (first >= 1 and last <= count and first <= last + 1):  # empty only as 1..0 of a PDF without pages
            raise ValueError(f"pages {first}-{last} are not a range of a {count}-page PDF")
        pages = _Pages()
        for number in range(first, last + 1):
            _read_page(pdf, number, pages)
    finally:
        pdf.close()
    if pages.rotated:
        from readers.pdf_plumber import read_pages  # only rotated pages pay for pdfminer

        pages.read.update(read_pages(path, pages.rotated))
    textless = sorted(number for number, (_, has_text) in pages.read.items() if not has_text)
    scans = _read_scans(path, textless) if textless else {}
    return PdfPart(
        pages=count,
        first=first,
        last=last,
        contents=tuple(scans.get(number, content) for number, (content, _) in sorted(pages.read.items())),
        scanned=tuple(sorted(scans)),
        unread=tuple(number for number in textless if number not in scans),
        unreadable=tuple(pages.unreadable),
    )


def assemble(parts: Iterable[PdfPart]) -> Document:
    """The document of the parts of one PDF, given in any order: OCR'd sizes settled over all its scanned pages,
    blocks built across range boundaries, warnings counted over the whole; ReadError when no page loads."""
    ordered = _in_order(parts)
    count = ordered[0].pages
    contents = [content for part in ordered for content in part.contents]
    scanned = {number for part in ordered for number in part.scanned}
    unread = sum(len(part.unread) for part in ordered)
    unreadable = [number for part in ordered for number in part.unreadable]
    if count and len(unreadable) == count:
        raise ReadError(f"corrupt PDF: none of its {count:,} pages can be loaded")
    settled = {page.number: page for page in settle_sizes([page for page in contents if page.number in scanned])}
    blocks = build_blocks([settled.get(page.number, page) for page in contents])
    document = Document(source_format="pdf", blocks=repair_blocks(blocks, scanned), pages=count, ocr=bool(scanned))
    if unread:
        document.warnings.append(f"{NO_TEXT_LAYER}: {unread} of {count} pages")
    if unreadable:
        document.warnings.append(unreadable_pages_warning(unreadable))
    return document


def unreadable_pages_warning(numbers: list[int]) -> str:
    """`unreadable_page: page 7`, `unreadable_page: pages 3, 7, 9`, or the first ten pages and how many more."""
    listed = ", ".join(str(number) for number in numbers[:MAX_LISTED_PAGES])
    more = f" and {len(numbers) - MAX_LISTED_PAGES} more" if len(numbers) > MAX_LISTED_PAGES else ""
    return f"{UNREADABLE_PAGE}: {'page' if len(numbers) == 1 else 'pages'} {listed}{more}"


def _in_order(parts: Iterable[PdfPart]) -> list[PdfPart]:
    """The parts by first page, checked to be of documents of one length and to cover each page once."""
    ordered = sorted(parts, key=lambda part: part.first)
    if not ordered:
        raise ValueError("no parts to assemble")
    count = ordered[0].pages
    ends = [(part.first, part.last) for part in ordered]
    starts = [1] + [last + 1 for _, last in ends[:-1]]
    if any(part.pages != count for part in ordered) or [first for first, _ in ends] != starts or ends[-1][1] != count:
        raise ValueError(f"parts {ends} do not cover the {count} pages of one PDF once")
    return ordered


def _open(path: Path) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        raise ReadError(_describe(error)) from error


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
