"""Faults around the reading: unreadable and hung files, a damaged cache, a kill while tables are written, slow files."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import pipeline.output
import pipeline.pool
import pipeline.process
from pipeline.cache import CACHE_FOLDER
from pipeline.output import LOCK_FILE, RUN_ID_KEY, STAGING_PREFIX, SWAP_RECORD, OutputBusy, holding
from pipeline.run import run
from pipeline.schemas import TABLES


KEPT = (CACHE_FOLDER, LOCK_FILE)
"""Hidden entries a run keeps in the output folder; anything else hidden is a leftover."""


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("关于印发方案的通知\n1 甲市能源协会 甲市发改委 已脱钩\n", encoding="utf-8")
    (folder / "b.txt").write_text("各协会要在2020年10月底前完成脱钩任务。\n", encoding="utf-8")
    (folder / "c.txt").write_text("各协会要在2021年6月底前完成脱钩任务。\n", encoding="utf-8")
    return folder


def _documents(output: Path) -> dict[str, dict]:
    return {row["source_path"]: row for row in pq.read_table(output / "documents.parquet").to_pylist()}


def _run_ids(output: Path) -> set[str]:
    return {pq.read_schema(output / f"{name}.parquet").metadata[RUN_ID_KEY.encode()].decode() for name in TABLES}


def test_a_file_that_refuses_to_open_is_a_failed_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "in")
    original = os.open

    def refusing(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("a.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    monkeypatch.setattr(pipeline.pool, "START_METHOD", "fork")  # so the workers see the patch
    summary = run(corpus, tmp_path / "out", workers=2, timeout=30)
    assert summary.statuses == {"failed": 1, "ok": 2}
    assert _documents(tmp_path / "out")["a.txt"]["error"] == "unreadable: permission denied"


def test_an_extractor_tripping_over_one_document_costs_that_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "in")
    original = pipeline.process.extract

    def tripping(document: object, doc_id: str) -> object:
        if "2021年6月" in "".join(block.text for block in document.blocks):  # type: ignore[attr-defined]
            raise IndexError("list index out of range")
        return original(document, doc_id)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline.process, "extract", tripping)
    summary = run(corpus, tmp_path / "out")
    assert summary.statuses == {"failed": 1, "ok": 2}
    assert _documents(tmp_path / "out")["c.txt"]["error"] == "cannot extract: IndexError: list index out of range"


def test_a_file_that_hangs_while_hashed_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "in")
    original = pipeline.process.sha256_of

    def hung_for_b(path: Path) -> str:
        if path.name == "b.txt":
            time.sleep(120)  # a file on a mount that stopped answering
        return original(path)

    monkeypatch.setattr(pipeline.process, "sha256_of", hung_for_b)
    monkeypatch.setattr(pipeline.pool, "START_METHOD", "fork")  # so the workers see the patch
    started = time.monotonic()
    run(corpus, tmp_path / "out", workers=2, timeout=3)
    assert time.monotonic() - started < 30
    row = _documents(tmp_path / "out")["b.txt"]
    assert (row["status"], row["error"]) == ("failed", "timeout: not read within 3 s")


def test_results_are_taken_and_cached_as_they_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    original = pipeline.process.sniff_format
    done: list[str] = []
    waiting: list[str] = []
    cached_when_done: list[bool] = []

    def slow_for_a(path: Path) -> str:
        if path.name == "a.txt":
            time.sleep(4)
        return original(path)

    def on_done(result: pipeline.process.FileResult) -> None:
        done.append(result.document["source_path"])
        entries = {entry.stem for entry in (output / CACHE_FOLDER).rglob("*.json")}
        cached_when_done.append(result.document["sha256"] in entries)

    monkeypatch.setattr(pipeline.process, "sniff_format", slow_for_a)
    monkeypatch.setattr(pipeline.pool, "START_METHOD", "fork")  # so the workers see the patch
    run(corpus, output, workers=2, timeout=60, on_file_done=on_done, on_waiting=waiting.append)
    assert done[-1] == "a.txt", "the slow first file does not hold back the others"
    assert all(cached_when_done), "a result is in the cache the moment it is done"
    assert waiting[0] == "a.txt" and set(waiting) == {"a.txt"}, "the bar names the file it waits for"
    assert [row for row in _documents(output)] == ["a.txt", "b.txt", "c.txt"], "tables keep their sorted order"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[:40] + bytes(b ^ 0xFF for b in data[40:43]) + data[43:], id="three-flipped-bytes"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"\x80\x04\x95" + data, id="pickle-header"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_damaged_cache_entry_is_absent_and_replaced(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    (entry,) = (output / CACHE_FOLDER).rglob(f"{hashlib.sha256((corpus / 'a.txt').read_bytes()).hexdigest()}.json")
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    (output / "documents.parquet").unlink()  # so the run does not stop at "nothing changed"
    assert run(corpus, output).cached == 2
    assert entry.read_bytes() == good, "the entry is written again"


def test_a_cache_entry_of_another_shape_with_a_valid_checksum_is_absent(tmp_path: Path) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    body = json.dumps({"document": ["not", "a", "row"], "rows": 7}).encode()
    for entry in (output / CACHE_FOLDER).rglob("*.json"):
        if entry.name != "last-run.json":
            entry.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    (output / "documents.parquet").unlink()
    assert run(corpus, output).cached == 0


def test_a_kill_while_tables_are_written_leaves_the_old_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    before = {name: pq.read_table(output / f"{name}.parquet") for name in TABLES}
    ids = _run_ids(output)
    (corpus / "b.txt").write_text("各协会要在2022年1月底前完成。\n", encoding="utf-8")
    original, written = pipeline.output.write_table, []

    def killed_on_the_third(*args: object, **kwargs: object) -> None:
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(args)
        original(*args, **kwargs)

    monkeypatch.setattr(pipeline.output, "write_table", killed_on_the_third)
    with pytest.raises(KeyboardInterrupt):
        run(corpus, output)
    assert _run_ids(output) == ids
    for name in TABLES:
        assert pq.read_table(output / f"{name}.parquet").equals(before[name])
    assert not [p.name for p in output.iterdir() if p.name.startswith(".") and p.name not in KEPT]


def test_a_kill_during_the_swap_is_completed_by_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    (corpus / "b.txt").write_text("各协会要在2022年1月底前完成。\n", encoding="utf-8")
    original, swapped = os.replace, []

    def killed_after_two(source: object, target: object) -> None:
        if Path(target).parent == output and STAGING_PREFIX in str(source):
            if len(swapped) == 2:
                raise KeyboardInterrupt
            swapped.append(target)
        original(source, target)

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", killed_after_two)
        with pytest.raises(KeyboardInterrupt):
            run(corpus, output)
    assert len(_run_ids(output)) == 2 and (output / SWAP_RECORD).exists(), "a mix is told by its run ids and the record"
    staged_id = json.loads((output / SWAP_RECORD).read_text(encoding="utf-8"))["run_id"]
    (output / ".documents.0123456789abcdef.tmp").write_bytes(b"half")
    pipeline.output.finish_interrupted_swap(output)
    assert _run_ids(output) == {staged_id}
    assert "2022" in _documents(output)["b.txt"]["text"]
    assert not [p.name for p in output.iterdir() if p.name.startswith(".") and p.name not in KEPT]


def test_leftovers_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    (output / f"{STAGING_PREFIX}20260101T000000Z-deadbeef").mkdir()
    (output / f"{STAGING_PREFIX}20260101T000000Z-deadbeef" / "documents.parquet").write_bytes(b"old")
    (output / ".milestones.0123456789abcdef.tmp").write_bytes(b"half")
    version = next((output / CACHE_FOLDER).iterdir())
    (version / ".entry.0123456789abcdef.tmp").write_bytes(b"half")
    run(corpus, output)
    assert not [p.name for p in output.iterdir() if p.name.startswith(".") and p.name not in KEPT]
    assert not list(version.glob("*.tmp"))
    assert len(_run_ids(output)) == 1


def test_a_second_run_on_the_same_output_folder_is_refused(tmp_path: Path) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    with holding(output), pytest.raises(OutputBusy, match="in use by another run"):
        run(corpus, output)
    run(corpus, output)
