"""The README's data dictionary is generated from the schemas and must not drift."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.schema_doc import update_readme
from pipeline.schemas import TABLES

README = Path(__file__).parent.parent / "README.md"


def test_readme_dictionary_matches_schemas(tmp_path: Path) -> None:
    copy = tmp_path / "README.md"
    shutil.copy(README, copy)
    assert not update_readme(copy), "README data dictionary is stale: run `make docs`"


def test_every_column_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    for name, schema in TABLES.items():
        assert f"### {name}.parquet" in text
        for field in schema:
            assert field.metadata and field.metadata[b"description"], f"{name}.{field.name} has no description"
            assert f"| {field.name} |" in text


def test_every_nullable_column_says_what_null_means() -> None:
    vague = [
        f"{name}.{field.name}"
        for name, schema in TABLES.items()
        for field in schema
        if field.nullable and "null" not in field.metadata[b"description"].decode()
    ]
    assert not vague, f"nullable columns whose description does not say what null means: {vague}"


def test_dictionary_names_the_types_an_analyst_reads() -> None:
    text = README.read_text(encoding="utf-8")
    assert "| issue_date | date |" in text and "| status | category |" in text
    assert "`Int32`" in text and "`boolean`" in text
