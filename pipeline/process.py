"""Turn one input file into its rows: sniff, read, extract.

This runs inside worker processes, so it takes and returns plain picklable data
and never raises for a bad file: a file that cannot be read becomes a `failed`
documents row with a one-line error, and the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
import os
import resource
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import pyarrow as pa

from readers import limits
from pipeline.columns import to_arrow, with_column
from pipeline.discovery import NOT_REGULAR
from pipeline.extract import Row, extract
from pipeline.link import with_name_keys
from readers.model import Document, ReadError, ToolMissing, document_text
from readers import reader_for
from readers.pdf import page_count
from readers.sniff import sniff_format

log = logging.getLogger(f"tuogou.{__name__}")

DOC_ID_HEX_DIGITS = 16
HASH_CHUNK_BYTES = 1 << 20
KIB = 1024


@dataclass(frozen=True)
class FileJob:
    """What a worker needs to process one file, hashed already (for the cache) under the time limit.

    `doc_id` is the first 16 hex digits of the content hash, except for a later byte-identical
    copy (`copy_of` names the first path in sorted order), whose doc_id is derived from its bytes
    and its path, so every path keeps its own key.
    """

    path: Path
    source_path: str
    sha256: str
    copy_of: str | None = None
    hashed: bool = True
    """False for a path whose bytes could not be read: `sha256` then digests the path, as a key only."""
    pages: int | None = None
    """A PDF's page count, known before it is read, so a long one can be read in ranges (`pipeline.ranges`)."""

    @property
    def doc_id(self) -> str:
        if self.copy_of is None:
            return self.sha256[:DOC_ID_HEX_DIGITS]
        return hashlib.sha256(f"{self.sha256}\0{self.source_path}".encode()).hexdigest()[:DOC_ID_HEX_DIGITS]


@dataclass
class FileResult:
    """The documents row of one file, its per-document tables, and what it cost.

    `tables` are small Arrow tables (`pipeline.columns.collected` schemas) that the parent appends
    without touching a row. `seconds` holds the time of each stage (`read`, `extract`, `prepare`);
    `peak_memory` is the worker's peak resident memory in bytes when the file was done. A result
    that depends on the moment (a timeout) or on the machine (a missing program or library) is
    not `reusable` by the cache.
    """

    document: Row
    tables: dict[str, pa.Table] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    peak_memory: int = 0
    reusable: bool = True

    @property
    def rows(self) -> dict[str, list[Row]]:
        """The tables as rows, for the cache and for tests: one document's, so few."""
        return {name: table.to_pylist() for name, table in self.tables.items()}


def document_tables(rows: dict[str, list[Row]]) -> dict[str, pa.Table]:
    """A document's rows as the small Arrow tables of a result, checked against their schemas."""
    return {name: to_arrow(name, table) for name, table in rows.items()}


def prepared_tables(rows: dict[str, list[Row]]) -> dict[str, pa.Table]:
    """The tables of a freshly extracted document, with what the link step needs that one document settles
    (each association name's canonical form at the document's place), so the parent only joins."""
    return document_tables({**rows, "associations": with_name_keys(rows.get("associations", []))})


class NotRegularFile(ValueError):
    """The path turned into something other than a regular file after discovery (a pipe, a device)."""


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks so large scans do not fill memory.

    Opened without blocking and checked to be a regular file before any read, so a named
    pipe swapped in after discovery cannot hang the worker.
    """
    digest = hashlib.sha256()
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"not a regular file: {NOT_REGULAR.get(stat.S_IFMT(mode), 'special file')}")
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def job_for(input_dir: Path, path: Path) -> FileJob:
    """Hash a file, name it by its path relative to the input folder and count a PDF's pages (run in a worker,
    under the time limit)."""
    return FileJob(path, path.relative_to(input_dir).as_posix(), sha256_of(path), pages=_pdf_pages(path))


def _pdf_pages(path: Path) -> int | None:
    """A PDF's page count; None for another format or a PDF that does not open, whose reading then says why."""
    try:
        return page_count(path) if sniff_format(path) == "pdf" else None
    except Exception:  # any failure here is met again, and named, when the file is read
        return None


def unread_job(input_dir: Path, path: Path) -> FileJob:
    """A job for a path whose bytes cannot be read: its key digests the path, so it is still unique."""
    source_path = path.relative_to(input_dir).as_posix()
    return FileJob(path, source_path, hashlib.sha256(f"unread\0{source_path}".encode()).hexdigest(), hashed=False)


def base_row(job: FileJob) -> Row:
    """The file-level columns known before reading."""
    sha256 = job.sha256 if job.hashed else None
    return {"doc_id": job.doc_id, "source_path": job.source_path, "sha256": sha256, "ocr": False, "warnings": []}


def failed_result(job: FileJob, error: str, row: Row | None = None, reusable: bool = True) -> FileResult:
    """A `failed` documents row with a one-line error, on top of what is known of the file."""
    document = {**(row or base_row(job)), "status": "failed", "error": " ".join(error.split())}
    return FileResult(document, reusable=reusable)


def keyed_to(result: FileResult, job: FileJob) -> FileResult:
    """A result read from these bytes (a cache entry, the first of identical files) re-keyed to `job`'s path.

    A later copy warns `duplicate_file: same bytes as <first path>`, so it is `partial` and never
    the primary of its document.
    """
    document = {**result.document, "doc_id": job.doc_id, "source_path": job.source_path, "sha256": job.sha256}
    if job.copy_of is not None:
        document["warnings"] = [*document["warnings"], f"duplicate_file: same bytes as {job.copy_of}"]
        document["status"] = "partial" if document["status"] == "ok" else document["status"]
    if result.document["doc_id"] == job.doc_id:
        return replace(result, document=document)
    doc_id = pa.scalar(job.doc_id, pa.string())
    tables = {name: with_column(t, "doc_id", pa.repeat(doc_id, t.num_rows)) for name, t in result.tables.items()}
    return replace(result, document=document, tables=tables)


Store = Callable[[str, FileResult], None]
"""Keeps a reusable result under its content's SHA-256 (`ResultCache.put`)."""


def process_file(job: FileJob, caps: limits.Limits = limits.Limits(), store: Store | None = None) -> FileResult:
    """Read and extract one file within `caps`, and `store` its result when reusable; failures are recorded, not raised.

    The worker stores the result itself: encoding it is per-document work the parent need not do.
    """
    return stored(job, _processed(job, caps), store)


def stored(job: FileJob, result: FileResult, store: Store | None) -> FileResult:
    """The result, kept by `store` first when it is reusable."""
    if store is not None and result.reusable:
        store(job.sha256, result)
    return result


def _processed(job: FileJob, caps: limits.Limits) -> FileResult:
    row = base_row(job)
    started = time.perf_counter()
    document = guarded(job, row, caps, lambda: _read_document(job, row, caps))
    if isinstance(document, FileResult):
        return document
    return extracted(job, row, document, time.perf_counter() - started)


def _read_document(job: FileJob, row: Row, caps: limits.Limits) -> tuple[Document, str]:
    limits.check_file_size(job.path, caps)
    row["source_format"] = sniff_format(job.path)
    return checked(reader_for(row["source_format"])(job.path), caps)


def checked(document: Document, caps: limits.Limits) -> tuple[Document, str]:
    """The document and its text, once its text is known to be within `caps`."""
    text = document_text(document)
    limits.check_document(document, text, caps)
    return document, text


Read = TypeVar("Read")


def guarded(job: FileJob, row: Row, caps: limits.Limits, read: Callable[[], Read]) -> Read | FileResult:
    """`read()` within `caps`, or the failed result its error makes: a bad file is a row, never an exception.

    Running out of memory, a missing tool or library and a limit depend on the machine or the
    options, so their results are not reusable; a ReadError names what is wrong with the file.
    """
    try:
        with limits.applied(caps):
            return read()
    except MemoryError:  # the worker's address-space limit: this file, not the machine, runs out
        return failed_result(job, limits.out_of_memory(), row, reusable=False)
    except (ToolMissing, ImportError, limits.TooLarge) as exc:
        return failed_result(job, str(exc), row, reusable=False)
    except ReadError as exc:
        return failed_result(job, str(exc), row)
    except Exception as exc:  # a library choking on an odd file must not stop the run
        log.debug("unexpected error reading %s", job.path, exc_info=True)
        return failed_result(job, f"cannot read: {type(exc).__name__}: {exc}", row)


def extracted(job: FileJob, row: Row, read: tuple[Document, str], read_seconds: float) -> FileResult:
    """The result of a document read in `read_seconds`: its fields and rows extracted, its tables prepared."""
    document, text = read
    started = time.perf_counter()
    try:
        extraction = extract(document, job.doc_id)
    except MemoryError:
        return failed_result(job, limits.out_of_memory(), row, reusable=False)
    except Exception as exc:  # a rule tripping over an odd document costs this file, never the run
        log.debug("unexpected error extracting %s", job.path, exc_info=True)
        return failed_result(job, f"cannot extract: {type(exc).__name__}: {exc}", row)
    extracted_at = time.perf_counter()
    tables = prepared_tables(extraction.rows)
    prepared = time.perf_counter()
    warnings = document.warnings + extraction.warnings
    columns = {
        "source_format": document.source_format,
        "pages": document.pages,
        "ocr": document.ocr,
        "status": "partial" if warnings else "ok",
        "warnings": warnings,
        "text": text,
    }
    return FileResult(
        {**row, **columns, **extraction.fields},
        tables,
        seconds={"read": read_seconds, "extract": extracted_at - started, "prepare": prepared - extracted_at},
        peak_memory=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * KIB,
    )
