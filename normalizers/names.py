"""Association names: one spelling per printed name, and the kind of association it names.

Example: the PDF cell `宁夏园林绿化协会)` and the HTML cell `宁夏园林绿化协会` both normalise to
`宁夏园林绿化协会`, an `industry_association`; `宁夏河北商会` in a 宁夏 roster is a `regional_chamber`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from normalizers.character_filter import dropping
from normalizers.chinese import to_simplified
from normalizers.locality import Locality
from normalizers.memo import CACHE_SIZE
from normalizers.name_places import locality_scope, names_other_place
from normalizers.vocabulary import read_table

KINDS = frozenset(
    {
        "industry_association",
        "chamber_of_commerce",
        "regional_chamber",
        "federation",
        "promotion_association",
        "society",
        "other",
    }
)
"""The `kind` enumeration of associations.parquet (docs/conventions.md)."""
OTHER_KIND = "other"
REGIONAL_CHAMBER = "regional_chamber"

OPEN_TO_CLOSE = dict(zip("（《〈【〔[{“‘「『", "）》〉】〕]}”’」』"))
"""Bracket pairs that may belong to a name; a bracket without its partner is layout debris."""
_CLOSE_TO_OPEN = {close: open_ for open_, close in OPEN_TO_CLOSE.items()}

_CIRCLED_NUMBER = re.compile(r"^\s*[\u2460-\u24ff\u2776-\u2793]+")
"""`①宁夏…`: circled list numbers, removed before NFKC would turn them into plain digits."""
_SPACED_NUMBER = re.compile(r"^\s*\d{1,3}\s+(?=\S)")
"""`1 宁夏…`: a 序号 separated from the name only by white space, which is removed later."""
_LIST_MARKER = re.compile(
    r"^(?:\d{1,3}[.、,:)）]|[(（]\d{1,3}[)）]|[(（]?[一二三四五六七八九十]{1,3}[)）、.])"
)
"""`1.`, `2、`, `(3)`, `（一）`, `二、` before a name: list numbering, not part of it."""
_WHITE_SPACE = re.compile(r"\s+")
_TRAILING_NOTE = re.compile(r"（[^（）]*）$")
"""`（筹）`, `（暂定名）` after a name: a note that does not change the suffix."""
_NEVER_IN_NAME = frozenset("*※!?,;:\"")
"""Footnote marks and sentence punctuation that no association name contains (after NFKC)."""
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "So"})
"""Control, zero-width, private-use and symbol characters (`★`, `□`, `√`) are never part of a name."""
_without_debris = dropping(lambda c: unicodedata.category(c) in _DROPPED_CATEGORIES or c in _NEVER_IN_NAME)


@dataclass(frozen=True)
class KindSuffix:
    """A name ending that decides the kind, e.g. `促进会` → `promotion_association`.

    `regional` marks endings (`商会`, `企业联合会`) whose association becomes a `regional_chamber`
    when the name, after its own locality, names another place.
    """

    suffix: str
    kind: str
    regional: bool


@cache
def kind_suffixes() -> tuple[KindSuffix, ...]:
    """The suffixes of `association_kinds.csv`, longest first so `总商会` wins over `商会`."""
    rows = read_table("association_kinds.csv")
    suffixes = (KindSuffix(r["suffix"], r["kind"], r["regional"] == "true") for r in rows)
    return tuple(sorted(suffixes, key=lambda s: (-len(s.suffix), s.suffix)))


@lru_cache(maxsize=CACHE_SIZE)
def normalize_name(raw: str) -> str:
    """One spelling of a printed association name, so that PDF, HTML and DOCX rows compare equal.

    NFKC makes full-width letters and digits half-width; its ASCII `()` are turned back into the
    Chinese `（）` that names print. White space, list numbers (`1.`, `、`), stray punctuation and
    unbalanced brackets go, balanced brackets stay, traditional characters become simplified:
    `1. 宁夏园林绿化协会)` → `宁夏园林绿化协会`, `開封市（中國）書法協會` → `开封市（中国）书法协会`.
    """
    text = _CIRCLED_NUMBER.sub("", raw)
    text = to_simplified(text)
    text = _without_debris(text)
    text = _WHITE_SPACE.sub("", _SPACED_NUMBER.sub("", text))
    text = _trim(text.replace("(", "（").replace(")", "）"))
    return _trim(_balanced(text))


def _trim(text: str) -> str:
    """The text without list numbers and edge punctuation, repeated while it changes: `、1.（一）…` → `…`."""
    previous = None
    while text != previous:
        previous = text
        text = _strip_edges(_LIST_MARKER.sub("", text))
    return text


def _balanced(text: str) -> str:
    """The text without brackets that have no partner: `宁夏园林绿化协会）` → `宁夏园林绿化协会`."""
    dropped: set[int] = set()
    stack: list[int] = []
    for i, char in enumerate(text):
        if char in OPEN_TO_CLOSE:
            stack.append(i)
        elif char in _CLOSE_TO_OPEN:
            if stack and text[stack[-1]] == _CLOSE_TO_OPEN[char]:
                stack.pop()
            else:
                dropped.add(i)
    dropped.update(stack)
    return "".join(c for i, c in enumerate(text) if i not in dropped) if dropped else text


def _strip_edges(text: str) -> str:
    """The text without punctuation at either end, except balanced brackets: `、宁夏煤炭协会。` → `宁夏煤炭协会`.

    A name wholly wrapped in one pair of brackets is unwrapped: `（宁夏煤炭协会）` → `宁夏煤炭协会`.
    """
    start, end = 0, len(text)
    while start < end and _is_punctuation(text[start]) and text[start] not in OPEN_TO_CLOSE:
        start += 1
    while end > start and _is_punctuation(text[end - 1]) and text[end - 1] not in _CLOSE_TO_OPEN:
        end -= 1
    text = text[start:end]
    if len(text) > 2 and text[0] in OPEN_TO_CLOSE and _balanced(text[1:-1]) == text[1:-1]:
        if OPEN_TO_CLOSE[text[0]] == text[-1]:
            return text[1:-1]
    return text


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith(("P", "S"))


@lru_cache(maxsize=CACHE_SIZE)
def kind_suffix(name: str) -> KindSuffix | None:
    """The longest listed suffix the name ends with, ignoring a trailing bracket note: `…协会（筹）` → `协会`."""
    core = _TRAILING_NOTE.sub("", name)
    return next((s for s in kind_suffixes() if core.endswith(s.suffix)), None)


def classify_kind(name: str, locality: Locality) -> str:
    """The kind of association a normalised name denotes in a document of the given locality.

    The suffix decides (`…协会` → `industry_association`), except that a chamber or enterprise
    federation naming another place after its own locality is a `regional_chamber`: in a 宁夏
    roster `宁夏苏浙商会` is regional, `宁夏家具行业商会` is a `chamber_of_commerce`. Places are
    GB/T 2260 divisions or runs of province abbreviations; a place inside the document's own
    locality is not another place (`广东省汕头商会` in a 广东 roster), nor is a region that is no
    division (`广东省潮汕商会`), so both are chambers of commerce.
    """
    suffix = kind_suffix(name)
    if suffix is None:
        return OTHER_KIND
    if suffix.regional and names_other_place(name, locality_scope(locality)):
        return REGIONAL_CHAMBER
    return suffix.kind
