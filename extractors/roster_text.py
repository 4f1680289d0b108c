"""Roster lines printed as text, where there is no table to read.

TXT files, HTML pages without `<table>` and PDFs without rulings print a roster
as lines such as `1 广西设备管理协会 原自治区经信委 实际脱钩` or
`1.邵阳市收藏协会　开封市文化广电和旅游局　拟脱钩`. A run of such numbered lines
is a roster; a single numbered paragraph (`1. 各协会要…`) is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.roster_model import UNKNOWN, RosterLine
from normalizers.roster_vocabulary import StatusMatch, find_status, is_association_name, is_mark
from pipeline.model import Block

MIN_TEXT_ROSTER_LINES = 3
"""Fewer consecutive numbered association lines than this are a list in the prose, not a roster."""

_NUMBERED_LINE = re.compile(r"^\s*(?P<seq>\d{1,4})\s*[.、．)）]?\s*(?P<rest>\S.*)$")
_FIELD_SEPARATOR = re.compile(r"[\s|｜]+")


def parse_roster_line(text: str, page: int | None, list_status: StatusMatch | None) -> RosterLine | None:
    """A numbered line whose first field is an association name, split into its fields."""
    match = _NUMBERED_LINE.match(text)
    if match is None:
        return None
    fields = [f for f in _FIELD_SEPARATOR.split(match["rest"].strip()) if f]
    if not fields or not is_association_name(fields[0]):
        return None
    supervisor: str | None = None
    status_raw: str | None = None
    status = UNKNOWN
    notes: list[str] = []
    for field in fields[1:]:
        found = find_status(field)
        if found and status_raw is None:
            status_raw, status = field, found.status
        elif supervisor is None and not is_mark(field):
            supervisor = field
        else:
            notes.append(field)
    if status_raw is None and list_status is not None:
        status_raw, status = list_status.word, list_status.status
    return RosterLine(
        name_raw=fields[0],
        seq=int(match["seq"]),
        supervisor_raw=supervisor,
        status_raw=status_raw,
        status=status,
        note=" ".join(notes) or None,
        page=page,
    )


def read_text_rosters(blocks: Sequence[Block], list_status_at: Sequence[StatusMatch | None]) -> list[RosterLine]:
    """Roster lines from runs of numbered association lines among text blocks.

    `list_status_at[i]` is the status named by the list heading in force at block i.
    """
    lines: list[RosterLine] = []
    run: list[RosterLine] = []
    for block, list_status in zip(blocks, list_status_at):
        line = None if block.is_table else parse_roster_line(block.text, block.page, list_status)
        if line is not None:
            run.append(line)
            continue
        if block.is_table or block.text.strip():
            lines.extend(run if len(run) >= MIN_TEXT_ROSTER_LINES else [])
            run = []
    lines.extend(run if len(run) >= MIN_TEXT_ROSTER_LINES else [])
    return lines
