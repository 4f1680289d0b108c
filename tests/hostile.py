"""Run one bad input beside three good documents and check that it cost one row, never the run.

Every hostile test builds its bad item with `place_bad(input_folder)`, calls `run_beside_good`,
and then asserts on `HostileRun.bad` (the documents rows of everything that is not a good
document) that the error or warning names the cause. `run_beside_good` itself checks what
must hold for every case: the command exits 0 within its time limit and memory, every table is
written and readable, no temporary file is left, and the good documents' rows are exactly those
of a run without the bad item.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from pipeline.schemas import TABLES

CORPUS = Path(__file__).parent / "corpus" / "documents"
GOOD = ("raw/ningxia-gxt-2019.html", "raw/kaifeng-fgw-2020-roster.xlsx", "raw/luozhuang-2018.txt")
"""Three quick documents with a roster, milestones and citations between them: no OCR, no LibreOffice."""
GOOD_FOLDER = "good"
MAX_SECONDS = 60.0
MAX_PEAK_BYTES = 2 << 30
KIB = 1024

COMPARED = {
    "documents": ("source_path", "status", "title", "doc_number", "issue_date", "adcode", "roster_rows", "stated_total"),
    "associations": ("source_path", "row", "name", "status", "supervisor", "supervisor_current", "page"),
    "milestones": ("source_path", "idx", "date_text", "deadline", "role"),
    "citations": ("source_path", "doc_number", "title", "cited_key"),
}
"""Columns of the good documents' rows that must not change whatever lies beside them."""


@dataclass(frozen=True)
class HostileRun:
    """What a run over the good documents and one bad item produced."""

    exit_code: int
    stderr: str
    tables: dict[str, pd.DataFrame]

    @property
    def bad(self) -> pd.DataFrame:
        """documents rows of everything that is not a good document, indexed by source_path."""
        documents = self.tables["documents"]
        return documents[~documents["source_path"].str.startswith(f"{GOOD_FOLDER}/")].set_index("source_path")


def place_good(input_dir: Path) -> None:
    """Copy the three good documents into `input_dir/good/`."""
    for name in GOOD:
        target = input_dir / GOOD_FOLDER / Path(name).name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / name, target)


def extract(input_dir: Path, output_dir: Path, *options: str, timeout: float = MAX_SECONDS) -> tuple[int, str]:
    """Run `tuogou extract` as a user would; return its exit code and standard error."""
    command = [sys.executable, "-m", "tuogou", "extract", "--input", str(input_dir), "--output", str(output_dir),
               "--quiet", *options]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False,
                              cwd=Path(__file__).parent.parent)
    return finished.returncode, finished.stderr


def read_tables(output_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table of a run; fails when one is missing or unreadable."""
    return {name: pd.read_parquet(output_dir / f"{name}.parquet") for name in TABLES}


def good_rows(tables: dict[str, pd.DataFrame]) -> dict[str, list[tuple[object, ...]]]:
    """The compared columns of the good documents' rows, per table, in a stable order."""
    paths = tables["documents"].set_index("doc_id")["source_path"]
    found = {}
    for name, columns in COMPARED.items():
        frame = tables[name]
        if name != "documents":
            frame = frame.assign(source_path=frame["doc_id"].map(paths))
        frame = frame[frame["source_path"].str.startswith(f"{GOOD_FOLDER}/", na=False)]
        rows = frame[list(columns)].astype(object).where(frame[list(columns)].notna(), None)
        found[name] = sorted(map(tuple, rows.itertuples(index=False)), key=repr)
    return found


@cache
def baseline() -> dict[str, list[tuple[object, ...]]]:
    """The good documents' rows from a run over them alone."""
    folder = Path(tempfile.mkdtemp(prefix="tuogou-hostile-baseline-"))
    place_good(folder / "in")
    code, stderr = extract(folder / "in", folder / "out")
    assert code == 0, stderr
    return good_rows(read_tables(folder / "out"))


def run_beside_good(tmp_path: Path, place_bad: Callable[[Path], None], *options: str) -> HostileRun:
    """Run over the good documents and the bad item, checking what must hold for every bad input."""
    input_dir, output_dir = tmp_path / "in", tmp_path / "out"
    place_good(input_dir)
    place_bad(input_dir)
    code, stderr = extract(input_dir, output_dir, *options)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * KIB
    assert code == 0, stderr
    assert peak < MAX_PEAK_BYTES, f"peak memory {peak / 2**30:.1f} GiB"
    tables = read_tables(output_dir)
    assert not [p.name for p in output_dir.iterdir() if p.name.endswith(".tmp")], "temporary files left"
    assert good_rows(tables) == baseline(), "a good document's rows changed"
    return HostileRun(code, stderr, tables)
