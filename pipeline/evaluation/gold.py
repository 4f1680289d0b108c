"""Gold annotations (tests/corpus/GOLD.md) as typed, read-only records, so scorers never guess at JSON keys."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

_ASSOCIATION_GROUPS = ("name", "group", "supervisor_group")

_Row = TypeVar("_Row")


class GoldError(ValueError):
    """A gold folder or file the scorer cannot use; the message names the file."""


@dataclass(frozen=True)
class GoldDocument:
    """The documents.parquet row a file must yield: only present keys are scored."""

    fields: Mapping[str, object]
    warnings_include: tuple[str, ...] | None
    error_contains: str | None


@dataclass(frozen=True)
class GoldAssociation:
    """One roster line: matched by `name`, grouped by `group`/`supervisor_group`, its other present fields compared."""

    name: str
    group: str | None
    supervisor_group: str | None
    fields: Mapping[str, object]


@dataclass(frozen=True)
class GoldMilestone:
    """One dated step: matched on its dates and kind, then on `task_contains`."""

    date_text: str | None
    start: str | None
    deadline: str | None
    kind: str | None
    task_contains: str


@dataclass(frozen=True)
class GoldCitation:
    """One cited document: matched on `doc_number` when the gold gives one, else on `title`."""

    doc_number: str | None
    title: str | None


@dataclass(frozen=True)
class GoldFile:
    """Everything the gold says about one input file; a table left out of the gold is None and not scored.

    `classes` tags the failure classes a document exercises (`traditional`,
    `citations`…), so a report can restrict its figures to each class.
    """

    file: str
    document: GoldDocument
    associations: tuple[GoldAssociation, ...] | None
    milestones: tuple[GoldMilestone, ...] | None
    citations: tuple[GoldCitation, ...] | None
    classes: tuple[str, ...] = ()


def load_gold(gold_dir: Path) -> tuple[GoldFile, ...]:
    """Every `*.json` in the folder, sorted by the file they describe, so reports list files in a stable order."""
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise GoldError(f"{gold_dir}: no gold files (*.json)")
    return tuple(sorted((_load_file(path) for path in paths), key=lambda gold: gold.file))


def _load_file(path: Path) -> GoldFile:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return _parse(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldError(f"{path}: {exc!r}") from exc


def _parse(raw: dict[str, Any]) -> GoldFile:
    document = dict(raw["document"])
    warnings = document.pop("warnings_include", None)
    return GoldFile(
        file=raw["file"],
        document=GoldDocument(
            fields=MappingProxyType(document),
            warnings_include=None if warnings is None else tuple(warnings),
            error_contains=raw.get("error_contains"),
        ),
        associations=_rows(raw, "associations", _association),
        milestones=_rows(raw, "milestones", _milestone),
        citations=_rows(raw, "citations", _citation),
        classes=tuple(raw.get("classes", ())),
    )


def _rows(raw: dict[str, Any], key: str, parse: Callable[[dict[str, Any]], _Row]) -> tuple[_Row, ...] | None:
    return None if key not in raw else tuple(parse(row) for row in raw[key])


def _association(row: dict[str, Any]) -> GoldAssociation:
    return GoldAssociation(
        name=row["name"],
        group=row.get("group"),
        supervisor_group=row.get("supervisor_group"),
        fields=MappingProxyType({k: v for k, v in row.items() if k not in _ASSOCIATION_GROUPS}),
    )


def _milestone(row: dict[str, Any]) -> GoldMilestone:
    return GoldMilestone(
        date_text=row.get("date_text"),
        start=row["start"],
        deadline=row["deadline"],
        kind=row["kind"],
        task_contains=row["task_contains"],
    )


def _citation(row: dict[str, Any]) -> GoldCitation:
    return GoldCitation(doc_number=row.get("doc_number"), title=row.get("title"))
