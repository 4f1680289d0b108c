"""The date and milestone vocabulary as data: files well formed, roles known, values usable."""

from __future__ import annotations

import pytest

from normalizers.date_words import DATE_WORDS, MILESTONE_WORDS, alternation, word_values, words
from normalizers.vocabulary import read_table

DATE_ROLES = {
    "xun", "half", "quarter", "period_end", "year_end", "before", "within", "from_prefix", "from_suffix",
    "range", "since_day", "after", "duration_unit", "placeholder", "relative_year",
}
MILESTONE_ROLES = {"rule_marker", "own_date_label", "own_date_suffix", "task_lead", "dateline_suffix", "dateline_opener", "period_close"}
NUMBERED_ROLES = {"xun": 3, "half": 2, "quarter": 4}
"""Roles whose value is the ordinal of the period within its month or year, up to this count."""
FILES = {DATE_WORDS: ("word", "role", "value", "source"), MILESTONE_WORDS: ("word", "role", "source")}


@pytest.mark.parametrize(("filename", "columns"), FILES.items(), ids=FILES.keys())
def test_vocabulary_file_is_well_formed(filename: str, columns: tuple[str, ...]) -> None:
    rows = read_table(filename)
    assert rows and tuple(rows[0]) == columns
    assert all(all(row[c].strip() for c in columns) for row in rows), "empty cell"
    keys = [(row["word"], row["role"]) for row in rows]
    assert len(keys) == len(set(keys)), "duplicate entry"


@pytest.mark.parametrize(("filename", "roles"), [(DATE_WORDS, DATE_ROLES), (MILESTONE_WORDS, MILESTONE_ROLES)])
def test_every_role_is_known_and_used(filename: str, roles: set[str]) -> None:
    assert {row["role"] for row in read_table(filename)} == roles


@pytest.mark.parametrize(("role", "count"), NUMBERED_ROLES.items())
def test_numbered_roles_cover_every_period(role: str, count: int) -> None:
    assert {int(v) for v in word_values(role).values()} == set(range(1, count + 1))


def test_words_come_longest_first() -> None:
    assert words("before") == ("以前", "之前", "前")
    assert alternation("range").startswith("——")


def test_unknown_role_is_an_error() -> None:
    with pytest.raises(KeyError):
        words("no_such_role")
