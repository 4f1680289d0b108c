"""Milestones: the dated steps, deadlines, periods and starts of a document's running text.

Example: `2020年7月31日前，各主管单位将《脱钩方案》报市民政局。` is a deadline of 2020-07-31
with the task `各主管单位将《脱钩方案》报市民政局`. Not milestones: the document's own dates
(a line holding only a date, the signature's `某市民政局2020年3月2日（此件公开发布）` however a reader joins
its lines, `…2018年11月6日印发`, a page's byline `发布时间：…　来源：…`, a news
dateline `本报讯（记者 王明）3月5日上午，…`, `3月5日电`), dates in table cells or inside a cited
title, and durations inside a prohibition (`退（离）休后三年内一般不得…`), which are rules of
conduct rather than steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from extractors.milestone_tasks import in_brackets, task_of
from extractors.page_info import is_info_line
from extractors.signature import is_signature_date
from extractors.sentences import (
    Sentence,
    clause_end,
    clause_start,
    split_sentences,
    text_lines,
    trim,
    without_list_number,
)
from normalizers.chinese import without_white_space
from normalizers.date_words import MILESTONE_WORDS, words
from normalizers.dates import DateExpression, Kind, Precision, find_dates
from normalizers.milestone_roles import milestone_role
from readers.model import Document

DATELINE_ENDS = "，,。；;"
"""The dateline's date stands in the report's first clause: `本报讯（记者 王明）3月5日上午，…`."""
CHINESE = re.compile(r"[\u4e00-\u9fff]")
"""`3月5日电` is a dateline, the `电` of `3月5日电视电话会议` opens a word."""
TITLE_OPEN = "《"
TITLE_CLOSE = "》"


@dataclass(frozen=True)
class Milestone:
    """One row of milestones.parquet without its keys: `Milestone("2020年9月底前", None, date(2020, 9, 30), …)`."""

    date_text: str
    start: date | None
    deadline: date | None
    precision: Precision | None
    kind: Kind
    task: str | None
    sentence: str
    page: int | None
    role: str


@dataclass(frozen=True)
class _Dated:
    """A sentence and the milestone expressions in it (positions relative to the sentence)."""

    sentence: Sentence
    expressions: tuple[DateExpression, ...]


def extract_milestones(document: Document, title: str | None = None, own_date: date | None = None) -> list[Milestone]:
    """The milestones of a document in reading order; a year left out is the nearest earlier printed one's.

    The lines of the document's own `title` date nothing (`关于做好2020年全省…工作的通知`). `own_date`
    (the page's publication date, else the 成文日期) gives the year of `9月底前` when no full date
    precedes it, and the year `今年`, `明年` and `去年` are read against.
    """
    dated = _dated_sentences(document, without_white_space(title or ""), own_date.year if own_date else None)
    milestones: list[Milestone] = []
    for index, item in enumerate(dated):
        text = item.sentence.text
        for number, expression in enumerate(item.expressions):
            following = item.expressions[number + 1 :]
            stop = clause_start(text, following[0].span[0]) if following else len(text)
            task = task_of(text, expression.span, max(stop, expression.span[1]))
            sentence = text
            role = _role(text, expression.span, max(stop, expression.span[1]))
            if task is None:
                annotation = in_brackets(text, expression.span)
                task, sentence = _neighbour_task(dated, index, annotation)
                role = milestone_role(sentence, _span_in(sentence, text, expression.span, annotation))
            milestones.append(_milestone(expression, task, sentence, item.sentence.line.page, role))
    return milestones


def _neighbour_task(dated: list[_Dated], index: int, annotation: bool) -> tuple[str | None, str]:
    """Task and sentence borrowed from a neighbour when a sentence holds only its date.

    The next sentence says what is due (`1. 2020 年 2 月前。各协会要完成一半任务。`); for a
    bracketed annotation (`完成摸底。（完成时限：2020年9月底前）`) the previous one does.
    """
    text = dated[index].sentence.text
    neighbour = index - 1 if annotation else index + 1
    if not 0 <= neighbour < len(dated):
        return None, text
    other = dated[neighbour].sentence.text
    joined = f"{other}{text}" if annotation else f"{text}{other}"
    return trim(without_list_number(other)) or None, joined


def _role(sentence: str, span: tuple[int, int], stop: int) -> str:
    """The role from the words of the date's own part of the sentence: from its clause to `stop` (the next
    date's clause), so `2019年10月底前启动，2020年底前全部完成` gives `start` and then `finish`."""
    begin = clause_start(sentence, span[0])
    return milestone_role(sentence[begin:stop], (span[0] - begin, span[1] - begin))


def _span_in(joined: str, own: str, span: tuple[int, int], annotation: bool) -> tuple[int, int]:
    """The date's span in its sentence joined with a neighbour: after the neighbour for an annotation."""
    shift = len(joined) - len(own) if annotation else 0
    return span[0] + shift, span[1] + shift


def _dated_sentences(document: Document, title: str, own_year: int | None) -> list[_Dated]:
    """Every sentence of the running text with its milestone expressions, years carried forward."""
    dated: list[_Dated] = []
    year = own_year
    for line in text_lines(document):
        if is_info_line(line.text.strip()):
            continue
        expressions = find_dates(line.text, year, own_year)
        year = next((e.anchor_year for e in reversed(expressions) if e.anchor_year is not None), year)
        in_title = bool(title) and without_white_space(line.text) in title
        steps = [] if in_title else [e for e in expressions if not _is_own_date(line.text, e)]
        for sentence in split_sentences(line):
            inside = _in_sentence(steps, sentence)
            dated.append(_Dated(sentence, tuple(e for e in inside if _is_step(sentence.text, e))))
    return dated


def _in_sentence(expressions: list[DateExpression], sentence: Sentence) -> list[DateExpression]:
    """The expressions printed in a sentence, their spans made relative to it."""
    begin, end = sentence.offset, sentence.offset + len(sentence.text)
    return [
        replace(e, span=(e.span[0] - begin, e.span[1] - begin))
        for e in expressions
        if begin <= e.span[0] and e.span[1] <= end
    ]


def _is_own_date(line: str, expression: DateExpression) -> bool:
    """The document's own date: on a signature line (成文日期), before `印发` (版记), after `发布时间：`, a dateline."""
    if is_signature_date(line):
        return True
    begin, end = expression.span
    before, after = trim(line[:begin]), trim(line[end:])
    if expression.kind == "period" and not before and not after:
        return True
    if after.rstrip("）)") in words("own_date_suffix", MILESTONE_WORDS):
        return True
    return before.endswith(words("own_date_label", MILESTONE_WORDS)) or _is_dateline(before, line[end:])


def _is_dateline(before: str, after: str) -> bool:
    """A news dateline: `3月5日讯`, `北京3月5日电`, or the first date after `本报讯（记者 王明）`."""
    following = after.lstrip()
    suffix = next((w for w in words("dateline_suffix", MILESTONE_WORDS) if following.startswith(w)), None)
    if suffix is not None and not CHINESE.match(following[len(suffix) : len(suffix) + 1]):
        return True
    opened = before.startswith(words("dateline_opener", MILESTONE_WORDS))
    return opened and not any(mark in before for mark in DATELINE_ENDS)


def _is_step(sentence: str, expression: DateExpression) -> bool:
    """Not inside a cited title (`《2019年工作要点》`) and, for a duration, not inside a prohibition."""
    opened = sentence[: expression.span[0]]
    if opened.count(TITLE_OPEN) > opened.count(TITLE_CLOSE):
        return False
    if expression.kind != "relative":
        return True
    begin, end = expression.span
    clause = sentence[clause_start(sentence, begin) : clause_end(sentence, end)]
    return not any(marker in clause for marker in words("rule_marker", MILESTONE_WORDS))


def _milestone(expression: DateExpression, task: str | None, sentence: str, page: int | None, role: str) -> Milestone:
    return Milestone(
        date_text=expression.text,
        start=expression.start,
        deadline=expression.deadline,
        precision=expression.precision,
        kind=expression.kind,
        task=task,
        sentence=sentence,
        page=page,
        role=role,
    )

