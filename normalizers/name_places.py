"""Places named at the start of an association name, measured against the document's own locality.

Example: in a 宁夏回族自治区 roster `宁夏河北商会` opens with its own province (`宁夏`) and then names
another one (`河北`), while `宁夏家具行业商会` names no second place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from normalizers import divisions
from normalizers.divisions import Division, designators
from normalizers.locality import Locality
from normalizers.memo import CACHE_SIZE

PROVINCE_DIGITS = 2
"""Adcode digits that name the province: `64` for every place in 宁夏."""
DISTRICT = "区"
"""The designator of urban districts, whose short names are common words."""
MIN_PARTIAL_DESIGNATOR = 2
"""`宁夏自治区` drops part of `回族自治区`; a one-character rest (`宁夏区域…`) is content, not a designator."""


@dataclass(frozen=True)
class Scope:
    """A locality's territory as the significant digits of its adcode (宁夏 `64`, 开封市 `4102`), with its division."""

    code: str
    division: Division | None


@dataclass(frozen=True)
class PlacePrefix:
    """Divisions named one inside the other at the start of a text and the characters they take.

    Example: `河南省开封市书法协会` → (河南省, 开封市) over 6 characters; `宁夏自治区…` → (宁夏回族自治区,) over 5.
    """

    places: tuple[Division, ...]
    length: int


def scope_code(adcode: str) -> str:
    """The significant digits of an adcode, so containment is a prefix test: `410200` → `4102`."""
    code = adcode
    while len(code) > PROVINCE_DIGITS and code.endswith("00"):
        code = code[:-2]
    return code


def _related(division: Division, scope: str) -> bool:
    """True when the division lies inside the scope or contains it (宁夏 and 银川 are related, 宁夏 and 河北 not)."""
    code = scope_code(division.adcode)
    return code.startswith(scope) or scope.startswith(code)


@cache
def locality_scope(locality: Locality) -> Scope | None:
    """The territory of a document's locality, from its adcode or else its names, or None when unknown."""
    by_code = _current_by_adcode().get(locality.adcode or "")
    division = by_code or _resolve(locality.province, locality.city, locality.county)
    if division is not None:
        return Scope(scope_code(division.adcode), division)
    return Scope(scope_code(locality.adcode), None) if locality.adcode else None


@cache
def _current_by_adcode() -> dict[str, Division]:
    """Current divisions by adcode, so a document's `640000` finds 宁夏回族自治区 without its names."""
    return {d.adcode: d for d in divisions.divisions() if not d.former}


def _resolve(*names: str | None) -> Division | None:
    """The most specific division of a province, city, county triple, each looked up inside the previous one."""
    found: Division | None = None
    for name in names:
        if not name:
            continue
        inside = [d for d in divisions.lookup(name) if found is None or _related(d, scope_code(found.adcode))]
        if inside:
            found = max(inside, key=lambda d: len(scope_code(d.adcode)))
    return found


def _matched_length(text: str, division: Division) -> int:
    """How many characters of the text name the division: its full name, or its short name plus part of the rest.

    `宁夏回族自治区…` → 7, `宁夏…` → 2, `宁夏自治区…` → 5 (a listed designator ending the full name), 0 for no match.
    """
    matched = divisions.matched_name(text, division)
    if not matched or matched == division.name:
        return len(matched)
    designator = division.name[len(matched) :] if division.name.startswith(matched) else ""
    partial = (d for d in designators() if len(d) >= MIN_PARTIAL_DESIGNATOR and designator.endswith(d))
    return len(matched) + max((len(d) for d in partial if text.startswith(d, len(matched))), default=0)


@lru_cache(maxsize=CACHE_SIZE)
def leading_places(text: str, scope: str | None) -> PlacePrefix:
    """The chain of nested divisions opening a text; the first must be related to `scope` when one is given.

    With scope `64` (宁夏), `宁夏银川…` → (宁夏, 银川市) but `河北…` → (); with no scope the first place is free.
    Remembered: the kind and the industry of a name both ask.
    """
    places: list[Division] = []
    length = 0
    while True:
        rest = text[length:]
        options = [(d, _matched_length(rest, d)) for d in divisions.place_prefix(rest) if _fits(d, places, scope)]
        options = [(d, n) for d, n in options if n]
        if not options:
            return PlacePrefix(tuple(places), length)
        division, taken = options[0]
        places.append(division)
        length += taken


def _fits(division: Division, chain: list[Division], scope: str | None) -> bool:
    """A chain goes down the hierarchy (`河南省开封市`); its first link must touch the scope."""
    if chain:
        outer = scope_code(chain[-1].adcode)
        code = scope_code(division.adcode)
        return code.startswith(outer) and code != outer
    return scope is None or _related(division, scope)


def names_other_place(name: str, scope: Scope | None) -> bool:
    """True when the name, after its own locality, names a place outside that locality.

    With 宁夏 as scope: `宁夏河北商会`, `宁夏回族自治区苏浙商会`, `河北商会` → True; `宁夏银川商会` (inside
    宁夏), `宁夏家具行业商会` → False. With no scope the first place named is taken as the name's own.
    """
    own = leading_places(name, scope.code if scope else None)
    rest = name[own.length:]
    territory = scope.code if scope else (scope_code(own.places[-1].adcode) if own.places else None)
    if territory is None:
        return bool(divisions.abbreviation_places(rest))
    named = [d for d in divisions.place_prefix(rest) if _can_be_origin(rest, d)]
    if named:
        return not any(_related(d, territory) for d in named)
    return any(not _related(d, territory) for d in divisions.abbreviation_places(rest))


def _can_be_origin(text: str, division: Division) -> bool:
    """Whether a chamber can be named after the division as the text names it.

    Chambers of people from elsewhere are named after provinces, cities and counties; an urban
    district by its short name is a word (`和平`, `新华`, `城关`), so `宁夏和平商会` names no place
    while `宁夏和平区商会` and `宁夏晋江商会` (a county-level city) do.
    """
    if division.level != "county" or not division.name.endswith(DISTRICT):
        return True
    return divisions.matched_name(text, division) == division.name
