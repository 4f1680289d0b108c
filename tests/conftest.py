"""Shared fixtures: the embedded corpus, the malformed files, and one pipeline run over both."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.run import RunSummary, run

TESTS = Path(__file__).parent
CORPUS_DOCUMENTS = TESTS / "corpus" / "documents"
RAW = TESTS.parent / "data" / "raw"
BAD = CORPUS_DOCUMENTS / "bad"
GOLD = TESTS / "corpus" / "gold"


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RunSummary]:
    """Run the pipeline once over data/raw/ and the malformed files, with two workers."""
    output = tmp_path_factory.mktemp("corpus_run")
    summary = run(CORPUS_DOCUMENTS, output, workers=2)
    return output, summary


@pytest.fixture(scope="session")
def single_worker_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RunSummary]:
    """The same run with one worker, in this process: the reference other ways of running are held to."""
    output = tmp_path_factory.mktemp("single_worker_run")
    summary = run(CORPUS_DOCUMENTS, output, workers=1)
    return output, summary


@pytest.fixture(scope="session")
def documents(corpus_run: tuple[Path, RunSummary]) -> pd.DataFrame:
    """documents.parquet of the corpus run, indexed by source_path (`raw/…`, `bad/…`)."""
    output, _ = corpus_run
    return pd.read_parquet(output / "documents.parquet").set_index("source_path")
