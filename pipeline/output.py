"""A run's tables appear in the output folder together: all written and synced first, then swapped in.

A kill between two table writes used to leave a new `documents` beside an old
`associations`. Now every table is written into a fresh hidden staging folder inside the
output folder and synced; a small swap record naming that folder is written (atomically)
before the tables are renamed into place, and removed after. Every table carries the run's
id in its key-value metadata (`tuogou.run_id`). A kill before the swap leaves the old tables
untouched; a kill during the swap leaves the swap record, and the next run (or
`finish_interrupted_swap`) moves the rest in. So tables sharing a `tuogou.run_id` belong
together, and a mix can only be seen while a `.swap.json` record is present. One run at a
time holds the folder (`.lock`), so cleaning leftovers never removes a live run's staging.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from secrets import token_hex
from typing import Any

import pyarrow as pa

from pipeline.writer import replace_atomically, write_table

STAGING_PREFIX = ".staging-"
SWAP_RECORD = ".swap.json"
RUN_ID_KEY = "tuogou.run_id"
LOCK_FILE = ".lock"


class OutputBusy(OSError):
    """Another run is writing to the same output folder."""


@contextmanager
def holding(output_dir: Path) -> Iterator[None]:
    """Hold the output folder for one run; the lock goes with the process, so a killed run never leaves it stuck."""
    output_dir.mkdir(parents=True, exist_ok=True)
    with (output_dir / LOCK_FILE).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(f"output folder in use by another run: {output_dir}") from None
        yield


def new_run_id() -> str:
    """Sortable and unique: `20261202T110000Z-3f2a9c1e`."""
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{token_hex(4)}"


def write_tables(
    tables: Mapping[str, tuple[Sequence[dict[str, Any]] | pa.Table, pa.Schema]], output_dir: Path, metadata: Mapping[str, str]
) -> str:
    """Write every table as `<name>.parquet` in `output_dir` as one unit; return the run id they carry."""
    run_id = new_run_id()
    staging = output_dir / f"{STAGING_PREFIX}{run_id}"
    staging.mkdir(parents=True)
    try:
        for name, (rows, schema) in tables.items():
            write_table(rows, schema, staging / f"{name}.parquet", {**metadata, RUN_ID_KEY: run_id})
            _sync(staging / f"{name}.parquet")
        _sync(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    record = json.dumps({"run_id": run_id, "staging": staging.name})
    replace_atomically(output_dir / SWAP_RECORD, lambda temporary: _write_synced(temporary, record))
    _swap_in(output_dir, staging)
    return run_id


def finish_interrupted_swap(output_dir: Path) -> None:
    """Complete a swap a kill interrupted, then remove leftovers: staging folders and `.tmp` files."""
    if not output_dir.is_dir():
        return
    try:
        staging = output_dir / json.loads((output_dir / SWAP_RECORD).read_text(encoding="utf-8"))["staging"]
    except (OSError, ValueError, KeyError, TypeError):
        staging = None
    if staging is not None and staging.parent == output_dir and staging.is_dir():
        _swap_in(output_dir, staging)
    (output_dir / SWAP_RECORD).unlink(missing_ok=True)
    for leftover in output_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in output_dir.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)


def _swap_in(output_dir: Path, staging: Path) -> None:
    """Rename every staged table over its old copy, then drop the swap record and the staging folder."""
    for table in sorted(staging.glob("*.parquet")):
        os.replace(table, output_dir / table.name)
    _sync(output_dir)
    (output_dir / SWAP_RECORD).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)


def _write_synced(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    _sync(path)


def _sync(path: Path) -> None:
    """Flush a file's or folder's contents to disk, so a renamed table is never an empty one after a crash."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
