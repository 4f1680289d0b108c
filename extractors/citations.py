"""citations.parquet rows of one document: every other document it cites, once, in order of first mention.

Example: `根据《中共中央办公厅 国务院办公厅关于印发〈…总体方案〉的通知》（中办发〔2015〕39号，以下简称
《总体方案》）` cites 中办发〔2015〕39号 with that title, short name 总体方案 and issuer 中共中央办公厅; a later
`《总体方案》` refers back to it, `《…情况统计表》` is a form, and the plan the document itself issues
(the 《…》 inside its own title) is not a citation. Neither are back-references (`本《方案》`, `上述《意见》`,
a bare `《通知》`) nor the document's own number repeated in its text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from extractors.citation_mentions import Mention, find_mentions, runs_on, standard_title_marks
from extractors.lines import cell_text
from normalizers.citation_issuers import citation_issuer
from normalizers.citation_keys import cited_key, issuer_level
from normalizers.citation_vocabulary import (
    CITATION,
    CITES,
    FORM,
    ISSUES,
    is_back_reference,
    is_kind_word,
    title_core,
    title_kind,
    title_verbs,
)
from normalizers.document_numbers import find_numbers
from readers.model import Document, join_cell_lines

_INNER_TITLE = re.compile(r"[《〈<＜](?P<title>[^《》〈〉<>＜＞]+)[》〉>＞]")
"""A title quoted inside another title, in any of the brackets printed for it: `关于印发〈…方案〉的通知`."""

_ISSUED = re.compile(rf"(?:{'|'.join(title_verbs(ISSUES))})(?P<title>.+)的[^的]{{1,4}}$")
"""The title a document issues, also when its own title prints it without 《》 (`关于印发甲市脱钩工作方案的通知`)
or quotes another inside it (`关于印发甲市贯彻《…》实施方案的通知`)."""

_INNER_BRACKETS = str.maketrans({"〈": "《", "〉": "》", "<": "《", ">": "》"})
_SPACE = re.compile(r"\s+")
_SPACE_BY_DIGIT = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[0-9])|(?<=[0-9])\s+(?=[^\x00-\x7f])")
"""Layout spaces around digits in Chinese text (`2019 年`), which PDF extraction adds and print does not have."""


@dataclass(frozen=True)
class Citation:
    """One cited document: its number and title as printed, the short name the text gives it, its issuer."""

    doc_number: str | None
    title: str | None
    short_name: str | None = None
    issuer: str | None = None
    page: int | None = None
    cited_key: str | None = None
    cited_level: str | None = None


class _Passage(NamedTuple):
    """A text read for citations and the page each of its pieces starts on: (offset, page), offsets rising.

    A named tuple, as one is made for every table cell.
    """

    text: str
    pages: tuple[tuple[int, int | None], ...]

    def page_at(self, offset: int) -> int | None:
        """The page of the piece holding `offset` of the text with standard title marks."""
        standard = [(len(standard_title_marks(self.text[:start])), page) for start, page in self.pages]
        return next((page for start, page in reversed(standard) if start <= offset), None)


def extract_citations(
    document: Document, own_title: str | None = None, own_number: str | None = None
) -> list[Citation]:
    """The documents a document cites, in order of first mention, one per cited document.

    Text blocks and table cells are read alike (a form cell may cite `□《民间非营利组织会计制度》`).
    `own_title` is the document's own title, whose 《…》 names what it issues rather than cites;
    `own_number` its own 发文字号, which names the document itself wherever it is printed.
    """
    paged = [
        (mention, passage.page_at(mention.start))
        for passage in _passages(document)
        for mention in find_mentions(passage.text)
    ]
    mentions = [mention for mention, _ in paged]
    short_names = {title_key(m.short_name) for m in mentions if m.short_name}
    own = _own_titles(own_title)
    own_numbers = {n.text for n in find_numbers(own_number)} if own_number else set()
    citations: list[Citation] = []
    for mention, page in paged:
        if mention.number is not None and mention.number.text in own_numbers:
            continue
        citation = _citation(mention, short_names, own)
        if citation is not None:
            _add(citations, replace(citation, page=page))
    return [_keyed(citation) for citation in citations]


def _keyed(citation: Citation) -> Citation:
    """The citation with its key and its issuer's level, once every mention has filled it in."""
    return replace(
        citation,
        cited_key=cited_key(citation.doc_number, citation.title),
        cited_level=issuer_level(citation.issuer),
    )


def title_key(title: str) -> str:
    """A title reduced for comparison: no white space, half-width, inner brackets as 《》 (`〈…〉` = `<…>`)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", title)).translate(_INNER_BRACKETS)


def _passages(document: Document) -> Iterator[_Passage]:
    """Paragraphs and table cells in reading order, each cell's wrapped lines joined, with their pages.

    A paragraph whose citation runs on into the next one (a text file's or a web page's line break
    inside `国办发〔20` / `15〕39号`) is read together with it.
    """
    pending: _Passage | None = None
    for block in document.blocks:
        if block.is_table:
            if pending is not None:
                yield pending
                pending = None
            for row in block.rows:
                yield from (_Passage(cell_text(cell), ((0, row.page),)) for cell in row.cells)
            continue
        text = join_cell_lines(block.text)
        if pending is not None and runs_on(pending.text, text):
            pending = _Passage(pending.text + text, (*pending.pages, (len(pending.text), block.page)))
            continue
        if pending is not None:
            yield pending
        pending = _Passage(text, ((0, block.page),))
    if pending is not None:
        yield pending


def _own_titles(own_title: str | None) -> frozenset[str]:
    """The document's own title and the titles it issues, with or without 《》:
    `关于印发《…实施方案》的通知` and `关于印发甲市脱钩工作方案的通知` → the title and the plan.

    A title the own title forwards or implements (`关于转发《…》的通知`, `关于贯彻落实《…》的实施意见`)
    is another document, which the text cites.
    """
    if not own_title:
        return frozenset()
    inner = [m["title"] for m in _INNER_TITLE.finditer(own_title) if not _cited_by_verb(own_title[: m.start()])]
    issued = _ISSUED.search(own_title)
    if issued and not _cited_by_verb(own_title[: issued.start()]):
        inner.append(issued["title"])
    return frozenset(title_key(title_core(t)) for t in (own_title, *inner))


def _cited_by_verb(lead: str) -> bool:
    """Whether the part of a title before an inner title forwards or implements it: `省民政厅关于转发民政部`."""
    return any(verb in lead for verb in title_verbs(CITES))


def _citation(mention: Mention, short_names: set[str], own: frozenset[str]) -> Citation | None:
    """The citation a mention makes, or None for the document itself, a form, a short name, a back-reference
    (`上述《意见》`, `发文字号：` before the own number) or a masthead number."""
    title = mention.title
    if (title is not None and title_key(title_core(title)) in own) or is_back_reference(mention.before):
        return None
    if title is not None and not _cited_title(title, numbered=mention.number is not None, short_names=short_names):
        title = None
    if title is None and (mention.number is None or mention.opens_text):
        return None
    prefix = mention.number.prefix if mention.number else None
    return Citation(
        doc_number=mention.number.text if mention.number else None,
        title=_tidy(title) if title else None,
        short_name=mention.short_name,
        issuer=citation_issuer(mention.before, title, prefix),
    )


def _cited_title(title: str, numbered: bool, short_names: set[str]) -> bool:
    """Whether a 《title》 names a cited document.

    With a number beside it, anything but a form does; alone, it must end like a law, plan, opinion,
    notice or measure, and be neither a short name the text defines (`《总体方案》` after
    `以下简称《总体方案》`) nor the bare word for a kind of document (`《意见》`), which refers back.
    """
    kind = title_kind(title)
    if numbered:
        return kind != FORM
    return kind == CITATION and title_key(title) not in short_names and not is_kind_word(title)


def _tidy(title: str) -> str:
    """The title as printed, white space collapsed and layout spaces around digits removed."""
    return _SPACE_BY_DIGIT.sub("", _SPACE.sub(" ", title).strip())


def _add(citations: list[Citation], new: Citation) -> None:
    """Append a citation, or fill in what an earlier mention of the same document lacked.

    The same number is the same document; a mention without a number is the document of the same
    title. Two different numbers are two documents even under one title (a misprinted number stays apart).
    """
    for i, old in enumerate(citations):
        if _same_document(old, new):
            citations[i] = replace(
                old,
                doc_number=old.doc_number or new.doc_number,
                title=old.title or new.title,
                short_name=old.short_name or new.short_name,
                issuer=old.issuer or new.issuer,
                page=old.page if old.page is not None else new.page,
            )
            return
    citations.append(new)


def _same_document(old: Citation, new: Citation) -> bool:
    """One number is one document; without two numbers, one title is, with or without the qualifier closing it
    (`《甲办法（试行）》（甲发〔2016〕1号）` then `《甲办法》`), and so is the plan a notice issues with the
    notice (`《关于印发〈甲方案〉的通知》（甲发〔2019〕1号）` then `《甲方案》`). A later title without number
    that ends an earlier one names it again shortened: `《甲省脱钩实施方案》` then `《实施方案》`."""
    if old.doc_number and new.doc_number:
        return old.doc_number == new.doc_number
    if not (old.title and new.title):
        return False
    old_key, new_key = title_key(title_core(old.title)), title_key(title_core(new.title))
    same_title = old_key == new_key or (new.doc_number is None and old_key.endswith(new_key))
    issued = new_key in _issued_titles(old.title) or old_key in _issued_titles(new.title)
    return same_title or issued


def _issued_titles(title: str) -> frozenset[str]:
    """The titles a cited title issues, quoted right after an issuing verb: `关于印发〈甲方案〉的通知` → 甲方案.

    `关于实施〈甲意见〉有关问题的补充通知` issues no 甲意见: it is another document, cited on its own.
    """
    verbs = title_verbs(ISSUES)
    return frozenset(
        title_key(title_core(m["title"]))
        for m in _INNER_TITLE.finditer(title)
        if title[: m.start()].rstrip().endswith(verbs)
    )
