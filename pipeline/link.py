"""Cross-document work: association keys and supervising units, settled over all rows at once.

The same association or agency is spelt differently across documents and formats
(`广西壮族自治区电力行业协会` / `广西电力行业协会`, `邵阳市住房和建设局` /
`邵阳市住房和城乡建设局`), so these columns can only be filled once every document
has been read. What one document settles alone runs in its worker (`with_name_keys`: a name's
canonical form at the document's place, its block and its own key, about 50 µs a distinct name);
the main process only joins: it merges the names of blocks holding two or more, normalises each
distinct printed unit and place once, and fills the columns of the whole table from those few
values with Arrow's `take`. Over 1M synthetic rows (2026-12-02, loaded 2-core machine) the main
process's link step took 112 s of CPU and 1.9 GB as rows of dicts, 20-22 s and under 900 MiB as columns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from normalizers.agencies import agency_key, agency_rows, canonical_agencies, normalize_agency
from normalizers.association_keys import association_key, canonical_name, cluster_roots, skeleton
from normalizers.citation_keys import shared_keys
from normalizers.locality import Locality
from pipeline.columns import NAME_COLUMNS, distinct_rows, document_column, document_positions, with_column
from pipeline.extract import Row

UNKNOWN_KIND = "other"
SUPERVISED = "supervised"
"""Rows naming a unit; only they join agencies.parquet."""
UNIT_PLACE = ("province", "city", "county", "adcode")
NAME_FIELDS = tuple(field.name for field in NAME_COLUMNS)


def with_name_keys(rows: Sequence[Row]) -> list[Row]:
    """The per-document half of association keys, run in the worker: each row with its name's canonical form at
    its place, that form's block and its key unless another name merges with it (`NAME_COLUMNS`), each distinct
    name and place settled once."""
    settled: dict[tuple[str | None, ...], tuple[str | None, str | None, str | None]] = {}
    keyed = []
    for row in rows:
        name = row["name"] or row["name_raw"]
        place = (name, row["province"], row["city"], row["county"])
        if place not in settled:
            settled[place] = _name_columns(name, row["province"], row["city"], row["county"])
        keyed.append({**row, **dict(zip(NAME_FIELDS, settled[place], strict=True))})
    return keyed


def _name_columns(name: str | None, province: str | None, city: str | None, county: str | None) -> tuple[str | None, ...]:
    if not name:
        return None, None, None
    canonical = canonical_name(name, Locality(province=province, city=city, county=county))
    return canonical, skeleton(canonical), association_key(province or "", canonical)


def link(associations: pa.Table, documents: Sequence[Row] = (), moved: Collection[str] = ()) -> tuple[pa.Table, list[Row]]:
    """The association table with its keys and supervisor columns, and the agencies rows.

    `documents` give each roster's admin_level, so a short form in a ministry's roster (`发改委`)
    names the ministry, not a local department. `moved` are the doc_ids whose place the link step
    changed (an attachment taking its notice's): their names are keyed again at the settled place.
    """
    associations = _keyed_at_settled_place(associations, moved)
    associations = with_column(associations, "association_key", _association_keys(associations))
    associations, agencies = _with_supervisors(associations, documents)
    return associations.drop_columns(list(NAME_FIELDS)), agencies


def _keyed_at_settled_place(associations: pa.Table, moved: Collection[str]) -> pa.Table:
    """The name columns of the rows of `moved` documents settled again at the place they now carry."""
    if not moved:
        return associations
    mask = pc.is_in(associations["doc_id"], value_set=pa.array(sorted(moved), pa.string())).combine_chunks()
    rows = associations.select(["name", "name_raw", "province", "city", "county"]).filter(mask).to_pylist()
    again = with_name_keys(rows)
    for field in NAME_FIELDS:
        values = pa.array([row[field] for row in again], pa.string())
        associations = with_column(associations, field, pc.replace_with_mask(associations[field].combine_chunks(), mask, values))
    return associations


def _association_keys(associations: pa.Table) -> pa.Array | pa.ChunkedArray:
    """Each row's association_key: its own key (from the worker), except for names that merge with another.

    Only blocks (province, kind, skeleton) holding two or more distinct names can merge; numpy finds
    them over integer codes, and only their names go to `cluster_roots`.
    """
    province = pc.fill_null(associations["province"], "")
    kind = pc.fill_null(associations["kind"], UNKNOWN_KIND)
    entry_rows, entry_of_row = distinct_rows([province, kind, associations["name_block"], associations["name_canonical"]])
    taken = pa.array(entry_rows)
    entries = pa.table({
        "province": province.take(taken),
        "kind": kind.take(taken),
        "block": associations["name_block"].take(taken),
        "name": associations["name_canonical"].take(taken),
    })
    _, block_of_entry = distinct_rows([entries["province"], entries["kind"], entries["block"]])
    named = entries["name"].combine_chunks().is_valid().to_numpy(zero_copy_only=False)
    shared = named & (np.bincount(block_of_entry, weights=named)[block_of_entry] > 1)
    members = entries.filter(pa.array(shared)).to_pylist()
    blocks: defaultdict[tuple[str, str, str], list[str]] = defaultdict(list)
    for member in members:
        blocks[member["province"], member["kind"], member["block"]].append(member["name"])
    roots = cluster_roots((province, sorted(names)) for (province, _, _), names in blocks.items())
    merged = np.zeros(entries.num_rows, dtype=bool)
    keys: list[str | None] = [None] * entries.num_rows
    for index, member in zip(np.flatnonzero(shared).tolist(), members, strict=True):
        root = roots[member["province"], member["name"]]
        if root != member["name"]:
            merged[index], keys[index] = True, association_key(member["province"], root)
    own = associations["name_own_key"]
    if not merged.any():
        return own
    mask = merged[entry_of_row]
    values = pa.array(keys, pa.string()).take(pa.array(entry_of_row[mask]))
    return pc.replace_with_mask(own.combine_chunks(), pa.array(mask), values)


def _printed_units(associations: pa.Table, documents: Sequence[Row]) -> tuple[list[tuple[str | None, Locality]], pa.Array]:
    """The distinct (printed unit, place of the roster) in order of first appearance, and each row's number
    among them. The place is the row's with its document's admin_level."""
    levels = document_column(documents, "admin_level", document_positions(associations, documents), pa.string())
    parts = [associations["supervisor_raw"], *(associations[column] for column in UNIT_PLACE), levels]
    first, positions = distinct_rows(parts)
    taken = pa.array(first)
    values = zip(*(part.take(taken).to_pylist() for part in parts), strict=True)
    return [(raw, Locality(*place)) for raw, *place in values], pa.array(positions)


def _with_supervisors(associations: pa.Table, documents: Sequence[Row]) -> tuple[pa.Table, list[Row]]:
    """Supervisor columns of each row and the agencies rows: each distinct unit and place normalised and keyed
    once, canonical agencies settled once over them."""
    printed, positions = _printed_units(associations, documents)
    units = canonical_agencies([(normalize_agency(raw, locality), locality) for raw, locality in printed])
    unit_keys = [
        agency_key(agency, locality) if agency.registration == SUPERVISED else None
        for agency, (_, locality) in zip(units, printed, strict=True)
    ]
    columns: dict[str, tuple[list[object], pa.DataType]] = {
        "supervisor": ([agency.name for agency in units], pa.string()),
        "supervisor_former": ([agency.former for agency in units], pa.bool_()),
        "supervisor_current": ([agency.current for agency in units], pa.string()),
        "registration": ([agency.registration for agency in units], pa.string()),
        "agency_key": (unit_keys, pa.string()),
    }
    for name, (values, type_) in columns.items():
        associations = with_column(associations, name, pa.array(values, type_).take(positions))
    counts = np.bincount(positions.to_numpy(zero_copy_only=False), minlength=len(printed)) if len(printed) else []
    named = zip(unit_keys, units, counts, strict=True)
    return associations, agency_rows([(key, agency, int(count)) for key, agency, count in named if key is not None])


def link_citations(citations: pa.Table) -> pa.Table:
    """Give a document cited by title alone the key of its number when another document prints it:
    `《甲办法》` here and `《甲办法》（甲发〔2019〕1号）` there are one cited document."""
    keys = shared_keys(list(zip(citations["doc_number"].to_pylist(), citations["title"].to_pylist(), strict=True)))
    return with_column(citations, "cited_key", pa.array(keys, pa.string()))

