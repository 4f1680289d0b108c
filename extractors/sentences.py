"""Sentences and clauses of the running text, the units milestones are read from.

Example: the paragraph `1. 2020 年 2 月前。区行业协会商会要分别完成 50%脱钩任务。` holds two
sentences; the first is its list number and a date, the second says what is due.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readers.model import Document

FULL_STOPS = "。！!？?"
"""A sentence ends at these, wherever they stand; line ends are cut before."""
SEMICOLONS = "；;"
"""A semicolon ends a sentence outside brackets; inside `（责任单位：…；完成时限：…）` it separates items."""
OPENING_BRACKETS = "（("
CLOSING_BRACKETS = "）)"
CLAUSE_SEPARATORS = "，,：:"
"""Clauses of a sentence stand apart by commas and colons (a 顿号 joins items of a list, not clauses)."""
LIST_NUMBER = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,3}\s*[、.．](?!\d))\s*"
)
"""The number opening an item: `（一）`, `(2)`, `三、`, `1.`, `1、` (not the `2019.` of `2019.10.18`)."""
_SENTENCE_MARKS = re.compile(f"[{re.escape(FULL_STOPS + SEMICOLONS + OPENING_BRACKETS + CLOSING_BRACKETS)}]")
"""The only characters `split_sentences` acts on; the others neither end a sentence nor change the depth."""
EDGE_PUNCTUATION = " \t\u3000，,。；;：:、！!？?"
"""Stripped from both ends of a task; brackets and quotes are kept as they may belong to it."""


@dataclass(frozen=True)
class Line:
    """One printed line of a text block with the page it is on: `Line("2019年10月15日", 6)`."""

    text: str
    page: int | None


@dataclass(frozen=True)
class Sentence:
    """A sentence with its terminator, and the line it is cut from so its context stays at hand."""

    text: str
    line: Line
    offset: int


def text_lines(document: Document) -> list[Line]:
    """Every non-empty line of the text blocks in reading order; table cells are not running text."""
    return [
        Line(line, block.page)
        for block in document.blocks
        if not block.is_table
        for line in block.text.splitlines()
        if line.strip()
    ]


def split_sentences(line: Line) -> list[Sentence]:
    """The sentences of a line, stripped: `甲。乙；丙（丁；戊）。` → `甲。`, `乙；`, `丙（丁；戊）。`."""
    sentences: list[Sentence] = []
    start = depth = 0
    text = line.text
    for mark in _SENTENCE_MARKS.finditer(text):
        position, character = mark.start(), mark[0]
        depth = bracket_depth(depth, character)
        ends = character in FULL_STOPS or (character in SEMICOLONS and depth == 0)
        if ends and not (position + 1 < len(text) and _is_stop(text[position + 1])):
            _append(sentences, line, start, position + 1)
            start = position + 1
    _append(sentences, line, start, len(text))
    return sentences


def bracket_depth(depth: int, character: str) -> int:
    """The bracket depth after a character; a stray closing bracket does not go below zero."""
    if character in OPENING_BRACKETS:
        return depth + 1
    if character in CLOSING_BRACKETS:
        return max(depth - 1, 0)
    return depth


def _is_stop(character: str) -> bool:
    return character in FULL_STOPS or character in SEMICOLONS


def _append(sentences: list[Sentence], line: Line, start: int, end: int) -> None:
    piece = line.text[start:end]
    text = piece.strip()
    if text:
        sentences.append(Sentence(text, line, start + piece.index(text)))


def clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` begins: just after the last comma or colon before it."""
    return max(text.rfind(separator, 0, position) for separator in CLAUSE_SEPARATORS) + 1


def clause_end(text: str, position: int) -> int:
    """Where the clause holding `position` ends: at the next comma or colon, else the end of the text."""
    ends = [found for separator in CLAUSE_SEPARATORS if (found := text.find(separator, position)) >= 0]
    return min(ends, default=len(text))


def without_list_number(text: str) -> str:
    """The text without the number opening an item: `（一）全面启动` → `全面启动`."""
    return LIST_NUMBER.sub("", text, count=1)


def trim(text: str) -> str:
    """The text without white space and clause punctuation at its ends: `，完成任务。` → `完成任务`."""
    return text.strip(EDGE_PUNCTUATION)
