"""Find the article inside a government web page, because the notice sits among site header, menus and footer.

Why not readability-lxml 0.9 or trafilatura 2.3 (measured on data/raw/ningxia-gxt-2019.html
and on small pages like those in tests/test_reader_html.py): on the Ningxia page
readability keeps text, signature, date and all 53 table rows but drops the `<h1>`
title, which stands outside the block it picks; trafilatura keeps all of it. On
small pages both silently drop short tables (a header and one row; readability
also some of three or four rows), which a reader of rosters cannot afford, and
trafilatura would add eight packages. So the rule here is small and
general instead:

1. drop what is never text (scripts, styles, form controls, hidden elements) and
   what names itself as chrome (`<nav>`, `<aside>`, `<footer>`, ARIA roles, class
   or id tokens such as `nav`, `menu`, `breadcrumb`, `footer`), unless it holds
   most of the page's text;
2. weigh the text: link text (menus) counts nothing, a character of running text
   (a run with `，。；！？`) ten times a character of a label, a site name, a
   `来源：` line or a footer address;
3. the content root is the deepest element that still holds 85 % of the weight
   and every data table (a roster is content, however short); it is never a
   data table, nor an element holding text without blocks (a single paragraph),
   so the short lines around a notice (signature, date) stay in;
4. the title is the nearest heading (h1–h3) before the root, or element whose
   text equals the page's `<meta name="ArticleTitle">` (the Chinese government
   site standard), unless the root has a heading of that rank itself. The
   elements between title and root are the byline (publication time, source,
   view counter), kept for the page's date. A page whose headline is no heading
   at all (`<div class="title">`) still names it in the `ArticleTitle` meta or the
   `<title>` (`标题_栏目_站点名`), which is kept for the extractors to trim.

Tables that hold other tables, or a cell with half the page's text, are layout:
their text is read as paragraphs, not as a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from readers.html_text import BLOCK_TAGS, collapse_space, flow, lines
from readers.page_title import title_parts

CONTENT_SHARE = 0.85
"""Share of the page's weight the content root must keep."""
RUNNING_TEXT_WEIGHT = 10
"""Weight of a character of running text; other text weighs 1."""
LAYOUT_CELL_SHARE = 0.5
PROTECTED_SHARE = 0.5
"""A chrome-looking element holding this share of the weight is the content after all."""
TITLE_TAGS = ("h1", "h2", "h3")
MIN_LABEL_LINES = 3
"""A disclosure list names three fields or more; a breadcrumb or a lone `来源：` line is no list."""
LABEL_LINE = re.compile(r"[^：:]{1,8}[：:]")
"""A line opening with a short label and its colon: `索 引 号：000014349/2020-00031`."""
MIN_TITLE_PART = 4
"""A page's `<title>` part shorter than this (`首页`, `新闻`) is a menu label, not a headline."""
_NEVER_TEXT = tuple(
    ["head", "script", "style", "noscript", "template", "iframe", "frame", "object", "embed", "svg", "canvas", "map", "button", "select", "input", "textarea"]
)
_CHROME_TAGS = frozenset({"nav", "aside", "footer"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_CHROME_TOKEN = re.compile(
    r"[a-z]*(nav|navbar|navigation|menu|crumbs?|breadcrumbs?|footer|foot|share|sidebar|toolbar|copyright)\d*"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SENTENCE_MARK = re.compile("[，。；！？]")


@dataclass(frozen=True)
class Content:
    """The article of a page: its title element (if found apart), its root, and which tables hold data.

    `byline` holds the elements between the title and the root; `page_title` the `ArticleTitle`
    meta or the `<title>` text, for a page whose title is neither apart nor a heading of the root;
    `labelled` the blocks of `label：value` lines above the title (a disclosure list).
    """

    title: HtmlElement | None
    root: HtmlElement
    data_tables: frozenset[HtmlElement]
    byline: tuple[HtmlElement, ...] = ()
    page_title: str | None = None
    labelled: tuple[HtmlElement, ...] = ()


def main_content(page: HtmlElement) -> Content:
    """Locate the article in a parsed page, removing chrome from the tree in place.

    Example: on `<body><div class="nav">…</div><h1>通知</h1><div><p>正文…</p></div></body>`
    the title is the `<h1>` and the root the `<div>` with the text.
    """
    article_title = _article_title_meta(page)
    page_title = _page_title(page)
    body = page.body if page.body is not None else page  # a frameset page has no body
    etree.strip_elements(page, *_NEVER_TEXT, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    _strip_chrome(body, text_weights(body))
    weights = text_weights(body)
    data_tables = frozenset(t for t in body.iter("table") if _is_data_table(t, weights, weights[body]))
    root = _content_root(body, weights, data_tables)
    title = _title_before(body, root, article_title)
    if title is None or _names_the_site(title, page_title):
        title = _headline_element(body, root, page_title)  # a site's name in an <h1> is no title
    if title is not None:
        byline = tuple(element for element in _between(body, title, root) if weights[element])  # not menus of links
        return Content(title, root, data_tables, byline, labelled=_labelled_before(body, title))
    return Content(None, root, data_tables, page_title=_standing_page_title(root, page_title))


def text_weights(root: HtmlElement) -> dict[HtmlElement, int]:
    """The weight of the text under each element: `<p>甲，乙<a>丙，丁</a>戊</p>` → 3 × 10 + 1.

    A run of text with sentence punctuation weighs RUNNING_TEXT_WEIGHT per
    non-blank character, other runs 1 per character, link text nothing.
    """
    weights: dict[HtmlElement, int] = {}
    for element in reversed(list(root.iter())):  # children before parents, without recursion
        total = _weight(element.text) + sum(weights[child] + _weight(child.tail) for child in element)
        weights[element] = 0 if element.tag == "a" else total
    return weights


def _weight(text: str | None) -> int:
    """Non-blank characters of one text run, RUNNING_TEXT_WEIGHT each if it reads as a sentence."""
    chars = sum(1 for ch in text or "" if not ch.isspace())
    return chars * RUNNING_TEXT_WEIGHT if _SENTENCE_MARK.search(text or "") else chars


def _article_title_meta(page: HtmlElement) -> str | None:
    """The `ArticleTitle` meta value, white space removed, or None."""
    for meta in page.iter("meta"):
        if (meta.get("name") or "").lower() == "articletitle" and meta.get("content"):
            return _squeeze(meta.get("content"))
    return None


def _page_title(page: HtmlElement) -> str | None:
    """The `ArticleTitle` meta as printed, else the `<title>` text, white space collapsed; None when empty."""
    for meta in page.iter("meta"):
        if (meta.get("name") or "").lower() == "articletitle" and (meta.get("content") or "").strip():
            return collapse_space(meta.get("content"))
    title = page.find(".//title")
    text = collapse_space(title.text_content()) if title is not None else ""
    return text or None


def _standing_page_title(root: HtmlElement, page_title: str | None) -> str | None:
    """The `<title>` to stand in for a headline the root prints as no heading, or None.

    A root with an `<h1>` has its headline. A `<title>` of one part is kept only when it is the root's
    first line (`<title>某县召开推进会</title>` over `<p>某县召开推进会</p>`): alone, it may be just the
    site's name (`某市人民政府`), which is no headline.
    """
    if not page_title or next(root.iter(*TITLE_TAGS[:1]), None) is not None:
        return None
    if len(title_parts(page_title)) > 1:
        return page_title
    first = next((item for item in flow(root, lambda e: e.tag == "table") if isinstance(item, str)), "")
    return page_title if _squeeze(first) == _squeeze(page_title) else None


def _between(body: HtmlElement, title: HtmlElement, root: HtmlElement) -> tuple[HtmlElement, ...]:
    """The outermost elements after `title` and before `root` in reading order: the byline under a headline."""
    covered = set(title.iter()) | set(root.iterancestors())
    found: list[HtmlElement] = []
    started = False
    for element in body.iter():
        if element is root:
            break
        started = started or element is title
        if started and element not in covered:
            found.append(element)
            covered.update(element.iter())
    return tuple(found)


def _labelled_before(body: HtmlElement, title: HtmlElement) -> tuple[HtmlElement, ...]:
    """The outermost blocks above `title` made of MIN_LABEL_LINES or more `label：value` lines.

    Example: `<ul><li>索引号：…</li><li>发布机构：…</li><li>发文日期：…</li></ul><h1>…</h1>` → the `<ul>`;
    a breadcrumb (`当前位置：首页`) is one line and stays out.
    """
    covered = set(title.iterancestors())
    found: list[HtmlElement] = []
    for element in body.iter():
        if element is title:
            break
        if element in covered or element.tag not in BLOCK_TAGS:
            continue
        printed = lines(element)
        if len(printed) >= MIN_LABEL_LINES and all(LABEL_LINE.match(line) for line in printed):
            found.append(element)
            covered.update(element.iter())
    return tuple(found)


def _squeeze(text: str) -> str:
    """Text without any white space, to compare titles however they are wrapped."""
    return "".join(text.split())


def _strip_chrome(body: HtmlElement, weights: dict[HtmlElement, int]) -> None:
    """Remove hidden and self-declared chrome elements that do not hold most of the text."""
    limit = PROTECTED_SHARE * weights[body]
    doomed = [e for e in body.iter() if e is not body and _looks_like_chrome(e) and weights[e] < limit]
    for element in doomed:
        element.drop_tree()


def _looks_like_chrome(element: HtmlElement) -> bool:
    """True for `<nav>`, `role="navigation"`, hidden elements and `class="crumb"`-style names."""
    if element.tag in _CHROME_TAGS or (element.get("role") or "").lower() in _CHROME_ROLES:
        return True
    if element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(_CHROME_TOKEN.fullmatch(token) for token in re.split(r"[^a-z0-9]+", names))


def _is_data_table(table: HtmlElement, weights: dict[HtmlElement, int], total: int) -> bool:
    """A table of data rather than page layout: no nested table, no cell holding half the page."""
    if next(table.iterdescendants("table"), None) is not None:
        return False
    return all(weights[cell] < LAYOUT_CELL_SHARE * total for cell in table.iter("td", "th"))


def _content_root(
    body: HtmlElement, weights: dict[HtmlElement, int], data_tables: frozenset[HtmlElement]
) -> HtmlElement:
    """Descend from `<body>` while one block container keeps CONTENT_SHARE of the weight and all data tables."""
    node, needed = body, CONTENT_SHARE * weights[body]
    while True:
        candidates = [c for c in node if c not in data_tables and any(g.tag in BLOCK_TAGS for g in c)]
        best = max(candidates, key=weights.__getitem__, default=None)
        if (
            best is None
            or weights[best] < needed
            or weights[best] == 0
            or _count_tables(best, data_tables) < _count_tables(node, data_tables)
        ):
            return node
        node = best


def _count_tables(element: HtmlElement, data_tables: frozenset[HtmlElement]) -> int:
    """How many data tables `element` holds."""
    return sum(1 for table in element.iter("table") if table in data_tables)


def _names_the_site(title: HtmlElement, page_title: str | None) -> bool:
    """Whether a heading prints a lesser part of the `<title>` (the site or column: `某市人民政府`), not its headline."""
    if not page_title:
        return False
    parts = [_squeeze(part) for part in title_parts(page_title)]
    text = _squeeze(title.text_content())
    return len(parts) > 1 and text in parts and text != max(parts, key=len)


def _headline_element(body: HtmlElement, root: HtmlElement, page_title: str | None) -> HtmlElement | None:
    """The last element before `root` printing the longest part of the `<title>`, for a headline that is no heading.

    Example: with `<title>某县召开脱钩推进会 - 某县政务网</title>`, `<div class="tit">某县召开脱钩推进会</div>`,
    not the logo `某县政务网`. None when the root has a heading of its own or no element prints that part.
    """
    if not page_title or next(root.iter(*TITLE_TAGS[:1]), None) is not None:
        return None
    headline = _squeeze(max(title_parts(page_title), key=len, default=""))
    ancestors = set(root.iterancestors())
    found = None
    for element in body.iter():
        if element is root:
            break
        if element not in ancestors and len(headline) >= MIN_TITLE_PART and _squeeze(element.text_content()) == headline:
            found = element if found is None or element not in set(found.iter()) else found
    return found


def _title_before(body: HtmlElement, root: HtmlElement, article_title: str | None) -> HtmlElement | None:
    """The nearest title-like element before `root`, unless `root` has its own heading of that rank."""
    ancestors = set(root.iterancestors())
    title = None
    for element in body.iter():
        if element is root:
            break
        if element in ancestors:
            continue
        if element.tag in TITLE_TAGS or (article_title and _squeeze(element.text_content()) == article_title):
            title = element
    if title is None or not collapse_space(title.text_content()):
        return None
    rank = TITLE_TAGS.index(title.tag) if title.tag in TITLE_TAGS else 0
    return None if any(True for _ in root.iter(*TITLE_TAGS[: rank + 1])) else title
