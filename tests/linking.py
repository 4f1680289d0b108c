"""The link step over hand-made rows, as a run does it: each document's half, then the parent's over all rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from pipeline.columns import collected
from pipeline.link import link, link_citations, with_name_keys

Row = dict[str, Any]


def as_table(name: str, rows: Sequence[Row]) -> pa.Table:
    """Rows of a per-document table as its Arrow table; keys a hand-made row leaves out are null."""
    schema = pa.schema([field.with_nullable(True) for field in collected(name)])
    return pa.Table.from_pylist(list(rows), schema=schema)


def prepared(rows: Sequence[Row]) -> pa.Table:
    """Association rows with what their workers settle (`with_name_keys`), as one table."""
    return as_table("associations", with_name_keys(rows))


def link_rows(rows: Sequence[Row], documents: Sequence[Row] = ()) -> tuple[list[Row], list[Row]]:
    """`link` over association rows: the linked rows and the agencies rows."""
    linked, agencies = link(prepared(rows), documents)
    return linked.to_pylist(), agencies


def link_citation_rows(rows: Sequence[Row]) -> list[Row]:
    """`link_citations` over citation rows."""
    return link_citations(as_table("citations", rows)).to_pylist()
