"""Leave out the broken side parts of an Office package, because one lost picture must not cost the whole text.

A .docx names its parts through relationships (`word/_rels/document.xml.rels`
→ `media/image1.png`, `styles.xml`, `header1.xml`). A relationship to a part the
zip lacks, or to a part that cannot be read (bad CRC, broken XML), makes
python-docx fail on the whole file. Such relationships are dropped from a
repaired copy, each with a warning (`missing_part: word/media/image1.png`,
`corrupt_part: word/styles.xml`); only the main part is essential, and its
absence or damage stays a failure.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from readers.ooxml import ZIP_ERRORS

MISSING_PART = "missing_part"
CORRUPT_PART = "corrupt_part"
PACKAGE_RELS = "_rels/.rels"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
"""The relationship type of the main part, in the transitional and strict namespaces."""
_READ_CHUNK = 1 << 20
_XML_SUFFIXES = (".xml", ".rels")
_UNREADABLE = (*ZIP_ERRORS, OSError)


@dataclass
class Repair:
    """Which relationships to drop per `.rels` member, which members to leave out, and the warnings."""

    dropped_targets: dict[str, set[str]] = field(default_factory=dict)
    dropped_members: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def readable_package(path: Path) -> tuple[Path | io.BytesIO, list[str]]:
    """The package itself when whole, else a repaired copy in memory, and a warning per part left out.

    Example: a .docx whose `word/media/image1.png` is absent gives a copy without the
    image relationship and `['missing_part: word/media/image1.png']`.
    """
    with zipfile.ZipFile(path) as archive:
        repair = _find_broken_parts(archive)
        if not repair.warnings:
            return path, []
        return _repaired_copy(archive, repair), repair.warnings


def _find_broken_parts(archive: zipfile.ZipFile) -> Repair:
    """Check every part a relationship points at, except the main part (its damage is the caller's failure)."""
    names = set(archive.namelist())
    repair = Repair()
    checked: dict[str, str | None] = dict.fromkeys(_main_parts(archive))
    for rels in sorted(name for name in names if name.endswith(".rels")):
        if rels != PACKAGE_RELS and (problem := _problem(archive, rels)) is not None:
            repair.dropped_members.add(rels)
            repair.warnings.append(f"{CORRUPT_PART}: {rels} ({problem})")
            continue
        for target in _internal_targets(archive, rels):
            if target not in checked:
                checked[target] = "missing" if target not in names else _problem(archive, target)
                if checked[target] is not None:
                    code = MISSING_PART if checked[target] == "missing" else CORRUPT_PART
                    detail = "" if code == MISSING_PART else f" ({checked[target]})"
                    repair.warnings.append(f"{code}: {target}{detail}")
                    repair.dropped_members.add(target)
            if checked[target] is not None:
                repair.dropped_targets.setdefault(rels, set()).add(target)
    return repair


def _main_parts(archive: zipfile.ZipFile) -> list[str]:
    """The main document part(s) `_rels/.rels` names (`word/document.xml`): essential, never left out."""
    root = etree.fromstring(archive.read(PACKAGE_RELS))
    return [
        _member_name(PurePosixPath(), rel.get("Target") or "")
        for rel in root.iter(f"{_RELS_NS}Relationship")
        if (rel.get("Type") or "").endswith(_OFFICE_DOCUMENT)
    ]


def _internal_targets(archive: zipfile.ZipFile, rels: str) -> list[str]:
    """The member names a `.rels` member points at: in `word/_rels/document.xml.rels`, `media/a.png` → `word/media/a.png`."""
    base = PurePosixPath(rels).parent.parent
    targets = []
    for rel in etree.fromstring(archive.read(rels)).iter(f"{_RELS_NS}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") != "External" and target:
            targets.append(_member_name(base, target))
    return targets


def _member_name(base: PurePosixPath, target: str) -> str:
    """Resolve a relationship target against its source folder: `('word', '../customXml/item1.xml')` → `customXml/item1.xml`."""
    parts: list[str] = [] if target.startswith("/") else list(base.parts)
    for piece in target.split("/"):
        if piece == "..":
            parts = parts[:-1]
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def _problem(archive: zipfile.ZipFile, name: str) -> str | None:
    """Why a member cannot be read (bad CRC, bad compression, broken XML), or None; read in chunks, not held."""
    try:
        with archive.open(name) as member:
            if name.endswith(_XML_SUFFIXES):
                etree.parse(member)
            else:
                while member.read(_READ_CHUNK):
                    pass
    except etree.XMLSyntaxError:
        return "broken XML"
    except _UNREADABLE as exc:
        return " ".join(str(exc).split()) or type(exc).__name__
    return None


def _repaired_copy(archive: zipfile.ZipFile, repair: Repair) -> io.BytesIO:
    """A copy of the package without the dropped members and the relationships to them."""
    copy = io.BytesIO()
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            if info.filename in repair.dropped_members:
                continue
            data = archive.read(info.filename)
            if info.filename in repair.dropped_targets:
                base = PurePosixPath(info.filename).parent.parent
                data = _without_relationships(data, base, repair.dropped_targets[info.filename])
            out.writestr(info.filename, data)
    copy.seek(0)
    return copy


def _without_relationships(rels_xml: bytes, base: PurePosixPath, targets: set[str]) -> bytes:
    """The `.rels` XML without the relationships pointing at `targets`."""
    root = etree.fromstring(rels_xml)
    for rel in list(root.iter(f"{_RELS_NS}Relationship")):
        if rel.get("TargetMode") != "External" and _member_name(base, rel.get("Target") or "") in targets:
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
