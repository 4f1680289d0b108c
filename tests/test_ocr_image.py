"""The page image OCR reads: a scan's own picture decoded when the page is one upright image, else the rendering."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from conftest import RAW
from PIL import Image, ImageDraw

from readers.ocr_image import page_image

A4_POINTS = (595.44, 842.04)


def _scan(path: Path, dpi: int, mode: str = "L") -> Path:
    """A one-page PDF holding one picture of a page at `dpi` (dark bars on paper), as a scanner writes it."""
    size = tuple(round(side * dpi / 72) for side in A4_POINTS)
    picture = Image.new(mode, size, "white")
    draw = ImageDraw.Draw(picture)
    for row in range(10):
        top = size[1] // 8 + row * size[1] // 16
        draw.rectangle(
            (size[0] // 8, top, size[0] * 7 // 8, top + size[1] // 40), fill="black" if mode == "L" else "navy"
        )
    picture.save(path, resolution=dpi)
    return path


def _rendered(path: Path, dpi: int) -> np.ndarray:
    return pdfium.PdfDocument(path)[0].render(scale=dpi / 72, grayscale=True).to_numpy()


@pytest.mark.parametrize(
    ("stored_dpi", "mode"),
    [
        pytest.param(200, "L", id="grey-at-the-resolution-asked"),
        pytest.param(300, "L", id="grey-shrunk"),
        pytest.param(150, "L", id="grey-enlarged"),
        pytest.param(200, "RGB", id="colour"),
    ],
)
def test_scanned_picture_decoded_without_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stored_dpi: int, mode: str
) -> None:
    path = _scan(tmp_path / "scan.pdf", stored_dpi, mode)
    expected = _rendered(path, 200)
    monkeypatch.setattr(pdfium.PdfPage, "render", lambda *_, **__: pytest.fail("rendered"))
    image = page_image(pdfium.PdfDocument(path)[0], 200)
    assert image.dtype == np.uint8 and image.ndim == 2
    assert abs(image.shape[0] - expected.shape[0]) <= 2 and abs(image.shape[1] - expected.shape[1]) <= 2
    height, width = min(image.shape[0], expected.shape[0]), min(image.shape[1], expected.shape[1])
    difference = np.abs(image[:height, :width].astype(int) - expected[:height, :width].astype(int))
    assert difference.mean() < 1  # the same page; a few edges fall on other pixels


def test_page_with_text_is_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    document = pdfium.PdfDocument(RAW / "hedong-fgw-2019.pdf")
    rendered = []
    original = pdfium.PdfPage.render
    monkeypatch.setattr(pdfium.PdfPage, "render", lambda *a, **k: rendered.append(1) or original(*a, **k))
    page_image(document[0], 72)
    assert rendered == [1]


def test_scan_stored_at_more_than_twice_the_resolution_is_rendered(tmp_path: Path) -> None:
    document = pdfium.PdfDocument(_scan(tmp_path / "scan.pdf", 450))
    expected = document[0].render(scale=200 / 72, grayscale=True).to_numpy()
    assert np.array_equal(page_image(document[0], 200), expected)


def test_rotated_scan_is_rendered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = pdfium.PdfDocument(_scan(tmp_path / "scan.pdf", 200))
    document[0].set_rotation(90)
    expected = document[0].render(scale=200 / 72, grayscale=True).to_numpy()
    assert np.array_equal(page_image(document[0], 200), expected)
