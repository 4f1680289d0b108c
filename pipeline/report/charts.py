"""The report's charts, drawn by matplotlib as inline SVG with every glyph as a path.

Text as paths (`svg.fonttype = path`) means the Chinese labels render in any browser, offline and
without the font installed: only the machine writing the report needs a CJK font (Noto Sans CJK,
Debian's fonts-noto-cjk). A fixed hash salt per chart and no date keep the SVG byte-identical
between runs, and keep the ids of two charts inlined in one page apart.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable, Sequence

import matplotlib
import matplotlib.dates as mdates
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from pipeline.report.data import SHOWN_STATUSES, Row
from pipeline.report.labels import STATUS_COLOURS, UNSETTLED, level_label, status_label
from pipeline.schemas import STATUSES

CJK_FONT = "Noto Sans CJK SC"
"""The font the labels are drawn with; Debian's fonts-noto-cjk installs it."""

BAR_HEIGHT_IN = 0.32
"""Height of one bar row in inches, so a chart grows with its rows instead of squeezing them."""


class MissingFontError(RuntimeError):
    """No CJK font: the labels would be drawn as empty boxes, so the report is refused."""


def _check_font() -> None:
    try:
        font_manager.findfont(font_manager.FontProperties(family=CJK_FONT), fallback_to_default=False)
    except ValueError as error:
        raise MissingFontError(
            f"font {CJK_FONT!r} not found: install it (Debian/Ubuntu: apt-get install fonts-noto-cjk)"
        ) from error


def _style(name: str) -> dict[str, object]:
    return {
        "font.family": [CJK_FONT, "DejaVu Sans"],
        "font.size": 9,
        "svg.fonttype": "path",
        "svg.hashsalt": f"tuogou-{name}",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _figure(height: float) -> tuple[Figure, Axes]:
    """A figure of the object API: pyplot's global state and GUI backends are never touched."""
    figure = Figure(figsize=(8, height))
    return figure, figure.subplots()


def _svg(figure: Figure) -> str:
    """The figure as an `<svg>` element for inlining: no XML declaration, no DOCTYPE, no date."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def stacked_bars(name: str, counts: dict[str, dict[str, int]], xlabel: str, order: Sequence[str] = STATUSES) -> str:
    """Horizontal bars, one per label, stacked by status in the enumeration's order; unused statuses left out."""
    labels = list(counts)
    shown = [s for s in order if any(c.get(s) for c in counts.values())]
    with matplotlib.rc_context(_style(name)):
        figure, axes = _figure(0.9 + BAR_HEIGHT_IN * max(len(labels), 1))
        left = [0] * len(labels)
        for status in shown:
            widths = [counts[label].get(status, 0) for label in labels]
            axes.barh(labels, widths, left=left, color=STATUS_COLOURS[status], label=status_label(status))
            left = [a + b for a, b in zip(left, widths)]
        if labels:  # first label on top; an empty chart keeps matplotlib's own limits
            axes.set_ylim(len(labels) - 0.5, -0.5)
        axes.set_xlabel(xlabel)
        if shown:
            axes.legend(loc="lower right", frameon=False, ncols=len(shown), bbox_to_anchor=(1, 1))
        return _svg(figure)


def _nested(rows: Iterable[Row], label: str) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        counts[row[label]][row["status"]] = row["n"]
    return dict(counts)


def _place_label(province: str, level: str | None) -> str:
    return province if level == "central" else f"{province} · {level_label(level)}"


def by_place(rows: Sequence[Row]) -> str:
    """Latest status by province and level (`河南省 · 市级`)."""
    labelled = [r | {"label": _place_label(r["province"], r["admin_level"])} for r in rows]
    return stacked_bars("by-place", _nested(labelled, "label"), "协会商会数（最新状态）associations, latest status")


def by_agency(rows: Sequence[Row]) -> str:
    """Latest status by former supervising agency, with its successor (`原单位 → 现单位`)."""
    labelled = [r | {"label": f"{r['agency']} → {r['successor'] or '？'}"} for r in rows]
    return stacked_bars("by-agency", _nested(labelled, "label"), "协会商会数（最新状态）associations, latest status")


def localities(rows: Sequence[Row]) -> str:
    """Each locality's associations by latest status: decoupled, planned, other."""
    order = (*SHOWN_STATUSES, "other")
    counts = {r["locality"] or UNSETTLED: {s: r[s] for s in order} for r in rows}
    return stacked_bars("localities", counts, "协会商会数 associations listed", order)


def timeline(rows: Sequence[Row]) -> str:
    """Milestones per locality on one time axis; `finish` deadlines as large red diamonds."""
    places = list(dict.fromkeys(r["locality"] or UNSETTLED for r in rows))
    with matplotlib.rc_context(_style("timeline")):
        figure, axes = _figure(1.2 + BAR_HEIGHT_IN * 1.5 * max(len(places), 1))
        for row in rows:
            y = places.index(row["locality"] or UNSETTLED)
            if row["start"] is not None and row["start"] != row["deadline"]:
                axes.plot([row["start"], row["deadline"]], [y, y], color="#9ab", linewidth=3, solid_capstyle="butt")
        for finish, marker, size, colour, label in (
            (False, "o", 28, "#567", "里程碑 milestone"),
            (True, "D", 70, "#c0392b", "完成时限 finish deadline"),
        ):
            chosen = [r for r in rows if (r["role"] == "finish") == finish]
            axes.scatter(
                [r["deadline"] for r in chosen],
                [places.index(r["locality"] or UNSETTLED) for r in chosen],
                marker=marker,
                s=size,
                color=colour,
                label=label,
                zorder=3,
            )
        axes.set_yticks(range(len(places)), places)
        axes.set_ylim(len(places) - 0.5, -0.5)
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        axes.grid(axis="x", color="#ddd", linewidth=0.6)
        axes.legend(loc="lower right", frameon=False, ncols=2, bbox_to_anchor=(1, 1))
        return _svg(figure)


def draw_all(
    localities_rows: Sequence[Row], place_rows: Sequence[Row], agency_rows: Sequence[Row], milestone_rows: Sequence[Row]
) -> dict[str, str]:
    """Every chart of the report by its name; refuses to draw without the CJK font."""
    _check_font()
    return {
        "localities": localities(localities_rows),
        "by_place": by_place(place_rows),
        "by_agency": by_agency(agency_rows),
        "timeline": timeline(milestone_rows),
    }
