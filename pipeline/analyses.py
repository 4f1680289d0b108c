"""Analyst tables computed from the linked ones: association histories and regional progress.

A notice is counted once: only primary copies are read, and an attachment's rows belong to the
notice it is attached to (`attachment_of`), so a roster printed in the notice and again as its own
file lists each association once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from pipeline.schemas import STATUSES

Row = dict[str, Any]


def analyse(documents: list[Row], associations: list[Row], milestones: list[Row]) -> dict[str, list[Row]]:
    """The three analyst tables: association_status, associations_latest and progress."""
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


def _recency(row: Row) -> tuple[bool, date]:
    """Rank of a row's date: any date above none, a later date above an earlier one."""
    return row["date"] is not None, row["date"] or date.min


def _chronological(row: Row) -> tuple[bool, date]:
    """Sort key for reading order: oldest first, undated rows last."""
    return row["date"] is None, row["date"] or date.min


def association_status(primaries: dict[str, Row], notices: dict[str, Row], associations: list[Row]) -> list[Row]:
    """One row per association and notice group, preferring a row with a known status."""
    chosen: dict[tuple[str, str], Row] = {}
    for line in associations:
        document = primaries.get(line["doc_id"])
        if document is None or line.get("association_key") is None:
            continue
        group = _group(document)
        pair = (line["association_key"], group)
        if pair in chosen and not (chosen[pair]["status"] == "unknown" != line["status"]):
            continue
        chosen[pair] = {
            "association_key": line["association_key"],
            "name": line.get("name"),
            "document_key": group,
            "date": document_date(notices[group]),
            "status": line["status"],
            **{k: line.get(k) for k in ("supervisor", "supervisor_current", "agency_key", "adcode", "locality")},
        }
    rows = list(chosen.values())
    latest_name: dict[str, str | None] = {}
    for row in sorted(rows, key=_recency):
        if row["name"] is not None:
            latest_name[row["association_key"]] = row["name"]
    for row in rows:
        row["name"] = latest_name.get(row["association_key"], row["name"])
    return sorted(rows, key=lambda r: (r["association_key"], *_chronological(r), r["document_key"]))


def associations_latest(status_rows: list[Row]) -> list[Row]:
    """One row per association: its latest known status, from the latest dated document."""
    best: dict[str, Row] = {}
    for row in status_rows:
        rank = (row["status"] != "unknown", *_recency(row))
        held = best.get(row["association_key"])
        if held is None or rank > (held["status"] != "unknown", *_recency(held)):
            best[row["association_key"]] = row
    columns = ("association_key", "name", "status", "document_key", "date", "adcode", "locality")
    return [{k: row[k] for k in columns} for key, row in sorted(best.items())]


def progress(primaries: dict[str, Row], notices: dict[str, Row], status_rows: list[Row], milestones: list[Row]) -> list[Row]:
    """One row per notice group that lists associations or sets milestones: counts and deadlines."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    for row in status_rows:
        counts[row["document_key"]][row["status"]] += 1
    deadlines: dict[str, list[date]] = defaultdict(list)
    finishes: dict[str, list[date]] = defaultdict(list)
    for milestone in milestones:
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

