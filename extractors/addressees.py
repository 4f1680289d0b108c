"""The recipients' lines (主送机关, and the 版记's 抄送): they name the bodies a document goes to, not its issuer.

GB/T 9704-2012 (7.3.2) prints the 主送机关 after the title as one line ending in a colon:
`各市、州、县人民政府，省政府各部门：`, `芙蓉区、天心区人民政府，市直各单位：`; a long list wraps over
lines ending in `，` or `、`. The 版记 prints `抄送：…` and `主送：…`. The places such lines name are
the recipients', so the document's place is never taken from them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.lines import Line
from normalizers.metadata_vocabulary import issuer_endings, recipient_endings, recipient_labels

COLON = "：:"
CONTINUED = "，,、"
"""A wrapped list of recipients breaks after a comma or a 顿号."""
SENTENCE = re.compile(r"[。！？!?；;]")
"""A sentence, even one ending in a colon (`现将有关事项通知如下：`), is no list of recipients."""
TRAILING_QUALIFIER = re.compile(r"[（(][^（）()]*[）)]$")
"""A bracketed qualifier closing a recipient: `各县（市、区）`."""
LABEL = re.compile(r"\s*[:：]")


def recipient_lines(lines: Sequence[Line]) -> set[int]:
    """Indexes of the lines that list recipients, with the lines a wrapped list began on.

    Example: [`关于…的通知`, `各市、州人民政府，`, `省直各单位：`, `现将…通知如下：`] → {1, 2}.
    """
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not _is_recipient_line(line.text):
            continue
        found.add(index)
        start = index
        while start > 0 and lines[start - 1].text.endswith(tuple(CONTINUED)) and not SENTENCE.search(lines[start - 1].text):
            start -= 1
            found.add(start)
    return found


def _is_recipient_line(text: str) -> bool:
    """A labelled line (`抄送：…`), or a line ending in a colon after a recipient (`…各有关单位：`)."""
    text = text.strip()
    if any(text.startswith(label) and LABEL.match(text, len(label)) for label in recipient_labels()):
        return True
    if not text.endswith(tuple(COLON)) or SENTENCE.search(text):
        return False
    last = TRAILING_QUALIFIER.sub("", text[:-1].rstrip())
    return last.endswith(recipient_endings()) or last.endswith(issuer_endings())
