"""The date vocabulary of `normalizers/data/date_words.csv` and `milestone_words.csv`, read once.

Example: role `xun` holds `上旬`/`中旬`/`下旬` with values 1–3, so the grammar of
`normalizers.dates` matches `2020年10月中旬前` and knows it is the second ten-day period.
"""

from __future__ import annotations

import re
from functools import cache

from normalizers.vocabulary import read_table

DATE_WORDS = "date_words.csv"
MILESTONE_WORDS = "milestone_words.csv"


@cache
def words(role: str, filename: str = DATE_WORDS) -> tuple[str, ...]:
    """The words of a role, longest first, so an alternation tries `以前` before `前`."""
    found = [row["word"] for row in read_table(filename) if row["role"] == role]
    if not found:
        raise KeyError(f"{filename}: no words with role {role!r}")
    return tuple(sorted(found, key=len, reverse=True))


@cache
def word_values(role: str) -> dict[str, str]:
    """Word → value for a role of date_words.csv: `{'上旬': '1', '中旬': '2', '下旬': '3'}`."""
    return {row["word"]: row["value"] for row in read_table(DATE_WORDS) if row["role"] == role}


def alternation(role: str, filename: str = DATE_WORDS) -> str:
    """A regex alternation of a role's words, longest first and escaped: `以前|之前|前`."""
    return "|".join(re.escape(word) for word in words(role, filename))
