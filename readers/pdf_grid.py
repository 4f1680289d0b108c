"""Ruled tables from a page's ruling edges: regular grids read off the grid, other shapes by pdfplumber's search.

The edges are snapped, joined and filtered with pdfplumber's own functions and
default settings, as `page.find_tables()` does. They then fall into groups
that cross one another (two tables on a page, a rule under a heading). Rosters
are regular grids, and for them the cells come straight from the sorted edge
positions: where every vertical edge crosses every horizontal one, each box
between consecutive positions is a cell; where some boxes are merged (a header
`业务主管单位` over two columns, a 类别 cell over four rows), the boxes enclosed
by rules are the cells, provided the grid is plainly ruled (see
`_merged_cells`). That is what pdfplumber's general search finds on such
grids, as each grid point's smallest cell is the box to its lower right. A
group of another shape (an L-shaped box, a rule stopping inside a cell, a side
drawn as two edges) goes through `edges_to_intersections`,
`intersections_to_cells` and `cells_to_tables`. The tests check all paths
against the general search on every page of the corpora, on drawn grids and
on 300 random ones (3,000 checked once: 978 regular, 491 merged, 1,540 searched).

Measured on the first 40 bench-corpus PDFs (794 pages, CPU time): the general
search alone cost 0.66 ms a page on average (its `find_smallest_cell` and
`edge_connects` on the big roster pages); with both grid paths the whole table
stage takes 0.55 ms a page against 1.02 with the regular grid path alone, and
no group of the corpora needs the search.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np
from pdfplumber.table import TableSettings, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
from pdfplumber.utils import filter_edges

from readers.pdf_tables import Box

Edge = dict[str, Any]
"""An edge as pdfplumber's table functions take it: x0, x1, top, bottom, width, height, orientation."""

MIN_TABLE_EDGES = 4
"""A ruled table needs at least this many ruling edges; on the corpus every page with a table had 13 or more."""

TABLE_SETTINGS = TableSettings()
"""pdfplumber's default lines-strategy tolerances, the ones `page.find_tables()` uses."""


def find_tables(edges: list[Edge]) -> list[list[Box]]:
    """The cells of each ruled table, as pdfplumber's `TableFinder` finds them with the lines strategy."""
    tables: list[list[Box]] = []
    for verticals, horizontals in _crossing_groups(_ruling(edges)):
        grid = _grid_cells(verticals, horizontals)
        if grid is None:
            grid = _merged_cells(verticals, horizontals)
        tables.extend(grid if grid is not None else _searched(verticals + horizontals))
    return _ordered(tables)


def search_tables(edges: list[Edge]) -> list[list[Box]]:
    """The same tables by pdfplumber's general cell search alone, over all the page's edges: the reference."""
    return _ordered(_searched(_ruling(edges)))


def bbox(cells: Sequence[Box]) -> Box:
    """The box around a table's cells."""
    x0, top, x1, bottom = zip(*cells)
    return min(x0), min(top), max(x1), max(bottom)


def _ruling(edges: list[Edge]) -> list[Edge]:
    """Vertical and horizontal edges long enough, snapped and joined as pdfplumber does; none if too few for a table."""
    settings = TABLE_SETTINGS
    lines = filter_edges(edges, "v", min_length=settings.edge_min_length_prefilter) + filter_edges(
        edges, "h", min_length=settings.edge_min_length_prefilter
    )
    if len(lines) < MIN_TABLE_EDGES:
        return []
    merged = merge_edges(
        lines,
        snap_x_tolerance=settings.snap_x_tolerance,
        snap_y_tolerance=settings.snap_y_tolerance,
        join_x_tolerance=settings.join_x_tolerance,
        join_y_tolerance=settings.join_y_tolerance,
    )
    return filter_edges(merged, min_length=settings.edge_min_length)


def _searched(edges: list[Edge]) -> list[list[Box]]:
    """pdfplumber's general search: the edges' crossings, the smallest cell at each, cells joined at corners."""
    settings = TABLE_SETTINGS
    crossings = edges_to_intersections(edges, settings.intersection_x_tolerance, settings.intersection_y_tolerance)
    return cells_to_tables(intersections_to_cells(crossings))


def _crosses(verticals: list[Edge], horizontals: list[Edge]) -> np.ndarray:
    """Which vertical edge crosses which horizontal one, by `edges_to_intersections`' test and tolerances."""
    x_tolerance, y_tolerance = TABLE_SETTINGS.intersection_x_tolerance, TABLE_SETTINGS.intersection_y_tolerance
    v_x = np.array([v["x0"] for v in verticals], dtype=float)[:, None]
    v_top = np.array([v["top"] for v in verticals], dtype=float)[:, None]
    v_bottom = np.array([v["bottom"] for v in verticals], dtype=float)[:, None]
    h_y = np.array([h["top"] for h in horizontals], dtype=float)[None, :]
    h_x0 = np.array([h["x0"] for h in horizontals], dtype=float)[None, :]
    h_x1 = np.array([h["x1"] for h in horizontals], dtype=float)[None, :]
    return (
        (v_top <= h_y + y_tolerance)
        & (v_bottom >= h_y - y_tolerance)
        & (v_x >= h_x0 - x_tolerance)
        & (v_x <= h_x1 + x_tolerance)
    )


def _crossing_groups(edges: list[Edge]) -> list[tuple[list[Edge], list[Edge]]]:
    """The edges that cross some other, grouped so that edges of two groups never cross: (verticals, horizontals)."""
    verticals = [edge for edge in edges if edge["orientation"] == "v"]
    horizontals = [edge for edge in edges if edge["orientation"] == "h"]
    if not verticals or not horizontals:
        return []
    crosses = _crosses(verticals, horizontals)
    group_of_v = [-1] * len(verticals)
    groups: list[tuple[list[int], list[int]]] = []
    for start in range(len(verticals)):
        if group_of_v[start] >= 0 or not crosses[start].any():
            continue
        group_of_v[start] = len(groups)
        v_members, h_seen = [start], np.zeros(len(horizontals), dtype=bool)
        frontier = [start]
        while frontier:
            reached = crosses[frontier].any(axis=0) & ~h_seen
            h_seen |= reached
            frontier = [v for v in np.flatnonzero(crosses[:, reached].any(axis=1)).tolist() if group_of_v[v] < 0]
            for v in frontier:
                group_of_v[v] = len(groups)
            v_members.extend(frontier)
        groups.append((sorted(v_members), np.flatnonzero(h_seen).tolist()))
    return [([verticals[v] for v in vs], [horizontals[h] for h in hs]) for vs, hs in groups]


def _grid_cells(verticals: list[Edge], horizontals: list[Edge]) -> list[list[Box]] | None:
    """The one table of a regular grid, every box between consecutive edges a cell; None for another shape.

    Regular: one vertical edge at each x and one horizontal edge at each y, every one crossing every other.
    A grid of one cell is no table, as in `cells_to_tables`.
    """
    xs = sorted({v["x0"] for v in verticals})
    ys = sorted({h["top"] for h in horizontals})
    if len(xs) != len(verticals) or len(ys) != len(horizontals) or not _crosses(verticals, horizontals).all():
        return None
    cells = [(x0, top, x1, bottom) for x0, x1 in pairwise(xs) for top, bottom in pairwise(ys)]
    return [cells] if len(cells) > 1 else []


_Segment = tuple[int, int]
"""One step of a grid line between two consecutive crossing lines: (line, step)."""


def _merged_cells(verticals: list[Edge], horizontals: list[Edge]) -> list[list[Box]] | None:
    """The one table of a ruled grid with merged cells (a header `业务主管单位` over two columns), or None.

    Every edge must run from one grid line to another, the grid lines lying
    more than twice the crossing tolerance apart, so an edge ends at one line
    and reaches no other; the boxes enclosed by rules (grid slots joined
    across unruled steps) must then be rectangles with nothing ruled inside,
    the grid's border ruled all round, and each side of a box one edge. On
    such a grid each box's top-left crossing has that box as its smallest
    cell, as `intersections_to_cells` finds it, and no other crossing has one.
    """
    xs = sorted({v["x0"] for v in verticals})
    ys = sorted({h["top"] for h in horizontals})
    tolerance_x, tolerance_y = TABLE_SETTINGS.intersection_x_tolerance, TABLE_SETTINGS.intersection_y_tolerance
    if _too_close(xs, tolerance_x) or _too_close(ys, tolerance_y):
        return None
    columns = _steps_ruled([(v["x0"], v["top"], v["bottom"]) for v in verticals], xs, ys, tolerance_y)
    rows = _steps_ruled([(h["top"], h["x0"], h["x1"]) for h in horizontals], ys, xs, tolerance_x)
    if columns is None or rows is None:
        return None
    boxes = _boxes(columns, rows, len(xs) - 1, len(ys) - 1)
    if boxes is None:
        return None
    cells = [(xs[left], ys[top], xs[right], ys[bottom]) for left, top, right, bottom in boxes]
    return [cells] if len(cells) > 1 else []


def _too_close(lines: list[float], tolerance: float) -> bool:
    return any(b - a <= 2 * tolerance for a, b in pairwise(lines))


def _steps_ruled(
    edges: list[tuple[float, float, float]], lines: list[float], across: list[float], tolerance: float
) -> dict[_Segment, int] | None:
    """Which edge rules each step of each grid line; None if an edge ends off the crossing lines or two overlap.

    `edges` are (position, start, end) along `lines` (their positions), running across the lines `across`.
    """
    ruled: dict[_Segment, int] = {}
    for number, (position, start, end) in enumerate(edges):
        first, last = _line_at(across, start, tolerance), _line_at(across, end, tolerance)
        if first is None or last is None or first >= last:
            return None
        line = lines.index(position)
        for step in range(first, last):
            if ruled.setdefault((line, step), number) != number:
                return None
    return ruled


def _line_at(lines: list[float], value: float, tolerance: float) -> int | None:
    """The grid line within the tolerance of a value (at most one, the lines lying further apart)."""
    index = bisect_left(lines, value - tolerance)
    return index if index < len(lines) and lines[index] <= value + tolerance else None


def _boxes(
    columns: dict[_Segment, int], rows: dict[_Segment, int], width: int, height: int
) -> list[tuple[int, int, int, int]] | None:
    """The ruled boxes of a grid of `width` × `height` slots as (left, top, right, bottom) grid lines, or None
    if the border has a gap, a box is not a rectangle, a box has a rule inside, or a side is more than one edge."""
    border = [(0, j) for j in range(height)] + [(width, j) for j in range(height)]
    if any(step not in columns for step in border) or any(
        (j, i) not in rows for i in range(width) for j in (0, height)
    ):
        return None
    owner = list(range(width * height))

    def find(slot: int) -> int:
        while owner[slot] != slot:
            owner[slot] = owner[owner[slot]]
            slot = owner[slot]
        return slot

    for i in range(width):
        for j in range(height):
            if i + 1 < width and (i + 1, j) not in columns:
                owner[find(j * width + i + 1)] = find(j * width + i)
            if j + 1 < height and (j + 1, i) not in rows:
                owner[find((j + 1) * width + i)] = find(j * width + i)
    roots = [find(slot) for slot in range(width * height)]
    spans: dict[int, list[int]] = {}
    for slot, root in enumerate(roots):
        j, i = divmod(slot, width)
        span = spans.get(root)
        if span is None:
            spans[root] = [i, j, i, j]
        else:
            span[0], span[2], span[3] = min(span[0], i), max(span[2], i), j
    sizes = Counter(roots)
    boxes = []
    for root, (left, top, right, bottom) in spans.items():
        if sizes[root] != (right - left + 1) * (bottom - top + 1):
            return None
        merged = right > left or bottom > top  # a single slot is ruled on all four sides, each by one edge
        if merged and not _plainly_ruled(columns, rows, left, top, right + 1, bottom + 1):
            return None
        boxes.append((left, top, right + 1, bottom + 1))
    return boxes


def _plainly_ruled(
    columns: dict[_Segment, int], rows: dict[_Segment, int], left: int, top: int, right: int, bottom: int
) -> bool:
    """Whether a box has no rule inside and each of its four sides is one edge."""
    inside = any((i, j) in columns for i in range(left + 1, right) for j in range(top, bottom)) or any(
        (j, i) in rows for j in range(top + 1, bottom) for i in range(left, right)
    )
    sides = [
        {columns[(left, j)] for j in range(top, bottom)},
        {columns[(right, j)] for j in range(top, bottom)},
        {rows[(top, i)] for i in range(left, right)},
        {rows[(bottom, i)] for i in range(left, right)},
    ]
    return not inside and all(len(side) == 1 for side in sides)


def _ordered(tables: list[list[Box]]) -> list[list[Box]]:
    """Tables top to bottom, then left to right, by their top-left cell, as `cells_to_tables` orders them."""
    return sorted(tables, key=lambda cells: min((cell[1], cell[0]) for cell in cells))
