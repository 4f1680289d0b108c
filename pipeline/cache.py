"""Results of unchanged documents, kept beside the outputs so a re-run does not read them again.

A result is reused when the file's bytes (its SHA-256) and the extractor version
are unchanged. Entries are JSON behind a SHA-256 checksum line, never pickles: a
tampered cache cannot run code, and an entry that is damaged, unreadable or of
another shape is treated as absent and removed, never a crash. The version is a digest of the project's code,
vocabulary files and OCR model and of the versions of the libraries that read documents, so any change
to rules, data or readers invalidates the whole cache. The cache folder
(`OUTPUT/.cache/`) is safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from pipeline.process import FileResult, document_tables
from pipeline.schemas import TABLES
from pipeline.writer import replace_atomically

CACHE_FOLDER = ".cache"
CODE_PACKAGES = ("readers", "extractors", "normalizers", "pipeline")
CODE_SUFFIXES = (".py", ".csv", ".yaml", ".yml", ".json", ".txt", ".onnx")
READER_DISTRIBUTIONS = (
    "pdfplumber",
    "pdfminer.six",
    "pypdfium2",
    "python-docx",
    "openpyxl",
    "python-calamine",
    "lxml",
    "charset-normalizer",
    "opencc",
    "rapidocr-onnxruntime",
)
"""Libraries whose upgrade can change what is read, so they are part of the version."""

VERSION_HEX_DIGITS = 16
RUN_RECORD = "last-run.json"
ENTRY_SUFFIX = ".json"
DATE_TAG = "$date"


@cache
def extractor_version() -> str:
    """Digest of the code and data of the packages and of the reader libraries' versions."""
    digest = hashlib.sha256(sys.version.encode())
    root = Path(__file__).resolve().parent.parent
    for package in CODE_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    for distribution in READER_DISTRIBUTIONS:
        try:
            digest.update(f"{distribution}={metadata.version(distribution)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{distribution}=absent".encode())
    return digest.hexdigest()[:VERSION_HEX_DIGITS]


class ResultCache:
    """One checksummed JSON entry per file content under `OUTPUT/.cache/<version>/`; other versions are removed."""

    def __init__(self, output_dir: Path, version: str | None = None) -> None:
        self.root = output_dir / CACHE_FOLDER
        self.folder = self.root / (version or extractor_version())

    def prune(self) -> None:
        """Remove the folders of other extractor versions, which can never be used again, and half-written entries."""
        if self.root.is_dir():
            for folder in self.root.iterdir():
                if folder != self.folder:
                    shutil.rmtree(folder, ignore_errors=True)
        if self.folder.is_dir():
            for leftover in self.folder.glob(".*.tmp"):
                leftover.unlink(missing_ok=True)

    def get(self, sha256: str) -> FileResult | None:
        """The stored result of a file with these bytes (keyed to the content: re-key it to its path); None when absent or bad."""
        path = self._entry(sha256)
        try:
            result = decode_entry(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            path.unlink(missing_ok=True)
            return None
        return result

    def put(self, sha256: str, result: FileResult) -> None:
        """Store the result of a file with these bytes atomically, so a crash never leaves a half-written entry."""
        data = encode_entry(result)
        replace_atomically(self._entry(sha256), lambda temporary: temporary.write_bytes(data))

    def _entry(self, sha256: str) -> Path:
        return self.folder / f"{sha256}{ENTRY_SUFFIX}"

    def finished_run(self, fingerprint: str, output_dir: Path) -> dict | None:
        """The summary of the last run when it read exactly these files and its tables are all still there."""
        try:
            record = json.loads((self.folder / RUN_RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        complete = all((output_dir / f"{name}.parquet").is_file() for name in TABLES)
        return record["summary"] if record.get("fingerprint") == fingerprint and complete else None

    def record_run(self, fingerprint: str, summary: dict) -> None:
        """Remember which files the tables were written from, so an unchanged corpus is not linked and written again."""
        text = json.dumps({"fingerprint": fingerprint, "summary": summary}, ensure_ascii=False)
        replace_atomically(self.folder / RUN_RECORD, lambda temporary: temporary.write_text(text, encoding="utf-8"))

    def forget_run(self) -> None:
        """Drop the record of an earlier run, so tables holding a result not to be reused are not taken as final."""
        (self.folder / RUN_RECORD).unlink(missing_ok=True)


def run_fingerprint(files: Iterable[tuple[str, str]], manifest_digest: str = "") -> str:
    """Digest of which files, by path and SHA-256, a run reads, and of the manifest that states facts about them."""
    digest = hashlib.sha256(f"manifest {manifest_digest}\n".encode())
    for source_path, sha256 in sorted(files):
        digest.update(f"{source_path}\0{sha256}\n".encode())
    return digest.hexdigest()


def encode_entry(result: FileResult) -> bytes:
    """The result as JSON (dates tagged) under a first line holding the SHA-256 of the JSON."""
    body = json.dumps({"document": result.document, "rows": result.rows}, ensure_ascii=False, default=_tagged).encode()
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def decode_entry(data: bytes) -> FileResult:
    """The result of an entry; ValueError when its checksum does not match, KeyError/TypeError when of another shape."""
    checksum, _, body = data.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != checksum:
        raise ValueError("cache entry checksum mismatch")
    stored = json.loads(body, object_hook=_untagged)
    document, rows = stored["document"], stored["rows"]
    if not isinstance(document, dict) or not all(isinstance(r, list) for r in rows.values()):
        raise TypeError("cache entry of another shape")
    return FileResult(document, document_tables(rows))


def encode_row(row: dict[str, Any]) -> bytes:
    """A row as one line of JSON (dates tagged, as in an entry): how the collector spills documents rows."""
    return json.dumps(row, ensure_ascii=False, default=_tagged).encode()


def decode_row(line: bytes) -> dict[str, Any]:
    """The row `encode_row` wrote, dates restored."""
    return json.loads(line, object_hook=_untagged)


def _tagged(value: Any) -> dict[str, str]:
    if isinstance(value, date):
        return {DATE_TAG: value.isoformat()}
    raise TypeError(f"cannot store {type(value).__name__} in the cache")


def _untagged(value: dict[str, Any]) -> Any:
    return date.fromisoformat(value[DATE_TAG]) if len(value) == 1 and DATE_TAG in value else value
