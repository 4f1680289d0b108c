"""Turn one input file into its rows: sniff, read, extract.

This runs inside worker processes, so it takes and returns plain picklable data
and never raises for a bad file: a file that cannot be read becomes a `failed`
documents row with a one-line error, and the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.extract import Row, extract
from pipeline.model import ReadError, document_text
from pipeline.readers import reader_for
from pipeline.sniff import sniff_format

log = logging.getLogger(__name__)

DOC_ID_HEX_DIGITS = 16
HASH_CHUNK_BYTES = 1 << 20

@dataclass
class FileResult:
    """The documents row of one file and its rows for the per-document tables."""

    document: Row
    rows: dict[str, list[Row]] = field(default_factory=dict)


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks so large scans do not fill memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def process_file(input_dir: Path, path: Path) -> FileResult:
    """Read one file into its documents row; failures are recorded, not raised."""
    sha256 = sha256_of(path)
    row: Row = {
        "doc_id": sha256[:DOC_ID_HEX_DIGITS],
        "source_path": path.relative_to(input_dir).as_posix(),
        "sha256": sha256,
        "ocr": False,
        "warnings": [],
    }
    try:
        row["source_format"] = sniff_format(path)
        document = reader_for(row["source_format"])(path)
    except ReadError as exc:
        return FileResult({**row, "status": "failed", "error": str(exc)})
    except Exception as exc:  # a library choking on an odd file must not stop the run
        log.debug("unexpected error reading %s", path, exc_info=True)
        return FileResult({**row, "status": "failed", "error": _one_line(f"cannot read: {type(exc).__name__}: {exc}")})
    extraction = extract(document, row["doc_id"])
    warnings = document.warnings + extraction.warnings
    read = {
        "source_format": document.source_format,
        "pages": document.pages,
        "ocr": document.ocr,
        "status": "partial" if warnings else "ok",
        "warnings": warnings,
        "text": document_text(document),
    }
    return FileResult({**row, **read, **extraction.fields}, extraction.rows)


def _one_line(message: str) -> str:
    return " ".join(message.split())
