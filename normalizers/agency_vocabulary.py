"""The supervising-unit vocabulary of `normalizers/data/agency_*.csv`, typed and read once.

Example: `agency_abbreviations.csv` says `经信委` stands for `经济和信息化委员会`, and
`agency_successors.csv` says a city's `农林局` became its `农业农村局` in the 2018–2019 reform.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from normalizers.vocabulary import read_table

PLACE = "{place}"
"""Marks where a committee form names its place: `团{place}委` reads `团市委` or `团邵阳市委`."""

LEVELS = ("province", "city", "county")


@dataclass(frozen=True)
class CommitteeForm:
    """A party or youth-league committee written around its place, so `团市委` finds its place (`市`).

    Example: `团{place}委` is before `团`, after `委`, and expands to `中国共产主义青年团{place}委员会`.
    """

    before: str
    after: str
    expansion: str


@dataclass(frozen=True)
class PlaceSuffix:
    """An ending of place names with its level, so `湖南省` is known as a province without a gazetteer.

    `standalone` is false for endings that also close ordinary words (`开发区`, `联盟`): such a
    name is recognised only when it is the document's own place.
    """

    suffix: str
    level: str
    standalone: bool


def _split_form(form: str, expansion: str) -> CommitteeForm:
    """Cut a `{place}` form at its placeholder: `中共{place}委` → (`中共`, `委`)."""
    before, after = form.split(PLACE)
    return CommitteeForm(before, after, expansion)


@cache
def committee_forms() -> tuple[CommitteeForm, ...]:
    """Committee forms, the full ones included, most specific first (`中共{place}委员会` before `{place}委`)."""
    rows = [row for row in read_table("agency_abbreviations.csv") if PLACE in row["abbreviation"]]
    forms = {_split_form(row["abbreviation"], row["expansion"]) for row in rows}
    forms |= {_split_form(row["expansion"], row["expansion"]) for row in rows}
    return tuple(sorted(forms, key=lambda f: (-len(f.before + f.after), f.before, f.after)))


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviated endings of unit names and their expansion, longest first (`人民政府国资委` before `国资委`)."""
    rows = [row for row in read_table("agency_abbreviations.csv") if PLACE not in row["abbreviation"]]
    rows.sort(key=lambda row: -len(row["abbreviation"]))
    return {row["abbreviation"]: row["expansion"] for row in rows}


@cache
def departments() -> frozenset[str]:
    """Standard names of departments and bodies of a local government, party committee or people's organisation."""
    return frozenset(row["name"] for row in read_table("agency_departments.csv"))


@cache
def successors() -> dict[tuple[str, str], str | None]:
    """The successor of a former unit at one level, None when it has no certain successor.

    Example: (`经济和信息化委员会`, `province`) → `工业和信息化厅`; (`文物局`, `city`) → None.
    """
    return {(row["former"], row["level"]): row["successor"] or None for row in read_table("agency_successors.csv")}


@cache
def people_organisation_suffixes() -> tuple[str, ...]:
    """Endings of people's organisations (`…联合会`), which the government reform left in place."""
    return tuple(row["suffix"] for row in read_table("agency_mass_organisations.csv"))


@cache
def direct_registration_words() -> frozenset[str]:
    """Whole cells that mean the association has no supervising unit (`直接登记`, `无`)."""
    return frozenset(row["text"] for row in read_table("agency_direct_registration.csv"))


@cache
def own_place_words() -> tuple[str, ...]:
    """Words that open a unit of the document's own place (`自治区`, `省`, `市`), longest first."""
    words = [row["word"] for row in read_table("agency_locality_words.csv") if row["role"] == "own"]
    return tuple(sorted(words, key=len, reverse=True))


@cache
def not_place_words() -> tuple[str, ...]:
    """Words that open like an own-place word but name no place (`市场`, `市监`)."""
    return tuple(row["word"] for row in read_table("agency_locality_words.csv") if row["role"] == "not_place")


@cache
def place_suffixes() -> tuple[PlaceSuffix, ...]:
    """Endings of place names, longest first (`回族自治区` before `自治区` before `区`)."""
    rows = read_table("agency_place_suffixes.csv")
    suffixes = [PlaceSuffix(row["suffix"], row["level"], row["standalone"] == "yes") for row in rows]
    return tuple(sorted(suffixes, key=lambda s: -len(s.suffix)))
