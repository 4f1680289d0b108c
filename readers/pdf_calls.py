"""pdfium's C functions called past pypdfium2's wrappers, and what the character and page-object readers share.

pypdfium2's typed calls convert every argument; a reader making thousands of
calls a page binds the raw functions itself (`bind`: plain `c_void_p`
handles; `bare`: no argument types at all, the cheapest). Both readers also
place points in the page's frame (`Frame`) and name fonts by family (`Fonts`).
"""

from __future__ import annotations

from collections.abc import Callable
import threading
from ctypes import CFUNCTYPE, Array, addressof, byref, c_ulong, c_void_p, cast, create_string_buffer, sizeof
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import pypdfium2.raw as pdfium_c

from readers.pdf_text import font_family

Point = tuple[float, float]

_NAME_BUFFER = 256


def bind(function: object, restype: type | None, *argtypes: type) -> Callable[..., Any]:
    """The same pdfium function on plain `c_void_p` handles: pypdfium2's typed pointers cost 0.59 µs a call, these 0.33."""
    return CFUNCTYPE(restype, *argtypes)(cast(function, c_void_p).value)


def bare(function: object, restype: type) -> Callable[..., Any]:
    """The same pdfium function with no argument types, skipping ctypes' conversions: 0.8 µs a call against 1.8
    bound (text objects of 10 bench PDFs, best of 3). Python ints go as C ints, so handles must be `c_void_p`
    values (`Handle`), pointers `byref`s, and an unsigned long a `c_ulong`."""
    return CFUNCTYPE(restype)(cast(function, c_void_p).value)


class OutSlots(threading.local):
    """Out-parameters for a call made once an item: a ctypes array of `width` values an item and a `byref` to
    each item's values, kept from page to page and grown as needed, one set per thread.

    Making a `byref` costs about as much as the bare call it goes to (0.95 µs against 2.96 for the loose box,
    20 bench PDFs, a loaded machine), so a reader making one a character makes them once instead.
    """

    def __init__(self, ctype: Any, width: int, offsets: tuple[int, ...] = (0,)) -> None:
        self._ctype, self._width, self._offsets = ctype, width, offsets
        self.values: Array[Any] = (ctype * 0)()
        self.refs: tuple[list[Any], ...] = tuple([] for _ in offsets)

    def take(self, count: int) -> tuple[Array[Any], tuple[list[Any], ...]]:
        """The array (at least `count` items) and, per offset, the items' refs (more than `count` when the
        array is larger: a `map` over them stops with its shortest argument)."""
        if count > len(self.refs[0]):
            capacity = max(count, 2 * len(self.refs[0]), 1024)
            self.values = (self._ctype * (self._width * capacity))()
            stride = self._width * sizeof(self._ctype)
            self.refs = tuple(
                list(map(byref, repeat(self.values, capacity), range(offset, stride * capacity, stride)))
                for offset in self._offsets
            )
        return self.values, self.refs


class Handle(c_void_p):
    """A page object or path segment handle kept as a ctypes value (a `c_void_p` subclass is not turned into an
    `int` on return), so it goes to bare calls as it is."""


_base_font_name = bind(pdfium_c.FPDFFont_GetBaseFontName, c_ulong, c_void_p, c_void_p, c_ulong)


@dataclass(frozen=True)
class Frame:
    """The page's media box: pdfplumber measures x from its left edge and `top` down from its top edge."""

    left: float
    top: float
    width: float
    height: float

    def point(self, x: float, y: float) -> Point:
        """A point of PDF space as (x, top)."""
        return x - self.left, self.top - y


class Fonts:
    """Family names of one page's fonts, two pdfium calls a font."""

    def __init__(self) -> None:
        self._by_font: dict[int | None, str] = {}

    def of_font(self, font: int | None) -> str:
        family = self._by_font.get(font)
        if family is None:
            family = self._by_font[font] = font_family(_font_name(font)) if font else ""
        return family

    def of_fonts(self, fonts: list[int | None]) -> list[str]:
        """The family of each font, looked up once per distinct font."""
        for font in set(fonts) - self._by_font.keys():
            self.of_font(font)
        return list(map(self._by_font.__getitem__, fonts))


def _font_name(font: int) -> str:
    buffer = create_string_buffer(_NAME_BUFFER)
    length = _base_font_name(font, addressof(buffer), _NAME_BUFFER)
    if length > _NAME_BUFFER:
        buffer = create_string_buffer(length)
        _base_font_name(font, addressof(buffer), length)
    return buffer.value.decode("utf-8", errors="replace")
