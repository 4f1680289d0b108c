"""A PDF page's objects as pdfium holds them: the ruling lines, the images, and the inkless text pdfium's text page skips.

One pass over the page's objects, form contents included, with each form's
matrix applied: path objects are split into subpaths as pdfminer splits them
and become pdfplumber's edges (what `pdf_grid` finds tables in); images are
counted (a page with only images is a scan); a text object narrower than
`INKLESS_WIDTH` that the text page did not place becomes a space glyph, as
pdfminer keeps it (`填 报 人` in a LibreOffice form).
"""

from __future__ import annotations

from collections.abc import Iterator
from ctypes import addressof, byref, c_float, c_int, c_uint, c_ulong, c_void_p
from dataclasses import dataclass
from itertools import pairwise, repeat

import pypdfium2.raw as pdfium_c

from readers.pdf_calls import Fonts, Frame, Handle, Point, bare, bind
from readers.pdf_grid import Edge
from readers.pdf_text import Glyph

INKLESS_WIDTH = 0.01
"""pdfium's text page skips text objects narrower than this (`kSizeEpsilon` in cpdf_textpage.cpp)."""

_Matrix = tuple[float, float, float, float, float, float]

_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

_count_objects = bind(pdfium_c.FPDFPage_CountObjects, c_int, c_void_p)
_count_form_objects = bind(pdfium_c.FPDFFormObj_CountObjects, c_int, c_void_p)
_object_bounds = bind(pdfium_c.FPDFPageObj_GetBounds, c_int, c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)
_object_matrix = bind(pdfium_c.FPDFPageObj_GetMatrix, c_int, c_void_p, c_void_p)
_count_segments = bind(pdfium_c.FPDFPath_CountSegments, c_int, c_void_p)
_object_font = bind(pdfium_c.FPDFTextObj_GetFont, c_void_p, c_void_p)
_object_font_size = bind(pdfium_c.FPDFTextObj_GetFontSize, c_int, c_void_p, c_void_p)
_glyph_width = bind(pdfium_c.FPDFFont_GetGlyphWidth, c_int, c_void_p, c_uint, c_float, c_void_p)
_TEXT, _PATH, _IMAGE, _FORM = (
    pdfium_c.FPDF_PAGEOBJ_TEXT,
    pdfium_c.FPDF_PAGEOBJ_PATH,
    pdfium_c.FPDF_PAGEOBJ_IMAGE,
    pdfium_c.FPDF_PAGEOBJ_FORM,
)
_MOVETO, _BEZIERTO = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_BEZIERTO

_object_at = bare(pdfium_c.FPDFPage_GetObject, c_void_p)
_form_object_at = bare(pdfium_c.FPDFFormObj_GetObject, c_void_p)
_object_type = bare(pdfium_c.FPDFPageObj_GetType, c_int)
_get_segment = bare(pdfium_c.FPDFPath_GetPathSegment, Handle)
_segment_type = bare(pdfium_c.FPDFPathSegment_GetType, c_int)
_segment_point = bare(pdfium_c.FPDFPathSegment_GetPoint, c_int)
_segment_closes = bare(pdfium_c.FPDFPathSegment_GetClose, c_int)


@dataclass(frozen=True)
class Drawn:
    """What the page objects add: space glyphs pdfium's text page skipped, the image count, the ruling edges."""

    blanks: list[Glyph]
    images: int
    edges: list[Edge]


def read_objects(page: c_void_p, frame: Frame, placed: frozenset[int | None]) -> Drawn:
    """One pass over the page's objects, form contents included; `placed` are text objects the text page read."""
    blanks: list[Glyph] = []
    edges: list[Edge] = []
    images = 0
    fonts = Fonts()
    count = _count_objects(page)
    objects = list(map(_object_at, repeat(page, count), range(count)))
    for obj, kind, outer in _leaves(objects, _IDENTITY, placed, []):
        if kind == _PATH:
            edges.extend(_path_edges(obj, _compose(_matrix(obj), outer), frame))
        elif kind == _TEXT and _is_inkless(obj):
            blanks.append(_blank(obj, _compose(_matrix(obj), outer), frame, fonts))
        elif kind == _IMAGE:
            images += 1
    return Drawn(blanks=blanks, images=images, edges=edges)


def _leaves(
    objects: list[int], outer: _Matrix, placed: frozenset[int | None], into: list[tuple[Handle, int, _Matrix]]
) -> list[tuple[Handle, int, _Matrix]]:
    """Each object that is neither a form nor a text object the text page placed, in drawing order, with its type
    and the matrix of the forms around it.

    Most objects are placed text (154 of 164 a page on the bench corpus), so
    they are dropped by their handles' values before any other call; only the
    rest become `Handle`s, which bare calls take (making one per object and
    asking its type cost as much as the rest of the pass).
    """
    handles = [Handle(obj) for obj in objects if obj not in placed]
    for obj, kind in zip(handles, map(_object_type, handles)):
        if kind == _FORM:
            inner = [_form_object_at(obj, c_ulong(i)) for i in range(_count_form_objects(obj))]
            _leaves(inner, _compose(_matrix(obj), outer), placed, into)
        else:
            into.append((obj, kind, outer))
    return into


def _matrix(obj: Handle) -> _Matrix:
    values = (c_float * 6)()
    _object_matrix(obj, addressof(values))
    a, b, c, d, e, f = values
    return a, b, c, d, e, f


def _compose(first: _Matrix, then: _Matrix) -> _Matrix:
    """The matrix applying `first`, then `then` (PDF's row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _apply(matrix: _Matrix, x: float, y: float) -> Point:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _is_inkless(obj: Handle) -> bool:
    """Whether pdfium's text page skipped this text object for having no width."""
    bounds = (c_float * 4)()
    at = addressof(bounds)
    _object_bounds(obj, at, at + 4, at + 8, at + 12)
    left, _, right, _ = bounds
    return abs(right - left) < INKLESS_WIDTH


def _blank(obj: Handle, matrix: _Matrix, frame: Frame, fonts: Fonts) -> Glyph:
    """One space glyph for an inkless text object, boxed as pdfminer boxes a space at the object's origin."""
    font = _object_font(obj)
    size_out, width_out = c_float(), c_float()
    _object_font_size(obj, addressof(size_out))
    _glyph_width(font, ord(" "), size_out.value, addressof(width_out))
    x0, bottom = frame.point(*_apply(matrix, 0.0, 0.0))
    size = size_out.value * abs(matrix[3])
    width = width_out.value * abs(matrix[0])
    return Glyph(" ", x0, x0 + width, bottom - size, bottom, size, fonts.of_font(font))


def _path_edges(obj: Handle, matrix: _Matrix, frame: Frame) -> list[Edge]:
    """The edges pdfplumber makes of a path: a one-segment subpath is a line, others give one edge per segment."""
    edges: list[Edge] = []
    for subpath in _subpaths(obj):
        points = [frame.point(*_apply(matrix, x, y)) for x, y in subpath]
        if len(points) == 2 or (len(points) == 3 and points[2] == points[0]):
            edges.append(_edge(points[0], points[1], "h" if points[0][1] == points[1][1] else "v"))
            continue
        for start, end in pairwise(points):
            edges.append(_edge(start, end, "v" if start[0] == end[0] else "h" if start[1] == end[1] else None))
    return edges


def _subpaths(obj: Handle) -> Iterator[list[Point]]:
    """A path's subpaths as pdfminer reads them: a curve by its end point, a closed subpath back at its start."""
    xy = (c_float * 2)()
    x_at, y_at = byref(xy), byref(xy, 4)
    points: list[Point] = []
    curve_points = 0
    for index in range(_count_segments(obj)):
        segment = _get_segment(obj, index)
        kind = _segment_type(segment)
        _segment_point(segment, x_at, y_at)
        point = (xy[0], xy[1])
        if kind == _MOVETO:
            if len(points) > 1:
                yield points
            points, curve_points = [point], 0
            continue
        if kind == _BEZIERTO:
            curve_points += 1
            if curve_points % 3:
                continue
        points.append(point)
        if _segment_closes(segment) and point != points[0]:
            points.append(points[0])
    if len(points) > 1:
        yield points


def _edge(start: Point, end: Point, orientation: str | None) -> Edge:
    """An edge as pdfplumber's table functions take it."""
    (xa, ta), (xb, tb) = start, end
    x0, x1, top, bottom = min(xa, xb), max(xa, xb), min(ta, tb), max(ta, tb)
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }
