"""The output contract: every Parquet table's schema, declared once.

The writer validates against these, the tests check the written files against
them, and `tuogou docs` renders the README's data dictionary
from the same declarations, so the three can never drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa

from normalizers.industry import sections


DATE = pa.timestamp("ms")
"""Dates are written as midnight timestamps, not Arrow `date32`: plain pandas reads `date32` as Python
objects without `.dt`, a timestamp as datetime64 (with `.dt`, comparisons with `"2019-10-15"`,
`resample`); DuckDB reads TIMESTAMP, polars Datetime. Parquet has no second unit, so `ms` is what
every reader gets back."""

ENUM = pa.dictionary(pa.int32(), pa.string())
"""Enumerations are dictionary-encoded strings: pandas reads them as categoricals, polars as
Categorical, DuckDB as VARCHAR."""


ENUM_VALUES_KEY = b"values"
"""Field metadata holding an enumeration's values, in the order analyses show them."""


def _field(name: str, type_: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": description})


def _enum(name: str, values: Sequence[str], description: str, nullable: bool = True) -> pa.Field:
    """An enumeration: written with every value as a category, in this order, used or not, so
    `value_counts()` lists zeros and a chart's order is the same in every run."""
    metadata = {"description": description, ENUM_VALUES_KEY.decode(): json.dumps(list(values), ensure_ascii=False)}
    return pa.field(name, ENUM, nullable=nullable, metadata=metadata)


def enum_values(field: pa.Field) -> tuple[str, ...] | None:
    """The values an enumeration field may take, None for any other field."""
    raw = (field.metadata or {}).get(ENUM_VALUES_KEY)
    return tuple(json.loads(raw)) if raw is not None else None


STATUSES = ("decoupled", "planned", "deferred", "exempt", "not_decoupled", "deregistered", "unknown")
"""The values of associations.status; progress has a count column for each."""
LEVELS = ("central", "province", "city", "county")
SOURCE_FORMATS = ("pdf", "docx", "doc", "xlsx", "xls", "html", "txt")


_LABEL = _field(
    "locality", pa.string(), "readable label of the document's most specific place, from the province down (`河南省开封市`, `天津市河东区`), `中央` for central bodies; null when no place is known"
)
_PLACE = [
    _field("adcode", pa.string(), "6-digit GB/T 2260 code of the document's most specific locality; null for central bodies or when not settled"),
    _LABEL,
]
"""The document's place, carried by the tables whose rows come from one document."""

_LOCALITY = [
    _field("province", pa.string(), "province-level unit of the document, full official name; null for central bodies, when the place is not settled, and for a failed file"),
    _field("city", pa.string(), "prefecture-level city of the document (a municipality repeats itself); null above city level or when not settled"),
    _field("county", pa.string(), "county-level unit of the document; null above county level or when not settled"),
    _field("adcode", pa.string(), "6-digit GB/T 2260 code of the most specific locality; null when no place is settled"),
]

DOCUMENTS = pa.schema(
    [
        _field("doc_id", pa.string(), "first 16 hex digits of the SHA-256 of the file's bytes; a later byte-identical copy (warning duplicate_file) or a path that could not be read gets one derived from its path instead; unique per path, key of every table", False),
        _field("source_path", pa.string(), "path relative to the input folder, `/`-separated", False),
        _enum("source_format", SOURCE_FORMATS, "pdf, docx, doc, xlsx, xls, html or txt, taken from the file's bytes; null when the bytes are of no known format or the reader was stopped (timeout, crash)"),
        _field("sha256", pa.string(), "full hex digest of the file's bytes; null when they could not be read (not a regular file, a link to nothing or in a loop, permission denied)"),
        _field("pages", pa.int32(), "page count for paged formats; null for unpaged formats (DOCX, XLSX, HTML, TXT) and failed files"),
        _field("ocr", pa.bool_(), "true when any text came from OCR", False),
        _enum("status", ("ok", "partial", "failed"), "ok, partial (read, but a part or a check failed) or failed", False),
        _field("warnings", pa.list_(pa.string()), "machine-readable codes with detail, e.g. `no_text_layer: 12 pages`", False),
        _field("error", pa.string(), "for failed documents: one line saying why; null when the file was read"),
        _field("title", pa.string(), "the document's title (GB/T 9704 标题), without line breaks; null when none is found; null for a failed file"),
        _field("doc_number", pa.string(), "发文字号 normalised to 〔〕 brackets; null when none is printed; null for a failed file"),
        _field("issuers", pa.list_(pa.string()), "full names of the issuing bodies, in order; empty when none is named, null for a failed file"),
        _field("issue_date", DATE, "成文日期; for a page without one (a news report), its publication date; null when the document prints no date; null for a failed file"),
        _field("published", DATE, "the date a web page or news report was published: the 发布日期 or 发布时间 of its byline or disclosure table; null when no such date is printed (most formal notices)"),
        *_LOCALITY,
        _enum("admin_level", LEVELS, "level of the issuing government: central, province, city, county; null when the issuer's level is not settled; null for a failed file"),
        _field("publication", pa.string(), "publication note as printed (此件公开发布...); null when none is printed"),
        _field("stated_total", pa.int32(), "number of associations the document says its roster holds; null when no total is stated"),
        _field("roster_rows", pa.int32(), "rows this document contributed to associations.parquet (0 when it holds no roster); null for a failed file"),
        _field("text", pa.string(), "full extracted text in reading order; null for a failed file"),
        _field("document_key", pa.string(), "the same for every file carrying the same document (same 发文字号 and issuer, else same title and issue date, else near-identical text): the smallest doc_id among them; a failed file keeps its own doc_id (never null in practice)"),
        _field("primary", pa.bool_(), "the one copy of its document_key that analyses count (text layer over OCR, more roster rows, fewer warnings); false for the other copies and for failed files (never null in practice)"),
        _field("attachment_of", pa.string(), "document_key of the notice this file is an attachment of (from the manifest, a shared name stem, or the notice's 附件 title); null when it is no attachment"),
        _field("inherited", pa.list_(pa.string()), "the fields an attachment took from its notice because it prints none of its own (`issuers`, `issue_date`, `doc_number`, `place`); empty when it took none or is no attachment", False),
        _field("source_url", pa.string(), "where the file was downloaded from, as the manifest states it; null without a manifest row"),
        _field("retrieved", DATE, "the day the file was downloaded, as the manifest states it; null without a manifest row"),
        _LABEL,
    ]
)

ASSOCIATIONS = pa.schema(
    [
        _field("doc_id", pa.string(), "the document the line is printed in", False),
        _field("row", pa.int32(), "0-based order of the line within its document", False),
        _field("seq", pa.int32(), "the printed 序号; null when the line prints none"),
        _field("name_raw", pa.string(), "the name as extracted, cell line breaks joined; null when the name cell is empty"),
        _field("name", pa.string(), "normalised name; null when nothing of the printed name remains"),
        _field("association_key", pa.string(), "same value for every row, in any document, naming the same association; null when the line has no name"),
        _enum("kind", ("industry_association", "chamber_of_commerce", "regional_chamber", "federation", "promotion_association", "society", "other"), "industry_association, chamber_of_commerce, regional_chamber, federation, promotion_association, society, other; null when `name` is null"),
        _field("supervisor_raw", pa.string(), "supervising unit (业务主管单位) as printed; null when the row prints none"),
        _field("supervisor", pa.string(), "full normalised name of the supervising unit; null for 直接登记 and when the row prints no unit"),
        _field("supervisor_former", pa.bool_(), "the unit is marked former (原…) or no longer exists; null when the row names no unit or its fate is not known"),
        _field("supervisor_current", pa.string(), "the unit's successor after institutional reform, else the unit itself; null when the successor is not certain or the row names no unit"),
        _enum("registration", ("supervised", "direct"), "supervised when a unit is printed, direct for 直接登记; null when the row prints neither"),
        _field("status_raw", pa.string(), "status as printed, or the header of the marked column; null when the status comes from the context or nothing"),
        _enum("status", STATUSES, "decoupled, planned, deferred, exempt, not_decoupled, deregistered, unknown (what nothing speaks for; never null in practice)"),
        _field("note", pa.string(), "备注 text that is not the status; null when there is none"),
        *_LOCALITY,
        _field("page", pa.int32(), "1-based page the line is printed on, null for unpaged formats"),
        _field("table", pa.int32(), "0-based index of the table within the document; null for a roster printed as text lines"),
        _enum("industry", tuple(sections().values()), "GB/T 4754-2017 section (门类) the name points to, as `E 建筑业`: the last industry word of the name after its locality; null when the name names no industry (企业联合会, 工商联合会, the 商会 of a place)"),
        _field("document_key", pa.string(), "the document the row belongs to, as `documents.document_key`: group by it to count a document once whatever its files (never null in practice)"),
        _LABEL,
        _field("agency_key", pa.string(), "the supervising unit's key in agencies.parquet; null when the row names no unit (直接登记 or nothing printed)"),
    ]
)

MILESTONES = pa.schema(
    [
        _field("doc_id", pa.string(), "the document", False),
        _field("idx", pa.int32(), "order within the document", False),
        _field("date_text", pa.string(), "the date expression as printed (never null in practice)"),
        _field("start", DATE, "first day of the window, null when only an end is given"),
        _field("deadline", DATE, "last day the expression allows; null for a relative expression (`10个工作日内`)"),
        _enum("precision", ("day", "xun", "month", "quarter", "half", "year"), "day, xun, month, quarter, half or year; null for a relative expression"),
        _enum("kind", ("deadline", "period", "from", "relative"), "deadline, period, from or relative (never null in practice)"),
        _field("task", pa.string(), "what must happen: the clause without the date expression; null when the clause holds nothing else"),
        _field("sentence", pa.string(), "the whole sentence, for review (never null in practice)"),
        _field("page", pa.int32(), "1-based page, null for unpaged formats"),
        _field("document_key", pa.string(), "the document the row belongs to, as `documents.document_key`: group by it to count a document once whatever its files (never null in practice)"),
        *_PLACE,
        _enum("role", ("start", "phase", "finish", "review", "other"), "start, phase (a batch, pilot or step on the way), finish (by when the whole reform must be done), review or other, from the words nearest the date (`other` when none of them is printed; never null in practice)"),
    ]
)

CITATIONS = pa.schema(
    [
        _field("doc_id", pa.string(), "the citing document", False),
        _field("doc_number", pa.string(), "the cited 发文字号, normalised to 〔〕; null when the document is cited by title only"),
        _field("title", pa.string(), "the cited title without 《》; null when the document is cited by number only"),
        _field("short_name", pa.string(), "the abbreviation the text defines for it (以下简称《…》); null when none is defined"),
        _field("issuer", pa.string(), "the cited document's issuer when certain; null when the number's prefix does not settle it"),
        _field("document_key", pa.string(), "the document the row belongs to, as `documents.document_key`: group by it to count a document once whatever its files (never null in practice)"),
        *_PLACE,
        _field("cited_key", pa.string(), "one key per cited document, across documents: its 发文字号 (also for a title cited alone that another document cites with one number), else its title without 《》, closing qualifier (（试行）) or the 关于印发…的通知 wrapper of the plan it issues; never null"),
        _enum("cited_level", LEVELS, "level of the cited document's issuer: central, province, city or county; null when the issuer is not certain"),
        _field("page", pa.int32(), "1-based page where the citation is first printed, null for unpaged formats"),
    ]
)

AGENCIES = pa.schema(
    [
        _field("agency_key", pa.string(), "stable key of the supervising unit", False),
        _field("name", pa.string(), "full normalised name (never null in practice)"),
        _field("aliases", pa.list_(pa.string()), "every raw spelling seen", False),
        _field("former", pa.bool_(), "abolished or renamed; null when not known"),
        _field("successor", pa.string(), "full name of the successor, null when not former or unknown"),
        _field("province", pa.string(), "province of the unit; null for central bodies or when not settled"),
        _field("city", pa.string(), "city of the unit; null above city level or when not settled"),
        _field("county", pa.string(), "county of the unit; null above county level or when not settled"),
        _field("rows", pa.int32(), "number of roster lines that name it", False),
        _field("adcode", pa.string(), "6-digit GB/T 2260 code of the unit's place; null for central units or when its place is not settled (`河东区` alone)"),
        _enum("admin_level", LEVELS, "level of the government the unit belongs to: central, province (a municipality's own units too), city, county; null when its place is unknown"),
        _field("locality", pa.string(), "readable label of the unit's place (`湖南省邵阳市`, `中央` for central units); null when unknown"),
    ]
)

_STATUS_DOC = "decoupled, planned, deferred, exempt, not_decoupled, deregistered or unknown, as associations.status (never null in practice)"

ASSOCIATION_STATUS = pa.schema(
    [
        _field("association_key", pa.string(), "as associations.association_key", False),
        _field("name", pa.string(), "the name printed in the latest dated document that lists the association; null when no document prints one"),
        _field("document_key", pa.string(), "the notice the association is listed in, its attachments counted with it (primary copies only)", False),
        _field("date", DATE, "the notice's issue date, else its publication date, else the manifest's retrieved date; null when none is known"),
        _enum("status", STATUSES, _STATUS_DOC),
        _field("supervisor", pa.string(), "as associations.supervisor; null when the row names no supervising unit"),
        _field("supervisor_current", pa.string(), "as associations.supervisor_current; null when the row names no supervising unit"),
        _field("agency_key", pa.string(), "joins agencies.agency_key; null when the row names no supervising unit"),
        *_PLACE,
    ]
)

ASSOCIATIONS_LATEST = pa.schema(
    [
        _field("association_key", pa.string(), "as associations.association_key", False),
        _field("name", pa.string(), "the latest printed name; null when no document prints one"),
        _enum("status", STATUSES, "the latest known status: from the latest dated document (a dated one beats an undated one); unknown only when no document states one (never null in practice)"),
        _field("document_key", pa.string(), "the notice the status comes from", False),
        _field("date", DATE, "that notice's date (issue, else publication, else retrieved); null when none is known"),
        *_PLACE,
    ]
)

_COUNT = "distinct associations the notice and its attachments list as {}"

PROGRESS = pa.schema(
    [
        *_PLACE,
        _enum("admin_level", LEVELS, "level of the issuing government: central, province, city, county; null when not settled"),
        _field("document_key", pa.string(), "the notice (primary copies, attachments folded in)", False),
        _field("date", DATE, "the notice's issue date, else its publication date, else the manifest's retrieved date; null when none is known"),
        _field("listed", pa.int32(), "distinct associations the notice and its attachments list (0 for a notice with milestones only)", False),
        *(_field(status, pa.int32(), _COUNT.format(status), False) for status in STATUSES),
        _field("stated_total", pa.int32(), "the total of associations the notice states, else one an attachment states; null when none is stated"),
        _field("first_deadline", DATE, "earliest milestone deadline of the notice; null when it has no dated milestone"),
        _field("finish_deadline", DATE, "latest deadline of its milestones with role finish; null when it has none"),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "associations": ASSOCIATIONS,
    "milestones": MILESTONES,
    "citations": CITATIONS,
    "agencies": AGENCIES,
    "association_status": ASSOCIATION_STATUS,
    "associations_latest": ASSOCIATIONS_LATEST,
    "progress": PROGRESS,
}
"""Every output table, by the stem of its file name (`documents` → documents.parquet)."""


@dataclass(frozen=True)
class ForeignKey:
    """Columns of a table whose non-null values are always found in `references` of `table`."""

    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class TableInfo:
    """What a table holds and its keys: the database file, the data package and the workbook read them here."""

    description: str
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()


def _to_documents(*columns: str) -> tuple[ForeignKey, ...]:
    return tuple(ForeignKey((column,), "documents", ("doc_id",)) for column in columns)


_TO_AGENCIES = ForeignKey(("agency_key",), "agencies", ("agency_key",))

TABLE_INFO: dict[str, TableInfo] = {
    "documents": TableInfo(
        "one row per file under the input folder, read or not: what it is, who issued it, when, for which place, and how it was read",
        ("doc_id",),
        _to_documents("document_key", "attachment_of"),
    ),
    "associations": TableInfo(
        "one row per roster line of every file (copies included): the association, its supervising unit and status, with its provenance (doc_id, page, table, row)",
        ("doc_id", "row"),
        (*_to_documents("doc_id", "document_key"), _TO_AGENCIES),
    ),
    "milestones": TableInfo(
        "one row per date expression of a document: the deadline or window it sets and for which task",
        ("doc_id", "idx"),
        _to_documents("doc_id", "document_key"),
    ),
    "citations": TableInfo(
        "one row per document a document cites, by 《title》 or 发文字号",
        (),
        _to_documents("doc_id", "document_key"),
    ),
    "agencies": TableInfo(
        "one row per supervising unit (业务主管单位) the rosters name, with its fate in the institutional reform",
        ("agency_key",),
    ),
    "association_status": TableInfo(
        "one row per association and notice listing it (primary copies, attachments counted with their notice): each association's history",
        ("association_key", "document_key"),
        (*_to_documents("document_key"), _TO_AGENCIES),
    ),
    "associations_latest": TableInfo(
        "one row per association: its latest known status and the notice it comes from",
        ("association_key",),
        (
            ForeignKey(("association_key", "document_key"), "association_status", ("association_key", "document_key")),
            *_to_documents("document_key"),
        ),
    ),
    "progress": TableInfo(
        "one row per notice that lists associations or sets milestones: its counts per status, stated total and deadlines",
        ("document_key",),
        _to_documents("document_key"),
    ),
}
"""Every table's description and keys, declared once beside its schema; `tests/test_exports.py` checks the keys hold."""
