"""The output contract: every Parquet table's schema, declared once.

The writer validates against these, the tests check the written files against
them, and `python -m pipeline schema-doc` renders the README's data dictionary
from the same declarations, so the three can never drift apart.
"""

from __future__ import annotations

import pyarrow as pa


def _field(name: str, type_: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": description})


_LABEL = _field(
    "locality", pa.string(), "readable label of the document's most specific place, from the province down (`河南省开封市`, `天津市河东区`), `中央` for central bodies; null when no place is known"
)
_PLACE = [
    _field("adcode", pa.string(), "6-digit GB/T 2260 code of the document's most specific locality; null for central bodies or when not settled"),
    _LABEL,
]
"""The document's place, carried by the tables whose rows come from one document."""

_LOCALITY = [
    _field("province", pa.string(), "province-level unit of the document, full official name"),
    _field("city", pa.string(), "prefecture-level city of the document (a municipality repeats itself)"),
    _field("county", pa.string(), "county-level unit of the document"),
    _field("adcode", pa.string(), "6-digit GB/T 2260 code of the most specific locality"),
]

DOCUMENTS = pa.schema(
    [
        _field("doc_id", pa.string(), "first 16 hex digits of the SHA-256 of the file; key of every table", False),
        _field("source_path", pa.string(), "path relative to the input folder, `/`-separated", False),
        _field("source_format", pa.string(), "pdf, docx, doc, xlsx, xls, html or txt, taken from the file's bytes"),
        _field("sha256", pa.string(), "full hex digest of the file's bytes", False),
        _field("pages", pa.int32(), "page count for paged formats, else null"),
        _field("ocr", pa.bool_(), "true when any text came from OCR", False),
        _field("status", pa.string(), "ok, partial (read, but a part or a check failed) or failed", False),
        _field("warnings", pa.list_(pa.string()), "machine-readable codes with detail, e.g. `no_text_layer: 12 pages`", False),
        _field("error", pa.string(), "for failed documents: one line saying why"),
        _field("title", pa.string(), "the document's title (GB/T 9704 标题), without line breaks"),
        _field("doc_number", pa.string(), "发文字号 normalised to 〔〕 brackets"),
        _field("issuers", pa.list_(pa.string()), "full names of the issuing bodies, in order"),
        _field("issue_date", pa.date32(), "成文日期; for a page without one (a news report), its publication date"),
        _field("published", pa.date32(), "the date a web page or news report was published: the 发布日期 or 发布时间 of its byline or disclosure table"),
        *_LOCALITY,
        _field("admin_level", pa.string(), "level of the issuing government: central, province, city, county"),
        _field("publication", pa.string(), "publication note as printed (此件公开发布...)"),
        _field("stated_total", pa.int32(), "number of associations the document says its roster holds"),
        _field("roster_rows", pa.int32(), "rows this document contributed to associations.parquet"),
        _field("text", pa.string(), "full extracted text in reading order"),
        _LABEL,
    ]
)

ASSOCIATIONS = pa.schema(
    [
        _field("doc_id", pa.string(), "the document the line is printed in", False),
        _field("row", pa.int32(), "0-based order of the line within its document", False),
        _field("seq", pa.int32(), "the printed 序号"),
        _field("name_raw", pa.string(), "the name as extracted, cell line breaks joined"),
        _field("name", pa.string(), "normalised name"),
        _field("association_key", pa.string(), "same value for every row, in any document, naming the same association"),
        _field("kind", pa.string(), "industry_association, chamber_of_commerce, regional_chamber, federation, promotion_association, society, other"),
        _field("supervisor_raw", pa.string(), "supervising unit (业务主管单位) as printed"),
        _field("supervisor", pa.string(), "full normalised name of the supervising unit; null for 直接登记"),
        _field("supervisor_former", pa.bool_(), "the unit is marked former (原…) or no longer exists"),
        _field("supervisor_current", pa.string(), "the unit's successor after institutional reform, else the unit itself"),
        _field("registration", pa.string(), "supervised when a unit is printed, direct for 直接登记; null when the row prints neither"),
        _field("status_raw", pa.string(), "status as printed, or the header of the marked column"),
        _field("status", pa.string(), "decoupled, planned, deferred, exempt, not_decoupled, deregistered, unknown"),
        _field("note", pa.string(), "备注 text that is not the status"),
        *_LOCALITY,
        _field("page", pa.int32(), "1-based page the line is printed on, null for unpaged formats"),
        _field("table", pa.int32(), "0-based index of the table within the document"),
        _LABEL,
        _field("agency_key", pa.string(), "the supervising unit's key in agencies.parquet; null when the row names no unit (直接登记 or nothing printed)"),
    ]
)

MILESTONES = pa.schema(
    [
        _field("doc_id", pa.string(), "the document", False),
        _field("idx", pa.int32(), "order within the document", False),
        _field("date_text", pa.string(), "the date expression as printed"),
        _field("start", pa.date32(), "first day of the window, null when only an end is given"),
        _field("deadline", pa.date32(), "last day the expression allows"),
        _field("precision", pa.string(), "day, xun, month, quarter, half or year"),
        _field("kind", pa.string(), "deadline, period, from or relative"),
        _field("task", pa.string(), "what must happen: the clause without the date expression"),
        _field("sentence", pa.string(), "the whole sentence, for review"),
        _field("page", pa.int32(), "1-based page, null for unpaged formats"),
        *_PLACE,
        _field("role", pa.string(), "start, phase (a batch, pilot or step on the way), finish (by when the whole reform must be done), review or other, from the words nearest the date (`other` when none of them is printed)"),
    ]
)

CITATIONS = pa.schema(
    [
        _field("doc_id", pa.string(), "the citing document", False),
        _field("doc_number", pa.string(), "the cited 发文字号, normalised to 〔〕"),
        _field("title", pa.string(), "the cited title without 《》"),
        _field("short_name", pa.string(), "the abbreviation the text defines for it (以下简称《…》)"),
        _field("issuer", pa.string(), "the cited document's issuer when certain"),
        *_PLACE,
        _field("cited_key", pa.string(), "one key per cited document, across documents: its 发文字号 (also for a title cited alone that another document cites with one number), else its title without 《》, closing qualifier (（试行）) or the 关于印发…的通知 wrapper of the plan it issues; never null"),
        _field("cited_level", pa.string(), "level of the cited document's issuer: central, province, city or county; null when the issuer is not certain"),
        _field("page", pa.int32(), "1-based page where the citation is first printed, null for unpaged formats"),
    ]
)

AGENCIES = pa.schema(
    [
        _field("agency_key", pa.string(), "stable key of the supervising unit", False),
        _field("name", pa.string(), "full normalised name"),
        _field("aliases", pa.list_(pa.string()), "every raw spelling seen", False),
        _field("former", pa.bool_(), "abolished or renamed"),
        _field("successor", pa.string(), "full name of the successor, null when not former or unknown"),
        _field("province", pa.string(), "province of the unit"),
        _field("city", pa.string(), "city of the unit"),
        _field("county", pa.string(), "county of the unit"),
        _field("rows", pa.int32(), "number of roster lines that name it", False),
        _field("adcode", pa.string(), "6-digit GB/T 2260 code of the unit's place; null for central units or when its place is not settled (`河东区` alone)"),
        _field("admin_level", pa.string(), "level of the government the unit belongs to: central, province (a municipality's own units too), city, county; null when its place is unknown"),
        _field("locality", pa.string(), "readable label of the unit's place (`湖南省邵阳市`, `中央` for central units); null when unknown"),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "associations": ASSOCIATIONS,
    "milestones": MILESTONES,
    "citations": CITATIONS,
    "agencies": AGENCIES,
}
"""Every output table, by the stem of its file name (`documents` → documents.parquet)."""
