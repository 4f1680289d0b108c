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

from pipeline.columns import with_column
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


def _ordered_codes(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Integer codes of a column's strings in their sorted order (equal strings, equal codes; null -1), so numpy
    sorts rows as Arrow would sort the strings."""
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    encoded = pc.dictionary_encode(array)
    ranks = np.asarray(pc.rank(encoded.dictionary, sort_keys="ascending", tiebreaker="dense"), dtype=np.int64) - 1
    indices = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)
    return np.where(indices >= 0, ranks[indices], -1) if len(ranks) else indices.astype(np.int64)


def _days(column: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """Whether each date is known, and its day number (0 when not): the rank `(dated, date)` as numbers."""
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    dated = array.is_valid().to_numpy(zero_copy_only=False)
    days = pc.fill_null(array, 0).cast(pa.int32()).to_numpy(zero_copy_only=False)
    return dated, days


def _numbers(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    return array.to_numpy(zero_copy_only=False)


def _last_of_runs(codes: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Of `order` (positions sorted by `codes` first), the last position of each run of equal codes."""
    ordered = codes[order]
    last = np.ones(len(order), dtype=bool)
    last[:-1] = ordered[1:] != ordered[:-1]
    return order[last]


def association_status(primaries: dict[str, Row], notices: dict[str, Row], associations: pa.Table) -> pa.Table:
    """One row per association and notice group, from its first line with a known status, else its first line;
    the name is the latest the association is printed under.

    Every choice and the final order are settled on integer codes, and the rows taken once, in order.
    """
    listed = list(primaries.values())
    groups = pa.array([_group(document) for document in listed], pa.string())
    dates = pa.array([document_date(notices[_group(document)]) for document in listed], pa.date32())
    positions = pc.index_in(associations["doc_id"], value_set=pa.array([d["doc_id"] for d in listed], pa.string()))
    keys = _ordered_codes(associations["association_key"])
    lines = np.flatnonzero(_numbers(pc.is_valid(positions)) & (keys >= 0))  # the roster lines analysed, in order
    document = _numbers(pc.fill_null(positions, -1))[lines]
    group = _ordered_codes(groups)
    pair = keys[lines] * (len(listed) + 1) + group[document]
    unknown = _numbers(pc.fill_null(pc.equal(associations["status"], UNKNOWN), False))[lines]
    line_order = np.arange(len(lines))
    chosen = _last_of_runs(pair, np.lexsort((-line_order, ~unknown, pair)))
    first_line = _last_of_runs(pair, np.lexsort((-line_order, pair)))  # both by pair: aligned, a row per pair
    doc, key = document[chosen], keys[lines[chosen]]
    dated, days = (values[doc] for values in _days(dates))
    named = _numbers(pc.is_valid(associations["name"]))[lines[chosen]]
    source = _latest_names(key, dated, days, first_line, named)
    order = np.lexsort((group[doc], days, ~dated, key))
    table = associations.select(list(LINE_COLUMNS)).take(pa.array(lines[chosen[order]]))
    table = with_column(table, "name", associations["name"].take(pa.array(lines[chosen[source[order]]])))
    return table.append_column("document_key", groups.take(pa.array(doc[order]))).append_column(
        "date", dates.take(pa.array(doc[order]))
    )


def _latest_names(key: np.ndarray, dated: np.ndarray, days: np.ndarray, first_line: np.ndarray, named: np.ndarray) -> np.ndarray:
    """For each row (an association and notice), the row whose name its association takes: of the rows naming
    it, the latest dated, and of equally dated ones the last listed (rows are listed in order of their first
    line); itself when none names it."""
    candidates = np.flatnonzero(named)
    order = candidates[np.lexsort((first_line[candidates], days[candidates], dated[candidates], key[candidates]))]
    latest = np.full(key.max() + 1 if len(key) else 0, -1, dtype=np.int64)
    winners = _last_of_runs(key, order) if len(order) else order
    latest[key[winners]] = winners
    return np.where(latest[key] >= 0, latest[key], np.arange(len(key)))


def associations_latest(status_rows: pa.Table) -> pa.Table:
    """One row per association: its latest known status, from the latest dated document (the first listed of equals);
    in the order of association_key, as the codes are."""
    keys = _ordered_codes(status_rows["association_key"])
    known = _numbers(pc.fill_null(pc.not_equal(status_rows["status"], UNKNOWN), True))
    dated, days = _days(status_rows["date"])
    listed = np.arange(status_rows.num_rows)
    best = _last_of_runs(keys, np.lexsort((-listed, days, dated, known, keys)))
    return status_rows.select(list(LATEST_COLUMNS)).take(pa.array(best))


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
