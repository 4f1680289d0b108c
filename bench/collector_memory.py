"""`python -m bench.collector_memory CACHE --copies N`: the collector's peak memory over a run's real results, N times.

The process that collects results should not grow with the corpus. Running the pipeline over a corpus
4x the bench's costs 4 x 65 s, and the collecting process only receives results; so this replays the
bench run's own results, read back from its result cache (`OUTPUT/.cache/<version>/`), N times over
(each copy under its own doc_ids and source_paths, as distinct files), through the run's `Collector`,
in a process of its own. It prints, as one JSON line, the process's peak resident memory after every
result is added (what collecting costs: flat) and after `tables()` (the link step's input, every
table in memory at once: that grows with the corpus).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bench.measure import peak_memory_mib
from pipeline.cache import ENTRY_SUFFIX, RUN_RECORD, decode_entry
from pipeline.collector import Collector
from pipeline.process import FileJob, FileResult, keyed_to


def replayed(cache_folder: Path, copies: int) -> Iterator[FileResult]:
    """Each cached result `copies` times, each copy keyed to a path and content of its own, decoded as it is needed."""
    entries = sorted(path for path in cache_folder.glob(f"*{ENTRY_SUFFIX}") if path.name != RUN_RECORD)
    for copy in range(copies):
        for entry in entries:
            result = decode_entry(entry.read_bytes())
            source_path = f"copy-{copy}/{result.document['source_path']}"
            sha256 = hashlib.sha256(f"{copy}\0{entry.stem}".encode()).hexdigest()
            yield keyed_to(result, FileJob(Path(source_path), source_path, sha256))


def collector_peaks(cache_folder: Path, copies: int) -> dict[str, float]:
    """Peak resident memory (MiB) of this process after collecting the replayed results, then after `tables()`."""
    with tempfile.TemporaryDirectory() as output:
        collector = Collector(Path(output))
        for result in replayed(cache_folder, copies):
            collector.add(result)
        collected = peak_memory_mib()
        tables = collector.tables()
        return {"collected_mib": collected, "tables_mib": peak_memory_mib(), "documents": len(tables["documents"])}


def main() -> int:
    """Replay and print the figures as one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bench.collector_memory", description=__doc__)
    parser.add_argument("cache", type=Path, help="a result cache's version folder (OUTPUT/.cache/<version>)")
    parser.add_argument("--copies", type=int, default=1, help="how many times over to replay the results")
    args = parser.parse_args()
    print(json.dumps(collector_peaks(args.cache, args.copies)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
