"""Issuing bodies (发文机关): recognising their names in a masthead, a title or a signature, and writing them in full.

Example: the signature line `开封市发展和改革委员会　　开封市民政局` names two issuers; `自治区工业和信息化厅`
in a 宁夏回族自治区 document is written `宁夏回族自治区工业和信息化厅`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from normalizers import divisions
from normalizers.agencies import clean_text, normalize_agency
from normalizers.locality import Locality
from normalizers.metadata_vocabulary import central_issuer_prefixes, issuer_endings, masthead_words

NAME_SEPARATORS = re.compile(r"[\s、]+")
"""Joint issuers printed on one line stand apart by spaces (often U+3000) or a 顿号."""
NAME_CHARACTERS = re.compile(r"[\u4e00-\u9fff（）()]+")
"""A name is Chinese characters, with brackets at most (`…委员会（…办公室）`)."""
MIN_NAME_LENGTH = 3
"""The shortest issuers have three characters (`民政部`, `国务院`)."""
MAX_NAME_LENGTH = 40
"""Longer runs of characters are sentences, not names."""


def is_issuer_name(text: str) -> bool:
    """Whether a text is one issuing body's name: characters only, ending like a body (`…局`, `…人民政府`)."""
    return (
        MIN_NAME_LENGTH <= len(text) <= MAX_NAME_LENGTH
        and NAME_CHARACTERS.fullmatch(text) is not None
        and text.endswith(issuer_endings())
    )


def strip_masthead_word(line: str) -> tuple[str, bool]:
    """The line without a closing masthead word, and whether it had one: `中共洛阳市委办公室文件` → 中共洛阳市委办公室."""
    text = line.strip()
    word = next((w for w in masthead_words() if text.endswith(w)), None)
    return (text[: -len(word)].strip(), True) if word else (text, False)


def issuer_names(line: str) -> tuple[str, ...] | None:
    """The names of a line made only of issuers' names, else None.

    Example: `中共罗庄区委　罗庄区人民政府` → both names; a name printed with spaced letters
    (`宁夏回族自治区 工业和信息化厅`) is one name; `附件：1.名单` → None.
    """
    tokens = [token for token in NAME_SEPARATORS.split(line.strip()) if token]
    if tokens and all(is_issuer_name(token) for token in tokens):
        return tuple(tokens)
    squashed = "".join(tokens)
    return (squashed,) if is_issuer_name(squashed) else None


def full_issuer_name(raw: str, locality: Locality) -> str:
    """The issuer's full name: relative places and party abbreviations written out, the printed places kept.

    Example: `市民政局` in a 开封市 document → 开封市民政局; `中共罗庄区委` → 中国共产党罗庄区委员会;
    `天津市河东区发改委` → 天津市河东区发展和改革委员会 (the municipality stays).
    """
    text = clean_text(raw)
    agency = normalize_agency(text, locality)
    name = agency.name or text
    place = _own_name(agency.locality)
    start = text.find(place) if place else -1
    if start > 0 and name.startswith(place) and divisions.place_prefix(text):
        return text[:start] + name
    return name


def _own_name(locality: Locality | None) -> str | None:
    """The name of the most specific unit of a locality: 河东区 for 天津市, 天津市, 河东区."""
    if locality is None or locality.level is None:
        return None
    return getattr(locality, locality.level, None)


def merge_issuers(names: Iterable[str]) -> tuple[str, ...]:
    """Full names in first-seen order, one per body: a name that ends another (`河东区…` in `天津市河东区…`) is the same body."""
    merged: list[str] = []
    for name in names:
        same = next((i for i, seen in enumerate(merged) if seen.endswith(name) or name.endswith(seen)), None)
        if same is None:
            merged.append(name)
        elif len(name) > len(merged[same]):
            merged[same] = name
    return tuple(merged)


def is_central(name: str) -> bool:
    """Whether an issuer is a central body: `国务院办公厅`, `民政部`; `开封市民政局` is not."""
    return name.startswith(central_issuer_prefixes()) and not divisions.place_prefix(name)
