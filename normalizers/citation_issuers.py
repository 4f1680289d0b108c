"""The issuer of a cited document, given only where the text or the number makes it certain.

Example: `国家发展改革委等十部门《关于…》` → 国家发展和改革委员会 (named before the title);
`《财政部关于…的意见》` → 财政部 (named in the title); `（鲁办发〔2016〕55号）` after a title naming
山东省 → 中共山东省委办公厅 (the number's prefix). When the text and the number disagree, neither is certain.
"""

from __future__ import annotations

import re

from normalizers.citation_vocabulary import known_issuer, prefix_issuer
from normalizers.divisions import lookup, place_prefix

AGENCY_ENDINGS = ("办公厅", "办公室", "政府", "委员会", "小组", "委", "局", "厅", "部", "署", "院", "办")
"""How the name of a local issuing body ends: `洛阳市人民政府办公室`, `中共河南省委`, `河南省民政厅`."""

PARTY = "中共"
"""Opens the name of a party body before its place: `中共河南省委办公厅`."""

ABOUT = "关于"
"""Separates the issuers a title opens with from its subject: `财政部关于…的意见`."""

_CLAUSE_BREAK = re.compile(r"[，。；：,;:！？!?（）()《》“”\"「」]")
_CO_ISSUERS = re.compile(r"[、\s]+")
_AND_OTHERS = re.compile(r"等(?:[0-9一二三四五六七八九十]+个?)?(?:部门|单位)?$")
"""`等十部门` closing a list of issuers, of which only the first is kept."""


def citation_issuer(before: str, title: str | None, prefix: str | None) -> str | None:
    """The first issuer of a cited document, from the text before it, its title or its number's prefix.

    A provincial prefix (`宁发改体改`) counts only when the title or the text before it names the
    province too, since a 简称 such as 宁 also stands for a city (南京).
    """
    named = issuer_before(before) or title_issuer(title)
    numbered = _number_issuer(prefix, before + (title or "")) if prefix else None
    if named and numbered and named != numbered:
        return None
    return named or numbered


def issuer_before(before: str) -> str | None:
    """The first issuer named right before a title: `根据中共中央办公厅、国务院办公厅` → 中共中央办公厅."""
    clause = _AND_OTHERS.sub("", _CLAUSE_BREAK.split(before)[-1].strip())
    for start in range(len(clause)):
        names = _CO_ISSUERS.split(clause[start:])
        if all(full_issuer_name(name) for name in names):
            return full_issuer_name(names[0])
    return None


def title_issuer(title: str | None) -> str | None:
    """The first issuer a title opens with: `国家发展改革委、住房城乡建设部关于…` → 国家发展和改革委员会."""
    if not title or ABOUT not in title:
        return None
    first = _CO_ISSUERS.split(title[: title.index(ABOUT)].strip())[0]
    return full_issuer_name(first) if first else None


def full_issuer_name(name: str) -> str | None:
    """The full name of an issuing body, or None when the name is not one or not a full one.

    A national body the vocabulary knows is expanded (`国家发改委` → 国家发展和改革委员会); a local
    body must open with its place (`洛阳市人民政府办公室`, `中共河南省委办公厅`), so `省委办公厅` is None.
    """
    known = known_issuer(name)
    if known:
        return known
    body = name.removeprefix(PARTY)
    place_led = any(body.startswith(d.name) and len(body) > len(d.name) for d in place_prefix(body))
    return name if place_led and name.endswith(AGENCY_ENDINGS) else None


def _number_issuer(prefix: str, context: str) -> str | None:
    """The issuer a prefix names, a provincial one only when the context names its province."""
    rule = prefix_issuer(prefix)
    if rule is None or (rule.province is not None and not _names_province(context, rule.province)):
        return None
    return rule.issuer


def _names_province(text: str, province: str) -> bool:
    """True when the text names the province by its full or its short name (`宁夏回族自治区`, `宁夏`)."""
    short_names = [d.short_name for d in lookup(province) if d.level == "province"]
    return any(name in text for name in [province, *short_names])
