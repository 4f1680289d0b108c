"""Document metadata of an official document (公文): title, number, issuers, date, publication note, locality.

The extractors follow GB/T 9704-2012: the head gives the masthead, 发文字号 and title, the tail the
signature, 成文日期 and 附注; the issuers' names found there are written in full once the locality
they name is known (`自治区工业和信息化厅` → `宁夏回族自治区工业和信息化厅`). A web page adds its disclosure table
and byline (`page_info`), which fill what the page does not print, and its headline, the title of a news
report, or the heading of a document that is only a roster; a page without any 成文日期 is dated by its
publication.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from extractors.head import read_head
from extractors.headline import find_headline, find_roster_heading
from extractors.issuers import full_issuer_name, merge_issuers, split_joint_issuers
from extractors.lines import printed_lines
from extractors.locality import document_locality
from extractors.page_info import read_page_info
from extractors.publication import find_publication
from extractors.signature import find_signature
from normalizers.locality import Locality
from readers.model import Document


@dataclass(frozen=True)
class Metadata:
    """The documents.parquet fields of one document; `locality.level` is its admin_level."""

    title: str | None
    doc_number: str | None
    issuers: tuple[str, ...]
    issue_date: date | None
    publication: str | None
    locality: Locality
    warnings: list[str] = field(default_factory=list)
    published: date | None = None


def extract_metadata(document: Document) -> Metadata:
    """Read head, signature and 附注, settle the locality, then write the issuers in full.

    Example: masthead `宁夏回族自治区工业和信息化厅`, title `自治区工业和信息化厅关于…的通知`, signature dated
    `2019年10月15日`, `（此件公开发布）` → one issuer, 2019-10-15, `此件公开发布`, 宁夏回族自治区 at province level.
    """
    lines = printed_lines(document)
    head = read_head(document, lines)
    signature = find_signature(lines)
    page = read_page_info(document, lines)
    title_issuers = head.title.issuers if head.title else ()
    signers = signature.issuers if signature else ()
    printed_names = [*head.masthead, *title_issuers, *signers] or list(page.issuers)
    printed = [body for name in printed_names for body in split_joint_issuers(name)]
    title = head.title.text if head.title else page.title or find_headline(document) or find_roster_heading(document)
    doc_number = head.doc_number or page.doc_number
    clues = [*([title] if title else []), *(signature.lines if signature else ())]
    locality, warnings = document_locality(document, lines, printed, doc_number, clues)
    return Metadata(
        title=title,
        doc_number=doc_number,
        issuers=merge_issuers(full_issuer_name(name, locality) for name in printed),
        issue_date=signature.issue_date if signature else page.issue_date or page.published,
        publication=find_publication(lines),
        locality=locality,
        warnings=warnings,
        published=page.published,
    )
