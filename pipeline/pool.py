"""Call a function on many items in worker processes, each call under the time limit, yielding results as they complete.

Every touch of an input file (hashing, reading) goes through here, so a file on a hung mount
or a reader stuck in a loop costs one item, never the run; results come back in completion
order so a slow early file neither stalls the progress bar nor holds finished work unsaved.
"""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Self, TypeVar

from pebble import ProcessExpired, ProcessPool

from pipeline.without_pandas import keep_pandas_out
from readers import limits

Item = TypeVar("Item")
Result = TypeVar("Result")

MAX_TASKS_PER_WORKER = 200
"""A worker process is replaced after this many calls, so a leak in a library cannot grow without bound."""

START_METHOD = "forkserver"
"""How workers start: forked from a small server process, never from the parent, which by the end holds
every result (a worker forked from it showed the parent's 362 MiB as its own peak, one from the server
36 MiB). Measured for a pool of two workers (2026-12-02): fork 0.4 s; spawn 5.8-7.6 s (each worker imports
the pipeline again); forkserver 4.6-6.3 s without a preload, with `WORKER_MODULES` preloaded 3.4 s for
the first pool (the server imports once) and 0.35 s for each later one, and a worker replaced after
`MAX_TASKS_PER_WORKER` files is a cheap fork of the server. Tests that patch worker code in the parent
ask for `fork`, so the workers see the patch."""
WORKER_MODULES = ("pipeline.process", "pipeline.warm")
"""Imported once in the fork server, so each worker starts with the readers and extractors loaded and warmed (`pipeline.warm`)."""


class Stopped(Exception):
    """A call that did not return: the time limit killed it or its worker died."""


class WorkersLost(RuntimeError):
    """Every worker process died before taking a call, so no call can finish: the run cannot go on."""


WORKERS_LOST = (
    "the worker processes died as they started, so no document can be read. A Python script that runs "
    "tuogou must do so under `if __name__ == \"__main__\":`: each worker imports the script again "
    "(the workers start from a fork server), and at its top level the script would start another run"
)

BROKEN_POOL_CHECK_SECONDS = 1.0
"""How often a wait for results checks that the pool still has workers: pebble leaves calls that no
worker took waiting forever when every worker dies as it starts (a script without the main guard)."""


OUT_OF_MEMORY_SIGNALS = {signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGKILL}
"""How a worker dies when memory runs out: a C++ library aborts, a C one dereferences NULL, the kernel kills."""


class Executor:
    """Calls submitted one at a time and their outcomes taken as they finish: the run loop's view of its workers.

    `completed` also yields calls submitted while it runs, so a result can start more work (the
    pages of a long PDF read in ranges, then put together).
    """

    caps: limits.Limits

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        """Stop the workers: waiting for the calls running unless `kind` says the run was interrupted."""
        raise NotImplementedError

    def submit(self, function: Callable[[Item], Result], item: Item, alone: bool = False) -> int:
        """Start `function(item)` and return its ticket.

        `alone` marks a long call (a page range of a long PDF) that an executor sending calls in
        batches must send on its own, so the ranges of one file spread over the workers.
        """
        raise NotImplementedError

    def completed(self) -> Iterator[tuple[int, object]]:
        """(ticket, result or the exception it raised) for each call, as each finishes, until none is left."""
        raise NotImplementedError

    def as_completed(
        self, function: Callable[[Item], Result], items: Sequence[Item]
    ) -> Iterator[tuple[int, Result | Exception]]:
        """(position, result or the exception it raised) for each item, as each call finishes.

        A call over the time limit or whose worker died gives `Stopped` naming the cause.
        """
        positions = {self.submit(function, item): index for index, item in enumerate(items)}
        for ticket, outcome in self.completed():
            yield positions.pop(ticket), outcome  # type: ignore[misc]


class Workers(Executor):
    """A pool of `workers` processes on this machine (in this process when one worker and no time limit), used as a context.

    Each worker's address space is capped by `caps.max_memory_mb`; the in-process run is not, as
    the cap would bound the parent too, which holds every result and links them.
    """

    def __init__(self, workers: int, timeout: float | None, caps: limits.Limits = limits.Limits()) -> None:
        self.timeout = timeout
        self.caps = caps
        in_process = workers <= 1 and timeout is None
        self.pool = None if in_process else ProcessPool(
            max_workers=workers,
            max_tasks=MAX_TASKS_PER_WORKER,
            initializer=start_worker,
            initargs=(caps,),
            context=worker_context(),
        )
        self._tickets = itertools.count()
        self._queued: deque[tuple[int, Callable[[Any], Any], Any]] = deque()
        self._running: dict[Future, int] = {}

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if self.pool is None:
            return
        if kind is None:
            self.pool.close()
        else:  # an interrupt or error: do not wait for the files still being read
            self.pool.stop()
        self.pool.join()

    def submit(self, function: Callable[[Item], Result], item: Item, alone: bool = False) -> int:
        ticket = next(self._tickets)
        if self.pool is None:
            self._queued.append((ticket, function, item))
        else:
            self._running[self.pool.schedule(function, args=(item,), timeout=self.timeout)] = ticket
        return ticket

    def completed(self) -> Iterator[tuple[int, object]]:
        while self._queued:
            ticket, function, item = self._queued.popleft()
            try:
                yield ticket, function(item)
            except Exception as error:  # the caller turns it into a failed row
                yield ticket, error
        while self._running:
            for future in self._first_done(self._running):
                yield self._running.pop(future), self._outcome(future)

    def outcomes(self, function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result | Exception]:
        """Each item's outcome, in order, as `as_completed` gives it; waits only for its own calls, so several
        threads may call it at once (a Dask worker's threads sharing its pool). Needs worker processes."""
        assert self.pool is not None, "outcomes needs worker processes: a time limit or more than one worker"
        futures = [self.pool.schedule(function, args=(item,), timeout=self.timeout) for item in items]
        for future in futures:
            self._first_done([future])
        return [self._outcome(future) for future in futures]  # type: ignore[misc]

    def _first_done(self, futures: Iterable[Future]) -> set[Future]:
        """The first of `futures` to finish (more if several have); `WorkersLost` when the pool has no worker left to finish any."""
        while True:
            done, _ = wait(futures, timeout=BROKEN_POOL_CHECK_SECONDS, return_when=FIRST_COMPLETED)
            if done:
                return done
            if not self.pool.active:  # type: ignore[union-attr]
                raise WorkersLost(WORKERS_LOST)

    def _outcome(self, future: Future) -> object:
        try:
            return future.result()
        except FutureTimeout:
            return Stopped(f"timeout: not read within {self.timeout:g} s")
        except ProcessExpired as error:
            return Stopped(crash_cause(error, self.caps))
        except Exception as error:
            return error


def call_pickled(payload: bytes) -> bytes:
    """`function(item)` from a pickled pair, its result or exception pickled: a call that a process in the
    middle (a Dask worker) hands on without unpickling, so it never imports what the call needs."""
    function, item = pickle.loads(payload)
    try:
        outcome = function(item)
    except Exception as error:  # returned, as `as_completed` returns it
        outcome = error
    return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)


def start_worker(caps: limits.Limits) -> None:
    """Set a worker up: pandas kept out (`keep_pandas_out`), its address space capped."""
    keep_pandas_out()
    limits.limit_memory(caps)


def worker_context() -> multiprocessing.context.BaseContext:
    """The multiprocessing context of `START_METHOD`; a fork server preloads `WORKER_MODULES` (once per parent)."""
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        context.set_forkserver_preload(list(WORKER_MODULES))
    return context


def crash_cause(error: ProcessExpired, caps: limits.Limits) -> str:
    """Name how a worker died; a signal that running out of memory sends names the memory limit too.

    Example: `reader crashed: killed by SIGABRT, as when memory runs out (limit 6,144 MB, --max-memory-mb)`.
    """
    code = error.exitcode or 0
    if code >= 0:
        return f"reader crashed: exit code {code}"
    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = f"signal {-code}"
    if -code in OUT_OF_MEMORY_SIGNALS and caps.max_memory_mb:
        limit = f"limit {caps.max_memory_mb:,} MB, --max-memory-mb"
        return f"reader crashed: killed by {name}, as when memory runs out ({limit})"
    return f"reader crashed: killed by {name}"
