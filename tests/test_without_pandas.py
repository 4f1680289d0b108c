"""pandas stays out of the run: pyarrow would import it on its first array (0.5 s, 52 MB a process), though
only tests and users read the tables with it."""

from __future__ import annotations

import importlib
import operator
import subprocess
import sys
from functools import partial
from pathlib import Path

import pyarrow as pa
from conftest import RAW

from pipeline.pool import Workers

EXTRACT = """
import sys
from tuogou.cli import main
code = main(["extract", "--input", sys.argv[1], "--output", sys.argv[2], "--quiet"])
print(code, "pandas" in sys.modules)
"""


def test_the_extract_command_runs_without_importing_pandas(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "roster.xlsx").write_bytes((RAW / "kaifeng-fgw-2020-roster.xlsx").read_bytes())
    done = subprocess.run(
        [sys.executable, "-c", EXTRACT, str(source), str(tmp_path / "out")],
        capture_output=True, text=True, check=True, timeout=600,
    )
    assert done.stdout.split() == ["0", "False"]


def test_a_worker_builds_arrow_tables_with_pandas_kept_out() -> None:
    tasks = [partial(pa.array, ["协会"]), partial(importlib.import_module, "pandas")]
    with Workers(1, timeout=60) as pool:
        outcomes = dict(pool.as_completed(operator.call, tasks))
    assert outcomes[0].to_pylist() == ["协会"]
    assert isinstance(outcomes[1], ModuleNotFoundError)
