"""Every roster line of a document, its stated total, and the count check.

Rosters come as tables (read by `roster_tables`) or as numbered text lines (read
by `roster_text`). A list heading such as `附件2 拟脱钩行业协会商会名单` gives the
status of lines that carry none; `（共52家，其中实际脱钩47家，拟脱钩5家）` gives the
stated total, and a roster that does not hold that many lines is flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby

import cn2an

from extractors.roster_model import RosterLine
from extractors.roster_tables import read_roster_table
from extractors.roster_text import read_text_rosters
from normalizers.roster_vocabulary import StatusMatch, find_status
from pipeline.model import Block, Document

LIST_HEADING_WORD = "名单"
MAX_STATED_TOTAL_LINE = 60
"""`共N家` counts as a roster's stated total only in a short line (a heading or its note), not in prose."""

COUNT_MISMATCH = "roster_count_mismatch"

_STATED_TOTAL = re.compile(r"共\s*(?P<n>[0-9０-９]+|[零〇一二两三四五六七八九十百千]+)\s*家")


@dataclass(frozen=True)
class RosterResult:
    """A document's roster lines in order, its stated total, and warnings from the count check."""

    lines: list[RosterLine]
    stated_total: int | None = None
    warnings: list[str] = field(default_factory=list)


def extract_roster(document: Document) -> RosterResult:
    """Read every roster of a document, in reading order, and check the count against the stated total."""
    blocks = document.blocks
    list_status_at = _list_status_per_block(blocks)
    lines: list[RosterLine] = []
    for is_table, group in groupby(range(len(blocks)), key=lambda i: blocks[i].is_table):
        indices = list(group)
        if is_table:
            for i in indices:
                lines.extend(read_roster_table(blocks[i], list_status_at[i]))
        else:
            lines.extend(read_text_rosters([blocks[i] for i in indices], [list_status_at[i] for i in indices]))
    stated = stated_total(document.blocks)
    warnings = []
    if stated is not None and stated != len(lines):
        warnings.append(f"{COUNT_MISMATCH}: stated {stated}, found {len(lines)}")
    return RosterResult(lines=lines, stated_total=stated, warnings=warnings)


def _list_status_per_block(blocks: list[Block]) -> list[StatusMatch | None]:
    """The status named by the list heading in force at each block.

    A short text naming a 名单 starts a list (`附件1 已完成脱钩的行业协会商会名单`);
    its status word, or None when it names none, holds until the next such heading.
    """
    current: StatusMatch | None = None
    statuses: list[StatusMatch | None] = []
    for block in blocks:
        if not block.is_table and LIST_HEADING_WORD in block.text and len(block.text) <= MAX_STATED_TOTAL_LINE:
            current = find_status(block.text)
        statuses.append(current)
    return statuses


def stated_total(blocks: list[Block]) -> int | None:
    """The sum of the distinct `共N家` counts printed in short lines, or None when there is none."""
    counts: dict[str, int] = {}
    for block in blocks:
        text = block.text.strip()
        if block.is_table or len(text) > MAX_STATED_TOTAL_LINE:
            continue
        match = _STATED_TOTAL.search(text)
        if match:
            counts.setdefault(text, int(cn2an.cn2an(match["n"], "smart")))
    return sum(counts.values()) if counts else None
