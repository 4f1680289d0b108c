"""Rosters a document announces: `附件：第二批脱钩试点名单`, `（附名单）`, `名单附后`, `名单见附件`.

A notice often only announces its roster, which a portal serves as a separate file; a
document that announces one and holds no roster line is flagged so the attachment is fetched.
A list cited inside a title (`《关于公布…名单的通知》`) is another document's, not an attachment;
a list of people (`联系人名单`) is not a roster.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.roster_context import MAX_HEADING_LENGTH
from normalizers.roster_context_vocabulary import names_list, names_other_list, points_to_attachment
from readers.model import Block

ROSTER_MISSING = "roster_missing"

_ATTACHMENT_LINE = re.compile(r"^附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：.．、]?\s*(?P<title>.*)$")
_ITEM_NUMBER = re.compile(r"^[0-9０-９]+\s*[.．、]\s*")
_CLAUSE = re.compile(r"[^。；;！!？?，,]+")


def announced_rosters(blocks: Sequence[Block]) -> list[str]:
    """The titles of the rosters a document announces, each once, in order.

    Attachment lines name them best (`附件：1. 联合工作组` / `2. 脱钩改革名单（共14家）`: an
    attachment list runs on over numbered lines); without any, the phrases that announce one
    (`第二批脱钩试点名单（附名单）`, `名单详见附件`) stand for them.
    """
    texts = [b.text.strip() for b in blocks if not b.is_table and b.text.strip()]
    attached: list[str] = []
    phrased: list[str] = []
    in_attachment_list = False
    for index, text in enumerate(texts):
        attachment = _ATTACHMENT_LINE.match(text) if len(text) <= MAX_HEADING_LENGTH else None
        if attachment:
            attached.append(_item_title(attachment["title"] or (texts[index + 1] if index + 1 < len(texts) else "")))
        elif in_attachment_list and len(text) <= MAX_HEADING_LENGTH and _ITEM_NUMBER.match(text):
            attached.append(_item_title(text))
        else:
            phrased.extend(_announced_by_phrase(text))
        in_attachment_list = attachment is not None or (in_attachment_list and bool(_ITEM_NUMBER.match(text)))
    titles = [t for t in attached if _is_roster_title(t)] or [t for t in phrased if _is_roster_title(t)]
    return list(dict.fromkeys(titles))


def _item_title(text: str) -> str:
    """An attachment's title without its item number or book-title brackets: `1．《拟脱钩名单》` → `拟脱钩名单`."""
    return _ITEM_NUMBER.sub("", text).strip("《》")


def _announced_by_phrase(text: str) -> list[str]:
    """Clauses announcing a roster by a phrase: `第二批脱钩试点名单（附名单）`, `名单详见附件`."""
    found = [clause.strip() for clause in _CLAUSE.findall(text)]
    return [clause for clause in found if points_to_attachment(clause)]


def _is_roster_title(text: str) -> bool:
    return names_list(text) and not names_other_list(text)


def missing_roster_warnings(blocks: Sequence[Block], roster_lines: int) -> list[str]:
    """`roster_missing: …` naming the announced rosters, when the document holds no roster line."""
    if roster_lines:
        return []
    titles = announced_rosters(blocks)
    return [f"{ROSTER_MISSING}: {'；'.join(titles)}"] if titles else []


def without_attachment_label(text: str) -> str:
    """A heading without the attachment label it opens with: `附件1：某县拟脱钩名单` → `某县拟脱钩名单`."""
    match = _ATTACHMENT_LINE.match(text)
    return match["title"] if match else text
