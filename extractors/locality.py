"""The locality of a document, from the places its issuers, title and signature name.

The masthead, title and signature of an official document name its issuer, so they are the strong
clues; the body, every table cell and so the roster's association and supervisor names
(`开封市…协会`, `河南省通信管理局`) settle what they leave open, and carry a roster that prints no
issuer at all. Documents of central bodies (`国务院办公厅`) are at level `central`, with no place.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.issuers import is_central
from normalizers.locality import Locality, resolve_locality
from pipeline.model import Document, join_cell_lines

CENTRAL = "central"
"""admin_level of documents issued by central bodies, which name no province."""


def document_locality(document: Document, clues: Sequence[str], issuers: Sequence[str]) -> tuple[Locality, list[str]]:
    """The document's locality and any `ambiguous_locality` warning.

    `clues` are the head and tail texts in priority order (issuers' names, title, signature lines);
    `issuers` the names as printed, which make the document central when all of them are central bodies.
    """
    if issuers and all(is_central(name) for name in issuers):
        return Locality(level=CENTRAL), []
    return resolve_locality(clues, _all_text(document))


def _all_text(document: Document) -> list[str]:
    """Every paragraph and every table cell, roster names included."""
    texts = [block.text for block in document.blocks if not block.is_table and block.text]
    cells = [join_cell_lines(cell) for table in document.tables() for row in table.rows for cell in row.cells]
    return texts + [cell for cell in cells if cell]
