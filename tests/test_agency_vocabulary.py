"""The supervising-unit vocabulary is data: each table is complete, consistent and cites a source."""

from __future__ import annotations

import re
import unicodedata

import pytest

from normalizers.agencies import normalize_agency
from normalizers.agency_vocabulary import (
    GENERAL_LEVEL,
    LIST,
    MUNICIPAL_DISTRICT,
    MUNICIPALITY,
    PLACE,
    central_short_forms,
    central_units,
    committee_forms,
    department_committees,
    department_levels,
    departments,
    place_short_forms,
    place_units,
    direct_registration_words,
    short_forms,
    successors,
)
from normalizers.chinese import to_simplified
from normalizers.divisions import LEVELS, lookup
from normalizers.locality import Locality
from normalizers.vocabulary import read_table

DESCRIPTIVE = {"source", "candidates"}
"""Columns that explain a row rather than being matched against printed text."""

# file: (key columns, columns that may be empty)
TABLES = {
    "agency_committees.csv": (("form",), ()),
    "agency_departments.csv": (("name",), ("short_forms", "committee")),
    "agency_central_units.csv": (("name",), ("short_forms", "successor", "changed")),
    "agency_uncertain.csv": (("unit",), ()),
    "agency_successors.csv": (("former", "level"), ("successor",)),
    "agency_mass_organisations.csv": (("suffix",), ()),
    "agency_direct_registration.csv": (("text",), ()),
    "agency_locality_words.csv": (("word", "role"), ()),
    "agency_place_units.csv": (("place", "name"), ("short_forms", "former", "successor", "changed")),
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


def _chain_ends(start: str, step: dict[str, str | None]) -> bool:
    """True when following successors from `start` ends (at a current unit or an unknown one) without a cycle."""
    seen = {start}
    current = step.get(start)
    while current is not None:
        if current in seen:
            return False
        seen.add(current)
        current = step.get(current)
    return True


SUCCESSION_LEVELS = (*LEVELS, MUNICIPALITY, MUNICIPAL_DISTRICT)


def _exists_at(name: str, level: str) -> bool:
    """True when the department table has the name at the level or, for a municipality's level, at its general one."""
    levels = department_levels()[name]
    return level in levels or GENERAL_LEVEL.get(level) in levels


def test_local_successions_have_no_cycles() -> None:
    for level in SUCCESSION_LEVELS:
        step = {former: successor for (former, at), successor in successors().items() if at == level}
        assert all(_chain_ends(former, step) for former in step), level


def test_local_successors_exist_at_their_level() -> None:
    """A city's successor is a department cities have: never a 厅, never a name made up by the table."""
    wrong = [(s, level) for (_, level), s in successors().items() if s and not _exists_at(s, level)]
    assert not wrong


def test_successor_rows_have_levels_and_sane_dates() -> None:
    for row in read_table("agency_successors.csv"):
        assert row["level"] in SUCCESSION_LEVELS
        years = [int(year) for year in row["changed"].split("-")]
        assert all(1949 <= year <= 2026 for year in years) and years == sorted(years), row


def test_department_levels_are_levels() -> None:
    assert all(levels and set(levels) <= set(SUCCESSION_LEVELS) for levels in department_levels().values())


def test_former_units_existed_at_their_level() -> None:
    assert not [(name, level) for name, level in successors() if not _exists_at(name, level)]


def test_a_short_form_names_one_unit_per_level() -> None:
    seen: dict[tuple[str, str], str] = {}
    for row in read_table("agency_departments.csv"):
        for short in filter(None, row["short_forms"].split(LIST)):
            for level in row["levels"].split(LIST):
                assert seen.setdefault((short, level), row["name"]) == row["name"], (short, level)


def _full_name(place: str, department: str) -> str:
    """A department's full name: its place before it, or its party committee's (中国共产党{place}委员会)."""
    committee = department_committees().get(department)
    return committee.replace(PLACE, place) + department if committee else place + department


def test_party_departments_name_a_committee_form() -> None:
    expansions = {form.expansion for form in committee_forms()}
    assert set(department_committees().values()) <= expansions


LEVEL_PLACES = {
    "province": Locality("湖北省", None, None, "420000", "province"),
    "city": Locality("湖北省", "宜昌市", None, "420500", "city"),
    "county": Locality("湖北省", "宜昌市", "秭归县", "420527", "county"),
    MUNICIPALITY: Locality("天津市", "天津市", None, "120000", "province"),
    MUNICIPAL_DISTRICT: Locality("天津市", "天津市", "南开区", "120104", "county"),
}
OWN_NAME = {MUNICIPALITY: "天津市", MUNICIPAL_DISTRICT: "天津市南开区"}
"""A district's unit opens with its municipality's name."""


@pytest.mark.parametrize("short", sorted(short_forms()))
def test_every_short_form_resolves_at_its_levels(short: str) -> None:
    """`人社厅` printed alone in a province's roster is that province's 人力资源和社会保障厅, and so on."""
    for level, name in short_forms()[short].items():
        document = LEVEL_PLACES[level]
        own = OWN_NAME.get(level) or getattr(document, level)
        assert normalize_agency(short, document).name == _full_name(own, name), (short, level)


def test_central_successions_end_at_central_units() -> None:
    step = {unit.name: unit.successor for unit in central_units().values() if unit.former}
    assert all(_chain_ends(name, step) for name in step)
    assert {s for s in step.values() if s} <= set(central_units())
    assert all(not unit.successor for unit in central_units().values() if not unit.former)


def test_central_rows_have_sane_dates() -> None:
    for row in read_table("agency_central_units.csv"):
        assert row["former"] in {"yes", "no"} and (row["former"] == "yes") == bool(row["changed"]), row
        assert not row["changed"] or 1949 <= int(row["changed"]) <= 2026


def test_every_central_short_form_resolves() -> None:
    central = Locality(level="central")
    for short, name in central_short_forms().items():
        assert normalize_agency(short, central).name == name, short


def test_central_short_forms_name_one_unit() -> None:
    seen: dict[str, str] = {}
    for row in read_table("agency_central_units.csv"):
        for short in filter(None, row["short_forms"].split(LIST)):
            assert seen.setdefault(short, row["name"]) == row["name"], short


def test_province_successors_are_halls_or_province_bodies() -> None:
    """A city or county never gets a …厅; a province's 经信委 does."""
    assert not [s for (_, level), s in successors().items() if s and level != "province" and s.endswith("厅")]


def test_committee_forms_keep_their_place() -> None:
    for row in read_table("agency_committees.csv"):
        assert PLACE in row["form"] and PLACE in row["expansion"]
    assert all(form.expansion.count(PLACE) == 1 for form in committee_forms())


def test_no_spelling_rewrites_another_standard_name() -> None:
    assert all(names == {level: short for level in names} for short, names in short_forms().items() if short in departments())


@pytest.mark.parametrize("name", sorted(departments()))
def test_standard_names_survive_normalisation(name: str) -> None:
    """No abbreviation rewrites a full name: `邵阳市` + a standard name comes back unchanged, a party
    department named after its committee."""
    assert normalize_agency("邵阳市" + name, Locality("湖南省", "邵阳市")).name == _full_name("邵阳市", name)


def test_direct_words_are_not_departments() -> None:
    assert not direct_registration_words() & departments()


def test_locality_word_roles() -> None:
    assert {row["role"] for row in read_table("agency_locality_words.csv")} == {"own", "not_place"}


AGENCY_FILES = [
    "agency_committees.csv",
    "agency_departments.csv",
    "agency_central_units.csv",
    "agency_successors.csv",
    "agency_uncertain.csv",
    "agency_locality_words.csv",
    "agency_place_units.csv",
]


@pytest.mark.parametrize("filename", AGENCY_FILES)
def test_vocabulary_is_in_simplified_characters(filename: str) -> None:
    """Documents are matched after conversion to simplified characters, so the data must be simplified too."""
    for row in read_table(filename):
        for column, value in row.items():
            if column not in DESCRIPTIVE:
                assert to_simplified(value) == value, value


def test_place_units_belong_to_provinces_and_municipalities() -> None:
    """A place's own departments are a province's or a municipality's: their names are not cut from a longer place."""
    assert all(any(d.level == "province" and d.name == place for d in lookup(place)) for place, _ in place_units())


def test_place_successions_stay_in_their_place_and_end_at_a_current_unit() -> None:
    for row in read_table("agency_place_units.csv"):
        assert row["former"] in {"yes", "no", ""} and bool(row["successor"]) <= (row["former"] == "yes"), row
        assert (row["former"] == "yes") == bool(row["changed"]), row
    step = {name: unit.successor for (place, name), unit in place_units().items() if unit.successor}
    assert all(_chain_ends(name, step) for name in step)
    ends = [place_units().get((unit.place, unit.successor)) for unit in place_units().values() if unit.successor]
    assert all(end is not None and end.former is not True or end and end.successor for end in ends)


def test_a_place_short_form_names_one_of_its_units() -> None:
    seen: dict[tuple[str, str], str] = {}
    for row in read_table("agency_place_units.csv"):
        for short in filter(None, row["short_forms"].split(LIST)):
            assert seen.setdefault((row["place"], short), row["name"]) == row["name"], (row["place"], short)
    assert all((place, name) in place_units() for (place, _), name in place_short_forms().items())
