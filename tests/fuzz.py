"""Mutation fuzzing of every reader: mutated corpus files go through `process_file` under a time limit.

Each mutant is a corpus document with a few bytes flipped, inserted or deleted, cut short, or (for
DOCX and XLSX) one zip member mutated and the package zipped again, so the reader gets past the zip
layer. `process_file` must never raise, return a `FileResult` whose status is ok, partial or
failed (a failed row with a one-line error), and finish within the per-file time limit; a worker
that dies is a crash. The test suite runs a few hundred mutants; `make fuzz` runs thousands:

    python -m tests.fuzz --files 5000 --seed 1
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from pathlib import Path

from pebble import ProcessExpired, ProcessPool

from pipeline.process import FileJob, FileResult, process_file

TESTS = Path(__file__).parent
SOURCES = (TESTS / "corpus" / "documents" / "raw", TESTS / "generalisation" / "documents")
SLOW_SUFFIXES = (".doc",)
"""LibreOffice conversion takes seconds a file: left out unless `--slow`."""
SLOW_MARKS = ("scan",)
"""Scanned PDFs go through OCR, seconds a page: left out unless `--slow`."""
STATUSES = ("ok", "partial", "failed")
MAX_EDITS = 8
"""A byte mutation changes at most this many places, so most mutants still open and reach the reader's inner code."""
MAX_SPAN = 64
FILE_TIMEOUT = 60.0
SLOW_FILE_TIMEOUT = 300.0
"""With `--slow`: a 12-page scan takes 35-55 s of OCR on a busy 2-core machine, unmutated."""
MAX_TASKS_PER_WORKER = 50


@dataclass(frozen=True)
class Mutant:
    """One mutated file: its bytes, the corpus file it came from and the mutation applied."""

    name: str
    data: bytes
    source: Path
    mutation: str

    @property
    def format(self) -> str:
        return self.source.suffix.lstrip(".")


@dataclass(frozen=True)
class Outcome:
    """What became of one mutant: its status (or `crash`, `hang`), its row's error, and what is wrong, if anything."""

    mutant: Mutant
    status: str
    problem: str = ""
    error: str = ""


def corpus_files(slow: bool = False) -> list[Path]:
    """The corpus documents to mutate, without LibreOffice and OCR files unless `slow`."""
    files = sorted(path for folder in SOURCES for path in folder.iterdir() if path.is_file())
    if slow:
        return files
    return [p for p in files if p.suffix not in SLOW_SUFFIXES and not any(m in p.stem for m in SLOW_MARKS)]


def flip(rng: random.Random, data: bytes) -> bytes:
    """XOR a few bytes with random values."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, MAX_EDITS)):
        buffer[rng.randrange(len(buffer))] ^= rng.randint(1, 255)
    return bytes(buffer)


def insert(rng: random.Random, data: bytes) -> bytes:
    """Insert a short run of random bytes, or a copy of a span of the file, somewhere."""
    at = rng.randint(0, len(data))
    if rng.random() < 0.5:
        start = rng.randrange(len(data))
        piece = data[start : start + rng.randint(1, MAX_SPAN)]
    else:
        piece = rng.randbytes(rng.randint(1, MAX_SPAN))
    return data[:at] + piece + data[at:]


def delete(rng: random.Random, data: bytes) -> bytes:
    """Remove a short span."""
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, MAX_SPAN) :]


def truncate(rng: random.Random, data: bytes) -> bytes:
    """Cut the file short, anywhere after its first byte."""
    return data[: rng.randint(1, max(1, len(data) - 1))]


BYTE_MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip": flip,
    "insert": insert,
    "delete": delete,
    "truncate": truncate,
}


def mutate_member(rng: random.Random, data: bytes) -> bytes:
    """Apply a byte mutation to one member of a zip package and zip it again (`word/document.xml`, bytes flipped)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = [(info, package.read(info)) for info in package.infolist()]
    target = rng.choice([index for index, (_, content) in enumerate(members) if content])
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        for index, (info, content) in enumerate(members):
            if index == target:
                content = BYTE_MUTATIONS[rng.choice(sorted(BYTE_MUTATIONS))](rng, content)
            package.writestr(info, content)
    return output.getvalue()


def mutants(files: list[Path], count: int, seed: int) -> Iterator[Mutant]:
    """`count` mutants of the files in turn, the same ones for the same seed."""
    rng = random.Random(seed)
    originals = {path: path.read_bytes() for path in files}
    for index in range(count):
        source = files[index % len(files)]
        data = originals[source]
        kinds = sorted(BYTE_MUTATIONS) + (["member"] * 2 if zipfile.is_zipfile(source) else [])
        kind = rng.choice(kinds)
        mutated = mutate_member(rng, data) if kind == "member" else BYTE_MUTATIONS[kind](rng, data)
        yield Mutant(f"{index:05d}-{kind}-{source.name}", mutated, source, kind)


def problem_with(result: object) -> str:
    """What breaks the contract of `process_file` in a result, or an empty string."""
    if not isinstance(result, FileResult):
        return f"not a FileResult: {type(result).__name__}"
    status, error = result.document.get("status"), result.document.get("error")
    if status not in STATUSES:
        return f"status {status!r}"
    if status == "failed" and (not error or "\n" in error):
        return f"failed row without a one-line error: {error!r}"
    return ""


def fuzz(folder: Path, batch: Iterator[Mutant], workers: int = 2, timeout: float = FILE_TIMEOUT) -> list[Outcome]:
    """Write each mutant to `folder` and process it in a pool with a time limit, as `pipeline.run` does."""
    written = []
    for mutant in batch:
        path = folder / mutant.name
        path.write_bytes(mutant.data)
        job = FileJob(path, mutant.name, hashlib.sha256(mutant.data).hexdigest())
        written.append((replace(mutant, data=b""), job))  # the bytes are on disk; thousands need not stay in memory
    outcomes = []
    with ProcessPool(max_workers=workers, max_tasks=MAX_TASKS_PER_WORKER) as pool:
        futures = [pool.schedule(process_file, args=(job,), timeout=timeout) for _, job in written]
        for (mutant, _), future in zip(written, futures):
            try:
                result = future.result()
            except FutureTimeout:
                outcomes.append(Outcome(mutant, "hang", f"not done within {timeout:g} s"))
            except ProcessExpired as exc:
                outcomes.append(Outcome(mutant, "crash", f"worker died: {exc}"))
            except Exception as exc:  # what the harness is here to catch
                outcomes.append(Outcome(mutant, "crash", f"raised {type(exc).__name__}: {exc}"))
            else:
                document = result.document
                status, error = document.get("status", "?"), document.get("error") or ""
                outcomes.append(Outcome(mutant, status, problem_with(result), error))
    return outcomes


def _counts(values: Iterable[str]) -> str:
    """`failed 62, ok 29, partial 9`: how often each value occurs, by value."""
    return ", ".join(f"{value} {count}" for value, count in sorted(Counter(values).items()))


def report(outcomes: list[Outcome], seconds: float) -> str:
    """Figures of a fuzz run: files, seconds, statuses and failure causes per format, crashes, hangs, each problem."""
    formats = sorted({outcome.mutant.format for outcome in outcomes})
    lines = [
        f"files {len(outcomes)} in {seconds:.1f} s ({len(outcomes) / max(seconds, 1e-9):.1f} files/s)",
        "per format: " + _counts(o.mutant.format for o in outcomes),
        "mutations: " + _counts(o.mutant.mutation for o in outcomes),
        "statuses: " + _counts(o.status for o in outcomes),
    ]
    for name in formats:
        mine = [o for o in outcomes if o.mutant.format == name]
        lines.append(f"  {name}: " + _counts(o.status for o in mine))
        lines.append("    failed as: " + _counts(o.error.split(":")[0] for o in mine if o.status == "failed"))
    problems = [o for o in outcomes if o.problem]
    crashes, hangs = (sum(o.status == kind for o in outcomes) for kind in ("crash", "hang"))
    lines.append(f"crashes {crashes}, hangs {hangs}, contract breaches {sum(o.status in STATUSES for o in problems)}")
    lines.extend(f"  {o.mutant.name}: {o.status}: {o.problem}" for o in problems)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run a fuzz campaign and print its figures; exit 1 when any mutant crashed, hung or broke the contract."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="mutants to run (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--timeout", type=float, help="seconds per file (default 60, with --slow 300)")
    parser.add_argument("--slow", action="store_true", help="also mutate .doc files and scanned PDFs")
    parser.add_argument("--keep", type=Path, help="folder to write the mutants to and keep (default: a temporary one)")
    options = parser.parse_args(argv)
    timeout = options.timeout or (SLOW_FILE_TIMEOUT if options.slow else FILE_TIMEOUT)
    with tempfile.TemporaryDirectory(prefix="tuogou-fuzz-") as scratch:
        folder = options.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        batch = mutants(corpus_files(options.slow), options.files, options.seed)
        outcomes = fuzz(folder, batch, options.workers, timeout)
        print(f"seed {options.seed}, {options.workers} workers, {timeout:g} s per file")
        print(report(outcomes, time.perf_counter() - started))
    return 1 if any(outcome.problem for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
