"""The printed lines of a document's text blocks, the unit the metadata extractors read.

A block may hold several lines (a soft line break in Word, `开封市发展和改革委员会\\n开封市民政局`); each
line keeps the index of its block, so a table printed between two lines (a masthead, a rule) is seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from normalizers.memo import CACHE_SIZE
from readers.model import Document, join_cell_lines


@dataclass(frozen=True)
class Line:
    """One printed line, stripped, with the 0-based index of its block: `Line("2019年10月15日", 25)`."""

    text: str
    block: int


def printed_lines(document: Document) -> list[Line]:
    """Every non-empty line of the text blocks in reading order; tables are left to their own readers."""
    return [
        Line(line.strip(), index)
        for index, block in enumerate(document.blocks)
        if not block.is_table
        for line in block.text.splitlines()
        if line.strip()
    ]


@lru_cache(maxsize=CACHE_SIZE)
def cell_text(cell: str) -> str:
    """A table cell's printed lines joined (`join_cell_lines`), remembered: the roster, page, locality
    and citation readers each read every cell, and rosters repeat their units and statuses."""
    return join_cell_lines(cell)


def follows(previous: Line, line: Line) -> bool:
    """Whether `line` is printed right after `previous`, with no table between: the same block or the next."""
    return line.block - previous.block <= 1
