"""Decoding of text and HTML bytes: BOMs, UTF-8, GBK/GB18030, declared charsets, binary data."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from readers.model import ReadError
from readers.text_encoding import declared_charset, decode_html, decode_text

BAD = Path(__file__).parent / "corpus" / "documents" / "bad"
SAMPLE = "自治区工业和信息化厅关于深化行业协会商会与行政机关脱钩改革工作的通知\r\n（此件公开发布）\n"
OUTSIDE_GBK = "𠮷"
"""A CJK Extension B character: GB18030 encodes it in four bytes, GBK not at all."""
OUTSIDE_GB2312 = "朱镕基"
"""镕 is in GBK but not in GB2312, as on many pages labelled gb2312."""

DECODE_CASES = [
    ("ascii", b"Notice No. 15\n", "Notice No. 15\n"),
    ("utf-8", SAMPLE.encode("utf-8"), SAMPLE),
    ("utf-8-bom", codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), SAMPLE),
    ("gbk", SAMPLE.encode("gbk"), SAMPLE),
    ("gb18030-four-byte", (SAMPLE + OUTSIDE_GBK).encode("gb18030"), SAMPLE + OUTSIDE_GBK),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), SAMPLE),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), SAMPLE),
    ("empty", b"", ""),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in DECODE_CASES], ids=[c[0] for c in DECODE_CASES])
def test_decode_text(data: bytes, expected: str) -> None:
    assert decode_text(data) == expected


BINARY_CASES = [
    ("nul-bytes", b"abc\x00def\x00" * 50, "100 NUL bytes"),
    ("control-characters", b"\x01\x02\x03\x04abcd" * 100, "control characters"),
    ("corpus-binary-txt", (BAD / "binary.txt").read_bytes(), "binary"),
]


@pytest.mark.parametrize(("data", "detail"), [c[1:] for c in BINARY_CASES], ids=[c[0] for c in BINARY_CASES])
def test_binary_rejected(data: bytes, detail: str) -> None:
    with pytest.raises(ReadError, match="binary") as caught:
        decode_text(data)
    assert detail in str(caught.value)


def _page(head: str, body: str = SAMPLE) -> str:
    return f"<html><head>{head}<title>通知</title></head><body><p>{body}</p></body></html>"


HTML_CASES = [
    ("meta-charset-gbk", _page('<meta charset="gbk">').encode("gbk"), _page('<meta charset="gbk">')),
    (
        "http-equiv-gb2312-with-gbk-only-character",
        _page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', OUTSIDE_GB2312).encode("gbk"),
        _page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', OUTSIDE_GB2312),
    ),
    (
        "xml-declaration-gb18030",
        ('<?xml version="1.0" encoding="GB18030"?>' + _page("", OUTSIDE_GBK)).encode("gb18030"),
        '<?xml version="1.0" encoding="GB18030"?>' + _page("", OUTSIDE_GBK),
    ),
    (
        "meta-big5-beats-guessing",
        _page('<meta charset="big5">', "臺灣協會").encode("big5"),
        _page('<meta charset="big5">', "臺灣協會"),
    ),
    ("undeclared-gbk", _page("").encode("gbk"), _page("")),
    ("declared-utf-8-but-gbk-bytes", _page('<meta charset="utf-8">').encode("gbk"), _page('<meta charset="utf-8">')),
    (
        "bom-beats-declaration",
        codecs.BOM_UTF8 + _page('<meta charset="gbk">').encode("utf-8"),
        _page('<meta charset="gbk">'),
    ),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in HTML_CASES], ids=[c[0] for c in HTML_CASES])
def test_decode_html(data: bytes, expected: str) -> None:
    assert decode_html(data) == expected


def test_big5_is_read_with_or_without_its_declaration() -> None:
    data = _page("", "臺灣協會").encode("big5")
    assert "臺灣協會" in decode_html(data)
    assert "臺灣協會" in decode_html(b'<meta charset="big5">' + data)


def test_decode_html_rejects_binary() -> None:
    with pytest.raises(ReadError, match="binary"):
        decode_html(b'<meta charset="utf-8">' + (BAD / "binary.txt").read_bytes())


LABEL_CASES = [
    ("meta-charset-gb2312", b'<meta charset="GB2312">', "gb18030"),
    ("http-equiv-gbk", b'<meta http-equiv="Content-Type" content="text/html; charset=gbk">', "gb18030"),
    ("meta-charset-unquoted-utf8", b"<meta charset=UTF-8>", "utf-8"),
    ("xml-declaration", b'<?xml version="1.0" encoding="gb18030"?>', "gb18030"),
    ("utf-16-label-read-as-ascii", b'<meta charset="utf-16">', "utf-8"),
    ("unknown-label", b'<meta charset="x-no-such-charset">', None),
    ("no-declaration", b"<html><body>plain</body></html>", None),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in LABEL_CASES], ids=[c[0] for c in LABEL_CASES])
def test_declared_charset(data: bytes, expected: str | None) -> None:
    assert declared_charset(data) == expected


NOTICE_TEXT = "关于印发脱钩试点名单的通知\r\n各区县民政局：现将2019年第一批名单印发给你们，请遵照执行。\r\n"
TRADITIONAL_TEXT = "關於印發脫鉤試點名單的通知\r\n各區縣民政局：現將2019年第一批名單印發給你們，請遵照執行。\r\n"

UNDECLARED_CASES = [
    ("utf-16-le-without-bom", NOTICE_TEXT.encode("utf-16-le"), NOTICE_TEXT),
    ("utf-16-be-without-bom", NOTICE_TEXT.encode("utf-16-be"), NOTICE_TEXT),
    ("utf-16-le-without-bom-or-ascii", "脱钩名单".encode("utf-16-le"), "脱钩名单"),
    ("big5-traditional", TRADITIONAL_TEXT.encode("big5"), TRADITIONAL_TEXT),
    ("gbk-traditional", TRADITIONAL_TEXT.encode("gbk"), TRADITIONAL_TEXT),
    ("gb18030", NOTICE_TEXT.encode("gb18030"), NOTICE_TEXT),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in UNDECLARED_CASES], ids=[c[0] for c in UNDECLARED_CASES])
def test_undeclared_encodings(data: bytes, expected: str) -> None:
    assert decode_text(data) == expected


def test_implausible_declared_charset_is_overridden() -> None:
    assert TRADITIONAL_TEXT in decode_html(b'<meta charset="gbk"><p>' + TRADITIONAL_TEXT.encode("big5"))
    assert NOTICE_TEXT in decode_html(b'<meta charset="big5"><p>' + NOTICE_TEXT.encode("gbk"))
    assert NOTICE_TEXT in decode_html(b'<meta charset="iso-8859-1"><p>' + NOTICE_TEXT.encode("gbk"))


def test_plausibility_tells_chinese_from_misread_bytes() -> None:
    from readers.text_encoding import MIN_PLAUSIBLE_SHARE, plausibility

    assert plausibility(NOTICE_TEXT) == 1.0
    misreadings = [
        TRADITIONAL_TEXT.encode("big5").decode("gb18030"),
        NOTICE_TEXT.encode("gbk").decode("utf-16-le", errors="replace"),
        NOTICE_TEXT.encode("utf-8").decode("utf-16-be", errors="replace"),
    ]
    assert all(plausibility(text) < MIN_PLAUSIBLE_SHARE for text in misreadings)
