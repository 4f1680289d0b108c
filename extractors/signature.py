"""The signature (发文机关署名) and the 成文日期 below it.

GB/T 9704-2012 (7.3.5) prints the issuers' names, then the date the document was made, above the
附注 and the attachments; the 版记's `2018年11月6日印发` is the printing date, and a date inside a
sentence or after `发布时间：` on a web page is not the 成文日期. A date line is a whole line:
`2019年10月15日`, `二〇二〇年六月十六日`, `２０１９年１０月１５日`, or names and date together, in either
order and with the 附注 beside them when a reader joins the signature block into one line
(`某市民政局2020年3月2日（此件公开发布）`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from extractors.issuers import issuer_names
from extractors.lines import Line, follows
from extractors.publication import split_publication
from normalizers.dates import parse_full_date

NUMERAL = "0-9０-９〇○零一二三四五六七八九十"
"""Digits of printed dates: half- and full-width, Chinese numerals, and the circle typesetters use for zero (`二○二○年`)."""
DATE = rf"[{NUMERAL}]{{2,4}}\s*年\s*[{NUMERAL}]{{1,3}}\s*月\s*[{NUMERAL}]{{1,3}}\s*日"
DATE_LINE = re.compile(rf"(?P<before>.*?)\s*(?P<date>{DATE})\s*(?P<after>.*)")
"""A line with a full date and nothing else but (optionally) the signers' names before or after it."""


@dataclass(frozen=True)
class Signature:
    """The signers' names as printed, the 成文日期, and the printed lines, which also name the issuers' place."""

    issuers: tuple[str, ...]
    issue_date: date
    lines: tuple[str, ...]


@dataclass(frozen=True)
class _DateLine:
    """A whole-line date at `index`, with the names printed beside it on the same line (`兰考县民政局　2020年6月16日`)."""

    index: int
    names: tuple[str, ...]
    day: date


def find_signature(lines: Sequence[Line]) -> Signature | None:
    """The first date line under a signature, else the first date line, with the names printed above it.

    Example: [`宁夏回族自治区工业和信息化厅`, `2019年10月15日`, `（此件公开发布）`] → that name and 2019-10-15;
    `中共罗庄区委办公室　2018年11月6日印发` is a printing date and no date line.
    """
    dated = [found for index, line in enumerate(lines) if (found := _date_line(index, line.text))]
    if not dated:
        return None
    candidates = [(found, _names_above(lines, found.index)) for found in dated]
    found, above = next(((f, names) for f, names in candidates if names or f.names), candidates[0])
    printed = tuple(line.text for line in lines[found.index - len(above) : found.index + 1])
    return Signature(tuple(name for names in above for name in names) + found.names, found.day, printed)


def is_signature_date(line: str) -> bool:
    """Whether a line is a 成文日期 line: a full date with at most the signers' names and the 附注 beside it.

    Example: `2020年3月2日`, `某市民政局2020年3月2日（此件公开发布）`, `2020年3月2日 某市民政局` → True;
    `2020年3月2日前完成。`, `某市民政局　2020年3月2日印发` → False.
    """
    return _date_line(0, line) is not None


def _date_line(index: int, text: str) -> _DateLine | None:
    """A whole-line date, with the names printed beside it; None for other lines and impossible dates."""
    match = DATE_LINE.fullmatch(split_publication(text.strip())[0])
    if match is None:
        return None
    found = [issuer_names(match[side]) if match[side] else () for side in ("before", "after")]
    day = parse_full_date(match["date"])
    if day is None or None in found:
        return None
    return _DateLine(index, tuple(name for names in found if names for name in names), day)


def _names_above(lines: Sequence[Line], index: int) -> list[tuple[str, ...]]:
    """The lines of names printed right above a date line, top first: `中共罗庄区委` / `罗庄区人民政府`."""
    above: list[tuple[str, ...]] = []
    while index > 0 and follows(lines[index - 1], lines[index]):
        names = issuer_names(lines[index - 1].text)
        if names is None:
            break
        above.insert(0, names)
        index -= 1
    return above
