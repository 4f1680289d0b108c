"""Repairs of OCR's typical misreadings where the context leaves one reading: brackets, digit widths.

The recogniser reads the 六角括号 of `邵办〔2019〕12号` as square or round brackets,
often mixed (`洛办〔2017]15号`, `（豫办[2016]9号）`), and now and then returns
full-width digits, one half of a pair of parentheses in the other width
(`(四）精心组织实施`), the 〈 of a title inside a title as `《` or `（`, or a
document number's bracket twice (`[2019]〕`). A four-digit year in brackets
after Chinese characters and before a serial and 号 can only be a document
number's year, so its brackets become 〔〕; a pair of
parentheses half in full width was printed in full width; an opening bracket
closed by 〉 was a 〈. Nothing else is changed.

Repairs run on whole paragraphs and cells of scanned pages, not on single
lines, because a title or a document number often breaks over a line
(`…关于印发《行业协会商会与行政机关脱钩总体方` / `案〉的通知》`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterable

from readers.model import Block, TableRow

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

_OPENING = "[［(（〔【{｛<〈"
_CLOSING = "]］)）〕】}｝>〉"

_NUMBER_YEAR = re.compile(
    rf"(?<=[\u4e00-\u9fff])\s*[{re.escape(_OPENING)}]{{1,2}}\s*(?P<year>(?:19|20)\d{{2}})\s*[{re.escape(_CLOSING)}]{{1,2}}"
    r"\s*(?=\d{1,5}\s*号)"
)
"""A bracketed year after a 发文机关代字 and before a serial and 号: `洛办[2017]15号`, `中办发（2015）39号`.

A bracket may come doubled (`宁发改体改[2019]〕 528号`): a wide 〔 or 〕 with a gap beside it spans enough of the
recogniser's steps for two readings of one glyph."""

_PARENTHESES = re.compile(r"[(（](?P<inner>[^()（）]*)[)）]")
"""A pair of parentheses of either width; those whose halves differ (`(四）`, `（监事)`) are made full width."""

_INNER_TITLE = re.compile(r"[（(《](?P<inner>[^()（）《》〈〉]*)〉")
"""An opening bracket closed by 〉, as in `印发《行业协会商会与行政机关脱钩总体方案〉的通知`."""


def repair(text: str) -> str:
    """OCR'd text with digits in ASCII, a document number's year as 〔2017〕, and mismatched brackets paired."""
    text = _NUMBER_YEAR.sub(lambda m: f"〔{m['year']}〕", text.translate(_FULL_WIDTH_DIGITS))
    text = _PARENTHESES.sub(lambda m: m[0] if m[0][0] + m[0][-1] == "()" else f"（{m['inner']}）", text)
    return _INNER_TITLE.sub(lambda m: f"〈{m['inner']}〉", text)


def repair_blocks(blocks: Iterable[Block], pages: Collection[int]) -> list[Block]:
    """Blocks with `repair` applied to the paragraphs that start, and the table rows printed, on the given pages."""
    return [_repair_block(block, pages) for block in blocks]


def _repair_block(block: Block, pages: Collection[int]) -> Block:
    if block.is_table:
        rows = tuple(_repair_row(row) if row.page in pages else row for row in block.rows)
        return dataclasses.replace(block, rows=rows)
    return dataclasses.replace(block, text=repair(block.text)) if block.page in pages else block


def _repair_row(row: TableRow) -> TableRow:
    return dataclasses.replace(row, cells=tuple(repair(cell) for cell in row.cells))
