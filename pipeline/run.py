"""Run the pipeline over a folder: find files, process them in parallel, write tables."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pipeline.link import link
from pipeline.process import FileResult, Row, process_file
from pipeline.schemas import TABLES
from pipeline.writer import write_table

ROW_ORDER = {"documents": ("source_path",), "associations": ("doc_id", "row"), "milestones": ("doc_id", "idx")}
"""Sort keys that make the outputs byte-identical across runs and worker counts.

Citations keep the order each document lists them in; agencies come sorted from `link`."""


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the CLI's closing line and for tests."""

    statuses: dict[str, int]
    rows: dict[str, int]

    def line(self) -> str:
        """`9 documents: 7 ok, 1 partial, 1 failed; rows: associations 0, …`."""
        total = sum(self.statuses.values())
        statuses = ", ".join(f"{self.statuses.get(s, 0)} {s}" for s in ("ok", "partial", "failed"))
        rows = ", ".join(f"{name} {count}" for name, count in self.rows.items() if name != "documents")
        return f"{total} documents: {statuses}; rows: {rows}"


def discover(input_dir: Path) -> list[Path]:
    """Every non-hidden file below `input_dir`, following folder links, in a stable order."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(input_dir, followlinks=True):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found.extend(Path(folder) / name for name in files if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(input_dir).as_posix())


def process_all(input_dir: Path, paths: list[Path], workers: int) -> Iterator[FileResult]:
    """Process files in input order, in `workers` processes when more than one."""
    work = partial(process_file, input_dir)
    if workers <= 1 or len(paths) <= 1:
        yield from map(work, paths)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(work, paths, chunksize=1)


def run(
    input_dir: Path,
    output_dir: Path,
    workers: int = 1,
    on_file_done: Callable[[FileResult], None] | None = None,
) -> RunSummary:
    """Read every document under `input_dir` and write all tables to `output_dir`."""
    paths = discover(input_dir)
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for result in process_all(input_dir, paths, workers):
        tables["documents"].append(result.document)
        for name, rows in result.rows.items():
            tables[name].extend(rows)
        if on_file_done:
            on_file_done(result)
    for name, keys in ROW_ORDER.items():
        tables[name].sort(key=lambda r: tuple(r[k] for k in keys))
    tables["associations"], tables["agencies"] = link(tables["associations"])
    for name, schema in TABLES.items():
        write_table(tables[name], schema, output_dir / f"{name}.parquet")
    statuses = Counter(row["status"] for row in tables["documents"])
    return RunSummary(dict(statuses), {name: len(rows) for name, rows in tables.items()})
