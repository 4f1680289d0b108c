"""Run the pipeline over a folder: find files, reuse cached results, process the rest, write tables."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path

from readers import limits
from pipeline.analyses import analyse
from pipeline.cache import ResultCache, run_fingerprint
from pipeline.collector import Collector, Tables
from pipeline.columns import PER_DOCUMENT, with_document_columns
from pipeline.discovery import Found, cause_of, discover
from pipeline.exports import write_default_exports
from pipeline.identity import ROW_PLACE_FIELDS, settle_identity
from pipeline.link import link, link_citations
from pipeline.manifest import Manifest, manifest_file, read_manifest
from pipeline.output import finish_interrupted_swap, holding, write_tables
from pipeline.pool import Executor, Workers
from pipeline.ranges import PageRange, ReadPart, assemble_file, ranges_of, read_part
from pipeline.process import (
    FileJob,
    FileResult,
    failed_result,
    job_for,
    keyed_to,
    process_file,
    unread_job,
)
from pipeline.schemas import TABLES
from pipeline.writer import provenance

SETTLED_PLACE = ("province", "city", "county")
"""The place an association name is keyed at: a document whose place the link step changes is keyed again."""

OnFileDone = Callable[[FileResult], None]
OnWaiting = Callable[[str], None]


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the CLI's closing line, the benchmark and tests.

    `seconds` is the time of each stage: `read`, `extract` and `prepare` (the link's per-document
    half) summed over the documents processed (in workers), `link` and `write` in the main process.
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


def hash_files(found: list[Found], input_dir: Path, pool: Executor) -> tuple[list[FileJob], list[FileResult]]:
    """Jobs for the readable files (hashed in the workers, under the time limit) and failed results for the rest.

    Of byte-identical files the first in sorted order keeps the content doc_id; each later one
    is a `copy_of` it, with a doc_id of its own.
    """
    unread = [failed_result(unread_job(input_dir, f.path), f.problem) for f in found if f.problem]
    readable = [f.path for f in found if not f.problem]
    hashed: dict[int, FileJob] = {}
    for index, outcome in pool.as_completed(partial(job_for, input_dir), readable):
        if isinstance(outcome, FileJob):
            hashed[index] = outcome
        else:  # a timeout, a file gone or refused, or one that became a pipe after discovery
            cause = cause_of(outcome) if isinstance(outcome, OSError) else str(outcome)
            unread.append(failed_result(unread_job(input_dir, readable[index]), cause, reusable=False))
    jobs: list[FileJob] = []
    first_of: dict[str, str] = {}
    for index in sorted(hashed):
        job = hashed[index]
        first = first_of.setdefault(job.sha256, job.source_path)
        jobs.append(job if first == job.source_path else replace(job, copy_of=first))
    return jobs, unread


def read_contents(
    todo: list[FileJob], pool: Executor, cache: ResultCache | None = None, on_waiting: OnWaiting | None = None
) -> Iterator[tuple[FileJob, FileResult]]:
    """Read each job, yielding its result as soon as it is done (not in input order); a worker stores each
    reusable result in `cache` itself, so the parent never encodes one.

    A long PDF is read as page ranges (`pipeline.ranges`), each a call of its own, and once all its
    parts are in, one more call assembles and extracts it. `on_waiting` is told the earliest file
    still being read, first and after each one finishes: the file a stalled progress bar is waiting for.
    """
    store = cache.put if cache is not None else None
    whole = partial(process_file, caps=pool.caps, store=store)
    read_range = partial(read_part, caps=pool.caps)
    assemble = partial(assemble_file, caps=pool.caps, store=store)
    calls: dict[int, tuple[FileJob, PageRange | None]] = {}
    parts: dict[str, tuple[int, list[object]]] = {}  # per split job: how many ranges, the outcomes so far
    for job in todo:
        ranges = ranges_of(job)
        for piece in ranges:
            calls[pool.submit(read_range, piece, alone=True)] = (job, piece)
        if ranges:
            parts[job.sha256] = (len(ranges), [])
        else:
            calls[pool.submit(whole, job)] = (job, None)
    pending = {job.sha256: job for job in todo}
    if on_waiting and todo:
        on_waiting(todo[0].source_path)
    for ticket, outcome in pool.completed():
        job, piece = calls.pop(ticket)
        if piece is not None:
            expected, read = parts[job.sha256]
            read.append(outcome)
            if len(read) < expected:
                continue
            del parts[job.sha256]
            outcome = next((part for part in read if not isinstance(part, ReadPart)), None)
            if outcome is None:  # every range read: one more call puts them together
                calls[pool.submit(assemble, (job, read))] = (job, None)
                continue
        del pending[job.sha256]
        yield job, outcome if isinstance(outcome, FileResult) else failed_result(job, str(outcome), reusable=False)
        if on_waiting and pending:
            on_waiting(next(iter(pending.values())).source_path)


def run(
    input_dir: Path,
    output_dir: Path,
    workers: int = 1,
    timeout: float | None = None,
    force: bool = False,
    on_file_done: OnFileDone | None = None,
    manifest: Path | None = None,
    on_waiting: OnWaiting | None = None,
    caps: limits.Limits = limits.Limits(),
    executor: str = "local",
    scheduler: str | None = None,
) -> RunSummary:
    """Read every document under `input_dir`, or that one file (reusing unchanged ones unless `force`), and write all tables.

    `manifest` is the optional manifest file; without it `INPUT/manifest.csv` is read when present.
    Each result is cached the moment it is done, so an interrupted run loses only the files being read.
    `caps` bounds each file's size, pages, text, rows and memory (see readers.limits). `executor` is
    `local` (a pool of `workers` processes) or `dask` (the cluster at `scheduler`, else a local one of
    `workers` processes; see `open_executor`).
    """
    pool = partial(open_executor, executor, workers, timeout, caps, scheduler)
    with holding(output_dir):
        return _run(input_dir.absolute(), output_dir.absolute(), pool, force, on_file_done, manifest, on_waiting)


EXECUTORS = ("local", "dask")


def open_executor(
    executor: str, workers: int, timeout: float | None, caps: limits.Limits, scheduler: str | None = None
) -> Executor:
    """The workers of a run: a local pool, or a Dask cluster (its address from `scheduler`, else dask's own
    `scheduler-address` setting, e.g. `DASK_SCHEDULER_ADDRESS`, else a `LocalCluster` of `workers`)."""
    if executor == "local":
        if scheduler:
            raise ValueError("a scheduler address needs the dask executor")
        return Workers(workers, timeout, caps)
    if executor == "dask":
        try:
            from pipeline.dask_pool import DaskWorkers  # dask is imported only by runs that use it
        except ImportError as error:
            raise ImportError(f"the dask executor needs dask.distributed: pip install 'tuogou[dask]' ({error})") from error
        return DaskWorkers(workers, timeout, caps, scheduler)
    raise ValueError(f"unknown executor {executor!r}: one of {', '.join(EXECUTORS)}")


def _run(
    input_dir: Path,
    output_dir: Path,
    open_pool: Callable[[], Executor],
    force: bool,
    on_file_done: OnFileDone | None,
    manifest: Path | None,
    on_waiting: OnWaiting | None,
) -> RunSummary:
    """`run` with the output folder held: finish what a killed run left, then read, link and write."""
    finish_interrupted_swap(output_dir)
    cache = ResultCache(output_dir)
    cache.prune()
    found = discover(input_dir, manifest, output_dir)
    root = input_dir.parent if input_dir.is_file() else input_dir
    with open_pool() as pool:
        jobs, unread = hash_files(found, root, pool)
        stated = read_manifest(manifest_file(root, manifest), {f.source_path for f in found})
        keys = [(job.source_path, job.sha256) for job in jobs]
        keys += [(result.document["source_path"], result.document["sha256"]) for result in unread]
        fingerprint = run_fingerprint(keys, stated.digest)
        if not force and (finished := cache.finished_run(fingerprint, output_dir)) is not None:
            write_default_exports(output_dir, only_missing=True)
            return replace(RunSummary(**finished), cached=len(found))
        cache.forget_run()  # the tables are about to change: from here on a kill must not leave them taken as final
        collector = Collector(output_dir)
        for result in unread:
            collector.add(result)
            if on_file_done:
                on_file_done(result)
        processed, cached = _results(jobs, cache, pool, force, on_file_done, on_waiting, collector)
    seconds = Counter[str]()
    for result in processed:
        seconds.update(result.seconds)
    tables = _write_tables(collector, output_dir, seconds, provenance(fingerprint), stated)
    summary = RunSummary(
        statuses=dict(Counter(document["status"] for document in tables["documents"])),
        rows={name: len(rows) for name, rows in tables.items()},
        pages=sum(document.get("pages") or 0 for document in tables["documents"]),
        cached=cached,
        seconds=dict(seconds),
        peak_memory=max((result.peak_memory for result in processed), default=0),
        manifest_errors=list(stated.errors),
    )
    if all(result.reusable for result in [*processed, *unread]):
        cache.record_run(fingerprint, asdict(summary))
    return summary


def _results(
    jobs: list[FileJob],
    cache: ResultCache,
    pool: Executor,
    force: bool,
    on_file_done: OnFileDone | None,
    on_waiting: OnWaiting | None,
    collector: Collector,
) -> tuple[list[FileResult], int]:
    """Give the collector the result of every path (cached, else read once however many copies), the moment
    it is done; return the results read now (without their tables, which the collector holds) and the files cached.

    Each result read is stored in the cache by its worker, before the next one is awaited.
    """
    paths: defaultdict[str, list[FileJob]] = defaultdict(list)
    for job in jobs:
        paths[job.sha256].append(job)

    def deliver(job: FileJob, result: FileResult) -> None:
        for copy in paths[job.sha256]:
            keyed = keyed_to(result, copy)
            collector.add(keyed)
            if on_file_done:
                on_file_done(keyed)

    todo, cached = [], 0
    for sha, copies in paths.items():  # each cache entry decoded, handed on and dropped: memory stays flat on resume
        hit = None if force else cache.get(sha)
        if hit is None:
            todo.append(copies[0])
        else:
            deliver(copies[0], hit)
            cached += len(copies)
    processed = []
    for job, result in read_contents(todo, pool, cache, on_waiting):
        processed.append(replace(result, document={}, tables={}))  # the collector holds its rows, on disk
        deliver(job, result)
    return processed, cached


def _write_tables(
    collector: Collector,
    output_dir: Path,
    seconds: Counter[str],
    metadata: dict[str, str],
    manifest: Manifest,
) -> dict[str, Tables]:
    """Gather every table, settle cross-document columns (identity, then keys), and write them; time `link` and `write`."""
    started = time.perf_counter()
    tables = collector.tables()
    link_tables(tables, manifest)
    linked = time.perf_counter()
    write_tables({name: (tables[name], schema) for name, schema in TABLES.items()}, output_dir, metadata)
    write_default_exports(output_dir)
    seconds["link"] += linked - started
    seconds["write"] += time.perf_counter() - linked
    return tables


def link_tables(tables: dict[str, Tables], manifest: Manifest = Manifest()) -> None:
    """The link step, in place: settle identity, give rows their document's columns, fill keys and agencies, analyse.

    It runs in the main process once every document is read; the benchmark times it alone.
    """
    read = tables["documents"]
    tables["documents"] = settle_identity(read, manifest)
    moved = {
        settled["doc_id"]
        for before, settled in zip(read, tables["documents"], strict=True)
        if any(before.get(field) != settled.get(field) for field in SETTLED_PLACE)
    }
    for name in PER_DOCUMENT:
        columns = ("document_key", *(ROW_PLACE_FIELDS if name == "associations" else ()))
        tables[name] = with_document_columns(tables[name], tables["documents"], columns)
    tables["associations"], tables["agencies"] = link(tables["associations"], tables["documents"], moved)
    tables["citations"] = link_citations(tables["citations"])
    tables.update(analyse(tables["documents"], tables["associations"], tables["milestones"]))
