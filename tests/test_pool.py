"""Worker processes start from a fork server, not from the parent, and keep their limits, timeouts and crash causes."""

from __future__ import annotations

import operator
import os
import resource
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline.pool import WORKERS_LOST, Stopped, Workers
from readers import limits


def test_workers_are_not_forked_from_the_parent() -> None:
    with Workers(2, timeout=60) as pool:
        parents = {outcome for _, outcome in pool.as_completed(operator.call, [os.getppid, os.getppid])}
    assert os.getpid() not in parents


def test_a_worker_started_by_the_fork_server_keeps_its_memory_cap() -> None:
    with Workers(2, timeout=60, caps=limits.Limits(max_memory_mb=2048)) as pool:
        [(_, (soft, _))] = list(pool.as_completed(resource.getrlimit, [resource.RLIMIT_AS]))
    assert soft == 2048 * limits.MB


def test_a_call_over_the_time_limit_and_a_killed_worker_are_named() -> None:
    with Workers(2, timeout=1) as pool:
        outcomes = dict(pool.as_completed(operator.call, [_sleeping, _aborting]))
    assert isinstance(outcomes[0], Stopped) and str(outcomes[0]) == "timeout: not read within 1 s"
    assert str(outcomes[1]).startswith("reader crashed: killed by SIGABRT")


def _sleeping() -> None:
    """Stuck: sleeps past the time limit."""
    time.sleep(30)


def _aborting() -> None:
    """Dies as a library aborting does."""
    os.kill(os.getpid(), signal.SIGABRT)


def test_a_call_submitted_while_results_come_in_is_waited_for() -> None:
    for pool in (Workers(1, timeout=None), Workers(2, timeout=60)):
        with pool:
            first = pool.submit(abs, -1)
            outcomes = {}
            for ticket, outcome in pool.completed():
                outcomes[ticket] = outcome
                if ticket == first:
                    outcomes["second"] = pool.submit(abs, -2)
        assert outcomes == {first: 1, "second": outcomes["second"], outcomes["second"]: 2}


def test_outcomes_from_several_threads_at_once_are_each_their_own() -> None:
    with Workers(2, timeout=60) as pool, ThreadPoolExecutor(3) as threads:
        batches = [[-1, -2, -3], [-4, "x", -6], [-7]]
        outcomes = list(threads.map(lambda items: pool.outcomes(abs, items), batches))
    assert outcomes[0] == [1, 2, 3] and outcomes[2] == [7]
    assert outcomes[1][0] == 4 and isinstance(outcomes[1][1], TypeError) and outcomes[1][2] == 6


def test_a_script_without_the_main_guard_gets_an_error_not_a_hang(tmp_path: Path) -> None:
    """Each worker imports the script again and dies starting a run of its own; pebble leaves the calls
    no worker took waiting forever, so the pool notices that it has no workers left."""
    source = tmp_path / "in"
    source.mkdir()
    for number in range(300):  # enough calls to fill the pipe to the workers, where pebble blocks
        (source / f"{number}.txt").write_text(f"某市第{number}物流协会", encoding="utf-8")
    script = tmp_path / "unguarded.py"
    script.write_text(f"import tuogou\ntuogou.extract({str(source)!r}, workers=2)\n")
    finished = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert finished.returncode == 1
    assert WORKERS_LOST in finished.stderr
