"""One key per cited document, and the level of its issuer, so citations of many documents can be counted together.

Example: `《中共中央办公厅 国务院办公厅关于印发〈行业协会商会与行政机关脱钩总体方案〉的通知》` and
`《行业协会商会与行政机关脱钩总体方案》` cited without numbers share the key `行业协会商会与行政机关脱钩总体方案`;
any citation with a 发文字号 is keyed by it (`中办发〔2015〕39号`), whatever title or short name it is given.
A forwarding notice (`关于转发《甲办法》的通知`) is another document than 甲办法 and keeps its own key.
"""

from __future__ import annotations

import re
import unicodedata

from normalizers.citation_issuers import known_issuer
from normalizers.citation_vocabulary import CITES, ISSUES, title_core, title_verbs
from normalizers.divisions import government_level
from normalizers.locality import resolve_locality

CENTRAL = "central"
_SPACE = re.compile(r"\s+")
_MARKS = str.maketrans({"〈": "《", "〉": "》", "<": "《", ">": "》"})
_ISSUED = re.compile(rf"(?:{'|'.join(title_verbs(ISSUES))})《?(?P<title>[^《》]+?)》?的[^的]{{1,4}}$")
"""The plan a notice issues: `…关于印发〈甲方案〉的通知` → 甲方案, also printed without marks."""


def cited_title_key(title: str) -> str:
    """A cited title reduced to what names the document: half-width, no white space, no 《》, no closing
    qualifier, and for a notice that issues a plan the plan's title (`关于印发〈甲办法（试行）〉的通知` → 甲办法)."""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", title)).translate(_MARKS)
    issued = _ISSUED.search(text)
    if issued and not any(verb in text[: issued.start()] for verb in title_verbs(CITES)):
        text = issued["title"]
    return title_core(text.replace("《", "").replace("》", "")) or text


def cited_key(doc_number: str | None, title: str | None) -> str | None:
    """The cited 发文字号 (already normalised to 〔〕), else the title's key, else None."""
    if doc_number:
        return doc_number
    return cited_title_key(title) if title else None


def issuer_level(issuer: str | None) -> str | None:
    """The level of a certain issuer: `central` for a national body, else the level of the place its name
    opens with (`洛阳市人民政府办公室` → city, `中共河南省委办公厅` → province, a municipality's → province);
    None when the name settles no single place."""
    if issuer is None:
        return None
    locality, warnings = resolve_locality([issuer])
    if locality.province and not warnings:
        return government_level(locality)
    return CENTRAL if known_issuer(issuer) == issuer else None


def shared_keys(citations: list[tuple[str | None, str | None]]) -> list[str | None]:
    """The keys of (number, title) citations from many documents, a title cited without number keyed by the
    number it is cited with elsewhere, when that is one number only.

    Example: `《甲办法》（甲发〔2019〕1号）` in one document and `《甲办法（试行）》` in another both get 甲发〔2019〕1号;
    with two numbers for one title (a misprint or two editions) the title keeps its own key.
    """
    numbers: dict[str, set[str]] = {}
    for number, title in citations:
        if number and title:
            numbers.setdefault(cited_title_key(title), set()).add(number)
    keys = []
    for number, title in citations:
        seen = numbers.get(cited_title_key(title), set()) if title and not number else set()
        keys.append(next(iter(seen)) if len(seen) == 1 else cited_key(number, title))
    return keys
