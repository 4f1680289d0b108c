"""A document in simplified characters for the extractors, with the way back to what was printed.

A page printed in traditional characters (`社會組織名稱 | 業務主管單位 | 備註`, `已脫鉤`, `長沙市`)
must read like its simplified twin to every extractor, so it is converted once, here, between the
reader and the extractors. `text` and the `*_raw` columns keep what was printed: `printed` maps a
string read from the view back to the characters it was read from (`長沙市律師協會` for
`长沙市律师协会`). A document without traditional characters is its own view and costs one scan.
Script only: full-width forms and punctuation (`「」`) are left to the extractors, which read both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache, cached_property

from normalizers.chinese import simplified_script, without_white_space
from readers.model import Block, Document

MIN_TRADITIONAL_SHARE = 0.05
"""Share of Han characters that must be traditional-only for a document, or a block, to be converted.

Printed traditional text holds 40–50 % (会/會, 业/業, 发/發 are in every sentence); a simplified
document quoting a Hong Kong chamber's name holds well under 1 %, so its 於 (a surname) and 乾
stay as printed outside the block that quotes the name.
"""

_UNIT_SEPARATOR = "\n"
"""Joins the texts and cells for one conversion; no OpenCC phrase spans a line break."""
_STREAM_SEPARATOR = "\x00"
"""Ends each text or cell in the search stream, so one search never runs from a cell into the next."""
_CHARACTER_SEPARATOR = "\ue000"
"""Joins single characters for one conversion: a private-use character no dictionary touches."""
_NOT_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff]+")
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000))


@cache
def _traditional_only() -> re.Pattern[str]:
    """Han characters that the conversion changes and that simplified text never uses (GB 2312 lacks them).

    乾, 後, 於 and the like are changed too but stand in simplified text (乾县, 於 as a surname),
    so they do not count as signs of a traditional document.
    """
    han = "".join(chr(code) for start, stop in _HAN_RANGES for code in range(start, stop))
    changed = [c for c, s in zip(han, simplified_script(han)) if c != s and not _in_gb2312(c)]
    return re.compile("[" + "".join(changed) + "]")


def _in_gb2312(character: str) -> bool:
    try:
        character.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def is_traditional(text: str) -> bool:
    """True when enough of a text's Han characters are traditional-only: `社會組織名稱` yes, `社会组织名称` no."""
    traditional = len(_traditional_only().findall(text))
    return traditional > 0 and traditional >= MIN_TRADITIONAL_SHARE * len(_NOT_HAN.sub("", text))


def aligned_pieces(printed: str, simplified: str) -> list[str]:
    """For each character of `simplified`, the printed characters it stands for.

    One character each when the conversion kept the length, as OpenCC's dictionaries do today.
    Otherwise `simplified` is aligned with the printed text converted character by character,
    which differs from it only where a word was converted as a whole: a changed run of printed
    characters goes with the first character converted from it, a vanished one with the
    character before it.
    """
    if len(printed) == len(simplified):
        return list(printed)
    per_character = simplified_script(_CHARACTER_SEPARATOR.join(printed)).split(_CHARACTER_SEPARATOR)
    probe = "".join(per_character) if all(len(c) == 1 for c in per_character) else printed
    pieces = [""] * len(simplified)
    dropped = ""
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, probe, simplified, autojunk=False).get_opcodes():
        if tag == "equal" or i2 - i1 == j2 - j1:
            pieces[j1:j2] = list(printed[i1:i2])
        elif j2 > j1:
            pieces[j1] = printed[i1:i2]
        elif j1 > 0:
            pieces[j1 - 1] += printed[i1:i2]
        else:
            dropped += printed[i1:i2]
    if pieces:
        pieces[0] = dropped + pieces[0]
    return pieces


@dataclass(frozen=True)
class _PrintedIndex:
    """The view's texts and cells without white space, one stream, and the printed piece of each character.

    `table_starts` holds where each table's cells begin in the stream, so a roster line is
    looked up in its own table first.
    """

    stream: str
    pieces: tuple[str, ...]
    table_starts: dict[int, int]

    @classmethod
    def build(cls, pairs: tuple[tuple[str, str, int | None], ...]) -> _PrintedIndex:
        """From (printed, simplified, table) per text block or cell, in document order."""
        stream: list[str] = []
        pieces: list[str] = []
        table_starts: dict[int, int] = {}
        for printed, simplified, table in pairs:
            if table is not None:
                table_starts.setdefault(table, len(stream))
            compact, compact_printed = without_white_space(simplified), without_white_space(printed)
            if len(printed) == len(simplified) and len(compact) == len(compact_printed):
                stream.extend(compact)
                pieces.extend(compact_printed)
            else:
                for character, piece in zip(simplified, aligned_pieces(printed, simplified)):
                    if not character.isspace():
                        stream.append(character)
                        pieces.append(piece)
            stream.append(_STREAM_SEPARATOR)
            pieces.append("")
        return cls("".join(stream), tuple(pieces), table_starts)

    def _find(self, key: str, start: int) -> int:
        at = self.stream.find(key, start)
        return self.stream.find(key) if at == -1 and start else at

    def _longest_match(self, rest: str, start: int) -> tuple[int, int]:
        """Length and position of the longest prefix of `rest` found in the stream (0 when none)."""
        at = self._find(rest, start)
        if at != -1:
            return len(rest), at
        found, found_at, missing = 0, -1, len(rest)
        while missing - found > 1:
            middle = (found + missing) // 2
            at = self._find(rest[:middle], start)
            if at == -1:
                missing = middle
            else:
                found, found_at = middle, at
        return found, found_at

    def pieces_of(self, key: str, start: int) -> Iterator[str]:
        """The printed piece of each character of `key`, a text without white space read from the view.

        A key printed in one place is found whole; one put together from several cells (a
        name continued on the next row) is found run by run; a character the view never held
        stays as it is.
        """
        position = 0
        while position < len(key):
            length, at = self._longest_match(key[position:], start)
            if length == 0:
                yield key[position]
                position += 1
                continue
            yield from self.pieces[at : at + length]
            position += length


@dataclass(frozen=True)
class SimplifiedView:
    """The document the extractors read, and the printed pairs to map their strings back.

    `pairs` holds (printed, simplified, table) for every text block and cell when the document
    was converted, and nothing when it is its own view.
    """

    document: Document
    pairs: tuple[tuple[str, str, int | None], ...] = ()

    @property
    def converted(self) -> bool:
        return bool(self.pairs)

    @cached_property
    def _index(self) -> _PrintedIndex:
        return _PrintedIndex.build(self.pairs)

    def printed(self, text: str | None, table: int | None = None) -> str | None:
        """What was printed where the view holds `text`: `长沙市律师协会` → `長沙市律師協會`.

        White space of `text` is kept where it is (cells' line breaks are joined by the
        extractors); `table` names the table to look in first when the same words are printed
        in several places.
        """
        if not self.converted or not text:
            return text
        index = self._index
        start = index.table_starts.get(table, 0) if table is not None else 0
        pieces = index.pieces_of(without_white_space(text), start)
        return "".join(c if c.isspace() else next(pieces) for c in text)


def simplified_view(document: Document) -> SimplifiedView:
    """The document in simplified characters where it is printed in traditional ones.

    A traditional document is converted whole; in a simplified one only the paragraphs and
    tables printed in traditional characters are (an attachment's roster), and a document
    without any traditional-only character is its own view.
    """
    texts = [_block_texts(block) for block in document.blocks]
    joined = _UNIT_SEPARATOR.join(_UNIT_SEPARATOR.join(block_texts) for block_texts in texts)
    if _traditional_only().search(joined) is None:
        return SimplifiedView(document)
    whole = is_traditional(joined)
    chosen = [whole or is_traditional(_UNIT_SEPARATOR.join(block_texts)) for block_texts in texts]
    if not any(chosen):
        return SimplifiedView(document)
    converted = iter(_converted([text for block_texts, c in zip(texts, chosen) if c for text in block_texts]))
    blocks: list[Block] = []
    pairs: list[tuple[str, str, int | None]] = []
    for block, block_texts, convert in zip(document.blocks, texts, chosen):
        simplified = [next(converted) for _ in block_texts] if convert else block_texts
        pairs.extend((printed, simple, block.table) for printed, simple in zip(block_texts, simplified))
        blocks.append(_rebuilt(block, simplified) if convert else block)
    return SimplifiedView(replace(document, blocks=blocks), tuple(pairs))


def _block_texts(block: Block) -> list[str]:
    """A text block's text, or a table's cells row by row."""
    return [cell for row in block.rows for cell in row.cells] if block.is_table else [block.text]


def _converted(texts: list[str]) -> list[str]:
    """Each text in simplified characters, converted in one call and cut back where it kept its length."""
    joined = _UNIT_SEPARATOR.join(texts)
    converted = simplified_script(joined)
    if len(converted) != len(joined):
        return [simplified_script(text) for text in texts]
    pieces = []
    position = 0
    for text in texts:
        pieces.append(converted[position : position + len(text)])
        position += len(text) + len(_UNIT_SEPARATOR)
    return pieces


def _rebuilt(block: Block, simplified: list[str]) -> Block:
    """The block with its text or its cells, row by row, replaced by the converted ones; provenance kept."""
    if not block.is_table:
        return replace(block, text=simplified[0])
    cells = iter(simplified)
    return replace(block, rows=tuple(replace(row, cells=tuple(next(cells) for _ in row.cells)) for row in block.rows))
