"""A PDF read as page ranges and assembled is the PDF read whole: blocks, warnings, page count, OCR flag.

Every PDF of the corpora is read in ranges of 1, 2 and 5 pages, assembled from
the parts in reverse order and compared with `pdf.read`; a generated 60-page
scan is read in ranges assembled in shuffled order. OCR reads a page the same
whatever range it is in, so this module reads each scanned page once: the
pages are remembered (`ocr_once`) and the tests check what ranges change, the
whole-document steps over range boundaries.
"""

from __future__ import annotations

import pickle
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdfium2
import pytest
from conftest import BAD, RAW
from damage import TWO_PAGE_PDF, pdf_with_kids
from scans import scanned_pdf

from readers import limits, pdf
from readers.model import BlockKind, Document, ReadError
from readers.pdf_blocks import PageContent

GENERALISATION = Path(__file__).parent / "generalisation" / "documents"
CORPUS_PDFS = sorted([*RAW.glob("*.pdf"), *GENERALISATION.glob("*.pdf")])
RANGE_SIZES = (1, 2, 5)
DENSE_SCANS = {"luoyang-2017-scan.pdf"}
DENSE_SCAN_PAGES = 6
"""A scan of full pages (1.5 s of OCR each) is checked on a copy of its first pages: ranges of 1, 2 and 5 of them
cross page breaks inside paragraphs and between sizes settled over the whole as the 12 pages do."""
SCAN_PAGES = 60
ENLARGED_PAGES = range(22, 29)
"""Pages printed larger, one range of seven: read whole their size settles on the body's, in a range alone it
would not (and they would read as headings)."""
SHUFFLE_SEED = 14


@pytest.fixture(scope="module", autouse=True)
def ocr_once() -> Iterator[None]:
    """OCR through `pdf._read_scans`, each (file, page) read for real once in the module and then remembered."""
    read_scans = pdf._read_scans
    seen: dict[tuple[Path, int], PageContent | None] = {}

    def remembered(path: Path, numbers: list[int]) -> dict[int, PageContent]:
        for number in numbers:
            if (path, number) not in seen:
                seen[path, number] = read_scans(path, [number]).get(number)
        return {number: content for number in numbers if (content := seen[path, number]) is not None}

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "_read_scans", remembered)
        yield


def chunks(count: int, size: int) -> list[tuple[int, int]]:
    return [(first, min(first + size - 1, count)) for first in range(1, count + 1, size)] or [(1, 0)]


def read_in_ranges(path: Path, ranges: list[tuple[int, int]], order: random.Random | None = None) -> Document:
    """The document assembled from the parts of `ranges`, handed over reversed or shuffled."""
    parts = [pdf.read_range(path, first, last) for first, last in ranges]
    if order is None:
        parts.reverse()
    else:
        order.shuffle(parts)
    return pdf.assemble(parts)


# --- planning ----------------------------------------------------------------------


@pytest.mark.parametrize("count", [0, 1, 40, 41, 60, 61, 600, 5000])
def test_page_ranges_cover_every_page_once(count: int) -> None:
    ranges = pdf.page_ranges(count)
    assert [first for first, _ in ranges] == [1] + [last + 1 for _, last in ranges[:-1]]
    assert ranges[-1][1] == count
    if count <= pdf.SPLIT_ABOVE_PAGES:
        assert ranges == [(1, count)]
    else:
        lengths = [last - first + 1 for first, last in ranges]
        assert max(lengths) <= pdf.RANGE_PAGES and max(lengths) - min(lengths) <= 1


# --- the corpora ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each corpus PDF by name; a dense scan cut to its first pages."""
    found = {path.name: path for path in CORPUS_PDFS}
    for name in DENSE_SCANS:
        source = pypdfium2.PdfDocument(found[name])
        head = pypdfium2.PdfDocument.new()
        head.import_pages(source, list(range(DENSE_SCAN_PAGES)))
        found[name] = tmp_path_factory.mktemp("head") / name
        head.save(found[name])
        head.close()
        source.close()
    return found


@pytest.mark.parametrize("size", RANGE_SIZES)
@pytest.mark.parametrize("name", [path.name for path in CORPUS_PDFS])
def test_corpus_pdf_in_ranges_is_the_pdf_read_whole(corpus_pdfs: dict[str, Path], name: str, size: int) -> None:
    path = corpus_pdfs[name]
    assert read_in_ranges(path, chunks(pdf.page_count(path), size)) == pdf.read(path)


def test_rotated_pages_in_ranges_are_read_as_whole(tmp_path: Path) -> None:
    """Rotated pages go to pdfplumber range by range."""
    document = pypdfium2.PdfDocument(RAW / "hedong-fgw-2019.pdf")
    for number in (3, 4, 9):
        document[number - 1].set_rotation(90)
    document.save(tmp_path / "turned.pdf")
    document.close()
    whole = pdf.read(tmp_path / "turned.pdf")
    assert read_in_ranges(tmp_path / "turned.pdf", chunks(14, 3)) == whole
    assert {block.page for block in whole.blocks} >= {3, 4, 9}


def test_unreadable_pages_are_counted_over_all_ranges(tmp_path: Path) -> None:
    damaged = pdf_with_kids(b"1 0 R 99 0 R", tmp_path / "pages.pdf")
    assembled = read_in_ranges(damaged, chunks(2, 1))
    assert assembled == pdf.read(damaged)
    assert assembled.warnings == ["unreadable_page: page 2"]


def test_a_pdf_without_a_loadable_page_fails_when_assembled(tmp_path: Path) -> None:
    damaged = pdf_with_kids(b"98 0 R 99 0 R", tmp_path / "pages.pdf")
    parts = [pdf.read_range(damaged, 1, 1), pdf.read_range(damaged, 2, 2)]
    with pytest.raises(ReadError, match="corrupt PDF: none of its 2 pages can be loaded"):
        pdf.assemble(parts)


@pytest.mark.parametrize("name", ["encrypted.pdf", "truncated.pdf", "empty.pdf"])
def test_a_pdf_that_does_not_open_fails_as_read_does(name: str) -> None:
    with pytest.raises(ReadError) as whole:
        pdf.read(BAD / name)
    for call in (lambda: pdf.page_count(BAD / name), lambda: pdf.read_range(BAD / name, 1, 1)):
        with pytest.raises(ReadError) as part:
            call()
        assert str(part.value) == str(whole.value)


def test_the_page_limit_is_the_whole_documents() -> None:
    path = RAW / "hedong-fgw-2019.pdf"
    with limits.applied(limits.Limits(max_pages=13)), pytest.raises(limits.TooLarge, match="14 pages"):
        pdf.page_count(path)
    with limits.applied(limits.Limits(max_pages=14)):
        assert pdf.page_count(path) == 14


# --- parts that are not one document ---------------------------------------------------


@pytest.fixture(scope="module")
def hedong_parts() -> list[pdf.PdfPart]:
    return [pdf.read_range(RAW / "hedong-fgw-2019.pdf", first, last) for first, last in chunks(14, 5)]


@pytest.mark.parametrize(
    "pick",
    [
        pytest.param(lambda parts: parts[:2], id="last-range-missing"),
        pytest.param(lambda parts: [parts[0], parts[2]], id="middle-range-missing"),
        pytest.param(lambda parts: [*parts, parts[1]], id="range-twice"),
        pytest.param(lambda parts: [], id="no-parts"),
    ],
)
def test_parts_that_do_not_cover_the_pdf_once_are_refused(
    hedong_parts: list[pdf.PdfPart], pick: Callable[[list[pdf.PdfPart]], list[pdf.PdfPart]]
) -> None:
    with pytest.raises(ValueError):
        pdf.assemble(pick(hedong_parts))


@pytest.mark.parametrize(("first", "last"), [(0, 3), (2, 15), (5, 3)])
def test_a_range_outside_the_pdf_is_refused(first: int, last: int) -> None:
    with pytest.raises(ValueError, match="14-page PDF"):
        pdf.read_range(RAW / "hedong-fgw-2019.pdf", first, last)


def test_a_part_travels_between_processes(hedong_parts: list[pdf.PdfPart]) -> None:
    assert pickle.loads(pickle.dumps(hedong_parts)) == hedong_parts


# --- a long scan -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def long_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scanned_pdf(tmp_path_factory.mktemp("scan") / "long-scan.pdf", SCAN_PAGES, ENLARGED_PAGES)


@pytest.fixture(scope="module")
def long_scan_whole(long_scan: Path) -> Document:
    return pdf.read(long_scan)


def test_long_scan_is_one_paragraph_a_page_in_page_order(long_scan_whole: Document) -> None:
    assert (long_scan_whole.pages, long_scan_whole.ocr, long_scan_whole.warnings) == (SCAN_PAGES, True, [])
    assert [block.page for block in long_scan_whole.blocks] == list(range(1, SCAN_PAGES + 1))
    assert {block.kind for block in long_scan_whole.blocks} == {BlockKind.PARAGRAPH}
    numbers = [match[0] if (match := re.match(r"\d+", block.text)) else "" for block in long_scan_whole.blocks]
    assert numbers == [str(number) for number in range(1, SCAN_PAGES + 1)]


@pytest.mark.parametrize(
    "ranges",
    [pytest.param(pdf.page_ranges(SCAN_PAGES), id="planned"), pytest.param(chunks(SCAN_PAGES, 7), id="sevens")],
)
def test_long_scan_in_shuffled_ranges_is_the_scan_read_whole(
    long_scan: Path, long_scan_whole: Document, ranges: list[tuple[int, int]]
) -> None:
    assert len(ranges) > 1
    assert read_in_ranges(long_scan, ranges, random.Random(SHUFFLE_SEED)) == long_scan_whole
