"""Roster vocabulary: column-header synonyms, status words and marks, as data.

Example: the header `业务主管单位（或原业务主管单位）` maps to the `supervisor` field,
the cell `已脱钩` to status `decoupled`, and a `√` under `拟脱钩` to `planned`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from normalizers.chinese import without_white_space
from normalizers.names import kind_suffix, normalize_name
from normalizers.vocabulary import read_table

_PARENTHETICAL = re.compile(r"[（(][^）)]*[）)]")


@dataclass(frozen=True)
class StatusMatch:
    """A status word found in a text: the enumeration value and the word as printed."""

    status: str
    word: str


@cache
def _header_fields() -> dict[str, str]:
    return {without_white_space(row["header"]): row["field"] for row in read_table("roster_headers.csv")}


@cache
def _status_words() -> tuple[tuple[str, str], ...]:
    """Status words, longest first, so `未脱钩` wins over `脱钩` and `暂不脱钩` over `不脱钩`."""
    rows = read_table("status_words.csv")
    return tuple(sorted(((r["word"], r["status"]) for r in rows), key=lambda p: -len(p[0])))


@cache
def _marks() -> frozenset[str]:
    return frozenset(row["mark"] for row in read_table("status_marks.csv"))


@cache
def _skip_words() -> tuple[str, ...]:
    return tuple(row["word"] for row in read_table("roster_skip_words.csv"))


def header_field(header: str) -> str | None:
    """The roster field a column header names, or None.

    Tried as printed, then without parenthetical qualifiers:
    `业务主管单位（原业务主管单位）` → `业务主管单位` → `supervisor`.
    """
    compact = without_white_space(header)
    fields = _header_fields()
    if compact in fields:
        return fields[compact]
    return fields.get(_PARENTHETICAL.sub("", compact))


def find_status(text: str) -> StatusMatch | None:
    """The first (longest) status word inside a text: `已脱钩（2019年）` → decoupled."""
    compact = without_white_space(text)
    for word, status in _status_words():
        if word in compact:
            return StatusMatch(status, word)
    return None


def find_statuses(text: str) -> list[StatusMatch]:
    """Every status word inside a text, longest first and never inside a longer one found before.

    `（共52家，其中实际脱钩47家，拟脱钩5家）` → decoupled and planned; `暂不脱钩` holds no second `不脱钩`.
    """
    rest = without_white_space(text)
    found: list[StatusMatch] = []
    for word, status in _status_words():
        if word in rest:
            found.append(StatusMatch(status, word))
            rest = rest.replace(word, "\0")
    return found


@cache
def _answers() -> dict[str, str]:
    return {row["answer"]: row["status"] for row in read_table("status_answers.csv")}


def answer_status(text: str) -> StatusMatch | None:
    """The status an answer means inside a status column: `是` or `√` under `是否脱钩` → decoupled, `否` → not_decoupled.

    Only a status column gives these words a status; elsewhere `是` and `完成` are ordinary words.
    """
    compact = without_white_space(text)
    if compact in _answers():
        return StatusMatch(_answers()[compact], compact)
    return StatusMatch("decoupled", compact) if is_mark(compact) else None


def is_mark(text: str) -> bool:
    """True for a tick or similar mark put under a status column (`√`, `✓`, `是`)."""
    return without_white_space(text) in _marks()


def is_total_row_label(text: str) -> bool:
    """True for the label of a 合计/总计 row, which is not an association."""
    compact = without_white_space(text)
    return any(compact.startswith(word) for word in _skip_words())


def is_association_name(text: str) -> bool:
    """True when a text reads as an association's name: `广西能源协会`, not `领导签字` or `1`."""
    name = normalize_name(text)
    return len(name) > 2 and kind_suffix(name) is not None
