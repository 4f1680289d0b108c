"""Damaged copies of good corpus files, made the way the fuzzer damages them, for reader and hostile tests.

Each helper makes one kind of damage the fuzzer found readers mishandling: one zip
member edited (a renamed element or attribute), a zip header field set to what
zipfile refuses, a PDF page object lost, an .xls cell moved far away.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from conftest import RAW

TESTS = Path(__file__).parent
ROSTER_XLSX = RAW / "kaifeng-fgw-2020-roster.xlsx"
NOTICE_DOCX = RAW / "kaifeng-fgw-2020.docx"
ROSTER_XLS = TESTS / "fixtures" / "kaifeng-fgw-2020-roster.xls"
TWO_PAGE_PDF = TESTS / "generalisation" / "documents" / "c01-mca-2019-pilot.pdf"
TWO_PAGE_KIDS = b"/Kids[ 1 0 R 4 0 R ]"
"""The page tree of TWO_PAGE_PDF: objects 1 and 4 are its pages."""
CENTRAL_HEADER = b"PK\x01\x02"
VERSION_NEEDED, FLAGS = 6, 8
"""Offsets of two 16-bit fields in a zip central directory entry."""
COMPRESSED_PATCH = 1 << 5
"""Zip flag bit 5: patched data, which zipfile refuses."""
LABELSST = b"\xfd\x00\x0a\x00"
"""The BIFF record of a text cell (type 0x00FD, 10 bytes: row, column, format, string index)."""


def rezipped(source: Path, member: str, edit: Callable[[bytes], bytes], target: Path) -> Path:
    """`source` zipped again with `edit` applied to one member, as the fuzzer's member mutation does."""
    with zipfile.ZipFile(source) as package:
        members = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for info, content in members:
            package.writestr(info, edit(content) if info.filename == member else content)
    return target


def renamed(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    """An edit renaming every `old` to `new`: `renamed(b"numFmtId=", b"numFmtIx=")`."""
    return lambda content: content.replace(old, new)


def cut_between(start: bytes, end: bytes) -> Callable[[bytes], bytes]:
    """An edit deleting from the end of `start` to the start of `end`: a span the fuzzer deleted."""
    return lambda content: content[: content.index(start) + len(start)] + content[content.index(end) :]


def central_entry_patched(source: Path, member: str, offset: int, value: int, target: Path) -> Path:
    """`source` with a 16-bit field of `member`'s central directory entry set (VERSION_NEEDED, FLAGS)."""
    data = bytearray(source.read_bytes())
    at = data.find(CENTRAL_HEADER)
    while at >= 0:
        (name_length,) = struct.unpack_from("<H", data, at + 28)
        if data[at + 46 : at + 46 + name_length] == member.encode():
            struct.pack_into("<H", data, at + offset, value)
            target.write_bytes(bytes(data))
            return target
        at = data.find(CENTRAL_HEADER, at + 1)
    raise AssertionError(f"{member} not in {source.name}")


def pdf_with_kids(kids: bytes, target: Path) -> Path:
    """TWO_PAGE_PDF whose page tree lists `kids` instead: `b"1 0 R 99 0 R"` loses page 2 (object 99 does not exist)."""
    target.write_bytes(TWO_PAGE_PDF.read_bytes().replace(TWO_PAGE_KIDS, b"/Kids[ " + kids + b" ]"))
    return target


def xls_with_first_text_cell_at(row: int, column: int, target: Path) -> Path:
    """ROSTER_XLS with its first text cell (the title in A1) moved to 0-based (row, column)."""
    data = bytearray(ROSTER_XLS.read_bytes())
    struct.pack_into("<HH", data, data.index(LABELSST) + len(LABELSST), row, column)
    target.write_bytes(bytes(data))
    return target
