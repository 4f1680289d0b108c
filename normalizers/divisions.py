"""GB/T 2260 divisions and the names they go by, read once from `normalizers/data/divisions.csv`,
and the one parser of places that open a name, free text or a supervising unit.

Example: `lookup("河东区")` gives 天津市河东区 (120102) and 临沂市河东区 (371312); `place_prefix("广西湖南商会")`
gives 广西壮族自治区, so a caller can strip it and find 湖南 after it; in a 邵阳市 document
`split_place("市民政局", …)` gives 邵阳市 + `民政局` and `split_place("湖南省气象局", …)` 湖南省 + `气象局`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick

from normalizers.vocabulary import read_table

LEVELS = ("province", "city", "county")
MIN_FREE_TEXT_NAME = 3
"""Full names shorter than this (城区, 矿区, 兴县) are words as often as places, so free text ignores them."""
NOT_A_PLACE_AFTER = {"市": "场", "区": "域", "县": "域"}
"""A name ending in 市 before 场 (广州市场) or in 区/县 before 域 (青山区域) is part of another word."""
ROAD_WORDS = ("路", "街", "大道")
"""A province's short name before these names a street (北京路), not the province."""
MIN_SHORT_NAME = 2
"""A short name keeps at least two characters (`邵阳`), so one-character words never stand for a place."""
ABBREVIATION_SUFFIXES = ("总商会", "商会", "企业", "工商", "联合会", "同乡会", "协会", "促进会", "经济", "合作")
"""What may follow a run of one-character abbreviations (川渝商会), so 新 in 新能源 stays a word."""


@dataclass(frozen=True)
class Locality:
    """Province, city and county of a document, with the code of the most specific one.

    For the four municipalities the city repeats the province (`天津市`, `天津市`).
    `level` is the level of the most specific unit: `province`, `city` or `county` (or `central`
    for a national body, with no place).
    """

    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None
    level: str | None = None


@dataclass(frozen=True)
class Division:
    """One unit of GB/T 2260 with the full names of its parents, e.g. 河东区 120102 in 天津市, 天津市.

    `province` is None for a province and `city` None above county level or for a county-level
    unit under its province directly (济源市); `former` marks units renamed or merged since 2015 (平泉县),
    and `successor` is the code of the current unit that took its place when known (130881 平泉市).
    """

    adcode: str
    name: str
    short_name: str
    level: str
    province: str | None
    city: str | None
    former: bool
    successor: str | None = None

    @property
    def depth(self) -> int:
        """0 for a province, 1 for a city, 2 for a county: the order of specificity."""
        return LEVELS.index(self.level)

    @property
    def is_municipality(self) -> bool:
        """True for 北京市, 天津市, 上海市 and 重庆市, whose districts have the municipality as their city."""
        return self.level == "province" and self.name.endswith("市")

    @property
    def path(self) -> str:
        """The names from the province down, the municipality once: `山东省临沂市河东区`, `天津市河东区`."""
        parents = dict.fromkeys(p for p in (self.province, self.city) if p)
        return "".join(parents) + self.name

    def contains(self, other: Division) -> bool:
        """True when `other` lies strictly inside this unit: 天津市 contains 河东区 120102, not 371312."""
        if self.level == "province":
            return other.province == self.name
        return self.level == "city" and other.city == self.name and other.province == self.province


@dataclass(frozen=True)
class _Index:
    """Every division by each of its names, with the name lengths to try after each first character, longest first."""

    by_name: dict[str, tuple[Division, ...]]
    lengths: dict[str, tuple[int, ...]]
    free_text_names: frozenset[str]
    province_short_names: frozenset[str]
    abbreviations: dict[str, Division]


@cache
def divisions() -> tuple[Division, ...]:
    """All rows of divisions.csv, current units and former ones."""
    return tuple(
        Division(
            adcode=row["adcode"],
            name=row["name"],
            short_name=row["short_name"],
            level=row["level"],
            province=row["province"] or None,
            city=row["city"] or None,
            former=row["former"] == "true",
            successor=row["successor"] or None,
        )
        for row in read_table("divisions.csv")
    )


@cache
def _index() -> _Index:
    by_name: defaultdict[str, list[Division]] = defaultdict(list)
    for division in divisions():
        for name in dict.fromkeys((division.name, division.short_name)):
            by_name[name].append(division)
    provinces = {d.name: d for d in divisions() if d.level == "province" and not d.former}
    shorts = frozenset(d.short_name for d in provinces.values())
    return _Index(
        by_name={name: tuple(sorted(found, key=_order)) for name, found in by_name.items()},
        lengths=_lengths_by_first_character(by_name),
        free_text_names=frozenset(d.name for d in divisions() if len(d.name) >= MIN_FREE_TEXT_NAME) | shorts,
        province_short_names=shorts,
        abbreviations={r["abbreviation"]: provinces[r["province"]] for r in read_table("province_abbreviations.csv")},
    )


def _order(division: Division) -> tuple[bool, str]:
    """Current units before former ones, then by code."""
    return division.former, division.adcode


def lookup(name: str) -> list[Division]:
    """Every division whose full or short name is `name`: `开封` → [开封市], `河东区` → two districts."""
    return list(_index().by_name.get(name, ()))


def _lengths_by_first_character(names: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """The lengths of the names opening with each character, longest first: most text opens with no place,
    and one look-up then says so instead of one per length."""
    lengths: defaultdict[str, set[int]] = defaultdict(set)
    for name in names:
        lengths[name[0]].add(len(name))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


def _names_at(text: str, start: int, names: Container[str]) -> list[str]:
    """The names among `names` that the text has at `start`, longest first, without 广州市场-style overlaps."""
    found = []
    for length in _index().lengths.get(text[start : start + 1], ()):
        name = text[start : start + length]
        after = text[start + length : start + length + 1]
        if len(name) == length and name in names and after != NOT_A_PLACE_AFTER.get(name[-1]):
            found.append(name)
    return found


def place_prefix(text: str) -> list[Division]:
    """The divisions named at the very start of `text`, longest name first: `广西湖南商会` → [广西壮族自治区].

    A caller strips the matched name and looks again to find a second place (`陕西商会` → [陕西省]).
    """
    index = _index()
    return list(dict.fromkeys(d for name in _names_at(text, 0, index.by_name) for d in index.by_name[name]))


def matched_name(text: str, division: Division) -> str:
    """The longer of the division's full and short names that `text` starts with, or "" for neither."""
    return max((n for n in (division.name, division.short_name) if text.startswith(n)), key=len, default="")


def province_abbreviations() -> dict[str, Division]:
    """The province each one-character 简称 stands for: `湘` → 湖南省 (read from `province_abbreviations.csv`)."""
    return _index().abbreviations


def abbreviation_places(text: str) -> list[Division]:
    """Provinces named by a run of one-character abbreviations opening a name: `川渝商会` → [四川省, 重庆市].

    The run needs two characters or more and a name suffix after it, and must not be a place name
    itself: `新能源协会` and `辽宁商会` give [].
    """
    index = _index()
    run = 0
    while run < len(text) and text[run] in index.abbreviations:
        run += 1
    if run < 2 or not text.startswith(ABBREVIATION_SUFFIXES, run) or place_prefix(text):
        return []
    return list(dict.fromkeys(index.abbreviations[c] for c in text[:run]))


@cache
def _free_text_automaton() -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of the names searched in free text, so a text is scanned once."""
    automaton = ahocorasick.Automaton()
    for name in _index().free_text_names:
        automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def _candidates(text: str) -> dict[int, list[str]]:
    """The free-text names found at each offset, longest first, that are not part of another word."""
    found: defaultdict[int, list[str]] = defaultdict(list)
    for end, name in _free_text_automaton().iter(text):
        start = end - len(name) + 1
        after = text[end + 1 : end + 2]
        if after != NOT_A_PLACE_AFTER.get(name[-1]) and not _is_road(text, start, name):
            found[start].append(name)
    for names in found.values():
        names.sort(key=len, reverse=True)
    return found


def find_places(text: str) -> list[tuple[int, Division]]:
    """Places named anywhere in a text, leftmost and longest first, as (offset, division) pairs.

    Full names of three characters or more count everywhere (`临沂市罗庄区` → 临沂市 at 0, 罗庄区 at 3);
    of the short names only a province's does (`天津`), and not before 路/街 (`北京路`).
    """
    index = _index()
    found: list[tuple[int, Division]] = []
    position = 0
    for start, names in sorted(_candidates(text).items()):
        if start < position:
            continue
        name = names[0]
        found += [(start, d) for d in index.by_name[name] if _free_text_name(d, name)]
        position = start + len(name)
    return found


def _free_text_name(division: Division, name: str) -> bool:
    """Whether free text may use `name` for the division: a long full name, or a province's short name."""
    if name == division.name:
        return len(name) >= MIN_FREE_TEXT_NAME
    return division.level == "province" and name == division.short_name


def _is_road(text: str, start: int, name: str) -> bool:
    """True for a province's short name used as a street name: `北京路`, `上海街`."""
    return name in _index().province_short_names and text.startswith(ROAD_WORDS, start + len(name))


# Places opening the name of a supervising unit, resolved against the document's own locality.


@dataclass(frozen=True)
class Place:
    """A place a unit belongs to: its full name and its locality down to its own level.

    Example: `市` in a 邵阳市 document → Place(`邵阳市`, Locality(湖南省, 邵阳市, level=`city`)). A
    municipality's units are city units (…局, not …厅), so its place has level `city`.
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


@cache
def _own_place_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words that open a unit of the document's own place (`自治区`, `省`, `市`), longest first, and words
    that open like them but name no place (`市场`), from `agency_locality_words.csv`."""
    rows = read_table("agency_locality_words.csv")
    own = sorted((row["word"] for row in rows if row["role"] == "own"), key=len, reverse=True)
    return tuple(own), tuple(row["word"] for row in rows if row["role"] == "not_place")


def _place(division: Division) -> Place:
    """The place of a unit of the division: a municipality's units are city units."""
    if division.is_municipality:
        return Place(division.name, Locality(division.name, division.name, None, division.adcode, "city"))
    fields = {"province": division.province, "city": division.city, division.level: division.name}
    return Place(division.name, Locality(**fields, adcode=division.adcode, level=division.level))


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


DISTRICT_ENDING = "区"
"""What a district's name ends with (GB/T 2260: 渝北区, 浦东新区, 岳麓区)."""


def official_place_name(place: Place) -> str:
    """The place as a unit's official name opens with it: a district (区) with its city's or municipality's
    name before it (重庆市渝北区, 长沙市岳麓区), a county, county-level city or banner (长沙县, 仁怀市,
    达拉特旗) and any other place alone; a district whose city is not known stays as printed (河东区).
    """
    locality = place.locality
    district = locality.level == "county" and place.name == locality.county and place.name.endswith(DISTRICT_ENDING)
    return locality.city + place.name if district and locality.city else place.name


def _division_of(place: Place) -> Division | None:
    """The gazetteer's unit for one of the document's places (the one inside its province and city)."""
    found = [d for d in lookup(place.name) if d.name == place.name and not d.former]
    return next((d for d in found if _within(d, place.locality)), found[0] if found else None)


@cache
def _own_names(document: Locality) -> tuple[tuple[str, Place], ...]:
    """Full and short names of the document's places (`广西壮族自治区`, `广西`), longest first."""
    names = [(place.name, place) for place in own_places(document)]
    for place in own_places(document):
        division = _division_of(place)
        if division and division.short_name != division.name and len(division.short_name) >= MIN_SHORT_NAME:
            names.append((division.short_name, place))
    return tuple(sorted(names, key=lambda pair: -len(pair[0])))


def _relative_place(text: str, document: Locality) -> PlaceSplit | None:
    """A unit opening with an own-place word: the most specific own place whose name ends with that word."""
    own_words, not_place = _own_place_words()
    if text.startswith(not_place):
        return None
    word = next((w for w in own_words if text.startswith(w)), None)
    if word is None:
        return None
    place = next((p for p in own_places(document) if p.name.endswith(word)), None)
    return PlaceSplit(place, text[len(word) :], unresolved=place is None)


def _other_place(text: str, outer: Locality | None) -> tuple[Place, int] | None:
    """A division named in full at the start of the text, and its length; of two with that name the one
    inside `outer`, and when neither or both are, only its name at its level (`河东区`). As in free text,
    names shorter than three characters (`城区`, `和县`) are words as often as places."""
    names = [name for name in _names_at(text, 0, _index().free_text_names) if any(d.name == name for d in lookup(name))]
    if not names:
        return None
    found = [d for d in lookup(names[0]) if d.name == names[0]]
    current = [d for d in found if not d.former] or found
    inside = [d for d in current if outer and _within(d, outer)]
    chosen = inside or current
    if len(chosen) == 1:
        return _place(chosen[0]), len(names[0])
    level = chosen[0].level
    return Place(names[0], Locality(**{level: names[0]}, level=level)), len(names[0])


def _within(division: Division, outer: Locality) -> bool:
    """True when the division lies inside (or is) the locality."""
    return all(not getattr(outer, level) or getattr(outer, level) == value for level, value in _path(division).items())


def _path(division: Division) -> dict[str, str | None]:
    """The division's province, city and county names down to its own level."""
    path = {"province": division.province, "city": division.city, division.level: division.name}
    return {level: path.get(level) for level in LEVELS[: division.depth + 1]}


def _next_place(text: str, outer: Locality | None, document: Locality) -> tuple[Place, int] | None:
    """The place opening the text and how many characters it takes: an own name first, else another place."""
    for name, place in _own_names(document):
        if text.startswith(name) and (name == place.name or not _opens_with_place_ending(text[len(name) :])):
            return place, len(name)
    return _other_place(text, outer)


@cache
def designators() -> frozenset[str]:
    """Words that only say what level a place is (`省`, `市`, `回族自治区`), from `locality_designators.csv`."""
    return frozenset(row["designator"] for row in read_table("locality_designators.csv"))


def _opens_with_place_ending(text: str) -> bool:
    """True when the text opens with a place ending: the short name before it began another place (`邵阳县`)."""
    return text.startswith(tuple(designators()))


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


# Readable labels and codes of a locality, for every output table.

CENTRAL_LABEL = "中央"
"""The label of central bodies, which have no place (`国务院办公厅`, `民政部`)."""


def locality_label(locality: Locality) -> str | None:
    """A readable label of a locality, its names from the province down, a municipality once.

    Example: 河南省, 开封市 → `河南省开封市`; 天津市, 天津市, 河东区 → `天津市河东区`; a central body →
    `中央`; nothing known → None.
    """
    if locality.level == "central":
        return CENTRAL_LABEL
    names = dict.fromkeys(name for name in (locality.province, locality.city, locality.county) if name)
    return "".join(names) or None


def locality_adcode(locality: Locality) -> str | None:
    """The GB/T 2260 code of a locality's most specific unit, when its names settle one current unit.

    Example: 天津市, 天津市, 河东区 → 120102; 河东区 alone (天津 or 临沂?) → None.
    """
    if locality.adcode or locality.level == "central":
        return locality.adcode
    name = locality.county or locality.city or locality.province
    if name is None:
        return None
    found = [d for d in lookup(name) if d.name == name and not d.former and _within(d, locality)]
    return found[0].adcode if len(found) == 1 else None


def government_level(locality: Locality) -> str | None:
    """The level of the government a locality's unit belongs to: `central`, `province`, `city` or `county`.

    A municipality is a province-level government (北京市 → province), its districts county-level, as in
    documents' `admin_level`; None when no place is known.
    """
    if locality.level == "central":
        return "central"
    if locality.county:
        return "county"
    if locality.city and locality.city != locality.province:
        return "city"
    return "province" if locality.province else None
