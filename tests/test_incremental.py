"""Incremental runs: unchanged documents are not read again; code changes and --force read them."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pyarrow.parquet as pq
import pytest

import pipeline.pool
import pipeline.process
from pipeline.cache import CACHE_FOLDER, ResultCache
from pipeline.run import run
from pipeline.schemas import TABLES
from readers.model import Document

LEGACY_DOC = Path(__file__).parent.parent / "data" / "raw" / "hedong-fgw-2019.doc"


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("关于印发方案的通知\n1 甲市能源协会 甲市发改委 已脱钩\n", encoding="utf-8")
    (folder / "b.txt").write_text("各协会要在2020年10月底前完成脱钩任务。\n", encoding="utf-8")
    return folder


@pytest.fixture()
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the files the pipeline actually reads, in this process."""
    seen: list[str] = []
    original = pipeline.process.reader_for

    def counting(source_format: str) -> Callable[[Path], Document]:
        def read(path: Path) -> Document:
            seen.append(path.name)
            return original(source_format)(path)

        return read

    monkeypatch.setattr(pipeline.process, "reader_for", counting)
    return seen


def test_unchanged_documents_are_not_read_again(tmp_path: Path, reads: list[str]) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    first = run(corpus, output)
    tables = {name: pq.read_table(output / f"{name}.parquet") for name in TABLES}
    second = run(corpus, output)
    assert reads == ["a.txt", "b.txt"]
    assert (first.cached, second.cached) == (0, 2)
    for name in TABLES:
        assert pq.read_table(output / f"{name}.parquet").equals(tables[name])


def test_changed_document_is_read_again(tmp_path: Path, reads: list[str]) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    (corpus / "b.txt").write_text("各协会要在2021年6月底前完成。\n", encoding="utf-8")
    assert run(corpus, output).cached == 1
    assert reads == ["a.txt", "b.txt", "b.txt"]


def test_force_reads_everything(tmp_path: Path, reads: list[str]) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    assert run(corpus, output, force=True).cached == 0
    assert reads == ["a.txt", "b.txt", "a.txt", "b.txt"]


def test_another_extractor_version_invalidates_and_prunes(tmp_path: Path) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    stale = ResultCache(output, version="0" * 16)
    stale.folder.mkdir(parents=True)
    run(corpus, output)
    assert not stale.folder.exists()
    assert len(list((output / CACHE_FOLDER).iterdir())) == 1


def test_deleted_or_damaged_cache_is_harmless(tmp_path: Path) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    for entry in (output / CACHE_FOLDER).rglob("*.*"):
        entry.write_bytes(b"damaged")
    assert run(corpus, output).cached == 0
    assert run(corpus, output).cached == 2


def test_unchanged_corpus_is_not_linked_or_written_again(tmp_path: Path) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    first = run(corpus, output)
    written = {name: (output / f"{name}.parquet").stat().st_mtime_ns for name in TABLES}
    again = run(corpus, output)
    assert again.statuses == first.statuses and again.rows == first.rows and again.cached == 2
    assert {name: (output / f"{name}.parquet").stat().st_mtime_ns for name in TABLES} == written


def test_missing_table_is_written_again(tmp_path: Path) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    (output / "milestones.parquet").unlink()
    run(corpus, output)
    assert (output / "milestones.parquet").is_file()


def test_renamed_file_keeps_its_new_path(tmp_path: Path) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    run(corpus, output)
    (corpus / "a.txt").rename(corpus / "c.txt")
    run(corpus, output)
    paths = pq.read_table(output / "documents.parquet").column("source_path").to_pylist()
    assert paths == ["b.txt", "c.txt"]


def test_slow_document_times_out_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    original = pipeline.process.sniff_format

    def slow_for_a(path: Path) -> str:
        if path.name == "a.txt":
            time.sleep(120)
        return original(path)

    monkeypatch.setattr(pipeline.process, "sniff_format", slow_for_a)
    monkeypatch.setattr(pipeline.pool, "START_METHOD", "fork")  # so the workers see the patch
    summary = run(corpus, output, workers=2, timeout=5)
    documents = pq.read_table(output / "documents.parquet").to_pylist()
    assert summary.statuses == {"failed": 1, "ok": 1}
    assert documents[0]["status"] == "failed" and "timeout" in documents[0]["error"]
    assert documents[1]["status"] == "ok"
    monkeypatch.undo()
    assert run(corpus, output).cached == 1, "a timed-out document is tried again next time"


def _office(monkeypatch: pytest.MonkeyPatch, folder: Path, installed: bool) -> None:
    """LibreOffice absent, or a stand-in `soffice` that 'converts' any .doc into a small DOCX."""
    if not installed:
        monkeypatch.setattr(shutil, "which", lambda name: None)
        return
    converted = folder / "converted.docx"
    word = docx.Document()
    word.add_paragraph("各协会要在2020年10月底前完成脱钩任务。")
    word.save(str(converted))
    program = folder / "soffice"
    copy_out = 'while [ "$#" -gt 1 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done\n'
    program.write_text(f'#!/bin/sh\n{copy_out}mkdir -p "$out" && cp "{converted}" "$out/source.docx"\n')
    program.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name: str(program) if name == "soffice" else None)


def _doc_corpus(tmp_path: Path) -> Path:
    corpus = _corpus(tmp_path / "in")
    shutil.copyfile(LEGACY_DOC, corpus / "c.doc")
    return corpus


def _doc_row(output: Path) -> dict:
    return next(r for r in pq.read_table(output / "documents.parquet").to_pylist() if r["source_path"] == "c.doc")


def test_missing_libreoffice_is_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, output = _doc_corpus(tmp_path), tmp_path / "out"
    with monkeypatch.context() as patch:
        _office(patch, tmp_path, installed=False)
        assert run(corpus, output).statuses == {"ok": 2, "failed": 1}
    assert "LibreOffice is needed" in _doc_row(output)["error"]
    _office(monkeypatch, tmp_path, installed=True)
    again = run(corpus, output)
    assert again.cached == 2, "the text files come from the cache, the .doc is read"
    assert _doc_row(output)["status"] == "ok"
    assert run(corpus, output).cached == 3, "once read, the .doc is cached like any file"


def test_forced_run_with_libreoffice_missing_does_not_leave_its_tables_final(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, output = _doc_corpus(tmp_path), tmp_path / "out"
    _office(monkeypatch, tmp_path, installed=True)
    run(corpus, output)
    with monkeypatch.context() as patch:
        _office(patch, tmp_path, installed=False)
        run(corpus, output, force=True)
    assert _doc_row(output)["status"] == "failed"
    run(corpus, output)
    assert _doc_row(output)["status"] == "ok"
