"""Roster vocabulary: column-header synonyms, status words and marks, as data.

Example: the header `业务主管单位（或原业务主管单位）` maps to the `supervisor` field,
the cell `已脱钩` to status `decoupled`, and a `√` under `拟脱钩` to `planned`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from normalizers.chinese import without_white_space
from normalizers.memo import CACHE_SIZE, TEXT_CACHE_SIZE
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


GAP = "…"
"""In a status word, a few characters of the same phrase: `列入…脱钩…名单` reads `列入本次脱钩名单`."""
_GAP_PATTERN = r"[^，。；：、,.;:！？!?（）()《》]{0,6}?"


def gapped_pattern(word: str) -> re.Pattern[str]:
    """A vocabulary word as a pattern, each `…` standing for a few characters of the same phrase."""
    return re.compile(_GAP_PATTERN.join(map(re.escape, word.split(GAP))))


@dataclass(frozen=True)
class _StatusWord:
    """A status word as a pattern, its status, and the literal pieces any match of it holds (`列入`, `脱钩`, `名单`)."""

    pattern: re.Pattern[str]
    status: str
    pieces: tuple[str, ...]


@cache
def _status_words() -> tuple[_StatusWord, ...]:
    """Status words as patterns with their status, longest first (`未脱钩` before `脱钩`)."""
    rows = sorted(read_table("status_words.csv"), key=lambda r: -len(r["word"].replace(GAP, "")))
    return tuple(_StatusWord(gapped_pattern(r["word"]), r["status"], tuple(r["word"].split(GAP))) for r in rows)


@cache
def _any_status_word() -> re.Pattern[str]:
    """Every status word in one pattern: most texts hold none, and one search says so instead of one per word."""
    return re.compile("|".join(f"(?:{word.pattern.pattern})" for word in _status_words()))


@cache
def _marks() -> frozenset[str]:
    return frozenset(row["mark"] for row in read_table("status_marks.csv"))


@cache
def _skip_words() -> tuple[str, ...]:
    return tuple(row["word"] for row in read_table("roster_skip_words.csv"))


@lru_cache(maxsize=CACHE_SIZE)
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
    """The longest status word inside a text: `已脱钩（2019年）` → decoupled."""
    found = find_statuses(text)
    return found[0] if found else None


def find_statuses(text: str) -> list[StatusMatch]:
    """Every status word inside a text, longest first, each once, never overlapping another.

    Of two overlapping words the one printed first wins, as a modifier comes before what it
    modifies: `暂不脱钩` holds no second `不脱钩`, `不列入本次脱钩名单` no `列入…脱钩…名单`.
    `（共52家，其中实际脱钩47家，拟脱钩5家）` → decoupled and planned.
    """
    compact = without_white_space(text)
    chosen: dict[int, StatusMatch] = {}
    for start, end, rank, status in _status_spans(compact):
        chosen.setdefault(rank, StatusMatch(status, compact[start:end]))
    return [chosen[rank] for rank in sorted(chosen)]


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _status_spans(compact: str) -> tuple[tuple[int, int, int, str], ...]:
    """(start, end, rank, status) of the status words of a compact text, in order, none overlapping.

    Remembered per text, as the roster readers ask again about the same headings and cells; a text
    without any word is told by one search, and a word whose pieces the text lacks is not tried.
    """
    if _any_status_word().search(compact) is None:
        return ()
    hits = sorted(
        (match.start(), -len(match[0]), rank, word.status)
        for rank, word in enumerate(_status_words())
        if all(piece in compact for piece in word.pieces)
        for match in word.pattern.finditer(compact)
    )
    spans: list[tuple[int, int, int, str]] = []
    for start, negative_length, rank, status in hits:
        end = start - negative_length
        if not any(start < other_end and other_start < end for other_start, _, other_end, _ in spans):
            spans.append((start, rank, end, status))
    return tuple((start, end, rank, status) for start, rank, end, status in spans)


REFORM_WORD = "脱钩"
"""The word every status phrase qualifies."""
NEGATION_REACH = 4
"""Characters a negation may stand before `脱钩` and still qualify it (`不再实行脱钩`)."""


@cache
def _negations() -> re.Pattern[str]:
    words = sorted((row["word"] for row in read_table("status_negations.csv")), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def names_unread_status(text: str) -> bool:
    """Whether a text qualifies `脱钩` with a negation or delay no status word reads (`不拟推进脱钩`).

    Such a heading names a status, only not one the vocabulary knows: its list's status is
    unknown, not the status of a list before it or of the title.
    """
    compact = without_white_space(text)
    read = _status_spans(compact)
    for match in re.finditer(REFORM_WORD, compact):
        if any(start <= match.start() < end for start, end, _, _ in read):
            continue
        before = re.split(r"[，,。；;：:、（）()《》]", compact[max(0, match.start() - NEGATION_REACH) : match.start()])[-1]
        if _negations().search(before):
            return True
    return False


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
