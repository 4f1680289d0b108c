"""Date expressions of Chinese work plans, dated by the conventions of docs/conventions.md.

Example: in `力争在2020 年 10 月底前完成` the expression `2020 年 10 月底前` is a
deadline of 2020-10-31 with precision month, and `十月中旬` in a 2019 text is the
period 2019-10-11 … 2019-10-20.

The Chinese forms (年/月/日, 上中下旬, 季度, 上下半年, 底/末, 前/内/起, ranges, 〇 numerals,
full-width digits, durations, 自…之日起) are a regular grammar compiled once from
`data/date_words.csv`, so a call costs microseconds. dateparser reads only the
numeric forms `2019-10-18`, `2019/10/18` and `2019.10.18`, through its custom-formats
parser: its other parsers read `10月15日` as 2010-11-15 and, even with DATE_ORDER YMD,
`2019-13-01` as 13 January, and it knows nothing of 中旬, 底前 or 〇.

Conventions: a day is itself; 底/末 is the last day of the named period; a 旬 ends on
the 10th, the 20th or the last day; a bare month, quarter, half or year with 前 ends the
day before that period begins (`2020年2月前` → 2020-01-31), a day or a 旬 with 前 ends on
itself; a period without 前 runs from its first to its last day; a year missing from the
expression is the year of the nearest earlier one (`default_year` for the first: the document's
own year); `今年`, `明年`, `去年` (`今年10月底前`, `明年上半年`) count from `this_year`, the year the
document is dated, else from the year a missing one would take.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

import cn2an
import dateparser

from normalizers.date_words import alternation, word_values, words
from normalizers.memo import TEXT_CACHE_SIZE

Kind = Literal["deadline", "period", "from", "relative"]
Precision = Literal["day", "xun", "month", "quarter", "half", "year"]

NUMERIC_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d")
DATEPARSER_SETTINGS = {"DATE_ORDER": "YMD", "STRICT_PARSING": True, "PARSERS": ["custom-formats"]}
MONTHS_PER_QUARTER = 3
MONTHS_PER_HALF = 6
MONTHS_PER_YEAR = 12
DAYS_PER_XUN = 10
LAST_XUN = 3
MAX_ANCHOR = 20
"""An event a duration counts from (`相关配套文件出台后`, `本实施方案印发`) is at most this many characters."""
MAX_EVENT = 4
"""An event a year dates without a calendar day (`2020年年审前`, `2021年换届前`) is at most this many characters."""

_SAME_WIDTH = str.maketrans(
    {**{chr(0xFF10 + d): str(d) for d in range(10)}, "○": "〇", "－": "-", "～": "~", "．": ".", "／": "/", "Ｘ": "X"}
)
"""Full-width digits and signs to ASCII, one character for one, so spans in the read text stay valid."""

_CN_DIGIT = "〇零一二三四五六七八九"
_YEAR = rf"\d{{4}}|[{_CN_DIGIT}]{{4}}"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_COUNT = r"\d{1,3}|[一二三四五六七八九十两]{1,3}"
_NUMERIC = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"
_CLAUSE_STOP = r"，。；：！？,;:\s"
_SUFFIX_GUARD = rf"(?![期容部草见\d{_CN_DIGIT}十两])"
"""A suffix character that starts a word is not a suffix: 前期, 前三季度, 内容, 内部, 起草, 起见."""
_BARE_YEAR_END_BLOCKERS = "年明次去后每"
"""A 年底 without a year after these (每年年底, 明年年底, 次年年底) is not the default year's end."""


def _point(p: str) -> str:
    """One date or period; `p` prefixes the group names so a range can hold two."""
    return (
        rf"(?:(?P<{p}numeric>{_NUMERIC})"
        rf"|(?:(?P<{p}year>{_YEAR})\s*年\s*|(?P<{p}relative_year>{alternation('relative_year')})\s*)?"
        rf"(?:(?P<{p}month>{_MONTH})\s*月\s*)?"
        rf"(?:(?P<{p}day>{_DAY})\s*[日号]|(?P<{p}xun>{alternation('xun')})"
        rf"|(?P<{p}quarter>{alternation('quarter')})|(?P<{p}half>{alternation('half')}))?"
        rf"(?P<{p}end>{alternation('year_end')}|{alternation('period_end')})?)"
    )


_A_START = (
    rf"(?=(?:{_NUMERIC}|(?:{_YEAR})\s*年|{alternation('relative_year')}|(?:{_MONTH})\s*月|{alternation('quarter')}|{alternation('half')}"
    rf"|{alternation('year_end')}))"
)
_B_START = (
    rf"(?=(?:{_NUMERIC}|(?:{_YEAR})\s*年|{alternation('relative_year')}|(?:{_MONTH})\s*月|(?:{_DAY})\s*[日号]|{alternation('xun')}"
    rf"|{alternation('quarter')}|{alternation('half')}))"
)
_SUFFIX = rf"{alternation('before')}|{alternation('within')}|{alternation('from_suffix')}"
_DURATION = rf"(?<!\d)(?:{_COUNT})\s*个?\s*(?:{alternation('duration_unit')})\s*(?:{alternation('within')})"

_EXPRESSION = re.compile(
    # 2020年年审前: a year and an event, no calendar date
    rf"(?P<event>(?<!\d)(?P<event_year>{_YEAR})\s*年\s*"
    rf"(?!{alternation('year_end')}|{alternation('period_end')}|{alternation('half')}|第|[\d{_CN_DIGIT}十])"
    rf"(?:(?![前内])[\u4e00-\u9fff]){{1,{MAX_EVENT}}}?(?:{alternation('before')}))"
    # 自2018年起, 2020年10月中旬前, 2019年11月-2020年10月
    rf"|(?P<calendar>(?:(?P<from_prefix>{alternation('from_prefix')})\s*)?(?<!\d){_A_START}{_point('a_')}"
    rf"(?:\s*(?P<range>{alternation('range')})\s*{_B_START}{_point('b_')})?"
    rf"(?:\s*(?P<suffix>{_SUFFIX}){_SUFFIX_GUARD})?)"
    # 自本实施方案印发之日起
    rf"|(?P<since>(?:{alternation('from_prefix')})[^{_CLAUSE_STOP}]{{1,{MAX_ANCHOR}}}?(?:{alternation('since_day')})"
    rf"(?:\s*{_DURATION})?)"
    # 10个工作日内, 两个月内 (an event before it, 本方案印发后, is added by _with_anchor)
    rf"|(?P<duration>{_DURATION})"
)
_ANCHOR = re.compile(rf"[^{_CLAUSE_STOP}\d在于]{{1,{MAX_ANCHOR}}}?(?:{alternation('after')})$")
"""The event a duration counts from, right before it: `本方案印发后` of `本方案印发后两个月内`."""
_PLACEHOLDER_YEAR = re.compile(rf"(?:{alternation('placeholder')})+\s*年\s*$")


@dataclass(frozen=True)
class DateExpression:
    """A date expression as printed, with its window, precision and kind.

    Example: `2020 年 2 月前` → start None, deadline 2020-01-31, precision `month`,
    kind `deadline`. `year` is the calendar year it names, printed or inherited, which
    is the default for the next expression without a year, unless it is `relative`: a year
    read from `今年`/`明年`/`去年` dates its own expression only (`明年一季度…10月31日前`: the
    October is of the printed year, not of 明年).
    """

    text: str
    start: date | None
    deadline: date | None
    precision: Precision | None
    kind: Kind
    span: tuple[int, int]
    year: int | None = None
    relative: bool = False

    @property
    def anchor_year(self) -> int | None:
        """The year a later expression without one takes from this one: printed or inherited, never relative."""
        return None if self.relative else self.year


@dataclass(frozen=True)
class _Window:
    """The first and last day of a named period."""

    first: date
    last: date


@dataclass(frozen=True)
class _Point:
    """The parts of one matched date, numbers already read: `10月中旬` → month 10, xun 2."""

    numeric: date | None
    year: int | None
    month: int | None
    day: int | None
    xun: int | None
    quarter: int | None
    half: int | None
    end: str | None
    relative: bool = False
    """The year is a word read against the document's year: `今年`, `明年`."""

    @property
    def is_bare(self) -> bool:
        """Only a year (or nothing): `2020年`, `2020年底`."""
        return (self.month, self.day, self.xun, self.quarter, self.half) == (None,) * 5


def find_dates(text: str, default_year: int | None, this_year: int | None = None) -> list[DateExpression]:
    """Every date expression in `text`, in order; a missing year is the previous one's, first `default_year`.

    `今年`, `明年`, `去年` are read against `this_year` (the year the document is dated), else against
    the year a missing one would take. Example: `find_dates("10月15日—20日", 2019)` → one period
    2019-10-15 … 2019-10-20; `find_dates("明年6月底前", None, 2020)` → a deadline 2021-06-30.
    """
    return list(_found_dates(text, default_year, this_year))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _found_dates(text: str, default_year: int | None, this_year: int | None) -> tuple[DateExpression, ...]:
    """`find_dates`, remembered: the page, signature and milestone readers read the same lines."""
    same_width = text.translate(_SAME_WIDTH)
    found: list[DateExpression] = []
    year = default_year
    for match in _EXPRESSION.finditer(same_width):
        reference = this_year if this_year is not None else year
        expression = _expression(match, text, year, found[-1].span[1] if found else 0, reference)
        if expression is not None:
            found.append(expression)
            year = expression.anchor_year if expression.anchor_year is not None else year
    return tuple(found)


def parse_full_date(text: str) -> date | None:
    """The day of a text that is one full printed date, else None: `二〇二〇年六月十六日` → 2020-06-16."""
    stripped = text.strip()
    found = find_dates(stripped, None)
    if len(found) != 1:
        return None
    only = found[0]
    whole = only.span == (0, len(stripped))
    return only.start if whole and only.precision == "day" and only.kind == "period" else None


def _expression(
    match: re.Match[str], text: str, year: int | None, floor: int, this_year: int | None
) -> DateExpression | None:
    """The expression of a match; `floor` is where the previous one ended, which a duration's event may not cross."""
    begin, end = _trimmed(match, text)
    printed = text[begin:end]
    if match["event"]:
        return DateExpression(printed, None, None, None, "relative", (begin, end), _number(match["event_year"]))
    if match["duration"]:
        begin = _with_anchor(match.string, begin, floor)
        return DateExpression(text[begin:end], None, None, None, "relative", (begin, end), None)
    if match["since"]:
        return DateExpression(printed, None, None, None, "relative", (begin, end), None)
    return _calendar(match, text, (begin, end), year, this_year)


def _calendar(
    match: re.Match[str], text: str, span: tuple[int, int], year: int | None, this_year: int | None
) -> DateExpression | None:
    suffix = match["suffix"]
    printed = text[span[0] : span[1]]
    try:
        first = _parts(match, "a_", this_year)
        first_year = first.numeric.year if first.numeric else first.year if first.year is not None or first.relative else year
        second = _inherit(_parts(match, "b_", this_year), first, first_year) if match["range"] else None
        if not _is_valid(first, second, suffix, match.string, span[0]):
            return None
        if second is None:
            expression = _single(first, first_year, suffix, bool(match["from_prefix"]), printed, span)
        else:
            expression = _range(first, second, first_year, suffix, printed, span)
        return replace(expression, relative=first.relative or (second is not None and second.relative))
    except ValueError:  # 2月30日, 2019-13-01
        return None


def _single(
    point: _Point, year: int | None, suffix: str | None, from_prefix: bool, printed: str, span: tuple[int, int]
) -> DateExpression:
    precision = _precision(point)
    window = _window(point, year)
    first, last = (window.first, window.last) if window else (None, None)
    if from_prefix or suffix in words("from_suffix"):
        return DateExpression(printed, first, None, precision, "from", span, year)
    if point.end is None and suffix is None:
        return DateExpression(printed, first, last, precision, "period", span, year)
    return DateExpression(printed, None, _deadline(point, year, suffix), precision, "deadline", span, year)


def _range(
    first: _Point, second: _Point, year: int | None, suffix: str | None, printed: str, span: tuple[int, int]
) -> DateExpression:
    start_window = _window(first, year)
    start = start_window.first if start_window else None
    deadline = _deadline(second, second.year, suffix)
    if start is not None and deadline is not None and deadline < start:
        raise ValueError(f"range ends before it starts: {printed}")
    return DateExpression(printed, start, deadline, _precision(second), "period", span, second.year)


def _deadline(point: _Point, year: int | None, suffix: str | None) -> date | None:
    """The last allowed day: the window's last, or the day before it for 前 after a bare month, quarter, half, year."""
    window = _window(point, year)
    if window is None:
        return None
    before_begins = suffix in words("before") and point.end is None and _precision(point) not in ("day", "xun")
    return window.first - timedelta(days=1) if before_begins else window.last


def _window(point: _Point, year: int | None) -> _Window | None:
    """First and last day of the period a point names, or None when its year is unknown."""
    if point.numeric is not None:
        return _Window(point.numeric, point.numeric)
    if year is None:
        return None
    if point.month is not None:
        return _in_month(year, point.month, point.day, point.xun)
    if point.quarter is not None:
        return _months(year, MONTHS_PER_QUARTER * (point.quarter - 1) + 1, MONTHS_PER_QUARTER)
    if point.half is not None:
        return _months(year, MONTHS_PER_HALF * (point.half - 1) + 1, MONTHS_PER_HALF)
    return _months(year, 1, MONTHS_PER_YEAR)


def _in_month(year: int, month: int, day: int | None, xun: int | None) -> _Window:
    """A day, a 旬 (1–10, 11–20, 21–end) or the whole month."""
    if day is not None:
        return _Window(date(year, month, day), date(year, month, day))
    if xun is not None:
        first = date(year, month, 1 + DAYS_PER_XUN * (xun - 1))
        last = _month_end(year, month) if xun == LAST_XUN else first + timedelta(days=DAYS_PER_XUN - 1)
        return _Window(first, last)
    return _months(year, month, 1)


def _months(year: int, first_month: int, count: int) -> _Window:
    return _Window(date(year, first_month, 1), _month_end(year, first_month + count - 1))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _precision(point: _Point) -> Precision:
    if point.numeric is not None or point.day is not None:
        return "day"
    if point.xun is not None:
        return "xun"
    if point.month is not None:
        return "month"
    if point.quarter is not None:
        return "quarter"
    if point.half is not None:
        return "half"
    return "year"


def _inherit(second: _Point, first: _Point, year: int | None) -> _Point:
    """The end of a range takes what it leaves out from its start: `10月15日—20日`, `2019年11月至2月` (2020)."""
    if second.year is not None or second.numeric is not None or second.relative:
        return second
    names_months = second.month is not None or second.quarter is not None or second.half is not None
    month = second.month if names_months else first.month
    later_year = first.month is not None and month is not None and month < first.month
    return replace(second, year=None if year is None else year + later_year, month=month)


def _is_valid(first: _Point, second: _Point | None, suffix: str | None, text: str, begin: int) -> bool:
    """Reject combinations the grammar lets through: `10月年底`, `15日底`, a bare `10月`, a placeholder year."""
    if not all(_is_whole(point) for point in (first, second) if point is not None):
        return False
    if first.relative and first.is_bare:
        return first.end is not None or suffix in (*words("before"), *words("within"))
    if first.numeric is not None or first.year is not None or first.relative:
        return True
    if _PLACEHOLDER_YEAR.search(text[:begin]):
        return False
    if first.is_bare:
        return first.end in words("year_end") and (begin == 0 or text[begin - 1] not in _BARE_YEAR_END_BLOCKERS)
    return any(v is not None for v in (first.day, first.xun, first.end, suffix, second))


def _is_whole(point: _Point) -> bool:
    if (point.day is not None or point.xun is not None) and point.month is None:
        return False
    if point.end is not None and (point.day is not None or point.xun is not None):
        return False
    if point.end in words("year_end") and not point.is_bare:
        return False
    return not (point.month is not None and (point.quarter is not None or point.half is not None))


def _parts(match: re.Match[str], p: str, this_year: int | None) -> _Point:
    def number(name: str) -> int | None:
        value = match[p + name]
        return None if value is None else _number(value)

    numeric = match[p + "numeric"]
    relative = match[p + "relative_year"]
    offset = None if relative is None else int(word_values("relative_year")[relative])
    return _Point(
        numeric=_numeric_date(numeric) if numeric else None,
        year=this_year + offset if offset is not None and this_year is not None else number("year"),
        month=number("month"),
        day=number("day"),
        xun=_word_number("xun", match[p + "xun"]),
        quarter=_word_number("quarter", match[p + "quarter"]),
        half=_word_number("half", match[p + "half"]),
        end=match[p + "end"],
        relative=relative is not None,
    )


def _word_number(role: str, word: str | None) -> int | None:
    return None if word is None else int(word_values(role)[word])


def _number(text: str) -> int:
    """Arabic or Chinese numerals: `2019`, `二〇一九`, `三十一`."""
    return int(text) if text.isascii() else int(cn2an.cn2an(text, "smart"))


def _numeric_date(text: str) -> date:
    parsed = dateparser.parse(text, date_formats=list(NUMERIC_FORMATS), languages=["en"], settings=DATEPARSER_SETTINGS)
    if parsed is None:
        raise ValueError(f"not a date: {text}")
    return parsed.date()


def _with_anchor(text: str, begin: int, floor: int) -> int:
    """Where a duration begins once the event it counts from is included: `本方案印发后两个月内`."""
    anchor = _ANCHOR.search(text, max(floor, begin - MAX_ANCHOR - 2), begin)
    return anchor.start() if anchor else begin


def _trimmed(match: re.Match[str], text: str) -> tuple[int, int]:
    begin, end = match.span()
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end
