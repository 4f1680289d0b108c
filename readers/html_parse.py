"""Parse a page into an lxml tree however deep its tags nest, because libxml2 silently drops what lies too deep.

libxml2 stops building the tree at 256 levels (2,048 with `huge_tree`) and the
text below is lost without an error. A page nested deeper (a broken editor, a
hostile page) is parsed again after flattening: past WRAPPER_DEPTH open elements
the start and end tags of wrappers (`div`, `span`, `font`…) are left out, past
MAX_DEPTH those of every element, as browsers insert elements that deep beside
rather than inside the deepest one (Blink at 512 levels). All text is kept, and
the headings, paragraphs and tables at the bottom of a deep pile of wrappers too.
"""

from __future__ import annotations

import re
from collections import Counter

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

MAX_DEPTH = 512
"""Open elements kept when a page nests deeper than the parser reads; deeper ones are flattened."""
WRAPPER_DEPTH = 256
"""Past this depth, elements that only wrap others are flattened, to keep room for those that give structure."""
_STRUCTURE_TAGS = frozenset(
    ["h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
     "ul", "ol", "li", "dl", "dt", "dd", "body", "html", "head", "title"]
)
_VOID_TAGS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*>")
_TOO_DEEP = "Excessive depth"


def parse_page(text: str) -> HtmlElement | None:
    """The page's tree, with nothing lost to nesting depth; None for a page of white space and comments.

    Example: 5,000 nested `<div>` around `<p>通知</p>` parse to a tree whose text is `通知`.
    """
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        page = lxml.html.document_fromstring(text, parser=parser)
    except etree.ParserError:  # nothing but white space and comments
        return None
    if any(_TOO_DEEP in entry.message for entry in parser.error_log):
        page = lxml.html.document_fromstring(flattened(text), parser=lxml.html.HTMLParser(huge_tree=True))
    return page


def flattened(text: str, wrapper_depth: int = WRAPPER_DEPTH, max_depth: int = MAX_DEPTH) -> str:
    """The markup without the wrappers that would open more than `wrapper_depth` elements, or any more than `max_depth`.

    Example: with `wrapper_depth=1`, `<div><div><p>x</p></div></div>` → `<div><p>x</p></div>`.
    """
    depth = 0
    dropped: Counter[str] = Counter()

    def keep_or_drop(match: re.Match[str]) -> str:
        nonlocal depth
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID_TAGS or match.group().endswith("/>"):
            return match.group()
        if closing:
            if dropped[name]:
                dropped[name] -= 1
                return ""
            depth = max(depth - 1, 0)
            return match.group()
        if depth >= max_depth or (depth >= wrapper_depth and name not in _STRUCTURE_TAGS):
            dropped[name] += 1
            return ""
        depth += 1
        return match.group()

    return _TAG.sub(keep_or_drop, text)
