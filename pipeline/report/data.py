"""The report's figures, queried from a run's Parquet tables with DuckDB.

DuckDB reads the tables in place and answers each section in one query, so the report needs no
pandas at run time; every table comes from `pipeline.schemas.TABLES`, never a hand-kept list.
Only primary copies are counted, as in the analyst tables, so a notice published as a page and
a PDF shows its milestones and citations once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from pipeline.exports.tables import Provenance, read_provenance
from pipeline.report.labels import CENTRAL, UNSETTLED
from pipeline.schemas import LEVELS, STATUSES, TABLES

Row = dict[str, Any]

SHOWN_STATUSES = ("decoupled", "planned")
"""Statuses with a share of their own; the others are summed as `other`."""

AGENCY_LIMIT = 15
"""Former agencies shown in their chart: the busiest, so the chart stays readable."""

WARNINGS = ("roster_count_mismatch", "roster_missing")
"""Warning codes the data-quality section lists on their own."""


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, as plain rows ready for the charts and the template."""

    run: Provenance
    localities: list[Row]
    by_place: list[Row]
    by_agency: list[Row]
    milestones: list[Row]
    citations: list[Row]
    problem_documents: list[Row]
    warnings: dict[str, list[Row]]
    unknown_rows: list[Row]


def _connect(output_dir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database with one view per table of the run."""
    con = duckdb.connect()
    for name in TABLES:
        path = str(output_dir / f"{name}.parquet").replace("'", "''")
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
    con.execute('CREATE VIEW primaries AS SELECT * FROM documents WHERE "primary"')
    return con


def _rows(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[Row]:
    cursor = con.execute(sql, list(params))
    names = [c[0] for c in cursor.description]
    return [{n: _plain(v) for n, v in zip(names, values)} for values in cursor.fetchall()]


def _plain(value: Any) -> Any:
    """Midnight timestamps as dates: the tables store dates as timestamps (see schemas.DATE)."""
    return value.date() if isinstance(value, datetime) else value


OTHER_STATUSES = tuple(s for s in STATUSES if s not in SHOWN_STATUSES)
"""The statuses a locality's `other` share sums."""


def localities(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Per locality: notices, associations listed (latest status, each once), shares, stated vs found."""
    shown = ", ".join(f"count(*) FILTER (status = '{s}') AS {s}" for s in SHOWN_STATUSES)
    return _rows(
        con,
        f"""
        WITH latest AS (
            SELECT locality, count(*) AS listed, {shown} FROM associations_latest GROUP BY locality),
        notices AS (
            SELECT locality, any_value(admin_level) AS admin_level, count(*) AS notices,
                   sum(stated_total) AS stated, sum(listed) FILTER (stated_total IS NOT NULL) AS found
            FROM progress GROUP BY locality)
        SELECT n.locality, n.admin_level, n.notices, coalesce(l.listed, 0) AS listed,
               {", ".join(f"coalesce(l.{s}, 0) AS {s}" for s in SHOWN_STATUSES)},
               coalesce(l.listed, 0) - {" - ".join(f"coalesce(l.{s}, 0)" for s in SHOWN_STATUSES)} AS other,
               n.stated, n.found
        FROM notices AS n LEFT JOIN latest AS l USING (locality)
        ORDER BY n.locality NULLS LAST""",
    )


def by_place(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Latest status counts by the listing notice's province and level, levels from the top down."""
    return _rows(
        con,
        """
        WITH latest AS (
            SELECT coalesce(d.province, CASE p.admin_level WHEN 'central' THEN ? ELSE ? END) AS province,
                   p.admin_level, l.status
            FROM associations_latest AS l
            JOIN progress AS p USING (document_key)
            LEFT JOIN primaries AS d ON d.doc_id = l.document_key)
        SELECT province, admin_level, status, count(*) AS n FROM latest
        GROUP BY province, admin_level, status
        ORDER BY province, list_position(?, admin_level) NULLS LAST, status""",
        CENTRAL,
        UNSETTLED,
        list(LEVELS),
    )


def by_agency(con: duckdb.DuckDBPyConnection, limit: int = AGENCY_LIMIT) -> list[Row]:
    """Latest status counts by former supervising agency, with its successor; the busiest first."""
    return _rows(
        con,
        """
        WITH latest AS (
            SELECT g.name AS agency, g.successor, l.status
            FROM associations_latest AS l
            JOIN association_status AS s USING (association_key, document_key)
            JOIN agencies AS g USING (agency_key)
            WHERE g.former),
        top AS (SELECT agency, count(*) AS total FROM latest GROUP BY agency ORDER BY total DESC, agency LIMIT ?)
        SELECT agency, any_value(successor) AS successor, status, count(*) AS n, any_value(total) AS total
        FROM latest JOIN top USING (agency) GROUP BY agency, status ORDER BY total DESC, agency, status""",
        limit,
    )


def milestones(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Dated milestones of primary copies, per locality in date order, with the file and page."""
    return _rows(
        con,
        """
        SELECT m.locality, m.role, m.start, m.deadline, m.date_text, m.task, m.page, d.source_path, d.title
        FROM milestones AS m JOIN primaries AS d USING (doc_id)
        WHERE m.deadline IS NOT NULL
        ORDER BY m.locality NULLS LAST, m.deadline, m.idx""",
    )


def citations(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Central and provincial documents cited, with the localities citing each (notices counted once)."""
    return _rows(
        con,
        """
        SELECT c.cited_key, c.cited_level, any_value(c.title) AS title,
               list(DISTINCT c.locality ORDER BY c.locality) FILTER (c.locality IS NOT NULL) AS localities,
               count(DISTINCT c.document_key) AS notices
        FROM citations AS c JOIN primaries USING (doc_id)
        WHERE c.cited_level IN ('central', 'province')
        GROUP BY c.cited_key, c.cited_level
        ORDER BY c.cited_level, notices DESC, c.cited_key""",
    )


def problem_documents(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Failed and partial files with their reasons: the error, else the warnings."""
    return _rows(
        con,
        """
        SELECT source_path, status, error, warnings, title FROM documents
        WHERE status <> 'ok' ORDER BY status, source_path""",
    )


def warning_rows(con: duckdb.DuckDBPyConnection, code: str) -> list[Row]:
    """Files carrying one warning code, with its detail (`roster_missing: <title>`)."""
    return _rows(
        con,
        """
        SELECT source_path, title, w AS warning, pages FROM documents, unnest(warnings) AS t(w)
        WHERE w = ? OR w LIKE ? || ':%' ORDER BY source_path, w""",
        code,
        code,
    )


def unknown_rows(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Roster lines whose status nothing speaks for, with their file, page and table."""
    return _rows(
        con,
        """
        SELECT d.source_path, a.page, a."table", a.row, a.name_raw, a.supervisor_raw, a.locality
        FROM associations AS a JOIN documents AS d USING (doc_id)
        WHERE a.status = 'unknown' ORDER BY d.source_path, a.row""",
    )


def load(output_dir: Path) -> ReportData:
    """Query every section of the report from the tables in `output_dir`."""
    con = _connect(output_dir)
    try:
        return ReportData(
            run=read_provenance(output_dir),
            localities=localities(con),
            by_place=by_place(con),
            by_agency=by_agency(con),
            milestones=milestones(con),
            citations=citations(con),
            problem_documents=problem_documents(con),
            warnings={code: warning_rows(con, code) for code in WARNINGS},
            unknown_rows=unknown_rows(con),
        )
    finally:
        con.close()
