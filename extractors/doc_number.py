"""The document's own 发文字号: a number printed on a line of its own in the head.

GB/T 9704-2012 (7.2.2) prints the number under the masthead on a line of its own, so only a whole
line counts: `邵委〔2019〕12号` is the document's number, while `（桂发改体改〔2019〕311号）` inside a
sentence cites another document. Brackets of any style, look-alike, mixed or one forgotten (`邵委﹝2019]12号`,
`邵委〔201912号`), are normalised to 〔〕 by `find_numbers`.
"""

from __future__ import annotations

import re

from normalizers.document_numbers import find_numbers

SIGNER = re.compile(r"\s*签发人\s*[:：].*$")
"""An up-going document prints 签发人 on the number's line: `豫发改〔2019〕1号　签发人：张三`."""


def parse_doc_number(line: str) -> str | None:
    """The number a line consists of, else None.

    Example: `邵委【2019】12号` → `邵委〔2019〕12号`; `根据…（桂发改体改〔2019〕311号）要求` → None.
    """
    text = SIGNER.sub("", line).strip()
    numbers = find_numbers(text)
    whole = len(numbers) == 1 and numbers[0].start == 0 and numbers[0].end == len(text)
    return numbers[0].text if whole else None
