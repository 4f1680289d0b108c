"""Mentions of other documents in one text: a 《title》, a 发文字号, or both, with any short name defined for them.

Example: `根据《关于…的通知》（中办发〔2015〕39号，以下简称《总体方案》）要求` is one mention with title,
number and short name; `中办发〔2015〕39号《…总体方案》` pairs the number with the title after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from normalizers.citation_vocabulary import ISSUES, title_verbs
from normalizers.memo import TEXT_CACHE_SIZE
from normalizers.document_numbers import (
    CLOSING,
    MAX_PREFIX_CHARS,
    OPENING,
    DocumentNumber,
    find_numbers,
    open_number_start,
)

_TITLE = re.compile(r"《(?P<title>(?:[^《》\n。；]|《[^《》\n。；]*》)+)》")
"""A title in 《》, one level of inner 《》 allowed; a sentence end inside means an unclosed 《, not a title."""

_SHORT_NAME = re.compile(
    r"(?:(?:以下|下文|下)?(?:简称|统称)|(?:以下|下文|下)称)为?\s*[:：]?\s*"
    r"(?:[《“\"「『](?P<quoted>[^《》“”\"「」『』，,。；;（）()]+)[》”\"」』]"
    r"|(?P<bare>[^《》“”\"，,。；;（）()、\s]+?)(?=[）)，,。；;]))"
)
"""`以下简称《总体方案》`, `以下简称"实施意见"`, `下称“实施意见”`, `下文简称为《方案》` or a bare `简称省方案）`."""

_NUMBER_AFTER_TITLE = re.compile(r"[\s（(\[［【〔﹝〖，,：:]*|[\s，,：:、]*[（(\[［【〔﹝〖][\s（(\[［【〔﹝〖，,：:、]*")
"""What may stand between a title and its number: `《…》（宁发改体改〔2019〕528号）`, `《…》[宁发改体改…]`,
`《…》，宁发改体改…`. A bare `、` lists another document (`《…》、宁发改体改…`), but before the bracket that
opens a number it is a typist's stray mark, alone or doubled: `《…》，、（宁发改体改…）`."""

_TITLE_AFTER_NUMBER = re.compile(rf"\s*(?:文件|文)?\s*(?:(?:{'|'.join(title_verbs(ISSUES))})的?\s*)?")
"""What may stand between a number and the title it heads: `中办发〔2015〕39号《…》`, `…39号文《…》`, or the
verb of the number that issued it: `以中办发〔2015〕39号文件印发的《…总体方案》`."""

_SHORT_NAME_AFTER = re.compile(r"[\s（）()\[\]［］【】〔〕﹝﹞，,、]*")
"""What may stand between a mention and the short name defined for it: `（…39号，以下简称…）`."""

_NUMBER_AFTER_SHORT_NAME = re.compile(r"[\s（）()\[\]［］【】〔〕﹝﹞，,、；;]*")
"""What may stand between a title's short name and its number: `《…》（以下简称《方案》，国办发〔2015〕39号）`."""


_TITLE_MARK_LOOKALIKES = re.compile(r"<<|＜＜|〈〈|«|>>|＞＞|〉〉|»")
"""Title marks as typed on keyboards or converted by web sites: `<<…>>`, `＜＜…＞＞`, `«…»`."""


_OPEN_TITLE = re.compile(r"《[^《》\n。；]{0,100}$")
"""A title opened and not closed at the end of a text, no sentence end inside: `…根据《甲省关于推进脱钩改革的`."""

_NUMBER_PARENTHESES = "（(［[【"
"""Brackets printed around a whole number after its title: `《…》（赣办字〔2019〕31号）`."""

_PREFIX_IN_PARENTHESES = re.compile(rf"[{re.escape(_NUMBER_PARENTHESES)}][\u4e00-\u9fff]{{1,{MAX_PREFIX_CHARS - 1}}}$")
"""A line ending inside a parenthesis that holds only Chinese characters so far: maybe a prefix, `…》（赣办`."""

_MENTION_SIGNS = "《<＜〈«号称"
"""A title mark or a look-alike (`standard_title_marks`), the 号 closing every number, the 称 of every short-name
phrase: a text without any of them (most cells) holds no mention."""

_RUN_ON_TAIL = frozenset(OPENING + CLOSING + "》号")
_RUN_ON_HEAD = frozenset(OPENING + CLOSING + "号第年《")
"""Characters at a line's end or the next line's start where a citation may be broken."""


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


_GAPS = {
    (_Kind.TITLE, _Kind.NUMBER): _NUMBER_AFTER_TITLE,
    (_Kind.NUMBER, _Kind.TITLE): _TITLE_AFTER_NUMBER,
    (_Kind.TITLE, _Kind.SHORT_NAME): _SHORT_NAME_AFTER,
    (_Kind.NUMBER, _Kind.SHORT_NAME): _SHORT_NAME_AFTER,
    (_Kind.SHORT_NAME, _Kind.NUMBER): _NUMBER_AFTER_SHORT_NAME,
}
"""What may stand between two tokens of one mention, by their kinds."""


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
    start: int = 0
    """Where the mention begins in the text with its title marks made standard (`standard_title_marks`)."""


def find_mentions(text: str) -> list[Mention]:
    """Every mention of a document in a text, in order, with numbers and short names paired to their titles.

    A title takes the number after it and the short name after either (`《…》（以下简称《方案》，国办发…）`);
    a number takes the title after it (`中办发〔2015〕39号《…》`).
    """
    return list(_mentions(text))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _mentions(text: str) -> tuple[Mention, ...]:
    """`find_mentions`, remembered per text: rosters repeat their cells, and documents their boilerplate."""
    if not any(sign in text for sign in _MENTION_SIGNS):
        return ()
    text = standard_title_marks(text)
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
        paired = _follows(text, tokens, i, partner)
        last = i + 1 if paired else i
        short = _follows(text, tokens, last, _Kind.SHORT_NAME)
        last += 1 if short else 0
        if short and first.kind is _Kind.TITLE and not paired and _follows(text, tokens, last, _Kind.NUMBER):
            last += 1
        group = tokens[i : last + 1]
        mentions.append(
            Mention(
                title=next((t.value for t in group if t.kind is _Kind.TITLE), None),
                number=next((t.number for t in group if t.kind is _Kind.NUMBER), None),
                short_name=next((t.value for t in group if t.kind is _Kind.SHORT_NAME), None),
                before=text[previous_end : first.start],
                opens_text=not text[: first.start].strip(),
                start=first.start,
            )
        )
        previous_end = tokens[last].end
        i = last + 1
    return tuple(mentions)


def _follows(text: str, tokens: list[_Token], i: int, kind: _Kind) -> bool:
    """True when the token after `i` is of `kind` and belongs to the mention of token `i`."""
    return i + 1 < len(tokens) and tokens[i + 1].kind is kind and _pairs(text, tokens[i], tokens[i + 1])


def _tokens(text: str) -> list[_Token]:
    """Titles, numbers and short-name definitions, leftmost first; a token inside an earlier one is dropped.

    So the `《总体方案》` of `以下简称《总体方案》` is a short name, not a title, and a number printed
    inside a title belongs to the title.
    """
    found = [_Token(_Kind.SHORT_NAME, m.start(), m.end(), m["quoted"] or m["bare"]) for m in _SHORT_NAME.finditer(text)]
    found += [_title_token(m) for m in _TITLE.finditer(text)]
    found += [_Token(_Kind.NUMBER, n.start, n.end, n.text, n) for n in find_numbers(text)]
    kept: list[_Token] = []
    for token in sorted(found, key=lambda t: (t.start, -t.end)):
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return kept


def _title_token(match: re.Match[str]) -> _Token:
    """A 《title》, or the number it holds when it holds nothing else: `《国办发〔2015〕39号》文件`."""
    numbers = find_numbers(match["title"])
    if len(numbers) == 1 and match["title"].strip() == match["title"][numbers[0].start : numbers[0].end]:
        return _Token(_Kind.NUMBER, match.start(), match.end(), numbers[0].text, numbers[0])
    return _Token(_Kind.TITLE, match.start(), match.end(), match["title"])


def runs_on(first: str, second: str) -> bool:
    """Whether a title, number or short name begun at the end of one text ends in the next.

    A text file or web page may break a paragraph into lines of their own: `…按照国办发〔20` / `15〕39号…`,
    or `…根据《甲办法》` / `（国办发〔2015〕39号）…`, where the title and its number are one mention.
    A number counts only when the break falls after its prefix, since a prefix read across the break
    would run on from the line before (`…办公室文件` / `某办〔2017〕15号`), or when a parenthesis opens the
    number, which bounds its prefix (`…》（赣办` / `字〔2019〕31号）`). A number or title the second
    text still leaves open runs on into a third: `…（赣办字` / `〔2019〕3` / `1号）…`, `…《甲省关于` / `推进脱钩改革的` /
    `实施意见》…`.
    """
    first, second = standard_title_marks(first), standard_title_marks(second)
    if not _may_run_on(first, second):
        return False
    boundary = len(first)
    joined = first + second
    tokens = _tokens(joined)
    if any(_opening(t, joined) < boundary < t.end for t in tokens):
        return True
    if any(a.end <= boundary <= b.start and _pairs(joined, a, b) for a, b in zip(tokens, tokens[1:])):
        return True
    number_start = open_number_start(joined)
    title = _OPEN_TITLE.search(joined)
    return (number_start is not None and number_start <= boundary) or (title is not None and title.start() < boundary)


def _may_run_on(first: str, second: str) -> bool:
    """A quick look at the two ends before tokenising them: an open 《, or a bracket, digit, 号 or 《 at the break."""
    tail, head = first.rstrip()[-1:], second.lstrip()[:1]
    unclosed = "《" in first[first.rfind("》") + 1 :]
    prefix_begun = _PREFIX_IN_PARENTHESES.search(first) is not None
    return unclosed or prefix_begun or tail.isdigit() or head.isdigit() or tail in _RUN_ON_TAIL or head in _RUN_ON_HEAD


def _pairs(text: str, first: _Token, second: _Token) -> bool:
    """Whether two neighbouring tokens belong to one mention, only their gap standing between them."""
    gap = _GAPS.get((first.kind, second.kind))
    return gap is not None and gap.fullmatch(text, first.end, second.start) is not None


def standard_title_marks(text: str) -> str:
    """The text with look-alike title marks printed as 《》: `<<甲办法>>`, or `〈甲办法〉` outside any 《》
    unless it is the inner title of a title printed without marks (`关于印发〈甲办法〉的通知`)."""
    text = _TITLE_MARK_LOOKALIKES.sub(lambda m: "《" if m[0][0] in "<＜〈«" else "》", text)
    if "〈" not in text:
        return text
    chars, depth = list(text), 0
    for i, char in enumerate(text):
        depth += {"《": 1, "》": -1}.get(char, 0)
        if char != "〈" or depth > 0:
            continue
        close = text.find("〉", i)
        inner_of_bare_title = text.startswith("的", close + 1)
        if close > 0 and "《" not in text[i:close] and "》" not in text[i:close] and not inner_of_bare_title:
            chars[i], chars[close] = "《", "》"
    return "".join(chars)


def _opening(token: _Token, text: str) -> int:
    """Where a token's own text begins: a number's after its prefix, which may hold the line before's words,
    unless a parenthesis opens the number and so bounds its prefix: `（赣办` / `字〔2019〕31号）`."""
    if token.number is None or (token.start > 0 and text[token.start - 1] in _NUMBER_PARENTHESES):
        return token.start
    return token.start + len(token.number.prefix) - 1
