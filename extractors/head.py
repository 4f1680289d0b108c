"""The head (版头 and title) of an official document: masthead, 发文字号 and title, read from its first lines.

GB/T 9704-2012 prints, before the addressees, the masthead (`宁夏回族自治区工业和信息化厅`, or a
table of joint issuers), the number on its own line (`邵委〔2019〕12号`) and the title. A portal page
prints its site's name (`某市人民政府`) above its breadcrumb, disclosure table or byline: a name above
such page furniture is the site's, never a masthead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractors.doc_number import parse_doc_number
from extractors.issuers import is_state_name
from extractors.lines import Line
from extractors.masthead import masthead_line_names, masthead_table_names
from extractors.page_info import disclosure_pairs, is_info_line
from extractors.title import Title, find_title, opens_body
from normalizers.metadata_vocabulary import head_marks
from readers.model import Document

HEAD_LINES = 15
"""份号, 密级, masthead, number, a title over five lines and the rule fit in the first lines before the body."""


@dataclass(frozen=True)
class Head:
    """What the head prints: the masthead's issuers as printed, the document's own number, the title."""

    masthead: tuple[str, ...]
    doc_number: str | None
    title: Title | None


def head_lines(lines: Sequence[Line]) -> list[Line]:
    """The lines before the body begins (addressees or a first sentence), at most HEAD_LINES."""
    head: list[Line] = []
    for line in lines[:HEAD_LINES]:
        if opens_body(line.text):
            break
        head.append(line)
    return head


def read_head(document: Document, lines: Sequence[Line]) -> Head:
    """Masthead, number and title of a document from its printed lines and the tables among them.

    Example: a table (`开封市民政局 | 文件`) and the lines `关于印发《…与` / `…方案》的通知` give the
    masthead (`开封市民政局`,), no number and the joined title.
    """
    head = head_lines(lines)
    masthead: list[tuple[int, tuple[str, ...]]] = []
    numbers: list[str] = []
    rest: list[Line] = []
    for index, line in enumerate(head):
        if _is_head_mark(line.text) or is_info_line(line.text):
            continue
        number = parse_doc_number(line.text)
        names = None if number else masthead_line_names(line, _next(head, index), leading=not rest and not numbers)
        if number:
            numbers.append(number)
        elif names is not None:
            masthead.append((line.block, names))
        else:
            rest.append(line)
    following = rest[:1] or lines[len(head) : len(head) + 1]
    before = following[0].block if following else 0
    for index, block in enumerate(document.blocks[:before]):
        names = masthead_table_names(block) if block.is_table else None
        if names:
            masthead.append((index, names))
    furniture = _furniture_end(document, head, before)
    printed = [name for block, names in sorted(masthead) if block > furniture for name in names]
    return Head(tuple(dict.fromkeys(printed)), numbers[0] if numbers else None, find_title(rest))


def _furniture_end(document: Document, head: Sequence[Line], before: int) -> int:
    """The block of the last page furniture (breadcrumb, byline, disclosure table) before the head's first
    other line at block `before`, else -1: what is printed above it belongs to the site."""
    lines = [line.block for line in head if line.block < before and is_info_line(line.text)]
    tables = [i for i, block in enumerate(document.blocks[:before]) if block.is_table and disclosure_pairs(block)]
    return max([*lines, *tables], default=-1)


def _is_head_mark(text: str) -> bool:
    """A line above the masthead's names that is neither a name nor the title: 份号 (`000123`), 密级 (`机密★1年`),
    `特急`, the state's name over a central body's (`中华人民共和国` / `民政部`)."""
    return text.isdigit() or text.startswith(head_marks()) or is_state_name(text)


def _next(lines: Sequence[Line], index: int) -> Line | None:
    return lines[index + 1] if index + 1 < len(lines) else None
