"""Open Office Open XML packages (.docx, .xlsx) with one-line errors, as both fail the same ways.

A Word or Excel file is a zip whose `_rels/.rels` names the main part; a file that
is no zip, or a zip missing that part, becomes a ReadError naming the cause instead
of the library's `PackageNotFoundError` or `KeyError`. A damaged part fails deep in
the library: python-docx and openpyxl build objects from XML without validating
it, so a mutated element or attribute name surfaces as an AttributeError or
TypeError, and zipfile refuses a mutated header with NotImplementedError. All of
them become `corrupt DOCX: …` or `corrupt XLSX: …`.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import ParseError

from lxml import etree

from readers import limits
from readers.model import ReadError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PACKAGE_RELS = "_rels/.rels"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT_TYPES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError)
"""What zipfile raises on a damaged archive or member (NotImplementedError: a header asks for a feature it lacks)."""
_XML_ERRORS = (etree.XMLSyntaxError, ParseError)
"""Broken XML as lxml (python-docx) and ElementTree (openpyxl's sheet reader) report it."""
_UNEXPECTED_CONTENT = (AttributeError, TypeError)
"""Well-formed XML of the wrong shape: a renamed element has no child list, a renamed attribute is an unknown argument."""
_OPEN_ERRORS = (*ZIP_ERRORS, *_XML_ERRORS, *_UNEXPECTED_CONTENT, KeyError, ValueError, OSError)
"""What python-docx and openpyxl raise on a damaged package (ValueError, OSError: no part of the right type)."""


@contextmanager
def opening_package(path: Path, fmt: str, application: str) -> Iterator[None]:
    """Check `path` is a whole package, then turn the errors of the library reading it into ReadError.

    Example: `with opening_package(path, "DOCX", "Word"): docx.Document(path)` on a zip
    without `word/document.xml` raises `ReadError("corrupt DOCX: missing part word/document.xml")`;
    an XLSX whose styles say `numFmtIx=` raises `corrupt XLSX: unexpected content: CellStyle.__init__()
    got an unexpected keyword argument 'numFmtIx'`. The whole read belongs in the block, as the
    libraries parse parts and attribute values lazily. libxml2 reports running out of memory as a
    syntax error; that becomes MemoryError.
    """
    _check_package(path, fmt, application)
    try:
        yield
    except _OPEN_ERRORS as exc:
        if isinstance(exc, etree.XMLSyntaxError) and exc.code == etree.ErrorTypes.ERR_NO_MEMORY:
            raise MemoryError(f"{fmt} XML parser out of memory") from exc  # the worker's limit, not a corrupt file
        # python-docx names the file it was given in some messages; the row already says which file it is
        raise ReadError(f"corrupt {fmt}: {_one_line(exc).replace(str(path), path.name)}") from exc


def _check_package(path: Path, fmt: str, application: str) -> None:
    """Raise ReadError unless `path` is a zip holding the main part its `_rels/.rels` names."""
    if not zipfile.is_zipfile(path):
        raise ReadError(f"not a zip archive: the .{fmt.lower()} file {_what_it_holds(path, application)}")
    try:
        with zipfile.ZipFile(path) as archive:
            check_unpacked_sizes(archive, limits.active())
            names = set(archive.namelist())
            if PACKAGE_RELS not in names:
                raise ReadError(f"corrupt {fmt}: missing part {PACKAGE_RELS}")
            main_part = _main_part(archive.read(PACKAGE_RELS))
    except (*ZIP_ERRORS, etree.XMLSyntaxError) as exc:
        raise ReadError(f"corrupt {fmt}: {_one_line(exc)}") from exc
    if main_part is None:
        raise ReadError(f"corrupt {fmt}: {PACKAGE_RELS} names no main document part")
    if main_part not in names:
        raise ReadError(f"corrupt {fmt}: missing part {main_part}")


def check_unpacked_sizes(archive: zipfile.ZipFile, caps: limits.Limits) -> None:
    """Refuse a zip bomb from its directory alone, before any member is unpacked.

    The declared sizes may lie, but `zipfile` never unpacks more than the size the
    directory declares (and then fails its CRC check), so checking them bounds the work.
    Example: a 5 KB DOCX whose `word/document.xml` declares 1 GB fails at once.
    """
    total = 0
    for member in archive.infolist():
        total += member.file_size
        if member.file_size > caps.max_unpacked_mb * limits.MB:
            raise _unpacks_to(f"zip member {member.filename} unpacks to", member.file_size, caps)
        ratio = member.file_size // max(member.compress_size, 1)
        if member.file_size > limits.RATIO_CHECKED_FROM_MB * limits.MB and ratio > limits.MAX_COMPRESSION_RATIO:
            raise limits.TooLarge(
                f"too large: zip member {member.filename} expands {ratio:,} times, over the limit of "
                f"{limits.MAX_COMPRESSION_RATIO} times for a member over {limits.RATIO_CHECKED_FROM_MB} MB (a zip bomb)"
            )
    if total > caps.max_unpacked_mb * limits.MB:
        raise _unpacks_to("the zip archive unpacks to", total, caps)


def _unpacks_to(what: str, size: int, caps: limits.Limits) -> limits.TooLarge:
    return limits.too_large(what, limits.megabytes(size), caps.max_unpacked_mb, "max-unpacked-mb", " MB")


def _main_part(rels_xml: bytes) -> str | None:
    """The zip member name of the officeDocument relationship: `/word/document.xml` → `word/document.xml`."""
    for rel in etree.fromstring(rels_xml).iter(f"{_RELS_NS}Relationship"):
        if rel.get("Type") in _OFFICE_DOCUMENT_TYPES and rel.get("Target"):
            return str(PurePosixPath(rel.get("Target", "").lstrip("/")))
    return None


def _what_it_holds(path: Path, application: str) -> str:
    """Say what a non-zip file is, as far as its first bytes tell: empty, OLE2 or something else."""
    with path.open("rb") as handle:
        head = handle.read(len(OLE2_MAGIC))
    if not head:
        return "is empty (0 bytes)"
    if head == OLE2_MAGIC:
        return f"is an OLE2 compound file (a legacy binary or a password-protected {application} file)"
    return f"holds no {application} package"


def _one_line(exc: BaseException) -> str:
    """The exception's message on one line, led by what kind of damage it is where the library's words do not say.

    Examples: `missing part word/document.xml` (a KeyError, without its quotes),
    `unexpected content: expected <class 'int'>`, `unsupported zip feature: zip file version 6.6`.
    """
    message = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    message = " ".join(message.split()) or type(exc).__name__
    if isinstance(exc, _UNEXPECTED_CONTENT):
        return f"unexpected content: {message}"
    if isinstance(exc, NotImplementedError):
        return f"unsupported zip feature: {message}"
    return message
