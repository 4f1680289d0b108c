"""Scoring of milestones.parquet: one-to-one matching on dates, kind and the task text."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.evaluation.gold import GoldMilestone
from pipeline.evaluation.metrics import TableScore, index, match, table_score
from pipeline.evaluation.outputs import Row


def score_milestones(gold: Sequence[GoldMilestone], rows: Sequence[Row]) -> TableScore:
    """A gold milestone accepts a row with its (deadline, start, kind) whose task or sentence holds `task_contains`."""
    by_key = index((row["deadline"], row["start"], row["kind"]) for row in rows)
    candidates = [
        [e for e in by_key.get((m.deadline, m.start, m.kind), []) if _mentions(rows[e], m.task_contains)]
        for m in gold
    ]
    return table_score(
        match(candidates),
        [f"{m.date_text}: {m.task_contains}" for m in gold],
        [f"{row['date_text']}: {row['task']}" for row in rows],
    )


def _mentions(row: Row, text: str) -> bool:
    return any(isinstance(value := row[column], str) and text in value for column in ("task", "sentence"))
