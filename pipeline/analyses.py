"""Analyst tables computed from the linked ones: association histories and regional progress.

A notice is counted once: only primary copies are read, and an attachment's rows belong to the
notice it is attached to (`attachment_of`), so a roster printed in the notice and again as its own
file lists each association once.

The association tables have a row per association and notice, about as many as roster rows, so
they are built as columns: each choice below ("the first line with a known status", "the latest
name") is one sort of integer codes with numpy, not a dict per row (1M rows took 1 GB as dicts).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.columns import codes, with_column
from pipeline.schemas import STATUSES

Row = dict[str, Any]

UNKNOWN = "unknown"
LINE_COLUMNS = ("association_key", "name", "status", "supervisor", "supervisor_current", "agency_key", "adcode", "locality")
"""The columns of association_status taken from the roster line chosen for an association and notice."""
LATEST_COLUMNS = ("association_key", "name", "status", "document_key", "date", "adcode", "locality")


def analyse(documents: list[Row], associations: pa.Table, milestones: pa.Table) -> dict[str, Any]:
    """The three analyst tables: association_status and associations_latest as Arrow tables, progress as rows."""
    primaries = {d["doc_id"]: d for d in documents if d.get("primary")}
    notices = _notices(primaries.values())
    status = association_status(primaries, notices, associations)
    return {
        "association_status": status,
        "associations_latest": associations_latest(status),
        "progress": progress(primaries, notices, status, milestones),
    }


def _group(document: Row) -> str:
    """The document_key an analysis counts a file under: its notice's when it is an attachment."""
    return document.get("attachment_of") or document["document_key"]


def _notices(primaries: Iterable[Row]) -> dict[str, Row]:
    """The document that speaks for each group: the notice itself, else its first attachment."""
    notices: dict[str, Row] = {}
    for document in primaries:
        key = _group(document)
        if document["document_key"] == key or key not in notices:
            notices[key] = document
    return notices


def document_date(document: Row) -> date | None:
    """Issue date, else publication date, else the day the manifest says the file was retrieved."""
    return document.get("issue_date") or document.get("published") or document.get("retrieved")


def _codes_of(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return codes(column)[0]


def _days(column: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """Whether each date is known, and its day number (0 when not): the rank `(dated, date)` as numbers."""
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    dated = array.is_valid().to_numpy(zero_copy_only=False)
    days = pc.fill_null(array, 0).cast(pa.int32()).to_numpy(zero_copy_only=False)
    return dated, days


def _last_of_runs(codes: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Of `order` (positions sorted by `codes` first), the last position of each run of equal codes."""
    ordered = codes[order]
    last = np.ones(len(order), dtype=bool)
    last[:-1] = ordered[1:] != ordered[:-1]
    return order[last]


def association_status(primaries: dict[str, Row], notices: dict[str, Row], associations: pa.Table) -> pa.Table:
    """One row per association and notice group, from its first line with a known status, else its first line;
    the name is the latest the association is printed under."""
    listed = list(primaries.values())
    groups = pa.array([_group(document) for document in listed], pa.string())
    dates = pa.array([document_date(notices[_group(document)]) for document in listed], pa.date32())
    positions = pc.index_in(associations["doc_id"], value_set=pa.array([d["doc_id"] for d in listed], pa.string()))
    keep = pc.and_(pc.is_valid(positions), pc.is_valid(associations["association_key"]))
    lines, document = associations.select(list(LINE_COLUMNS)).filter(keep), positions.filter(keep)
    group_of_line, date_of_line = groups.take(document), dates.take(document)
    pair = _codes_of(lines["association_key"]).astype(np.int64) * (len(listed) + 1) + _codes_of(group_of_line)
    unknown = pc.fill_null(pc.equal(lines["status"], UNKNOWN), False).to_numpy(zero_copy_only=False)
    line_order = np.arange(lines.num_rows)
    chosen = _last_of_runs(pair, np.lexsort((-line_order, ~unknown, pair)))
    first_line = _last_of_runs(pair, np.lexsort((-line_order, pair)))  # both by pair: aligned, a row per pair
    taken = pa.array(chosen)
    table = lines.take(taken)
    table = table.append_column("document_key", group_of_line.take(taken)).append_column("date", date_of_line.take(taken))
    table = with_column(table, "name", _latest_names(table, first_line))
    undated = pc.is_null(table["date"])
    order = pc.sort_indices(
        table.append_column("undated", undated),
        sort_keys=[("association_key", "ascending"), ("undated", "ascending"), ("date", "ascending"), ("document_key", "ascending")],
    )
    return table.take(order)


def _latest_names(table: pa.Table, first_line: np.ndarray) -> pa.Array:
    """Each row's association's latest printed name: of its rows naming it, the latest dated, and of equally
    dated ones the last listed (rows are listed in order of their association and notice's first line)."""
    keys = _codes_of(table["association_key"])
    dated, days = _days(table["date"])
    named = table["name"].combine_chunks().is_valid().to_numpy(zero_copy_only=False)
    candidates = np.flatnonzero(named)
    order = candidates[np.lexsort((first_line[candidates], days[candidates], dated[candidates], keys[candidates]))]
    latest = np.full(keys.max() + 1 if len(keys) else 0, -1, dtype=np.int64)
    winners = _last_of_runs(keys, order) if len(order) else order
    latest[keys[winners]] = winners
    source = np.where(latest[keys] >= 0, latest[keys], np.arange(len(keys)))
    return table["name"].take(pa.array(source))


def associations_latest(status_rows: pa.Table) -> pa.Table:
    """One row per association: its latest known status, from the latest dated document (the first listed of equals)."""
    keys = _codes_of(status_rows["association_key"])
    known = pc.not_equal(status_rows["status"], UNKNOWN).combine_chunks()
    known = pc.fill_null(known, True).to_numpy(zero_copy_only=False)
    dated, days = _days(status_rows["date"])
    listed = np.arange(status_rows.num_rows)
    best = _last_of_runs(keys, np.lexsort((-listed, days, dated, known, keys)))
    table = status_rows.select(list(LATEST_COLUMNS)).take(pa.array(best))
    return table.take(pc.sort_indices(table, sort_keys=[("association_key", "ascending")]))


def progress(primaries: dict[str, Row], notices: dict[str, Row], status_rows: pa.Table, milestones: pa.Table) -> list[Row]:
    """One row per notice group that lists associations or sets milestones: counts and deadlines."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    tallies = status_rows.group_by(["document_key", "status"]).aggregate([("status", "count", pc.CountOptions(mode="all"))])
    for tally in tallies.to_pylist():
        counts[tally["document_key"]][tally["status"]] += tally["status_count"]
    deadlines: dict[str, list[date]] = defaultdict(list)
    finishes: dict[str, list[date]] = defaultdict(list)
    for milestone in milestones.select(["doc_id", "deadline", "role"]).to_pylist():
        document = primaries.get(milestone["doc_id"])
        if document is None:
            continue
        dated = deadlines.setdefault(_group(document), [])  # an undated milestone still makes the document count
        if milestone.get("deadline") is None:
            continue
        dated.append(milestone["deadline"])
        if milestone.get("role") == "finish":
            finishes[_group(document)].append(milestone["deadline"])
    totals: dict[str, int] = {}
    for document in primaries.values():
        if document.get("stated_total") is not None:
            if document["document_key"] == _group(document) or _group(document) not in totals:
                totals[_group(document)] = document["stated_total"]
    rows = []
    for key, notice in notices.items():
        if key not in counts and key not in deadlines:
            continue
        tally = counts.get(key, dict.fromkeys(STATUSES, 0))
        rows.append(
            {
                "adcode": notice.get("adcode"),
                "locality": notice.get("locality"),
                "admin_level": notice.get("admin_level"),
                "document_key": key,
                "date": document_date(notice),
                "listed": sum(tally.values()),
                **tally,
                "stated_total": totals.get(key),
                "first_deadline": min(deadlines[key], default=None),
                "finish_deadline": max(finishes[key], default=None),
            }
        )
    return sorted(rows, key=lambda r: (r["adcode"] or "", *_chronological(r), r["document_key"]))


def _chronological(row: Row) -> tuple[bool, date]:
    """Sort key for reading order: oldest first, undated rows last."""
    return row["date"] is None, row["date"] or date.min
