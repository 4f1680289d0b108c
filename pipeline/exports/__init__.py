"""Exports of a run's Parquet tables for people who do not read Parquet: a DuckDB file, a data package, a workbook."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.exports.datapackage import write_datapackage
from pipeline.exports.duckdb_file import write_duckdb
from pipeline.exports.workbook import write_workbook

__all__ = ["DEFAULT_EXPORTS", "write_datapackage", "write_default_exports", "write_duckdb", "write_workbook"]

DEFAULT_EXPORTS: dict[str, Callable[[Path], Path]] = {
    "tuogou.duckdb": write_duckdb,
    "datapackage.json": write_datapackage,
}
"""What every extract writes beside the tables; the workbook is written on request (`tuogou export --xlsx`)."""


def write_default_exports(output_dir: Path, only_missing: bool = False) -> None:
    """Write the database and the data package from the tables in `output_dir` (only absent ones if asked)."""
    for name, write in DEFAULT_EXPORTS.items():
        if not (only_missing and (output_dir / name).is_file()):
            write(output_dir)
