"""Find every path under the input folder without opening any: regular files to read, and the rest with their cause.

Scraped folders hold odd things: a symlink loop (`a/b -> ..`) would make a plain walk run for
ever, a named pipe blocks whoever opens it, a device may have side effects, a dangling link or a
folder without permission aborts `os.walk` users. Here everything is decided by `lstat`/`stat`
alone; each path that cannot be read becomes a `Found` with a one-line `problem`, so it gets its
own `failed` row and the run goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pipeline.manifest import manifest_file

NOT_REGULAR = {
    stat.S_IFIFO: "named pipe",
    stat.S_IFSOCK: "socket",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
}


@dataclass(frozen=True)
class Found:
    """One path under the input: `problem` is None for a regular file to read, else why it cannot be read."""

    path: Path
    source_path: str
    problem: str | None = None


def discover(input_dir: Path, manifest: Path | None = None, output_dir: Path | None = None) -> list[Found]:
    """Every non-hidden path below `input_dir` in a stable order, following folder links, each real folder once.

    The manifest and the output folder (when it lies inside the input) are not documents and are left out.
    An `input_dir` that is a file is the one document, named by its file name.
    """
    if input_dir.is_file():
        return [Found(input_dir, input_dir.name)]
    walk = _Walk(input_dir, skipped=[p for p in (manifest_file(input_dir, manifest), output_dir) if p is not None])
    walk.folder(input_dir, ())
    while walk.links:  # folder links last, so a folder is named by its real path when it has one inside the input
        link, ancestors = walk.links.pop(0)
        walk.linked_folder(link, ancestors)
    return sorted(walk.found, key=lambda found: found.source_path)


class _Walk:
    """The state of one discovery: what was found, which real folders were walked, which folder links wait."""

    def __init__(self, input_dir: Path, skipped: list[Path]) -> None:
        self.input_dir = input_dir
        self.skipped = {identity for path in skipped if (identity := _identity(path)) is not None}
        self.skipped.discard(_identity(input_dir))  # output written into the input folder itself: still read the input
        self.found: list[Found] = []
        self.walked: dict[tuple[int, int], str] = {}
        self.links: list[tuple[Path, tuple[tuple[int, int], ...]]] = []

    def name(self, path: Path) -> str:
        return path.relative_to(self.input_dir).as_posix()

    def fail(self, path: Path, problem: str) -> None:
        self.found.append(Found(path, self.name(path), problem))

    def folder(self, folder: Path, ancestors: tuple[tuple[int, int], ...]) -> None:
        """Record a real folder's entries: files now, subfolders depth first, folder links for later."""
        own = _identity(folder)
        if own is None or own in self.skipped:
            return
        self.walked[own] = self.name(folder) or "."
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            self.fail(folder, cause_of(error))
            return
        for entry in entries:
            if not entry.name.startswith("."):
                self.entry(Path(entry.path), (*ancestors, own))

    def entry(self, path: Path, ancestors: tuple[tuple[int, int], ...]) -> None:
        try:
            link = stat.S_ISLNK(os.lstat(path).st_mode)
            status = os.stat(path)
        except OSError as error:
            self.fail(path, "dangling link" if error.errno == errno.ENOENT else cause_of(error))
            return
        if (status.st_dev, status.st_ino) in self.skipped:
            return
        if stat.S_ISDIR(status.st_mode):
            if link:
                self.links.append((path, ancestors))
            else:
                self.folder(path, ancestors)
        elif stat.S_ISREG(status.st_mode):
            self.found.append(Found(path, self.name(path)))
        else:
            self.fail(path, f"not a regular file: {NOT_REGULAR.get(stat.S_IFMT(status.st_mode), 'special file')}")

    def linked_folder(self, link: Path, ancestors: tuple[tuple[int, int], ...]) -> None:
        """Walk a folder link's target unless it leads back up (a loop) or was walked already (an alias)."""
        target = _identity(link)
        if target is None:
            self.fail(link, "dangling link")
        elif target in ancestors:
            self.fail(link, f"symlink loop: leads back to {self.walked.get(target, 'a folder above it')}")
        elif target in self.walked:
            self.fail(link, f"folder link: same folder as {self.walked[target]}, read there")
        else:
            self.folder(link, ancestors)


def _identity(path: Path) -> tuple[int, int] | None:
    """Device and inode: the same for every name of one folder, whatever links lead to it."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def cause_of(error: OSError) -> str:
    """`unreadable: permission denied`, `symlink loop`…: the one-line cause of an OS error."""
    if error.errno == errno.ELOOP:
        return "symlink loop"
    reason = os.strerror(error.errno).lower() if error.errno else str(error)
    return f"unreadable: {reason}"
