"""The number of associations a document says its rosters hold.

Counts are printed in many ways: `（共34家）`, `（共三十四家）`, `第二批试点名单（34家）`,
`列入名单的协会商会共34个`, `名单如下（共34个）：`. A count is read from a short heading or
caption, or from a sentence about a list (`名单`, `列入`, `如下`…) that a list follows, or from a
report's sentence on the reform's scope (`纳入脱钩范围的协会商会共十四家`) in a document that
holds or announces its roster; counts in background prose (`全省共有行业协会商会1200家`) or of
other things (`共3项任务`) are not the roster's. Each list (a heading naming a list, and what follows it up to the next one) has one count;
the same list announced in the body and headed again in its attachment counts once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.roster_attachments import announced_rosters
from extractors.roster_context import MAX_CONTEXT_GAP, block_context, clauses, is_caption, is_list_heading
from extractors.roster_tables import find_header
from extractors.roster_text import parse_roster_line
from normalizers.roster_context_vocabulary import (
    closes_list,
    compact,
    ends_naming_list,
    find_count,
    introduces_list,
    names_list,
    points_to_attachment,
    scope_count,
)
from readers.model import Block

_ATTACHMENT_PREFIX = re.compile(r"^(?:附件[0-9一二三四五六七八九十]*[:：.．、]?)?(?:[0-9]+[.．、])?")
"""`附件1：`, `附件：1.`: how the same list is numbered in the body and in its attachment."""
_BRACKETED_ONLY = re.compile(r"^[（(][^（）()]*[）)]$")
_PHRASE_BREAK = re.compile(r"[，,：:]")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


def list_key(heading: str) -> str:
    """One key for a list however it is numbered: `附件1 拟脱钩名单（共5家）` and `1.拟脱钩名单（共5家）`."""
    return _ATTACHMENT_PREFIX.sub("", compact(heading))


def caption_count(text: str) -> int | None:
    """The count a short heading or caption states: `（共三十四家）`, `第二批试点名单（34家）`.

    `共N家` always counts; a bare `N家` only when the line names a list, sets a list's
    status (`已完成脱钩的34家行业协会商会`) or stands alone in brackets (`（34家）`).
    """
    bare = block_context(text).starts or _BRACKETED_ONLY.match(text.strip()) is not None
    return find_count(text, bare=bare)


def sentence_count(text: str) -> int | None:
    """The count a sentence states about a list: `列入名单的协会商会共34个`, `以下34家行业协会商会…`."""
    for clause in clauses(text):
        if names_list(clause) or introduces_list(clause):
            count = find_count(clause, bare=True)
            if count is not None:
                return count
    return None


def attached_count(text: str) -> int | None:
    """The count a sentence states about the lists it points to in attachments, summed.

    Each count stands in the phrase pointing to its attachment (`拟脱钩的协会商会共23个（名单见附件）`,
    `确定15家协会为脱钩对象（附名单）`) or in the phrase just before it (`确定三十四家协会为
    脱钩对象，名单见附件`); the rosters may be in the file or not.
    """
    counts: dict[int, int] = {}
    for clause in clauses(text):
        parts = [part for part in _PHRASE_BREAK.split(clause) if part.strip()]
        for index, part in enumerate(parts):
            if not points_to_attachment(part):
                continue
            for at in (index, index - 1):
                count = find_count(parts[at], bare=True) if at >= 0 and at not in counts else None
                if count is not None:
                    counts[at] = count
                    break
    return sum(counts.values()) if counts else None


def labelled_count(text: str) -> int | None:
    """A count printed in brackets right after a list's name, anywhere in prose: `确定试点名单（共7家），现将…`.

    Set against the list's name it counts nothing else, so no list need follow the sentence.
    """
    text = compact(text)
    for match in _BRACKETED.finditer(text):
        if ends_naming_list(text[: match.start()]) and (count := find_count(match[0], bare=True)) is not None:
            return count
    return None


def closing_count(text: str, previous: Block | None) -> int | None:
    """The count of a sentence that points back at the roster printed just before it: `以上共计6家。`."""
    if previous is None or not closes_list(text):
        return None
    if not (previous.is_table or parse_roster_line(previous.text.strip(), None, None) is not None):
        return None
    return find_count(text, bare=True)


@dataclass
class _ListCount:
    """A list's own total (`附件 脱钩名单（共5家）`) and the counts of its parts (`一、已脱钩（3家）`)."""

    total: int | None = None
    parts: dict[str, int] = field(default_factory=dict)

    def add(self, part: str | None, count: int) -> None:
        if part is None:
            self.total = count if self.total is None else self.total
        else:
            self.parts.setdefault(part, count)

    @property
    def value(self) -> int | None:
        """The list's total when it states one, else the sum of its parts' counts."""
        if self.total is not None:
            return self.total
        return sum(self.parts.values()) if self.parts else None


def stated_total(blocks: Sequence[Block]) -> int | None:
    """The sum of the counts of the document's lists, or the count stated before any list, or None.

    A list is a heading naming one and what follows up to the next; a status caption inside it
    (`一、已脱钩的协会（3家）`) starts a part, whose counts add up when the list states no total.
    A sentence's count is the roster's only when a list follows it closely (a table, a numbered
    roster line or a list heading within `MAX_CONTEXT_GAP` paragraphs) or when it points to the
    list in an attachment (`共23个（名单见附件）`), which the file may lack, or prints the count
    against the list's name (`试点名单（共7家）`), or counts the roster just printed (`以上共计6家`),
    or totals the reform's scope (`纳入脱钩范围的协会商会共十四家`) in a document holding or announcing
    a roster: a statistic in the background (`全省1200家协会列入脱钩名单`) does none of these.
    """
    in_scope = _holds_or_announces_roster(blocks)
    list_follows = _lists_follow(blocks)
    lists: dict[str | None, _ListCount] = {None: _ListCount()}
    key: str | None = None
    part: str | None = None
    for index, block in enumerate(blocks):
        text = block.text.strip()
        if block.is_table or not text:
            continue
        if is_list_heading(text):
            key, part = list_key(text), None
            lists.setdefault(key, _ListCount())
        elif is_caption(text) and block_context(text).starts:
            part = list_key(text)
        if is_caption(text):
            count = caption_count(text)
        else:
            count = _prose_count(blocks, index, list_follows[index + 1], in_scope)
        if count is not None:
            lists[key].add(part, count)
    listed = [c.value for k, c in lists.items() if k is not None and c.value is not None]
    return sum(listed) if listed else lists[None].value


def _prose_count(blocks: Sequence[Block], index: int, list_follows: bool, in_scope: bool) -> int | None:
    """The roster count a sentence states, by the rules of `stated_total`; `list_follows` when a list follows
    it closely, `in_scope` when a scope total counts."""
    text = blocks[index].text.strip()
    if list_follows and (count := sentence_count(text)) is not None:
        return count
    return (
        attached_count(text)
        or labelled_count(text)
        or closing_count(text, _previous_block(blocks, index))
        or (_scope_total(text) if in_scope else None)
    )


def _scope_total(text: str) -> int | None:
    """The reform's scope a sentence totals, clause by clause: `全市纳入脱钩范围的协会商会共十四家，…`."""
    return next((count for clause in clauses(text) if (count := scope_count(clause)) is not None), None)


def _holds_or_announces_roster(blocks: Sequence[Block]) -> bool:
    """Whether the document prints a roster (a table with a roster header, numbered roster lines) or announces one."""
    return any(
        find_header(block.rows) is not None if block.is_table else parse_roster_line(block.text.strip(), None, None) is not None
        for block in blocks
    ) or bool(announced_rosters(blocks))


def _previous_block(blocks: Sequence[Block], index: int) -> Block | None:
    """The nearest block before `index` that prints something."""
    return next((b for b in (blocks[i] for i in reversed(range(index))) if b.is_table or b.text.strip()), None)


def _lists_follow(blocks: Sequence[Block]) -> list[bool]:
    """For each position up to the end, whether a roster or a list heading comes from there on before more
    than `MAX_CONTEXT_GAP` paragraphs of prose.

    Read in one pass from the end, keeping the answer for each number of paragraphs already read: asked
    of every sentence, a scan forward from each would read a long run of captions (short PDF lines) again
    and again.
    """
    gaps = range(MAX_CONTEXT_GAP + 1)
    follows = [[False] * (len(blocks) + 1) for _ in gaps]
    """follows[read][i]: the answer from block i on, `read` paragraphs of prose read before it."""
    for i in reversed(range(len(blocks))):
        block = blocks[i]
        text = block.text.strip()
        listed = block.is_table or is_list_heading(text) or parse_roster_line(text, None, None) is not None
        prose = bool(text) and not is_caption(text)
        for read in gaps:
            if listed:
                follows[read][i] = True
            elif prose:
                follows[read][i] = read < MAX_CONTEXT_GAP and follows[read + 1][i + 1]
            else:
                follows[read][i] = follows[read][i + 1]
    return follows[0]
