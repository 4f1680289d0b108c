"""A PDF page's lines and ruled tables read with pdfium: what `pdf._read_page` reads via pdfplumber, many times faster.

pdfium's text page is built for selecting text and differs from pdfminer's
characters in ways undone here:
- it skips text objects without ink, such as a lone space in its own font
  (`填 报 人` in a LibreOffice form); they come back as space glyphs read
  from the page objects, as pdfminer keeps them;
- it adds spaces and line breaks that are not in the PDF (dropped here);
- it maps a glyph without a Unicode mapping to its char code, where pdfminer
  prints `(cid:N)` (rewritten to `(cid:N)`, so the page counts as garbled);
- it marks a hyphen ending a line before a letter as U+0002 (restored to `-`).
It also drops a text object drawn twice at one spot (fake bold), which
pdfminer reads twice; that difference is kept, pdfium reads what is printed.

Glyph boxes are pdfminer's: one font size up from the baseline (LibreOffice
writes Descent 0, which puts pdfminer's box on the baseline; pdfium does not
expose a font's Descent entry), and across pdfium's loose box, which is the
advance unless the ink overhangs it (14 of 13,833 glyphs on the corpus, by up
to 1.7 pt; none ended a line). Ruling lines, images and inkless text come
from the page objects (`pdf_objects`), and tables are found from the lines by
pdfplumber's own edge, intersection and cell functions with its default
settings, as `page.find_tables()` finds them (`pdf_grid`, which reads regular
grids straight off the edges).
Pages are read as stored: `/Rotate` is not applied (see `is_upright`).

The characters go into arrays (`pdf_lines.GlyphArrays`): one bulk text call,
then three bare ctypes calls a character (Unicode map error, text object,
loose box; see `pdf_calls.bare`) and four a text object for its style, made
through `map` into buffers rather than in a Python loop; each character's
class (blank, Latin, CJK, garbled) comes from a table filled once per distinct
character. Measured on the first 20 bench-corpus PDFs (386 pages, CPU time per
page, best of 5): the characters took 5.5 ms as one `Glyph` and five calls
each, 2.0-2.7 ms now, while pypdfium2 loads a page, builds its text page and
extracts its text in 3.2-3.6 ms; pdfium's own calls are now half of it.
The style costs 6.7 µs a text object through `map` (20 bench PDFs, 59,530
objects: matrix 1.3, origin 1.6, font size 1.9, font 1.0, family 1.0), about
1.2 ms a page; pdfium's calls are most of it, so taking the Python loop
out of it changed the stage's ratio to pypdfium2 less than the load varies it.
The out-parameters' `byref`s are made once and reused (`pdf_calls.OutSlots`)
and the text page is loaded and closed by bare calls, not pypdfium2's
wrapper: the characters then took 0.91-0.98 of the time before (20 bench
PDFs, both in turn on each page, CPU time). Two ideas measured and left:
asking the Unicode-map error once per font and code (a quarter of the calls)
cost more in Python than the calls saved, and a baseline read off the
character's matrix instead of its origin matched it on only 87 % of the
corpora's characters.
"""

from __future__ import annotations

import gc
from ctypes import addressof, c_double, c_float, c_int, c_uint, c_void_p, cast, create_string_buffer
from dataclasses import dataclass
from functools import cache
from itertools import repeat

import numpy as np
import pypdfium2
import pypdfium2.raw as pdfium_c

from readers.pdf_blocks import PageContent, page_content
from readers.pdf_calls import Fonts, Frame, OutSlots, bare, bind
from readers.pdf_grid import bbox, find_tables
from readers.pdf_lines import BLANK, CJK, LATIN_FIRST, LATIN_LAST, GlyphArrays, kinds_of, text_column
from readers.pdf_objects import read_objects
from readers.pdf_tables import Box, TableFragment, ruled_fragment
from readers.pdf_text import has_usable_text, is_garbled

_MAYBE_GENERATED = [ord(char) for char in " \r\n"]
_MARKED = [ord(char) for char in "\x02\ufffe"]
"""What pdfium's text holds for a hyphen it marked (U+0002) or a glyph it could not map (U+FFFE in bulk text)."""


_BOXES = OutSlots(c_float, 4)
_MATRICES = OutSlots(c_float, 6)
_ORIGINS = OutSlots(c_double, 2, (0, 8))

_load_textpage = bind(pdfium_c.FPDFText_LoadPage, c_void_p, c_void_p)
_close_textpage = bind(pdfium_c.FPDFText_ClosePage, None, c_void_p)
_count_chars = bind(pdfium_c.FPDFText_CountChars, c_int, c_void_p)
_get_text = bind(pdfium_c.FPDFText_GetText, c_int, c_void_p, c_int, c_int, c_void_p)
_get_unicode = bind(pdfium_c.FPDFText_GetUnicode, c_uint, c_void_p, c_int)
_object_font = bind(pdfium_c.FPDFTextObj_GetFont, c_void_p, c_void_p)

_text_object = bare(pdfium_c.FPDFText_GetTextObject, c_void_p)
_loose_box = bare(pdfium_c.FPDFText_GetLooseCharBox, c_int)
_unmapped = bare(pdfium_c.FPDFText_HasUnicodeMapError, c_int)
_is_generated = bare(pdfium_c.FPDFText_IsGenerated, c_int)
_char_origin = bare(pdfium_c.FPDFText_GetCharOrigin, c_int)
_char_matrix = bare(pdfium_c.FPDFText_GetMatrix, c_int)
_char_font_size = bare(pdfium_c.FPDFText_GetFontSize, c_double)

_garbled = cache(is_garbled)
"""`is_garbled` per distinct text pdfium's marks were rewritten to."""


def read_page(page: pypdfium2.PdfPage, number: int) -> tuple[PageContent, bool]:
    """A page's lines and table fragments, and whether it has a usable text layer (a blank page counts as one).

    The cyclic garbage collector is paused meanwhile: a page makes thousands
    of short-lived objects and no cycles, and its passes cost about 3 %.
    """
    if not gc.isenabled():
        return _read_page(page, number)
    gc.disable()
    try:
        return _read_page(page, number)
    finally:
        gc.enable()


def _read_page(page: pypdfium2.PdfPage, number: int) -> tuple[PageContent, bool]:
    frame = _frame(page)
    handle = cast(page.raw, c_void_p)
    textpage = _load_textpage(handle)
    if not textpage:
        raise pypdfium2.PdfiumError("Failed to load text page.")
    try:
        chars = _read_chars(c_void_p(textpage), frame)
    finally:
        _close_textpage(textpage)
    drawn = read_objects(handle, frame, chars.objects)
    glyphs = chars.glyphs.extended(drawn.blanks)
    raw = chars.raw + len(drawn.blanks)
    has_text = has_usable_text(chars.usable, chars.inked, bool(raw or drawn.images))
    found = find_tables(drawn.edges) if len(glyphs) else []
    tables = [(box, _fragment(cells, box, glyphs, number)) for cells in found for box in (bbox(cells),)]
    return page_content(number, frame.width, frame.height, glyphs, tables), has_text


def is_upright(page: pypdfium2.PdfPage) -> bool:
    """Whether the page is shown as stored; pdfminer turns a `/Rotate` page, this reader does not."""
    return page.get_rotation() == 0


def _frame(page: pypdfium2.PdfPage) -> Frame:
    """The page's media box; pdfium reads a MediaBox inherited from the page tree only into its bounding box."""
    x0, y0, x1, y1 = page.get_mediabox(fallback_ok=False) or page.get_bbox()
    return Frame(left=x0, top=y1, width=x1 - x0, height=y1 - y0)


# --- characters -----------------------------------------------------------------


@dataclass(frozen=True)
class _Chars:
    """A text page's glyphs, the counts of all, inked and usable characters the text-layer rule needs, its text objects."""

    glyphs: GlyphArrays
    raw: int
    inked: int
    usable: int
    objects: frozenset[int | None]


def _read_chars(textpage: c_void_p, frame: Frame) -> _Chars:
    """Every character of the PDF that pdfium placed, as glyph arrays; garbled ones only counted.

    pdfium's loose box reaches from the font's descent to its ascent, not
    pdfminer's one font size up from the baseline, so only its left and right
    are kept; size and baseline come from the character's text object. The
    reader's hot path: one bulk text call, then three bare calls a character
    (Unicode map error, text object, loose box), the rest on arrays and the
    style once per text object.
    """
    count = _count_chars(textpage)
    texts = _page_text(textpage, count)
    codes = np.frombuffer("".join(texts).encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)
    kept = np.ones(count, dtype=bool)
    spaces = np.flatnonzero(_any_of(codes, _MAYBE_GENERATED))
    kept[spaces] = (
        np.fromiter(map(_is_generated, repeat(textpage, len(spaces)), spaces.tolist()), int, len(spaces)) != 1
    )
    classes = _classify(codes)
    texts = text_column(list(texts))
    at = np.flatnonzero(kept)
    for index, text in _rewritten(textpage, codes, at).items():
        texts[index] = text
        classes[index] = _class_of(text)
    inked, garbled = (classes & BLANK) == 0, (classes & _GARBLED) > 0
    chosen = np.flatnonzero(kept & ~(inked & garbled))
    glyphs, objects = _glyph_arrays(textpage, frame, chosen.tolist())
    x0, x1, top, bottom, size, font, fonts = glyphs
    return _Chars(
        glyphs=GlyphArrays(texts[chosen], x0, x1, top, bottom, size, font, classes[chosen] & _KINDS, fonts),
        raw=len(at),
        inked=int((kept & inked).sum()),
        usable=int((kept & inked & ~garbled).sum()),
        objects=objects,
    )


def _rewritten(textpage: c_void_p, codes: np.ndarray, at: np.ndarray) -> dict[int, str]:
    """What pdfium marked (`-` for a line-end hyphen) or could not map (`(cid:N)`), by character index, of the
    characters at `at`.

    The Unicode-map check is one bare call a character: asking it once per
    font and code on the page instead (a quarter of the characters on the
    bench corpus) cost more in Python than the calls it saved.
    """
    marked = _any_of(codes[at], _MARKED)
    found = {index: _unmark(textpage, index) for index in at[marked].tolist()}
    others = at[~marked].tolist()
    for index, unmapped in zip(others, map(_unmapped, repeat(textpage, len(others)), others)):
        if unmapped:
            found[index] = f"(cid:{codes[index]})"
    return found


def _any_of(codes: np.ndarray, wanted: list[int]) -> np.ndarray:
    """Where the codes are one of a few (`np.isin` costs more on a page's few hundred characters)."""
    found = codes == wanted[0]
    for code in wanted[1:]:
        found |= codes == code
    return found


_KINDS = BLANK | LATIN_FIRST | LATIN_LAST | CJK
_GARBLED, _UNKNOWN = 16, 32
_CLASSES = np.full(0x110000, _UNKNOWN, dtype=np.uint8)
"""Each Unicode character's glyph kind bits (`pdf_lines.kinds_of`) and whether it is garbled, filled in the
first time a page holds it."""


def _class_of(text: str) -> int:
    return kinds_of(text) | (_GARBLED if _garbled(text) else 0)


def _classify(codes: np.ndarray) -> np.ndarray:
    """The class bits of each character."""
    codes = np.minimum(codes, len(_CLASSES) - 1)
    classes = _CLASSES[codes]
    if (classes & _UNKNOWN).any():
        for code in np.unique(codes[(classes & _UNKNOWN) > 0]).tolist():
            _CLASSES[code] = _class_of(chr(code))
        classes = _CLASSES[codes]
    return classes


def _glyph_arrays(
    textpage: c_void_p, frame: Frame, chosen: list[int]
) -> tuple[tuple[np.ndarray, ...], frozenset[int | None]]:
    """The chosen characters' x0, x1, top, bottom, size, font index and font names, from pdfium's loose boxes
    and their text objects' styles; and those text objects."""
    count = len(chosen)
    objects = list(map(_text_object, repeat(textpage, count), chosen))
    boxes, (at_box,) = _BOXES.take(count)  # left, top, right, bottom of each character
    list(map(_loose_box, repeat(textpage, count), chosen, at_box))
    sides = np.frombuffer(boxes, dtype=np.float32, count=4 * count).reshape(count, 4).astype(float)
    firsts = dict(zip(reversed(objects), reversed(chosen)))  # each object's first character
    slot = {obj: number for number, obj in enumerate(firsts)}
    names, sizes, bottoms = _styles(textpage, frame, firsts)
    families = {family: number for number, family in enumerate(dict.fromkeys(names))}
    of_object = np.fromiter(map(slot.__getitem__, objects), np.intp, count)
    size, bottom = sizes[of_object], bottoms[of_object]
    font = np.fromiter(map(families.__getitem__, names), np.intp, len(names))[of_object]
    columns = (sides[:, 0] - frame.left, sides[:, 2] - frame.left, bottom - size, bottom, size, font, tuple(families))
    return columns, frozenset(slot)


def _styles(
    textpage: c_void_p, frame: Frame, objects: dict[int | None, int]
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Font family, pdfminer's size (font size times the text's vertical scale) and baseline of each text object,
    read at one of its characters (`objects` maps an object to it).

    A text object is one show operator, so its characters share a baseline
    (text written across; this reader does not read vertical writing). The
    calls go through `map` into one buffer each, not a Python loop: about 150
    text objects a page.
    """
    count = len(objects)
    if not count:
        return [], np.empty(0), np.empty(0)
    indices = list(objects.values())
    matrices, (at_matrix,) = _MATRICES.take(count)  # a, b, c, d, e, f of each object
    origins, (at_x, at_y) = _ORIGINS.take(count)  # x, y of each object's character
    list(map(_char_matrix, repeat(textpage, count), indices, at_matrix))
    list(map(_char_origin, repeat(textpage, count), indices, at_x, at_y))
    font_sizes = np.fromiter(map(_char_font_size, repeat(textpage, count), indices), float, count)
    scales = np.abs(np.frombuffer(matrices, dtype=np.float32, count=6 * count).reshape(count, 6)[:, 3].astype(float))
    bottoms = frame.top - np.frombuffer(origins, dtype=float, count=2 * count)[1::2]
    return Fonts().of_fonts(list(map(_object_font, objects))), font_sizes * scales, bottoms


def _page_text(textpage: c_void_p, count: int) -> str | list[str]:
    """The text page's characters in one call; one call a character when pdfium's text does not line up with them."""
    if not count:
        return ""
    buffer = create_string_buffer(2 * (count + 1))
    written = _get_text(textpage, 0, count, addressof(buffer))
    text = buffer.raw[: 2 * max(written - 1, 0)].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    return [chr(_get_unicode(textpage, index)) for index in range(count)]


def _unmark(textpage: c_void_p, index: int) -> str:
    """The character pdfium marked: `-` for a line-end hyphen, `(cid:N)` for a glyph with no character."""
    code = _get_unicode(textpage, index)
    return "-" if code == 2 else f"(cid:{code})"


# --- tables -------------------------------------------------------------------------


def _fragment(cells: list[Box], box: Box, glyphs: GlyphArrays, number: int) -> TableFragment:
    """One page's part of a ruled table; its grid lines are where pdfplumber's columns and rows start, then its far edges."""
    xs = sorted({cell[0] for cell in cells}) + [box[2]]
    ys = sorted({cell[1] for cell in cells}) + [box[3]]
    return ruled_fragment(cells, xs, ys, glyphs, number)
