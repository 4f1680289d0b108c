"""The benchmark's link-step figures: each half in a process of its own, over the run's own functions."""

from __future__ import annotations

from bench.link_step import worker_results
from bench.measure import link_step_figures
from pipeline.collector import collect
from pipeline.run import link_tables

FIGURES = {"worker_cpu_seconds", "worker_peak_memory_mib", "seconds", "cpu_seconds", "write_seconds", "peak_memory_mib"}


def test_the_link_step_figures_come_from_processes_of_their_own() -> None:
    figures = link_step_figures(rows=300)
    assert set(figures) == FIGURES
    assert all(figures[name] > 0 for name in FIGURES)


def test_synthetic_results_link_into_every_table() -> None:
    tables = collect(list(worker_results(300)))
    link_tables(tables)
    associations = tables["associations"]
    assert associations.num_rows == 300 and len(tables["documents"]) == 2
    assert associations["association_key"].null_count == associations["document_key"].null_count == 0
    assert tables["agencies"] and tables["association_status"].num_rows and tables["progress"]
