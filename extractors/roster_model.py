"""What a roster line is before normalisation: the values as printed, with provenance."""

from __future__ import annotations

from dataclasses import dataclass

UNKNOWN = "unknown"


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
