"""Every table of a run reads back with its intended types in pandas, DuckDB and polars, with no options."""

from __future__ import annotations

import os
import stat
from importlib import metadata
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import CORPUS_DOCUMENTS

from pipeline.cache import run_fingerprint
from pipeline.process import job_for
from pipeline.run import RunSummary, discover
from pipeline.schemas import TABLES

COLUMNS = [(name, field) for name, schema in TABLES.items() for field in schema]
IDS = [f"{name}.{field.name}" for name, field in COLUMNS]


def _pandas_dtype_ok(type_: pa.DataType, dtype: object) -> bool:
    if pa.types.is_int32(type_):
        return str(dtype) == "Int32"
    if pa.types.is_boolean(type_):
        return str(dtype) == "boolean"
    if pa.types.is_timestamp(type_):
        return str(dtype) == "datetime64[ms]"
    if pa.types.is_dictionary(type_):
        return isinstance(dtype, pd.CategoricalDtype)
    if pa.types.is_list(type_):
        return str(dtype) == "object"
    return pd.api.types.is_string_dtype(dtype)


DUCKDB_TYPES = {"int32": "INTEGER", "bool": "BOOLEAN", "timestamp[ms]": "TIMESTAMP", "string": "VARCHAR",
                "list<item: string>": "VARCHAR[]", "dictionary<values=string, indices=int32, ordered=0>": "VARCHAR"}
POLARS_TYPES = {"int32": pl.Int32, "bool": pl.Boolean, "timestamp[ms]": pl.Datetime("ms"), "string": pl.String,
                "list<item: string>": pl.List(pl.String),
                "dictionary<values=string, indices=int32, ordered=0>": pl.Categorical}


@pytest.fixture(scope="module")
def frames(corpus_run: tuple[Path, RunSummary]) -> dict[str, pd.DataFrame]:
    output, _ = corpus_run
    return {name: pd.read_parquet(output / f"{name}.parquet") for name in TABLES}


@pytest.mark.parametrize("name, field", COLUMNS, ids=IDS)
def test_pandas_reads_the_intended_dtype(frames: dict[str, pd.DataFrame], name: str, field: pa.Field) -> None:
    assert _pandas_dtype_ok(field.type, frames[name][field.name].dtype), frames[name][field.name].dtype


@pytest.mark.parametrize("name", TABLES)
def test_duckdb_and_polars_read_sensible_types(corpus_run: tuple[Path, RunSummary], name: str) -> None:
    path = corpus_run[0] / f"{name}.parquet"
    described = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()}
    assert described == {f.name: DUCKDB_TYPES[str(f.type)] for f in TABLES[name]}
    assert dict(pl.read_parquet(path).schema) == {f.name: POLARS_TYPES[str(f.type)] for f in TABLES[name]}


def test_values_survive_in_every_reader(corpus_run: tuple[Path, RunSummary], frames: dict[str, pd.DataFrame]) -> None:
    path = corpus_run[0] / "documents.parquet"
    arrow = pq.read_table(path).to_pandas(types_mapper=pd.ArrowDtype)  # the plain Arrow values, for reference
    dated = frames["documents"].dropna(subset=["issue_date"])
    assert len(dated) > 0
    assert (dated["issue_date"].dt.year >= 2015).all()
    polars_dates = pl.read_parquet(path).drop_nulls("issue_date")["issue_date"].dt.date().to_list()
    query = f"SELECT issue_date::DATE FROM '{path}' WHERE issue_date IS NOT NULL"
    duck_dates = [row[0] for row in duckdb.sql(query).fetchall()]
    assert sorted(polars_dates) == sorted(duck_dates) == sorted(d.date() for d in dated["issue_date"])
    assert frames["documents"]["status"].astype(str).tolist() == arrow["status"].astype(str).tolist()


def test_analyst_idioms_work_on_the_read_tables(frames: dict[str, pd.DataFrame]) -> None:
    documents, associations = frames["documents"], frames["associations"]
    first = documents["issue_date"].dropna().min()
    assert (documents["issue_date"] == first.strftime("%Y-%m-%d")).any(), "dates compare with ISO strings"
    assert int((associations["status"] == "decoupled").sum()) > 0, "categoricals compare with strings"
    counts = associations.groupby("status", observed=True).size()
    assert counts.sum() == len(associations)
    assert documents["ocr"].any() and not documents["ocr"].isna().any()


def test_tables_are_readable_by_others(corpus_run: tuple[Path, RunSummary]) -> None:
    umask = os.umask(0)
    os.umask(umask)
    for name in TABLES:
        assert stat.S_IMODE((corpus_run[0] / f"{name}.parquet").stat().st_mode) == 0o666 & ~umask


def test_every_table_says_who_wrote_it_when_and_from_what(corpus_run: tuple[Path, RunSummary]) -> None:
    fingerprint = run_fingerprint([job_for(CORPUS_DOCUMENTS, p) for p in discover(CORPUS_DOCUMENTS)])
    for name in TABLES:
        stored = pq.read_schema(corpus_run[0] / f"{name}.parquet").metadata
        assert stored[b"tuogou.version"].decode() == metadata.version("tuogou")
        assert stored[b"tuogou.input_fingerprint"].decode() == fingerprint
        assert stored[b"tuogou.run_time"].decode().endswith("+00:00")


README = Path(__file__).parent.parent / "README.md"


def _readme_example(language: str) -> str:
    """The README's first `language` block under "Loading the tables"."""
    section = README.read_text(encoding="utf-8").split("## Loading the tables", 1)[1]
    return section.split(f"```{language}\n", 1)[1].split("```", 1)[0]


def test_readme_loading_examples_run(corpus_run: tuple[Path, RunSummary], capsys: pytest.CaptureFixture[str]) -> None:
    output = corpus_run[0].as_posix()
    exec(_readme_example("python").replace("data/processed", output), {})  # noqa: S102 - the README's own code
    assert "decoupled" in capsys.readouterr().out
    rows = duckdb.sql(_readme_example("sql").replace("data/processed", output)).fetchall()
    assert {status for _, status, _ in rows} >= {"decoupled", "planned"}
