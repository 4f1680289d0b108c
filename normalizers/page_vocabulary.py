"""The vocabulary of web pages around a document, typed and read once: page labels and site names.

Example: `page_labels.csv` says `发文字号` in a portal's information-disclosure table
(`索引号 | … | 发文字号 | 某政发〔2020〕3号`) labels the document number, and `发布时间`
in a byline labels the page's publication date; `site_name_endings.csv` says the
`…人民政府门户网站` part of a page's `<title>` names the site, not the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from normalizers.vocabulary import read_table

PageField = Literal["title", "doc_number", "issuers", "issue_date", "published", "updated", "none"]
LabelKind = Literal["disclosure", "byline", "byline_pair"]
_LABEL_EDGES = " \t\u3000:：[]【】〔〕"
LABEL_COLONS = ":："
"""What closes a printed label (`发布时间：`), so a text without either holds no label."""


@dataclass(frozen=True)
class PageLabel:
    """A label of a disclosure table or byline, the field its value fills, and where it is printed."""

    label: str
    field: PageField
    kind: LabelKind


def label_key(text: str) -> str:
    """A printed label as looked up: no inner white space, no colon or brackets: `【索 引 号：】` → `索引号`."""
    return "".join(text.strip(_LABEL_EDGES).split()).strip(_LABEL_EDGES)


@cache
def page_labels() -> dict[str, PageLabel]:
    """Every known label by its key (`索引号`, `发布时间`…)."""
    return {
        label_key(row["label"]): PageLabel(label_key(row["label"]), row["field"], row["kind"])  # type: ignore[arg-type]
        for row in read_table("page_labels.csv")
    }


@cache
def label_pattern() -> re.Pattern[str]:
    """A label followed by its colon, white space allowed between its characters: `索 引 号：`, `发布时间:`."""
    spelled = sorted(page_labels(), key=len, reverse=True)
    alternatives = "|".join(r"\s*".join(re.escape(ch) for ch in label) for label in spelled)
    return re.compile(rf"(?P<label>{alternatives})\s*[{LABEL_COLONS}]")


@cache
def site_name_endings() -> tuple[str, ...]:
    """Endings of a site's name in a page `<title>` (`人民政府门户网站`, `政务网`), longest first."""
    return tuple(sorted((row["ending"] for row in read_table("site_name_endings.csv")), key=len, reverse=True))
