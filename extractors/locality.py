"""The locality of a document, from the places its head, signature, body and roster name.

The head (发文机关标志, title) and the tail (signature, 版记) of an official
document name its issuer, so they are the strong clues; the body and the
roster's association and supervisor names (`开封市…协会`, `河南省通信管理局`)
settle what they leave open, and carry a roster that prints no issuer at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.roster_model import RosterLine
from normalizers.locality import Locality, resolve_locality
from pipeline.model import Document

HEAD_BLOCKS = 6
"""Masthead, title and addressees of a GB/T 9704 document fit in its first text blocks."""

TAIL_BLOCKS = 6
"""Signature, date and 版记 fit in its last text blocks."""


def document_locality(document: Document, roster: Sequence[RosterLine]) -> tuple[Locality, list[str]]:
    """The document's locality and any `ambiguous_locality` warning."""
    texts = [block.text for block in document.blocks if not block.is_table and block.text]
    cells = [cell for table in document.tables()[:1] for row in table.rows for cell in row.cells]
    primary = cells + texts[:HEAD_BLOCKS] + texts[-TAIL_BLOCKS:]
    roster_names = [line.name_raw for line in roster] + [line.supervisor_raw for line in roster if line.supervisor_raw]
    return resolve_locality(primary, texts + roster_names)
