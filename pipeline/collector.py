"""The parent's collector: each document's result appended the moment it arrives, in a bounded number of objects.

A worker sends its document's rows as small Arrow tables. Holding 6,667 documents' small tables
cost about 650 bytes a roster row in the parent, twice their data, in the objects around each
table; combined into one chunk every `COMPACT_ROWS` rows they cost their data alone. The order
of the output is restored once, at the end, so results may arrive in any order.
"""

from __future__ import annotations

import pyarrow as pa

from pipeline.columns import PER_DOCUMENT, concatenated, document_positions, sorted_by, with_column
from pipeline.process import FileResult, Row

COMPACT_ROWS = 100_000
"""Rows of small tables held before they are combined into one chunk."""
ROW_ORDER = {"associations": ("doc_id", "row"), "milestones": ("doc_id", "idx"), "citations": ("document_order",)}
"""Sort keys that make the outputs byte-identical across runs and worker counts: associations and milestones by
doc_id and their position in the document, citations in their documents' source_path order, each document's
as it lists them (the sort is stable)."""
Tables = list[Row] | pa.Table
"""A table as rows (documents, agencies, progress: a row per document or unit) or as columns (the rest)."""


class Collector:
    """Results in, tables out: documents rows sorted by source_path and the per-document tables in `ROW_ORDER`."""

    def __init__(self) -> None:
        self.documents: list[Row] = []
        self._parts: dict[str, list[pa.Table]] = {name: [] for name in PER_DOCUMENT}
        self._chunks: dict[str, list[pa.Table]] = {name: [] for name in PER_DOCUMENT}
        self._held = 0

    def add(self, result: FileResult) -> None:
        """Take one file's result (its documents row and tables)."""
        self.documents.append(result.document)
        for name, table in result.tables.items():
            self._parts[name].append(table)
            self._held += table.num_rows
        if self._held >= COMPACT_ROWS:
            self._compact()

    def _compact(self) -> None:
        for name, parts in self._parts.items():
            if parts:
                self._chunks[name].append(pa.concat_tables(parts).combine_chunks())
                parts.clear()
        self._held = 0

    def tables(self) -> dict[str, Tables]:
        """Every table gathered, in its output order."""
        self._compact()
        documents = sorted(self.documents, key=lambda document: document["source_path"])
        tables: dict[str, Tables] = {"documents": documents}
        for name in PER_DOCUMENT:
            table = concatenated(name, self._chunks.pop(name))
            if name == "citations":
                table = with_column(table, "document_order", document_positions(table, documents))
            tables[name] = sorted_by(table, ROW_ORDER[name])
            del table
        tables["citations"] = tables["citations"].drop_columns(["document_order"])
        return tables


def collect(results: list[FileResult]) -> dict[str, Tables]:
    """The tables of these results (all at hand, as in tests and the benchmark's check)."""
    collector = Collector()
    for result in results:
        collector.add(result)
    return collector.tables()
