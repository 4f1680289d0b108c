"""Turn the bytes of a text or HTML file into a str, because government sites mix UTF-8, GBK, Big5 and UTF-16.

Text and HTML readers share the same order of attempts: a byte-order mark, then
the most plausible of the strict decodings as UTF-8, GB18030 (a superset of
GB2312 and GBK), Big5 and UTF-16 little- and big-endian without a BOM (saved by
Windows tools; its ASCII characters leave a NUL in every other byte). A decoding
is plausible Chinese when nearly all its characters are ASCII, punctuation,
digits, or Han characters among GB2312's and Big5's frequently used ones: a Big5
page read as GB18030 gives rare characters and kana, GBK bytes read as UTF-16
give rare characters and Hangul. When no decoding is plausible, charset-normalizer
guesses. For HTML a charset the page declares comes before all guessing, as
long as the bytes decode with it into plausible text. Bytes that are not text
at all raise ReadError with a message naming `binary`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

from charset_normalizer import from_bytes

from readers.model import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CANDIDATES = ("utf-8", "gb18030", "cp950", "utf-16-le", "utf-16-be")
"""Tried in this order; the first of equally plausible decodings wins (pure ASCII reads as UTF-8)."""
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030"}
"""Pages labelled GB2312 or GBK routinely use characters only GBK/GB18030 have (镕, 堃)."""
_UNICODE_LABELS = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
"""A declaration we could read as ASCII proves the page is not UTF-16/32; browsers then use UTF-8."""
_BIG5 = "cp950"
"""Big5 with Microsoft's additions, as Windows saves traditional Chinese text."""
_GB2312_HAN_ROWS = range(0xB0, 0xF8)
"""GB2312's 6,763 Han characters (both levels), by their first byte."""
_BIG5_FREQUENT = (0xA440, 0xC67F)
"""Big5's 5,401 frequently used characters, by their code."""
_DECLARATION_WINDOW = 4096
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
MIN_PLAUSIBLE_SHARE = 0.8
"""Share of plausible characters a decoding needs; real notices score above 0.95, misread bytes below 0.7."""
_SCORED_CHARACTERS = 100_000
"""The plausibility of a long file is judged on its beginning."""
_PLAUSIBLE_CATEGORIES = ("P", "N", "Z", "S")
"""Punctuation, digits (①, ２), spaces and symbols (※, ■) other than letters outside ASCII."""
_MAX_CONTROL_SHARE = 0.02
"""Real text has almost no control characters; random bytes decoded as GB18030 have about 10 %."""
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode a file: `b'\\xd6\\xd0\\xce\\xc4'` → `中文` (GBK); a `declared` codec wins among equally plausible ones.

    Raises ReadError (`binary data, not text: …`) for NUL bytes outside UTF-16,
    for bytes no encoding reads, and for text full of control characters.
    """
    for bom, encoding in _BOMS:
        text = _strict(data, encoding) if data.startswith(bom) else None
        if text is not None:
            return _checked(text)
    encodings = dict.fromkeys((declared, *_CANDIDATES) if declared else _CANDIDATES)
    decodings = [text for encoding in encodings if (text := _strict(data, encoding)) is not None]
    best = max(decodings, key=plausibility, default=None)  # the first of equals
    if best is not None and plausibility(best) >= MIN_PLAUSIBLE_SHARE:
        return _checked(best)
    nul_bytes = data.count(b"\x00")
    if nul_bytes:
        raise ReadError(f"binary data, not text: {nul_bytes} NUL bytes")
    guess = from_bytes(data).best()
    return _checked(str(guess) if guess is not None else None)


def decode_html(data: bytes) -> str:
    """Decode an HTML page, trusting `<meta charset=gbk>` and the like unless another reading is more plausible.

    Example: a page declaring `charset=gb2312` is decoded as GB18030; a page
    declaring UTF-8 but written in GBK, or GBK but written in Big5, is decoded as written.
    """
    has_bom = any(data.startswith(bom) for bom, _ in _BOMS)
    return decode_text(data, None if has_bom or b"\x00" in data else declared_charset(data))


def plausibility(text: str) -> float:
    """The share of a text's characters that plausible Chinese prose is made of: 1.0 for `关于印发《通知》的函 No.3`.

    ASCII, white space, punctuation, digits, symbols and frequent Han characters count;
    control and private-use characters, U+FFFD, rare Han characters, kana, Hangul and other letters do not.
    Empty text is fully plausible.
    """
    sample = text[:_SCORED_CHARACTERS]
    frequent = _frequent_characters()
    plausible = sum(1 for ch in sample if ch in frequent or _plausible_non_han(ch))
    return plausible / len(sample) if sample else 1.0


@cache
def _plausible_non_han(ch: str) -> bool:
    """ASCII text and white space, or punctuation, digits, spaces and symbols of any script."""
    if ch == "\ufffd":
        return False
    if ch.isascii():
        return ch.isprintable() or ch in _ALLOWED_CONTROLS
    return unicodedata.category(ch).startswith(_PLAUSIBLE_CATEGORIES)


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


@cache
def _frequent_characters() -> frozenset[str]:
    """The Han characters of GB2312 and Big5's frequently used ones: what a simplified or traditional text is made of."""
    gb = (_strict(bytes((first, second)), "gb2312") for first in _GB2312_HAN_ROWS for second in range(0xA1, 0xFF))
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
