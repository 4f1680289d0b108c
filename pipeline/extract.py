"""Everything extracted from one read document: document fields, warnings and table rows.

Extractors see only the document model; this module runs them in order and
puts their results into the shape of the output tables. They read the document's
simplified view (`pipeline.simplified_view`), so a page printed in traditional
characters gives its simplified twin's rows; the columns that promise what was
printed (`name_raw`, `supervisor_raw`, `status_raw`, a milestone's `date_text` and
`sentence`) are mapped back to the page's characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from typing import Any

from extractors.associations import association_rows
from extractors.citations import extract_citations
from extractors.metadata import Metadata, extract_metadata
from extractors.milestones import Milestone, extract_milestones
from extractors.page_info import without_page_info
from extractors.roster import extract_roster
from normalizers.divisions import locality_label
from pipeline.simplified_view import SimplifiedView, simplified_view
from readers.model import Block, Document

Row = dict[str, Any]

NO_TEXT = "no_text"
"""A document that opened but gave no text at all: not `ok`, as nothing could be checked in it."""


@dataclass
class Extraction:
    """Document-level columns, warnings that lower the status, and rows per output table."""

    fields: Row
    warnings: list[str] = field(default_factory=list)
    rows: dict[str, list[Row]] = field(default_factory=dict)


def extract(printed: Document, doc_id: str) -> Extraction:
    """Run every extractor over the simplified view of a document as the reader delivered it."""
    view = simplified_view(printed)
    document = view.document
    content = without_page_info(document)
    metadata = extract_metadata(document)
    roster = extract_roster(content, title=metadata.title)
    locality = metadata.locality
    lines = [line.as_printed(view.printed) for line in roster.lines] if view.converted else roster.lines
    label = locality_label(locality)
    associations = [{**row, "locality": label} for row in association_rows(doc_id, lines, locality)]
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
        "locality": label,
    }
    place = {"adcode": locality.adcode, "locality": label}
    milestones = keyed_rows(doc_id, printed_milestones(view, content, metadata), index_column="idx")
    citations = keyed_rows(doc_id, extract_citations(content, metadata.title, metadata.doc_number))
    rows = {
        "associations": associations,
        "milestones": [{**row, **place} for row in milestones],
        "citations": [{**row, **place} for row in citations],
    }
    return Extraction(fields, no_text_warnings(printed) + roster.warnings + metadata.warnings, rows)


def no_text_warnings(document: Document) -> list[str]:
    """`no_text: …` when the reader found no character of text: 2,000 blank pages, an empty body, an empty sheet."""
    if any(_holds_text(block) for block in document.blocks):
        return []
    pages = f" on {document.pages} pages" if document.pages else ""
    return [f"{NO_TEXT}: the {document.source_format} file opened but holds no readable text{pages}"]


def _holds_text(block: Block) -> bool:
    """Whether a block prints any character, so `document_text` would not be blank (told without building it)."""
    if block.is_table:
        return any(cell.strip() for row in block.rows for cell in row.cells)
    return bool(block.text.strip())


def printed_milestones(view: SimplifiedView, content: Document, metadata: Metadata) -> list[Milestone]:
    """The view's milestones with `date_text` and `sentence` as printed, to find them on the page.

    `task` stays simplified, like every column that is read rather than quoted.
    """
    own_date = metadata.published or metadata.issue_date
    milestones = extract_milestones(content, title=metadata.title, own_date=own_date)
    if not view.converted:
        return milestones
    return [
        replace(m, date_text=view.printed(m.date_text) or m.date_text, sentence=view.printed(m.sentence) or m.sentence)
        for m in milestones
    ]


def keyed_rows(doc_id: str, items: Sequence[Any], index_column: str | None = None) -> list[Row]:
    """Table rows from an extractor's dataclasses: the document's key, the order if asked, then the fields."""
    return [
        {"doc_id": doc_id, **({index_column: index} if index_column else {}), **_field_values(item)}
        for index, item in enumerate(items)
    ]


def _field_values(item: Any) -> Row:
    """A dataclass's fields as they are: strings, numbers and dates, which `asdict` would deep-copy for nothing."""
    return {f.name: getattr(item, f.name) for f in dataclass_fields(item)}
