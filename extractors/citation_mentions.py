"""Mentions of other documents in one text: a 《title》, a 发文字号, or both, with any short name defined for them.

Example: `根据《关于…的通知》（中办发〔2015〕39号，以下简称《总体方案》）要求` is one mention with title,
number and short name; `中办发〔2015〕39号《…总体方案》` pairs the number with the title after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from normalizers.document_numbers import DocumentNumber, find_numbers

_TITLE = re.compile(r"《(?P<title>(?:[^《》\n。；]|《[^《》\n。；]*》)+)》")
"""A title in 《》, one level of inner 《》 allowed; a sentence end inside means an unclosed 《, not a title."""

_SHORT_NAME = re.compile(
    r"(?:以下简称|以下称|简称)\s*[:：]?\s*"
    r"(?:[《“\"「『](?P<quoted>[^《》“”\"「」『』，,。；;（）()]+)[》”\"」』]"
    r"|(?P<bare>[^《》“”\"，,。；;（）()、\s]+?)(?=[）)，,。；;]))"
)
"""`以下简称《总体方案》`, `以下简称"实施意见"`, `以下简称“实施意见”` or a bare `简称省方案）`."""

_NUMBER_AFTER_TITLE = re.compile(r"\s*[（(]?\s*")
"""What may stand between a title and its number: `《…》（宁发改体改〔2019〕528号）`."""

_TITLE_AFTER_NUMBER = re.compile(r"\s*(?:文件)?\s*")
"""What may stand between a number and the title it heads: `中办发〔2015〕39号《…》`."""

_SHORT_NAME_AFTER = re.compile(r"[\s（）()，,、]*")
"""What may stand between a mention and the short name defined for it: `（…39号，以下简称…）`."""


class _Kind(Enum):
    TITLE = "title"
    NUMBER = "number"
    SHORT_NAME = "short_name"


@dataclass(frozen=True)
class _Token:
    kind: _Kind
    start: int
    end: int
    value: str
    number: DocumentNumber | None = None


@dataclass(frozen=True)
class Mention:
    """One cited document as one passage prints it.

    `before` is the text between the previous mention and this one, where an issuer may be named
    (`国家发展改革委等十部门《…》`); `opens_text` is true when nothing precedes the mention in its
    text, as for the document's own number printed alone under the masthead.
    """

    title: str | None
    number: DocumentNumber | None
    short_name: str | None
    before: str
    opens_text: bool


def find_mentions(text: str) -> list[Mention]:
    """Every mention of a document in a text, in order, with numbers and short names paired to their titles."""
    tokens = _tokens(text)
    mentions: list[Mention] = []
    previous_end = 0
    i = 0
    while i < len(tokens):
        first = tokens[i]
        if first.kind is _Kind.SHORT_NAME:
            previous_end = first.end
            i += 1
            continue
        partner = _Kind.NUMBER if first.kind is _Kind.TITLE else _Kind.TITLE
        gap = _NUMBER_AFTER_TITLE if first.kind is _Kind.TITLE else _TITLE_AFTER_NUMBER
        paired = _follows(text, tokens, i, partner, gap)
        last = i + 1 if paired else i
        short = _follows(text, tokens, last, _Kind.SHORT_NAME, _SHORT_NAME_AFTER)
        last += 1 if short else 0
        pair = (first, tokens[i + 1]) if paired else (first,)
        mentions.append(
            Mention(
                title=next((t.value for t in pair if t.kind is _Kind.TITLE), None),
                number=next((t.number for t in pair if t.kind is _Kind.NUMBER), None),
                short_name=tokens[last].value if short else None,
                before=text[previous_end : first.start],
                opens_text=not text[: first.start].strip(),
            )
        )
        previous_end = tokens[last].end
        i = last + 1
    return mentions


def _follows(text: str, tokens: list[_Token], i: int, kind: _Kind, gap: re.Pattern[str]) -> bool:
    """True when the token after `i` is of `kind` and only `gap` stands between the two."""
    if i + 1 >= len(tokens) or tokens[i + 1].kind is not kind:
        return False
    return gap.fullmatch(text, tokens[i].end, tokens[i + 1].start) is not None


def _tokens(text: str) -> list[_Token]:
    """Titles, numbers and short-name definitions, leftmost first; a token inside an earlier one is dropped.

    So the `《总体方案》` of `以下简称《总体方案》` is a short name, not a title, and a number printed
    inside a title belongs to the title.
    """
    found = [_Token(_Kind.SHORT_NAME, m.start(), m.end(), m["quoted"] or m["bare"]) for m in _SHORT_NAME.finditer(text)]
    found += [_Token(_Kind.TITLE, m.start(), m.end(), m["title"]) for m in _TITLE.finditer(text)]
    found += [_Token(_Kind.NUMBER, n.start, n.end, n.text, n) for n in find_numbers(text)]
    kept: list[_Token] = []
    for token in sorted(found, key=lambda t: (t.start, -t.end)):
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return kept
