"""One DuckDB file beside the Parquet tables: every table typed, commented and keyed, and views for the usual questions.

Type choices: dates are DATE (every value is a day, stored in Parquet as a midnight timestamp only
for pandas' sake), so `2020-10-31` prints without a time and `strftime`/comparisons with
`'2019-10-15'` work. Enumerations are ENUM types listing every value in the declared order, so
`DESCRIBE` shows what a column may hold, `ORDER BY status` follows the schema's order as pandas'
categoricals do, and comparing with a string works as with VARCHAR (`status = 'decoupled'`).

DuckDB's foreign keys have limits that shape the declaration: they can only be declared in
`CREATE TABLE` (tables are therefore created referenced-first), they are checked against rows already
stored, so a row can never refer to its own table (`documents.document_key` → `documents.doc_id`
cannot be loaded: such keys are left to the data package and named in the column's comment), and a
referenced row can no longer be deleted or its key updated (the file is an export, rebuilt per run).
"""

from __future__ import annotations

from collections.abc import Iterator
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb
import pyarrow as pa

from pipeline.exports.tables import Provenance, description, read_provenance, table_path
from pipeline.schemas import ASSOCIATIONS_LATEST, TABLE_INFO, TABLES, ForeignKey, enum_values
from pipeline.writer import replace_atomically

DATABASE = "tuogou.duckdb"
RUN_TABLE = "tuogou_run"
STORAGE_VERSION = "v1.0.0"
"""The file format DuckDB writes: readable by every DuckDB since 1.0 (the CLI people already have), not only
by the version that wrote it."""


def write_duckdb(output_dir: Path) -> Path:
    """Write `OUTPUT/tuogou.duckdb` from the run's Parquet tables in `output_dir`, atomically; return its path."""
    provenance = read_provenance(output_dir)
    path = output_dir / DATABASE
    replace_atomically(path, lambda temporary: _build(temporary, output_dir, provenance))
    return path


def _build(database: Path, output_dir: Path, provenance: Provenance) -> None:
    """Fill a new database file; DuckDB will not open the empty placeholder, so it starts from no file."""
    database.unlink()
    try:
        with duckdb.connect(str(database), config={"storage_compatibility_version": STORAGE_VERSION}) as connection:
            for statement in _statements(output_dir, provenance):
                connection.execute(statement)
    finally:
        Path(f"{database}.wal").unlink(missing_ok=True)


def _statements(output_dir: Path, provenance: Provenance) -> Iterator[str]:
    for name in creation_order():
        yield create_table(name)
        source = _literal(str(table_path(output_dir, name)))
        yield f"INSERT INTO {_id(name)} BY NAME SELECT * FROM read_parquet({source})"
        yield from _comments(name)
    yield from _run_table(provenance)
    for name, (comment, query) in VIEWS.items():
        yield f"CREATE VIEW {_id(name)} AS {query}"
        yield f"COMMENT ON VIEW {_id(name)} IS {_literal(comment)}"


def creation_order() -> list[str]:
    """Referenced tables before the tables that refer to them: DuckDB checks a foreign key as the rows go in."""
    sorter = TopologicalSorter({name: [] for name in TABLES})
    for name, info in TABLE_INFO.items():
        sorter.add(name, *(key.table for key in _loadable(name, info.foreign_keys)))
    return list(sorter.static_order())


def _loadable(name: str, keys: tuple[ForeignKey, ...]) -> list[ForeignKey]:
    """The foreign keys DuckDB can hold: not those within one table (see the module docstring)."""
    return [key for key in keys if key.table != name]


def create_table(name: str) -> str:
    """`CREATE TABLE` with each column's type, NOT NULL, the primary key and the loadable foreign keys."""
    schema, info = TABLES[name], TABLE_INFO[name]
    lines = [f"{_id(f.name)} {column_type(f.type, enum_values(f))}{'' if f.nullable else ' NOT NULL'}" for f in schema]
    if info.primary_key:
        lines.append(f"PRIMARY KEY ({_ids(info.primary_key)})")
    for key in _loadable(name, info.foreign_keys):
        lines.append(f"FOREIGN KEY ({_ids(key.columns)}) REFERENCES {_id(key.table)} ({_ids(key.references)})")
    return f"CREATE TABLE {_id(name)} (\n  " + ",\n  ".join(lines) + "\n)"


def column_type(type_: pa.DataType, values: tuple[str, ...] | None = None) -> str:
    """The DuckDB type of an Arrow column: an enumeration's values make an ENUM, a timestamp is a DATE."""
    if values is not None:
        return f"ENUM({', '.join(map(_literal, values))})"
    if pa.types.is_list(type_):
        return f"{column_type(type_.value_type)}[]"
    if pa.types.is_timestamp(type_):
        return "DATE"
    types = {pa.string(): "VARCHAR", pa.int32(): "INTEGER", pa.bool_(): "BOOLEAN"}
    return types[type_]


def _comments(name: str) -> Iterator[str]:
    info = TABLE_INFO[name]
    yield f"COMMENT ON TABLE {_id(name)} IS {_literal(info.description)}"
    within = {key.columns[0]: key for key in info.foreign_keys if key.table == name}
    for field in TABLES[name]:
        text = description(field)
        if field.name in within:
            referenced = f"{name}.{within[field.name].references[0]}"
            text += f" (refers to {referenced}; not declared as a key: DuckDB cannot hold a key within one table)"
        yield f"COMMENT ON COLUMN {_id(name)}.{_id(field.name)} IS {_literal(text)}"


def _run_table(provenance: Provenance) -> Iterator[str]:
    """A one-row table saying which tuogou run the database was built from."""
    yield (
        f"CREATE TABLE {RUN_TABLE} AS SELECT {_literal(provenance.version)} AS version,"
        f" {_literal(provenance.run_time)}::TIMESTAMPTZ AS run_time, {_literal(provenance.run_id)} AS run_id,"
        f" {_literal(provenance.input_fingerprint)} AS input_fingerprint"
    )
    yield f"COMMENT ON TABLE {RUN_TABLE} IS 'the extraction run the tables come from (from their Parquet metadata)'"
    for column, text in {
        "version": "tuogou version that wrote the tables",
        "run_time": "when the run wrote them",
        "run_id": "the run's id, as tuogou.run_id in every Parquet file",
        "input_fingerprint": "digest of every input path and SHA-256: the same value, the same input folder contents",
    }.items():
        yield f"COMMENT ON COLUMN {RUN_TABLE}.{column} IS {_literal(text)}"


_STATUSES = enum_values(ASSOCIATIONS_LATEST.field("status")) or ()
_STATUS_COUNTS = ", ".join(f"count(*) FILTER (l.status = '{status}') AS {status}" for status in _STATUSES)
_STATUS_COLUMNS = ", ".join(f"coalesce(s.{status}, 0) AS {status}" for status in _STATUSES)

VIEWS: dict[str, tuple[str, str]] = {
    "latest_status_by_association": (
        (
            "one row per association: its latest known status (as associations_latest), the supervising unit named"
            " there, and its history over every notice listing it (`planned 2017-05-02 → decoupled 2019-03-01`)"
        ),
        """
        SELECT l.association_key, l.name, l.status, l.date, l.adcode, l.locality, s.supervisor,
               s.supervisor_current, s.agency_key, l.document_key, h.notices, h.history
        FROM associations_latest AS l
        JOIN association_status AS s USING (association_key, document_key)
        JOIN (SELECT association_key, count(*) AS notices,
                     string_agg(status || ' ' || coalesce(strftime(date, '%Y-%m-%d'), 'undated'), ' → '
                                ORDER BY date NULLS LAST, document_key) AS history
              FROM association_status GROUP BY association_key) AS h USING (association_key)
        ORDER BY l.adcode NULLS LAST, l.locality, l.association_key
        """,
    ),
    "progress_by_locality": (
        (
            "one row per locality (adcode, locality, level of the issuing government): its notices, the"
            " associations they list counted once each by their latest status, the share decoupled, the totals"
            " the notices state (summed), the first and latest notice dates and the latest finish deadline"
        ),
        f"""
        WITH notices AS (
            SELECT adcode, locality, admin_level, count(*) AS notices, sum(stated_total)::INTEGER AS stated_total,
                   min(date) AS first_notice, max(date) AS latest_notice, max(finish_deadline) AS finish_deadline
            FROM progress GROUP BY adcode, locality, admin_level
        ), statuses AS (
            SELECT p.adcode, p.locality, p.admin_level, count(*) AS associations, {_STATUS_COUNTS}
            FROM associations_latest AS l JOIN progress AS p USING (document_key)
            GROUP BY p.adcode, p.locality, p.admin_level
        )
        SELECT n.adcode, n.locality, n.admin_level, n.notices, coalesce(s.associations, 0) AS associations,
               {_STATUS_COLUMNS},
               round(s.decoupled / s.associations, 3) AS share_decoupled,
               n.stated_total, n.first_notice, n.latest_notice, n.finish_deadline
        FROM notices AS n LEFT JOIN statuses AS s
          ON s.adcode IS NOT DISTINCT FROM n.adcode AND s.locality IS NOT DISTINCT FROM n.locality
         AND s.admin_level IS NOT DISTINCT FROM n.admin_level
        ORDER BY n.adcode NULLS LAST, n.locality
        """,
    ),
    "finish_deadlines_by_locality": (
        (
            "one row per finish milestone (by when the whole reform must be done) of a primary copy, by locality"
            " and deadline, with the task, the date as printed and the document it is set in"
        ),
        """
        SELECT m.adcode, m.locality, d.admin_level, m.deadline, m.date_text, m.task, d.title, d.doc_number,
               m.document_key, m.doc_id, m.page
        FROM milestones AS m JOIN documents AS d USING (doc_id)
        WHERE m.role = 'finish' AND d."primary"
        ORDER BY m.adcode NULLS LAST, m.locality, m.deadline NULLS LAST, m.doc_id, m.idx
        """,
    ),
}
"""Views by name: what each answers (its comment) and its query."""


def _id(name: str) -> str:
    """A quoted identifier: several columns are SQL keywords (`primary`, `row`, `table`, `date`)."""
    return '"' + name.replace('"', '""') + '"'


def _ids(names: tuple[str, ...]) -> str:
    return ", ".join(map(_id, names))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
