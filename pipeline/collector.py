"""The parent's collector: each document's result written to part files on disk the moment it arrives.

Holding every result until the link step made the parent grow with the corpus: each documents row
keeps the document's full text, and the small tables cost about 650 bytes a roster row. So each
documents row is appended to a part file as a line of JSON (dates tagged, as in the cache: exactly
the row back), and each result's small tables are buffered up to `FLUSH_BYTES` and then appended to
their table's part file as one Arrow record batch (an IPC stream). The parts live in a hidden folder
of the output folder (`.parts`), scratch only: results are kept by the cache, so a killed run's parts
are removed, never read, when the next run starts. The link step still needs every table at once:
`tables` reads the parts back, restores the output order (results may arrive in any order) and
removes the folder, so that peak is the link's.

Replaying the bench run's 350 results 1x and 4x (`bench.collector_memory`), the collecting process
peaked at 144 and 146 MiB with batches of 1 MiB (import alone 95 MiB; decoding each result and
dropping it, 136 MiB), at 166 and 168 MiB with 4 MiB, at 166 and 209 MiB with 16 MiB (the buffer
alone then holds more than 1x); holding everything, as before, at 172 and 292 MiB. The parent pays
for it in time: at 4x, 1.3 s adding and 0.8 s reading back against 0.2 and 0.3 s in memory (encoding
and decoding the rows' text), about 1 ms a document that takes a worker 190 ms to read.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from pathlib import Path

import pyarrow as pa

from pipeline.cache import decode_row, encode_row
from pipeline.columns import PER_DOCUMENT, collected, concatenated, document_positions, sorted_by, with_column
from pipeline.process import FileResult, Row

PARTS_FOLDER = ".parts"
"""The collector's scratch folder inside the output folder."""
DOCUMENTS_PART = "documents.jsonl"
TABLE_SUFFIX = ".arrows"
FLUSH_BYTES = 1 << 20
"""Bytes of small tables held before they are appended to their part files as one batch each."""
WRITE_BUFFER_BYTES = 1 << 20
ROW_ORDER = {"associations": ("doc_id", "row"), "milestones": ("doc_id", "idx"), "citations": ("document_order",)}
"""Sort keys that make the outputs byte-identical across runs and worker counts: associations and milestones by
doc_id and their position in the document, citations in their documents' source_path order, each document's
as it lists them (the sort is stable)."""
Tables = list[Row] | pa.Table
"""A table as rows (documents, agencies, progress: a row per document or unit) or as columns (the rest)."""


class Collector:
    """Results in, tables out: documents rows sorted by source_path and the per-document tables in `ROW_ORDER`.

    The parts go to `output_dir/.parts` (a killed run's left there are removed first: the run holds
    the output folder), else to a temporary folder; either is removed by `tables`, or when the
    collector is dropped without it.
    """

    def __init__(self, output_dir: Path | None = None) -> None:
        if output_dir is None:
            self.folder = Path(tempfile.mkdtemp(prefix="tuogou-parts-"))
        else:
            self.folder = output_dir / PARTS_FOLDER
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir(parents=True)
        self._removal = weakref.finalize(self, shutil.rmtree, self.folder, ignore_errors=True)
        self._documents = (self.folder / DOCUMENTS_PART).open("wb", buffering=WRITE_BUFFER_BYTES)
        self._writers = {name: pa.ipc.new_stream(str(self._part(name)), collected(name)) for name in PER_DOCUMENT}
        self._held: dict[str, list[pa.Table]] = {name: [] for name in PER_DOCUMENT}
        self._held_bytes = 0

    def add(self, result: FileResult) -> None:
        """Take one file's result (its documents row and tables)."""
        self._documents.write(encode_row(result.document) + b"\n")
        for name, table in result.tables.items():
            self._held[name].append(table)
            self._held_bytes += table.get_total_buffer_size()  # nbytes, which allows for slices, is 10x slower
        if self._held_bytes >= FLUSH_BYTES:
            self._flush()

    def _flush(self) -> None:
        for name, held in self._held.items():
            if held:
                self._writers[name].write_table(pa.concat_tables(held).combine_chunks())
                held.clear()
        self._held_bytes = 0

    def tables(self) -> dict[str, Tables]:
        """Every table gathered, in its output order; the parts are removed."""
        self._flush()
        self._documents.close()
        for writer in self._writers.values():
            writer.close()
        with (self.folder / DOCUMENTS_PART).open("rb") as lines:
            documents = sorted((decode_row(line) for line in lines), key=lambda document: document["source_path"])
        tables: dict[str, Tables] = {"documents": documents}
        for name in PER_DOCUMENT:
            table = self._read(name)
            if name == "citations":
                table = with_column(table, "document_order", document_positions(table, documents))
            tables[name] = sorted_by(table, ROW_ORDER[name])
            del table
        tables["citations"] = tables["citations"].drop_columns(["document_order"])
        self._removal()
        return tables

    def _part(self, name: str) -> Path:
        return self.folder / f"{name}{TABLE_SUFFIX}"

    def _read(self, name: str) -> pa.Table:
        """A table's part file as one table, a chunk per batch written."""
        with pa.OSFile(str(self._part(name))) as source, pa.ipc.open_stream(source) as reader:
            return concatenated(name, [pa.Table.from_batches([batch]) for batch in reader])


def collect(results: list[FileResult]) -> dict[str, Tables]:
    """The tables of these results (all at hand, as in tests and the benchmark's check)."""
    collector = Collector()
    for result in results:
        collector.add(result)
    return collector.tables()
