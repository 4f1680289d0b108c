"""Issuing bodies (发文机关): recognising their names in a masthead, a title or a signature, and writing them in full.

Example: the signature line `开封市发展和改革委员会　　开封市民政局` names two issuers, and so does
`湖南省民政厅湖南省财政厅` printed without a space; `自治区工业和信息化厅` in a 宁夏回族自治区 document
is written `宁夏回族自治区工业和信息化厅`; the masthead's `湖南省人力资源和社会保障厅` and the signature's
`省人社厅` are one issuer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from normalizers import divisions
from normalizers.agencies import clean_text, normalize_agency
from normalizers.citation_vocabulary import known_issuer
from normalizers.locality import PARTY_PREFIXES, RELATIVE_WORD, Locality
from normalizers.metadata_vocabulary import (
    central_issuer_endings,
    central_issuer_prefixes,
    issuer_endings,
    masthead_words,
    state_prefixes,
)

NAME_SEPARATORS = re.compile(r"[\s、]+")
"""Joint issuers printed on one line stand apart by spaces (often U+3000) or a 顿号."""
NAME_CHARACTERS = re.compile(r"[\u4e00-\u9fff（）()]+")
"""A name is Chinese characters, with brackets at most (`…委员会（…办公室）`)."""
MIN_NAME_LENGTH = 3
"""The shortest issuers have three characters (`民政部`, `国务院`)."""
MAX_NAME_LENGTH = 40
"""Longer runs of characters are sentences, not names."""
DIRECT_ORGANS = "直"
"""`省直`, `市直`: the organs directly under a level, whose working committee belongs to the body before it."""


def is_issuer_name(text: str) -> bool:
    """Whether a text is one issuing body's name: characters only, ending like a body (`…局`, `…人民政府`)."""
    return (
        MIN_NAME_LENGTH <= len(text) <= MAX_NAME_LENGTH
        and NAME_CHARACTERS.fullmatch(text) is not None
        and text.endswith(issuer_endings())
    )


def strip_masthead_word(line: str) -> tuple[str, bool]:
    """The line without a closing masthead word, and whether it had one: `中共洛阳市委办公室文件` → 中共洛阳市委办公室.

    The word may be letter-spaced like the names: `湖南省民政厅　文　件` → 湖南省民政厅.
    """
    text = line.strip()
    match = _masthead_word_pattern().search(text)
    return (text[: match.start()].strip(), True) if match else (text, False)


@cache
def _masthead_word_pattern() -> re.Pattern[str]:
    """The masthead words closing a line, white space allowed between their characters (`文　件`)."""
    spaced = ("\\s*".join(map(re.escape, word)) for word in masthead_words())
    return re.compile(f"(?:{'|'.join(spaced)})$")


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


def split_joint_issuers(name: str) -> tuple[str, ...]:
    """The bodies of a name that runs several issuers together, else the name alone.

    A body ends like an issuer (`…厅`, `…办公室`) and the next opens like one: with a place
    (`湖南省民政厅湖南省财政厅`), a party prefix (`…市人民政府办公室中共…`), a central body's opening
    (`国家发展改革委民政部`) or a level word (`湖南省委省人民政府`). `中共长沙市委办公室` stays whole:
    `办公室` opens no body; so does a central body's branch, `国家税务总局福建省税务局`.
    """
    for end in range(MIN_NAME_LENGTH, len(name) - MIN_NAME_LENGTH + 1):
        head, rest = name[:end], name[end:]
        if is_issuer_name(head) and _opens_body(rest) and not _is_branch(head, rest):
            tail = split_joint_issuers(rest)
            if all(is_issuer_name(body) for body in tail):
                return (head, *tail)
    return (name,)


def _is_branch(head: str, rest: str) -> bool:
    """Whether a place after a central body names its local branch: `国家税务总局` + `福建省税务局` is one body."""
    return bool(_leading_places(rest)) and is_central(head)


def _opens_body(text: str) -> bool:
    """Whether a text opens like an issuer's name: a place (a county by its full name), a party or central
    prefix, a level word.

    A level word before 直 names the organs under the body just named (`中共某省委省直机关工委` is one body).
    """
    return (
        text.startswith(PARTY_PREFIXES)
        or text.startswith(central_issuer_prefixes())
        or (RELATIVE_WORD.match(text) is not None and not text.startswith(DIRECT_ORGANS, 1))
        or bool(_leading_places(text))
    )


def _leading_places(text: str) -> list[divisions.Division]:
    """The places a name opens with, a county only by its full name (`公安部` does not open with 公安县)."""
    return [d for d in divisions.place_prefix(text) if d.level != "county" or text.startswith(d.name)]


def full_issuer_name(raw: str, locality: Locality) -> str:
    """The issuer's full name: relative places and party abbreviations written out, the printed places kept.

    Example: `市民政局` in a 开封市 document → 开封市民政局; `中共罗庄区委` → 中国共产党罗庄区委员会;
    `天津市河东区发改委` → 天津市河东区发展和改革委员会 (the municipality stays); a central body by its
    known full name, `国家发展改革委` → 国家发展和改革委员会.
    """
    text = without_state_prefix(clean_text(raw))
    if is_central(text):
        return known_issuer(text) or text
    agency = normalize_agency(text, locality)
    name = agency.name or text
    place = _own_name(agency.locality)
    start = text.find(place) if place else -1
    if start > 0 and name.startswith(place) and divisions.place_prefix(text):
        return text[:start] + name
    return name


def without_state_prefix(name: str) -> str:
    """A central body's standard name, without the state's name a masthead prints before it.

    Example: `中华人民共和国国家发展和改革委员会` → 国家发展和改革委员会; `中华人民共和国` alone stays.
    """
    prefix = next((p for p in state_prefixes() if name.startswith(p)), None)
    rest = name[len(prefix) :] if prefix else ""
    return rest if rest and is_central(rest) else name


def is_state_name(text: str) -> bool:
    """Whether a line prints only the state's name: the first row of a two-row central masthead."""
    return "".join(text.split()) in state_prefixes()


def _own_name(locality: Locality | None) -> str | None:
    """The name of the most specific unit of a locality: 河东区 for 天津市, 天津市, 河东区."""
    if locality is None or locality.level is None:
        return None
    return getattr(locality, locality.level, None)


def merge_issuers(names: Iterable[str]) -> tuple[str, ...]:
    """Full names in first-seen order, one per body, the longest name of each body kept.

    A name that ends another (`河东区…` in `天津市河东区…`) or abbreviates it (`湖南省人社厅` of
    `湖南省人力资源和社会保障厅`, `长沙市政府` of `长沙市人民政府`) is the same body.
    """
    merged: list[str] = []
    for name in names:
        same = next((i for i, seen in enumerate(merged) if _same_body(seen, name)), None)
        if same is None:
            merged.append(name)
        elif len(name) > len(merged[same]):
            merged[same] = name
    return tuple(merged)


def _same_body(one: str, other: str) -> bool:
    """Whether two full names name one body: the shorter ends the longer or abbreviates it."""
    short, long = sorted((one, other), key=len)
    return long.endswith(short) or abbreviates(short, long)


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` is a 简称 of `full`: the same place, then the full name's characters in order,
    closing in its ending.

    Example: `湖南省人社厅` → `湖南省人力资源和社会保障厅`, `国家发展改革委` → `国家发展和改革委员会`; but
    `中共长沙市委` is not `中共长沙市委办公室` (its 委 is not in `办公室`), nor `长沙县民政局` a bureau of
    `长沙市望城县` (another place).
    """
    ending = next((e for e in issuer_endings() if full.endswith(e)), None)
    place = _place_chain(full)
    if ending is None or len(short) >= len(full) or not short.startswith(place):
        return False
    last = full.rfind(short[-1], len(full) - len(ending))
    return last >= len(place) and _is_subsequence(short[len(place) : -1], full[len(place) : last])


def _place_chain(name: str) -> str:
    """The places a name opens with, one inside the other: `长沙市望城县` of `长沙市望城县民政局`, "" for `民政部`."""
    end = 0
    while found := _leading_places(name[end:]):
        end += len(divisions.matched_name(name[end:], found[0]))
    return name[:end]


def _is_subsequence(part: str, text: str) -> bool:
    """Whether the characters of `part` stand in `text` in the same order, gaps allowed: 人社 in 人力资源和社会保障."""
    characters = iter(text)
    return all(character in characters for character in part)


def is_central(name: str) -> bool:
    """Whether an issuer is a central body: `国务院办公厅`, `民政部`, `市场监管总局`.

    Not central: a local body (`开封市民政局`, `市民政局`) or a central body's local branch, which
    names its place (`国家税务总局湖南省税务局`).
    """
    if _leading_places(name) or RELATIVE_WORD.match(name) or _names_full_place(name):
        return False
    return name.startswith(central_issuer_prefixes()) or name.endswith(central_issuer_endings())


def _names_full_place(name: str) -> bool:
    """Whether a place's full name stands anywhere in the name (`…湖南省税务局`); a short one may be a word."""
    return any(name.startswith(d.name, offset) for offset, d in divisions.find_places(name))
