"""The benchmark's collector-memory figures: a run's cached results replayed through the collector, 1x and 4x."""

from __future__ import annotations

from pathlib import Path

from bench.collector_memory import replayed
from bench.measure import collector_memory_figures
from pipeline.cache import ResultCache
from pipeline.run import run

FIGURES = {
    "collector_peak_memory_mib_1x",
    "collector_peak_memory_mib_4x",
    "collector_memory_4x_over_1x",
    "collector_tables_peak_memory_mib_1x",
    "collector_tables_peak_memory_mib_4x",
}


def _cache(tmp_path: Path) -> Path:
    corpus, output = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_text("关于印发方案的通知\n1 甲市能源协会 甲市发改委 已脱钩\n", encoding="utf-8")
    (corpus / "b.txt").write_text("各协会要在2020年10月底前完成脱钩任务。\n", encoding="utf-8")
    run(corpus, output)
    return ResultCache(output).folder


def test_each_copy_of_a_replayed_result_is_a_file_of_its_own(tmp_path: Path) -> None:
    results = list(replayed(_cache(tmp_path), copies=3))
    assert len(results) == 6
    assert len({r.document["doc_id"] for r in results}) == len({r.document["source_path"] for r in results}) == 6
    for result in results:
        for table in result.tables.values():
            assert set(table["doc_id"].to_pylist()) <= {result.document["doc_id"]}


def test_the_collector_figures_come_from_processes_of_their_own(tmp_path: Path) -> None:
    figures = collector_memory_figures(_cache(tmp_path))
    assert set(figures) == FIGURES
    assert all(figures[name] > 0 for name in FIGURES)
