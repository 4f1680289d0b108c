"""Spelling variants of one supervising unit inside one locality, merged onto its standard spelling.

Example: with both seen, `邵阳市住房城乡建设局` → `邵阳市住房和城乡建设局`; `邵阳市教育局` and
`邵阳市教育体育局` stay apart because both are standard names, and `邵阳市农林局` never becomes
`邵阳市农业农村局` because `林` is not in the longer name.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from normalizers.agency_vocabulary import departments

MIN_SIMILARITY = 80
"""rapidfuzz ratio (0–100) below which a standard body is not proposed: `住房城乡建设局` to `住房和城乡建设局` is 93."""


def _standard_split(name: str) -> tuple[str, str] | None:
    """Cut a name before the longest standard department it ends with: `邵阳市教育体育局` → (`邵阳市`, `教育体育局`)."""
    return next(((name[:i], name[i:]) for i in range(len(name)) if name[i:] in departments()), None)


def _is_subsequence(short: str, long: str) -> bool:
    """True when every character of `short` appears in `long` in order: `住房城乡建设局` in `住房和城乡建设局`."""
    remaining = iter(long)
    return all(char in remaining for char in short)


def _variant_of(name: str, standard: dict[str, dict[str, str]]) -> str | None:
    """The one standard name of the same prefix that `name` drops characters of, or None when none or several fit."""
    prefixes = (name[:end] for end in range(len(name), 0, -1))  # longest first, without scanning every place
    for prefix in (p for p in prefixes if p in standard):
        body = name[len(prefix) :]
        if body in departments():
            return None
        proposals = process.extract(body, list(standard[prefix]), scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY)
        fitting = [(score, longer) for longer, score, _ in proposals if _is_subsequence(body, longer)]
        best = [longer for score, longer in fitting if score == max(fitting)[0]] if fitting else []
        if len(best) == 1:
            return standard[prefix][best[0]]
    return None


def collapse_variants(names: Iterable[str]) -> dict[str, str]:
    """Map every name to its canonical spelling: itself, or the standard name of the same place it is a variant of.

    A merge needs three things: the shorter name's characters all appear, in order, in the longer;
    the longer ends with a standard department name (`agency_departments.csv`); the shorter does not.
    """
    unique = sorted(set(names))
    standard: dict[str, dict[str, str]] = {}
    for name in unique:
        if split := _standard_split(name):
            standard.setdefault(split[0], {})[split[1]] = name
    return {name: _variant_of(name, standard) or name for name in unique}
