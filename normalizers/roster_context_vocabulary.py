"""Words around a roster, as data: list nouns, pilot and batch words, done words, intro words, counters.

A roster often carries its status only in its heading (`第一批脱钩试点名单` → planned),
a sentence before it (`以下12家协会已完成脱钩` → decoupled) or its title, and its size
in a count (`（共三十四家）`). These helpers read such words; which text they apply to is
the extractors' business.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import cn2an

from normalizers.chinese import without_white_space
from normalizers.memo import TEXT_CACHE_SIZE
from normalizers.roster_vocabulary import StatusMatch, find_statuses, gapped_pattern
from normalizers.vocabulary import read_table

_CITED_TITLE = re.compile(r"《[^《》]*》")
"""A cited document's title (`《关于公布…名单的通知》`) says nothing about the list at hand."""
_BATCH_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十]+批")
"""`第二批`, `第3批`: a batch of a phased reform (digits arrive half-width after NFKC)."""
_CLAUSE_BREAK = re.compile(r"[，,：:；;。]")
"""A target word speaks for the done word of its own clause only (`经前期审核，以下协会完成脱钩`)."""
_NUMBER = r"[0-9]+|[〇零一二两三四五六七八九十百千]+"

MAX_COUNT_MODIFIER = 2
"""Characters allowed between a count and what it counts: `三十四家市级行业协会商会`, not `3个部门和协会`."""

PLANNED = "planned"
DECOUPLED = "decoupled"


def _words(filename: str, column: str = "word") -> tuple[str, ...]:
    """A data file's words, longest first, so `脱钩试点` wins over `试点`."""
    return tuple(sorted((row[column] for row in read_table(filename)), key=lambda w: -len(w)))


@cache
def list_words() -> tuple[str, ...]:
    return _words("roster_list_words.csv")


@cache
def _batch_words() -> tuple[str, ...]:
    return _words("roster_batch_words.csv")


@cache
def _done_words() -> tuple[str, ...]:
    return _words("roster_done_words.csv")


@cache
def _intro_words() -> tuple[str, ...]:
    return _words("roster_intro_words.csv")


@cache
def _closing_words() -> tuple[str, ...]:
    return _words("roster_closing_words.csv")


@cache
def _tense_words(tense: str) -> tuple[str, ...]:
    """Words that set a done word in the future (`须`, `力争`), at a deadline (`前`) or in the past (`已`).

    Tense `none` holds phrases that only look like one (`现将`, `目前`), read before the others.
    """
    return tuple(row["word"] for row in read_table("status_tense_words.csv") if row["tense"] == tense)


@cache
def _other_list_words() -> tuple[str, ...]:
    return _words("roster_other_lists.csv")


@cache
def _note_labels() -> tuple[str, ...]:
    return _words("roster_note_labels.csv")


@cache
def _attachment_phrases() -> tuple[str, ...]:
    return _words("roster_attachment_phrases.csv", "phrase")


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def compact(text: str) -> str:
    """The text as matched: NFKC (full-width digits to half-width), no white space, cited titles removed.

    Remembered per text: a heading is asked whether it names a list, a batch, a status and a count.
    """
    return _CITED_TITLE.sub("", without_white_space(unicodedata.normalize("NFKC", text)))


def _first(words: tuple[str, ...], text: str) -> str | None:
    return next((word for word in words if word in text), None)


@cache
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern of the words, so whether a text holds any of them is one search (`(?!)` for none)."""
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _holds_any(words: tuple[str, ...], text: str) -> bool:
    return _any_of(words).search(text) is not None


def names_list(text: str) -> bool:
    """Whether a text names a roster (`…名单`, `…名录`), outside any cited title."""
    return _holds_any(list_words(), compact(text))


def names_other_list(text: str) -> bool:
    """Whether a list is of people, not associations: `脱钩工作联系人名单`."""
    return _holds_any(_other_list_words(), compact(text))


def points_to_attachment(text: str) -> bool:
    """Whether a text points to a roster attached elsewhere: `名单见附件`, `（附名单）`, `名单附后`."""
    return _holds_any(_attachment_phrases(), compact(text))


def opens_notes(text: str) -> bool:
    """Whether a line opens the notes printed under a table: `填表说明`, `说明：1.本名单…`, `注：`."""
    text = compact(text)
    label = next((word for word in _note_labels() if text.startswith(word)), None)
    return label is not None and (len(text) == len(label) or text[len(label)] in ":：")


def introduces_list(text: str) -> bool:
    """Whether a sentence points to the list after it: `下列协会…`, `名单如下`, `列入名单的…`."""
    return _holds_any(_intro_words(), compact(text))


def ends_naming_list(text: str) -> bool:
    """Whether a text ends with the name of a list, so a count right after it is that list's: `…试点名单`."""
    return compact(text).endswith(list_words())


def closes_list(text: str) -> bool:
    """Whether a sentence opens by pointing back at the list just printed: `以上共计6家`, `上述协会…`."""
    return compact(text).startswith(_closing_words())


def batch_word(text: str) -> str | None:
    """The pilot or batch word of a text: `第一批脱钩试点名单` → `脱钩试点`, `第二批名单` → `第二批`."""
    text = compact(text)
    ordinal = _BATCH_ORDINAL.search(text)
    return _first(_batch_words(), text) or (ordinal[0] if ordinal else None)


def context_status(text: str) -> StatusMatch | None:
    """The one status a heading, caption or sentence gives the list it introduces, or None.

    A status word decides (`暂不脱钩的…名单` → exempt); a done-word after a target word is
    a deadline, not a fact (`须于年底前完成脱钩` → planned); different status words
    (`其中实际脱钩47家，拟脱钩5家`) give none. Without a status word a pilot or batch list
    is planned unless it says it is done (`第一批试点已完成` → decoupled).
    """
    text = compact(text)
    found = {_targeted(text, match) for match in find_statuses(text)}
    if len(found) > 1:
        return None
    if found:
        return found.pop()
    batch = batch_word(text)
    if batch is None:
        return None
    done = _first(_done_words(), text)
    return StatusMatch(DECOUPLED, done) if done else StatusMatch(PLANNED, batch)


def _targeted(text: str, match: StatusMatch) -> StatusMatch:
    """A done-word its own clause sets as a target or deadline means the list is planned.

    `须于年底前完成脱钩`, `要求年底前完成脱钩的协会` → planned; a done word said done after
    any target (`已于年底前完成脱钩`, `以下协会已经完成脱钩`) or merely naming who is done
    (`现将完成脱钩的协会名单予以公布`: `现将` is no future) stays decoupled.
    """
    if match.status != DECOUPLED or match.word.startswith("已"):
        return match
    clause = _CLAUSE_BREAK.split(text[: text.find(match.word)])[-1]
    for phrase in _tense_words("none"):
        clause = clause.replace(phrase, "\0" * len(phrase))
    future = _last_position(_tense_words("future"), clause)
    if _last_position(_tense_words("past"), clause) > future:
        return match
    if future >= 0 or _holds_any(_tense_words("deadline"), clause):
        return StatusMatch(PLANNED, match.word)
    return match


def _last_position(words: tuple[str, ...], text: str) -> int:
    """Where the last of the words starts in the text, or -1."""
    return max((text.rfind(word) for word in words), default=-1)


@cache
def _count_pattern() -> re.Pattern[str]:
    """`共计34家`, `共三十四个`, `34家`: an optional total word, a number and a counter."""
    rows = read_table("roster_count_words.csv")
    totals = "|".join(sorted((r["word"] for r in rows if r["role"] == "total"), key=lambda w: -len(w)))
    units = "|".join(r["word"] for r in rows if r["role"] == "unit")
    return re.compile(rf"(?<![第每这那0-9〇零一二两三四五六七八九十百千])(?P<total>{totals})?(?P<n>{_NUMBER})(?:{units})")


@cache
def _count_nouns() -> tuple[str, ...]:
    return tuple(row["word"] for row in read_table("roster_count_words.csv") if row["role"] == "noun")


@cache
def _scope_words() -> tuple[re.Pattern[str], ...]:
    return tuple(gapped_pattern(word) for word in _words("roster_scope_words.csv"))


def scope_count(text: str) -> int | None:
    """The total of associations a sentence puts in the reform's scope: `纳入脱钩范围的市级协会商会共十四家` → 14.

    The scope phrase comes first and the count is a total (`共`, `合计`) of what it qualifies; a
    phrase read as another status (`不纳入脱钩范围的…共3家`: exempt) puts nothing in scope, and a
    count before it (`全省共有1200家协会…`) is a statistic of what exists, not of the reform.
    """
    text = compact(text)
    for pattern in _scope_words():
        match = pattern.search(text)
        if match is None or {m.status for m in find_statuses(text[: match.end()])} - {PLANNED}:
            continue
        count = find_count(text[match.end() :], bare=False)
        if count is not None:
            return count
    return None


def find_count(text: str, bare: bool) -> int | None:
    """The association count a text states: `（共三十四家）` → 34, `34家行业协会商会` → 34 when `bare`.

    A count must count associations: followed by nothing, punctuation or an association word
    (`共3个方面` is not one); a total word (`共`, `共计`, `合计`) is preferred, a bare number
    (`34家`) is taken only when `bare` is allowed. The first such count is the list's total,
    not the breakdown after it (`共52家，其中实际脱钩47家`).
    """
    text = compact(text)
    counts = [
        (m, n)
        for m in _count_pattern().finditer(text)
        if _counts_associations(text[m.end() :]) and (n := _number(m["n"])) is not None
    ]
    chosen = next((n for m, n in counts if m["total"]), None)
    if chosen is None and counts and bare:
        chosen = counts[0][1]
    return chosen


def _number(text: str) -> int | None:
    """`34` → 34, `三十四` → 34; a run of numerals that is no number (`十百`) → None."""
    if text.isascii():
        return int(text)
    try:
        return int(cn2an.cn2an(text, "smart"))
    except ValueError:
        return None


def _counts_associations(after: str) -> bool:
    """Whether what follows a count ends it or names associations, after at most a short modifier (`市级`)."""
    if not after or not _is_han(after[0]):
        return True
    return any(
        after[skip:].startswith(noun) and all(map(_is_han, after[:skip]))
        for skip in range(MAX_COUNT_MODIFIER + 1)
        for noun in _count_nouns()
    )


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"
