"""The optional manifest: what a user knows about each file, stated once, winning over what is inferred.

`INPUT/manifest.csv` (or `--manifest FILE`) has one row per file: `path` (relative to the
input folder) and any of `url`, `retrieved`, `locality`, `adcode`, `published`,
`attachment_of` (the path of the notice the file is attached to). A manifest is never
required, so a bad row does not stop the run: it is ignored and named in `errors`
(`manifest.csv line 4 (a/x.pdf): unknown adcode 999999`), which the run prints and reports.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from normalizers.locality import Locality, division_locality

MANIFEST_NAME = "manifest.csv"
COLUMNS = ("path", "url", "retrieved", "locality", "adcode", "published", "attachment_of")


@dataclass(frozen=True)
class ManifestEntry:
    """What the manifest states about one file; None where it states nothing."""

    url: str | None = None
    retrieved: date | None = None
    published: date | None = None
    locality: Locality | None = None
    attachment_of: str | None = None


@dataclass(frozen=True)
class Manifest:
    """The usable rows by path, one line per bad row, and a digest of the file for the run's fingerprint."""

    entries: dict[str, ManifestEntry] = field(default_factory=dict)
    errors: tuple[str, ...] = ()
    digest: str = ""


class _BadRow(ValueError):
    """A row the manifest cannot use; the message says which value is wrong."""


def manifest_file(input_dir: Path, given: Path | None) -> Path | None:
    """The manifest to read: the one given, else `INPUT/manifest.csv` when present, else None."""
    if given is not None:
        return given
    default = input_dir / MANIFEST_NAME
    return default if default.is_file() else None


def read_manifest(path: Path | None, known_paths: Collection[str]) -> Manifest:
    """Read the manifest; rows naming a file not in `known_paths`, or with a bad value, are left out and named."""
    if path is None:
        return Manifest()
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        return Manifest(errors=(f"{path.name}: cannot be read as UTF-8 CSV: {error}",))
    reader = csv.DictReader(text.splitlines())
    digest = hashlib.sha256(data).hexdigest()
    if "path" not in (reader.fieldnames or ()):
        return Manifest(errors=(f"{path.name}: no `path` column; the manifest is ignored",), digest=digest)
    entries: dict[str, ManifestEntry] = {}
    errors: list[str] = []
    for row in reader:
        where = f"{path.name} line {reader.line_num} ({(row.get('path') or '').strip() or 'no path'})"
        try:
            source_path, entry = _entry(row, known_paths)
            if source_path in entries:
                raise _BadRow("the file is listed twice; the first row is used")
            entries[source_path] = entry
        except _BadRow as error:
            errors.append(f"{where}: {error}")
    return Manifest(entries, tuple(errors), digest)


def _entry(row: dict[str, str | None], known_paths: Collection[str]) -> tuple[str, ManifestEntry]:
    values = {name: (row.get(name) or "").strip() or None for name in COLUMNS}
    source_path = _known(values["path"], known_paths, "path")
    locality = None
    if values["adcode"] or values["locality"]:
        locality = division_locality(values["adcode"] or values["locality"] or "")
        if locality is None:
            named = f"adcode {values['adcode']}" if values["adcode"] else f"locality {values['locality']}"
            raise _BadRow(f"unknown {named}")
    attachment_of = _known(values["attachment_of"], known_paths, "attachment_of") if values["attachment_of"] else None
    if attachment_of == source_path:
        raise _BadRow("attachment_of names the file itself")
    entry = ManifestEntry(
        url=values["url"],
        retrieved=_date(values["retrieved"], "retrieved"),
        published=_date(values["published"], "published"),
        locality=locality,
        attachment_of=attachment_of,
    )
    return source_path, entry


def _known(value: str | None, known_paths: Collection[str], column: str) -> str:
    path = (value or "").replace("\\", "/").removeprefix("./")
    if not path:
        raise _BadRow(f"no {column}")
    if path not in known_paths:
        raise _BadRow(f"{column} names no file of the input folder: {path}")
    return path


def _date(value: str | None, column: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _BadRow(f"{column} is not a date as YYYY-MM-DD: {value}") from None
