"""Drop the characters of a class from text at C speed: a `str.translate` table filled on first sight.

Names are filtered by Unicode category character by character; a national corpus has a few
thousand distinct characters over millions of names, so each character's fate is decided once.
"""

from __future__ import annotations

from collections.abc import Callable


class _DroppingTable(dict[int, int | None]):
    """A translate table that maps each code point to itself, or to None (dropped) when `drop` says so."""

    def __init__(self, drop: Callable[[str], bool]) -> None:
        super().__init__()
        self.drop = drop

    def __missing__(self, code: int) -> int | None:
        kept = None if self.drop(chr(code)) else code
        self[code] = kept
        return kept


def dropping(drop: Callable[[str], bool]) -> Callable[[str], str]:
    """A function that removes from a text every character for which `drop` is true (`drop` must be pure)."""
    table = _DroppingTable(drop)
    return lambda text: text.translate(table)
