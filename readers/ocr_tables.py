"""Ruled tables on a scanned page: ruling lines from the image, a grid per table, OCR'd text placed in its cells.

Long thin runs of ink survive a morphological opening with a long horizontal or
vertical kernel while characters do not; the surviving segments give the
page's tilt and, turned upright, the positions of a table's rules. A cell is a
run of grid slots not separated by a drawn rule, so merged cells come out as
they do from a text PDF's ruled table, and the same `ruled_fragment` fills them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from readers.ocr_image import POINTS_PER_INCH
from readers.pdf_tables import Box, TableFragment, ruled_fragment
from readers.pdf_text import Glyph

MIN_RULE_INCH = 0.3
"""Shortest ruling segment kept. Longer than any stroke of a 二号 (22 pt) title character, shorter than a one-line
table row (0.33 in in the Ningxia roster); strokes of larger masthead characters survive but never make a table."""

MIN_TABLE_INCH = 1.0
"""A grid narrower than this is a large character's strokes (`中` in a masthead), not a table."""

SAME_RULE_PT = 3.0
"""Rule positions (points) closer than this are one grid line: a thick rule, or one rule broken by the scan."""

COVERED_SHARE = 0.5
"""A slot boundary is drawn when rules cover at least this share of it; less is noise or a gap in a faint rule."""

CUT_MARGIN_PT = 1.5
"""A detected line cut at a cell's edge stops this far from the rule on each side, so the rule is not read as `丨`."""

MIN_PIECE = 0.4
"""A piece of a cut line narrower than this share of its height holds no character, only the detector's margin."""

MIN_ANGLE_RULE_INCH = 1.0
"""Only horizontal rules at least this long measure the page's tilt."""


@dataclass(frozen=True)
class Rule:
    """A ruling segment on the upright page, in points: horizontal at y=`position` from x=`start` to `end`, or vertical."""

    position: float
    start: float
    end: float


@dataclass(frozen=True)
class Upright:
    """The rotation about the page's centre that undoes a scan's tilt; `angle` in radians, positive clockwise in the image."""

    angle: float
    centre: tuple[float, float]

    def apply(self, point: tuple[float, float]) -> tuple[float, float]:
        """Where a pixel of the scan lies on the upright page, still in pixels."""
        x, y = point[0] - self.centre[0], point[1] - self.centre[1]
        cos, sin = math.cos(self.angle), math.sin(self.angle)
        return self.centre[0] + x * cos + y * sin, self.centre[1] - x * sin + y * cos


@dataclass(frozen=True)
class Rules:
    """A page's ruling segments, upright and in points, and the rotation that made them upright."""

    horizontal: tuple[Rule, ...]
    vertical: tuple[Rule, ...]
    upright: Upright


@dataclass(frozen=True)
class Grid:
    """One table's grid lines (points, left to right and top to bottom) and its cells, merged cells as one box."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    cells: tuple[Box, ...]

    @property
    def box(self) -> Box:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def inner_edges(self, y: float) -> list[float]:
        """Left to right, the drawn cell edges inside the table at height `y`: where text of two cells may touch."""
        edges = {edge for x0, top, x1, bottom in self.cells if top <= y < bottom for edge in (x0, x1)}
        return sorted(edges - {self.xs[0], self.xs[-1]})


def find_rules(image: np.ndarray, dpi: int) -> Rules:
    """The ruling segments of a grayscale page image, measured on the upright page."""
    _, ink = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    length = max(2, round(MIN_RULE_INCH * dpi))
    horizontal = _segments(cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, length), np.uint8)), across=False)
    vertical = _segments(cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8)), across=True)
    upright = Upright(
        angle=_tilt(horizontal, MIN_ANGLE_RULE_INCH * dpi), centre=(image.shape[1] / 2, image.shape[0] / 2)
    )
    scale = POINTS_PER_INCH / dpi
    return Rules(
        horizontal=tuple(_rule(segment, upright, scale, across=False) for segment in horizontal),
        vertical=tuple(_rule(segment, upright, scale, across=True) for segment in vertical),
        upright=upright,
    )


Segment = tuple[float, float, float, float]
"""A segment's centre line in pixels as fitted: from (x0, y0) to (x1, y1)."""


def _segments(mask: np.ndarray, across: bool) -> list[Segment]:
    """The centre lines of the mask's connected runs; `across` for vertical ones, fitted as x against y.

    Runs are labelled only inside the box around the mask's ink: a page of running text has no rules, and
    labelling a whole 200 dpi page took 30 ms, a tenth of the page's OCR.
    """
    x, y, width, height = cv2.boundingRect(mask)
    if not width:
        return []
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask[y : y + height, x : x + width], connectivity=8)
    segments: list[Segment] = []
    for label in range(1, count):
        left, top, width, height = stats[label, :4]
        ys, xs = np.nonzero(labels[top : top + height, left : left + width] == label)
        ys, xs = ys + top + y, xs + left + x
        along, off = (ys, xs) if across else (xs, ys)
        slope, intercept = np.polyfit(along, off, 1)
        first, last = float(along.min()), float(along.max())
        start, end = slope * first + intercept, slope * last + intercept
        segments.append((start, first, end, last) if across else (first, start, last, end))
    return segments


def _tilt(horizontal: Sequence[Segment], min_length: float) -> float:
    """The page's tilt from its long horizontal rules, the median of their slopes weighted by length; 0 without rules."""
    slopes = sorted(((y1 - y0) / (x1 - x0), x1 - x0) for x0, y0, x1, y1 in horizontal if x1 - x0 >= min_length)
    if not slopes:
        return 0.0
    weights = np.cumsum([weight for _, weight in slopes])
    return math.atan(slopes[int(np.searchsorted(weights, weights[-1] / 2))][0])


def _rule(segment: Segment, upright: Upright, scale: float, across: bool) -> Rule:
    """A fitted segment turned upright and measured in points."""
    (x0, y0), (x1, y1) = upright.apply(segment[:2]), upright.apply(segment[2:])
    if across:
        return Rule(position=(x0 + x1) / 2 * scale, start=min(y0, y1) * scale, end=max(y0, y1) * scale)
    return Rule(position=(y0 + y1) / 2 * scale, start=min(x0, x1) * scale, end=max(x0, x1) * scale)


def _crosses(horizontal: Rule, vertical: Rule) -> bool:
    return (
        horizontal.start - SAME_RULE_PT <= vertical.position <= horizontal.end + SAME_RULE_PT
        and vertical.start - SAME_RULE_PT <= horizontal.position <= vertical.end + SAME_RULE_PT
    )


def build_grids(rules: Rules) -> list[Grid]:
    """One grid per set of crossing rules with at least two rules each way, top to bottom."""
    horizontal, vertical = rules.horizontal, rules.vertical
    crossings = [
        (h, len(horizontal) + v)
        for h, h_rule in enumerate(horizontal)
        for v, v_rule in enumerate(vertical)
        if _crosses(h_rule, v_rule)
    ]
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for index, label in enumerate(_join(len(horizontal) + len(vertical), crossings)):
        rows, columns = groups.setdefault(label, ([], []))
        if index < len(horizontal):
            rows.append(horizontal[index])
        else:
            columns.append(vertical[index - len(horizontal)])
    grids = [_grid(rows, columns) for rows, columns in groups.values() if len(rows) >= 2 and len(columns) >= 2]
    return sorted((g for g in grids if g.xs[-1] - g.xs[0] >= MIN_TABLE_INCH * POINTS_PER_INCH), key=lambda g: g.ys[0])


def _join(count: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """A label per item such that items linked through `pairs` share one (union-find)."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        parent[root(a)] = root(b)
    return [root(i) for i in range(count)]


def grid_lines(positions: Iterable[float]) -> tuple[float, ...]:
    """Rule positions merged into grid lines: positions closer than SAME_RULE_PT become their mean."""
    lines: list[list[float]] = []
    for position in sorted(positions):
        if lines and position - lines[-1][-1] < SAME_RULE_PT:
            lines[-1].append(position)
        else:
            lines.append([position])
    return tuple(sum(group) / len(group) for group in lines)


def _covered(rules: Sequence[Rule], position: float, low: float, high: float) -> bool:
    """Whether rules at `position` cover most of the boundary from `low` to `high`."""
    covered = sum(
        max(0.0, min(rule.end, high) - max(rule.start, low))
        for rule in rules
        if abs(rule.position - position) < SAME_RULE_PT
    )
    return covered >= COVERED_SHARE * (high - low)


def _grid(horizontal: Sequence[Rule], vertical: Sequence[Rule]) -> Grid:
    """A table's grid lines and cells: neighbouring slots with no drawn rule between them form one cell."""
    xs, ys = grid_lines(r.position for r in vertical), grid_lines(r.position for r in horizontal)
    columns, rows = len(xs) - 1, len(ys) - 1
    open_sides = _undrawn_boundaries(horizontal, vertical, xs, ys)
    spans: dict[int, list[int]] = {}
    for slot, label in enumerate(_join(rows * columns, open_sides)):
        row, column = divmod(slot, columns)
        span = spans.setdefault(label, [column, row, column, row])
        span[0], span[1] = min(span[0], column), min(span[1], row)
        span[2], span[3] = max(span[2], column), max(span[3], row)
    cells = tuple((xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]) for c0, r0, c1, r1 in spans.values())
    return Grid(xs=xs, ys=ys, cells=cells)


def _undrawn_boundaries(
    horizontal: Sequence[Rule], vertical: Sequence[Rule], xs: Sequence[float], ys: Sequence[float]
) -> Iterator[tuple[int, int]]:
    """Pairs of neighbouring slots (numbered row by row) with no rule drawn between them."""
    columns, rows = len(xs) - 1, len(ys) - 1
    for row in range(rows):
        for column in range(columns):
            slot = row * columns + column
            if column + 1 < columns and not _covered(vertical, xs[column + 1], ys[row], ys[row + 1]):
                yield slot, slot + 1
            if row + 1 < rows and not _covered(horizontal, ys[row + 1], xs[column], xs[column + 1]):
                yield slot, slot + columns


def cut_at_cells(quad: np.ndarray, grids: Sequence[Grid], upright: Upright, scale: float) -> list[np.ndarray]:
    """A detected line (pixel corners, clockwise from top left) cut where it crosses a cell's edge in a table.

    The detector joins text on both sides of a rule when the gap is narrow (`拟脱钩 | 备注` came out as one line
    at 736 pixels); each piece is then read on its own and lands in its own cell. `scale` is points per pixel.
    """
    top_left, top_right, bottom_right, bottom_left = quad
    (x0, y0), (x1, y1) = upright.apply((top_left + bottom_left) / 2), upright.apply((top_right + bottom_right) / 2)
    x0, x1, middle = x0 * scale, x1 * scale, (y0 + y1) / 2 * scale
    cuts = [x for grid in grids if grid.ys[0] <= middle < grid.ys[-1] for x in grid.inner_edges(middle) if x0 < x < x1]
    if not cuts:
        return [quad]
    edges = [x0, *(x for cut in sorted(cuts) for x in (cut - CUT_MARGIN_PT, cut + CUT_MARGIN_PT)), x1]
    height = float(np.linalg.norm(bottom_left - top_left)) * scale
    pieces = []
    for left, right in zip(edges[::2], edges[1::2]):
        if right - left >= MIN_PIECE * height:
            start, end = (left - x0) / (x1 - x0), (right - x0) / (x1 - x0)
            top, bottom = top_right - top_left, bottom_right - bottom_left
            corners = [
                top_left + start * top,
                top_left + end * top,
                bottom_left + end * bottom,
                bottom_left + start * bottom,
            ]
            pieces.append(np.array(corners, dtype=np.float32))
    return pieces


def fragment(grid: Grid, glyphs: Sequence[Glyph], page: int) -> TableFragment:
    """One page's part of a table, its cells filled with the OCR'd text whose middle lies inside them."""
    return ruled_fragment(grid.cells, grid.xs, grid.ys, glyphs, page)
