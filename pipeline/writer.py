"""Write output tables atomically, checked against their one declared schema.

`pa.Table.from_pylist(rows, schema=...)` silently drops unknown keys and fills
missing fields with null, so rows are checked here first: a typo in an extractor
fails loudly instead of emptying a column. Each file also carries pandas
metadata, so a plain `pd.read_parquet` gives `Int32` and `boolean` columns with
nulls (not float64 and object), and the run's provenance as key-value metadata.
"""

from __future__ import annotations

import json
import os
import secrets
import tomllib
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.schemas import enum_values

NEW_FILE_MODE = 0o666
"""Like any file the user writes: the umask then takes away what others may not do (0644 with umask 022)."""


PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


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


def to_table(rows: Sequence[dict[str, Any]] | pa.Table, schema: pa.Schema) -> pa.Table:
    """Build an Arrow table from checked rows, or check one built as columns; absent columns are null.

    Rows hold `datetime.date` values, which Arrow does not turn into timestamps
    itself: timestamp columns are built as date32 and then cast (midnight).
    """
    building = pa.schema([building_field(f) for f in schema])
    if isinstance(rows, pa.Table):
        table = _checked_columns(rows, building)
    else:
        check_rows(rows, schema)
        table = pa.Table.from_pylist(list(rows), schema=building)
    columns = [_final_column(table.column(f.name), f) for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def _checked_columns(table: pa.Table, building: pa.Schema) -> pa.Table:
    """The columns of `building`, in its order and types, from a table built as columns: the checks of
    `check_rows` (no unknown column, no null in a required one) over whole columns."""
    unknown = set(table.column_names) - set(building.names)
    if unknown:
        raise SchemaViolation(f"unknown columns {sorted(unknown)}")
    columns = []
    for field in building:
        if field.name not in table.column_names:
            columns.append(pa.nulls(table.num_rows, field.type))
            continue
        column = table[field.name]
        if not field.nullable and column.null_count:
            raise SchemaViolation(f"required column is null in {column.null_count} rows: {field.name}")
        columns.append(column.cast(field.type))
    return pa.Table.from_arrays(columns, schema=building)


def building_field(field: pa.Field) -> pa.Field:
    """The field as rows fill it: a date as date32 (cast to the written timestamp at the end), an enumeration as
    plain strings (encoded with every category at the end)."""
    if pa.types.is_timestamp(field.type):
        return field.with_type(pa.date32())
    return field.with_type(pa.string()) if enum_values(field) is not None else field


def _final_column(column: pa.ChunkedArray, field: pa.Field) -> pa.Array | pa.ChunkedArray:
    """The column in its written type; an enumeration gets every value as a category, in order."""
    values = enum_values(field)
    if values is None:
        return column.cast(field.type)
    dictionary = pa.array(values, pa.string())
    indices = pc.index_in(column, value_set=dictionary)
    unknown = pc.and_(pc.is_valid(column), pc.is_null(indices))
    if pc.any(unknown).as_py():
        found = pc.unique(pc.filter(column, unknown)).to_pylist()
        raise SchemaViolation(f"column {field.name}: values outside the enumeration {found}")
    return pa.DictionaryArray.from_arrays(indices.combine_chunks().cast(pa.int32()), dictionary)


def pandas_metadata(schema: pa.Schema) -> bytes:
    """The `pandas` schema metadata that makes `pd.read_parquet` pick nullable dtypes.

    pyarrow turns a column into the pandas extension dtype named by its
    `numpy_type` (`Int32`, `boolean`); dictionary columns become categoricals and
    timestamps datetime64 without help.
    """
    columns = [
        {"name": f.name, "field_name": f.name, "pandas_type": pandas_type, "numpy_type": numpy_type, "metadata": None}
        for f in schema
        for pandas_type, numpy_type in [_pandas_types(f.type)]
    ]
    return json.dumps({"index_columns": [], "column_indexes": [], "columns": columns}).encode()


def _pandas_types(type_: pa.DataType) -> tuple[str, str]:
    if pa.types.is_int32(type_):
        return "int32", "Int32"
    if pa.types.is_boolean(type_):
        return "bool", "boolean"
    if pa.types.is_timestamp(type_):
        return "datetime", f"datetime64[{type_.unit}]"
    if pa.types.is_dictionary(type_):
        return "categorical", "int32"
    if pa.types.is_list(type_):
        return "list[unicode]", "object"
    return "unicode", "object"


def tuogou_version() -> str:
    """The installed package's version, else the one the source tree declares (run from a checkout)."""
    try:
        return metadata.version("tuogou")
    except metadata.PackageNotFoundError:
        return str(tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"])


def provenance(input_fingerprint: str) -> dict[str, str]:
    """Key-value metadata for every table of a run: which tuogou wrote it, when (UTC), from which files.

    The fingerprint is the run's digest of every input path and SHA-256, so two
    tables with the same value were read from the same folder contents.
    """
    return {
        "tuogou.version": tuogou_version(),
        "tuogou.run_time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "tuogou.input_fingerprint": input_fingerprint,
    }


def create_beside(path: Path) -> Path:
    """An empty, new, hidden file in `path`'s folder, created with the user's umask (mkstemp's is 0600)."""
    temporary = path.parent / f".{path.stem}.{secrets.token_hex(8)}.tmp"
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE))
    return temporary


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Have `write` fill a temporary file beside `path`, then rename it over `path`.

    An interrupted run therefore leaves either the previous file or the new one,
    never a truncated one; used for the tables and for the cache entries alike.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = create_beside(path)
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_table(
    rows: Sequence[dict[str, Any]] | pa.Table, schema: pa.Schema, path: Path, metadata: Mapping[str, str] | None = None
) -> None:
    """Write `rows` (or a table built as columns) to `path` as Parquet, checked against the schema and replaced atomically.

    `metadata` (the run's provenance) goes into the file's key-value metadata beside the pandas metadata.
    """
    table = to_table(rows, schema)
    table = table.replace_schema_metadata({**(metadata or {}), "pandas": pandas_metadata(schema)})
    replace_atomically(path, lambda temporary: pq.write_table(table, temporary))
