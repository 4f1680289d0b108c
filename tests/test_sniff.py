"""The format comes from the bytes; the extension only breaks ties."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from readers.model import ReadError
from readers.sniff import OLE2_MAGIC, sniff_format


def _zip_with(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


SNIFF_CASES = {
    "pdf": ("a.pdf", b"%PDF-1.7\n...", "pdf"),
    "pdf-after-junk": ("a.bin", b"\x00\x01junk%PDF-1.4\n", "pdf"),
    "docx": ("a.docx", _zip_with("[Content_Types].xml", "word/document.xml"), "docx"),
    "docx-named-doc": ("a.doc", _zip_with("[Content_Types].xml", "word/document.xml"), "docx"),
    "xlsx": ("a.xlsx", _zip_with("[Content_Types].xml", "xl/workbook.xml"), "xlsx"),
    "word97": ("a.doc", OLE2_MAGIC + "WordDocument".encode("utf-16-le"), "doc"),
    "excel97-named-doc": ("a.doc", OLE2_MAGIC + "Workbook".encode("utf-16-le"), "xls"),
    "html-named-xls": ("a.xls", b"<html><body><table></table></body></html>", "html"),
    "html-doctype-bom": ("a.htm", b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
    "gbk-text": ("a.txt", "关于印发方案的通知".encode("gbk"), "txt"),
    "text-no-extension": ("README", b"plain words", "txt"),
}


@pytest.mark.parametrize(("name", "content", "expected"), SNIFF_CASES.values(), ids=SNIFF_CASES.keys())
def test_sniff_format(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert sniff_format(path) == expected


ERROR_CASES = {
    "empty": ("a.pdf", b"", "empty"),
    "text-named-docx": ("a.docx", "纯文本".encode("gbk"), "not a zip"),
    "text-named-xlsx": ("a.xlsx", b"hello", "not a zip"),
    "text-named-pdf": ("a.pdf", b"hello", "corrupt"),
    "zip-of-nothing-known": ("a.zip", _zip_with("readme.txt"), "unsupported"),
}


@pytest.mark.parametrize(("name", "content", "word"), ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_sniff_errors_name_the_cause(tmp_path: Path, name: str, content: bytes, word: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=word):
        sniff_format(path)
