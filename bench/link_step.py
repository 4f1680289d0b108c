"""`python -m bench.link_step ROWS`: the link step over synthetic roster rows, split as a run splits it.

A run links in two halves. Each worker prepares its own document (`pipeline.process.prepared_tables`:
the rows as a small Arrow table, each name canonicalised at the document's place); the parent then
receives the results (pickled, as from a worker), appends them, settles identity, joins, keys,
analyses and writes the tables. Each half runs here in a process of its own, so each peak memory is
that half's alone:

- `prepare` times the workers' half (CPU seconds, the total that workers would share: each
  document's tables and its cache entry) and saves the pickled results;
- `link` loads the pickled results and times everything the parent does with them: unpickling each
  as it arrives, appending, the link step, then writing every table (timed apart).
"""

from __future__ import annotations

import argparse
import json
import pickle
import tempfile
import time
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from bench.measure import peak_memory_mib, synthetic_document, synthetic_roster
from pipeline.cache import encode_entry
from pipeline.collector import Collector
from pipeline.output import write_tables
from pipeline.process import FileResult, prepared_tables
from pipeline.run import link_tables
from pipeline.schemas import TABLES



def worker_results(rows: int) -> Iterator[FileResult]:
    """The result of each synthetic document as its worker returns it (the run's own `prepared_tables`)."""
    for index, (_, lines) in enumerate(groupby(synthetic_roster(rows), key=lambda row: row["doc_id"])):
        first, *rest = lines
        associations = [_as_extracted(row, first) for row in (first, *rest)]
        tables = prepared_tables({"associations": associations, "milestones": [], "citations": []})
        yield FileResult(synthetic_document(first, index), tables)


def _as_extracted(row: dict[str, Any], first: dict[str, Any]) -> dict[str, Any]:
    """A synthetic line as extraction gives it: with a 序号 and a status, at its document's place (the first line's)."""
    place = {field: first[field] for field in ("province", "city", "county", "adcode")}
    status = "decoupled" if row["row"] % 3 else "unknown"
    return {**row, **place, "seq": row["row"] + 1, "status": status, "locality": first["city"]}


def prepare(rows: int, path: Path) -> dict[str, float]:
    """Prepare every document as its worker would (its tables and its cache entry), save the pickled results;
    CPU seconds and peak memory."""
    started = time.process_time()
    with path.open("wb") as handle:
        for result in worker_results(rows):
            encode_entry(result)  # the worker stores each result in the cache
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return {"worker_cpu_seconds": time.process_time() - started, "worker_peak_memory_mib": peak_memory_mib()}


def link(path: Path) -> dict[str, float]:
    """Everything the parent does with the pickled results: receive, append, link, then write every table."""
    started, cpu = time.perf_counter(), time.process_time()
    collector = Collector()
    for result in _received(path):
        collector.add(result)
    tables = collector.tables()
    link_tables(tables)
    linked, linked_cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as output:
        write_tables({name: (tables[name], schema) for name, schema in TABLES.items()}, Path(output), {})
    written = time.perf_counter()
    return {
        "seconds": linked - started,
        "cpu_seconds": linked_cpu - cpu,
        "write_seconds": written - linked,
        "peak_memory_mib": peak_memory_mib(),
    }


def _received(path: Path) -> Iterator[FileResult]:
    with path.open("rb") as handle:
        while True:
            try:
                yield pickle.load(handle)
            except EOFError:
                return


def main() -> int:
    """Run one half and print its figures as one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bench.link_step", description=__doc__)
    parser.add_argument("half", choices=("prepare", "link"))
    parser.add_argument("results", type=Path, help="the file of pickled worker results")
    parser.add_argument("--rows", type=int, default=0, help="synthetic roster rows (prepare)")
    args = parser.parse_args()
    figures = prepare(args.rows, args.results) if args.half == "prepare" else link(args.results)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
