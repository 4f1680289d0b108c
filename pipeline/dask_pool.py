"""Run the pipeline's calls on a Dask cluster (`dask.distributed`): a local one, or one reached by its scheduler's address.

The run loop sees the same `Executor` as with the local pool, and each call keeps the same rules:
a Dask worker hands every call to its own one-process local pool (`pipeline.pool.Workers`), so
the per-document time limit, the memory cap and a reader's crash act as they do on one machine
(a call over the limit comes back `Stopped` and that worker goes on). Only the death of a whole
Dask worker is the cluster's business: the scheduler runs its calls again on another worker, as
many times as its `distributed.scheduler.allowed-failures` allows (this module sets 1 for the
cluster it starts: retried once), then the call fails with `KilledWorker`, reported as `Stopped`.

Paths travel as they are: input, output and cache folders must be at the same absolute paths on
every worker (a shared file system), which `run` ensures by making them absolute.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import pickle
import uuid
from collections.abc import Callable, Iterator
from typing import TypeVar

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, Worker, WorkerPlugin, get_worker
from distributed import as_completed as dask_as_completed

from pipeline.pool import Executor, Stopped, Workers, call_pickled
from readers import limits

Item = TypeVar("Item")
Result = TypeVar("Result")

ALLOWED_FAILURES = 1
"""How many times a call whose Dask worker died is run again on another one, in a cluster this module starts."""


class DaskWorkers(Executor):
    """Calls run on a Dask cluster: the one at `scheduler` (an address), else a `LocalCluster` of `workers` processes."""

    def __init__(
        self, workers: int, timeout: float | None, caps: limits.Limits = limits.Limits(), scheduler: str | None = None
    ) -> None:
        self.caps = caps
        self.cluster: LocalCluster | None = None
        scheduler = scheduler or dask.config.get("scheduler-address", None)
        with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}):
            if scheduler is None:
                self.cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    memory_limit=0,  # each call's memory is capped in its own process (`caps`)
                    dashboard_address=None,
                )
            self.client = Client(scheduler or self.cluster, set_as_default=False)
        self.plugin = f"tuogou-pool-{uuid.uuid4().hex}"
        self.client.register_plugin(LocalPool(timeout, caps), name=self.plugin)
        self._tickets = itertools.count()
        self._running: dict[str, int] = {}
        self._finished = dask_as_completed(loop=self.client.loop)

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        try:
            self.client.unregister_worker_plugin(self.plugin)  # each worker stops its local pool
        finally:
            self.client.close()  # releases the calls not yet done, so the scheduler drops them
            if self.cluster is not None:
                self.cluster.close()

    def submit(self, function: Callable[[Item], Result], item: Item) -> int:
        ticket = next(self._tickets)
        payload = pickle.dumps((function, item), protocol=pickle.HIGHEST_PROTOCOL)
        future = self.client.submit(call_in_local_pool, self.plugin, payload, pure=False)
        self._running[future.key] = ticket
        self._finished.add(future)
        return ticket

    def completed(self) -> Iterator[tuple[int, object]]:
        for future in self._finished:
            ticket = self._running.pop(future.key)
            outcome = _outcome(future)
            future.release()  # its result leaves the worker's memory
            yield ticket, outcome


def _outcome(future: Future) -> object:
    """The call's result, or the exception it raised; a call whose workers all died is `Stopped` naming it."""
    try:
        return pickle.loads(future.result())
    except KilledWorker as error:
        return Stopped(f"reader crashed: its Dask worker died {ALLOWED_FAILURES + 1} times ({error})")
    except Exception as error:
        return error


class LocalPool(WorkerPlugin):
    """A Dask worker's own one-process local pool, started with the worker (or when the run begins) and
    stopped with it, so a call keeps the local pool's time limit, memory cap and crash handling."""

    def __init__(self, timeout: float | None, caps: limits.Limits) -> None:
        self.timeout = timeout
        self.caps = caps
        self.pool: Workers | None = None

    def setup(self, worker: Worker) -> None:
        _allow_child_processes()
        # A time limit, even an endless one, keeps each call out of the Dask worker's own process.
        self.pool = Workers(1, self.timeout if self.timeout is not None else math.inf, self.caps)

    def teardown(self, worker: Worker) -> None:
        if self.pool is not None:
            self.pool.__exit__(None)


def call_in_local_pool(plugin: str, payload: bytes) -> bytes:
    """In a Dask worker: a pickled call made in the worker's local pool, its outcome (result, exception or
    `Stopped`) pickled. The Dask worker passes bytes through and so never imports the readers and extractors."""
    pool = get_worker().plugins[plugin].pool
    [(_, outcome)] = list(pool.as_completed(call_pickled, [payload]))
    return outcome if isinstance(outcome, bytes) else pickle.dumps(outcome)


def _allow_child_processes() -> None:
    """Let this process start the local pool: a Dask nanny starts its worker as a daemon, and a daemon
    process may not have children; the nanny still ends the worker, and the worker its pool, on shutdown."""
    process = multiprocessing.current_process()
    if process.daemon:
        process.daemon = False
