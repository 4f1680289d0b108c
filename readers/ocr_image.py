"""The image of a page that OCR reads: a scan's own picture when the page is one upright image, else pdfium's rendering.

A scanned page is usually a single image covering the page, stored at the
scanner's resolution. pdfium renders it by decoding the image and resampling it
onto the page's pixel grid, and the resampling took four fifths of the time
(Luoyang scan, 2026-12-03: 50-58 ms a page rendered, 8.7 ms decoded). Such a page
is decoded directly (`FPDFImageObj_GetBitmap`, which applies the image's colour
space and decode array but not its soft mask) and only resized when its
resolution is more than `SAME_RESOLUTION` away from the one asked for. Anything
else, a page with text, vector lines, several images, a rotation, a mirrored or
partial image, an image pdfium gives no grey or colour values for (a stencil
mask, CMYK, Lab, separations) or one stored at more than twice the resolution,
is rendered as a whole.
"""

from __future__ import annotations

from itertools import islice

import cv2
import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

POINTS_PER_INCH = 72.0

SAME_RESOLUTION = 0.01
"""A stored image within 1 % of the resolution asked for is used at its own size, as the page's rendering would be."""

LARGEST_STORED_SCALE = 2.0
"""A picture stored at more than twice the resolution asked for is rendered: decoding it whole would take four or more
times the memory of the page image OCR needs (a 600 dpi colour scan of A4 decodes to 100 MB)."""

COVERS_PAGE_POINTS = 1.0
"""An image whose edges lie within this many points of the page's edges covers the page."""

DECODED_COLOUR_SPACES = frozenset(
    {
        pdfium_c.FPDF_COLORSPACE_DEVICEGRAY,
        pdfium_c.FPDF_COLORSPACE_CALGRAY,
        pdfium_c.FPDF_COLORSPACE_DEVICERGB,
        pdfium_c.FPDF_COLORSPACE_CALRGB,
        pdfium_c.FPDF_COLORSPACE_ICCBASED,
        pdfium_c.FPDF_COLORSPACE_INDEXED,
    }
)
"""Colour spaces whose images pdfium decodes to grey or BGR values as the page's rendering would show them."""

_TO_GREY = {
    pdfium_c.FPDFBitmap_BGR: cv2.COLOR_BGR2GRAY,
    pdfium_c.FPDFBitmap_BGRx: cv2.COLOR_BGRA2GRAY,
    pdfium_c.FPDFBitmap_BGRA: cv2.COLOR_BGRA2GRAY,
}


def page_image(page: pdfium.PdfPage, dpi: int) -> np.ndarray:
    """The page as an 8-bit grayscale image at `dpi` (raises `pdfium.PdfiumError` when pdfium cannot draw it)."""
    image = _scanned_picture(page, dpi)
    if image is not None:
        return image
    return page.render(scale=dpi / POINTS_PER_INCH, grayscale=True).to_numpy().copy()


def _scanned_picture(page: pdfium.PdfPage, dpi: int) -> np.ndarray | None:
    """The page's only object decoded at `dpi` when it is an upright image covering the page, else None."""
    if page.get_rotation():
        return None
    objects = list(islice(page.get_objects(max_depth=1), 2))  # a page to OCR may hold thousands of glyphs or paths
    if len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return None
    picture = objects[0]
    a, b, c, d, _, _ = picture.get_matrix().get()
    if b or c or a <= 0 or d <= 0 or not _covers(picture.get_bounds(), page.get_bbox()):
        return None
    width, height = round(a * dpi / POINTS_PER_INCH), round(d * dpi / POINTS_PER_INCH)
    metadata = picture.get_metadata()
    if metadata.colorspace not in DECODED_COLOUR_SPACES or metadata.width > LARGEST_STORED_SCALE * width:
        return None
    bitmap = picture.get_bitmap(render=False)
    pixels = bitmap.to_numpy()
    if bitmap.format in _TO_GREY:
        pixels = cv2.cvtColor(pixels, _TO_GREY[bitmap.format])
    elif bitmap.format != pdfium_c.FPDFBitmap_Gray:
        return None
    if abs(pixels.shape[1] / width - 1) <= SAME_RESOLUTION and abs(pixels.shape[0] / height - 1) <= SAME_RESOLUTION:
        return pixels.copy()  # out of pdfium's buffer, which goes with `bitmap`
    shrinking = pixels.shape[1] > width
    return cv2.resize(pixels, (width, height), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC)


def _covers(bounds: tuple[float, float, float, float], page_box: tuple[float, float, float, float]) -> bool:
    return all(abs(edge - page_edge) <= COVERS_PAGE_POINTS for edge, page_edge in zip(bounds, page_box))
