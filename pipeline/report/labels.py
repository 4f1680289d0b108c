"""Chinese display labels and colours for the enumerations the report shows.

The tables keep the English enumeration values (`decoupled`); a reader of the report sees both,
`已脱钩 decoupled`, so a label can be matched to the column it counts.
"""

from __future__ import annotations

UNSETTLED = "未定"
"""Label of a place, province or level the tables leave null."""
CENTRAL = "中央"
"""Label of central bodies, as the tables' `locality` writes them."""

STATUS_NAMES = {
    "decoupled": "已脱钩",
    "planned": "拟脱钩",
    "deferred": "暂缓脱钩",
    "exempt": "不脱钩（豁免）",
    "not_decoupled": "未脱钩",
    "deregistered": "已注销",
    "unknown": "状态不明",
    "other": "其他",
}
LEVEL_NAMES = {"central": "中央", "province": "省级", "city": "市级", "county": "县级"}
ROLE_NAMES = {"start": "启动", "phase": "阶段", "finish": "完成时限", "review": "检查", "other": "其他"}
DOCUMENT_STATUS_NAMES = {"ok": "正常", "partial": "部分读取", "failed": "读取失败"}

STATUS_COLOURS = {
    "decoupled": "#2e7d32",
    "planned": "#f9a825",
    "deferred": "#8e24aa",
    "exempt": "#546e7a",
    "not_decoupled": "#c62828",
    "deregistered": "#6d4c41",
    "unknown": "#bdbdbd",
    "other": "#90a4ae",
}


def status_label(status: str) -> str:
    """`已脱钩 decoupled`: the Chinese name beside the value the tables hold."""
    return f"{STATUS_NAMES.get(status, status)} {status}"


def level_label(level: str | None) -> str:
    """`市级` for city; `未定` for a level the tables leave null."""
    return LEVEL_NAMES.get(level or "", UNSETTLED)
