"""Lay out the text of HTML elements as lines, because `<br>` and block edges are a page's only line breaks.

White space is collapsed as a browser does, except that a source line break
between two Chinese characters vanishes instead of becoming a space (pages
saved by Word wrap lines in the middle of words).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from lxml.html import HtmlElement

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = HEADING_TAGS | frozenset(
    ["address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"]
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_WIDE = frozenset({"W", "F", "A"})


def collapse_space(raw: str) -> str:
    """Collapse HTML white space: `'脱钩\\r\\n改革  工作\\xa0'` → `'脱钩改革 工作'`."""
    return _HTML_SPACE.sub(_space_or_nothing, raw).replace("\xa0", " ").strip()


def lines(element: HtmlElement) -> list[str]:
    """The non-empty lines of an element: `<td>招标投<br>标协会</td>` → `['招标投', '标协会']`."""
    return [item for item in flow(element, lambda _: False) if isinstance(item, str)]


def flow(root: HtmlElement, stop: Callable[[HtmlElement], bool]) -> Iterator[str | HtmlElement]:
    """Yield the lines of `root` in reading order, and each descendant `stop` accepts, unread, in its place.

    Example: with `stop` accepting tables, `<div>甲<table>…</table>乙</div>`
    yields `'甲'`, the table element, `'乙'`.
    """
    buffer: list[str] = []

    def flush() -> Iterator[str]:
        line = collapse_space("".join(buffer))
        buffer.clear()
        if line:
            yield line

    def text(raw: str | None, in_pre: bool) -> Iterator[str]:
        for index, piece in enumerate((raw or "").split("\n") if in_pre else [raw or ""]):
            if index:
                yield from flush()
            buffer.append(piece)

    stack: list[tuple[HtmlElement, bool, bool]] = [(root, False, False)]  # element, inside <pre>, closing
    while stack:  # a loop, not recursion: pages nest thousands of levels deep
        element, outer_pre, closing = stack.pop()
        breaks = element.tag in BLOCK_TAGS or element.tag == "br"
        if not closing and element is not root and stop(element):
            yield from flush()
            yield element
        elif not closing:
            in_pre = outer_pre or element.tag == "pre"
            if breaks:
                yield from flush()
            yield from text(element.text, in_pre)
            stack.append((element, outer_pre, True))
            stack.extend((child, in_pre, False) for child in reversed(element))
            continue
        elif breaks:
            yield from flush()
        if element is not root:
            yield from text(element.tail, outer_pre)
    yield from flush()


def _space_or_nothing(match: re.Match[str]) -> str:
    """A single space, or nothing for a line break between two wide (CJK) characters."""
    run, whole = match.group(), match.string
    if "\n" not in run and "\r" not in run:
        return " "
    before = whole[match.start() - 1] if match.start() else ""
    after = whole[match.end()] if match.end() < len(whole) else ""
    wide = all(ch and unicodedata.east_asian_width(ch) in _WIDE for ch in (before, after))
    return "" if wide else " "
