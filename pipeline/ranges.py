"""A long PDF read as page ranges on several workers, then put together and extracted as one document.

A 600-page scan is ten minutes of OCR for one worker, and would meet the per-document time limit
by its length alone. Split (`readers.pdf.page_ranges`: above 40 pages, ranges of at most 20), each
range is a call of its own under the time limit and memory cap, on whichever worker is free; the
parts come back in any order, and one more call assembles them in page order and extracts the
document, which is the same document as reading the file whole (`readers.pdf.assemble`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from pipeline.process import FileJob, FileResult, Store, base_row, checked, extracted, guarded, stored
from readers import limits
from readers.pdf import PdfPart, assemble, page_ranges, read_range


@dataclass(frozen=True)
class PageRange:
    """Pages `first`..`last` of a job's PDF."""

    job: FileJob
    first: int
    last: int


@dataclass(frozen=True)
class ReadPart:
    """A range as read, and the seconds it took."""

    part: PdfPart
    seconds: float


def ranges_of(job: FileJob) -> list[PageRange]:
    """The ranges a job is read in: none for a file read whole (not a PDF, short enough, or one whose pages could not be counted)."""
    spans = page_ranges(job.pages) if job.pages else []
    return [PageRange(job, first, last) for first, last in spans] if len(spans) > 1 else []


def read_part(piece: PageRange, caps: limits.Limits = limits.Limits()) -> ReadPart | FileResult:
    """Read one range within `caps`; a failure is the document's failed result, as reading it whole would give."""
    started = time.perf_counter()
    part = guarded(piece.job, _pdf_row(piece.job), caps, lambda: _read(piece, caps))
    return part if isinstance(part, FileResult) else ReadPart(part, time.perf_counter() - started)


def assemble_file(
    parts: tuple[FileJob, list[ReadPart]], caps: limits.Limits = limits.Limits(), store: Store | None = None
) -> FileResult:
    """The result of a job read in ranges: its parts put together, checked against `caps`, extracted, stored."""
    job, read = parts
    row = _pdf_row(job)
    started = time.perf_counter()
    document = guarded(job, row, caps, lambda: checked(assemble([r.part for r in read]), caps))
    if isinstance(document, FileResult):
        return stored(job, document, store)
    seconds = sum(r.seconds for r in read) + time.perf_counter() - started
    return stored(job, extracted(job, row, document, seconds), store)


def _read(piece: PageRange, caps: limits.Limits) -> PdfPart:
    """A range, once the whole file is known to be within the size and page limits (a file over one fails as a whole)."""
    limits.check_file_size(piece.job.path, caps)
    limits.check_pages(piece.job.pages or 0, caps)
    return read_range(piece.job.path, piece.first, piece.last)


def _pdf_row(job: FileJob) -> dict:
    return {**base_row(job), "source_format": "pdf"}
