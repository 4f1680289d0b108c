"""Everything extracted from one read document: document fields, warnings and table rows.

Extractors see only the document model; this module runs them in order and
puts their results into the shape of the output tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractors.associations import association_rows
from extractors.locality import document_locality
from extractors.roster import extract_roster
from pipeline.model import Document

Row = dict[str, Any]


@dataclass
class Extraction:
    """Document-level columns, warnings that lower the status, and rows per output table."""

    fields: Row
    warnings: list[str] = field(default_factory=list)
    rows: dict[str, list[Row]] = field(default_factory=dict)


def extract(document: Document, doc_id: str) -> Extraction:
    """Run every extractor over a document."""
    roster = extract_roster(document)
    locality, locality_warnings = document_locality(document, roster.lines)
    associations = association_rows(doc_id, roster.lines, locality)
    fields = {
        "province": locality.province,
        "city": locality.city,
        "county": locality.county,
        "adcode": locality.adcode,
        "admin_level": locality.level,
        "stated_total": roster.stated_total,
        "roster_rows": len(associations),
    }
    return Extraction(fields, roster.warnings + locality_warnings, {"associations": associations})
