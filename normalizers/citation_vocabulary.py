"""The citation vocabulary of `normalizers/data/`: number prefixes, title endings and issuer names, read once.

Example: `document_number_prefixes.csv` says a number opening with `中办发` is 中共中央办公厅's and
one opening with 宁 + `发改` is 宁夏回族自治区发展和改革委员会's; `citation_title_endings.csv` says a
title ending in `办法` is a cited measure and one ending in `一览表` a form; `citation_back_references.csv`
says `上述《意见》` refers back; `citation_title_verbs.csv` says `关于印发…的通知` issues what it names
and `关于转发…` forwards another document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from normalizers.divisions import province_abbreviations
from normalizers.vocabulary import read_table

PROVINCE = "{province}"
"""Marks where a provincial number prefix or issuer names its province: `{province}政办发` reads `豫政办发`."""

CITATION = "citation"
FORM = "form"

ISSUES = "issues"
CITES = "cites"
"""Roles of a verb in a document's own title: `印发` issues what it names, `转发` and `贯彻` cite it."""

_TRAILING_QUALIFIER = re.compile(r"[（(][^（）()]*[）)]\s*$")
"""A qualifier closing a title, `（试行）` or `（续）`, which stands after the word that says what the document is."""


@dataclass(frozen=True)
class PrefixIssuer:
    """The issuer a number prefix names, and the province a provincial rule read from the prefix.

    Example: `鲁办发` → 中共山东省委办公厅, province 山东省; `中办发` → 中共中央办公厅, province None.
    """

    issuer: str
    province: str | None = None


@dataclass(frozen=True)
class _PrefixRule:
    """One row of the prefix table; `provincial` rows read `简称 + pattern`."""

    pattern: str
    issuer: str
    provincial: bool


@cache
def _prefix_rules() -> tuple[_PrefixRule, ...]:
    rules = []
    for row in read_table("document_number_prefixes.csv"):
        provincial = row["prefix"].startswith(PROVINCE)
        rules.append(_PrefixRule(row["prefix"].removeprefix(PROVINCE), row["issuer"], provincial))
    return tuple(rules)


@cache
def prefix_issuer(prefix: str) -> PrefixIssuer | None:
    """The issuer a number's prefix names, by the longest rule the prefix opens with, or None.

    Rules match the opening of the prefix, so `发改` covers `发改体改` and `发改经体`, while the longer
    `发改办` wins for `发改办体改`. A provincial rule needs a province 简称 first: `宁发改体改` → 宁 + `发改`.
    """
    national: list[tuple[str, str | None]] = [("", None)]
    abbreviations = province_abbreviations().items()
    provincial: list[tuple[str, str | None]] = [(a, p.name) for a, p in abbreviations if prefix.startswith(a)]
    best: tuple[int, PrefixIssuer] | None = None
    for rule in _prefix_rules():
        openings = provincial if rule.provincial else national
        for abbreviation, province in openings:
            if not prefix.startswith(abbreviation + rule.pattern):
                continue
            length = len(abbreviation + rule.pattern)
            if best is None or length > best[0]:
                issuer = rule.issuer.replace(PROVINCE, province) if province else rule.issuer
                best = (length, PrefixIssuer(issuer, province))
    return best[1] if best else None


@cache
def _title_endings() -> tuple[tuple[str, str], ...]:
    """(ending, kind) pairs, longest ending first, so `一览表` is read before `表`."""
    rows = read_table("citation_title_endings.csv")
    return tuple(sorted(((row["ending"], row["kind"]) for row in rows), key=lambda pair: -len(pair[0])))


def title_core(title: str) -> str:
    """A title without the qualifiers closing it: `办法（试行）` → `办法`."""
    core = title.strip()
    while _TRAILING_QUALIFIER.search(core):
        core = _TRAILING_QUALIFIER.sub("", core)
    return core


def title_kind(title: str) -> str | None:
    """`citation` for a title that ends like a law, plan, opinion, notice or measure, `form` for a form, else None.

    Trailing qualifiers are read past: `行业协会商会综合监管办法（试行）` → citation,
    `脱钩人事、党建管理分离情况统计表（续）` → form, `人民日报` → None.
    """
    core = title_core(title)
    return next((kind for ending, kind in _title_endings() if core.endswith(ending)), None)


def is_kind_word(title: str) -> bool:
    """Whether a title is nothing but the word for a kind of document, which refers back: `《意见》`, `《办法（试行）》`."""
    core = title_core(title)
    return any(core == ending for ending, _ in _title_endings())


@cache
def _back_references() -> tuple[str, ...]:
    return tuple(row["word"] for row in read_table("citation_back_references.csv"))


def is_back_reference(before: str) -> bool:
    """Whether the text before a mention ends with a word that refers back: `按照上述` (《意见》), `发文字号：`."""
    return before.rstrip(" \t\n\u3000:：").endswith(_back_references())


@cache
def title_verbs(role: str) -> tuple[str, ...]:
    """Verbs by which a document's own title issues (`印发`) or cites (`转发`, `贯彻`) the document it names."""
    return tuple(row["word"] for row in read_table("citation_title_verbs.csv") if row["role"] == role)


@cache
def _issuer_names() -> dict[str, str]:
    """Every issuer name the vocabulary knows, mapped to its full name: aliases and the full names themselves."""
    names = {rule.issuer: rule.issuer for rule in _prefix_rules() if not rule.provincial}
    for row in read_table("issuer_aliases.csv"):
        names[row["alias"]] = row["issuer"]
        names[row["issuer"]] = row["issuer"]
    return names


def known_issuer(name: str) -> str | None:
    """The full name of a national issuer the vocabulary knows by this name: `国家发改委` → 国家发展和改革委员会."""
    return _issuer_names().get(name)
