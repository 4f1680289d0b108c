"""The counting shared by every table's scorer, so precision, recall and F1 are computed in one place."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass


def ratio(part: int, whole: int) -> float | None:
    """A share, or None (shown as n/a) when there is nothing to divide by, so empty tables never raise."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Tally:
    """Right answers out of those scored; adding tallies micro-averages them."""

    right: int = 0
    scored: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.right + other.right, self.scored + other.scored)

    @property
    def share(self) -> float | None:
        """Accuracy, None when nothing was scored."""
        return ratio(self.right, self.scored)


@dataclass(frozen=True)
class Counts:
    """Matched, gold and extracted rows of one table; adding counts micro-averages them.

    Precision is None (n/a) when nothing was extracted and recall None when the
    gold holds no rows, so an empty table scores recall 0 against a non-empty gold
    rather than a made-up precision of 1.0.
    """

    matched: int = 0
    gold: int = 0
    extracted: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.matched + other.matched, self.gold + other.gold, self.extracted + other.extracted)

    @property
    def precision(self) -> float | None:
        """Share of extracted rows that match a gold row."""
        return ratio(self.matched, self.extracted)

    @property
    def recall(self) -> float | None:
        """Share of gold rows that were extracted."""
        return ratio(self.matched, self.gold)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall, written as 2m/(g+e) so it is 0, not n/a, when one side is empty."""
        return ratio(2 * self.matched, self.gold + self.extracted)


@dataclass(frozen=True)
class FieldCheck:
    """One gold value against the extracted one, kept whole so the report can show both."""

    field: str
    expected: object
    got: object
    right: bool
    subject: str = ""


def tally(checks: Iterable[FieldCheck]) -> Tally:
    """Right checks out of all of them."""
    return sum((Tally(int(check.right), 1) for check in checks), Tally())


def tally_by_field(checks: Iterable[FieldCheck]) -> dict[str, Tally]:
    """Per-field accuracy of a set of checks, for the field-accuracy lines of the report."""
    tallies: dict[str, Tally] = {}
    for check in checks:
        tallies[check.field] = tallies.get(check.field, Tally()) + Tally(int(check.right), 1)
    return tallies


@dataclass(frozen=True)
class TableScore:
    """One document's rows of one table against the gold: the counts plus what was missed or invented."""

    counts: Counts
    missed: tuple[str, ...]
    invented: tuple[str, ...]


def index(keys: Iterable[Hashable]) -> dict[Hashable, list[int]]:
    """Positions of each key, so candidates for a gold row are found without scanning every extracted row."""
    positions: dict[Hashable, list[int]] = {}
    for position, key in enumerate(keys):
        positions.setdefault(key, []).append(position)
    return positions


def match(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """Pair gold rows with extracted rows one-to-one, as many pairs as possible.

    `candidates[g]` lists the extracted rows that gold row g accepts. Augmenting
    paths (Kuhn's algorithm) let a later gold row take back a candidate from an
    earlier one that has another choice, so the order of the rows never costs a
    match. Returns gold position → extracted position.
    """
    owner: dict[int, int] = {}

    def claim(gold: int, seen: set[int]) -> bool:
        for extracted in candidates[gold]:
            if extracted not in seen:
                seen.add(extracted)
                if extracted not in owner or claim(owner[extracted], seen):
                    owner[extracted] = gold
                    return True
        return False

    for gold in range(len(candidates)):
        claim(gold, set())
    return {gold: extracted for extracted, gold in owner.items()}


def table_score(pairs: Mapping[int, int], gold_labels: Sequence[str], extracted_labels: Sequence[str]) -> TableScore:
    """Counts and the labels of unmatched rows on both sides, from a matching."""
    taken = set(pairs.values())
    return TableScore(
        counts=Counts(len(pairs), len(gold_labels), len(extracted_labels)),
        missed=tuple(label for position, label in enumerate(gold_labels) if position not in pairs),
        invented=tuple(label for position, label in enumerate(extracted_labels) if position not in taken),
    )
