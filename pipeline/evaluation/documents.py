"""Scoring of one documents.parquet row against the gold's `document` block."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.evaluation.gold import GoldDocument
from pipeline.identity import PLACE_FIELDS
from pipeline.evaluation.metrics import FieldCheck, Tally, tally
from pipeline.evaluation.outputs import ABSENT, Row

_WHITE_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class DocumentScore:
    """The field checks of one document; `present` is False when the run wrote no row for the file."""

    present: bool
    checks: tuple[FieldCheck, ...]

    @property
    def tally(self) -> Tally:
        """Fields right out of fields scored."""
        return tally(self.checks)

    @property
    def status_right(self) -> bool | None:
        """Whether `status` matched, None when the gold does not score it."""
        return next((check.right for check in self.checks if check.field == "status"), None)

    @property
    def wrong(self) -> tuple[FieldCheck, ...]:
        """The failed checks, for the report's detail section."""
        return tuple(check for check in self.checks if not check.right)


def score_document(gold: GoldDocument, row: Row | None) -> DocumentScore:
    """Compare each present gold key; a missing row fails every check, which is what gives it recall 0.

    The gold records what each file prints, so a field an attachment took from its notice
    (`documents.inherited`) is scored as the file's own reading: null.
    """
    found: Row = _own_reading(row) if row is not None else {}
    checks = [
        _check(field, expected, found.get(field, ABSENT), _COMPARISONS.get(field, _equal))
        for field, expected in gold.fields.items()
    ]
    if gold.warnings_include is not None:
        checks.append(
            _check("warnings_include", list(gold.warnings_include), found.get("warnings", ABSENT), _has_codes)
        )
    if gold.error_contains is not None:
        checks.append(_check("error_contains", gold.error_contains, found.get("error", ABSENT), _mentions))
    return DocumentScore(present=row is not None, checks=tuple(checks))


def _own_reading(row: Row) -> Row:
    own = dict(row)
    for field in row.get("inherited") or ():
        if field == "place":
            own.update(dict.fromkeys(PLACE_FIELDS))
        else:
            own[field] = [] if field == "issuers" else None
    return own


def _check(field: str, expected: object, got: object, same: Callable[[object, object], bool]) -> FieldCheck:
    return FieldCheck(field=field, expected=expected, got=got, right=same(got, expected))


def _equal(got: object, expected: object) -> bool:
    return got == expected


def _same_title(got: object, expected: object) -> bool:
    """Titles are compared with all white space removed: line breaks and layout spaces are not part of a title."""
    return _squash(got) == _squash(expected)


def _same_set(got: object, expected: object) -> bool:
    """Issuers are compared as sets: the gold does not score their order."""
    return _as_set(got) == _as_set(expected)


def _has_codes(got: object, expected: object) -> bool:
    """Each listed code must be the code (the part before the colon) of one of the warnings."""
    if not isinstance(got, list) or not isinstance(expected, list):
        return False
    codes = {str(warning).split(":", 1)[0].strip() for warning in got}
    return all(code in codes for code in expected)


def _mentions(got: object, expected: object) -> bool:
    """The error must contain the gold word, ignoring case."""
    return isinstance(got, str) and isinstance(expected, str) and expected.lower() in got.lower()


def _squash(value: object) -> object:
    return _WHITE_SPACE.sub("", value) if isinstance(value, str) else value


def _as_set(value: object) -> object:
    return frozenset(value) if isinstance(value, (list, tuple)) else value


_COMPARISONS: dict[str, Callable[[object, object], bool]] = {"title": _same_title, "issuers": _same_set}
