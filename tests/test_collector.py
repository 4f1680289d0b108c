"""The collector writes each result to part files as it arrives and gives back exactly the tables it was given."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import pipeline.collector
from pipeline.collector import PARTS_FOLDER, Collector, collect
from pipeline.columns import PER_DOCUMENT, collected
from pipeline.process import FileJob, FileResult, document_tables, failed_result, keyed_to
from pipeline.run import run
from pipeline.schemas import TABLES

SORT_KEYS = {"associations": ("doc_id", "row"), "milestones": ("doc_id", "idx")}


def _job(source_path: str, digit: str) -> FileJob:
    return FileJob(Path(source_path), source_path, digit * 64)


def _result(job: FileJob, rows: dict[str, list[dict]], **document: object) -> FileResult:
    row = {"doc_id": job.doc_id, "source_path": job.source_path, "sha256": job.sha256, "status": "ok", **document}
    tables = {name: [{"doc_id": job.doc_id, **line} for line in lines] for name, lines in rows.items()}
    return FileResult({"ocr": False, "warnings": [], **row}, document_tables(tables))


def _mix() -> list[FileResult]:
    """Results in the order they might arrive: a roster with dates and multi-line text, its later byte-identical
    copy, a document with empty tables, a failed file (no tables at all), and one whose path sorts first."""
    roster = _result(
        _job("b/roster.txt", "a"),
        {
            "associations": [{"row": 1, "name": "乙协会"}, {"row": 0, "name": "甲协会", "status": "decoupled"}],
            "milestones": [{"idx": 0, "start": date(2020, 10, 31), "task": "完成脱钩"}],
            "citations": [{"doc_number": "国办发〔2019〕1号"}, {"doc_number": "民发〔2015〕2号"}],
        },
        text="关于印发方案的通知\n第二行\u2028第三行",
        issue_date=date(2019, 10, 15),
        warnings=["no_text_layer: 1 pages"],
    )
    copy = keyed_to(roster, FileJob(Path("c/copy.txt"), "c/copy.txt", "a" * 64, copy_of="b/roster.txt"))
    empty = _result(_job("d/empty.txt", "b"), {name: [] for name in PER_DOCUMENT}, text="")
    failed = failed_result(_job("e/failed.pdf", "c"), "cannot read: broken")
    first = _result(_job("a/first.txt", "d"), {"citations": [{"doc_number": "中办发〔2016〕3号"}]}, text="通知")
    return [copy, roster, failed, empty, first]


def _expected(results: list[FileResult]) -> dict[str, list[dict]]:
    """The tables, as rows, in the output order: documents by source_path, rosters and milestones by doc_id and
    position, citations by their document's source_path, each document's in its own order."""
    documents = sorted((result.document for result in results), key=lambda document: document["source_path"])
    order = {document["doc_id"]: index for index, document in enumerate(documents)}
    expected: dict[str, list[dict]] = {"documents": documents}
    for name in PER_DOCUMENT:
        rows = [row for result in results for row in result.rows.get(name, [])]
        keys = SORT_KEYS.get(name)
        expected[name] = sorted(rows, key=lambda r: tuple(r[k] for k in keys) if keys else order[r["doc_id"]])
    return expected


@pytest.mark.parametrize("flush_bytes", [1, pipeline.collector.FLUSH_BYTES], ids=["every-result", "default"])
def test_the_collector_gives_back_what_it_was_given_in_output_order(
    flush_bytes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline.collector, "FLUSH_BYTES", flush_bytes)
    results = _mix()
    tables = collect(results)
    expected = _expected(results)
    assert tables["documents"] == expected["documents"]  # dates come back as dates, absent keys stay absent
    for name in PER_DOCUMENT:
        assert tables[name].schema == collected(name)
        assert tables[name].to_pylist() == expected[name]


def test_the_parts_are_removed_once_the_tables_are_read(tmp_path: Path) -> None:
    collector = Collector(tmp_path)
    for result in _mix():
        collector.add(result)
    assert (tmp_path / PARTS_FOLDER).is_dir()
    collector.tables()
    assert not (tmp_path / PARTS_FOLDER).exists()


def test_the_parts_are_removed_when_the_collector_is_dropped(tmp_path: Path) -> None:
    collector = Collector(tmp_path)
    collector.add(_mix()[0])
    del collector
    gc.collect()
    assert not (tmp_path / PARTS_FOLDER).exists()


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("关于印发方案的通知\n1 甲市能源协会 甲市发改委 已脱钩\n", encoding="utf-8")
    (folder / "b.txt").write_text("各协会要在2020年10月底前完成脱钩任务。\n", encoding="utf-8")
    return folder


def test_a_run_collects_in_parts_and_leaves_none(tmp_path: Path) -> None:
    corpus, output = _corpus(tmp_path / "in"), tmp_path / "out"
    seen: list[bool] = []
    run(corpus, output, on_file_done=lambda _: seen.append((output / PARTS_FOLDER).is_dir()))
    assert seen == [True, True]
    assert not (output / PARTS_FOLDER).exists()


def test_a_killed_runs_parts_do_not_leak_into_the_next_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    run(corpus, clean)
    leftover = killed / PARTS_FOLDER
    leftover.mkdir(parents=True)
    stale = Collector()
    stale.add(_mix()[1])
    for part in stale.folder.iterdir():  # a killed run's parts: a whole result, and a torn batch
        (leftover / part.name).write_bytes(part.read_bytes())
    (leftover / "associations.arrows").write_bytes(b"\xff\xff\xff\xff torn")
    run(corpus, killed)
    assert not leftover.exists()
    for name in TABLES:
        assert pq.read_table(killed / f"{name}.parquet").equals(pq.read_table(clean / f"{name}.parquet"))
