"""What every export reads: the Parquet tables a run left in its output folder, and that run's provenance."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.output import RUN_ID_KEY
from pipeline.schemas import TABLES


class MixedRun(ValueError):
    """The tables in the folder come from different runs (an interrupted swap), so no export may join them."""


@dataclass(frozen=True)
class Provenance:
    """Which tuogou wrote the tables and when: from the Parquet key-value metadata every table carries."""

    version: str
    run_time: str
    """ISO 8601, UTC: `2026-12-02T11:48:03+00:00`."""
    run_id: str
    input_fingerprint: str


def table_path(output_dir: Path, name: str) -> Path:
    """Where the run wrote table `name`: `documents` → `OUTPUT/documents.parquet`."""
    return output_dir / f"{name}.parquet"


def read_provenance(output_dir: Path) -> Provenance:
    """The provenance the tables share; MixedRun when they do not share one run id."""
    metadata = {name: pq.read_schema(table_path(output_dir, name)).metadata or {} for name in TABLES}
    run_ids = {meta.get(RUN_ID_KEY.encode()) for meta in metadata.values()}
    if len(run_ids) != 1:
        raise MixedRun(f"the tables in {output_dir} come from {len(run_ids)} runs; run the extraction again")
    meta = metadata["documents"]
    try:
        values = [
            meta[key].decode()
            for key in (b"tuogou.version", b"tuogou.run_time", RUN_ID_KEY.encode(), b"tuogou.input_fingerprint")
        ]
    except KeyError as missing:
        raise ValueError(f"documents.parquet in {output_dir} lacks the run's metadata {missing}") from None
    return Provenance(*values)


def description(field: pa.Field) -> str:
    """A column's description as declared in pipeline/schemas.py."""
    return field.metadata[b"description"].decode()
