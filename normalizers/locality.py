"""A document's place in the administrative hierarchy (GB/T 2260)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from normalizers import divisions
from normalizers.divisions import Division, Locality


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


def resolve_locality(primary: Sequence[str], secondary: Sequence[str] = ()) -> tuple[Locality, list[str]]:
    """The document's locality from its clues, and warnings when the clues leave it ambiguous.

    `primary` are strong clues in priority order (issuers, title, signature): the first of them that
    names a place sets the candidates, at the most specific level it names (a city bureau → city).
    All clues, `secondary` ones too (body text, names of associations and supervisors), then count
    for the candidates they name or whose province or city they name, so `河东区` with a `天津` in the
    text is 天津市河东区. Without primary clues the most often named, most specific place wins.
    """
    primary_mentions = [_clue_mentions(clue, primary=True) for clue in primary]
    mentions = [m for found in primary_mentions for m in found]
    mentions += [m for clue in secondary for m in _clue_mentions(clue, primary=False)]
    first = next((found for found in primary_mentions if found), None)
    if first:
        deepest = max(d.depth for m in first for d in m.candidates)
        targets = list(dict.fromkeys(d for m in first for d in m.candidates if d.depth == deepest))
    else:
        targets = list(dict.fromkeys(d for m in mentions for d in m.candidates))
    if not targets:
        return Locality(), []
    named = Counter((d, m.primary) for m in mentions for d in m.candidates)
    scores = {t: _score(t, named) for t in targets}
    best = max(scores.values())
    tied = [t for t in targets if scores[t] == best]
    if len(tied) == 1:
        return _locality(tied[0]), []
    return _common_locality(tied), _ambiguity_warning(tied, first or mentions)


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


def _clue_mentions(clue: str, primary: bool) -> list[_Mention]:
    """Places named in a clue: a chain of places opening each segment (`天津市河东区…`, `宁夏…协会`),
    full names further in, and in a primary clue a level word opening it (`自治区…厅`)."""
    mentions: list[_Mention] = []
    for segment in SEPARATORS.split(clue):
        segment = next((segment[len(p) :] for p in PARTY_PREFIXES if segment.startswith(p)), segment)
        chain, end = _leading_chain(segment, primary)
        if not chain and primary and (word := RELATIVE_WORD.match(segment)):
            mentions.append(_mention(word.group(1), _relative_candidates(word.group(1)), primary))
        mentions += chain + _free_mentions(segment, end, chain[-1] if chain else None, primary)
    return mentions


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
    names = "/".join(dict.fromkeys(m.text for m in first if set(m.candidates) & set(tied)))
    listed = ", ".join(paths) if len(paths) <= MAX_LISTED_CANDIDATES else f"{len(paths)} candidates"
    return [f"ambiguous_locality: {names} ({listed})"]
