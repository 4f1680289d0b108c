"""Read a Word .docx into the document model, so extractors see its paragraphs and tables in body order.

Only the body is read (headers, footers, footnotes and text boxes are left out).
A missing or damaged side part (a picture, styles, a header) is left out with a
warning (package_parts); only a missing or broken `word/document.xml` fails the file.
Merged cells are expanded so every row carries its values: a cell spanning two
columns (`gridSpan`) appears twice in its row, and a cell merged down (`vMerge`)
repeats its text on every row it covers. Example: the row `| 2 | 邵阳市互联网协会 |`
under a supervisor cell merged over both rows reads
`("2", "邵阳市互联网协会", "湖南省通信管理局")`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from readers.model import Block, BlockKind, Document, TableRow, join_cell_lines
from readers.ooxml import opening_package
from readers.package_parts import readable_package

_HEADING_STYLE = re.compile(r"^\s*(heading|title|标题)", re.IGNORECASE)
_MAX_OUTLINE_LEVEL = 8
"""Outline levels 0–8 are heading levels; 9 means body text."""

_P, _TBL, _TC, _SDT, _SDT_CONTENT, _RUN = (qn(t) for t in ("w:p", "w:tbl", "w:tc", "w:sdt", "w:sdtContent", "w:r"))
_NOT_BODY_TEXT = {
    qn("w:del"),  # tracked deletion
    qn("w:moveFrom"),  # tracked move, old place
    qn("w:txbxContent"),  # text box: positioned apart from the paragraph it hangs on
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",  # duplicate of the Choice
}


def read(path: Path) -> Document:
    """Read the body of a .docx: headings, paragraphs and tables in the order they are printed.

    Example: `read(Path("通知.docx")).blocks[0]` might be
    `Block(kind=BlockKind.TABLE, table=0, rows=(TableRow(("开封市发展和改革委员会", "文件")), ...))`.
    """
    with opening_package(path, "DOCX", "Word"):  # python-docx reads styles and attribute values as they are used
        package, warnings = readable_package(path)
        word = docx.Document(str(package) if isinstance(package, Path) else package)
        blocks = list(_blocks(word, word.element.body, itertools.count()))
    return Document(source_format="docx", blocks=blocks, warnings=warnings)


def _blocks(word: WordDocument, container: etree._Element, tables: Iterator[int]) -> Iterator[Block]:
    """Blocks of a body or cell in order; a one-cell table is a frame, so its content is read as body."""
    for element in _block_elements(container):
        if element.tag == _P:
            text = paragraph_text(element).strip()
            if text:
                style = Paragraph(element, word).style
                kind = BlockKind.HEADING if _is_heading(element, style) else BlockKind.PARAGRAPH
                yield Block(kind=kind, text=text)
            continue
        cells = _distinct_cells(element)
        if len(cells) == 1:
            yield from _blocks(word, cells[0], tables)
        else:
            yield Block(kind=BlockKind.TABLE, table=next(tables), rows=_table_rows(Table(element, word)))


def _block_elements(container: etree._Element) -> Iterator[etree._Element]:
    """The `w:p` and `w:tbl` children, also those inside content controls (`w:sdt`), which python-docx skips."""
    for child in container.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_elements(content)


def _distinct_cells(tbl: etree._Element) -> list[etree._Element]:
    """The `w:tc` elements of this table itself, not of tables nested in it."""
    return [tc for tc in tbl.iter(_TC) if next(tc.iterancestors(_TBL)) is tbl]


def paragraph_text(p: etree._Element) -> str:
    """Text of a `w:p` as printed, including tracked insertions and fields; `w:br` gives `\\n`.

    python-docx's `Paragraph.text` misses runs inside `w:ins`, `w:smartTag` and
    `w:fldSimple`; this takes every run except deleted, moved-away and text-box runs.
    """
    return "".join(run.text for run in p.iter(_RUN) if _is_body_run(run, p))


def _is_body_run(run: etree._Element, p: etree._Element) -> bool:
    """Whether a run below `p` prints in its line, not inside a deletion, a text box or a fallback copy."""
    for ancestor in run.iterancestors():
        if ancestor is p:
            return True
        if ancestor.tag in _NOT_BODY_TEXT:
            return False
    return False


def _is_heading(p: etree._Element, style: BaseStyle | None) -> bool:
    """A heading by style (Heading n, Title, 标题 n, or a style based on one) or by outline level."""
    levels = p.xpath("./w:pPr/w:outlineLvl/@w:val")
    if levels and levels[0].isdigit() and int(levels[0]) <= _MAX_OUTLINE_LEVEL:
        return True
    while style is not None:
        if _HEADING_STYLE.match(style.name or ""):
            return True
        style = style.base_style
    return False


def _table_rows(table: Table) -> tuple[TableRow, ...]:
    """Rows padded to one width, each merged cell's text repeated in every grid cell it covers."""
    texts: dict[etree._Element, str] = {}  # keyed by element, which keeps lxml's proxy (and its hash) alive

    def text_of(tc: etree._Element) -> str:
        if tc not in texts:
            texts[tc] = _cell_text(tc)
        return texts[tc]

    rows = [
        [""] * row.grid_cols_before + [text_of(cell._tc) for cell in row.cells] + [""] * row.grid_cols_after
        for row in table.rows
    ]
    width = max((len(cells) for cells in rows), default=0)
    return tuple(TableRow(tuple(cells + [""] * (width - len(cells)))) for cells in rows)


def _cell_text(tc: etree._Element) -> str:
    """A cell's text with one line per paragraph; a nested table adds one line per row.

    Example: a cell holding `名称` above a nested table row `| 开封市 | 协会 |`
    reads `"名称\\n开封市 协会"`.
    """
    lines: list[str] = []
    for element in _block_elements(tc):
        if element.tag == _P:
            lines.append(paragraph_text(element).strip())
        else:
            lines.extend(_nested_table_lines(element))
    return "\n".join(line for line in lines if line)


def _nested_table_lines(tbl: etree._Element) -> list[str]:
    """One line per row of a nested table, its cells' texts separated by a space."""
    lines = []
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = (join_cell_lines(_cell_text(tc)) for tc in tr.iterchildren(_TC))
        lines.append(" ".join(text for text in cells if text))
    return lines
