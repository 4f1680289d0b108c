"""Everything extracted from one read document: document fields, warnings and table rows.

Extractors see only the document model; this module runs them in order and
puts their results into the shape of the output tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from extractors.associations import association_rows
from extractors.citations import extract_citations
from extractors.metadata import extract_metadata
from extractors.milestones import extract_milestones
from extractors.page_info import without_page_info
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
    content = without_page_info(document)
    roster = extract_roster(content)
    metadata = extract_metadata(document)
    locality = metadata.locality
    associations = association_rows(doc_id, roster.lines, locality)
    fields = {
        "title": metadata.title,
        "doc_number": metadata.doc_number,
        "issuers": list(metadata.issuers),
        "issue_date": metadata.issue_date,
        "published": metadata.published,
        "publication": metadata.publication,
        "province": locality.province,
        "city": locality.city,
        "county": locality.county,
        "adcode": locality.adcode,
        "admin_level": locality.level,
        "stated_total": roster.stated_total,
        "roster_rows": len(associations),
    }
    rows = {
        "associations": associations,
        "milestones": keyed_rows(
            doc_id,
            extract_milestones(content, title=metadata.title, own_date=metadata.published or metadata.issue_date),
            index_column="idx",
        ),
        "citations": keyed_rows(doc_id, extract_citations(content, own_title=metadata.title)),
    }
    return Extraction(fields, roster.warnings + metadata.warnings, rows)


def keyed_rows(doc_id: str, items: Sequence[Any], index_column: str | None = None) -> list[Row]:
    """Table rows from an extractor's dataclasses: the document's key, the order if asked, then the fields."""
    return [
        {"doc_id": doc_id, **({index_column: index} if index_column else {}), **asdict(item)}
        for index, item in enumerate(items)
    ]
