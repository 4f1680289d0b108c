"""Odd paths under the input, each beside three good documents: one failed row naming the cause, the run goes on."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import CORPUS, GOOD, GOOD_FOLDER, HostileRun, extract, place_good, read_tables, run_beside_good


def _unix_socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))


def _loop_through_parent(folder: Path) -> None:
    (folder / "deep" / "er").mkdir(parents=True)
    (folder / "deep" / "er" / "up").symlink_to("../..")


def _two_links_to_each_other(folder: Path) -> None:
    (folder / "ping").symlink_to("pong")
    (folder / "pong").symlink_to("ping")


BAD_PATHS: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "named-pipe": (lambda folder: os.mkfifo(folder / "pipe.txt"), "pipe.txt", "not a regular file: named pipe"),
    "socket": (lambda folder: _unix_socket(folder / "sock"), "sock", "not a regular file: socket"),
    "endless-device": (lambda folder: (folder / "zero.pdf").symlink_to("/dev/zero"), "zero.pdf", "not a regular file: character device"),
    "dangling-link": (lambda folder: (folder / "gone.docx").symlink_to("nowhere.docx"), "gone.docx", "dangling link"),
    "self-link": (lambda folder: (folder / "self").symlink_to("self"), "self", "symlink loop"),
    "link-pair": (_two_links_to_each_other, "ping", "symlink loop"),
    "loop-to-ancestor": (_loop_through_parent, "deep/er/up", "symlink loop: leads back to loop-to-ancestor"),
    "loop-to-input": (lambda folder: (folder / "again").symlink_to(folder), "again", "symlink loop"),
}


@pytest.fixture(scope="module")
def odd_paths(tmp_path_factory: pytest.TempPathFactory) -> HostileRun:
    """One run over the good documents and every odd path at once (one subprocess keeps the suite fast)."""

    def place_all(folder: Path) -> None:
        for name, (place, _, _) in BAD_PATHS.items():
            (folder / name).mkdir()
            place(folder / name)

    return run_beside_good(tmp_path_factory.mktemp("odd"), place_all)


@pytest.mark.parametrize(("name", "path", "cause"), [(n, p, c) for n, (_, p, c) in BAD_PATHS.items()], ids=BAD_PATHS.keys())
def test_an_odd_path_costs_one_failed_row(odd_paths: HostileRun, name: str, path: str, cause: str) -> None:
    row = odd_paths.bad.loc[f"{name}/{path}"]
    assert row["status"] == "failed"
    assert row["error"].startswith(cause)


def test_odd_paths_add_nothing_but_their_rows(odd_paths: HostileRun) -> None:
    assert len(odd_paths.bad) == len(BAD_PATHS) + 1, "the two links to each other are two rows"


def test_a_folder_reached_twice_is_read_once(tmp_path: Path) -> None:
    def alias(folder: Path) -> None:
        (folder / "also-good").symlink_to(folder / GOOD_FOLDER)

    found = run_beside_good(tmp_path, alias)
    assert found.bad.loc["also-good", "error"] == f"folder link: same folder as {GOOD_FOLDER}, read there"
    assert len(found.tables["documents"]) == len(GOOD) + 1


def test_identical_files_keep_a_key_each_and_count_once(tmp_path: Path) -> None:
    first = f"{GOOD_FOLDER}/{Path(GOOD[1]).name}"
    copies = ("zz-mirror/roster.xlsx", "zz-mirror/deeper/roster-again.xlsx")

    def copy_roster(folder: Path) -> None:
        for copy in copies:
            (folder / copy).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(CORPUS / GOOD[1], folder / copy)

    found = run_beside_good(tmp_path, copy_roster)
    documents = found.tables["documents"].set_index("source_path")
    assert documents["doc_id"].is_unique
    assert documents.loc[first, "doc_id"] == documents.loc[first, "sha256"][:16]
    for copy in copies:
        assert list(documents.loc[copy, "warnings"]) == [f"duplicate_file: same bytes as {first}"]
        assert documents.loc[copy, "sha256"] == documents.loc[first, "sha256"]
        assert documents.loc[copy, "document_key"] == documents.loc[first, "document_key"]
        assert not documents.loc[copy, "primary"]
    associations, latest = found.tables["associations"], found.tables["associations_latest"]
    keys = documents.loc[[first, *copies], "doc_id"]
    per_file = associations[associations["doc_id"].isin(keys)].groupby("doc_id").size()
    assert per_file.nunique() == 1 and len(per_file) == 3, "every copy has its own rows under its own key"
    assert len(latest) == len(associations) - 2 * per_file.iloc[0], "analyses count the roster once"


def test_the_output_folder_inside_the_input_is_never_read(tmp_path: Path) -> None:
    input_dir = tmp_path / "in"
    place_good(input_dir)
    output_dir = input_dir / "tables"
    for _ in range(2):
        code, stderr = extract(input_dir, output_dir)
        assert code == 0, stderr
    paths = read_tables(output_dir)["documents"]["source_path"]
    assert sorted(paths) == sorted(f"{GOOD_FOLDER}/{Path(name).name}" for name in GOOD)
