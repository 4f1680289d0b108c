"""What a dated step asks for: the clause around a date expression, without the expression.

Example: in `力争在2020年10月底前完成脱钩任务。` the task of `2020年10月底前` is `完成脱钩任务`;
in `（一）全面启动（2019 年 10 月）。` the period in brackets dates the phase `全面启动`.
"""

from __future__ import annotations

from extractors.sentences import CLOSING_BRACKETS, bracket_depth, clause_start, trim, without_list_number
from normalizers.date_words import DATE_WORDS, MILESTONE_WORDS, words

LABEL_COLONS = "：:"


def task_of(sentence: str, span: tuple[int, int], stop: int) -> str | None:
    """The task a date expression dates in a sentence, or None when the sentence holds only the date.

    `stop` is where the task must end at the latest: the clause of the next date
    expression of the same sentence, or the sentence's end. A date in brackets dates
    what stands before them: `全面启动（2019年10月）`, `完成摸底（完成时限：2020年9月底前）`; a date
    that is all a label's value dates the label: `公示时间：2019年9月2日至9月6日。` → `公示时间`.
    """
    begin, end = span
    opening = _enclosing_bracket(sentence, begin, end)
    if opening is not None:
        return _before_bracket(sentence, opening)
    label = _label_of(sentence, span, stop)
    if label is not None:
        return label
    clause = clause_start(sentence, begin)
    before = sentence[clause:begin]
    before = without_list_number(before) if clause == 0 else before
    task = _strip_leads(trim(_strip_trailing_leads(before.rstrip()) + sentence[end:stop]))
    return task or None


def in_brackets(sentence: str, span: tuple[int, int]) -> bool:
    """Whether a date stands inside brackets, as in the annotation `（责任单位：…，完成时限：2020年9月底前）`."""
    return _enclosing_bracket(sentence, *span) is not None


def _enclosing_bracket(sentence: str, begin: int, end: int) -> int | None:
    """Where the bracket around a date opens, when it also closes after the date; else None."""
    openings: list[int] = []
    depth = 0
    for position, character in enumerate(sentence[:begin]):
        new_depth = bracket_depth(depth, character)
        if new_depth > depth:
            openings.append(position)
        elif new_depth < depth:
            openings.pop()
        depth = new_depth
    closes = any(character in CLOSING_BRACKETS for character in sentence[end:])
    return openings[-1] if openings and closes else None


def _label_of(sentence: str, span: tuple[int, int], stop: int) -> str | None:
    """The label a date is the value of (`公示期：自2019年9月2日至9月6日止`), or None.

    The date stands right after the label's colon, at most after `自`, and nothing but a word
    closing the period (`止`) follows it before `stop`.
    """
    begin, end = span
    colon = clause_start(sentence, begin) - 1
    if colon < 0 or sentence[colon] not in LABEL_COLONS:
        return None
    if _without_words(trim(sentence[colon + 1 : begin]), words("from_prefix", DATE_WORDS)):
        return None
    if _without_words(trim(sentence[end:stop]), words("period_close", MILESTONE_WORDS)):
        return None
    label = sentence[clause_start(sentence, colon) : colon]
    return trim(without_list_number(label)) or None


def _without_words(text: str, vocabulary: tuple[str, ...]) -> str:
    """The text once one of the words is taken off it: `止` → ``, `自` → ``, `完成脱钩` stays."""
    return "" if text in vocabulary else text


def _before_bracket(sentence: str, opening: int) -> str | None:
    """The clause before a bracket, without its list number: `（一）全面启动（` → `全面启动`."""
    clause = clause_start(sentence, opening)
    name = sentence[clause:opening]
    return trim(without_list_number(name) if clause == 0 else name) or None


def _strip_trailing_leads(text: str) -> str:
    """Drop the words tying a date to the clause before it: `我市拟于` → `我市拟`."""
    for lead in words("task_lead", MILESTONE_WORDS):
        if text.endswith(lead):
            return text[: -len(lead)]
    return text


def _strip_leads(text: str) -> str:
    """Drop the words opening a task, repeatedly: `力争在完成` → `完成`."""
    stripped = True
    while stripped:
        stripped = False
        for lead in words("task_lead", MILESTONE_WORDS):
            if text.startswith(lead):
                text, stripped = trim(text[len(lead) :]), True
                break
    return text
