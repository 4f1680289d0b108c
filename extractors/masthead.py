"""The 发文机关标志 (masthead): the issuers' names printed in red above the title, often followed by 文件.

GB/T 9704-2012 (7.2.1). A joint masthead may be a borderless table (`开封市发展和改革委员会 | 文件`,
`开封市民政局 | 文件`); a line of names at the top is a masthead, also right above the title's subject
(`某市民政局　某市财政局` / `关于…的通知`: the masthead printed large over the title). Only a line
broken inside one paragraph (`中共某县委　某县人民政府⏎关于…的意见`, a heading with a line break) is a
title wrapped after its issuers, and so are names under a masthead already read (`extractors.head`).
"""

from __future__ import annotations

import re

from extractors.issuers import issuer_names, strip_masthead_word
from extractors.lines import Line, cell_text
from normalizers.metadata_vocabulary import title_openers
from readers.model import Block

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def masthead_line_names(line: Line, next_line: Line | None, leading: bool) -> tuple[str, ...] | None:
    """The names a masthead line prints (`中共洛阳市委办公室文件` → 中共洛阳市委办公室), or None for other lines.

    A line ending in 文件 is a masthead wherever it stands in the head; a bare line of names only at the
    top (`leading`), and not when the next line of its own block opens a subject (`关于…`, `印发…`).
    """
    text, marked = strip_masthead_word(line.text)
    if marked:
        return () if not text else issuer_names(text)
    names = issuer_names(text)
    if not leading or names is None:
        return None
    wrapped = next_line is not None and next_line.block == line.block and next_line.text.startswith(title_openers())
    return None if wrapped else names


def masthead_table_names(table: Block) -> tuple[str, ...] | None:
    """The issuers of a masthead table (cells of names and 文件), () for a rule without text, None for other tables.

    Example: rows (`开封市发展和改革委员会`, `文件`), (`开封市民政局`, `文件`) → both names; (``, `★`, ``) → ().
    """
    cells = [cell_text(cell) for row in table.rows for cell in row.cells]
    if not any(CHINESE.search(cell) for cell in cells):
        return ()
    names: list[str] = []
    for cell in filter(None, cells):
        text, _ = strip_masthead_word(cell)
        found = issuer_names(text) if text else ()
        if found is None:
            return None
        names += [name for name in found if name not in names]
    return tuple(names) if names else None

