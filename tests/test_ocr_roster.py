"""A roster printed as a ruled table, scanned: the image-only PDF yields the rows of the text PDF.

Pages 7–9 of the Ningxia notice (the 52-row roster, its header repeated on each
page) are rendered to 200-dpi grayscale images and wrapped as an image-only
PDF; the roster read from it by OCR is compared with the one read from the text.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import RAW

from extractors.roster import RosterResult, extract_roster
from readers.model import Document
from readers import pdf

NINGXIA = RAW / "ningxia-gxt-2019.pdf"
ROSTER_PAGES = (7, 8, 9)
DPI = 200
MIN_NAME_F1 = 0.95


def scan_pages(source: Path, numbers: tuple[int, ...], target: Path) -> Path:
    """An image-only PDF of the given 1-based pages, each a grayscale image at DPI, as a scanner would make."""
    document = pdfium.PdfDocument(source)
    images = [document[number - 1].render(scale=DPI / 72, grayscale=True).to_pil() for number in numbers]
    document.close()
    images[0].save(target, save_all=True, append_images=images[1:], resolution=DPI)
    return target


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return pdf.read(scan_pages(NINGXIA, ROSTER_PAGES, tmp_path_factory.mktemp("scan") / "roster-scan.pdf"))


@pytest.fixture(scope="module")
def rosters(scanned: Document) -> tuple[RosterResult, RosterResult]:
    """The roster of the text PDF and of its scan."""
    return extract_roster(pdf.read(NINGXIA)), extract_roster(scanned)


def test_scan_is_read_by_ocr_without_warnings(scanned: Document) -> None:
    assert (scanned.ocr, scanned.warnings, scanned.pages) == (True, [], 3)


def test_scanned_roster_is_one_table_over_three_pages(scanned: Document) -> None:
    [table] = scanned.tables()
    assert sorted({row.page for row in table.rows}) == [1, 2, 3]


def test_scanned_roster_names_match_the_text(rosters: tuple[RosterResult, RosterResult]) -> None:
    text, scan = rosters
    expected, found = {line.name_raw for line in text.lines}, {line.name_raw for line in scan.lines}
    matched = len(expected & found)
    f1 = 2 * matched / (len(expected) + len(found))
    assert f1 >= MIN_NAME_F1, (expected - found, found - expected)


def test_scanned_roster_rows_keep_status_sequence_and_page(rosters: tuple[RosterResult, RosterResult]) -> None:
    text, scan = rosters
    by_name = {line.name_raw: line for line in scan.lines}
    for line in text.lines:
        if (twin := by_name.get(line.name_raw)) is not None:
            assert (twin.status, twin.seq, twin.page) == (line.status, line.seq, line.page - ROSTER_PAGES[0] + 1)


def test_scanned_roster_states_the_same_total(rosters: tuple[RosterResult, RosterResult]) -> None:
    text, scan = rosters
    assert scan.stated_total == text.stated_total == len(scan.lines) == 52
    assert scan.warnings == []
