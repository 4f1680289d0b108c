"""The one document model every reader produces and every extractor consumes.

A document is an ordered list of blocks in reading order. Text blocks carry a
paragraph or heading; table blocks carry rows of cell strings. Every block and
every table row keeps its provenance (1-based page for paged formats, 0-based
table index), so any extracted row can be traced back to where it was printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    """What a block is; extractors branch on this, never on the source format."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"


@dataclass(frozen=True)
class TableRow:
    """One table row: cell texts left to right, merged cells already expanded.

    A cell keeps the line breaks it was printed with (`开封市建设工程招标投\\n标协会`);
    consumers decide how to join them. `page` is where this row is printed, which
    differs between rows of a table that continues over a page break.
    """

    cells: tuple[str, ...]
    page: int | None = None


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph or a table, with its provenance.

    For text blocks `text` holds the paragraph and `rows` is empty; for table
    blocks `rows` holds the rows and `text` is empty. `table` is the 0-based
    index of the table within the document (None for text blocks).
    """

    kind: BlockKind
    text: str = ""
    page: int | None = None
    table: int | None = None
    rows: tuple[TableRow, ...] = ()
    sheet: str | None = None

    @property
    def is_table(self) -> bool:
        return self.kind is BlockKind.TABLE


@dataclass
class Document:
    """Everything a reader learned from one file, independent of its format."""

    source_format: str
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)

    def tables(self) -> list[Block]:
        """The table blocks in document order."""
        return [b for b in self.blocks if b.is_table]


class ReadError(Exception):
    """A file that cannot be read at all; the message is one line naming the cause.

    Readers raise it with messages such as `encrypted PDF: a password is needed`
    or `not a zip archive: the .docx file holds plain text`; the run loop turns it
    into a `failed` row of documents.parquet and carries on with the next file.
    """


class ToolMissing(ReadError):
    """A file that could be read with a program or library this machine lacks (LibreOffice for .doc).

    The failure belongs to the machine, not the file: it is not cached, so a
    plain re-run after installing the tool reads the file.
    """


def join_cell_lines(text: str) -> str:
    """Join the printed lines of a cell: `邵阳市建设工程招标投\\n标协会` → `邵阳市建设工程招标投标协会`.

    Lines are joined without a separator, as wrapped Chinese text is; a space is
    kept only between two Latin letters or digits so `ISO\\n9001` stays readable.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    out = lines[0]
    for line in lines[1:]:
        if out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return out


def document_text(document: Document) -> str:
    """The full text in reading order: one line per paragraph, one per table row.

    Table cells are joined by a tab, each cell's wrapped lines joined first.
    """
    lines: list[str] = []
    for block in document.blocks:
        if block.is_table:
            for row in block.rows:
                lines.append("\t".join(join_cell_lines(c) for c in row.cells).rstrip("\t"))
        elif block.text:
            lines.append(block.text)
    return "\n".join(lines)
