"""Malformed files of every format, each beside three good documents: one failed row, the run goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hostile import CORPUS, run_beside_good

MALFORMED = {
    "corrupt.docx": "corrupt",
    "truncated.pdf": "pdf",
    "encrypted.pdf": "encrypted",
    "binary.txt": "binary",
}


@pytest.mark.parametrize(("name", "cause"), MALFORMED.items(), ids=MALFORMED.keys())
def test_a_malformed_file_costs_one_row(tmp_path: Path, name: str, cause: str) -> None:
    found = run_beside_good(tmp_path, lambda folder: shutil.copyfile(CORPUS / "bad" / name, folder / name))
    row = found.bad.loc[name]
    assert row["status"] == "failed"
    assert cause in row["error"].lower()
