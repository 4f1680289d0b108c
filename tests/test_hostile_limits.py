"""Files built to exhaust the machine, each beside three good documents: refused before the work, named `too large`."""

from __future__ import annotations

import shutil
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
from hostile import CORPUS, HostileRun, run_beside_good

DOCX = CORPUS / "raw" / "kaifeng-fgw-2020.docx"
XLSX = CORPUS / "raw" / "kaifeng-fgw-2020-roster.xlsx"
DOCUMENT_XML = "word/document.xml"
SHEET_XML = "xl/worksheets/sheet1.xml"
MB = 1 << 20
CHUNK = b"\0" * MB
Placer = Callable[[Path], None]


def rezip(source: Path, target: Path, replaced: dict[str, Callable[[zipfile.ZipFile], None]]) -> None:
    """Copy a package member by member; each member named in `replaced` is written by its function instead."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            if info.filename in replaced:
                replaced[info.filename](copy)
            else:
                copy.writestr(info, original.read(info.filename))


def zeros(name: str, megabytes: int, head: bytes = b"") -> Callable[[zipfile.ZipFile], None]:
    """A member of `head` and then `megabytes` MB of zero bytes, streamed so memory stays flat."""

    def write(archive: zipfile.ZipFile) -> None:
        with archive.open(name, "w", force_zip64=True) as member:
            member.write(head)
            for _ in range(megabytes):
                member.write(CHUNK)

    return write


def noise(name: str, megabytes: int) -> Callable[[zipfile.ZipFile], None]:
    """A member of `megabytes` MB that compresses only a few times (numbered XML comments), as real parts do."""

    def write(archive: zipfile.ZipFile) -> None:
        with archive.open(name, "w", force_zip64=True) as member:
            for block in range(megabytes):
                member.write(b"".join(b"<!--%d-->" % (block * 100_000 + i) for i in range(MB // 14))[:MB])

    return write


def docx_bomb(folder: Path) -> None:
    """A DOCX of a few hundred KB whose document.xml expands to 60 MB of zeros, a thousand times its packed size."""
    rezip(DOCX, folder / "bomb.docx", {DOCUMENT_XML: zeros(DOCUMENT_XML, 60, b"<?xml version='1.0'?>")})


def lying_docx(folder: Path) -> None:
    """A DOCX whose headers say document.xml is 100 bytes while its data unpacks to 50 MB."""
    path = folder / "lying.docx"
    rezip(DOCX, path, {DOCUMENT_XML: lambda archive: archive.writestr(DOCUMENT_XML, CHUNK * 50)})
    data = bytearray(path.read_bytes())
    name = DOCUMENT_XML.encode()
    for at in (i for i in range(len(data)) if data.startswith(name, i)):
        if data[at - 46 : at - 42] == b"PK\x01\x02":  # central directory entry: size at +24
            data[at - 22 : at - 18] = struct.pack("<I", 100)
        elif data[at - 30 : at - 26] == b"PK\x03\x04":  # local header: size at +22
            data[at - 8 : at - 4] = struct.pack("<I", 100)
    path.write_bytes(bytes(data))


def big_member(folder: Path) -> None:
    """A DOCX with one 13 MB part that compresses normally: over `--max-unpacked-mb 12` by itself."""
    rezip(DOCX, folder / "big-member.docx", {"word/settings.xml": noise("word/settings.xml", 13)})


def big_archive(folder: Path) -> None:
    """A DOCX with three added 5 MB parts, each under `--max-unpacked-mb 12`, together over it."""
    path = folder / "big-archive.docx"
    shutil.copyfile(DOCX, path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        for i in range(3):
            noise(f"word/media/extra{i}.xml", 5)(archive)


def sheet_xml(rows: str, dimension: str = "A1:XFD1048576", merges: str = "") -> bytes:
    """A worksheet part with the given `<row>` elements and a declared dimension."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    merged = f'<mergeCells count="1">{merges}</mergeCells>' if merges else ""
    return (f'<?xml version="1.0"?><worksheet xmlns="{main}"><dimension ref="{dimension}"/>'
            f"<sheetData>{rows}</sheetData>{merged}</worksheet>").encode()


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def xlsx_with_sheet(name: str, xml: bytes) -> Callable[[Path], None]:
    """Place the roster workbook with its first sheet replaced by `xml`."""

    def place(folder: Path) -> None:
        rezip(XLSX, folder / name, {SHEET_XML: lambda archive: archive.writestr(SHEET_XML, xml)})

    return place


whole_grid = xlsx_with_sheet("whole-grid.xlsx", sheet_xml(
    f'<row r="1">{inline("A1", "名单")}</row><row r="2">{inline("A2", "序号")}{inline("B2", "名称")}</row>'
    '<row r="1048576"><c r="XFD1048576" s="0"/></row>',
    merges='<mergeCell ref="C3:XFD1048576"/>',
))
"""Declares A1:XFD1048576, merges C3 to the last cell and styles the last cell: three values in truth."""
long_sheet = xlsx_with_sheet("long.xlsx", sheet_xml(
    "".join(f'<row r="{r}">{inline(f"A{r}", str(r))}{inline(f"B{r}", "协会")}</row>' for r in range(1, 1501))
))
wide_sheet = xlsx_with_sheet("wide.xlsx", sheet_xml(
    f'<row r="1">{inline("A1", "名单")}</row><row r="900">{inline("XFD900", "远")}</row>'
))


def many_pages(folder: Path) -> None:
    """A PDF of six blank pages, over `--max-pages 5`."""
    pdf = pypdfium2.PdfDocument.new()
    for _ in range(6):
        pdf.new_page(595, 842)
    pdf.save(folder / "pages.pdf")


def long_text(folder: Path) -> None:
    """A text of 44,000 characters, over `--max-chars 10000`."""
    text = "关于推进行业协会商会与行政机关脱钩的通知。\n" * 2000
    (folder / "long.txt").write_text(text, encoding="utf-8")


def long_table(folder: Path) -> None:
    """An HTML table of 1,200 rows, over `--max-rows 1000`."""
    rows = "".join(f"<tr><td>{i}</td><td>协会{i}</td></tr>" for i in range(1200))
    (folder / "long.html").write_text(f"<html><body><p>名单</p><table>{rows}</table></body></html>", encoding="utf-8")


def big_file(folder: Path) -> None:
    """A 3 MB text file, over `--max-file-mb 2`."""
    with (folder / "big.txt").open("w", encoding="utf-8") as handle:
        for _ in range(3):
            handle.write("脱钩" * (MB // 6))


def memory_hog(folder: Path) -> None:
    """An 80 MB text file: its bytes, text and lines together need more than the worker may have."""
    line = ("关于推进行业协会商会与行政机关脱钩的通知" * 20 + "\n").encode()
    with (folder / "hog.txt").open("wb") as handle:
        for _ in range(80 * MB // len(line)):
            handle.write(line)


def docx_hog(folder: Path) -> None:
    """A 3 MB DOCX of 600,000 numbered paragraphs: 31 MB of XML whose parsed tree needs hundreds of MB."""
    paragraph = "<w:p><w:r><w:t>%d 协会 %d</w:t></w:r></w:p>".encode()
    paragraphs = (paragraph % (i, 7 * i) for i in range(600_000))

    def write(archive: zipfile.ZipFile) -> None:
        with zipfile.ZipFile(DOCX) as original:
            head, tail = original.read(DOCUMENT_XML).split(b"<w:body>", 1)
        with archive.open(DOCUMENT_XML, "w", force_zip64=True) as member:
            member.write(head + b"<w:body>")
            member.writelines(paragraphs)
            member.write(tail)

    rezip(DOCX, folder / "hog.docx", {DOCUMENT_XML: write})


def run_with(tmp_path_factory: pytest.TempPathFactory, places: tuple[Placer, ...], *options: str) -> HostileRun:
    """One run of several bad items sharing the options they need, beside the good documents."""

    def place_all(folder: Path) -> None:
        for place in places:
            place(folder)

    return run_beside_good(tmp_path_factory.mktemp("limits"), place_all, *options)


RUNS: dict[str, tuple[tuple[Placer, ...], tuple[str, ...]]] = {
    "defaults": ((docx_bomb, lying_docx, whole_grid), ()),
    "unpacked": ((big_member, big_archive), ("--max-unpacked-mb", "12")),
    "rows": ((long_sheet, wide_sheet, long_table), ("--max-rows", "1000")),
    "document": ((many_pages, long_text, big_file), ("--max-pages", "5", "--max-chars", "10000", "--max-file-mb", "2")),
    "memory": ((memory_hog, docx_hog), ("--max-memory-mb", "650", "--workers", "2")),
}
"""Bad items grouped by the options they run with, so each group costs one run of the pipeline."""


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], HostileRun]:
    """Each group's run, made the first time a test asks for it."""
    done: dict[str, HostileRun] = {}

    def run(group: str) -> HostileRun:
        if group not in done:
            places, options = RUNS[group]
            done[group] = run_with(tmp_path_factory, places, *options)
        return done[group]

    return run


REFUSED = [
    ("defaults", "bomb.docx", "too large: zip member word/document.xml expands 1,0"),
    ("defaults", "lying.docx", "corrupt DOCX: Bad CRC-32 for file 'word/document.xml'"),
    ("unpacked", "big-member.docx",
     "too large: zip member word/settings.xml unpacks to 13 MB, over the limit of 12 MB (--max-unpacked-mb)"),
    ("unpacked", "big-archive.docx", "too large: the zip archive unpacks to 15 MB, over the limit of 12 MB"),
    ("rows", "long.xlsx", 'too large: sheet "脱钩名单" has values in row 1,001, over the limit of 1,000'),
    ("rows", "wide.xlsx",
     'sheet "脱钩名单" spans 900 rows × 16,384 columns = 14,745,600 cells, over the limit of 100,000 cells'),
    ("rows", "long.html", "rows, over the limit of 1,000 rows (--max-rows)"),
    ("document", "pages.pdf", "too large: the document has 6 pages, over the limit of 5 pages (--max-pages)"),
    ("document", "long.txt", "over the limit of 10,000 characters (--max-chars)"),
    ("document", "big.txt", "too large: the file has 3 MB, over the limit of 2 MB (--max-file-mb)"),
    ("memory", "hog.txt", "too large: memory limit of 650 MB reached (--max-memory-mb)"),
    ("memory", "hog.docx", "too large: memory limit of 650 MB reached (--max-memory-mb)"),
]


@pytest.mark.parametrize(("group", "name", "cause"), REFUSED, ids=[name for _, name, _ in REFUSED])
def test_a_file_over_a_limit_fails_alone_naming_it(runs: Callable[[str], HostileRun], group: str, name: str,
                                                    cause: str) -> None:
    row = runs(group).bad.loc[name]
    assert row["status"] == "failed"
    assert cause in row["error"]


def test_a_sheet_declaring_the_whole_grid_reads_only_its_used_range(runs: Callable[[str], HostileRun]) -> None:
    row = runs("defaults").bad.loc["whole-grid.xlsx"]
    assert row["status"] != "failed", row["error"]
