"""Run one LibreOffice command, and take it down with its work folder if the reader that started it dies.

readers.doc starts this script with a pipe on its standard input and
keeps the other end open while it waits. A reader killed by the run's time
limit closes the pipe without running any cleanup of its own; the guard sees
end-of-file, kills LibreOffice's whole process group (soffice, oosplash,
soffice.bin) and deletes the work folder holding the document's copy. It is a
script, not a module to import: `python office_guard.py WORKDIR COMMAND...`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading


def main(workdir: str, command: list[str]) -> int:
    """LibreOffice's exit status; its process group is killed when it ends or when the caller goes away."""
    office = subprocess.Popen(command, stdin=subprocess.DEVNULL, start_new_session=True)
    orphaned = threading.Event()

    def stop_when_orphaned() -> None:
        sys.stdin.buffer.read()  # returns at end-of-file: the reader closed the pipe or died
        orphaned.set()
        _kill_group(office.pid)
        shutil.rmtree(workdir, ignore_errors=True)
        os._exit(1)

    threading.Thread(target=stop_when_orphaned, daemon=True).start()
    status = office.wait()
    if orphaned.is_set():  # LibreOffice died of the kill: let the cleanup finish, it ends the process
        threading.Event().wait()
    _kill_group(office.pid)  # soffice.bin may outlive the launcher that started it
    return status


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


if __name__ == "__main__":
    os._exit(main(sys.argv[1], sys.argv[2:]))  # not sys.exit: the watching thread holds stdin's lock
