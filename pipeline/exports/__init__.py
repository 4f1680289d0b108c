"""Exports of a run's Parquet tables for people who do not read Parquet: a DuckDB file, a data package, a workbook."""

from pipeline.exports.datapackage import write_datapackage
from pipeline.exports.duckdb_file import write_duckdb
from pipeline.exports.workbook import write_workbook

__all__ = ["write_datapackage", "write_duckdb", "write_workbook"]
