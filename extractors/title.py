"""The title (标题) of an official document, joined from the lines it wraps over.

GB/T 9704-2012 (7.3.1) makes a title of the issuers' names, the subject (事由) and the kind of
document (文种): `中共罗庄区委　罗庄区人民政府` / `印发《关于开展…与` / `…试点县（区）` / `工作的实施方案》的通知`
is one title, complete when its brackets close and it ends in a 文种.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.issuers import issuer_names
from extractors.lines import Line, follows
from normalizers.metadata_vocabulary import document_kinds, list_kinds, title_openers

MAX_TITLE_LINES = 6
"""Issuers' names and a long subject wrap over four or five lines at most."""
MAX_TITLE_LENGTH = 150
"""Longer texts are paragraphs, not titles."""
MIN_SUBJECT_LENGTH = 2
"""A title says more than its kind: a spaced-out `通  知` heading alone is no title."""
NOT_IN_TITLE = re.compile(r"[。；;：:！!？?，,_|｜]|\s[-－–]\s")
"""Sentence punctuation never appears in a title; a line carrying it is body text. Nor do the separators
of a page's `<title>` (`标题_栏目_站点`, `站点 - 标题`), which is a headline for `extractors.headline`."""
BODY_START = re.compile(r"。|[：:]$")
"""The body begins with the addressees (`各有关部门：`) or the first sentence."""
QUALIFIER = re.compile(r"\s*[（(][^（）()]*[）)]$")
"""A closing qualifier after the kind: `…管理办法（试行）`, `…的通知（征求意见稿）`."""
BRACKET_PAIRS = ("《》", "〈〉", "（）", "()")
WHITE_SPACE = re.compile(r"\s+")
SPACE_BETWEEN_CHINESE = re.compile(r"(?<=[\u4e00-\u9fff《》〈〉（）])\s+(?=[\u4e00-\u9fff《》〈〉（）])")
"""Letter-spacing inside a title line (`实 施 方 案`) is layout, not text."""


@dataclass(frozen=True)
class Title:
    """A title on one line and the issuers printed at its start: `自治区工业和信息化厅关于…的通知` → (`自治区工业和信息化厅`,)."""

    text: str
    issuers: tuple[str, ...]


def opens_body(text: str) -> bool:
    """Whether a line belongs to the body: an addressee line or a sentence; no title follows it."""
    return BODY_START.search(text) is not None


def find_title(lines: Sequence[Line]) -> Title | None:
    """The first run of consecutive lines before the body that makes a complete title, else None.

    Example: [`关于印发《开封市…与`, `行政机关脱钩改革实施方案》的通知`] → one title; a sheet heading
    `开封市…脱钩改革名单` ends in no 文种, so a roster alone has no title.
    """
    for start, line in enumerate(lines):
        if opens_body(line.text):
            return None
        title = _title_from(lines[start : start + MAX_TITLE_LINES])
        if title is not None:
            return title
    return None


def _title_from(lines: Sequence[Line]) -> Title | None:
    """The title made of the first lines of `lines`, or None when they stop before one is complete."""
    taken: list[str] = []
    for index, line in enumerate(lines):
        if (index and not follows(lines[index - 1], line)) or NOT_IN_TITLE.search(line.text):
            return None
        taken.append(line.text)
        title = compose_title(" ".join(taken))
        if len(title.text) > MAX_TITLE_LENGTH:
            return None
        if _is_complete(title.text):
            return title
    return None


def compose_title(printed: str) -> Title:
    """The title text and its leading issuers: names one space apart, the subject's wrapping spaces gone.

    Example: `中共罗庄区委　罗庄区人民政府 印发《关于…与 行政机关…》的通知` → `中共罗庄区委 罗庄区人民政府 印发《关于…与行政机关…》的通知`;
    names printed against the subject stay so: `自治区工业和信息化厅关于…`.
    """
    text = WHITE_SPACE.sub(" ", printed).strip()
    start = _subject_start(text)
    names = issuer_names(text[:start]) if start else None
    if names is None:
        return Title(SPACE_BETWEEN_CHINESE.sub("", text), ())
    separator = " " if text[start - 1] == " " else ""
    return Title(" ".join(names) + separator + SPACE_BETWEEN_CHINESE.sub("", text[start:]), names)


def _subject_start(text: str) -> int | None:
    """Where the subject opens (`关于`, `印发`) outside 《》, or None: `自治区工业和信息化厅关于…` → 10."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "《") - (char == "》")
        if depth == 0 and text.startswith(title_openers(), index):
            return index
    return None


def _is_complete(text: str) -> bool:
    """Brackets closed and a 文种 at the end, after any qualifier such as （试行）.

    A list's kind (`…名单`) closes a title only after a 事由 (`关于…`): alone it is a roster's caption,
    a title only when the roster is the whole document (`extractors.headline.find_roster_heading`).
    """
    if not all(text.count(pair[0]) == text.count(pair[1]) for pair in BRACKET_PAIRS):
        return False
    core = QUALIFIER.sub("", text)
    kind = next((k for k in document_kinds() if core.endswith(k)), None)
    if kind is None or (kind in list_kinds() and _subject_start(core) is None):
        return False
    return len(WHITE_SPACE.sub("", core)) - len(kind) >= MIN_SUBJECT_LENGTH
