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
    "ole2-without-directory-named-doc": ("a.doc", OLE2_MAGIC + "Workbook".encode("utf-16-le"), "doc"),
    "ole2-without-directory-named-xls": ("a.xls", OLE2_MAGIC + "WordDocument".encode("utf-16-le"), "xls"),
    "ole2-without-directory-named-wps": ("a.wps", OLE2_MAGIC + "Book".encode("utf-16-le"), "doc"),
    "ole2-without-directory-named-et": ("a.et", OLE2_MAGIC, "xls"),
    "ole2-without-directory-or-extension": ("a", OLE2_MAGIC, "doc"),
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


WORD_97 = (Path(__file__).parent / "corpus" / "documents" / "raw" / "hedong-fgw-2019.doc").read_bytes()
EXCEL_97 = (Path(__file__).parent / "fixtures" / "kaifeng-fgw-2020-roster.xls").read_bytes()
OLE2_CASES = {
    "word97": ("a.doc", WORD_97, "doc"),
    "word97-named-xls": ("a.xls", WORD_97, "doc"),
    "excel97-named-doc": ("a.doc", EXCEL_97, "xls"),
    "excel97-named-wps": ("a.wps", EXCEL_97, "xls"),
    "word97-cut-where-its-text-spells-book": ("a.doc", WORD_97[:31_593], "doc"),
    "word97-cut-short": ("a.doc", WORD_97[: len(WORD_97) // 2], "doc"),
    "excel97-cut-short": ("a.xls", EXCEL_97[: len(EXCEL_97) // 2], "xls"),
    "excel97-header-only": ("a.xls", EXCEL_97[:600], "xls"),
}


@pytest.mark.parametrize(("name", "content", "expected"), OLE2_CASES.values(), ids=OLE2_CASES.keys())
def test_ole2_format_comes_from_its_directory_else_its_extension(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert sniff_format(path) == expected


def test_word97_text_spelling_book_is_not_a_directory() -> None:
    """The case the fuzzer found: the cut file holds `Book` in UTF-16 inside Word's text, not in a directory."""
    assert "Book".encode("utf-16-le") in WORD_97[:31_593]


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
