"""Every roster line of a document, its stated total, and the checks on both.

Rosters come as tables (read by `roster_tables`) or as numbered text lines (read
by `roster_text`). What surrounds a list (`附件2 拟脱钩行业协会商会名单`, `第一批脱钩试点名单`,
`以下12家协会已完成脱钩：`, the title) gives the status of lines that carry none
(`roster_context`); `（共52家）` or `列入名单的协会商会共34个` gives the stated total
(`roster_counts`), and a roster that does not hold that many lines is flagged; a roster
announced (`附件：…名单`) but absent from the file is flagged too (`roster_attachments`),
its stated total still that of the roster announced (docs/conventions.md: `stated 14, found 0`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from extractors.roster_attachments import missing_roster_warnings
from extractors.roster_context import list_status_per_block
from extractors.roster_counts import stated_total
from extractors.roster_model import RosterLine
from extractors.roster_tables import read_roster_table
from extractors.roster_text import read_text_rosters
from readers.model import Document

COUNT_MISMATCH = "roster_count_mismatch"


@dataclass(frozen=True)
class RosterResult:
    """A document's roster lines in order, its stated total, and warnings from the checks."""

    lines: list[RosterLine]
    stated_total: int | None = None
    warnings: list[str] = field(default_factory=list)


def extract_roster(document: Document, title: str | None = None) -> RosterResult:
    """Read every roster of a document, in reading order, and check it against what the text announces.

    `title` is the document's title, whose list (`关于公布第二批脱钩试点名单的通知`) speaks for
    rosters that nothing nearer gives a status.
    """
    blocks = document.blocks
    list_status_at = list_status_per_block(blocks, title)
    lines: list[RosterLine] = []
    for is_table, group in groupby(range(len(blocks)), key=lambda i: blocks[i].is_table):
        indices = list(group)
        if is_table:
            for i in indices:
                lines.extend(read_roster_table(blocks[i], list_status_at[i]))
        else:
            lines.extend(read_text_rosters([blocks[i] for i in indices], [list_status_at[i] for i in indices]))
    stated = stated_total(blocks)
    warnings = missing_roster_warnings(blocks, len(lines))
    if stated is not None and stated != len(lines):
        warnings.append(f"{COUNT_MISMATCH}: stated {stated}, found {len(lines)}")
    return RosterResult(lines=lines, stated_total=stated, warnings=warnings)
