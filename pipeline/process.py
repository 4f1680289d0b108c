"""Turn one input file into its rows: sniff, read, extract.

This runs inside worker processes, so it takes and returns plain picklable data
and never raises for a bad file: a file that cannot be read becomes a `failed`
documents row with a one-line error, and the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import limits
from pipeline.extract import Row, extract
from pipeline.model import ReadError, ToolMissing, document_text
from pipeline.readers import reader_for
from pipeline.sniff import sniff_format

log = logging.getLogger(__name__)

DOC_ID_HEX_DIGITS = 16
HASH_CHUNK_BYTES = 1 << 20
KIB = 1024


@dataclass(frozen=True)
class FileJob:
    """What a worker needs to process one file; the parent has hashed it already (for the cache)."""

    path: Path
    source_path: str
    sha256: str

    @property
    def doc_id(self) -> str:
        return self.sha256[:DOC_ID_HEX_DIGITS]


@dataclass
class FileResult:
    """The documents row of one file, its rows for the per-document tables, and what it cost.

    `seconds` holds the time of each stage (`read`, `extract`); `peak_memory` is the
    worker's peak resident memory in bytes when the file was done. A result that
    depends on the moment (a timeout) or on the machine (a missing program or
    library) is not `reusable` by the cache.
    """

    document: Row
    rows: dict[str, list[Row]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    peak_memory: int = 0
    reusable: bool = True


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks so large scans do not fill memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def job_for(input_dir: Path, path: Path) -> FileJob:
    """Hash a file and name it by its path relative to the input folder."""
    return FileJob(path, path.relative_to(input_dir).as_posix(), sha256_of(path))


def base_row(job: FileJob) -> Row:
    """The file-level columns known before reading."""
    return {"doc_id": job.doc_id, "source_path": job.source_path, "sha256": job.sha256, "ocr": False, "warnings": []}


def failed_result(job: FileJob, error: str, row: Row | None = None, reusable: bool = True) -> FileResult:
    """A `failed` documents row with a one-line error, on top of what is known of the file."""
    document = {**(row or base_row(job)), "status": "failed", "error": " ".join(error.split())}
    return FileResult(document, reusable=reusable)


def process_file(job: FileJob, caps: limits.Limits = limits.Limits()) -> FileResult:
    """Read and extract one file within `caps`; failures are recorded, not raised."""
    row = base_row(job)
    started = time.perf_counter()
    try:
        with limits.applied(caps):
            limits.check_file_size(job.path, caps)
            row["source_format"] = sniff_format(job.path)
            document = reader_for(row["source_format"])(job.path)
            text = document_text(document)
            limits.check_document(document, text, caps)
    except MemoryError:  # the worker's address-space limit: this file, not the machine, runs out
        return failed_result(job, limits.out_of_memory(), row, reusable=False)
    except (ToolMissing, ImportError, limits.TooLarge) as exc:
        return failed_result(job, str(exc), row, reusable=False)
    except ReadError as exc:
        return failed_result(job, str(exc), row)
    except Exception as exc:  # a library choking on an odd file must not stop the run
        log.debug("unexpected error reading %s", job.path, exc_info=True)
        return failed_result(job, f"cannot read: {type(exc).__name__}: {exc}", row)
    read = time.perf_counter()
    extraction = extract(document, job.doc_id)
    extracted = time.perf_counter()
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
        extraction.rows,
        seconds={"read": read - started, "extract": extracted - read},
        peak_memory=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * KIB,
    )
