"""Load the vocabulary tables shipped as CSV under `normalizers/data/`.

Vocabulary (header synonyms, status words, abbreviations, successor agencies,
divisions) is data, not code: each file has a header row and a `source` column,
and is read once per process.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

DATA_PACKAGE = "normalizers.data"


@cache
def read_table(filename: str) -> tuple[dict[str, str], ...]:
    """Rows of `normalizers/data/<filename>` as dicts keyed by the header row."""
    text = resources.files(DATA_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    return tuple(csv.DictReader(text.splitlines()))
