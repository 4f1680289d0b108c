"""Decide a file's format from its bytes, because government sites mislabel files.

A `.doc` download is often a DOCX or an HTML page saved by Word, an `.xls` an
HTML table; the extension is only a tie-breaker where the bytes cannot decide.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from readers.model import ReadError
from readers.ole2 import root_streams

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SNIFF_BYTES = 4096
PDF_HEADER_WINDOW = 1024
"""PDF readers accept the `%PDF-` header anywhere in the first kilobyte."""

_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ")
_OLE2_STREAM_FORMATS = (("worddocument", "doc"), ("workbook", "xls"), ("book", "xls"))
"""The main stream at the root of a Word 97 or Excel 97 (Excel 5: `Book`) file; OLE2 names ignore case."""
_OLE2_EXTENSION_FORMATS = {"doc": "doc", "dot": "doc", "wps": "doc", "xls": "xls", "xlt": "xls", "et": "xls"}
"""Word and Excel templates, and WPS Office's writer and spreadsheet files, which are the same binary formats."""
_BINARY_EXTENSIONS = {"pdf": "a PDF", "docx": "a Word package", "xlsx": "an Excel package"}


def sniff_format(path: Path) -> str:
    """Return `pdf`, `docx`, `xlsx`, `doc`, `xls`, `html` or `txt`, or raise ReadError.

    Example: a GBK text file named `通知.docx` raises `not a zip archive`, while
    a real DOCX named `通知.doc` is read as `docx`.
    """
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head:
        raise ReadError("empty file (0 bytes)")
    extension = path.suffix.lower().lstrip(".")
    if PDF_MAGIC in head[:PDF_HEADER_WINDOW]:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return _zip_format(path, extension)
    if head.startswith(OLE2_MAGIC):
        return _ole2_format(path, extension)
    if _looks_like_html(head):
        return "html"
    if extension in _BINARY_EXTENSIONS:
        kind = "not a zip archive" if extension != "pdf" else "corrupt PDF: no %PDF header"
        raise ReadError(f"{kind}: the .{extension} file is not {_BINARY_EXTENSIONS[extension]}")
    return "txt"


def _zip_format(path: Path, extension: str) -> str:
    """Tell DOCX from XLSX by the parts the package holds (`word/…`, `xl/…`)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, NotImplementedError) as exc:  # NotImplementedError: `zip file version 6.6`
        raise ReadError(f"corrupt zip archive: {exc}") from exc
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    if extension in ("docx", "xlsx"):
        return extension
    raise ReadError("unsupported zip archive: neither a Word nor an Excel package")


def _ole2_format(path: Path, extension: str) -> str:
    """Tell Word 97 from Excel 97 by the stream names in the OLE2 directory, else by the extension.

    A download cut short loses the directory (it is often stored last); the file's text
    cannot stand in for it, as a Word document may well print `Book` or `Workbook`.
    """
    streams = root_streams(path)
    for stream, fmt in _OLE2_STREAM_FORMATS:
        if stream in streams:
            return fmt
    return _OLE2_EXTENSION_FORMATS.get(extension, "doc")


def _looks_like_html(head: bytes) -> bool:
    """HTML markers near the start, also in UTF-16 (with or without BOM), whose ASCII has a NUL beside each byte."""
    lowered = head[:SNIFF_BYTES].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").lower()
    return any(marker in lowered[:1024] for marker in _HTML_MARKERS)
