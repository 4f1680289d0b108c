"""Scoring of associations.parquet: roster names, per-field accuracy, consistency of keys with the gold groups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.evaluation.gold import GoldAssociation
from pipeline.evaluation.metrics import FieldCheck, TableScore, index, match, ratio, table_score
from pipeline.evaluation.outputs import ABSENT, Row

Link = tuple[str, object]
"""A matched gold row's group id with the value the run gave it (its association_key or supervisor)."""


@dataclass(frozen=True)
class AssociationScore:
    """One document's roster: name matching, field checks of matched rows, their links for the global group check."""

    table: TableScore
    checks: tuple[FieldCheck, ...]
    key_links: tuple[Link, ...]
    supervisor_links: tuple[Link, ...]


def score_associations(gold: Sequence[GoldAssociation], rows: Sequence[Row]) -> AssociationScore:
    """Match rows by exact `name` one-to-one, then compare every present gold field of the matched pairs."""
    by_name = index(row["name"] for row in rows)
    pairs = match([by_name.get(expected.name, []) for expected in gold])
    matched = [(gold[g], rows[e]) for g, e in sorted(pairs.items())]
    return AssociationScore(
        table=table_score(pairs, [row.name for row in gold], [str(row["name"]) for row in rows]),
        checks=tuple(check for g, row in matched for check in _field_checks(g, row)),
        key_links=tuple((g.group, row["association_key"]) for g, row in matched if g.group is not None),
        supervisor_links=tuple(
            (g.supervisor_group, row["supervisor"]) for g, row in matched if g.supervisor_group is not None
        ),
    )


def _field_checks(gold: GoldAssociation, row: Row) -> list[FieldCheck]:
    """Exact comparison of each present gold field, named by the association so the report can point at it."""
    checks = []
    for field, expected in gold.fields.items():
        got = row.get(field, ABSENT)
        checks.append(FieldCheck(field=field, expected=expected, got=got, right=got == expected, subject=gold.name))
    return checks


@dataclass(frozen=True)
class Consistency:
    """Pairs of matched gold rows judged by their groups.

    `split` counts pairs in one group that got different values, `merged` pairs
    in different groups that got the same value; both are violations.
    """

    pairs: int
    split: int
    merged: int

    @property
    def violations(self) -> int:
        """Pairs that break the equivalence."""
        return self.split + self.merged

    @property
    def share(self) -> float | None:
        """Share of pairs that respect the equivalence, None when there are fewer than two rows."""
        return ratio(self.pairs - self.violations, self.pairs)


def consistency(links: Iterable[Link]) -> Consistency:
    """Count violating pairs from group sizes, in linear time, instead of comparing every pair.

    A null (or absent) value shares nothing, not even with another null: a row
    without a key cannot be in the same class as any other row.
    """
    pairs = [(group, object() if value is None or value is ABSENT else value) for group, value in links]
    both = _pairs_within(Counter(pairs))
    return Consistency(
        pairs=len(pairs) * (len(pairs) - 1) // 2,
        split=_pairs_within(Counter(group for group, _ in pairs)) - both,
        merged=_pairs_within(Counter(value for _, value in pairs)) - both,
    )


def _pairs_within(sizes: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())
