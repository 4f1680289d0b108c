"""The writer checks rows against the one schema and replaces files atomically."""

from __future__ import annotations

import datetime
import os
import stat
from importlib import metadata
from pathlib import Path

import pandas as pd

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.schemas import ASSOCIATIONS, DOCUMENTS, MILESTONES, TABLES
from pipeline.writer import SchemaViolation, provenance, write_table


def test_unknown_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SchemaViolation, match="unknown columns"):
        write_table([{"doc_id": "x", "idx": 0, "dedline": None}], MILESTONES, tmp_path / "m.parquet")


def test_null_in_required_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SchemaViolation, match="doc_id"):
        write_table([{"idx": 0}], MILESTONES, tmp_path / "m.parquet")


@pytest.mark.parametrize("name", TABLES.keys())
def test_empty_table_keeps_its_full_schema(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.parquet"
    write_table([], TABLES[name], path)
    assert pq.read_schema(path).remove_metadata() == TABLES[name].remove_metadata()


def test_values_round_trip_with_their_types(tmp_path: Path) -> None:
    row = {"doc_id": "ab", "idx": 0, "deadline": datetime.date(2020, 10, 31), "kind": "deadline"}
    write_table([row], MILESTONES, tmp_path / "m.parquet")
    read = pq.read_table(tmp_path / "m.parquet")
    assert read.schema.field("deadline").type == pa.timestamp("ms")
    assert read.schema.field("kind").type == pa.dictionary(pa.int32(), pa.string())
    assert read.to_pylist()[0]["deadline"] == datetime.datetime(2020, 10, 31)
    assert read.to_pylist()[0]["kind"] == "deadline"


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_files_get_the_mode_the_umask_allows(tmp_path: Path, umask: int, mode: int) -> None:
    previous = os.umask(umask)
    try:
        write_table([], MILESTONES, tmp_path / "m.parquet")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "m.parquet").stat().st_mode) == mode


def test_key_value_metadata_is_kept_beside_the_pandas_metadata(tmp_path: Path) -> None:
    write_table([], MILESTONES, tmp_path / "m.parquet", provenance("f" * 64))
    stored = pq.read_schema(tmp_path / "m.parquet").metadata
    assert stored[b"tuogou.version"].decode() == metadata.version("tuogou")
    assert stored[b"tuogou.input_fingerprint"] == b"f" * 64
    written = datetime.datetime.fromisoformat(stored[b"tuogou.run_time"].decode())
    assert written.utcoffset() == datetime.timedelta(0)
    assert abs(datetime.datetime.now(datetime.timezone.utc) - written) < datetime.timedelta(hours=1)
    assert b"pandas" in stored


def test_nullable_columns_read_with_nullable_pandas_dtypes(tmp_path: Path) -> None:
    rows = [
        {"doc_id": "a", "row": 0, "seq": 1, "supervisor_former": True, "status": "decoupled"},
        {"doc_id": "a", "row": 1, "seq": None, "supervisor_former": None, "status": None},
    ]
    write_table(rows, ASSOCIATIONS, tmp_path / "a.parquet")
    frame = pd.read_parquet(tmp_path / "a.parquet")
    assert (str(frame["seq"].dtype), str(frame["supervisor_former"].dtype)) == ("Int32", "boolean")
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype)
    assert frame["seq"].isna().tolist() == [False, True]
    assert frame["supervisor_former"].isna().tolist() == [False, True]


def test_failed_write_keeps_the_previous_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "documents.parquet"
    good = {"doc_id": "a", "source_path": "a.txt", "sha256": "a" * 64, "ocr": False, "status": "ok", "warnings": [], "inherited": []}
    write_table([good], DOCUMENTS, path)

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pq, "write_table", crash)
    with pytest.raises(KeyboardInterrupt):
        write_table([{**good, "doc_id": "b"}], DOCUMENTS, path)
    assert pq.read_table(path).column("doc_id").to_pylist() == ["a"]
    assert [p.name for p in tmp_path.iterdir()] == ["documents.parquet"]
