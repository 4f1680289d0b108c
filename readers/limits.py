"""Resource limits, checked before the work they bound, so one hostile file costs one row, never the machine.

A scraped folder may hold a few-KB DOCX that unpacks to gigabytes, a sheet that
declares a million rows, or a PDF of a hundred thousand pages. Each limit has a
command-line option (`--max-…`), a default far above real documents, and an
error that starts `too large:` and names the option that raises it. The run
loop activates one `Limits` per file (`applied`); readers ask `active()`.
"""

from __future__ import annotations

import resource
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from readers.model import Document, ReadError

MB = 1 << 20
MAX_COMPRESSION_RATIO = 200
"""Zip members expanding more than this are bombs: document XML compresses 5–30 times, zeros 1,000."""
RATIO_CHECKED_FROM_MB = 10
"""Small members may compress very well (a styles part of repeated tags) and cost nothing either way."""
CELLS_PER_ROW = 100
"""Sheet cells (used rows × used columns) allowed per allowed row: a roster has about ten columns."""


@dataclass(frozen=True)
class Limits:
    """The caps of one run, carried to every worker; the defaults are far above real documents.

    Real rosters have hundreds of rows and real documents fewer than 500 pages;
    `max_memory_mb` is each worker's address space (0: no limit), enough for OCR.
    """

    max_file_mb: int = 1024
    max_unpacked_mb: int = 1024
    max_pages: int = 5000
    max_chars: int = 20_000_000
    max_rows: int = 100_000
    max_memory_mb: int = 4096

    @property
    def max_sheet_cells(self) -> int:
        return self.max_rows * CELLS_PER_ROW


class TooLarge(ReadError):
    """A file over a limit: not cached, so raising the limit takes effect on the next run without --force."""


_ACTIVE: ContextVar[Limits] = ContextVar("limits", default=Limits())


def active() -> Limits:
    """The limits of the file being read (the defaults outside a run)."""
    return _ACTIVE.get()


@contextmanager
def applied(limits: Limits) -> Iterator[None]:
    """Make `limits` the active ones while one file is read."""
    token = _ACTIVE.set(limits)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def too_large(what: str, amount: int, limit: int, option: str, unit: str = "") -> TooLarge:
    """The one error of every limit: `too large: 2,400 pages, over the limit of 2,000 pages (--max-pages)`."""
    return TooLarge(f"too large: {what} {amount:,}{unit}, over the limit of {limit:,}{unit} (--{option})")


def check_file_size(path: Path, limits: Limits) -> None:
    """Refuse a file bigger than `max_file_mb` before any reader opens it."""
    size = path.stat().st_size
    if size > limits.max_file_mb * MB:
        raise too_large("the file has", megabytes(size), limits.max_file_mb, "max-file-mb", " MB")


def check_document(document: Document, text: str, limits: Limits) -> None:
    """Refuse a read document whose text or tables exceed the limits, before any extractor walks them."""
    if len(text) > limits.max_chars:
        raise too_large("the text has", len(text), limits.max_chars, "max-chars", " characters")
    for block in document.blocks:
        if len(block.rows) > limits.max_rows:
            raise too_large(f"table {block.table} has", len(block.rows), limits.max_rows, "max-rows", " rows")


def check_sheet_cells(title: str, rows: int, columns: int, limits: Limits) -> None:
    """Refuse a sheet whose used range spans more cells (rows × columns) than `max_sheet_cells`, before building them.

    Example: one value at IV65536 of an .xls spans 65,536 rows × 256 columns = 16,777,216 cells.
    """
    if rows * columns > limits.max_sheet_cells:
        spans = f'sheet "{title}" spans {rows:,} rows × {columns:,} columns ='
        raise too_large(spans, rows * columns, limits.max_sheet_cells, f"max-rows × {CELLS_PER_ROW}", " cells")


def check_pages(pages: int, limits: Limits) -> None:
    """Refuse a paged document with more than `max_pages` pages before reading any page."""
    if pages > limits.max_pages:
        raise too_large("the document has", pages, limits.max_pages, "max-pages", " pages")


def limit_memory(limits: Limits) -> None:
    """Cap this process's address space, so an allocation past it fails with MemoryError, not the machine.

    Set in each worker process only: the parent keeps every result and links them,
    and a limit cannot be lifted again once lowered below the hard limit.
    """
    if limits.max_memory_mb:
        cap = limits.max_memory_mb * MB
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))


def out_of_memory() -> str:
    """The error of a file that ran out of memory: the worker's limit when one is set, else the machine's."""
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return "too large: out of memory"
    return f"too large: memory limit of {soft // MB:,} MB reached (--max-memory-mb)"


def megabytes(size: int) -> int:
    """Bytes in MB, rounded up so a file just over a limit never prints as equal to it."""
    return -(-size // MB)
