"""OCR accuracy against the true text: text PDFs of the generalisation corpus printed as scans and read back.

The scanned gold documents are scored on rows and fields, which survive a few
misread characters; this figure counts the characters. Each page of a few text
PDFs (running text, ruled rosters) is rendered at 200 dpi, tilted, greyed and
noised as a scanner would, saved as an image-only PDF, read by the pipeline,
and its text compared with the text layer it came from.
"""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pypdfium2 as pdfium
from PIL import Image

from bench.measure import timed_run

TRUTH_SOURCES = (
    Path("tests/generalisation/documents/k02-liuzhou-2019-places.pdf"),
    Path("tests/generalisation/documents/p18-qinghai-2019-two-lists.pdf"),
    Path("tests/generalisation/documents/k13-lanzhou-2019-citations.pdf"),
    Path("tests/generalisation/documents/c01-mca-2019-pilot.pdf"),
)
SCAN_DPI = 200
TILT_DEGREES = 0.3


def scan(source: Path, target: Path, seed: int) -> None:
    """The pages of a text PDF as grey, noisy, slightly tilted JPEG images in a PDF without text."""
    random = np.random.default_rng(seed)
    document = pdfium.PdfDocument(source)
    pages = []
    for number, page in enumerate(document):
        image = page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(TILT_DEGREES * (-1) ** number, resample=Image.BICUBIC, fillcolor=235)
        pixels = np.asarray(image, np.float32) * 0.9 + 18 + random.normal(0, 9, image.size[::-1])
        buffer = io.BytesIO()
        Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(buffer, "JPEG", quality=55)
        pages.append(Image.open(buffer).convert("L"))
    document.close()
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=SCAN_DPI)


def characters(text: str) -> Counter[str]:
    """The text's characters after NFKC (full-width forms as ASCII), white space left out."""
    return Counter(re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))


def text_layer(source: Path) -> str:
    """Every page's text as pdfium extracts it from the text PDF."""
    document = pdfium.PdfDocument(source)
    text = "".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    return text


def ocr_char_accuracy(scratch: Path, sources: tuple[Path, ...] = TRUTH_SOURCES) -> float:
    """F1 of the characters the pipeline reads from the scans against their text layers, counted as multisets.

    Order does not count (a table's cells may be read in another order than the
    text layer lists them); a misread, missed or invented character does.
    """
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "in").mkdir(parents=True)
    for seed, source in enumerate(sources):
        scan(source, scratch / "in" / f"scan-{source.name}", seed)
    timed_run(scratch / "in", scratch / "out", workers=1, fresh=True)
    read = pq.read_table(scratch / "out" / "documents.parquet", columns=["source_path", "text"]).to_pylist()
    texts = {row["source_path"]: row["text"] or "" for row in read}
    matched = total = 0
    for source in sources:
        found, truth = characters(texts.get(f"scan-{source.name}", "")), characters(text_layer(source))
        matched += sum((found & truth).values())
        total += sum(found.values()) + sum(truth.values())
    return 2 * matched / total
