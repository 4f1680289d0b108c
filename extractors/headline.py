"""The headline of a web page or news report, the title of a document that prints no formal one.

A portal article or a news report opens with a headline (`<h1>`, the page `<title>`, the first lines of
a saved text copy, which readers mark as headings) rather than a GB/T 9704 title ending in a 文种:
`某市召开行业协会商会与行政机关脱钩改革推进会`. A `<title>` also names the site
(`…推进会_工作动态_某市人民政府门户网站`); that part is dropped. A headline heads prose: a heading over a
table or a list (`某市第一批脱钩试点名单`) is a roster's caption, not a title, unless the document is only
that roster (a worksheet, or a page holding a heading, a note and the table, and no sentence anywhere):
then its heading is all the title it has, whatever its noun (`…名单`, `…工作情况汇总表`).
"""

from __future__ import annotations

import re

from extractors.issuers import issuer_names
from extractors.page_info import disclosure_pairs, is_info_line
from extractors.roster_attachments import without_attachment_label
from extractors.roster_context import is_caption, table_title
from extractors.roster_tables import find_header
from extractors.title import MAX_TITLE_LENGTH, compose_title
from normalizers.page_vocabulary import site_name_endings
from normalizers.roster_context_vocabulary import introduces_list, names_list, opens_notes
from readers.model import Block, BlockKind, Document, join_cell_lines
from readers.page_title import title_parts

NOT_IN_HEADLINE = re.compile(r"[。；;！!？?]")
"""A line with a full stop is a sentence of the report, not its headline."""
HAS_CHINESE = re.compile(r"[\u4e00-\u9fff]{4}")
"""A heading says something: four characters at least, not a number or a bracketed mark alone."""
LABEL_OR_COUNT = re.compile(r"[：:]|^[（(].*[）)]$|^共\s*[\d一二三四五六七八九十百]+\s*[个家]")
"""A label and its value (`填报单位：…`), a bracketed note (`（共6家）`), a count line (`共8个`)."""
PROSE = re.compile(r"[。，,；;：:]")
"""What the text under a headline holds: sentences, or the addressees of a notice (`各有关单位：`)."""


def find_headline(document: Document) -> str | None:
    """The leading heading of a document, joined over its lines and without the site's name, else None.

    Example: HEADING `某市召开脱钩改革` / HEADING `推进会` → `某市召开脱钩改革推进会`; HEADING
    `关于做好脱钩工作的通知_通知公告_某市人民政府网` → `关于做好脱钩工作的通知`; a paragraph first → None.
    """
    lines = _leading_heading(document.blocks)
    if not lines:
        return None
    text = join_cell_lines("\n".join(lines))
    if len(text) > MAX_TITLE_LENGTH or NOT_IN_HEADLINE.search(text):
        return None
    headline = _without_site_name(text)
    if not headline or issuer_names(headline) is not None:
        return None
    return compose_title(headline).text


def _leading_heading(blocks: list[Block]) -> list[str]:
    """The lines of the first run of headings, past page furniture before it, when prose follows it."""
    lines: list[str] = []
    for block in blocks:
        if _is_furniture(block):
            continue
        if block.kind is BlockKind.HEADING:
            lines.extend(line.strip() for line in block.text.splitlines() if line.strip())
            continue
        if lines and not block.is_table and _squeeze(block.text) in _squeeze("".join(lines)):
            continue  # the headline printed again under the page title
        return lines if lines and not block.is_table and PROSE.search(block.text) else []
    return []


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _is_furniture(block: Block) -> bool:
    """A disclosure table, or text made only of bylines and label lines."""
    if block.is_table:
        return disclosure_pairs(block) is not None
    return all(is_info_line(line.strip()) for line in block.text.splitlines() if line.strip())


def _without_site_name(text: str) -> str | None:
    """The longest part of `text` once the parts naming a site or a body are dropped; the whole when none does."""
    parts = title_parts(text)
    kept = [part for part in parts if not _names_site(part)]
    if len(kept) == len(parts):
        return text
    return max(kept, key=len, default=None)


def _names_site(part: str) -> bool:
    """`某市人民政府门户网站`, `中国政府网`, `某省民政厅`: a site's or a body's name."""
    return part.endswith(site_name_endings()) or issuer_names(part) is not None


def find_roster_heading(document: Document) -> str | None:
    """The heading of a document that is only a roster, else None.

    Example: `附件2` / `某县第二批脱钩试点名单` / `（共6家）` / a roster table → `某县第二批脱钩试点名单`, also
    when the heading is a title row of the table above its header, and when notes follow the table
    under their label (`填表说明` / `1.本名单收录…。`); the same with a sentence anywhere else (a
    notice) → None; a note that introduces the list (`列入名单的协会共6个`) is no heading.
    """
    first_table = next((i for i, block in enumerate(document.blocks) if block.is_table), None)
    if first_table is None or find_header(document.blocks[first_table].rows) is None:
        return None
    before, after = document.blocks[:first_table], document.blocks[first_table:]
    if not all(is_caption(text) for text in [*_text_lines(before), *_without_notes(_text_lines(after))]):
        return None
    above = [*_text_lines(before), table_title(document.blocks[first_table])]
    labelled = (without_attachment_label(text) for text in above if text)
    headings = [heading for heading in labelled if _is_heading(heading)]
    return next((text for text in headings if names_list(text)), headings[0] if headings else None)


def _is_heading(text: str) -> bool:
    """A roster's heading whatever its noun (`…名单`, `…情况汇总表`), not a note around it: a label line
    (`填报单位：某县民政局 共8个`), a count (`（共6家）`), a note introducing the list (`列入名单的协会共6个`),
    or a body's name alone (`某县民政局`)."""
    return (
        HAS_CHINESE.search(text) is not None
        and LABEL_OR_COUNT.search(text) is None
        and not introduces_list(text)
        and issuer_names(text) is None
    )


def _without_notes(lines: list[str]) -> list[str]:
    """The lines before the notes that close a roster file (`填表说明`, `注：…` and all after it)."""
    start = next((i for i, line in enumerate(lines) if opens_notes(line)), len(lines))
    return lines[:start]


def _text_lines(blocks: list[Block]) -> list[str]:
    return [line.strip() for block in blocks if not block.is_table for line in block.text.splitlines() if line.strip()]
