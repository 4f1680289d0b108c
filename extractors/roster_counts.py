"""The number of associations a document says its rosters hold.

Counts are printed in many ways: `（共34家）`, `（共三十四家）`, `第二批试点名单（34家）`,
`列入名单的协会商会共34个`, `名单如下（共34个）：`. A count is read from a short heading or
caption, or from a sentence about the list (`名单`, `列入`, `如下`…); counts in background prose
(`全省共有行业协会商会1200家`) or of other things (`共3项任务`) are not the roster's.
Each list (a heading naming a list, and what follows it up to the next one) has one count;
the same list announced in the body and headed again in its attachment counts once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.roster_context import MAX_HEADING_LENGTH, is_list_heading, is_sentence
from normalizers.roster_context_vocabulary import compact, find_count, introduces_list, names_list
from pipeline.model import Block

_ATTACHMENT_PREFIX = re.compile(r"^(?:附件[0-9一二三四五六七八九十]*[:：.．、]?)?(?:[0-9]+[.．、])?")
"""`附件1：`, `附件：1.`: how the same list is numbered in the body and in its attachment."""
_CLAUSE_END = re.compile(r"[。；;！!？?]")
_BRACKETED_ONLY = re.compile(r"^[（(][^（）()]*[）)]$")


def list_key(heading: str) -> str:
    """One key for a list however it is numbered: `附件1 拟脱钩名单（共5家）` and `1.拟脱钩名单（共5家）`."""
    return _ATTACHMENT_PREFIX.sub("", compact(heading))


def text_count(text: str) -> int | None:
    """The roster count a text block states, or None when it states none.

    A short caption or heading (not a sentence) may say `共N家`; a bare `N家` counts when it
    names a list or stands alone in brackets (`（34家）`). In sentences only clauses about
    the list count: `列入名单的协会商会共34个`, `以下34家行业协会商会…`.
    """
    text = text.strip()
    if len(text) <= MAX_HEADING_LENGTH and not is_sentence(text):
        return find_count(text, bare=names_list(text) or _BRACKETED_ONLY.match(text) is not None)
    for clause in _CLAUSE_END.split(text):
        if names_list(clause) or introduces_list(clause):
            count = find_count(clause, bare=True)
            if count is not None:
                return count
    return None


def stated_total(blocks: Sequence[Block]) -> int | None:
    """The sum of the counts of the document's lists, or the count stated before any list, or None."""
    counts: dict[str | None, int] = {}
    key: str | None = None
    for block in blocks:
        if block.is_table or not block.text.strip():
            continue
        if is_list_heading(block.text):
            key = list_key(block.text)
        count = text_count(block.text)
        if count is not None:
            counts.setdefault(key, count)
    listed = [count for list_heading, count in counts.items() if list_heading is not None]
    if listed:
        return sum(listed)
    return counts.get(None)
