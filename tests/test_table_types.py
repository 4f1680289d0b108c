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
from pipeline.discovery import discover
from pipeline.run import RunSummary
from pipeline.schemas import TABLES, enum_values
from pipeline.writer import SchemaViolation, write_table

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


ENUMS = [(name, field) for name, field in COLUMNS if enum_values(field) is not None]


@pytest.mark.parametrize("name, field", ENUMS, ids=[f"{name}.{field.name}" for name, field in ENUMS])
def test_enumerations_carry_every_value_in_order(
    corpus_run: tuple[Path, RunSummary], frames: dict[str, pd.DataFrame], name: str, field: pa.Field
) -> None:
    values = list(enum_values(field) or ())
    assert frames[name][field.name].cat.categories.tolist() == values
    assert set(frames[name][field.name].dropna()) <= set(values)
    polars_column = pl.read_parquet(corpus_run[0] / f"{name}.parquet")[field.name]
    assert polars_column.cast(pl.String).to_list() == frames[name][field.name].astype(object).where(
        frames[name][field.name].notna(), None
    ).tolist()


def test_a_value_outside_its_enumeration_is_refused(tmp_path: Path) -> None:
    row = {"doc_id": "a", "source_path": "a.txt", "sha256": "a" * 64, "ocr": False, "status": "done",
           "warnings": [], "inherited": []}
    with pytest.raises(SchemaViolation, match=r"status.*\['done'\]"):
        write_table([row], TABLES["documents"], tmp_path / "documents.parquet")
    assert not list(tmp_path.iterdir())


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
    jobs = [job_for(CORPUS_DOCUMENTS, found.path) for found in discover(CORPUS_DOCUMENTS)]
    fingerprint = run_fingerprint((job.source_path, job.sha256) for job in jobs)
    for name in TABLES:
        stored = pq.read_schema(corpus_run[0] / f"{name}.parquet").metadata
        assert stored[b"tuogou.version"].decode() == metadata.version("tuogou")
        assert stored[b"tuogou.input_fingerprint"].decode() == fingerprint
        assert stored[b"tuogou.run_time"].decode().endswith("+00:00")


README = Path(__file__).parent.parent / "README.md"


def _readme_examples(language: str) -> list[str]:
    """The README's `language` blocks under "Loading the tables", in order."""
    section = README.read_text(encoding="utf-8").split("## Loading the tables", 1)[1].split("\n## ", 1)[0]
    return [block.split("```", 1)[0] for block in section.split(f"```{language}\n")[1:]]


def test_readme_loading_examples_print_the_true_counts(
    corpus_run: tuple[Path, RunSummary], capsys: pytest.CaptureFixture[str]
) -> None:
    output = corpus_run[0].as_posix()
    namespace: dict[str, object] = {}
    for example in _readme_examples("python"):
        exec(example.replace("data/processed", output), namespace)  # noqa: S102 - the README's own code
    printed = capsys.readouterr().out
    assert [line.split()[-1] for line in printed.splitlines() if "decoupled" in line or "planned" in line][:4] == [
        "47", "5", "37", "113"
    ]
    queries = [duckdb.sql(query.replace("data/processed", output)) for query in _readme_examples("sql")]
    progress, agencies, histories = (query.fetchall() for query in queries)
    assert [row[:5] for row in progress] == [("宁夏回族自治区", 52, 47, 5, 52), ("河南省开封市", 150, 37, 113, 150)]
    assert agencies[0][2:] == (52, 47)
    assert histories == []
