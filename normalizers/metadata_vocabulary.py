"""The official-document vocabulary of `normalizers/data/`, typed and read once: what closes a title, what a masthead adds.

Example: `document_kinds.csv` says a title ends in a 文种 such as `通知`; `issuer_endings.csv` says
`…民政局` names an issuing body; `publication_notes.csv` lists `此件公开发布`.
"""

from __future__ import annotations

from functools import cache

from normalizers.vocabulary import read_table


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@cache
def issuer_endings() -> tuple[str, ...]:
    """Endings of issuing bodies' names, longest first (`人民政府` before `政府`)."""
    return _longest_first([row["ending"] for row in read_table("issuer_endings.csv")])


@cache
def masthead_words() -> tuple[str, ...]:
    """Words a 发文机关标志 adds after the issuers' names (`文件`)."""
    return _longest_first([row["word"] for row in read_table("masthead_words.csv")])


@cache
def document_kinds() -> tuple[str, ...]:
    """The 文种 that close a title (`通知`, `实施意见` via `意见`, `公示`), longest first."""
    return _longest_first([row["kind"] for row in read_table("document_kinds.csv")])


@cache
def list_kinds() -> frozenset[str]:
    """The 文种 that name a list or a table (`名单`, `汇总表`): a title only with a 事由 (`关于…`) or over a roster alone."""
    return frozenset(row["kind"] for row in read_table("document_kinds.csv") if row["role"] == "list")


@cache
def title_openers() -> tuple[str, ...]:
    """Words that open a title's 事由 after the issuers' names (`关于`, `印发`)."""
    return _longest_first([row["word"] for row in read_table("title_openers.csv")])


@cache
def publication_notes() -> frozenset[str]:
    """Publication notes (附注) as printed without brackets (`此件主动公开`)."""
    return frozenset(row["note"] for row in read_table("publication_notes.csv"))


@cache
def central_issuer_prefixes() -> tuple[str, ...]:
    """Openings of central bodies' names (`国务院`, `民政部`), longest first."""
    return _longest_first([row["prefix"] for row in read_table("central_issuers.csv")])


@cache
def state_prefixes() -> tuple[str, ...]:
    """The state's name as printed before a central body's name (`中华人民共和国`), longest first."""
    return _longest_first([row["prefix"] for row in read_table("state_prefixes.csv")])


@cache
def central_issuer_endings() -> tuple[str, ...]:
    """Endings that make a name without a place a central body's (`市场监管总局`, `海关总署`), longest first."""
    return _longest_first([row["ending"] for row in read_table("central_issuer_endings.csv")])


@cache
def head_marks() -> tuple[str, ...]:
    """Words of the 密级 and 紧急程度 lines above a masthead (`机密★1年`, `特急`)."""
    return tuple(row["word"] for row in read_table("head_marks.csv"))


@cache
def recipient_labels() -> tuple[str, ...]:
    """Labels that open a line of recipients (`主送`, `抄送`)."""
    return tuple(row["word"] for row in read_table("recipient_words.csv") if row["kind"] == "label")


@cache
def recipient_endings() -> tuple[str, ...]:
    """How a 主送 line's last recipient ends besides an issuer's ending (`各有关单位`, `各区县`), longest first."""
    return _longest_first([row["word"] for row in read_table("recipient_words.csv") if row["kind"] == "ending"])


@cache
def self_references() -> dict[str, str]:
    """Words a document calls its own place by, with the designator of that place: 我市 → 市, 全省 → 省."""
    return {row["word"]: row["designator"] for row in read_table("self_references.csv")}


@cache
def own_self_references() -> frozenset[str]:
    """The self references that can only mean the writer's place (`我市`, `本区`), unlike `全市`."""
    return frozenset(row["word"] for row in read_table("self_references.csv") if row["kind"] == "own")
