"""What a roster line is before normalisation: the values as printed, with provenance."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

UNKNOWN = "unknown"

Printed = Callable[[str | None, int | None], str | None]
"""Maps a string read from a document's simplified view, and its table, back to what was printed."""


@dataclass(frozen=True)
class RosterLine:
    """One association of a roster, as printed: `1 | 广西设备管理协会 | 原自治区经信委 | 实际脱钩`."""

    name_raw: str
    seq: int | None = None
    supervisor_raw: str | None = None
    status_raw: str | None = None
    status: str = UNKNOWN
    note: str | None = None
    page: int | None = None
    table: int | None = None

    def as_printed(self, printed: Printed) -> RosterLine:
        """The line with its raw fields in the characters of the page: `长沙市律师协会` → `長沙市律師協會`.

        The roster is read from the simplified view; `name_raw`, `supervisor_raw` and `status_raw`
        promise what was printed, while `note` reads like the rest of the normalised columns.
        """
        return replace(
            self,
            name_raw=printed(self.name_raw, self.table) or self.name_raw,
            supervisor_raw=printed(self.supervisor_raw, self.table),
            status_raw=printed(self.status_raw, self.table),
        )
