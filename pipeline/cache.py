"""Results of unchanged documents, kept beside the outputs so a re-run does not read them again.

A result is reused when the file's bytes (its SHA-256) and the extractor version
are unchanged. The version is a digest of the project's code and vocabulary
files and of the versions of the libraries that read documents, so any change
to rules, data or readers invalidates the whole cache. The cache folder
(`OUTPUT/.cache/`) is safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

from pipeline.process import FileJob, FileResult
from pipeline.schemas import TABLES
from pipeline.writer import replace_atomically

CACHE_FOLDER = ".cache"
CODE_PACKAGES = ("pipeline", "extractors", "normalizers")
CODE_SUFFIXES = (".py", ".csv", ".yaml", ".yml", ".json", ".txt")
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
    """One pickle per document under `OUTPUT/.cache/<version>/`; other versions are removed."""

    def __init__(self, output_dir: Path, version: str | None = None) -> None:
        self.root = output_dir / CACHE_FOLDER
        self.folder = self.root / (version or extractor_version())

    def prune(self) -> None:
        """Remove the folders of other extractor versions, which can never be used again."""
        if self.root.is_dir():
            for folder in self.root.iterdir():
                if folder != self.folder:
                    shutil.rmtree(folder, ignore_errors=True)

    def get(self, job: FileJob) -> FileResult | None:
        """The stored result of a file with these bytes, renamed to its current path, or None."""
        path = self.folder / f"{job.sha256}.pickle"
        try:
            with path.open("rb") as handle:
                result: FileResult = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        result.document["source_path"] = job.source_path
        return result

    def put(self, job: FileJob, result: FileResult) -> None:
        """Store a result atomically, so a crash never leaves a half-written entry."""
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        replace_atomically(self.folder / f"{job.sha256}.pickle", lambda temporary: temporary.write_bytes(data))

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


def run_fingerprint(jobs: list[FileJob], manifest_digest: str = "") -> str:
    """Digest of which files, by path and bytes, a run reads, and of the manifest that states facts about them."""
    digest = hashlib.sha256(f"manifest {manifest_digest}\n".encode())
    for job in jobs:
        digest.update(f"{job.source_path}\0{job.sha256}\n".encode())
    return digest.hexdigest()
