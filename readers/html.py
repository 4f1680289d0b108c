"""Read an HTML article page into headings, paragraphs and tables, because agencies publish notices as web pages.

Decoding is shared with the text reader (text_encoding); finding the article
among the site's chrome is html_content's job, and tables are expanded by
html_table. This module only walks the article in order and builds the blocks.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml.html import HtmlElement

from readers.model import Block, BlockKind, Document, TableRow
from readers.html_content import Content, main_content
from readers.html_parse import parse_page
from readers.html_table import table_rows
from readers.html_text import HEADING_TAGS, flow, lines
from readers.text_encoding import decode_html

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
"""lxml refuses a str that still declares an encoding; the bytes are already decoded."""


def read(path: Path) -> Document:
    """Read `path` as an HTML page: `<h1>通知</h1><p>各单位：</p>` → HEADING `通知`, PARAGRAPH `各单位：`.

    Raises ReadError when the file holds binary data rather than text; a few damaged bytes only warn.
    """
    decoded = decode_html(path.read_bytes())
    document = Document(source_format="html", warnings=decoded.warnings)
    page = parse_page(_XML_DECLARATION.sub("", decoded.text))
    if page is None:
        return document
    content = main_content(page)
    if content.title is None and not content.root.text_content().strip():
        return document  # a `<title>` over an empty body is no document (no_text)
    document.blocks = article_blocks(content)
    return document


def article_blocks(content: Content) -> list[Block]:
    """The disclosure list, title and byline (or the page's own title), then the root's headings, paragraphs and tables."""
    if content.title is not None:
        blocks = [Block(BlockKind.PARAGRAPH, text=line) for element in content.labelled for line in lines(element)]
        blocks.extend(Block(BlockKind.HEADING, text=line) for line in lines(content.title))
        blocks.extend(Block(BlockKind.PARAGRAPH, text=line) for element in content.byline for line in lines(element))
    else:
        blocks = [Block(BlockKind.HEADING, text=content.page_title)] if content.page_title else []

    def stop(element: HtmlElement) -> bool:
        """Headings and data tables become blocks of their own."""
        return element.tag in HEADING_TAGS or element in content.data_tables

    for item in flow(content.root, stop):
        if isinstance(item, str):
            blocks.append(Block(BlockKind.PARAGRAPH, text=item))
        elif item.tag in HEADING_TAGS:
            blocks.extend(Block(BlockKind.HEADING, text=line) for line in lines(item))
        else:
            blocks.extend(_table_blocks(item, sum(b.is_table for b in blocks)))
    return blocks


def _table_blocks(table: HtmlElement, index: int) -> list[Block]:
    """The caption as a paragraph and the table as a TABLE block; nothing for a table without text."""
    caption = [Block(BlockKind.PARAGRAPH, text=line) for c in table.iterchildren("caption") for line in lines(c)]
    rows = tuple(TableRow(cells) for cells in table_rows(table))
    return caption + [Block(BlockKind.TABLE, table=index, rows=rows)] if rows else caption
