"""File names that mark an attachment of a notice saved beside it: `通知-附件1.xlsx`, `通知_附件.pdf`.

Portals serve a notice and its roster as two downloads; saved into one folder, the
roster's name is the notice's name with an attachment word after it. The words are
data (`attachment_name_words.csv`), the rule is here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from normalizers.vocabulary import read_table

_SEPARATORS = "-_ .·（(【["
_NUMBER = r"[0-9一二三四五六七八九十]*"


@cache
def _suffix_pattern() -> re.Pattern[str]:
    words = sorted((row["word"] for row in read_table("attachment_name_words.csv")), key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"^[{re.escape(_SEPARATORS)}]*(?:{alternatives}){_NUMBER}", re.IGNORECASE)


def is_attachment_name(stem: str, notice_stem: str) -> bool:
    """Whether `stem` is `notice_stem` followed by an attachment word: `通知-附件1` of `通知`, not `通知2`."""
    stem, notice_stem = normal_stem(stem), normal_stem(notice_stem)
    if not notice_stem or stem == notice_stem or not stem.startswith(notice_stem):
        return False
    return _suffix_pattern().match(stem[len(notice_stem) :]) is not None


def normal_stem(stem: str) -> str:
    """The stem as names are compared: NFKC, trimmed, lower case; a notice's is a prefix of its attachments'."""
    return unicodedata.normalize("NFKC", stem).strip().lower()
