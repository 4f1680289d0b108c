"""The publication note (附注 on 公开属性), as printed without its brackets.

GB/T 9704-2012 (7.3.7) prints the 附注 in round brackets under the date: `（此件主动公开）` → `此件主动公开`.
A bracketed line that is not a known note (`（共印200份）`) is left alone. A PDF reader may join the
right-aligned signature and the note below it into one line (`某市民政局2020年3月2日（此件公开发布）`):
the bracketed note is read there too, but never inside a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.lines import Line
from normalizers.metadata_vocabulary import publication_notes

ENCLOSED = re.compile(r"[（(【\[]\s*(?P<inner>.*?)\s*[）)】\]]")
WHITE_SPACE = re.compile(r"\s+")
CLOSING_STOP = "。."
SENTENCE_MARKS = re.compile(r"[。，,；;：:！!？?]")
"""A line with these is a sentence, and a note it mentions in brackets is not the 附注."""


def find_publication(lines: Sequence[Line]) -> str | None:
    """The first line that is a publication note, bracketed or not: `（此件公开发布）` → `此件公开发布`;
    or that prints one in brackets beside the signature: `某市民政局2020年3月2日（此件公开发布）`."""
    for line in lines:
        text = WHITE_SPACE.sub("", line.text)
        note = text.rstrip(CLOSING_STOP)
        if note in publication_notes():
            return note
        rest, note = split_publication(text)
        if note is not None and not SENTENCE_MARKS.search(rest):
            return note
    return None


def split_publication(text: str) -> tuple[str, str | None]:
    """A line without the bracketed publication note it prints, and that note (None when it prints none).

    Example: `某市民政局 2020年3月2日（此件主动公开）` → (`某市民政局 2020年3月2日`, `此件主动公开`);
    `（共印200份）` → (`（共印200份）`, None).
    """
    for enclosed in ENCLOSED.finditer(text):
        note = WHITE_SPACE.sub("", enclosed["inner"]).rstrip(CLOSING_STOP)
        if note in publication_notes():
            return (text[: enclosed.start()] + text[enclosed.end() :]).strip(), note
    return text, None
