"""The name vocabulary files as data: unique entries, known kinds, a source on every row, no gold names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalizers.names import KINDS, kind_suffixes
from normalizers.vocabulary import read_table
from pipeline.schemas import ASSOCIATIONS

ROOT = Path(__file__).parent.parent
GOLD = Path(__file__).parent / "corpus" / "gold"
NAME_FILES = ("association_kinds.csv", "locality_designators.csv")
NAME_CODE = ("normalizers/names.py", "normalizers/name_places.py", "normalizers/association_keys.py")
FIRST_COLUMN = {"association_kinds.csv": "suffix", "locality_designators.csv": "designator"}


@pytest.mark.parametrize("filename", NAME_FILES)
def test_entries_are_unique(filename: str) -> None:
    entries = [row[FIRST_COLUMN[filename]] for row in read_table(filename)]
    assert entries and len(entries) == len(set(entries))


@pytest.mark.parametrize("filename", NAME_FILES)
def test_every_row_has_a_source(filename: str) -> None:
    assert all(row["source"].strip() for row in read_table(filename))


@pytest.mark.parametrize("filename", NAME_FILES)
def test_entries_are_chinese_without_white_space(filename: str) -> None:
    entries = [row[FIRST_COLUMN[filename]] for row in read_table(filename)]
    assert all(e and all("\u4e00" <= c <= "\u9fff" for c in e) for e in entries)


def test_kinds_are_the_schema_enumeration() -> None:
    description = ASSOCIATIONS.field("kind").metadata[b"description"].decode()
    values = description.split(";")[0]  # what null means follows the values
    assert KINDS == {word.strip() for word in values.split(",")}


def test_suffix_kinds_are_known() -> None:
    assert {row["kind"] for row in read_table("association_kinds.csv")} <= KINDS - {"regional_chamber", "other"}


def test_regional_flag_is_a_boolean_on_chambers_and_federations_only() -> None:
    rows = read_table("association_kinds.csv")
    assert {row["regional"] for row in rows} == {"true", "false"}
    assert {row["kind"] for row in rows if row["regional"] == "true"} == {"chamber_of_commerce", "federation"}


def test_suffixes_are_tried_longest_first() -> None:
    lengths = [len(s.suffix) for s in kind_suffixes()]
    assert lengths == sorted(lengths, reverse=True)


def _gold_names() -> set[str]:
    names = set()
    for path in GOLD.glob("*.json"):
        for row in json.loads(path.read_text(encoding="utf-8")).get("associations", []):
            names.update(n for n in (row.get("name"), row.get("name_raw")) if n)
    return names


@pytest.mark.parametrize("path", [f"normalizers/data/{f}" for f in NAME_FILES] + list(NAME_CODE))
def test_no_gold_name_in_code_or_data(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    assert sorted(name for name in _gold_names() if name in text) == []
