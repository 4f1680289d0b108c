"""A real Dask cluster for tests: `dask scheduler` and `dask worker` started as separate processes on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from distributed import Client

DASK = Path(sys.executable).with_name("dask")
START_SECONDS = 120
"""How long the scheduler and workers may take to come up on a loaded 2-core machine."""


@dataclass
class Cluster:
    """The scheduler's address and the worker processes (each the leader of its own process group)."""

    address: str
    workers: list[subprocess.Popen]

    def kill_worker(self, index: int) -> None:
        """Kill a worker and its nanny at once, as when its machine goes away: nothing restarts it."""
        os.killpg(self.workers[index].pid, signal.SIGKILL)


@contextmanager
def dask_cluster(folder: Path, workers: int = 2, threads: int = 1) -> Iterator[Cluster]:
    """A scheduler (a call whose worker dies is run again once) and `workers` workers of `threads` threads, stopped after."""
    scheduler_file = folder / "scheduler.json"
    environment = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"}
    processes = [
        _start([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", scheduler_file], environment)
    ]
    try:
        deadline = time.monotonic() + START_SECONDS
        while not scheduler_file.exists():
            if time.monotonic() > deadline or processes[0].poll() is not None:
                raise RuntimeError("the Dask scheduler did not start")
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        worker_command = [DASK, "worker", address, "--nthreads", threads, "--memory-limit", "0", "--no-dashboard", "--host", "127.0.0.1"]
        started = [_start([*worker_command, "--name", f"worker-{n}"], environment) for n in range(workers)]
        processes += started
        with Client(address, timeout=START_SECONDS) as client:
            client.wait_for_workers(workers, timeout=START_SECONDS)
        yield Cluster(address, started)
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _start(command: list, environment: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [str(part) for part in command],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
