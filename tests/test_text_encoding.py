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
    assert decode_text(data).text == expected


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
    assert decode_html(data).text == expected


def test_big5_is_read_with_or_without_its_declaration() -> None:
    data = _page("", "臺灣協會").encode("big5")
    assert "臺灣協會" in decode_html(data).text
    assert "臺灣協會" in decode_html(b'<meta charset="big5">' + data).text


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
    ("utf-16-le-without-bom-all-ascii", "Notice No. 15".encode("utf-16-le"), "Notice No. 15"),
    ("big5-traditional", TRADITIONAL_TEXT.encode("big5"), TRADITIONAL_TEXT),
    ("gbk-traditional", TRADITIONAL_TEXT.encode("gbk"), TRADITIONAL_TEXT),
    ("gb18030", NOTICE_TEXT.encode("gb18030"), NOTICE_TEXT),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in UNDECLARED_CASES], ids=[c[0] for c in UNDECLARED_CASES])
def test_undeclared_encodings(data: bytes, expected: str) -> None:
    decoded = decode_text(data)
    assert decoded.text == expected and decoded.warnings == []


def test_implausible_declared_charset_is_overridden() -> None:
    assert TRADITIONAL_TEXT in decode_html(b'<meta charset="gbk"><p>' + TRADITIONAL_TEXT.encode("big5")).text
    assert NOTICE_TEXT in decode_html(b'<meta charset="big5"><p>' + NOTICE_TEXT.encode("gbk")).text
    assert NOTICE_TEXT in decode_html(b'<meta charset="iso-8859-1"><p>' + NOTICE_TEXT.encode("gbk")).text


def test_plausibility_tells_chinese_from_misread_bytes() -> None:
    from readers.text_encoding import MIN_PLAUSIBLE_SHARE, plausibility

    assert plausibility(NOTICE_TEXT) == 1.0
    misreadings = [
        TRADITIONAL_TEXT.encode("big5").decode("gb18030"),
        NOTICE_TEXT.encode("gbk").decode("utf-16-le", errors="replace"),
        NOTICE_TEXT.encode("utf-8").decode("utf-16-be", errors="replace"),
    ]
    assert all(plausibility(text) < MIN_PLAUSIBLE_SHARE for text in misreadings)


def _flipped(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x80]) + data[at + 1 :]


LONG_NOTICE = NOTICE_TEXT * 40
"""About 3 KB in GBK: a damaged byte or two is far below the repair limit."""
_GBK, _UTF8 = LONG_NOTICE.encode("gbk"), LONG_NOTICE.encode("utf-8")
DAMAGED_CASES = [
    ("gbk-byte-flipped", _flipped(_GBK, len(_GBK) // 2), "gb18030", "1 byte replaced"),
    ("gbk-cut-inside-a-character", _GBK[: len(NOTICE_TEXT.encode("gbk")) + 1], "gb18030", "1 byte replaced"),
    ("utf-8-cut-inside-a-character", _UTF8[: len(NOTICE_TEXT.encode("utf-8")) + 2], "utf-8", "2 bytes replaced"),
    ("utf-8-lead-byte-flipped-to-ascii", _flipped(_UTF8, _UTF8.index("脱".encode())), "utf-8", "2 bytes replaced"),
    ("utf-8-bom-flipped", codecs.BOM_UTF8 + _flipped(_UTF8, 100), "utf-8-sig", "replaced"),
    ("big5-byte-flipped", _flipped((TRADITIONAL_TEXT * 40).encode("big5"), 1001), "cp950", "1 byte replaced"),
    ("utf-16-bom-cut-to-odd-length", codecs.BOM_UTF16_LE + NOTICE_TEXT.encode("utf-16-le")[:-1], "utf-16", "1 byte replaced"),
    ("gbk-nul-inside-a-character", _GBK[:101] + b"\x00" + _GBK[101:], "gb18030", "1 NUL byte dropped"),
    ("utf-8-nul-between-lines", _UTF8 + b"\x00" + _UTF8, "utf-8", "1 NUL byte dropped"),
    ("gbk-flipped-and-nul", _flipped(_GBK, 500)[:900] + b"\x00\x00" + _GBK[900:], "gb18030", "1 byte replaced, 2 NUL bytes dropped"),
]


@pytest.mark.parametrize(("data", "encoding", "detail"), [c[1:] for c in DAMAGED_CASES], ids=[c[0] for c in DAMAGED_CASES])
def test_a_few_damaged_bytes_are_repaired_with_a_warning(data: bytes, encoding: str, detail: str) -> None:
    decoded = decode_text(data)
    assert decoded.encoding == encoding
    assert len(decoded.warnings) == 1 and decoded.warnings[0].startswith("undecodable_bytes: ")
    assert detail in decoded.warnings[0] and decoded.warnings[0].endswith(f"({encoding})")
    assert "\x00" not in decoded.text and ("关于印发" in decoded.text or "關於印發" in decoded.text)


def test_a_damaged_page_keeps_its_declared_charset() -> None:
    page = _page('<meta charset="big5">', "臺灣協會" * 200).encode("big5")
    middle = len(page) // 2  # 0xFF is neither a lead nor a trail byte of Big5
    decoded = decode_html(page[:middle] + b"\xff" + page[middle + 1 :])
    assert decoded.encoding == "big5" and "臺灣協會" in decoded.text and decoded.warnings


def _with_bad_bytes(text: str, count: int, bad: bytes) -> bytes:
    """`text` in GBK with `bad` after each of its first `count` characters."""
    return b"".join(ch.encode("gbk") + (bad if index < count else b"") for index, ch in enumerate(text))


def _repair_limit(data_length: int) -> int:
    from readers.text_encoding import MIN_REPAIRABLE_BYTES, REPAIRABLE_PER_MILLE

    return max(MIN_REPAIRABLE_BYTES, data_length * REPAIRABLE_PER_MILLE // 1000)


@pytest.mark.parametrize("text", [NOTICE_TEXT * 20, NOTICE_TEXT * 1000], ids=["short-floor", "long-per-mille"])
@pytest.mark.parametrize("bad", [b"\xff", b"\x00"], ids=["undecodable", "nul"])
def test_repair_stops_at_its_limit(text: str, bad: bytes) -> None:
    limit = _repair_limit(len(text.encode("gbk")))  # the bad bytes add a few to the length, not to the limit
    within = decode_text(_with_bad_bytes(text, limit, bad))
    assert str(limit) in within.warnings[0] and within.text.replace("\ufffd", "") == text
    with pytest.raises(ReadError, match="binary data, not text"):
        decode_text(_with_bad_bytes(text, limit + 1, bad))


def test_a_short_text_mostly_repaired_is_not_plausible() -> None:
    """Within the byte limit, but a third of the characters would be U+FFFD: not text."""
    with pytest.raises(ReadError, match="binary data, not text"):
        decode_text(_with_bad_bytes(NOTICE_TEXT * 2, 60, b"\xff"))


@pytest.mark.parametrize("size", [40, 500, 20_000])
@pytest.mark.parametrize("start", [b"", codecs.BOM_UTF16_LE, codecs.BOM_UTF8], ids=["plain", "utf-16-bom", "utf-8-bom"])
def test_random_bytes_stay_binary(size: int, start: bytes) -> None:
    import random

    with pytest.raises(ReadError, match="binary data, not text"):
        decode_text(start + random.Random(size).randbytes(size))


def test_large_binary_without_nuls_is_given_up_on_early() -> None:
    """Repair stops at the first chunk over the limit: 2 MB of random bytes take a second, not a minute."""
    import random

    data = random.Random(7).randbytes(2_000_000).replace(b"\x00", b"\x01")
    with pytest.raises(ReadError, match="binary data, not text"):
        decode_text(data)
