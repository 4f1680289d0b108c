"""One script per OCR'd page: characters read in the other script are turned back into the page's own.

The recogniser's vocabulary holds simplified and traditional characters side
by side, and a small model mixes them up: on a simplified roster it reads
`协会` as `协會` and `电力` as `電力`, on a traditional page `脫鉤` as `脫钩`
(its vocabulary lacks `鉤`). A printed page is set in one script, so the page's
script is decided by its characters found in only one of the two national
character sets (GB 2312 for simplified, Big5 for traditional), and each
character of the other set alone is converted with OpenCC. Characters in both
sets (`乾`, `著`, `於`, `后`) are never touched, and a page with no clear
majority is left as read.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from functools import cache

from opencc import OpenCC

MAJORITY = 2.0
"""A page takes a script when its characters of that script alone outnumber the other's this many times."""


class Script(Enum):
    """A script, by the national character set that holds only its forms and the OpenCC conversion into it."""

    SIMPLIFIED = ("gb2312", "t2s")
    TRADITIONAL = ("big5", "s2t")

    @property
    def charset(self) -> str:
        return self.value[0]

    @property
    def conversion(self) -> str:
        return self.value[1]

    @property
    def other(self) -> Script:
        return Script.TRADITIONAL if self is Script.SIMPLIFIED else Script.SIMPLIFIED


@cache
def _in_charset(char: str, charset: str) -> bool:
    try:
        char.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


@cache
def script_alone(char: str) -> Script | None:
    """The script whose character set alone holds `char`: `会` simplified, `會` traditional, `的` and `a` neither."""
    simplified, traditional = (_in_charset(char, script.charset) for script in Script)
    if simplified == traditional:
        return None
    return Script.SIMPLIFIED if simplified else Script.TRADITIONAL


def page_script(texts: Sequence[str]) -> Script | None:
    """The page's script by its characters of one script alone, or None when neither has a clear majority."""
    counts = {script: 0 for script in Script}
    for text in texts:
        for char in text:
            if (script := script_alone(char)) is not None:
                counts[script] += 1
    for script in Script:
        if counts[script] and counts[script] >= MAJORITY * counts[script.other]:
            return script
    return None


@cache
def _converter(conversion: str) -> OpenCC:
    return OpenCC(conversion)


@cache
def _in_script(char: str, script: Script) -> str:
    """`char` of the other script alone in `script`'s form when OpenCC has one there, else as it was."""
    if script_alone(char) is not script.other:
        return char
    converted = _converter(script.conversion).convert(char)
    return converted if len(converted) == 1 and _in_charset(converted, script.charset) else char


def in_page_script(texts: Sequence[str]) -> list[str]:
    """The page's lines with every character of the other script alone converted into the page's script."""
    script = page_script(texts)
    if script is None:
        return list(texts)
    return ["".join(_in_script(char, script) for char in text) for text in texts]
