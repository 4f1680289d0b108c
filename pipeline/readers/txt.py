"""Read a plain-text document, one paragraph per non-empty line, because that is all the structure it has.

Line ends may be CRLF, CR or LF. Indentation with ideographic spaces (U+3000)
and trailing white space are dropped; a title that wraps over several lines
stays several paragraphs, which the title extractor joins.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.model import Block, BlockKind, Document
from pipeline.readers.text_encoding import decode_text


def read(path: Path) -> Document:
    """Read `path` as text: `b'\\xa1\\xa1\\xa1\\xa1\\xd2\\xbb\\r\\n'` → one PARAGRAPH `一`.

    Raises ReadError when the file holds binary data rather than text.
    """
    text = decode_text(path.read_bytes())
    blocks = [Block(BlockKind.PARAGRAPH, text=line.strip()) for line in text.splitlines() if line.strip()]
    return Document(source_format="txt", blocks=blocks)
