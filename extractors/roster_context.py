"""The status a roster's surroundings give it, for rosters without a status column.

The nearest heading, caption or sentence before a list that names it governs:
`附件2 拟脱钩行业协会商会名单` (planned), `第一批脱钩试点名单` (planned),
`以下12家协会已完成脱钩：` (decoupled). A new heading, a new worksheet, or more than
`MAX_CONTEXT_GAP` paragraphs of prose end it. Where nothing nearer speaks, a title that
names a list (`关于公布第二批脱钩试点名单的通知`) or a worksheet's name speaks for
the whole document. Row-level status (a column, a mark, 备注) wins over all of this.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractors.lines import cell_text
from extractors.roster_tables import find_header, map_header
from extractors.roster_text import parse_roster_line
from normalizers.memo import TEXT_CACHE_SIZE
from normalizers.roster_context_vocabulary import batch_word, context_status, introduces_list, names_list
from normalizers.roster_vocabulary import StatusMatch, find_statuses, names_unread_status
from readers.model import Block

MAX_HEADING_LENGTH = 60
"""Longer texts are paragraphs, not a list's heading or caption."""
MAX_CONTEXT_GAP = 1
"""A list heading still speaks after one paragraph of prose (an explanatory note), not after two."""

_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_SENTENCE_MARK = re.compile(r"[。，,；;！!？?]|[：:]$")
"""Sentence punctuation, or a closing colon (`名单如下：`), outside brackets: a sentence, not a heading."""
_CLAUSE_END = re.compile(r"[。；;！!？?]")
"""Where a sentence ends; commas stay inside the clause (`以下协会列入第二批脱钩试点，名单如下：`)."""


@dataclass(frozen=True)
class Context:
    """What a text block says about the list after it: whether it starts a new context, and its status."""

    starts: bool
    status: StatusMatch | None = None
    names_status: bool = False
    """The text names a status even when it gives none (`暂缓脱钩和不予脱钩名单`, an unread negation)."""


def is_sentence(text: str) -> bool:
    """A text with sentence punctuation outside brackets: `（共52家，其中…）` is a caption, `…如下：` a sentence."""
    return _SENTENCE_MARK.search(_BRACKETED.sub("", text.strip())) is not None


def clauses(text: str) -> list[str]:
    """The non-empty sentences of a text: `…现予公布。名单如下：` → [`…现予公布`, `名单如下：`]."""
    return [clause for clause in _CLAUSE_END.split(text) if clause.strip()]


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def is_caption(text: str) -> bool:
    """A short heading, caption or note, not prose: `附件2`, `（共52家，其中…）`, `二、市级行业协会`."""
    text = text.strip()
    return len(text) <= MAX_HEADING_LENGTH and not is_sentence(text)


def heads_list(text: str) -> bool:
    """Whether a text names a list as its heading, not as the list at hand.

    `附件3 行业协会商会名单` heads a new list; `列入名单的协会商会共10个` and `名单如下` speak of
    the list their heading above already named.
    """
    return names_list(text) and not introduces_list(text)


def is_list_heading(text: str) -> bool:
    """A short heading or caption that names a list: `附件1 已完成脱钩的行业协会商会名单（共20家）`."""
    return is_caption(text) and heads_list(text)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def block_context(text: str) -> Context:
    """The context a text block sets.

    A heading or caption sets one when it heads a list, even without a status (`附件3
    行业协会商会名单` resets), or gives a status or batch (`暂不脱钩的行业协会商会`), or names
    one the vocabulary cannot read (`二、不拟推进脱钩的协会`: unknown); a caption
    of mixed counts (`（共52家，其中实际脱钩47家，拟脱钩5家）`) or a count line under the
    heading (`列入名单的协会商会共10个`) sets none. A sentence sets one
    only when its last clause introduces the list and gives a status (`下列协会列入第二批脱钩试点：`).
    """
    text = text.strip()
    if is_caption(text):
        status = context_status(text)
        unread = names_unread_status(text)
        return Context(heads_list(text) or status is not None or unread, status, names_status(text))
    last = (clauses(text) or [""])[-1]
    status = context_status(last) if introduces_list(last) else None
    return Context(status is not None, status)


def names_status(text: str) -> bool:
    """Whether a text names a status, read or not: `暂缓脱钩和不予脱钩名单` names two, so gives none."""
    return bool(find_statuses(text)) or names_unread_status(text)


def document_status(*texts: str | None) -> StatusMatch | None:
    """The status the first of a worksheet's name, the title or the first line gives a whole document.

    Only a text that names a list or a batch speaks (`拟脱钩协会名单`, `关于公布第二批脱钩试点名单的通知`);
    one that names statuses it cannot give as one (two lists, an unread negation) ends the search.
    """
    for text in texts:
        if text and not is_sentence(text) and (names_list(text) or batch_word(text)):
            status = context_status(text)
            if status is not None or names_status(text):
                return status
    return None


def table_title_status(block: Block) -> StatusMatch | None:
    """The status a title row printed inside a table above its header gives it (`第一批脱钩试点名单` merged over all columns)."""
    text = table_title(block)
    return block_context(text).status if text else None


def list_status_per_block(blocks: Sequence[Block], title: str | None = None) -> list[StatusMatch | None]:
    """The status the surroundings give each block's roster lines, or None when nothing says.

    `title` is the document's title; a headline stands in for it on a page that has none. A
    table's own title row, when it names a status, is nearer than anything outside the table.
    A heading that names a status it cannot give (`二、不拟推进脱钩的协会`) leaves its list unknown:
    it never takes the status of the title or of the list before it.
    """
    headline = _headline(blocks)
    current = Context(starts=False)
    gap = 0
    sheet: str | None = None
    statuses: list[StatusMatch | None] = []
    for block in blocks:
        if block.sheet != sheet:
            sheet, current, gap = block.sheet, Context(starts=False), 0
        if not block.is_table and block.text.strip() and parse_roster_line(block.text, None, None) is None:
            context = block_context(block.text)
            if context.starts:
                current, gap = context, 0
            elif not is_caption(block.text):
                gap += 1
                if gap > MAX_CONTEXT_GAP:
                    current = Context(starts=False)
        inside = table_title_status(block) if block.is_table else None
        nearest = inside or current.status
        silent = current.names_status and nearest is None
        statuses.append(nearest if nearest or silent else document_status(sheet, title, headline))
    return statuses


def _headline(blocks: Sequence[Block]) -> str | None:
    """The first line when prose follows it (`庚市公布第二批脱钩试点名单` over a news report), else None.

    Bylines and dates may come between; a first line followed by its list (a table, roster
    lines, another list heading) is that list's heading, which the nearest-context rule reads.
    """
    filled = [b for b in blocks if b.is_table or b.text.strip()]
    if not filled or filled[0].is_table:
        return None
    for block in filled[1:]:
        if block.is_table or is_list_heading(block.text) or parse_roster_line(block.text, None, None):
            return None
        if not is_caption(block.text):
            return filled[0].text.strip()
    return None


def table_title(block: Block) -> str:
    """The title rows a roster table prints above its header, merged cells once: `某县第一批脱钩试点名单`, else ""."""
    header = find_header(block.rows)
    if header is None:
        return ""
    titles = [row for row in block.rows[: header[0]] if map_header(row.cells) is None]
    return "".join(dict.fromkeys(cell_text(cell) for row in titles for cell in row.cells if cell.strip()))
