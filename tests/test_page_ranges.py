"""A long PDF is read as page ranges on several workers and comes out as the one document read whole."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from pipeline.process import FileJob, job_for
from pipeline.ranges import ranges_of
from pipeline.run import run
from pipeline.schemas import TABLES
from tests.dask_cluster import dask_cluster
from tests.scans import line_text, scanned_pdf

PAGES = 60


def test_only_a_pdf_of_more_than_forty_pages_is_split() -> None:
    assert ranges_of(FileJob(Path("a.pdf"), "a.pdf", "0" * 64, pages=40)) == []
    assert ranges_of(FileJob(Path("a.txt"), "a.txt", "0" * 64)) == []
    spans = [(piece.first, piece.last) for piece in ranges_of(FileJob(Path("b.pdf"), "b.pdf", "0" * 64, pages=PAGES))]
    assert spans == [(1, 20), (21, 40), (41, 60)]


def test_the_pages_of_a_pdf_are_counted_when_it_is_hashed(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("通知")
    scan = scanned_pdf(tmp_path / "scan.pdf", 3)
    assert job_for(tmp_path, scan).pages == 3 and job_for(tmp_path, tmp_path / "note.txt").pages is None


def test_a_long_scan_split_over_two_dask_workers_reads_in_page_order(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    scanned_pdf(source / "long-scan.pdf", PAGES)
    with dask_cluster(tmp_path) as cluster:
        run(source, tmp_path / "dask", workers=2, timeout=600, executor="dask", scheduler=cluster.address)
    run(source, tmp_path / "local", workers=2, timeout=600)
    [document] = pq.read_table(tmp_path / "dask" / "documents.parquet").to_pylist()
    assert (document["pages"], document["ocr"], document["status"]) == (PAGES, True, "ok")
    lines = [line for line in document["text"].splitlines() if line.strip()]
    assert lines == [line_text(number) for number in range(1, PAGES + 1)]
    for name in TABLES:
        assert pq.read_table(tmp_path / "dask" / f"{name}.parquet").equals(pq.read_table(tmp_path / "local" / f"{name}.parquet"))
