"""Character-level normalisation shared by normalizers and extractors: white space, width and script.

Example: `寧夏電力行業協會` → `宁夏电力行业协会`, `ＡＢＣ１２３` → `ABC123`.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from opencc import OpenCC

from normalizers.vocabulary import read_table

SCRIPT_CONVERSION = "hk2s"
"""OpenCC's Hong Kong → simplified chain: t2s's dictionaries plus the Hong Kong variants first.

It reads every Taiwan variant too (臺/台, 裡/裏, 綫/線, 爲/為, 眾/衆, 戶/户, 産/產 are all in the
shared character table) and adds what t2s leaves alone though documents print it: `衞生` → `卫生`,
`敍`, `衹`, `枱`. tw2s was not taken: it turns 著 into 着 in every word (`土著` → `土着`, `原著` →
`原着`) and the simplified `么` into `幺`.
"""
_PLACE_NAME_SEPARATOR = "\n"


@cache
def _converter() -> OpenCC:
    """One converter per process, since loading its dictionaries costs more than converting a roster."""
    return OpenCC(SCRIPT_CONVERSION)


def without_white_space(text: str) -> str:
    """Chinese text with every space, tab, line break and U+3000 removed: `业务主管\n单位` → `业务主管单位`."""
    return "".join(text.split())


@cache
def _protected_place_names() -> tuple[tuple[str, str], ...]:
    """Gazetteer names that OpenCC would rewrite though they are simplified already: (`干县`, `乾县`).

    乾 is simplified to 干 except in a few words, which do not include the county 乾县 or 乾安县.
    """
    names = sorted(
        {n for row in read_table("divisions.csv") for n in (row["name"], row["short_name"]) if len(n) >= 2}
    )
    converted = _converter().convert(_PLACE_NAME_SEPARATOR.join(names)).split(_PLACE_NAME_SEPARATOR)
    return tuple((wrong, name) for name, wrong in zip(names, converted) if wrong != name and len(wrong) == len(name))


def _restore_place_names(printed: str, converted: str) -> str:
    """`converted` with the place names OpenCC rewrote put back: `乾縣` → `干县` → `乾县`.

    A name is put back only where the characters OpenCC changed were printed as the name has
    them, so `若干縣` (some counties) stays `若干县`.
    """
    if converted == printed or len(printed) != len(converted):
        return converted  # nothing rewritten (most text), or no position to map back
    for wrong, name in _protected_place_names():
        start = converted.find(wrong)
        while start != -1:
            if all(printed[start + k] == c for k, c in enumerate(name) if c != wrong[k]):
                converted = converted[:start] + name + converted[start + len(name) :]
            start = converted.find(wrong, start + 1)
    return converted


def simplified_script(text: str) -> str:
    """Traditional characters to simplified, nothing else: `長沙市社會組織` → `长沙市社会组织`.

    Simplified text comes back as it was, place names such as 乾县 included; the result has the
    length of the input with OpenCC's dictionaries of today (none maps a word to one of another
    length), which callers that map positions back must still not rely on.
    """
    return _restore_place_names(text, _converter().convert(text))


def to_simplified(text: str) -> str:
    """NFKC (full-width letters and digits to half-width), then traditional characters to simplified."""
    return simplified_script(unicodedata.normalize("NFKC", text))
