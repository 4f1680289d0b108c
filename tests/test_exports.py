"""The exports of a run: tuogou.duckdb, datapackage.json and tuogou.xlsx, written from the corpus run's tables."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from frictionless import Package

from pipeline.exports import write_datapackage, write_duckdb, write_workbook
from pipeline.exports.duckdb_file import RUN_TABLE, VIEWS
from pipeline.exports.tables import MixedRun, description, read_provenance, table_path
from pipeline.exports.workbook import CELL_LIMIT, LEFT_OUT, LIST_SEPARATOR, cell_value
from pipeline.run import RunSummary
from pipeline.schemas import TABLE_INFO, TABLES, enum_values

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def tables(corpus_run: tuple[Path, RunSummary], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus run's Parquet tables, so the exports never touch the shared run's folder."""
    output, _ = corpus_run
    folder = tmp_path_factory.mktemp("exports")
    for name in TABLES:
        shutil.copy(table_path(output, name), folder)
    return folder


@pytest.fixture(scope="module")
def frames(tables: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(table_path(tables, name)) for name in TABLES}


# --- the keys, declared once in pipeline/schemas.py -------------------------------------------------


def test_every_table_has_its_description_and_keys() -> None:
    assert TABLE_INFO.keys() == TABLES.keys()
    for name, info in TABLE_INFO.items():
        assert info.description
        assert all(not TABLES[name].field(column).nullable for column in info.primary_key)
        for key in info.foreign_keys:
            assert set(key.columns) <= set(TABLES[name].names)
            assert key.references == TABLE_INFO[key.table].primary_key, "a key refers to its table's primary key"


@pytest.mark.parametrize("name", [name for name, info in TABLE_INFO.items() if info.primary_key])
def test_primary_keys_hold_on_the_corpus(frames: dict[str, pd.DataFrame], name: str) -> None:
    frame = frames[name]
    assert len(frame) and not frame.duplicated(list(TABLE_INFO[name].primary_key)).any()


@pytest.mark.parametrize(
    "name,key",
    [(name, key) for name, info in TABLE_INFO.items() for key in info.foreign_keys],
    ids=lambda v: str(getattr(v, "columns", v)),
)
def test_foreign_keys_hold_on_the_corpus(frames: dict[str, pd.DataFrame], name: str, key: Any) -> None:
    rows = frames[name][list(key.columns)].dropna().astype(str).drop_duplicates()
    referenced = frames[key.table][list(key.references)].astype(str).set_axis(list(key.columns), axis=1)
    assert len(rows), f"{name}.{key.columns} is never filled in the corpus: the check would prove nothing"
    assert len(rows.merge(referenced, how="left", indicator=True).query("_merge == 'left_only'")) == 0


# --- tuogou.duckdb -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def database(tables: Path) -> duckdb.DuckDBPyConnection:
    path = write_duckdb(tables)
    assert path == tables / "tuogou.duckdb"
    return duckdb.connect(str(path), read_only=True)


def _rows(connection: duckdb.DuckDBPyConnection, query: str, *parameters: Any) -> list[tuple[Any, ...]]:
    return connection.execute(query, list(parameters)).fetchall()


@pytest.mark.parametrize("name", TABLES)
def test_database_holds_every_table_with_its_rows_and_comments(
    database: duckdb.DuckDBPyConnection, tables: Path, name: str
) -> None:
    assert _rows(database, f'SELECT count(*) FROM "{name}"') == [(pq.read_metadata(table_path(tables, name)).num_rows,)]
    assert _rows(database, "SELECT comment FROM duckdb_tables() WHERE table_name = ?", name) == [
        (TABLE_INFO[name].description,)
    ]
    comments = dict(_rows(database, "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?", name))
    assert list(comments) == TABLES[name].names
    assert all(comments[f.name].startswith(description(f)) for f in TABLES[name])


@pytest.mark.parametrize("name", TABLES)
def test_database_types_dates_and_enumerations(database: duckdb.DuckDBPyConnection, name: str) -> None:
    types = dict(_rows(database, "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ?", name))
    for field in TABLES[name]:
        if pa.types.is_timestamp(field.type):
            assert types[field.name] == "DATE"
        values = enum_values(field)
        if values is not None:
            assert _rows(database, f"SELECT unnest(enum_range(NULL::{types[field.name]}))") == [(v,) for v in values]


def test_database_declares_the_keys(database: duckdb.DuckDBPyConnection) -> None:
    constraints = _rows(
        database,
        "SELECT table_name, constraint_type, constraint_column_names, referenced_table, referenced_column_names"
        " FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')",
    )
    expected = {
        (name, "PRIMARY KEY", info.primary_key, None, ()) for name, info in TABLE_INFO.items() if info.primary_key
    }
    expected |= {
        (name, "FOREIGN KEY", key.columns, key.table, key.references)
        for name, info in TABLE_INFO.items()
        for key in info.foreign_keys
        if key.table != name
    }
    found = {
        (t, kind, tuple(columns), referenced, tuple(references or ()))
        for t, kind, columns, referenced, references in constraints
    }
    assert found == expected


def test_database_views_answer_with_comments(
    database: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame]
) -> None:
    comments = dict(_rows(database, "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal"))
    assert comments == {name: comment for name, (comment, _) in VIEWS.items()}
    latest = frames["associations_latest"]
    assert _rows(database, "SELECT count(*) FROM latest_status_by_association") == [(len(latest),)]
    by_locality = database.execute("SELECT locality, associations, decoupled, planned FROM progress_by_locality").df()
    counted = by_locality.dropna(subset=["locality"]).set_index("locality")
    assert counted.associations.sum() == len(latest)
    assert (counted.associations >= counted.decoupled + counted.planned).all()
    finishes = frames["milestones"].query("role == 'finish'")
    assert 0 < _rows(database, "SELECT count(*) FROM finish_deadlines_by_locality")[0][0] <= len(finishes)


def test_database_opens_in_duckdb_1_0_and_later(database: duckdb.DuckDBPyConnection) -> None:
    assert _rows(database, "SELECT tags['storage_version'] FROM duckdb_databases() WHERE NOT internal") == [
        ("v1.0.0+",)
    ]


def test_database_says_which_run_it_comes_from(database: duckdb.DuckDBPyConnection, tables: Path) -> None:
    provenance = read_provenance(tables)
    ((version, run_id),) = _rows(database, f"SELECT version, run_id FROM {RUN_TABLE}")
    assert (version, run_id) == (provenance.version, provenance.run_id)


# --- datapackage.json ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def package(tables: Path) -> dict[str, Any]:
    return json.loads(write_datapackage(tables).read_text(encoding="utf-8"))


def test_data_package_descriptor_is_valid(package: dict[str, Any], tables: Path) -> None:
    assert list(Package.metadata_validate(package)) == []
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    assert all((tables / r["path"]).is_file() and r["format"] == "parquet" for r in package["resources"])
    provenance = read_provenance(tables)
    assert (package["created"], package["tuogou"]["version"]) == (provenance.run_time, provenance.version)


def test_data_package_fields_follow_the_schemas(package: dict[str, Any]) -> None:
    for resource in package["resources"]:
        schema = TABLES[resource["name"]]
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == schema.names
        for descriptor, field in zip(fields, schema):
            constraints = descriptor.get("constraints", {})
            assert descriptor["description"] == description(field)
            assert constraints.get("required", False) is not field.nullable
            assert tuple(constraints.get("enum", ())) == (enum_values(field) or ())


def _inline(package: dict[str, Any], tables: Path) -> dict[str, Any]:
    """The package with each table's rows inline in place of its Parquet path.

    frictionless reads Parquet through pandas and stops at the first null date (`NaTType does not support
    time`, frictionless 5.21 with pandas 3), so the rows come from pyarrow and frictionless checks them
    against the very schemas of the descriptor: types, required, enum, primary and foreign keys.
    """
    resources = []
    for resource in package["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"]]
        rows = pq.read_table(tables / resource["path"]).to_pylist()
        data = [
            names,
            *(
                [value.date() if isinstance(value, datetime) else value for value in map(row.get, names)]
                for row in rows
            ),
        ]
        resources.append(
            {**{k: v for k, v in resource.items() if k not in ("path", "format", "mediatype")}, "data": data}
        )
    return {**package, "resources": resources}


def test_data_package_validates_with_frictionless(package: dict[str, Any], tables: Path) -> None:
    report = Package(_inline(package, tables)).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])[:5]
    assert {task.name: task.stats["rows"] for task in report.tasks} == {
        name: pq.read_metadata(table_path(tables, name)).num_rows for name in TABLES
    }


def test_frictionless_validation_catches_a_broken_key_and_enumeration(package: dict[str, Any], tables: Path) -> None:
    inline = _inline(package, tables)
    associations = next(r for r in inline["resources"] if r["name"] == "associations")
    header = associations["data"][0]
    associations["data"][1][header.index("agency_key")] = "no-such-agency"
    associations["data"][2][header.index("status")] = "half-done"
    errors = {error[0] for error in Package(inline).validate().flatten(["type"])}
    assert errors == {"foreign-key", "constraint-error"}


# --- tuogou.xlsx --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook(tables: Path) -> Path:
    return write_workbook(tables)


def _check_workbook(path: Path, tables: Path) -> None:
    """Every sheet with its table's rows and columns, dates as dates, no list written as Python text."""
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["about", *TABLES]
    for name, schema in TABLES.items():
        rows = list(book[name].iter_rows(values_only=True))
        fields = [f for f in schema if (name, f.name) not in LEFT_OUT]
        assert list(rows[0]) == [f.name for f in fields]
        assert len(rows) - 1 == pq.read_metadata(table_path(tables, name)).num_rows
        for index, field in enumerate(fields):
            cells = [row[index] for row in rows[1:] if row[index] not in (None, "")]
            if pa.types.is_timestamp(field.type):
                assert all(isinstance(cell, datetime) for cell in cells), (name, field.name)
            assert not any(isinstance(cell, str) and ("['" in cell or '["' in cell) for cell in cells), (
                name,
                field.name,
            )


def test_workbook_reads_back(workbook: Path, tables: Path) -> None:
    _check_workbook(workbook, tables)


def test_workbook_joins_lists_and_freezes_headers(workbook: Path, frames: dict[str, pd.DataFrame]) -> None:
    book = openpyxl.load_workbook(workbook)
    issuers = frames["documents"].issuers.dropna()
    longest = max(issuers, key=len)
    assert len(longest) > 1, "the corpus should hold a document with several issuers"
    column = [c.value for c in book["documents"][1]].index("issuers") + 1
    cells = [row[0].value for row in book["documents"].iter_rows(min_row=2, min_col=column, max_col=column)]
    assert LIST_SEPARATOR.join(longest) in cells
    assert "text" not in [c.value for c in book["documents"][1]]
    assert all(book[name].freeze_panes == "A2" for name in TABLES)
    about = [(row[0], row[1]) for row in book["about"].iter_rows(values_only=True)]
    assert all((name, f.name) in about for name, schema in TABLES.items() for f in schema)


@pytest.mark.parametrize(
    "value,expected",
    [
        (["国家发展改革委", "民政部"], "国家发展改革委；民政部"),
        ([], ""),
        (datetime(2019, 10, 15), date(2019, 10, 15)),
        ("=SUM(A1)", "=SUM(A1)"),
        ("a\x00b\x1fc", "abc"),
        (3, 3),
        (None, None),
    ],
)
def test_cell_values(value: Any, expected: Any) -> None:
    assert cell_value(value) == expected


def test_an_overlong_cell_is_cut_to_excels_limit() -> None:
    cut = cell_value("字" * (CELL_LIMIT + 10))
    assert len(cut) == CELL_LIMIT and cut.endswith("…")


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_workbook_opens_in_libreoffice(workbook: Path, tables: Path, tmp_path: Path) -> None:
    """LibreOffice Calc loads the workbook and saves it again with every row, date and joined list intact."""
    result = subprocess.run(
        [
            OFFICE,
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "out"),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    converted = tmp_path / "out" / workbook.name
    assert converted.is_file(), (
        f"LibreOffice could not load the workbook (is Calc installed?): {result.stdout} {result.stderr}"
    )
    _check_workbook(converted, tables)


# --- shared behaviour ---------------------------------------------------------------------------


def test_exports_are_replaced_atomically_and_leave_nothing_behind(
    tables: Path, database: duckdb.DuckDBPyConnection, package: dict[str, Any], workbook: Path
) -> None:
    for write in (write_duckdb, write_datapackage, write_workbook):
        write(tables)
    assert sorted(p.name for p in tables.iterdir() if p.suffix != ".parquet") == [
        "datapackage.json",
        "tuogou.duckdb",
        "tuogou.xlsx",
    ]


def test_tables_of_two_runs_are_refused(tables: Path, tmp_path: Path) -> None:
    for name in TABLES:
        shutil.copy(table_path(tables, name), tmp_path)
    progress = pq.read_table(table_path(tmp_path, "progress"))
    pq.write_table(
        progress.replace_schema_metadata({**progress.schema.metadata, b"tuogou.run_id": b"another"}),
        table_path(tmp_path, "progress"),
    )
    for write in (write_duckdb, write_datapackage, write_workbook):
        with pytest.raises(MixedRun):
            write(tmp_path)
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".parquet"] * len(TABLES)
