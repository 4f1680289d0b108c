"""The supervising-unit vocabulary is data: each table is complete, consistent and cites a source."""

from __future__ import annotations

import re
import unicodedata

import pytest

from normalizers.agencies import normalize_agency
from normalizers.agency_vocabulary import (
    LEVELS,
    PLACE,
    abbreviations,
    committee_forms,
    departments,
    direct_registration_words,
    successors,
)
from normalizers.locality import Locality
from normalizers.vocabulary import read_table

DESCRIPTIVE = {"source", "candidates"}
"""Columns that explain a row rather than being matched against printed text."""

# file: (key columns, columns that may be empty)
TABLES = {
    "agency_abbreviations.csv": (("abbreviation",), ()),
    "agency_departments.csv": (("name",), ()),
    "agency_successors.csv": (("former", "level"), ("successor",)),
    "agency_mass_organisations.csv": (("suffix",), ()),
    "agency_direct_registration.csv": (("text",), ()),
    "agency_locality_words.csv": (("word", "role"), ()),
    "agency_place_suffixes.csv": (("suffix",), ()),
}


@pytest.mark.parametrize(("filename", "spec"), TABLES.items(), ids=TABLES.keys())
def test_table_is_complete(filename: str, spec: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
    keys, may_be_empty = spec
    rows = read_table(filename)
    assert rows and "source" in rows[0]
    assert all(value for row in rows for column, value in row.items() if column not in may_be_empty)
    assert len({tuple(row[k] for k in keys) for row in rows}) == len(rows)


@pytest.mark.parametrize("filename", TABLES.keys())
def test_vocabulary_is_clean_text(filename: str) -> None:
    """Values are compared with cleaned text, so they must already be NFKC without white space."""
    for row in read_table(filename):
        for column, value in row.items():
            if column not in DESCRIPTIVE:
                assert value == unicodedata.normalize("NFKC", value) and not re.search(r"\s", value), value


def test_every_successor_is_a_standard_department() -> None:
    assert {s for s in successors().values() if s} <= departments()


def test_every_former_unit_is_a_standard_department() -> None:
    assert {former for former, _ in successors()} <= departments()


def test_successors_are_final() -> None:
    """A successor is never itself a former unit at the same level, so one lookup gives the current unit."""
    assert not [(s, level) for (_, level), s in successors().items() if s and (s, level) in successors()]


def test_successor_rows_have_levels_and_dates() -> None:
    for row in read_table("agency_successors.csv"):
        assert row["level"] in LEVELS
        assert re.fullmatch(r"\d{4}(-\d{4})?", row["changed"])


def test_province_successors_are_halls_or_province_bodies() -> None:
    """A city or county never gets a …厅; a province's 经信委 does."""
    assert not [s for (_, level), s in successors().items() if s and level != "province" and s.endswith("厅")]


def test_committee_forms_keep_their_place() -> None:
    for row in read_table("agency_abbreviations.csv"):
        assert (PLACE in row["abbreviation"]) == (PLACE in row["expansion"])
    assert all(form.expansion.count(PLACE) == 1 for form in committee_forms())


def test_no_abbreviation_is_a_standard_name() -> None:
    assert not set(abbreviations()) & departments()


@pytest.mark.parametrize("name", sorted(departments()))
def test_standard_names_survive_normalisation(name: str) -> None:
    """No abbreviation rewrites a full name: `邵阳市` + a standard name comes back unchanged."""
    assert normalize_agency("邵阳市" + name, Locality("湖南省", "邵阳市")).name == "邵阳市" + name


def test_direct_words_are_not_departments() -> None:
    assert not direct_registration_words() & departments()


def test_place_suffix_rows() -> None:
    for row in read_table("agency_place_suffixes.csv"):
        assert row["level"] in LEVELS and row["standalone"] in {"yes", "no"}
    assert {row["role"] for row in read_table("agency_locality_words.csv")} == {"own", "not_place"}
