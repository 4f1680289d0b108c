"""`python -m pipeline.evaluation`: print the scores of a run's outputs against the gold (behind `make eval`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.evaluation.gold import GoldError
from pipeline.evaluation.outputs import MissingOutputError
from pipeline.evaluation.report import format_report
from pipeline.evaluation.scoring import evaluate

EXIT_MISSING = 2
"""Exit status when the outputs (or the gold) cannot be read, as for a usage error."""


def main(argv: list[str] | None = None) -> int:
    """Score and print; 0 when scoring ran, whatever the scores, 2 when the outputs are missing."""
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.evaluation",
        description="Score the Parquet tables of a run against the hand-checked gold "
        "(format and scoring rules: tests/corpus/GOLD.md).",
    )
    parser.add_argument("--gold", type=Path, default=Path("tests/corpus/gold"),
                        help="folder of gold NAME.json files (default: %(default)s)")
    parser.add_argument("--output", type=Path, required=True,
                        help="folder holding documents/associations/milestones/citations.parquet of the run")
    parser.add_argument("--label", help="heading printed above the report, e.g. the corpus it scores")
    args = parser.parse_args(argv)
    try:
        report = evaluate(args.gold, args.output)
    except (MissingOutputError, GoldError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_MISSING
    print(format_report(report, args.label), end="")
    return 0
