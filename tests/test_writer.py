"""The writer checks rows against the one schema and replaces files atomically."""

from __future__ import annotations

import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.schemas import DOCUMENTS, MILESTONES, TABLES
from pipeline.writer import SchemaViolation, write_table


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
    assert read.schema.field("deadline").type == pa.date32()
    assert read.to_pylist()[0]["deadline"] == datetime.date(2020, 10, 31)


def test_failed_write_keeps_the_previous_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "documents.parquet"
    good = {"doc_id": "a", "source_path": "a.txt", "sha256": "a" * 64, "ocr": False, "status": "ok", "warnings": []}
    write_table([good], DOCUMENTS, path)

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pq, "write_table", crash)
    with pytest.raises(KeyboardInterrupt):
        write_table([{**good, "doc_id": "b"}], DOCUMENTS, path)
    assert pq.read_table(path).column("doc_id").to_pylist() == ["a"]
    assert [p.name for p in tmp_path.iterdir()] == ["documents.parquet"]
