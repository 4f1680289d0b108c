"""associations.parquet rows of one document: roster lines with normalised names and kinds.

Keys and supervising units are settled later, across all documents at once
(`pipeline.link`), because the same association or agency is spelt differently
in different documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extractors.roster_model import RosterLine
from normalizers.industry import industry_section
from normalizers.locality import Locality
from normalizers.names import classify_kind, normalize_name


def association_rows(doc_id: str, lines: Sequence[RosterLine], locality: Locality) -> list[dict[str, Any]]:
    """One row per roster line, in document order, carrying the document's locality."""
    rows = []
    for index, line in enumerate(lines):
        name = normalize_name(line.name_raw) or None
        rows.append(
            {
                "doc_id": doc_id,
                "row": index,
                "seq": line.seq,
                "name_raw": line.name_raw,
                "name": name,
                "kind": classify_kind(name, locality) if name else None,
                "supervisor_raw": line.supervisor_raw,
                "status_raw": line.status_raw,
                "status": line.status,
                "note": line.note,
                "province": locality.province,
                "city": locality.city,
                "county": locality.county,
                "adcode": locality.adcode,
                "page": line.page,
                "table": line.table,
                "industry": industry_section(name, locality) if name else None,
            }
        )
    return rows
