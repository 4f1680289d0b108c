"""The recipients' lines (主送机关, and the 版记's 抄送): they name the bodies a document goes to, not its issuer.

GB/T 9704-2012 (7.3.2) prints the 主送机关 after the title, ending in a colon:
`各市、州、县人民政府，省政府各部门：`, `芙蓉区、天心区人民政府，市直各单位：`; a long list wraps over
lines ending in `，` or `、`, and a text copy may run the first sentence on after the colon. The 版记
prints `抄送：…` and `主送：…`. The places such lines name are the recipients', so the document's
place is never taken from them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.lines import Line
from normalizers.metadata_vocabulary import issuer_endings, recipient_endings, recipient_labels

CONTINUED = ("，", ",", "、")
"""A wrapped list of recipients breaks after a comma or a 顿号."""
LIST_OPENING = "各"
"""A list of recipients mostly opens with 各 (`各市、州人民政府`), which a wrapped list's first line shows."""
SENTENCE = re.compile(r"[。！？!?；;]")
"""A sentence, even one ending in a colon (`现将有关事项通知如下：`), is no list of recipients."""
COLON = re.compile(r"[:：]")
ENUMERATED = re.compile(r"\s*(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.、．])")
"""A numbered item (`（一）市民政局：负责…`) assigns a task in the body; it lists no recipients."""
TRAILING_QUALIFIER = re.compile(r"[（(][^（）()]*[）)]$")
"""A bracketed qualifier closing a recipient: `各县（市、区）`."""


def without_recipients(lines: Sequence[Line]) -> list[str]:
    """The lines' texts with the recipients left out: whole lines, or the part before the colon.

    Example: [`各市、州人民政府，`, `省直各单位：`, `现将…通知如下。`] → [`现将…通知如下。`];
    `各有关单位：根据《…》，现通知如下。` → `根据《…》，现通知如下。`.
    """
    texts = [line.text for line in lines]
    for index, line in enumerate(lines):
        rest = _after_recipients(line.text)
        if rest is None:
            continue
        texts[index] = rest
        start = index
        while start > 0 and _wrapped_list(lines[start - 1].text):
            start -= 1
            texts[start] = ""
    return [text for text in texts if text]


def _after_recipients(text: str) -> str | None:
    """What follows the recipients on a line that lists them (often ""), None for other lines.

    A single body before a colon with text after it (`长沙市民政局：负责…`) assigns a task; recipients
    run on into a sentence only as a list (`各有关单位：根据…`).
    """
    text = text.strip()
    if any(re.match(rf"{label}\s*[:：]", text) for label in recipient_labels()):
        return ""
    colon = COLON.search(text)
    if colon is None or SENTENCE.search(text, 0, colon.start()) or ENUMERATED.match(text):
        return None
    before, after = text[: colon.start()].rstrip(), text[colon.end() :].strip()
    last = TRAILING_QUALIFIER.sub("", before)
    if not (last.endswith(recipient_endings()) or last.endswith(issuer_endings())):
        return None
    listed = not after or before.startswith(LIST_OPENING) or any(mark in before for mark in CONTINUED)
    return after if listed else None


def _wrapped_list(text: str) -> bool:
    """Whether a line is the first part of a wrapped list of recipients: it breaks after a comma, or opens with 各."""
    return not SENTENCE.search(text) and (text.endswith(CONTINUED) or text.startswith(LIST_OPENING))
