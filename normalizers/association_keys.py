"""association_key: one value for every roster row, in any document, that names the same association.

Example: `宁夏回族自治区煤炭行业协会` and `宁夏煤炭行业协会` in two 宁夏 documents share a key, while
`开封市书法协会` and `开封市书法家协会` keep two, because `家` is content and not a locality word.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from normalizers import divisions
from normalizers.character_filter import dropping
from normalizers.locality import Locality
from normalizers.divisions import designators
from normalizers.name_places import PROVINCE_DIGITS, leading_places, locality_scope
from normalizers.memo import CACHE_SIZE
from normalizers.names import normalize_name

KEY_HEX_DIGITS = 16
CANDIDATE_SCORE_CUTOFF = 50
"""rapidfuzz `ratio` below which two canonical names are not even checked; the merge rule decides the rest."""
MAX_BLOCK_NAMES = 32
"""A block of at most this many names is compared pair by pair; real blocks hold two or three."""
NEIGHBOURS = 8
"""In a larger block (a roster built to defeat the blocking) each name meets only this many following names
in the order of `designator_free`, where designator variants sit together: linking stays linear in the rows."""
MAX_PLACE_LENGTH = 8
"""Longest place name (without designator) looked up before a designator, e.g. `克孜勒苏柯尔克孜`."""
_without_punctuation = dropping(lambda c: unicodedata.category(c).startswith("P"))


@dataclass(frozen=True)
class NameRecord:
    """One roster row as the key sees it: the normalised name, the document's locality, and the kind.

    `county` is optional; it keeps a bare `足球协会` in a county roster apart from the city's.
    """

    name: str
    province: str | None
    city: str | None
    kind: str
    county: str | None = None


@lru_cache(maxsize=CACHE_SIZE)
def canonical_name(name: str, locality: Locality) -> str:
    """The name with everything that does not tell associations apart removed, for exact matching.

    Punctuation, brackets and case go; the opening chain of places becomes the short name of its
    most specific place (a place elsewhere in the same province names its own association), and a
    name without one gets its locality's: in a 宁夏 document
    `宁夏回族自治区煤炭行业协会`, `宁夏煤炭行业协会` and `煤炭行业协会` all become `宁夏煤炭行业协会`;
    `宁夏河北省商会` becomes `宁夏河北商会`.
    """
    text = _without_punctuation(normalize_name(name).casefold())
    scope = locality_scope(locality)
    own = leading_places(text, scope.code if scope else None)
    if not own.places and scope:
        own = leading_places(text, scope.code[:PROVINCE_DIGITS])
    if own.places:
        head = own.places[-1].short_name
    else:
        head = scope.division.short_name if scope and scope.division else ""
    rest = text[own.length:]
    other = leading_places(rest, None)
    if other.places:
        rest = other.places[-1].short_name + rest[other.length:]
    return head + rest


def skeleton(canonical: str) -> str:
    """The canonical name without any character of a locality designator: a block for fuzzy candidates.

    Two names that differ only by designators (`河北省` / `河北`) have the same skeleton.
    """
    return canonical.translate(_without_designator_letters())


@cache
def _without_designator_letters() -> dict[int, None]:
    """Every character of a designator (`省`, `市`, `回`, `族`, `自`, `治`, `区`…), removed to form skeletons."""
    return dict.fromkeys(map(ord, "".join(designators())))


@cache
def _designators_longest_first() -> tuple[str, ...]:
    """Designators, longest first, so `回族自治区` is taken whole rather than its closing `区`."""
    return tuple(sorted(designators(), key=lambda d: (-len(d), d)))


def differs_only_in_designators(a: str, b: str) -> bool:
    """True when two canonical names differ only by designators following a place name.

    `宁夏河北省商会` / `宁夏河北商会` → True (`省` follows `河北`); `开封书法协会` / `开封书法家协会` and
    `宁夏苏浙商会` / `宁夏苏浙总商会` → False: any other differing character is content.
    """
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        if op.tag == "delete":
            segment, before = a[op.src_start : op.src_end], a[: op.src_start]
        elif op.tag == "insert":
            segment, before = b[op.dest_start : op.dest_end], b[: op.dest_start]
        else:
            return False
        if not _designates_place(before, segment):
            return False
    return True


def _designates_place(before: str, segment: str) -> bool:
    """True when `segment` is a designator and `before` ends with the place it completes (`河北` + `省`)."""
    if segment not in designators():
        return False
    for size in range(1, min(len(before), MAX_PLACE_LENGTH) + 1):
        place = before[-size:]
        for division in (*divisions.lookup(place), *divisions.lookup(place + segment)):
            if division.name == place + segment or (division.short_name == place and division.name.endswith(segment)):
                return True
    return False


class _Clusters:
    """Union-find over canonical names, so merges are transitive and independent of input order."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        root = self.parent.setdefault(name, name)
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[name] != root:
            self.parent[name], name = root, self.parent[name]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=lambda s: (len(s), s))
            self.parent[drop] = keep


def assign_keys(records: Sequence[NameRecord]) -> list[str]:
    """An association_key per record: 16 hex digits of the SHA-256 of `province|canonical name`.

    Records with equal canonical names share a key. Within a province and kind, names with the
    same skeleton are compared with rapidfuzz, and merged when they differ only by designators;
    the shortest canonical name of a cluster is hashed, so any order of the same rows gives the
    same keys. Blocking, and near neighbours only in an oversize block (`candidate_pairs`), keep the
    cost linear in the number of rows.
    """
    named: dict[tuple[str, str | None, str | None, str | None], str] = {}
    canonicals = []
    for r in records:  # a name recurs in many rosters: each distinct one is canonicalised once
        place = (r.name, r.province, r.city, r.county)
        if place not in named:
            named[place] = canonical_name(r.name, Locality(province=r.province, city=r.city, county=r.county))
        canonicals.append(named[place])
    blocks: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for province, kind, canonical in {(r.province or "", r.kind, c): None for r, c in zip(records, canonicals)}:
        blocks[(province, kind, skeleton(canonical))].add(canonical)
    roots = cluster_roots((province, sorted(names)) for (province, _, _), names in blocks.items() if len(names) > 1)
    keys = {
        (province, canonical): association_key(province, roots.get((province, canonical), canonical))
        for province, canonical in {(r.province or "", c): None for r, c in zip(records, canonicals)}
    }
    return [keys[r.province or "", c] for r, c in zip(records, canonicals)]


def cluster_roots(blocks: Iterable[tuple[str, Sequence[str]]]) -> dict[tuple[str, str], str]:
    """For each name of the blocks, the canonical name its cluster is keyed by (itself when it merged with none).

    A block is a province and its sorted names of one kind and skeleton; a name in no block of
    two or more names merges with none, so only such blocks need to be given. Clusters span
    the blocks of a province (one name may sit in blocks of two kinds).
    """
    clusters: defaultdict[str, _Clusters] = defaultdict(_Clusters)
    seen: list[tuple[str, str]] = []
    for province, names in blocks:
        _merge_block(list(names), clusters[province])
        seen += ((province, name) for name in names)
    return {(province, name): clusters[province].find(name) for province, name in seen}


def _merge_block(names: list[str], clusters: _Clusters) -> None:
    """Merge the candidate pairs of one block that rapidfuzz scores close and the designator rule accepts."""
    for a, b in candidate_pairs(names):
        if fuzz.ratio(a, b, score_cutoff=CANDIDATE_SCORE_CUTOFF) and differs_only_in_designators(a, b):
            clusters.union(a, b)


def candidate_pairs(names: list[str]) -> Iterator[tuple[str, str]]:
    """The pairs of a block worth comparing: every pair of a small block, else near neighbours only.

    At most `len(names) * max(MAX_BLOCK_NAMES, NEIGHBOURS)` pairs, so thousands of near-identical
    names (`宁夏煤区炭协会`, `宁夏煤市炭协会`…) cost thousands of comparisons, not millions.
    """
    if len(names) <= MAX_BLOCK_NAMES:
        yield from ((a, b) for i, a in enumerate(names) for b in names[i + 1 :])
        return
    ordered = sorted(names, key=lambda name: (designator_free(name), name))
    for i, a in enumerate(ordered):
        yield from ((a, b) for b in ordered[i + 1 : i + 1 + NEIGHBOURS])


def designator_free(canonical: str) -> str:
    """The name without designators that complete the place before them: `宁夏河北省商会` → `宁夏河北商会`.

    Names this rule would merge mostly share it, so sorting a block by it puts them side by side.
    """
    kept, i = [], 0
    longest_first = _designators_longest_first()
    while i < len(canonical):
        found = next(
            (d for d in longest_first if canonical.startswith(d, i) and _designates_place(canonical[:i], d)), None
        )
        if found:
            i += len(found)
        else:
            kept.append(canonical[i])
            i += 1
    return "".join(kept)


def association_key(province: str, canonical: str) -> str:
    """16 hex digits of SHA-256, the same on every machine and run: `宁夏回族自治区|宁夏煤炭协会` → `…`."""
    return hashlib.sha256(f"{province}|{canonical}".encode()).hexdigest()[:KEY_HEX_DIGITS]
