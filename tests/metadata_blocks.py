"""Blocks as a reader delivers them, for the metadata tests: paragraphs, headings, tables, whole documents."""

from __future__ import annotations

from readers.model import Block, BlockKind, Document, TableRow


def text(line: str) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=line)


def heading(line: str) -> Block:
    return Block(kind=BlockKind.HEADING, text=line)


def table(*rows: tuple[str, ...], index: int = 0) -> Block:
    return Block(kind=BlockKind.TABLE, table=index, rows=tuple(TableRow(row) for row in rows))


def document(*blocks: Block) -> Document:
    return Document(source_format="test", blocks=list(blocks))
