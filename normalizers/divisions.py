"""GB/T 2260 divisions and the names they go by, read once from `normalizers/data/divisions.csv`.

Example: `lookup("河东区")` gives 天津市河东区 (120102) and 临沂市河东区 (371312); `place_prefix("广西湖南商会")`
gives 广西壮族自治区, so a caller can strip it and find 湖南 after it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container
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
ABBREVIATION_SUFFIXES = ("总商会", "商会", "企业", "工商", "联合会", "同乡会", "协会", "促进会", "经济", "合作")
"""What may follow a run of one-character abbreviations (川渝商会), so 新 in 新能源 stays a word."""


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
    """Every division by each of its names, with the name lengths to try, longest first."""

    by_name: dict[str, tuple[Division, ...]]
    lengths: tuple[int, ...]
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
        lengths=tuple(sorted({len(name) for name in by_name}, reverse=True)),
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


def _names_at(text: str, start: int, names: Container[str]) -> list[str]:
    """The names among `names` that the text has at `start`, longest first, without 广州市场-style overlaps."""
    found = []
    for length in _index().lengths:
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
