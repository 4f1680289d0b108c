"""The locality of a document, from the places its issuers, number, title and signature name.

The masthead, title and signature of an official document name its issuer, so they are the strong
clues, in that order of trust: the issuers, then the 发文字号's prefix (`湘民发` → 湖南省, `长政办发` → a
unit named 长…), then the title, then the signature's other lines. The body, every table cell and so
the roster's association and supervisor names (`开封市…协会`, `河南省通信管理局`) settle what they
leave open, and carry a roster that prints no issuer at all; the recipients' lines
(`各市、州、县人民政府：`) name other places and are left out. When neither the issuers nor the number
name a place, the text's own word for its place (`我市`, `全省`) gives the level. Documents of central
bodies (`国务院办公厅`, or a `国办发` number without printed issuers) are at level `central`, with no place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from extractors.addressees import without_recipients
from extractors.issuers import is_central
from extractors.lines import Line, cell_text
from normalizers.citation_vocabulary import prefix_issuer
from normalizers.document_numbers import find_numbers
from normalizers.locality import Clue, Locality, NumberPrefix, names_place, number_province, resolve_locality
from normalizers.metadata_vocabulary import own_self_references, self_references
from readers.model import Document

CENTRAL = "central"
"""admin_level of documents issued by central bodies, which name no province."""


def document_locality(
    document: Document, lines: Sequence[Line], issuers: Sequence[str], doc_number: str | None, clues: Sequence[str]
) -> tuple[Locality, list[str]]:
    """The document's locality and any `ambiguous_locality` warning.

    `issuers` are the names as printed, which make the document central when some are central bodies
    and the others name no place (`国管局` beside `国家发展改革委`); `doc_number` its own number; `clues`
    the title and signature lines, in that order.
    """
    number = _number_prefix(doc_number)
    if _is_central(issuers, number):
        return Locality(level=CENTRAL), []
    primary: list[Clue] = [*issuers, *([number] if number else []), *clues]
    texts = _all_text(document, lines)
    numbered = number is not None and number_province(number) is not None
    placed = numbered or any(names_place(name) for name in issuers)
    return resolve_locality(primary, texts, None if placed else self_designator(texts))


def _is_central(issuers: Sequence[str], number: NumberPrefix | None) -> bool:
    """Central bodies among the issuers and no place named by the others, or no issuers and a central number (`国办发`)."""
    central = [name for name in issuers if is_central(name)]
    if central:
        return not any(names_place(name) for name in issuers if name not in central)
    rule = prefix_issuer(number.prefix) if number and not issuers else None
    return rule is not None and is_central(rule.issuer)


def _number_prefix(doc_number: str | None) -> NumberPrefix | None:
    """The 机关代字 of the document's own number: `湘民发〔2020〕3号` → 湘民发."""
    numbers = find_numbers(doc_number) if doc_number else []
    return NumberPrefix(numbers[0].prefix) if numbers else None


def self_designator(texts: Iterable[str]) -> str | None:
    """The designator of the place the text calls its own most often, None without one.

    `我区`, `本区` mean the writer's place; `全市` may quote a higher level's plan in a district's
    document, so such words count only when there is no `我…` or `本…`.
    """
    words = [match.group(1) for text in texts for match in _self_reference_pattern().finditer(text)]
    own = [word for word in words if word in own_self_references()]
    counts = Counter(self_references()[word] for word in own or words)
    return counts.most_common(1)[0][0] if counts else None


@cache
def _self_reference_pattern() -> re.Pattern[str]:
    """`我市`, `全省` … not followed by a character that makes another word (`本市场`, `全区域`, `全县级`)."""
    words = "|".join(sorted(self_references(), key=len, reverse=True))
    return re.compile(rf"({words})(?![场域级])")


def _all_text(document: Document, lines: Sequence[Line]) -> list[str]:
    """Every printed line but the recipients', and every table cell, roster names included."""
    texts = without_recipients(lines)
    cells = [cell_text(cell) for table in document.tables() for row in table.rows for cell in row.cells]
    return texts + [cell for cell in cells if cell]
