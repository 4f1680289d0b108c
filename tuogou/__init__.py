"""tuogou: decoupling (脱钩) documents as clean tables, for notebooks.

    import tuogou
    tables = tuogou.extract("data/raw")          # read a folder (or one file) into memory
    tables = tuogou.load("data/processed")       # or read the tables a run wrote
    tables.progress                               # a pandas DataFrame, with its intended dtypes
    tables.arrow["progress"]                      # the same as an Arrow table

`extract` writes nothing the caller can see unless given `output`: without it the run works in
a temporary folder (its cache included) that is removed once the tables are in memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.run import RunSummary, run
from pipeline.schemas import TABLES
from pipeline.writer import tuogou_version
from readers.limits import Limits

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Tables", "extract", "load", "__version__"]
__version__ = tuogou_version()


@dataclass(frozen=True)
class Tables(Mapping[str, "pd.DataFrame"]):
    """Every table of a run: `tables["documents"]` or `tables.documents` as pandas, `tables.arrow[...]` as Arrow.

    pandas frames are made on access (pandas is only needed by who asks for them), with the dtypes
    `pd.read_parquet` gives: `Int32`, `boolean`, datetime64, categoricals.
    """

    arrow: Mapping[str, pa.Table]
    summary: RunSummary | None = None

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.arrow[name].to_pandas()

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in TABLES:
            return self[name]
        raise AttributeError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.arrow)

    def __len__(self) -> int:
        return len(self.arrow)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name} {table.num_rows}" for name, table in self.arrow.items())
        return f"Tables({counts})"


def load(output_dir: str | Path) -> Tables:
    """The tables a run wrote to `output_dir` (`data/processed` by default in the command)."""
    folder = Path(output_dir)
    missing = [name for name in TABLES if not (folder / f"{name}.parquet").is_file()]
    if missing:
        raise FileNotFoundError(f"not a tuogou output folder, missing {', '.join(missing)}: {folder}")
    return Tables({name: pq.read_table(folder / f"{name}.parquet") for name in TABLES})


def extract(
    path: str | Path,
    output: str | Path | None = None,
    workers: int = 1,
    timeout: float | None = None,
    limits: Limits = Limits(),
    executor: str = "local",
    scheduler: str | None = None,
) -> Tables:
    """Read a folder of documents, or one document, into tables.

    With `output` the tables (and the cache that makes a re-run fast) are written there, as the
    command does; without it nothing is left on disk. `timeout` (seconds per document) runs the
    files in worker processes, which also caps each one's memory (`limits.max_memory_mb`).
    `executor="dask"` reads them on the Dask cluster at `scheduler` (else a local one of `workers`).
    """
    source = Path(path)
    if not source.exists():
        raise FileNotFoundError(f"input not found: {source}")
    folder = nullcontext(str(output)) if output is not None else tempfile.TemporaryDirectory(prefix="tuogou-")
    with folder as written:
        summary = run(
            source, Path(written), workers=workers, timeout=timeout, caps=limits, executor=executor, scheduler=scheduler
        )
        return Tables(load(written).arrow, summary)
