"""The Parquet tables of a run, read into plain Python values that compare directly with the gold JSON."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.schemas import TABLES

SCORED_TABLES = ("documents", "associations", "milestones", "citations")
"""The tables the gold scores; agencies.parquet has no gold."""

Row = Mapping[str, object]


class _Absent:
    """A column the output table lacks: equal to no gold value, so every check on it fails visibly."""

    def __repr__(self) -> str:
        return "<no column>"


ABSENT = _Absent()


class MissingOutputError(FileNotFoundError):
    """The run did not write a table the scorer needs; the CLI exits with status 2."""


@dataclass(frozen=True)
class Outputs:
    """documents.parquet by `source_path`, the other scored tables grouped by `doc_id`."""

    documents: Mapping[str, Row]
    by_doc: Mapping[str, Mapping[str, tuple[Row, ...]]]

    def rows(self, table: str, doc_id: str | None) -> tuple[Row, ...]:
        """The rows one document contributed to a table; none for a document that is not in the outputs."""
        return self.by_doc[table].get(doc_id, ()) if doc_id is not None else ()


def load_outputs(output_dir: Path) -> Outputs:
    """Read the scored tables, failing with MissingOutputError when any file is absent."""
    missing = [f"{name}.parquet" for name in SCORED_TABLES if not (output_dir / f"{name}.parquet").is_file()]
    if missing:
        raise MissingOutputError(f"{output_dir}: missing {', '.join(missing)}")
    tables = {name: _read(output_dir / f"{name}.parquet", name) for name in SCORED_TABLES}
    by_doc: dict[str, dict[str, tuple[Row, ...]]] = {}
    for name in SCORED_TABLES[1:]:
        grouped: dict[str, list[Row]] = {}
        for row in tables[name]:
            grouped.setdefault(str(row["doc_id"]), []).append(row)
        by_doc[name] = {doc_id: tuple(rows) for doc_id, rows in grouped.items()}
    documents: dict[str, Row] = {}
    for row in tables["documents"]:
        documents.setdefault(str(row["source_path"]), row)
    return Outputs(documents=documents, by_doc=by_doc)


def _read(path: Path, name: str) -> list[Row]:
    """Rows as dicts with every declared column (ABSENT where missing) and dates as ISO strings, as in the gold."""
    table = pq.read_table(path)
    absent = {column: ABSENT for column in TABLES[name].names if column not in table.column_names}
    return [absent | {column: _plain(value) for column, value in row.items()} for row in table.to_pylist()]


def _plain(value: object) -> object:
    """Dates, written as midnight timestamps, as the gold's ISO days: `2019-10-15`."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat() if isinstance(value, date) else value
