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
long as the bytes decode with it into plausible text.

A scraped file may be damaged: a flipped byte, a download cut in the middle of a
character, a stray NUL. When no decoding is clean, the most plausible one that
leaves out at most one byte in a thousand (and always up to 64) is taken:
undecodable bytes become U+FFFD, NUL bytes are dropped, and the warning
`undecodable_bytes: 3 bytes replaced (gb18030)` says so. Bytes that are not text
at all (many NULs, or no plausible reading) raise ReadError naming `binary`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
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
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Control characters (Unicode category Cc) other than the allowed ones, found at C speed in long files."""
REPAIRABLE_PER_MILLE = 1
"""A damaged file is read when at most this many bytes in a thousand are undecodable or NUL."""
MIN_REPAIRABLE_BYTES = 64
"""...and always up to this many: a short notice with a few flipped UTF-8 bytes (each costs up to three) or a run of
garbage spliced in is read; random bytes stay implausible."""
UNDECODABLE_BYTES = "undecodable_bytes"
_WIDE = frozenset({"utf-16", "utf-16-le", "utf-16-be"})
"""Encodings in which a NUL byte is half of a character, not damage."""
_MARK_UNDECODABLE = "tuogou.mark-undecodable"
_REPAIR_CHUNK = 1 << 16
_MARKED = re.compile("[\udc00-\udcff]+")
"""Undecodable bytes, marked one lone surrogate each; no clean decoding yields a lone surrogate."""


@dataclass(frozen=True)
class Decoded:
    """A file's text, the encoding it was read in, and the damage repaired on the way.

    `replaced` counts undecodable bytes (U+FFFD in `text`), `dropped_nuls` the NUL bytes left out.
    """

    text: str
    encoding: str
    replaced: int = 0
    dropped_nuls: int = 0

    @property
    def repairs(self) -> int:
        return self.replaced + self.dropped_nuls

    @property
    def warnings(self) -> list[str]:
        """`['undecodable_bytes: 3 bytes replaced, 1 NUL byte dropped (gb18030)']`; none for a clean decoding."""
        repairs = [f"{self.replaced} {_bytes(self.replaced)} replaced"] if self.replaced else []
        repairs += [f"{self.dropped_nuls} NUL {_bytes(self.dropped_nuls)} dropped"] if self.dropped_nuls else []
        return [f"{UNDECODABLE_BYTES}: {', '.join(repairs)} ({self.encoding})"] if repairs else []


def decode_text(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a file: `b'\\xd6\\xd0\\xce\\xc4'` → `中文` (GBK); a `declared` codec wins among equally plausible ones.

    A clean decoding comes first; then a repaired one (see the module). Raises ReadError
    (`binary data, not text: …`) for NUL bytes beyond repair, for bytes no encoding reads,
    and for text full of control characters.
    """
    bom = next((encoding for mark, encoding in _BOMS if data.startswith(mark)), None)
    encodings = tuple(dict.fromkeys(encoding for encoding in (bom, declared, *_CANDIDATES) if encoding))
    budget = max(MIN_REPAIRABLE_BYTES, len(data) * REPAIRABLE_PER_MILLE // 1000)
    found = (
        (_decoding(data, bom, budget, repair=False) if bom else None)  # a BOM says what clean text is
        or _most_plausible(data, encodings, budget, repair=False)
        or _most_plausible(data, encodings, budget, repair=True)  # random bytes may start like a BOM
    )
    if found is not None:
        return Decoded(_checked(found.text), found.encoding, found.replaced, found.dropped_nuls)
    nul_bytes = data.count(b"\x00")
    if nul_bytes:
        raise ReadError(f"binary data, not text: {nul_bytes} NUL bytes")
    guess = from_bytes(data).best()
    if guess is None:
        raise ReadError("binary data, not text: no encoding decodes it cleanly")
    return Decoded(_checked(str(guess)), guess.encoding)


def decode_html(data: bytes) -> Decoded:
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


def _most_plausible(data: bytes, encodings: tuple[str, ...], budget: int, repair: bool) -> Decoded | None:
    """The most plausible decoding within `budget`, if it reads as plausible Chinese.

    Of equally plausible ones the one with the fewest repairs wins, then the first: short
    UTF-16 ASCII text reads as UTF-16, not as UTF-8 without its NULs.
    """
    decodings = [found for encoding in encodings if (found := _decoding(data, encoding, budget, repair)) is not None]
    best = max(decodings, key=lambda found: (plausibility(found.text), -found.repairs), default=None)
    return best if best is not None and plausibility(best.text) >= MIN_PLAUSIBLE_SHARE else None


def _decoding(data: bytes, encoding: str, budget: int, repair: bool) -> Decoded | None:
    """`data` in `encoding` without its stray NULs; with `repair`, undecodable bytes become U+FFFD.

    None when the bytes do not decode (without `repair`), or when more than `budget` bytes are NUL or undecodable.
    """
    nuls = 0 if encoding in _WIDE else data.count(b"\x00")
    if nuls > budget:
        return None
    source = data.replace(b"\x00", b"") if nuls else data
    if not repair:
        text = _strict(source, encoding)
        return Decoded(text, encoding, 0, nuls) if text is not None else None
    decoder = codecs.getincrementaldecoder(encoding)(_MARK_UNDECODABLE)
    pieces, replaced = [], 0
    for start in range(0, len(source) or 1, _REPAIR_CHUNK):  # by chunks, so binary data is given up on early
        piece = decoder.decode(source[start : start + _REPAIR_CHUNK], final=start + _REPAIR_CHUNK >= len(source))
        if _has_lone_surrogate(piece):
            replaced += sum(len(run) for run in _MARKED.findall(piece))
            if nuls + replaced > budget:
                return None
            piece = _MARKED.sub("\ufffd", piece)
        pieces.append(piece)
    return Decoded("".join(pieces), encoding, replaced, nuls)


def _has_lone_surrogate(text: str) -> bool:
    """Whether `text` holds a marked byte, found at C speed: only a lone surrogate cannot be encoded as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: each undecodable byte as a lone surrogate (U+DC00 + byte), so they can be counted."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(chr(0xDC00 + byte) for byte in error.object[error.start : error.end]), error.end


codecs.register_error(_MARK_UNDECODABLE, _mark_undecodable)


def _bytes(count: int) -> str:
    return "byte" if count == 1 else "bytes"


def _checked(text: str) -> str:
    """Return decoded text unless it is mostly control characters (binary)."""
    controls = len(_CONTROLS.findall(text))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise ReadError(f"binary data, not text: {controls} control characters in {len(text)}")
    return text
