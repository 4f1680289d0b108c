"""Run the pipeline over a folder: find files, reuse cached results, process the rest, write tables."""

from __future__ import annotations

import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from pebble import ProcessExpired, ProcessPool

from pipeline import limits
from pipeline.analyses import analyse
from pipeline.cache import ResultCache, run_fingerprint
from pipeline.identity import settle_identity, with_document_columns
from pipeline.link import link, link_citations
from pipeline.manifest import Manifest, manifest_file, read_manifest
from pipeline.process import FileJob, FileResult, Row, failed_result, job_for, process_file
from pipeline.schemas import TABLES
from pipeline.writer import provenance, write_table

ROW_ORDER = {"documents": ("source_path",), "associations": ("doc_id", "row"), "milestones": ("doc_id", "idx")}
"""Sort keys that make the outputs byte-identical across runs and worker counts.

Citations keep the order each document lists them in; agencies come sorted from `link`."""

MAX_TASKS_PER_WORKER = 200
"""A worker process is replaced after this many files, so a leak in a library cannot grow without bound."""


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the CLI's closing line, the benchmark and tests.

    `seconds` is the time of each stage: `read` and `extract` summed over the
    documents processed (in workers), `link` and `write` in the main process.
    """

    statuses: dict[str, int]
    rows: dict[str, int]
    pages: int = 0
    cached: int = 0
    seconds: dict[str, float] = field(default_factory=dict, compare=False)
    peak_memory: int = field(default=0, compare=False)
    manifest_errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        """`9 documents: 7 ok, 1 partial, 1 failed; rows: associations 0, …`."""
        total = sum(self.statuses.values())
        statuses = ", ".join(f"{self.statuses.get(s, 0)} {s}" for s in ("ok", "partial", "failed"))
        rows = ", ".join(f"{name} {count}" for name, count in self.rows.items() if name != "documents")
        reused = f" ({self.cached} unchanged, not read again)" if self.cached else ""
        manifest = f"; {len(self.manifest_errors)} manifest rows ignored" if self.manifest_errors else ""
        return f"{total} documents{reused}: {statuses}; rows: {rows}{manifest}"


def discover(input_dir: Path, manifest: Path | None = None) -> list[Path]:
    """Every non-hidden file below `input_dir`, following folder links, in a stable order; the manifest is no document."""
    skipped = manifest_file(input_dir, manifest)
    found: list[Path] = []
    for folder, subfolders, files in os.walk(input_dir, followlinks=True):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found.extend(Path(folder) / name for name in files if not name.startswith("."))
    kept = [path for path in found if skipped is None or not _same_file(path, skipped)]
    return sorted(kept, key=lambda p: p.relative_to(input_dir).as_posix())


def _same_file(path: Path, other: Path) -> bool:
    try:
        return path.samefile(other)
    except OSError:
        return False


OUT_OF_MEMORY_SIGNALS = {signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGKILL}
"""How a worker dies when memory runs out: a C++ library aborts, a C one dereferences NULL, the kernel kills."""


def process_jobs(
    jobs: list[FileJob], workers: int, timeout: float | None, caps: limits.Limits = limits.Limits()
) -> Iterator[FileResult]:
    """Process files in input order: in this process when one worker and no time limit, else in a pool.

    The pool kills a worker whose file takes longer than `timeout` seconds; that
    file becomes `failed` with a timeout error and the run goes on. Each worker's
    address space is capped by `caps.max_memory_mb`; the in-process run is not, as
    the cap would bound the parent too, which holds every result and links them.
    """
    if (workers <= 1 and timeout is None) or not jobs:
        yield from (process_file(job, caps) for job in jobs)
        return
    with ProcessPool(max_workers=workers, max_tasks=MAX_TASKS_PER_WORKER,
                     initializer=limits.limit_memory, initargs=(caps,)) as pool:
        futures = [pool.schedule(process_file, args=(job, caps), timeout=timeout) for job in jobs]
        for job, future in zip(jobs, futures):
            try:
                yield future.result()
            except FutureTimeout:
                yield failed_result(job, f"timeout: not read within {timeout:g} s", reusable=False)
            except ProcessExpired as exc:
                yield failed_result(job, _crash_error(exc, caps), reusable=False)


def _crash_error(exc: ProcessExpired, caps: limits.Limits) -> str:
    """Name how a worker died; a signal that running out of memory sends names the memory limit too.

    Example: `reader crashed: killed by SIGABRT, as when memory runs out (limit 6,144 MB, --max-memory-mb)`.
    """
    code = exc.exitcode or 0
    if code >= 0:
        return f"reader crashed: exit code {code}"
    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = f"signal {-code}"
    if -code in OUT_OF_MEMORY_SIGNALS and caps.max_memory_mb:
        limit = f"limit {caps.max_memory_mb:,} MB, --max-memory-mb"
        return f"reader crashed: killed by {name}, as when memory runs out ({limit})"
    return f"reader crashed: killed by {name}"


def run(
    input_dir: Path,
    output_dir: Path,
    workers: int = 1,
    timeout: float | None = None,
    force: bool = False,
    on_file_done: Callable[[FileResult], None] | None = None,
    manifest: Path | None = None,
    caps: limits.Limits = limits.Limits(),
) -> RunSummary:
    """Read every document under `input_dir` (reusing unchanged ones unless `force`) and write all tables.

    `manifest` is the optional manifest file; without it `INPUT/manifest.csv` is read when present.
    `caps` bounds each file's size, pages, text, rows and memory (see pipeline.limits).
    """
    jobs = [job_for(input_dir, path) for path in discover(input_dir, manifest)]
    stated = read_manifest(manifest_file(input_dir, manifest), {job.source_path for job in jobs})
    cache = ResultCache(output_dir)
    cache.prune()
    fingerprint = run_fingerprint(jobs, stated.digest)
    if not force and (finished := cache.finished_run(fingerprint, output_dir)) is not None:
        return replace(RunSummary(**finished), cached=len(jobs))
    results = {} if force else _cached_results(jobs, cache)
    todo = [i for i in range(len(jobs)) if i not in results]
    for result in results.values():
        if on_file_done:
            on_file_done(result)
    for i, result in zip(todo, process_jobs([jobs[i] for i in todo], workers, timeout, caps)):
        results[i] = result
        if result.reusable:
            cache.put(jobs[i], result)
        if on_file_done:
            on_file_done(result)
    processed = [results[i] for i in todo]
    ordered = [results[i] for i in range(len(jobs))]
    seconds = Counter[str]()
    for result in processed:
        seconds.update(result.seconds)
    tables = _write_tables(ordered, output_dir, seconds, provenance(fingerprint), stated)
    summary = RunSummary(
        statuses=dict(Counter(document["status"] for document in tables["documents"])),
        rows={name: len(rows) for name, rows in tables.items()},
        pages=sum(result.document.get("pages") or 0 for result in ordered),
        cached=len(jobs) - len(todo),
        seconds=dict(seconds),
        peak_memory=max((result.peak_memory for result in processed), default=0),
        manifest_errors=list(stated.errors),
    )
    if all(result.reusable for result in processed):
        cache.record_run(fingerprint, asdict(summary))
    else:  # a timed-out file, or one an absent tool could not read, must be tried again next time
        cache.forget_run()
    return summary


def _cached_results(jobs: list[FileJob], cache: ResultCache) -> dict[int, FileResult]:
    """The stored results of the files whose bytes and extractor version are unchanged, by position."""
    return {i: hit for i, job in enumerate(jobs) if (hit := cache.get(job)) is not None}


def _write_tables(
    results: list[FileResult],
    output_dir: Path,
    seconds: Counter[str],
    metadata: dict[str, str],
    manifest: Manifest,
) -> dict[str, list[Row]]:
    """Gather every table, settle cross-document columns (identity, then keys), and write them; time `link` and `write`."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for result in results:
        tables["documents"].append(result.document)
        for name, rows in result.rows.items():
            tables[name].extend(rows)
    for name, keys in ROW_ORDER.items():
        tables[name].sort(key=lambda r: tuple(r[k] for k in keys))
    started = time.perf_counter()
    tables["documents"] = settle_identity(tables["documents"], manifest)
    for name in ("associations", "milestones", "citations"):
        tables[name] = with_document_columns(tables[name], tables["documents"], place=name == "associations")
    tables["associations"], tables["agencies"] = link(tables["associations"], tables["documents"])
    tables["citations"] = link_citations(tables["citations"])
    tables.update(analyse(tables["documents"], tables["associations"], tables["milestones"]))
    linked = time.perf_counter()
    for name, schema in TABLES.items():
        write_table(tables[name], schema, output_dir / f"{name}.parquet", metadata)
    seconds["link"] += linked - started
    seconds["write"] += time.perf_counter() - linked
    return tables
