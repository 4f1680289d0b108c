"""Per-document tables as small Arrow tables, from the worker to the written file.

A national corpus gives millions of roster rows. Held as one dict per row, 1M rows took 1.9 GB in
the parent; as columns they take a few hundred MB and are joined, keyed and sorted by Arrow's
kernels. So a worker turns its document's rows into one small Arrow table per table (the schema of
`collected`), the parent appends them as they arrive and concatenates them without a copy, and the
link step adds its columns to the whole table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.schemas import TABLES
from pipeline.writer import building_field, check_rows

Row = dict[str, Any]

PER_DOCUMENT = ("associations", "milestones", "citations")
"""The tables whose rows each come from one document, so a worker builds them."""
LINKED = {
    "associations": ("document_key", "association_key", "supervisor", "supervisor_former", "supervisor_current",
                     "registration", "agency_key"),
    "milestones": ("document_key",),
    "citations": ("document_key",),
}
"""Columns only the link step can fill, once every document is read: they are not in a worker's table."""
NAME_COLUMNS = (
    pa.field("name_canonical", pa.string()),
    pa.field("name_block", pa.string()),
    pa.field("name_own_key", pa.string()),
)
"""What the worker settles of an association's key (`link.with_name_keys`): the canonical name at the
document's place, its block (skeleton), and its key unless another name merges with it. The link step
uses them and drops them."""
EXTRA = {"associations": NAME_COLUMNS}


def collected(name: str) -> pa.Schema:
    """The schema of a worker's table `name`: the written columns the document fills, then the link's helpers.

    Without the descriptions (field metadata): each document's table carries its schema to the parent,
    and the descriptions were 6 % of what 1,333 documents sent (4.3 of 69.5 MB)."""
    fields = [building_field(f).remove_metadata() for f in TABLES[name] if f.name not in LINKED[name]]
    return pa.schema([*fields, *EXTRA.get(name, ())])


def to_arrow(name: str, rows: Sequence[Row]) -> pa.Table:
    """A document's rows of table `name` as an Arrow table of its `collected` schema, checked first."""
    schema = collected(name)
    check_rows(rows, schema)
    return pa.Table.from_pylist(list(rows), schema=schema)


def concatenated(name: str, parts: Iterable[pa.Table]) -> pa.Table:
    """The documents' tables appended (no copy: each becomes a chunk), an empty table when there are none."""
    tables = list(parts)
    return pa.concat_tables(tables) if tables else collected(name).empty_table()


def sorted_by(table: pa.Table, keys: Sequence[str]) -> pa.Table:
    """The table in the order of `keys` (a stable sort; strings in code-point order, as Python sorts them).

    Taken a column at a time, each unsorted column let go as soon as its sorted copy exists, so the
    sort needs the table and one column more, not the table twice (a few hundred MB at 1M rows).
    """
    order = pc.sort_indices(table, sort_keys=[(key, "ascending") for key in keys])
    schema, columns = table.schema, []
    for name in schema.names:
        columns.append(table[name].take(order))
        table = table.drop_columns([name])
    return pa.Table.from_arrays(columns, schema=schema)


def with_column(table: pa.Table, name: str, values: pa.Array | pa.ChunkedArray) -> pa.Table:
    """`table` with column `name` set to `values`, replaced in place when present, else appended."""
    index = table.schema.get_field_index(name)
    if index < 0:
        return table.append_column(name, values)
    return table.set_column(index, table.schema.field(index).with_type(values.type), values)  # keeps nullability


def document_positions(table: pa.Table, documents: Sequence[Row]) -> pa.Array:
    """For each row of a per-document table, the position of its document in `documents` (by doc_id)."""
    doc_ids = pa.array([document["doc_id"] for document in documents], pa.string())
    return pc.index_in(table["doc_id"], value_set=doc_ids)


def document_column(documents: Sequence[Row], column: str, positions: pa.Array, type_: pa.DataType) -> pa.Array:
    """A document column repeated on each row of a per-document table: the join of the two on doc_id."""
    return pa.array([document.get(column) for document in documents], type_).take(positions)


def with_document_columns(table: pa.Table, documents: Sequence[Row], columns: Sequence[str]) -> pa.Table:
    """The rows given their document's `columns` (its key and, for rosters, its settled place)."""
    positions = document_positions(table, documents)
    for column in columns:
        table = with_column(table, column, document_column(documents, column, positions, pa.string()))
    return table


def codes(column: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, int]:
    """Integer codes of a column's values (equal values, equal codes; null is -1) and how many values are distinct:
    what numpy sorts and counts in place of the strings."""
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    encoded = pc.dictionary_encode(array)
    return pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False), len(encoded.dictionary)


def distinct_rows(columns: Sequence[pa.Array | pa.ChunkedArray]) -> tuple[np.ndarray, np.ndarray]:
    """Of rows keyed by the values of several columns (null a value of its own): the first row of each distinct
    key, in order of first appearance, and for each row the number of its key in that order.

    Codes, not joined strings: a million rows cost a few integer arrays, not a million new strings.
    """
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        values, count = codes(column)
        _, key = np.unique(key * (count + 1) + values + 1, return_inverse=True)  # renumbered: stays small
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return first[order], rank[inverse]
