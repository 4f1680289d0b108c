"""Character-level normalisation shared by normalizers and extractors: white space, width and script.

Example: `寧夏電力行業協會` → `宁夏电力行业协会`, `ＡＢＣ１２３` → `ABC123`.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from opencc import OpenCC


@cache
def _t2s() -> OpenCC:
    """One converter per process, since loading its dictionaries costs more than converting a roster."""
    return OpenCC("t2s")


def without_white_space(text: str) -> str:
    """Chinese text with every space, tab, line break and U+3000 removed: `业务主管\n单位` → `业务主管单位`."""
    return "".join(text.split())


def to_simplified(text: str) -> str:
    """NFKC (full-width letters and digits to half-width), then traditional characters to simplified."""
    return _t2s().convert(unicodedata.normalize("NFKC", text))
