"""Scoring of citations.parquet: one-to-one matching on the cited number, or on the title when the gold has none."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.evaluation.gold import GoldCitation
from pipeline.evaluation.metrics import TableScore, index, match, table_score
from pipeline.evaluation.outputs import Row


def score_citations(gold: Sequence[GoldCitation], rows: Sequence[Row]) -> TableScore:
    """A gold number must be extracted exactly; a gold citation without one is found by its exact title."""
    by_number = index(row["doc_number"] for row in rows)
    by_title = index(row["title"] for row in rows)
    candidates = [
        by_number.get(c.doc_number, []) if c.doc_number is not None else by_title.get(c.title, []) for c in gold
    ]
    return table_score(match(candidates), [_label(c.doc_number, c.title) for c in gold],
                       [_label(row["doc_number"], row["title"]) for row in rows])


def _label(doc_number: object, title: object) -> str:
    return str(doc_number) if doc_number is not None else f"《{title}》"
