"""Roster lines printed as text, where there is no table to read.

TXT files, HTML pages without `<table>` and PDFs without rulings print a roster
as lines such as `1 广西设备管理协会 原自治区经信委 实际脱钩`,
`1.邵阳市收藏协会　开封市文化广电和旅游局　拟脱钩` or `3、某市茶叶协会——市农业农村局`.
The supervising unit may also stand in brackets after the name (`1．某市物流协会（原市经信委）`,
`（业务主管单位：市商务局）`), while a bracket that belongs to the name (`（筹）`, a place) stays.
A run of such numbered lines is a roster; a single numbered paragraph (`1. 各协会要…`) is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from extractors.roster_model import UNKNOWN, RosterLine
from normalizers.agencies import names_unit
from normalizers.memo import TEXT_CACHE_SIZE
from normalizers.roster_vocabulary import (
    StatusMatch,
    find_status,
    header_field,
    is_association_name,
    is_mark,
)
from readers.model import Block

MIN_TEXT_ROSTER_LINES = 3
"""Fewer consecutive numbered association lines than this are a list in the prose, not a roster."""

_NUMBERED_LINE = re.compile(r"^\s*(?P<seq>\d{1,4})\s*[.、．)）]?\s*(?P<rest>\S.*)$")
_FIELD_SEPARATOR = re.compile(r"[\s|｜]+|(?<=[^\s—])—+(?=[^\s—])")
"""Between fields: white space, bars or dashes joining two fields (`协会——市商务局`; a dash standing
alone is a placeholder field), never inside brackets; a colon separates only after the name."""
_BRACKET = re.compile(r"[（(][^（）()]*[）)]")
_TRAILING_BRACKET = re.compile(r"[（(](?P<content>[^（）()]*)[）)]$")
_WHOLE_BRACKET = re.compile(r"^[（(][^（）()]*[）)]$")
"""A field that is only a bracket, printed apart from the name it follows (`某协会 （筹）`)."""
_BRACKET_PART = re.compile(r"[；;，,]")
_SENTENCE_PUNCTUATION = re.compile(r"[，,。；;！!？?]")
_COLON = re.compile(r"[：:]")
_LABEL = re.compile(r"^(?P<label>[^：:]{1,12})[：:](?P<value>.+)$")
"""A field named by its label: `业务主管单位：市商务局`, `备注：已换届`."""
SUPERVISOR = "supervisor"
STATUS = "status"
NOTE = "note"

Field = tuple[str | None, str]
"""A field of a roster line: the roster field it is known to be (or None when its place decides) and its text."""


def split_fields(text: str) -> list[str]:
    """The fields of a line, split at separators outside brackets: `某协会（业务主管单位：市商务局）——已脱钩`."""
    protected = [match.span() for match in _BRACKET.finditer(text)]
    fields: list[str] = []
    start = 0
    for separator in _FIELD_SEPARATOR.finditer(text):
        if not any(left <= separator.start() < right for left, right in protected):
            fields.append(text[start : separator.start()])
            start = separator.end()
    fields.append(text[start:])
    return [field for field in fields if field.strip()]


def _after_name(rest: str) -> tuple[str, str | None]:
    """The line cut at a colon right after the association's name (`某协会：市商务局`), else whole.

    The name comes back alone and what follows the colon apart; no colon, or one after
    something other than a name, leaves the line as it is (None).
    """
    unbracketed = _BRACKET.sub(lambda m: "\0" * len(m[0]), rest)
    colon = _COLON.search(unbracketed)
    if colon is None or not is_association_name(rest[: colon.start()]):
        return rest, None
    return rest[: colon.start()], rest[colon.end() :]


def _is_prose(text: str) -> bool:
    """Sentence punctuation outside brackets: `负责行业自律，…。` after `2．某协会：` is a duty, not roster fields."""
    return _SENTENCE_PUNCTUATION.search(_BRACKET.sub("", text)) is not None


def _typed(text: str) -> Field:
    """A field with the roster field its label names (`备注：已换届` → note), else untyped."""
    labelled = _LABEL.match(text)
    field = header_field(labelled["label"]) if labelled else None
    if labelled and field in (SUPERVISOR, STATUS, NOTE):
        return field, labelled["value"].strip()
    return None, text


def bracket_fields(content: str) -> list[Field] | None:
    """The roster fields a bracket after a name holds, or None when it belongs to the name.

    `原市经信委` → a supervisor; `业务主管单位：市商务局；已脱钩` → a supervisor and a status;
    `筹`, `香港` → None. Every part must read as a field, else the bracket is the name's.
    """
    fields: list[Field] = []
    for part in (p.strip() for p in _BRACKET_PART.split(content)):
        kind, value = _typed(part)
        if kind is None and not (find_status(part) or names_unit(part)):
            return None
        fields.append((kind, value))
    return fields or None


def _peel_brackets(name: str) -> tuple[str, list[Field]]:
    """The name without the brackets after it that hold roster fields, and those fields in order."""
    peeled: list[Field] = []
    while (match := _TRAILING_BRACKET.search(name)) and is_association_name(name[: match.start()]):
        fields = bracket_fields(match["content"])
        if fields is None:
            break
        peeled = fields + peeled
        name = name[: match.start()].rstrip()
    return name, peeled


def parse_roster_line(text: str, page: int | None, list_status: StatusMatch | None) -> RosterLine | None:
    """A numbered line whose first field is an association name, split into its fields."""
    line = _roster_line(text)
    if line is None:
        return None
    if line.status_raw is None and list_status is not None:
        line = replace(line, status_raw=list_status.word, status=list_status.status)
    return line if page is None else replace(line, page=page)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _roster_line(text: str) -> RosterLine | None:
    """`parse_roster_line` without page and list status, remembered: the roster, context and count readers
    each ask whether a paragraph is a roster line."""
    match = _NUMBERED_LINE.match(text)
    if match is None:
        return None
    name_part, after_colon = _after_name(match["rest"].strip())
    if after_colon is not None and _is_prose(after_colon):
        return None
    fields = split_fields(name_part) + split_fields(after_colon or "")
    while len(fields) > 1 and _WHOLE_BRACKET.match(fields[1].strip()):
        fields[:2] = [fields[0].rstrip() + fields[1].strip()]
    if not fields or not is_association_name(fields[0]):
        return None
    name, peeled = _peel_brackets(fields[0].strip())
    supervisor: str | None = None
    status_raw: str | None = None
    status = UNKNOWN
    notes: list[str] = []
    for kind, field in peeled + [_typed(f.strip()) for f in fields[1:]]:
        found = find_status(field) if kind in (None, STATUS) else None
        if found and status_raw is None:
            status_raw, status = field, found.status
        elif supervisor is None and kind in (None, SUPERVISOR) and not is_mark(field):
            supervisor = field
        else:
            notes.append(field)
    return RosterLine(
        name_raw=name,
        seq=int(match["seq"]),
        supervisor_raw=supervisor,
        status_raw=status_raw,
        status=status,
        note=" ".join(notes) or None,
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
