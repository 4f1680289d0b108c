"""Write output tables atomically, checked against their one declared schema.

`pa.Table.from_pylist(rows, schema=...)` silently drops unknown keys and fills
missing fields with null, so rows are checked here first: a typo in an extractor
fails loudly instead of emptying a column.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq


class SchemaViolation(ValueError):
    """A row does not fit its table's schema (unknown key, or null in a required field)."""


def check_rows(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> None:
    """Raise SchemaViolation when a row has a key the schema lacks or a required field is null."""
    known = set(schema.names)
    required = [f.name for f in schema if not f.nullable]
    for index, row in enumerate(rows):
        unknown = set(row) - known
        if unknown:
            raise SchemaViolation(f"row {index}: unknown columns {sorted(unknown)}")
        missing = [name for name in required if row.get(name) is None]
        if missing:
            raise SchemaViolation(f"row {index}: required columns are null: {missing}")


def to_table(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Build an Arrow table from checked rows; columns absent from a row are null."""
    check_rows(rows, schema)
    return pa.Table.from_pylist(list(rows), schema=schema)


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Have `write` fill a temporary file beside `path`, then rename it over `path`.

    An interrupted run therefore leaves either the previous file or the new one,
    never a truncated one; used for the tables and for the cache entries alike.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_table(rows: Sequence[dict[str, Any]], schema: pa.Schema, path: Path) -> None:
    """Write `rows` to `path` as Parquet, checked against the schema and replaced atomically."""
    table = to_table(rows, schema)
    replace_atomically(path, lambda temporary: pq.write_table(table, temporary))
