"""Scores a run's Parquet tables against the hand-checked gold of tests/corpus (rules: tests/corpus/GOLD.md).

Conventions where GOLD.md leaves a choice: precision is None (n/a) when nothing
was extracted and recall None when the gold holds no rows; F1 is 2m/(g+e), so it
is 0 when either side is empty; a document absent from the outputs fails every
field and contributes its gold rows with nothing matched (recall 0). Totals are
micro-averaged. Matching is one-to-one and maximal in every table.
"""

from pipeline.evaluation.cli import main
from pipeline.evaluation.report import format_report
from pipeline.evaluation.results import EvaluationReport, FileScore
from pipeline.evaluation.scoring import evaluate

__all__ = ["EvaluationReport", "FileScore", "evaluate", "format_report", "main"]
