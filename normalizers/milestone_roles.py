"""What part of the reform a dated step plays, from the words printed nearest to its date.

Example: in `2019年10月底前启动，2020年底前全面完成脱钩任务` the first date is the `start` and the
second the `finish` (the deadline of the whole reform); `2020年3月底前开展第一批试点` is a `phase`,
`2021年上半年组织检查验收` a `review`. The words and their roles are `milestone_roles.csv`.
"""

from __future__ import annotations

from functools import cache

from normalizers.vocabulary import read_table

ROLES = ("start", "phase", "finish", "review", "other")
OTHER = "other"
"""The role of a step whose sentence holds none of the words."""


@cache
def _role_words() -> tuple[tuple[str, str], ...]:
    """(word, role) pairs, longest word first, so `完成脱钩任务` is read before a shorter word inside it."""
    rows = read_table("milestone_roles.csv")
    return tuple(sorted(((row["word"], row["role"]) for row in rows), key=lambda pair: -len(pair[0])))


def milestone_role(sentence: str, span: tuple[int, int]) -> str:
    """The role of the word nearest to the date at `span` in the sentence, `other` when none is printed.

    Distance is counted in characters between the word and the date, either side; of two words at one
    distance the one after the date wins, as the task usually follows its date (`…前完成…`).
    """
    begin, end = span
    best: tuple[int, int, str] | None = None
    taken: list[tuple[int, int]] = []
    for word, role in _role_words():
        start = sentence.find(word)
        while start >= 0:
            stop = start + len(word)
            inside_longer = any(a <= start and stop <= b for a, b in taken)
            if not inside_longer and not (begin <= start < end):
                taken.append((start, stop))
                distance, side = (start - end, 0) if start >= end else (begin - stop, 1)
                if best is None or (distance, side) < best[:2]:
                    best = (distance, side, role)
            start = sentence.find(word, start + 1)
    return best[2] if best else OTHER
