"""A document's place in the administrative hierarchy (GB/T 2260)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from normalizers import divisions
from normalizers.divisions import Division, Locality
from normalizers.memo import TEXT_CACHE_SIZE
from normalizers.vocabulary import read_table


@dataclass(frozen=True)
class _Mention:
    """A place name found in one clue with the divisions it may mean, e.g. `河东区` → two districts."""

    text: str
    candidates: tuple[Division, ...]
    primary: bool


def _mention(text: str, candidates: Sequence[Division], primary: bool) -> _Mention:
    """A mention without the former units whose successor it also names: `平泉` is 平泉市, not 平泉县 too."""
    codes = {d.adcode for d in candidates if not d.former}
    return _Mention(text, tuple(d for d in candidates if not (d.former and d.successor in codes)), primary)


SEPARATORS = re.compile(r"[\s\u3000，,、；;：:。.！!？?（）()《》〈〉<>「」『』“”\"'‘’【】\[\]/|·]+")
"""Clue text splits into segments at white space and punctuation: `中共罗庄区委 罗庄区人民政府`."""
PARTY_PREFIXES = ("中国共产党", "中共")
"""What stands before the place in a party committee's name: `中共罗庄区委`."""
RELATIVE_WORD = re.compile(r"^(自治区|自治州|省|市|区|县|旗|盟)(?![场域级])")
"""A level named without its place at the start of an issuer: `自治区工业和信息化厅`, `市民政局`."""
MAX_LISTED_CANDIDATES = 6
"""An ambiguity among more candidates than this is reported by count, not by name."""


@dataclass(frozen=True)
class NumberPrefix:
    """A 发文字号's 机关代字 read as a place clue: `湘民发` names 湖南省 by its 简称, `长政办发` a unit whose name opens with 长."""

    prefix: str


Clue = str | NumberPrefix
"""A primary clue: a text (an issuer's name, the title, a signature line) or the document's number prefix."""


@dataclass(frozen=True)
class _Clue:
    """A primary clue read: the places it names, those it may anchor the search on, and which units it agrees with."""

    mentions: list[_Mention]
    anchors: list[_Mention]
    agrees: Callable[[Division], bool]


def resolve_locality(
    primary: Sequence[Clue], secondary: Sequence[str] = (), self_word: str | None = None
) -> tuple[Locality, list[str]]:
    """The document's locality from its clues, and warnings when the clues leave it ambiguous.

    `primary` are strong clues in priority order (issuers, the number's prefix, title, signature):
    the first of them that names a place sets the candidates, at the most specific level it names (a
    city bureau → city); each later one that agrees with some candidates keeps only those, and one
    that agrees with none is outranked and ignored. `self_word` is the designator the text calls its
    own place by (`市` of `我市`, `省` of `全省`), for documents whose issuers name no place: it moves the
    candidates to the units of that kind above or below them. All clues, `secondary` ones too (body
    text, names of associations and supervisors), then count for the candidates they name or whose
    province or city they name, so `河东区` with a `天津` in the text is 天津市河东区. Without primary
    clues the most often named, most specific place wins.
    """
    clues = [_read_clue(clue) for clue in primary]
    mentions = [m for clue in clues for m in clue.mentions]
    mentions += [m for text in secondary for m in _clue_mentions(text, primary=False)]
    anchor = next((index for index, clue in enumerate(clues) if clue.anchors), None)
    if anchor is not None:
        first = clues[anchor].anchors
        deepest = max(d.depth for m in first for d in m.candidates)
        targets = list(dict.fromkeys(d for m in first for d in m.candidates if d.depth == deepest))
    else:
        first = []
        targets = list(dict.fromkeys(d for m in mentions for d in m.candidates))
    if self_word:
        targets = _of_kind(targets, self_word)
    for clue in clues[anchor + 1 if anchor is not None else 0 :]:
        targets = [t for t in targets if clue.agrees(t)] or targets
    if not targets:
        return Locality(), []
    named = Counter((d, m.primary) for m in mentions for d in m.candidates)
    scores = {t: _score(t, named) for t in targets}
    best = max(scores.values())
    tied = [t for t in targets if scores[t] == best]
    if len(tied) == 1:
        return _locality(tied[0]), []
    return _common_locality(tied), _ambiguity_warning(tied, first or mentions)


def names_place(text: str) -> bool:
    """Whether a primary clue names a place or a level: `长沙市民政局`, `市民政局`; not `民政部`."""
    return bool(_clue_mentions(text, primary=True))


def _read_clue(clue: Clue) -> _Clue:
    """A text clue anchors on and agrees with the places it names; a number prefix anchors on its province's 简称."""
    if isinstance(clue, NumberPrefix):
        province = number_province(clue)
        anchors = [_Mention(clue.prefix, (province,), True)] if province else []
        return _Clue(anchors, anchors, lambda target: _numbered_by(target, clue.prefix[:1]))
    mentions = list(_clue_mentions(clue, primary=True))
    return _Clue(mentions, mentions, _Relatives([d for m in mentions for d in m.candidates]).related)


class _Relatives:
    """The units related to any of some places (`_related`), told by set look-ups.

    A clue is checked against every candidate unit (all cities, for `市民政局`), so a pairwise test
    of each candidate against each place the clue names grows with their product.
    """

    def __init__(self, places: Sequence[Division]) -> None:
        self._same = set(places)
        self._provinces = {d.name for d in places if d.level == "province"}
        self._cities = {(d.name, d.province) for d in places if d.level == "city"}
        self._in_province = {d.province for d in places}
        self._in_city = {(d.city, d.province) for d in places}

    def related(self, target: Division) -> bool:
        """`_related(target, d)` for some of the places: the same unit, inside one of them, or holding one."""
        if target.province in self._provinces or (target.city, target.province) in self._cities:
            return True
        if target.level == "province" and target.name in self._in_province:
            return True
        if target.level == "city" and (target.name, target.province) in self._in_city:
            return True
        return target in self._same


def number_province(number: NumberPrefix) -> Division | None:
    """The province a number prefix opens with by its 简称: `湘民发` → 湖南省, `长政办发` → None."""
    return divisions.province_abbreviations().get(number.prefix[:1])


def _related(one: Division, other: Division) -> bool:
    """The same unit, or one inside the other: 长沙市 and 芙蓉区, 湖南省 and 长沙市."""
    return one == other or one.contains(other) or other.contains(one)


def _numbered_by(target: Division, character: str) -> bool:
    """Whether a number prefix opening with `character` may be the target's: its province's 简称 (`湘` for 长沙市),
    the first character of its own or its city's name (`长` for 长沙市 and 长沙县), or its city's 简称 in
    numbers when that is another character (`穗` for 广州市)."""
    province = divisions.province_abbreviations().get(character)
    in_province = province is not None and (target == province or province.contains(target))
    names = [name for name in (target.name, target.city) if name]
    initial = any(name.startswith(character) for name in names)
    return in_province or initial or _city_numbers().get(character) in names


@cache
def _city_numbers() -> dict[str, str]:
    """Cities whose numbers open with a character other than their name's first: 穗 → 广州市."""
    return {row["abbreviation"]: row["city"] for row in read_table("city_number_abbreviations.csv")}


def _of_kind(targets: list[Division], word: str) -> list[Division]:
    """The candidates moved to the units whose name ends in `word`: each itself when it does, else its nearest
    such parent, else its nearest such units inside it; the candidates unchanged when none fits.

    Example: 芙蓉区 with `市` → 长沙市; 湖南省 with `市` → the cities of 湖南省.
    """
    moved: list[Division] = []
    for target in targets:
        if target.name.endswith(word):
            moved.append(target)
            continue
        names = [name for name in (target.city, target.province) if name]
        parents = [p for name in names for p in divisions.lookup(name) if p.contains(target)]
        fitting = [p for p in parents if p.name.endswith(word)]
        if fitting:
            moved.append(max(fitting, key=lambda d: d.depth))
            continue
        inside = [d for d in divisions.divisions() if not d.former and d.name.endswith(word) and target.contains(d)]
        shallowest = min((d.depth for d in inside), default=None)
        moved += [d for d in inside if d.depth == shallowest]
    return list(dict.fromkeys(moved)) or targets


def _score(target: Division, named: Counter[tuple[Division, bool]]) -> tuple[int, ...]:
    """How often primary, then secondary clues name the target, then its province or city; the more
    specific unit last."""
    names = {target.province, target.city} - {None}
    parents = [p for name in names for p in divisions.lookup(name) if p.contains(target)]
    return (
        named[target, True],
        named[target, False],
        sum(named[p, True] for p in parents),
        sum(named[p, False] for p in parents),
        target.depth,
    )


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _clue_mentions(clue: str, primary: bool) -> tuple[_Mention, ...]:
    """Places named in a clue: a chain of places opening each segment (`天津市河东区…`, `宁夏…协会`),
    full names further in, and in a primary clue a level word opening it (`自治区…厅`).

    Remembered per text: every line and cell of a document is a clue, and rosters repeat their
    supervising units row after row.
    """
    mentions: list[_Mention] = []
    for segment in SEPARATORS.split(clue):
        segment = next((segment[len(p) :] for p in PARTY_PREFIXES if segment.startswith(p)), segment)
        chain, end = _leading_chain(segment, primary)
        if not chain and primary and (word := RELATIVE_WORD.match(segment)):
            mentions.append(_mention(word.group(1), _relative_candidates(word.group(1)), primary))
        mentions += chain + _free_mentions(segment, end, chain[-1] if chain else None, primary)
    return tuple(mentions)


def _leading_chain(segment: str, primary: bool) -> tuple[list[_Mention], int]:
    """Places nested one in the other at the start of a segment, with the offset where they end.

    The first is a full name or a province's or city's short name (`宁夏`, `开封`); each next one must
    lie inside the previous (`天津市河东区` → 120102 only), so `广西湖南商会` stops after 广西.
    """
    chain: list[_Mention] = []
    end = 0
    while True:
        rest = segment[end:]
        if chain:
            found = [d for d in divisions.place_prefix(rest) if any(p.contains(d) for p in chain[-1].candidates)]
        else:
            found = [d for d in divisions.place_prefix(rest) if d.level != "county" or rest.startswith(d.name)]
        if not found:
            return chain, end
        name = divisions.matched_name(rest, found[0])
        chain.append(_mention(name, [d for d in found if divisions.matched_name(rest, d) == name], primary))
        end += len(name)


def _free_mentions(segment: str, start: int, previous: _Mention | None, primary: bool) -> list[_Mention]:
    """Full names after the opening chain; a name right after another is read inside it (`临沂市罗庄区`)."""
    mentions: list[_Mention] = []
    end = start
    by_offset: dict[int, list[Division]] = {}
    for offset, division in divisions.find_places(segment[start:]):
        by_offset.setdefault(start + offset, []).append(division)
    for offset, found in by_offset.items():
        name = divisions.matched_name(segment[offset:], found[0])
        inside = [d for d in found if previous and offset == end and any(p.contains(d) for p in previous.candidates)]
        previous = _mention(name, inside or found, primary)
        mentions.append(previous)
        end = offset + len(name)
    return mentions


@cache
def _relative_candidates(word: str) -> tuple[Division, ...]:
    """The units a bare level word may stand for: 自治区 → the five autonomous regions, 市 → every city
    and municipality, 区 → every district."""
    levels = {"自治区": ("province",), "省": ("province",), "市": ("province", "city")}.get(word)
    levels = levels or (("city",) if word in ("自治州", "盟") else ("county",))
    return tuple(d for d in divisions.divisions() if d.level in levels and d.name.endswith(word))


def _locality(division: Division) -> Locality:
    """The locality of one division: 河东区 120102 → 天津市, 天津市, 河东区, county."""
    if division.level == "province":
        city = division.name if division.is_municipality else None
        return Locality(division.name, city, None, division.adcode, "province")
    if division.level == "city":
        return Locality(division.province, division.name, None, division.adcode, "city")
    return Locality(division.province, division.city, division.name, division.adcode, "county")


def _common_locality(tied: list[Division]) -> Locality:
    """The fields all tied candidates agree on: two 市中区 of 山东省 keep the province and the county."""
    localities = [_locality(d) for d in tied]
    agreed = {
        field: values.pop() if len(values := {getattr(loc, field) for loc in localities}) == 1 else None
        for field in ("province", "city", "county", "adcode", "level")
    }
    return Locality(**agreed)


def _ambiguity_warning(tied: list[Division], first: list[_Mention]) -> list[str]:
    """`ambiguous_locality: 河东区 (天津市河东区, 山东省临沂市河东区)`, or [] when the candidates share a path."""
    paths = list(dict.fromkeys(d.path for d in tied))
    if len(paths) == 1:
        return []
    names = "/".join(dict.fromkeys(m.text for m in first if any(_related(c, t) for c in m.candidates for t in tied)))
    listed = ", ".join(paths) if len(paths) <= MAX_LISTED_CANDIDATES else f"{len(paths)} candidates"
    return [f"ambiguous_locality: {names} ({listed})"]


def division_locality(key: str) -> Locality | None:
    """The locality a GB/T 2260 code or a full place label names: `410200` or `河南省开封市`; None when unknown.

    A user states a place this way in the manifest; a current unit wins over a former one of the same label.
    """
    found = sorted((d for d in divisions.divisions() if key in (d.adcode, d.path)), key=lambda d: d.former)
    return _locality(found[0]) if found else None
