"""Cross-document work: association keys and supervising units, settled over all rows at once.

The same association or agency is spelt differently across documents and formats
(`广西壮族自治区电力行业协会` / `广西电力行业协会`, `邵阳市住房和建设局` /
`邵阳市住房和城乡建设局`), so these columns can only be filled once every document
has been read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from normalizers.agencies import agency_key, agency_rows, canonical_agencies, normalize_agency
from normalizers.association_keys import NameRecord, assign_keys
from normalizers.citation_keys import shared_keys
from normalizers.locality import Locality
from pipeline.extract import Row

UNKNOWN_KIND = "other"
SUPERVISED = "supervised"
"""Rows naming a unit; only they join agencies.parquet."""


def link(associations: list[Row], documents: Iterable[Row] = ()) -> tuple[list[Row], list[Row]]:
    """Fill keys and supervisor columns of the association rows, in place (a copy of a million rows
    would double the parent's memory); return them and the agencies rows.

    `documents` give each roster's admin_level, so a short form in a ministry's roster (`发改委`)
    names the ministry, not a local department. A national corpus prints a few hundred units over
    millions of rows, so each distinct unit and place is normalised, settled and keyed once.
    """
    levels = {document["doc_id"]: document.get("admin_level") for document in documents}
    places: dict[tuple[str | None, ...], Locality] = {}
    localities = []
    for r in associations:
        place = (r["province"], r["city"], r["county"], r["adcode"], levels.get(r["doc_id"]))
        localities.append(places.get(place) or places.setdefault(place, Locality(*place)))
    keys = assign_keys(
        [
            NameRecord(r["name"] or r["name_raw"], r["province"], r["city"], r["kind"] or UNKNOWN_KIND, r["county"])
            for r in associations
        ]
    )
    printed = Counter((row["supervisor_raw"], locality) for row, locality in zip(associations, localities, strict=True))
    units = canonical_agencies([(normalize_agency(raw, locality), locality) for raw, locality in printed])
    unit_keys = [
        agency_key(agency, locality) if agency.registration == SUPERVISED else None
        for agency, (_, locality) in zip(units, printed, strict=True)
    ]
    columns = {
        printed_unit: {
            "supervisor": agency.name,
            "supervisor_former": agency.former,
            "supervisor_current": agency.current,
            "registration": agency.registration,
            "agency_key": key,
        }
        for printed_unit, agency, key in zip(printed, units, unit_keys, strict=True)
    }
    for row, key, locality in zip(associations, keys, localities, strict=True):
        row["association_key"] = key
        row.update(columns[row["supervisor_raw"], locality])
    named = zip(unit_keys, units, printed.values(), strict=True)
    return associations, agency_rows([(key, agency, count) for key, agency, count in named if key is not None])


def link_citations(citations: list[Row]) -> list[Row]:
    """Give a document cited by title alone the key of its number when another document prints it:
    `《甲办法》` here and `《甲办法》（甲发〔2019〕1号）` there are one cited document."""
    keys = shared_keys([(row["doc_number"], row["title"]) for row in citations])
    return [{**row, "cited_key": key} for row, key in zip(citations, keys, strict=True)]
