"""The publication note (附注 on 公开属性), as printed without its brackets.

GB/T 9704-2012 (7.3.7) prints the 附注 in round brackets under the date: `（此件主动公开）` → `此件主动公开`.
A bracketed line that is not a known note (`（共印200份）`) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.lines import Line
from normalizers.metadata_vocabulary import publication_notes

ENCLOSED = re.compile(r"[（(【\[]\s*(?P<inner>.*?)\s*[）)】\]]")
WHITE_SPACE = re.compile(r"\s+")
CLOSING_STOP = "。."


def find_publication(lines: Sequence[Line]) -> str | None:
    """The first line that is a publication note, bracketed or not: `（此件公开发布）` → `此件公开发布`."""
    for line in lines:
        text = WHITE_SPACE.sub("", line.text)
        enclosed = ENCLOSED.fullmatch(text)
        note = (enclosed["inner"] if enclosed else text).rstrip(CLOSING_STOP)
        if note in publication_notes():
            return note
    return None
