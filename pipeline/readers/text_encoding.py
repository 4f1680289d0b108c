"""Turn the bytes of a text or HTML file into a str, because government sites mix UTF-8 and GBK.

Text and HTML readers share the same order of attempts: a byte-order mark, then
strict UTF-8, then GB18030 (a superset of GB2312 and GBK, so it reads files of
either) unless the bytes read as more common characters in Big5 (a traditional
page saved in Big5 also decodes as GB18030, into rare characters), then
charset-normalizer's guess. For HTML a charset the page declares
comes before all guessing, as long as the bytes really decode with it. Bytes that
are not text at all raise ReadError with a message naming `binary`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

from charset_normalizer import from_bytes

from pipeline.model import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACKS = ("utf-8", "gb18030")
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030"}
"""Pages labelled GB2312 or GBK routinely use characters only GBK/GB18030 have (镕, 堃)."""
_UNICODE_LABELS = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
"""A declaration we could read as ASCII proves the page is not UTF-16/32; browsers then use UTF-8."""
_BIG5 = "cp950"
"""Big5 with Microsoft's additions, as Windows saves traditional Chinese text."""
_GB2312_LEVEL_1_ROWS = range(0xB0, 0xD8)
"""GB2312's 3,755 frequently used characters, by their first byte."""
_BIG5_FREQUENT = (0xA440, 0xC67F)
"""Big5's 5,401 frequently used characters, by their code."""
_DECLARATION_WINDOW = 4096
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_MAX_CONTROL_SHARE = 0.02
"""Real text has almost no control characters; random bytes decoded as GB18030 have about 10 %."""
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def decode_text(data: bytes) -> str:
    """Decode a file whose encoding nothing declares: `b'\\xd6\\xd0\\xce\\xc4'` → `中文` (GBK).

    Raises ReadError (`binary data, not text: …`) for NUL bytes outside UTF-16,
    for bytes no encoding reads, and for text full of control characters.
    """
    for bom, encoding in _BOMS:
        text = _strict(data, encoding) if data.startswith(bom) else None
        if text is not None:
            return _checked(text)
    nul_bytes = data.count(b"\x00")
    if nul_bytes:
        raise ReadError(f"binary data, not text: {nul_bytes} NUL bytes")
    for encoding in _FALLBACKS:
        text = _strict(data, encoding)
        if text is not None:
            return _checked(_gb_or_big5(data, text) if encoding == "gb18030" else text)
    guess = from_bytes(data).best()
    return _checked(str(guess) if guess is not None else None)


def decode_html(data: bytes) -> str:
    """Decode an HTML page, trusting `<meta charset=gbk>` and the like when the bytes agree.

    Example: a page declaring `charset=gb2312` is decoded as GB18030; a page
    declaring UTF-8 but written in GBK falls back to guessing instead of failing.
    """
    has_bom = any(data.startswith(bom) for bom, _ in _BOMS)
    declared = None if has_bom or b"\x00" in data else declared_charset(data)
    text = _strict(data, declared) if declared else None
    return _checked(text) if text is not None else decode_text(data)


def declared_charset(data: bytes) -> str | None:
    """The Python codec an HTML page declares in its first 4 KiB: `charset=GBK` → `gb18030`.

    Unknown labels give None, so the caller goes on guessing.
    """
    match = _DECLARED_CHARSET.search(data[:_DECLARATION_WINDOW])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _UNICODE_LABELS:
        return "utf-8"
    return _CHARSET_ALIASES.get(name, name)


def _gb_or_big5(data: bytes, gb_text: str) -> str:
    """The GB18030 reading, or the Big5 one when that holds the larger share of frequent characters.

    Example: `社會` saved in Big5 reads in GB18030 as a private-use character and the rare `穦`.
    """
    big5_text = _strict(data, _BIG5)
    if big5_text is None or _frequent_share(big5_text) <= _frequent_share(gb_text):
        return gb_text
    return big5_text


def _frequent_share(text: str) -> float:
    """Share of a text's Han characters among GB2312's and Big5's frequently used ones."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    frequent = _frequent_characters()
    return sum(c in frequent for c in han) / len(han) if han else 0.0


@cache
def _frequent_characters() -> frozenset[str]:
    gb = (_strict(bytes((first, second)), "gb2312") for first in _GB2312_LEVEL_1_ROWS for second in range(0xA1, 0xFF))
    big5 = (_strict(code.to_bytes(2, "big"), _BIG5) for code in range(*_BIG5_FREQUENT))
    return frozenset(c for c in (*gb, *big5) if c)


def _strict(data: bytes, encoding: str) -> str | None:
    """The text if every byte decodes under `encoding`, else None."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _checked(text: str | None) -> str:
    """Return decoded text unless it is missing or mostly control characters (binary)."""
    if text is None:
        raise ReadError("binary data, not text: no encoding decodes it cleanly")
    controls = sum(1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise ReadError(f"binary data, not text: {controls} control characters in {len(text)}")
    return text
