"""Plain-text rendering of an EvaluationReport: aligned tables for the terminal, then what went wrong per file."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.evaluation.associations import Consistency
from pipeline.evaluation.metrics import Counts, FieldCheck, TableScore, Tally, tally
from pipeline.evaluation.results import EvaluationReport, FileScore

_SHOWN = 5
"""Examples listed per kind of error in the details, so a bad run does not flood the terminal."""

_VALUE_WIDTH = 60
"""Longest value shown in a got/expected pair before it is cut."""

NOT_SCORED = "-"
"""Shown where the gold leaves a table out; `n/a` is shown where a ratio has nothing to divide by."""


def format_report(report: EvaluationReport, label: str | None = None) -> str:
    """The whole report: per-file table, overall figures, association fields, group consistency, details.

    A `label` heads the report (`Generalisation corpus`); gold files tagged with
    failure classes add the same figures restricted to each class.
    """
    heading = [[f"=== {label} ==="]] if label else []
    sections = [
        *heading,
        [f"{len(report.files)} gold files, {len(report.missing)} missing from the outputs",
         f"n/a: nothing to divide by (precision with no rows extracted);  {NOT_SCORED}: not in the gold"],
        _file_table(report.files),
        ["Overall (micro-averaged over all gold files)", *_overall_table(report)],
        ["Association fields (matched roster rows)", *_field_table(report.field_accuracy)],
        ["Group consistency (pairs of matched gold rows, across all files)", *_consistency_table(report)],
        *_class_sections(report),
        ["Details", *([line for score in report.files for line in _details(score)] or ["nothing wrong"])],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def _class_sections(report: EvaluationReport) -> list[list[str]]:
    """Per-class tables: the overall figures and the association fields over the files tagged with each class."""
    by_class = report.by_class()
    if not by_class:
        return []
    header = ["class", "files", "doc fields", "accuracy", "roster P", "R", "F1", "row fields", "milestone P", "R",
              "F1", "citation P", "R", "F1"]
    rows = [
        [name, str(len(part.files)), _tally(part.document_fields), _number(part.document_fields.share),
         *_counts(part.roster), _number(part.row_fields.share),
         *_counts(part.milestones), *_counts(part.citations)]
        for name, part in by_class.items()
    ]
    fields = {name: part.field_accuracy for name, part in by_class.items()}
    names = list(dict.fromkeys(field for tallies in fields.values() for field in tallies))
    field_rows = [[field, *[_number(fields[name][field].share) if field in fields[name] else NOT_SCORED
                            for name in by_class]] for field in names]
    return [
        ["Per class (the figures above restricted to the gold files tagged with each class)",
         *_align([header, *rows])],
        ["Association fields per class (accuracy over matched roster rows)",
         *(_align([["field", *by_class], *field_rows]) if field_rows else ["no matched rows"])],
    ]


def _counts(counts: Counts) -> list[str]:
    return [_number(counts.precision), _number(counts.recall), _number(counts.f1)]


def _file_table(files: Sequence[FileScore]) -> list[str]:
    header = ["file", "status", "doc fields", "roster P", "R", "F1", "row fields", "milestone P", "R",
              "citation P", "R"]
    rows = [
        [
            score.file,
            _status(score),
            _tally(score.document.tally),
            *_prf(score.roster, f1=True),
            _number(tally(score.associations.checks).share) if score.associations is not None else NOT_SCORED,
            *_prf(score.milestones),
            *_prf(score.citations),
        ]
        for score in files
    ]
    return _align([header, *rows])


def _overall_table(report: EvaluationReport) -> list[str]:
    header = ["table", "matched", "gold", "extracted", "precision", "recall", "F1"]
    rows = [
        [name, str(counts.matched), str(counts.gold), str(counts.extracted),
         _number(counts.precision), _number(counts.recall), _number(counts.f1)]
        for name, counts in (("associations", report.roster), ("milestones", report.milestones),
                             ("citations", report.citations))
    ]
    fields = report.document_fields
    return [*_align([header, *rows]), f"documents: {_tally(fields)} fields right ({_number(fields.share)})"]


def _field_table(tallies: dict[str, Tally]) -> list[str]:
    if not tallies:
        return ["no matched rows"]
    return _align([["field", "right", "accuracy"],
                   *[[field, _tally(figures), _number(figures.share)] for field, figures in tallies.items()]])


def _consistency_table(report: EvaluationReport) -> list[str]:
    def row(name: str, result: Consistency) -> list[str]:
        return [name, str(result.pairs), _number(result.share), str(result.violations), str(result.split),
                str(result.merged)]

    return _align([
        ["classes", "pairs", "consistent", "violating", "split", "merged"],
        row("group = association_key", report.key_consistency),
        row("supervisor_group = supervisor", report.supervisor_consistency),
    ])


def _details(score: FileScore) -> list[str]:
    """What a file got wrong; nothing for a file that is entirely right."""
    if not score.document.present:
        return [f"{score.file}: missing from the outputs"]
    lines = [f"  document {_check(check)}" for check in score.document.wrong]
    for name, table in (("roster", score.roster), ("milestones", score.milestones), ("citations", score.citations)):
        if table is not None:
            lines += _listed(f"{name} missed", table.missed) + _listed(f"{name} invented", table.invented)
    if score.associations is not None:
        wrong = [check for check in score.associations.checks if not check.right]
        lines += _listed("roster fields wrong", [f"{check.subject} {_check(check)}" for check in wrong])
    return [score.file, *lines] if lines else []


def _listed(what: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    more = f" (first {_SHOWN})" if len(items) > _SHOWN else ""
    return [f"  {what}: {len(items)}{more}", *[f"    {item}" for item in items[:_SHOWN]]]


def _check(check: FieldCheck) -> str:
    return f"{check.field}: got {_value(check.got)}, expected {_value(check.expected)}"


def _value(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _VALUE_WIDTH else text[: _VALUE_WIDTH - 1] + "…"


def _status(score: FileScore) -> str:
    if not score.document.present:
        return "missing"
    return {True: "right", False: "WRONG", None: NOT_SCORED}[score.document.status_right]


def _prf(table: TableScore | None, f1: bool = False) -> list[str]:
    if table is None:
        return [NOT_SCORED] * (3 if f1 else 2)
    counts = table.counts
    figures = [counts.precision, counts.recall, counts.f1] if f1 else [counts.precision, counts.recall]
    return [_number(figure) for figure in figures]


def _tally(figures: Tally) -> str:
    return f"{figures.right}/{figures.scored}"


def _number(figure: float | None) -> str:
    """Three decimals, except that a flaw is never rounded up to look perfect (0.99996 shows as 0.999)."""
    if figure is None:
        return "n/a"
    text = f"{figure:.3f}"
    return "0.999" if text == "1.000" and figure < 1 else text


def _align(rows: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell: the first left-aligned, numbers right-aligned."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) if column == 0 else cell.rjust(width)
                  for column, (cell, width) in enumerate(zip(row, widths))).rstrip()
        for row in rows
    ]
