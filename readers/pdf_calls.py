"""pdfium's C functions called past pypdfium2's wrappers, and what the character and page-object readers share.

pypdfium2's typed calls convert every argument; a reader making thousands of
calls a page binds the raw functions itself (`bind`: plain `c_void_p`
handles; `bare`: no argument types at all, the cheapest). Both readers also
place points in the page's frame (`Frame`) and name fonts by family (`Fonts`).
"""

from __future__ import annotations

from collections.abc import Callable
from ctypes import CFUNCTYPE, addressof, c_ulong, c_void_p, cast, create_string_buffer
from dataclasses import dataclass
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
