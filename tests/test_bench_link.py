"""The benchmark's link-step figure: the whole step over synthetic rows, measured in a process of its own."""

from __future__ import annotations

from bench.measure import link_step_figures, synthetic_tables
from pipeline.run import link_tables


def test_the_link_step_figure_comes_from_its_own_process() -> None:
    figures = link_step_figures(rows=300)
    assert set(figures) == {"seconds", "peak_memory_mib"}
    assert figures["seconds"] > 0 and figures["peak_memory_mib"] > 0


def test_synthetic_tables_link_into_every_table() -> None:
    tables = synthetic_tables(300)
    link_tables(tables)
    assert len(tables["associations"]) == 300 and len(tables["documents"]) == 2
    assert all(row["association_key"] and row["document_key"] for row in tables["associations"])
    assert tables["agencies"] and tables["association_status"] and tables["progress"]
