"""Read a plain-text document, one paragraph per non-empty line, because that is all the structure it has.

Line ends may be CRLF, CR or LF. Indentation with ideographic spaces (U+3000)
and trailing white space are dropped; a title that wraps over several lines
stays several paragraphs, which the title extractor joins. The one layout a
saved copy of a web page or news report keeps is its headline: the first
short lines, without punctuation, standing apart from what follows by a blank
line, a byline (`发布时间：…`) or the first sentence, below the breadcrumb a saved
page may start with (`当前位置：首页 > 新闻中心 > 工作动态`). They are read as headings.
"""

from __future__ import annotations

import re
from pathlib import Path

from readers.model import Block, BlockKind, Document
from readers.text_encoding import decode_text

MAX_HEADLINE_LINES = 3
"""A headline wraps over two or three lines at most."""
MAX_HEADLINE_LINE = 40
"""Longer lines are running text."""
PUNCTUATION = re.compile(r"[。，,；;！!？?：:]")
"""Sentences and label lines (`来源：…`) carry these; a headline does not."""
BREADCRUMB = re.compile(r"(?:.*[>＞»›]){2}")
"""A line with two or more `>` between menu names is the page's breadcrumb."""
ENDS_HEADLINE = re.compile(r"[。，,；;！!？?：:]")
"""A blank line aside, a byline (`来源：…`) or a sentence after the headline ends it."""


def read(path: Path) -> Document:
    """Read `path` as text: `b'\\xa1\\xa1\\xa1\\xa1\\xd2\\xbb\\r\\n'` → one PARAGRAPH `一`.

    Raises ReadError when the file holds binary data rather than text; a few damaged bytes only warn.
    """
    decoded = decode_text(path.read_bytes())
    lines = [line.strip() for line in decoded.text.splitlines()]
    start, end = _headline(lines)
    return Document(
        source_format="txt",
        blocks=[
            Block(BlockKind.HEADING if start <= index < end else BlockKind.PARAGRAPH, text=line)
            for index, line in enumerate(lines)
            if line
        ],
        warnings=decoded.warnings,
    )


def _headline(lines: list[str]) -> tuple[int, int]:
    """Where the headline begins and ends among the lines: `['某市召开…', '推进会', '', '正文…']` → (0, 2).

    The headline ends at a blank line, a byline or a sentence; when nothing follows it, there is none (0, 0).
    """
    start = next((index for index, line in enumerate(lines) if line and not BREADCRUMB.match(line)), len(lines))
    count = 0
    for line in lines[start:]:
        if not line or (count and ENDS_HEADLINE.search(line)):
            break
        if count == MAX_HEADLINE_LINES or len(line) > MAX_HEADLINE_LINE or PUNCTUATION.search(line):
            return 0, 0
        count += 1
    return (start, start + count) if any(lines[start + count :]) else (0, 0)
