"""The benchmark corpus generator: every file it writes differs from every other, in content, not only in bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bench.corpus import MARKER, CorpusPlan, build_corpus

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SMALL = CorpusPlan(pdfs=6, docx=2, xlsx=2, html=15, txt=15)
"""Enough HTML and text variants that numbers drawn at random from 1 to 99 would already collide."""


def _content(path: Path) -> str:
    """A PDF's text page by page (pdfium gives equal pages new bytes); any other file's bytes."""
    if path.suffix != ".pdf":
        return hashlib.sha256(path.read_bytes()).hexdigest()
    document = pdfium.PdfDocument(path)
    try:
        return "\f".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_every_generated_file_differs(tmp_path: Path) -> None:
    corpus = build_corpus(RAW, tmp_path / "corpus", SMALL)
    files = sorted(p for p in corpus.iterdir() if p.name != MARKER)
    assert len(files) == sum((SMALL.pdfs, SMALL.docx, SMALL.xlsx, SMALL.html, SMALL.txt))
    contents: dict[str, list[str]] = {}
    for path in files:
        contents.setdefault(_content(path), []).append(path.name)
    assert [names for names in contents.values() if len(names) > 1] == []


def test_a_plan_asking_for_more_variants_than_exist_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="too many PDFs"):
        build_corpus(RAW, tmp_path / "corpus", CorpusPlan(pdfs=2000, docx=0, xlsx=0, html=0, txt=0))
