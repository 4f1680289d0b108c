"""The Dask executor: the same tables as a local run, on a real cluster, also when a worker dies mid-run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.dask_pool import BATCHES_PER_WORKER, MAX_BATCH, DaskWorkers, batch_size
from pipeline.process import FileResult
from pipeline.run import RunSummary, run
from pipeline.schemas import TABLES
from tests.conftest import CORPUS_DOCUMENTS, RAW
from tests.dask_cluster import dask_cluster

TIMEOUT = 600
"""The per-document limit of the cluster runs: far above any embedded document's time, even under load."""


def assert_same_tables(output: Path, reference: Path) -> None:
    for name in TABLES:
        assert pq.read_table(output / f"{name}.parquet").equals(pq.read_table(reference / f"{name}.parquet")), name


def test_a_cluster_run_equals_a_single_worker_run(single_worker_run: tuple[Path, RunSummary], tmp_path: Path) -> None:
    reference, single = single_worker_run
    with dask_cluster(tmp_path) as cluster:
        summary = run(CORPUS_DOCUMENTS, tmp_path / "out", workers=2, timeout=TIMEOUT, executor="dask", scheduler=cluster.address)
    assert (summary.statuses, summary.rows, summary.pages) == (single.statuses, single.rows, single.pages)
    assert_same_tables(tmp_path / "out", reference)


def test_one_worker_of_two_threads_gives_the_same_tables(
    single_worker_run: tuple[Path, RunSummary], tmp_path: Path
) -> None:
    """The README's set-up, one worker per machine with a thread per core: its threads share one local pool
    (of a process per thread), each waiting for its own calls only."""
    reference, single = single_worker_run
    with dask_cluster(tmp_path, workers=1, threads=2) as cluster:
        summary = run(CORPUS_DOCUMENTS, tmp_path / "out", workers=2, timeout=TIMEOUT, executor="dask", scheduler=cluster.address)
    assert (summary.statuses, summary.rows) == (single.statuses, single.rows)
    assert_same_tables(tmp_path / "out", reference)


def test_a_worker_killed_mid_run_costs_no_document(single_worker_run: tuple[Path, RunSummary], tmp_path: Path) -> None:
    reference, single = single_worker_run
    done: list[str] = []
    with dask_cluster(tmp_path) as cluster:

        def kill_after_the_first(result: FileResult) -> None:
            done.append(result.document["source_path"])
            if len(done) == 1:
                cluster.kill_worker(0)

        summary = run(
            CORPUS_DOCUMENTS, tmp_path / "out", workers=2, timeout=TIMEOUT, executor="dask",
            scheduler=cluster.address, on_file_done=kill_after_the_first,
        )
        assert cluster.workers[0].poll() is not None
    assert sorted(done) == sorted(set(done)) and summary.statuses == single.statuses
    assert_same_tables(tmp_path / "out", reference)


def test_a_local_cluster_keeps_the_time_limit_and_the_cache(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for name in ("luoyang-2017-scan.pdf", "luozhuang-2018.txt"):
        shutil.copy(RAW / name, source)
    summary = run(source, tmp_path / "out", workers=2, timeout=3, executor="dask")
    documents = pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()
    errors = {document["source_path"]: (document["status"], document["error"]) for document in documents}
    assert errors == {
        "luoyang-2017-scan.pdf": ("failed", "timeout: not read within 3 s"),
        "luozhuang-2018.txt": ("ok", None),
    }
    assert summary.statuses == {"failed": 1, "ok": 1}
    again = run(source, tmp_path / "out", workers=2, timeout=3, executor="dask")
    assert (again.cached, again.statuses) == (1, summary.statuses)  # a timeout is tried again, the rest reused


def test_batches_shrink_with_the_queue_down_to_single_calls() -> None:
    sizes, queued = [], 1000
    while queued:
        sizes.append(batch_size(queued, workers=2))
        queued -= sizes[-1]
    assert max(sizes) == MAX_BATCH and sizes == sorted(sizes, reverse=True)
    assert sizes[-BATCHES_PER_WORKER:] == [1] * BATCHES_PER_WORKER  # the tail keeps every worker busy
    assert len(sizes) < 1000 / 5
    assert batch_size(3, workers=0) == 1  # before any worker has joined


def test_batched_calls_keep_their_own_outcomes_and_calls_alone_get_a_task_each() -> None:
    with DaskWorkers(2, timeout=60) as pool:
        tickets = {pool.submit(abs, item): item for item in [-1, "x", *range(-40, -2)]}
        alone = {pool.submit(abs, -100, alone=True), pool.submit(abs, -101, alone=True)}
        pool._send_queued()
        tasks = [len(batch) for batch in pool._running.values()]
        outcomes = dict(pool.completed())
    assert tasks[:2] == [1, 1] and len(tasks) < 40  # the two alone, then batches
    for ticket, item in tickets.items():
        assert (isinstance(outcomes[ticket], TypeError) if item == "x" else outcomes[ticket] == abs(item)), item
    assert sorted(outcomes[ticket] for ticket in alone) == [100, 101]
