"""Run the pipeline's calls on a Dask cluster (`dask.distributed`): a local one, or one reached by its scheduler's address.

The run loop sees the same `Executor` as with the local pool, and each call keeps the same rules:
a Dask worker hands every call to its own local pool (`pipeline.pool.Workers`) of one process per
thread (`dask worker --nthreads`), so the per-document time limit, the memory cap and a reader's
crash act as they do on one machine (a call over the limit comes back `Stopped` and that worker
goes on). Only the death of a whole Dask worker is the cluster's business: the scheduler runs its
calls again on another worker, as many times as its `distributed.scheduler.allowed-failures`
allows (the README's scheduler sets 1: retried once), then the call fails with `KilledWorker`,
reported as `Stopped`. A local cluster's workers are threads of the run's process: they cannot
die alone.

Calls travel in batches, one Dask task each, because a task costs about 10 ms of CPU spread over
the client, the scheduler and the worker, which on a machine whose cores all read documents is
10 ms taken from reading: with 700 single-call tasks (hash and read 350 files) a cluster of two
worker processes ran the bench corpus at 0.70-0.80 of the local pool's throughput, with batches at
0.88 (median of 7 pairs, 2026-12-02). Batches shrink as the queue does (guided self-scheduling),
so early tasks are few and the last ones single calls that keep every worker busy to the end; a
call submitted `alone` (a page range) is a task of its own, so the ranges of a long scan spread
over the workers.
A batch comes back whole: when a worker dies, the calls of its current batch run again elsewhere.

Paths travel as they are: input, output and cache folders must be at the same absolute paths on
every worker (a shared file system), which `run` ensures by making them absolute.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import pickle
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from typing import TypeVar

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, Scheduler, Worker, WorkerPlugin, get_worker
from distributed import as_completed as dask_as_completed

from pipeline.pool import Executor, Stopped, Workers, call_pickled
from readers import limits

Item = TypeVar("Item")
Result = TypeVar("Result")

MAX_BATCH = 16
"""The most calls one Dask task carries: enough to make the cost of a task small beside its calls."""

BATCHES_PER_WORKER = 4
"""Each batch is at most this share of the queue per worker, so no worker is handed the tail of the run alone."""


class DaskWorkers(Executor):
    """Calls run on a Dask cluster: the one at `scheduler` (an address), else a `LocalCluster` of `workers` workers.

    The local cluster's workers are threads of this process (`processes=False`): a worker only hands
    calls to its own pool, whose processes do the reading, so a worker process of its own would add
    an interpreter, a fork server and a socket hop per call and isolate nothing. Measured on the bench
    corpus (2 workers against the local pool's 2, each run in a fresh process, 2026-12-02, quiet):
    worker processes 0.74-1.02 of the local pool's throughput (median of 7 pairs: 0.88; 0.5 s to start,
    0.8 s of CPU per worker to relay 700 calls), worker threads 0.95-1.02 (median of 8 pairs: 0.98).
    """

    def __init__(
        self, workers: int, timeout: float | None, caps: limits.Limits = limits.Limits(), scheduler: str | None = None
    ) -> None:
        self.caps = caps
        self.cluster: LocalCluster | None = None
        scheduler = scheduler or dask.config.get("scheduler-address", None)
        if scheduler is None:
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=False,  # threads: see the class docstring
                memory_limit=0,  # each call's memory is capped in its own process (`caps`)
                dashboard_address=None,
            )
        self.client = Client(scheduler or self.cluster, set_as_default=False)
        self.runs_per_call = 1 + self.client.run_on_scheduler(_allowed_failures)
        self.plugin = f"tuogou-pool-{uuid.uuid4().hex}"
        self.client.register_plugin(LocalPool(timeout, caps), name=self.plugin)
        self._tickets = itertools.count()
        self._queued: deque[tuple[int, bytes]] = deque()
        self._alone: deque[tuple[int, bytes]] = deque()
        self._running: dict[str, list[int]] = {}
        self._finished = dask_as_completed(loop=self.client.loop)

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        try:
            self.client.unregister_worker_plugin(self.plugin)  # each worker stops its local pool
        finally:
            self.client.close()  # releases the calls not yet done, so the scheduler drops them
            if self.cluster is not None:
                self.cluster.close()

    def submit(self, function: Callable[[Item], Result], item: Item, alone: bool = False) -> int:
        ticket = next(self._tickets)
        payload = pickle.dumps((function, item), protocol=pickle.HIGHEST_PROTOCOL)
        (self._alone if alone else self._queued).append((ticket, payload))
        return ticket

    def completed(self) -> Iterator[tuple[int, object]]:
        self._send_queued()
        for future in self._finished:
            tickets = self._running.pop(future.key)
            outcomes = self._outcomes(future, len(tickets))
            future.release()  # its results leave the worker's memory
            yield from zip(tickets, outcomes)
            self._send_queued()  # the calls submitted while these results were handled

    def _send_queued(self) -> None:
        """Send the calls submitted `alone` one by one, the others as batches, each at most
        1/`BATCHES_PER_WORKER` of the queue per worker."""
        while self._alone:
            self._send([self._alone.popleft()])
        if not self._queued:
            return
        workers = sum(self.client.nthreads().values())  # calls that run at once
        while self._queued:
            self._send([self._queued.popleft() for _ in range(batch_size(len(self._queued), workers))])

    def _send(self, batch: list[tuple[int, bytes]]) -> None:
        """One Dask task for the calls of `batch`."""
        future = self.client.submit(call_in_local_pool, self.plugin, [payload for _, payload in batch], pure=False)
        self._running[future.key] = [ticket for ticket, _ in batch]
        self._finished.add(future)

    def _outcomes(self, future: Future, calls: int) -> list[object]:
        """Each call's result, or the exception it raised; the calls of a batch whose workers all died are `Stopped` naming it."""
        try:
            return [pickle.loads(outcome) for outcome in future.result()]
        except KilledWorker as error:
            return [Stopped(f"reader crashed: its Dask worker died {self.runs_per_call} times ({error})")] * calls
        except Exception as error:
            return [error] * calls


def batch_size(queued: int, workers: int) -> int:
    """How many of `queued` calls the next batch takes: 1/`BATCHES_PER_WORKER` of the queue per worker, at most
    `MAX_BATCH`, at least one (also before any worker has joined the cluster)."""
    return max(1, min(MAX_BATCH, math.ceil(queued / (BATCHES_PER_WORKER * max(workers, 1)))))


def _allowed_failures(dask_scheduler: Scheduler) -> int:
    """On the scheduler: how many times it runs again a call whose worker died."""
    return dask_scheduler.allowed_failures


class LocalPool(WorkerPlugin):
    """A Dask worker's own local pool, a process per thread, started with the worker (or when the run begins)
    and stopped with it, so a call keeps the local pool's time limit, memory cap and crash handling; one
    fork server per worker loads the readers, so one worker of N threads per machine loads them once."""

    def __init__(self, timeout: float | None, caps: limits.Limits) -> None:
        self.timeout = timeout
        self.caps = caps
        self.pool: Workers | None = None

    def setup(self, worker: Worker) -> None:
        _allow_child_processes()
        # A time limit, even an endless one, keeps each call out of the Dask worker's own process.
        self.pool = Workers(worker.state.nthreads, self.timeout if self.timeout is not None else math.inf, self.caps)

    def teardown(self, worker: Worker) -> None:
        if self.pool is not None:
            self.pool.__exit__(None)


def call_in_local_pool(plugin: str, payloads: list[bytes]) -> list[bytes]:
    """In a Dask worker thread: pickled calls made in the worker's local pool, each under the time limit,
    their outcomes (result, exception or `Stopped`) pickled in the same order. The Dask worker passes bytes
    through and so never imports the readers and extractors."""
    outcomes = get_worker().plugins[plugin].pool.outcomes(call_pickled, payloads)
    return [outcome if isinstance(outcome, bytes) else pickle.dumps(outcome) for outcome in outcomes]


def _allow_child_processes() -> None:
    """Let this process start the local pool: a Dask nanny starts its worker as a daemon, and a daemon
    process may not have children; the nanny still ends the worker, and the worker its pool, on shutdown."""
    process = multiprocessing.current_process()
    if process.daemon:
        process.daemon = False
