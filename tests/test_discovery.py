"""Discovery decides every path by stat alone, walks each real folder once, and names what it cannot read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.discovery import discover
from pipeline.process import NotRegularFile, sha256_of


def test_links_that_multiply_paths_walk_each_folder_once(tmp_path: Path) -> None:
    """Twenty levels of two links each would be a million paths if every link were walked."""
    levels = [tmp_path / f"level{i}" for i in range(20)]
    for level in levels:
        level.mkdir()
        (level / "notice.txt").write_text(level.name, encoding="utf-8")
    for level, below in zip(levels, levels[1:]):
        (level / "left").symlink_to(below)
        (level / "right").symlink_to(below)
    found = discover(tmp_path)
    files = [f.source_path for f in found if f.problem is None]
    assert sorted(files) == sorted(f"{level.name}/notice.txt" for level in levels)
    problems = {f.source_path: f.problem for f in found if f.problem}
    assert len(problems) == 2 * (len(levels) - 1)
    assert problems["level3/right"] == "folder link: same folder as level4, read there"


def test_no_file_is_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")

    def refuse(*args: object, **kwargs: object) -> int:
        raise AssertionError("discovery opened a file")

    monkeypatch.setattr(os, "open", refuse)
    found = {f.source_path: f.problem for f in discover(tmp_path)}
    assert found == {"a.txt": None, "pipe": "not a regular file: named pipe"}


def test_hidden_paths_and_the_manifest_are_no_documents(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    (tmp_path / "manifest.csv").write_text("path\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    assert [f.source_path for f in discover(tmp_path)] == ["a.txt"]


def test_a_path_that_became_a_pipe_after_discovery_is_never_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(NotRegularFile, match="not a regular file: named pipe"):
        sha256_of(tmp_path / "pipe.txt")  # opened without blocking, refused before any read


def test_a_folder_that_cannot_be_listed_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "closed").mkdir()
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    original = os.scandir

    def refusing(path: object) -> object:
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(os, "scandir", refusing)
    found = {f.source_path: f.problem for f in discover(tmp_path)}
    assert found == {"a.txt": None, "closed": "unreadable: permission denied"}


def test_the_output_folder_is_left_out_but_not_the_input_itself(tmp_path: Path) -> None:
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "documents.parquet").write_bytes(b"PAR1")
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    assert [f.source_path for f in discover(tmp_path, output_dir=tmp_path / "tables")] == ["a.txt"]
    assert [f.source_path for f in discover(tmp_path, output_dir=tmp_path)] == ["a.txt", "tables/documents.parquet"]
