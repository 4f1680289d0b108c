"""Readers given damaged files, as the fuzzer makes them: each library failure becomes one line naming the damage.

Each case edits a good corpus file the way a mutation does (a renamed element or
attribute, a header flag, a lost page object, a far-away cell) and checks the
reader raises `corrupt <FORMAT>: …` or reads what is left with a warning, never
lets the library's own exception through to the run loop's `cannot read`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from damage import (
    COMPRESSED_PATCH,
    FLAGS,
    NOTICE_DOCX,
    ROSTER_XLS,
    ROSTER_XLSX,
    TWO_PAGE_PDF,
    VERSION_NEEDED,
    central_entry_patched,
    cut_between,
    pdf_with_kids,
    renamed,
    rezipped,
    xls_with_first_text_cell_at,
)

from readers import limits
from readers.model import Document, ReadError
from readers import docx, pdf, xls, xlsx
from readers.sniff import sniff_format

PACKAGE_CASES = {
    "xlsx-style-attribute-renamed": (
        xlsx.read, ROSTER_XLSX, "xl/styles.xml", renamed(b"numFmtId=", b"numFmtIx="),
        ("corrupt XLSX: unexpected content: ", "unexpected keyword argument 'numFmtIx'"),
    ),
    "xlsx-style-number-not-a-number": (
        xlsx.read, ROSTER_XLSX, "xl/styles.xml", renamed(b'fontId="0"', b'fontId="x"'),
        ("corrupt XLSX: unexpected content: expected <class 'int'>",),
    ),
    "xlsx-sheet-attribute-renamed": (
        xlsx.read, ROSTER_XLSX, "xl/workbook.xml", renamed(b"sheetId=", b"sheetIx="),
        ("corrupt XLSX: unexpected content: ", "'sheetIx'"),
    ),
    "xlsx-sheet-namespace-cut": (
        xlsx.read, ROSTER_XLSX, "xl/worksheets/sheet2.xml", cut_between(b"/2006/mai", b'elow="1"'),
        ("corrupt XLSX: not well-formed",),
    ),
    "docx-content-types-root-renamed": (
        docx.read, NOTICE_DOCX, "[Content_Types].xml", renamed(b"Types", b"Typex"),
        ("corrupt DOCX: unexpected content: ", "'overrides'"),
    ),
    "docx-overrides-renamed": (
        docx.read, NOTICE_DOCX, "[Content_Types].xml", renamed(b"Override", b"Overrixe"),
        ("corrupt DOCX: file 'damaged.docx' is not a Word file, content type is 'application/xml'",),
    ),
    "docx-package-relationships-root-renamed": (
        docx.read, NOTICE_DOCX, "_rels/.rels", renamed(b"Relationships", b"Relationshipz"),
        ("corrupt DOCX: unexpected content: ", "'Relationship_lst'"),
    ),
    "docx-document-relationships-root-renamed": (
        docx.read, NOTICE_DOCX, "word/_rels/document.xml.rels", renamed(b"Relationships", b"Relationshipz"),
        ("corrupt DOCX: unexpected content: ", "'Relationship_lst'"),
    ),
    "docx-cell-span-not-a-number": (
        docx.read, NOTICE_DOCX, "word/document.xml", renamed(b'<w:gridSpan w:val="2"/>', b'<w:gridSpan w:val="x"/>'),
        ("corrupt DOCX: ",),
    ),
}


@pytest.mark.parametrize(
    ("read", "source", "member", "edit", "expected"), PACKAGE_CASES.values(), ids=PACKAGE_CASES.keys()
)
def test_a_damaged_part_is_a_corrupt_package(
    tmp_path: Path, read: Callable[[Path], Document], source: Path, member: str,
    edit: Callable[[bytes], bytes], expected: tuple[str, ...],
) -> None:
    damaged = rezipped(source, member, edit, tmp_path / f"damaged{source.suffix}")
    with pytest.raises(ReadError) as caught:
        read(damaged)
    message = str(caught.value)
    assert message.startswith(expected[0]) and all(part in message for part in expected), message
    assert "\n" not in message and str(tmp_path) not in message


ZIP_HEADER_CASES = {
    "xlsx-main-part-patched-data": (
        xlsx.read, ROSTER_XLSX, "xl/workbook.xml", FLAGS, COMPRESSED_PATCH,
        r"corrupt XLSX: unsupported zip feature: compressed patched data \(flag bit 5\)",
    ),
    "docx-main-part-patched-data": (
        docx.read, NOTICE_DOCX, "word/document.xml", FLAGS, COMPRESSED_PATCH,
        r"corrupt DOCX: unsupported zip feature: compressed patched data \(flag bit 5\)",
    ),
    "docx-future-zip-version": (
        docx.read, NOTICE_DOCX, "word/styles.xml", VERSION_NEEDED, 66, r"corrupt DOCX: unsupported zip feature: zip file version 6.6",
    ),
}


@pytest.mark.parametrize(
    ("read", "source", "member", "offset", "value", "message"), ZIP_HEADER_CASES.values(), ids=ZIP_HEADER_CASES.keys()
)
def test_a_zip_header_asking_for_the_unsupported_is_a_corrupt_package(
    tmp_path: Path, read: Callable[[Path], Document], source: Path, member: str, offset: int, value: int,
    message: str,
) -> None:
    damaged = central_entry_patched(source, member, offset, value, tmp_path / f"damaged{source.suffix}")
    with pytest.raises(ReadError, match=message):
        read(damaged)


def test_a_side_part_with_patched_data_is_left_out(tmp_path: Path) -> None:
    damaged = central_entry_patched(NOTICE_DOCX, "word/styles.xml", FLAGS, COMPRESSED_PATCH, tmp_path / "a.docx")
    document = docx.read(damaged)
    assert document.warnings == ["corrupt_part: word/styles.xml (compressed patched data (flag bit 5))"]
    assert document.blocks


def test_sniffing_a_future_zip_version_names_it(tmp_path: Path) -> None:
    damaged = central_entry_patched(ROSTER_XLSX, "xl/workbook.xml", VERSION_NEEDED, 66, tmp_path / "a.xlsx")
    with pytest.raises(ReadError, match="corrupt zip archive: zip file version 6.6"):
        sniff_format(damaged)


def test_a_page_that_does_not_load_is_left_out(tmp_path: Path) -> None:
    whole = pdf.read(TWO_PAGE_PDF)
    damaged = pdf.read(pdf_with_kids(b"1 0 R 99 0 R", tmp_path / "pages.pdf"))
    assert damaged.warnings == ["unreadable_page: page 2"]
    assert damaged.pages == 2
    assert damaged.blocks == [block for block in whole.blocks if block.page == 1]


def test_a_pdf_without_a_loadable_page_fails(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="corrupt PDF: none of its 2 pages can be loaded"):
        pdf.read(pdf_with_kids(b"98 0 R 99 0 R", tmp_path / "pages.pdf"))


@pytest.mark.parametrize(
    ("numbers", "warning"),
    [
        ([7], "unreadable_page: page 7"),
        ([3, 7, 9], "unreadable_page: pages 3, 7, 9"),
        (list(range(1, 13)), "unreadable_page: pages 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more"),
    ],
)
def test_unreadable_pages_warning(numbers: list[int], warning: str) -> None:
    assert pdf.unreadable_pages_warning(numbers) == warning


def test_an_xls_cell_far_away_is_refused_before_the_grid(tmp_path: Path) -> None:
    far = xls_with_first_text_cell_at(4999, 99, tmp_path / "far.xls")
    with limits.applied(limits.Limits(max_rows=1000)), pytest.raises(limits.TooLarge) as caught:
        xls.read(far)
    assert str(caught.value) == (
        'too large: sheet "脱钩名单" spans 4,999 rows × 100 columns = 499,900 cells, '
        "over the limit of 100,000 cells (--max-rows × 100)"
    )


@dataclass(frozen=True)
class _Sheet:
    """What xls reads of a python-calamine sheet: its used range from `start`, and merged ranges in sheet coordinates."""

    name: str
    start: tuple[int, int] | None
    rows: list[list[object]]
    merged_cell_ranges: list[tuple[tuple[int, int], tuple[int, int]]]

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def to_python(self, skip_empty_area: bool) -> list[list[object]]:
        assert skip_empty_area, "only the used range is read"
        return self.rows


def test_an_xls_is_read_from_its_used_range() -> None:
    """A roster from C3: a title merged over C3:E3, a supervisor merged down E5:E6, a merge above the range dropped."""
    rows = [["名单", "", ""], ["序号", "名称", "主管单位"], ["1", "甲协会", "某局"], ["2", "乙协会", ""]]
    merges = [((2, 2), (2, 4)), ((4, 4), (5, 4)), ((0, 0), (3, 6))]
    blocks = xls._sheet_blocks(_Sheet("名单", (2, 2), rows, merges), itertools.count())
    assert [block.text for block in blocks if not block.is_table] == ["名单"]
    assert [row.cells for row in blocks[1].rows] == [("序号", "名称", "主管单位"), ("1", "甲协会", "某局"), ("2", "乙协会", "某局")]


def test_an_empty_xls_sheet_has_no_blocks() -> None:
    assert xls._sheet_blocks(_Sheet("空", None, [], []), itertools.count()) == []


def test_an_xls_the_reader_panics_on_is_corrupt(tmp_path: Path) -> None:
    """51 bytes deleted from a record, as the fuzzer did: calamine panics in Rust; the row still names the damage."""
    data = ROSTER_XLS.read_bytes()
    damaged = tmp_path / "damaged.xls"
    damaged.write_bytes(data[:19_511] + data[19_511 + 51 :])
    with pytest.raises(ReadError, match=r"corrupt XLS: the reader gave up \(range start index .* out of range"):
        xls.read(damaged)
