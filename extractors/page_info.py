"""What a web page prints around its article: the information-disclosure table and the bylines.

Government portals head a document with a disclosure table (`索引号 | 000014349/2020-0012 | 主题分类 | 民政`,
`发文机关 | 某市人民政府 | 成文日期 | 2020年03月05日`…, as a `<table>` or as `label：value` lines) and
print a byline under the headline (`发布时间：2020-03-06 09:30　来源：某市民政局　浏览次数：`). The
table gives the document's fields; the byline gives the page's publication date. Neither is a
roster, a step with a deadline or a cited document, so `without_page_info` hides both from
those extractors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from extractors.issuers import issuer_names
from extractors.lines import Line, cell_text
from extractors.title import compose_title
from normalizers.dates import find_dates
from normalizers.document_numbers import find_numbers
from normalizers.page_vocabulary import LABEL_COLONS, PageLabel, label_key, label_pattern, page_labels
from readers.model import Block, Document

MIN_DISCLOSURE_LABELS = 3
"""A disclosure table names at least three fields (`索引号`, `发布机构`, `发布日期`)…"""
MIN_DISCLOSURE_ONLY_LABELS = 2
"""…two of them labels no byline prints (`索引号`, `文号`); a byline may print one (`发布机构：…　发布时间：…`)."""
TABLES_REMEMBERED = 1024
"""Tables whose pairs are remembered: more than a document holds, so its second reader finds every one."""
SHORT_LABEL = 2
"""A label this short never ends a longer word: `时间：` is a label, the `时间：` of `完成时间：` is not."""
LINE_OPENING = " \t\u3000【[（("
"""What may stand before the first label of a line (`【字体：大 中 小】`)."""
VALUE_EDGES = " \t\u3000【】[]|｜"
CHINESE = re.compile(r"[\u4e00-\u9fff]")

Pair = tuple[PageLabel, str]
PUBLISHED = PageLabel("", "published", "byline")
"""The unlabelled date opening a byline: `2015-07-08 20:00　来源：新华社`."""
_TIME = r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
DATE_TIME = re.compile(rf"\d{{4}}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}}日?(?:\s*{_TIME})?")
"""A printed publication time before a byline's labels: `2015-07-08 20:00`, `2020年03月05日 10:21:33`."""
BYLINE_TIME = re.compile(rf"\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:\s*{_TIME})?|\d{{4}}年\d{{1,2}}月\d{{1,2}}日\s*{_TIME}")
"""A publication time alone on its line: numeric or with a time (`2015-07-08`, `2020年3月5日 10:21`); a bare
`2020年3月2日` is a signature's 成文日期."""


@dataclass(frozen=True)
class PageInfo:
    """The document fields a page prints in its disclosure table, and its publication date.

    `issue_date` is the table's 成文日期 or 生成日期; `published` the 发布日期 or 发布时间 of the table or
    byline (an 更新时间 when nothing else dates the page).
    """

    title: str | None = None
    doc_number: str | None = None
    issuers: tuple[str, ...] = ()
    issue_date: date | None = None
    published: date | None = None


def read_page_info(document: Document, lines: Sequence[Line]) -> PageInfo:
    """The disclosure table's fields and the publication date of a page, from its tables and label lines.

    Example: a table (`索引号 | … | 发布机构 | 某市民政局`), (`发文字号 | 某民发〔2020〕3号 | 发布日期 | 2020-03-06`)
    → doc_number `某民发〔2020〕3号`, issuers (`某市民政局`,), published 2020-03-06.
    """
    groups = [pairs for block in document.blocks if block.is_table and (pairs := disclosure_pairs(block))]
    groups.extend(_line_groups(lines))
    info = PageInfo()
    for pairs in groups:
        disclosure = _is_disclosure(pairs)
        for label, value in pairs:
            info = _with_value(info, label, value, disclosure)
    return info if info.published is not None else replace(info, published=_fallback_day(groups))


def label_pairs(text: str) -> list[Pair] | None:
    """The label–value pairs of a line made of them, else None.

    Example: `发布时间：2019-10-18 09:32来源：某市民政局` → (发布时间, `2019-10-18 09:32`), (来源, `某市民政局`);
    `2015-07-08 20:00　来源：新华社` → (a publication date, …), (来源, `新华社`);
    `完成时间：2020年10月底前` → None (`完成时间` is no label); `时间：上午9时` alone → None.
    """
    if BYLINE_TIME.fullmatch(text.strip(LINE_OPENING)):
        return [(PUBLISHED, text.strip(LINE_OPENING))]
    if not any(colon in text for colon in LABEL_COLONS):
        return None  # every label ends in its colon: most lines and cells are told without the label search
    matches = [m for m in label_pattern().finditer(text) if not _inside_word(text, m)]
    opening = text[: matches[0].start()].strip(LINE_OPENING) if matches else ""
    if not matches or (opening and not DATE_TIME.fullmatch(opening)):
        return None
    pairs: list[Pair] = [(PUBLISHED, opening)] if opening else []
    for match, following in zip(matches, [*matches[1:], None]):
        value = text[match.end() : following.start() if following else len(text)].strip(VALUE_EDGES)
        pairs.append((page_labels()[label_key(match["label"])], value))
    if len(pairs) == 1 and pairs[0][0].kind == "byline_pair":
        return None
    return pairs


def is_info_line(text: str) -> bool:
    """Whether a line is a byline or a disclosure line (`发布时间：…　来源：…`, `索引号：…`)."""
    return label_pairs(text) is not None


def disclosure_pairs(table: Block) -> list[Pair] | None:
    """The label–value pairs of a disclosure table (2, 4 or 6 cells a row), else None.

    Example: rows (`索引号`, `…`, `主题分类`, `民政`), (`发文机关`, `某市人民政府`) → three pairs; a roster
    headed `序号 | 名称 | 业务主管单位` has one label and is no disclosure table.
    """
    pairs = _table_pairs(tuple(tuple(row.cells) for row in table.rows))
    return None if pairs is None else list(pairs)


@lru_cache(maxsize=TABLES_REMEMBERED)
def _table_pairs(rows: tuple[tuple[str, ...], ...]) -> tuple[Pair, ...] | None:
    """The pairs of a disclosure table's rows, else None; at least half the rows must hold a label.

    Remembered, as the page reader and `without_page_info` both ask about every table; a roster is
    given up once more than half its rows are found without a label.
    """
    pairs: list[Pair] = []
    unlabelled_rows = 0
    for cells in rows:
        found = _row_pairs([cell_text(cell) for cell in cells])
        if not found:
            unlabelled_rows += 1
            if 2 * unlabelled_rows > len(rows):
                return None
        pairs.extend(found)
    return tuple(pairs) if _is_disclosure(pairs) else None


def without_page_info(document: Document) -> Document:
    """The document without its disclosure tables and label lines, for the roster, milestone and citation readers."""
    blocks: list[Block] = []
    for block in document.blocks:
        if block.is_table:
            if disclosure_pairs(block) is None:
                blocks.append(block)
            continue
        kept = [line for line in block.text.splitlines() if not is_info_line(line.strip())]
        if any(line.strip() for line in kept):
            blocks.append(replace(block, text="\n".join(kept)))
    return replace(document, blocks=blocks)


def _row_pairs(cells: list[str]) -> list[Pair]:
    """The pairs of one table row: a label cell and the value cell after it, or `label：value` in one cell."""
    distinct = [cell for index, cell in enumerate(cells) if index == 0 or cell != cells[index - 1]]
    pairs: list[Pair] = []
    index = 0
    while index < len(distinct):
        label = page_labels().get(label_key(distinct[index]))
        following = distinct[index + 1] if index + 1 < len(distinct) else ""
        if label is not None and page_labels().get(label_key(following)) is None:
            pairs.append((label, following.strip(VALUE_EDGES)))
            index += 2
            continue
        pairs.extend(label_pairs(distinct[index]) or [])
        index += 1
    return pairs


def _line_groups(lines: Sequence[Line]) -> Iterable[list[Pair]]:
    """The pairs of each run of consecutive label lines: a disclosure block or a byline."""
    group: list[Pair] = []
    for line in lines:
        pairs = label_pairs(line.text)
        if pairs is None:
            if group:
                yield group
            group = []
        else:
            group.extend(pairs)
    if group:
        yield group


def _is_disclosure(pairs: Sequence[Pair]) -> bool:
    """At least MIN_DISCLOSURE_LABELS different labels, MIN_DISCLOSURE_ONLY_LABELS of them of disclosure tables."""
    labels = {label for label, _ in pairs}
    disclosure_only = {label for label in labels if label.kind == "disclosure"}
    return len(labels) >= MIN_DISCLOSURE_LABELS and len(disclosure_only) >= MIN_DISCLOSURE_ONLY_LABELS


def _with_value(info: PageInfo, label: PageLabel, value: str, disclosure: bool) -> PageInfo:
    """The info with one more field filled, unless it is filled already; a byline's 生成日期 dates the page."""
    field = label.field if disclosure or label.field != "issue_date" else "published"
    if not value or field in ("none", "updated") or getattr(info, field) not in (None, ()):
        return info
    if field == "published" or field == "issue_date":
        return replace(info, **{field: _day(value)})
    if not disclosure:
        return info
    if field == "doc_number":
        numbers = find_numbers(value)
        return replace(info, doc_number=numbers[0].text) if numbers else info
    if field == "issuers":
        return replace(info, issuers=issuer_names(value) or ())
    return replace(info, title=compose_title(value).text or None)


def _fallback_day(groups: Sequence[Sequence[Pair]]) -> date | None:
    """When no label names the publication: the 更新时间, else a time printed in a byline (`来源：某日报 2021-06-01`)."""
    updated = (value for pairs in groups for label, value in pairs if label.field == "updated")
    printed = (
        found.group()
        for pairs in groups
        if not _is_disclosure(pairs)
        for _, value in pairs
        if (found := BYLINE_TIME.search(value))
    )
    return next((day for value in (*updated, *printed) if (day := _day(value))), None)


def _day(value: str) -> date | None:
    """The first full date of a value: `2019-10-18 09:32` → 2019-10-18, `2020年03月05日` → 2020-03-05."""
    return next((e.start for e in find_dates(value, None) if e.precision == "day" and e.start), None)


def _inside_word(text: str, match: re.Match[str]) -> bool:
    """A short label glued to the Chinese word before it (`完成时间：`) is part of that word."""
    start = match.start()
    return len(label_key(match["label"])) <= SHORT_LABEL and start > 0 and CHINESE.match(text[start - 1]) is not None
