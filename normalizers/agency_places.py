"""The place a supervising unit's name opens with, resolved against the document's own locality.

Example: in a 广西壮族自治区 document `自治区经信委` opens with its own region (广西壮族自治区), while in
a 邵阳市 document `湖南省气象局` opens with its province, not with the city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from normalizers.agency_vocabulary import LEVELS, not_place_words, own_place_words, place_suffixes
from normalizers.locality import Locality

MIN_STEM = 2
"""A place name keeps at least two characters before its ending (`邵阳市`, not `城市`)."""

MAX_STEM = 6
"""Longest stem recognised for a place that is not the document's own (`广西壮族自治区` has four)."""


@dataclass(frozen=True)
class Place:
    """A place a unit belongs to: its full name and its locality down to its own level.

    Example: `市` in a 邵阳市 document → Place(`邵阳市`, Locality(湖南省, 邵阳市, level=`city`)).
    """

    name: str
    locality: Locality


@dataclass(frozen=True)
class PlaceSplit:
    """A unit name cut after its place; `unresolved` when it opens with an own-place word the document lacks.

    Example: `市民政局` in a province document is unresolved: which city is not said.
    """

    place: Place | None
    rest: str
    unresolved: bool = False


def level_rank(level: str | None) -> int:
    """Depth of a level, so places can be compared: province 0, city 1, county 2, unknown -1."""
    return LEVELS.index(level) if level in LEVELS else -1


def _level_of(locality: Locality) -> str | None:
    """The most specific level a locality names, whatever its `level` field says."""
    named = [level for level in LEVELS if getattr(locality, level)]
    return named[-1] if named else None


@cache
def own_places(document: Locality) -> tuple[Place, ...]:
    """The document's county, city and province as places, most specific first.

    A municipality's province is also its city (`重庆市`), and its units are city units (…局, not …厅).
    """
    places: dict[str, Place] = {}
    for depth in reversed(range(len(LEVELS))):
        name = getattr(document, LEVELS[depth])
        if not name or name in places:
            continue
        if depth == 0 and document.city == name:
            depth = 1
        fields = {level: getattr(document, level) for level in LEVELS[: depth + 1]}
        places[name] = Place(name, Locality(**fields, level=LEVELS[depth]))
    return tuple(places.values())


def _short_name(name: str) -> str | None:
    """A place name without its ending when two characters or more remain: `广西壮族自治区` → `广西`."""
    for suffix in place_suffixes():
        stem = name.removesuffix(suffix.suffix)
        if stem != name:
            return stem if len(stem) >= MIN_STEM else None
    return None


@cache
def _own_names(document: Locality) -> tuple[tuple[str, Place], ...]:
    """Full and short names of the document's places, longest first, each with its place."""
    names = [(place.name, place) for place in own_places(document)]
    names += [(short, place) for place in own_places(document) if (short := _short_name(place.name))]
    return tuple(sorted(names, key=lambda pair: -len(pair[0])))


@cache
def _other_place_pattern() -> re.Pattern[str]:
    """A place that is not the document's own, known only by a standalone ending (`湖南省`, `洞口县`)."""
    endings = "|".join(re.escape(s.suffix) for s in place_suffixes() if s.standalone)
    return re.compile(rf"[\u4e00-\u9fff]{{{MIN_STEM},{MAX_STEM}}}?(?:{endings})")


def _level_of_suffix(name: str) -> str:
    """The level a place name's ending gives it: `兰考县` → `county`."""
    return next(s.level for s in place_suffixes() if name.endswith(s.suffix))


def _names_no_place(text: str) -> bool:
    """True when the text opens with a word like `市场` that begins like a place word but is not one."""
    return text.startswith(not_place_words())


def _opens_with_place_ending(text: str) -> bool:
    """True when the text opens with a place ending: the short name before it began another place (`邵阳县`)."""
    return text.startswith(tuple(s.suffix for s in place_suffixes()))


def _relative_place(text: str, document: Locality) -> PlaceSplit | None:
    """A unit opening with an own-place word: the most specific own place whose name ends with that word."""
    if _names_no_place(text):
        return None
    word = next((w for w in own_place_words() if text.startswith(w)), None)
    if word is None:
        return None
    place = next((p for p in own_places(document) if p.name.endswith(word)), None)
    return PlaceSplit(place, text[len(word) :], unresolved=place is None)


def _inside(name: str, level: str, outer: Locality) -> Place:
    """A place named by its ending, taking the higher levels of the place it is printed under when it lies below it."""
    fields: dict[str, str | None] = {level: name}
    if level_rank(level) > level_rank(_level_of(outer)):
        fields |= {higher: getattr(outer, higher) for higher in LEVELS[: LEVELS.index(level)]}
    return Place(name, Locality(**fields, level=level))


def _next_place(text: str, outer: Locality, document: Locality) -> tuple[Place, int] | None:
    """The place opening the text and how many characters it takes: an own name first, else another place."""
    for name, place in _own_names(document):
        if text.startswith(name) and (name == place.name or not _opens_with_place_ending(text[len(name) :])):
            return place, len(name)
    match = _other_place_pattern().match(text)
    if match is None or _names_no_place(text[match.end() - 1 :]):
        return None
    return _inside(match.group(), _level_of_suffix(match.group()), outer), match.end()


def split_place(text: str, document: Locality) -> PlaceSplit:
    """Cut the places a unit name opens with, keeping the most specific one.

    Example: `湖南省邵阳市民政局` → 邵阳市 + `民政局`; `省发改委` in a 湖南省 document → 湖南省 + `发改委`.
    """
    relative = _relative_place(text, document)
    if relative is not None:
        return relative
    place: Place | None = None
    rest = text
    while found := _next_place(rest, place.locality if place else document, document):
        place, length = found
        rest = rest[length:]
    return PlaceSplit(place, rest)


def starts_with_own_place(text: str, document: Locality) -> bool:
    """True when the text opens with a name of the document's own places (`原阳县…` in 原阳县 is no former unit)."""
    return any(text.startswith(name) for name, _ in _own_names(document))
