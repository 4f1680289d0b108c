"""The bench's OCR truth figure: scans carry no text layer, and characters are compared without white space or width."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from bench.ocr_truth import TRUTH_SOURCES, characters, scan, text_layer


def test_scan_keeps_the_pages_and_drops_the_text(tmp_path: Path) -> None:
    source = next(path for path in TRUTH_SOURCES if len(pdfium.PdfDocument(path)) > 1)
    scan(source, tmp_path / "scan.pdf", seed=0)
    document = pdfium.PdfDocument(tmp_path / "scan.pdf")
    assert len(document) == len(pdfium.PdfDocument(source))
    assert text_layer(tmp_path / "scan.pdf").strip() == ""
    assert text_layer(source).strip()


def test_characters_ignore_white_space_and_full_width_forms() -> None:
    assert characters("〔2019〕 ８８ 号\n（一）") == characters("〔2019〕88号(一)")
