"""Document identity: copies of a document share a `document_key`, one is `primary`, attachments name their notice.

A notice is published as a portal page, a PDF and a DOCX, and its roster as a separate
XLSX; each file is read on its own, so which files carry one document can only be
settled once all are read. Nothing here reads a file again: it works on the documents
rows (cached or fresh) and is recomputed every run, which is cheap.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import PurePosixPath

from rapidfuzz import fuzz

from extractors.roster_attachments import ROSTER_MISSING, announced_rosters, without_attachment_label
from normalizers.attachment_names import is_attachment_name, normal_stem
from normalizers.divisions import locality_label
from pipeline.extract import Row
from pipeline.manifest import Manifest
from readers.model import Block, BlockKind

MIN_SIMILAR_TEXT = 200
"""Characters of normalised text below which two texts are too short to call the same document."""
SIMILAR_TEXT_LENGTH_RATIO = 0.9
SIMILAR_TEXT_SCORE = 95.0
"""rapidfuzz ratio (0–100) of normalised texts from which two files carry the same document."""
COMPARED_TEXT_CHARS = 20_000
SHINGLE_CHARS = 8
ANCHOR_EVERY = 16
"""A shingle is an anchor when its first character's code point is a multiple of this: chosen by
content, so an insertion early in one copy does not shift the anchors after it."""
COMMON_ANCHOR_DOCUMENTS = 50
"""Anchors in more documents than this are boilerplate (`行业协会商会与行政机关脱钩`): they say nothing."""
SHARED_ANCHOR_SHARE = 0.5
"""Share of the smaller document's anchors two files must share before their texts are compared in full."""
TITLE_MATCH_SCORE = 90.0
"""rapidfuzz ratio from which a file's title or name is the roster a notice announces."""
PLACE_FIELDS = ("province", "city", "county", "adcode", "admin_level", "locality")
ROW_PLACE_FIELDS = ("province", "city", "county", "adcode", "locality")
_NOT_A_WORD = re.compile(r"[\W_]+")


def settle_identity(documents: Sequence[Row], manifest: Manifest = Manifest()) -> list[Row]:
    """The documents rows with `document_key`, `primary`, `attachment_of`, `source_url` and `retrieved` filled.

    The manifest's values win; attachments then inherit what they lack from their notice's
    primary copy, and a notice whose announced roster is found loses its `roster_missing`.
    """
    rows = [_with_manifest(dict(row), manifest) for row in documents]
    keys = _document_keys(rows)
    for row, key in zip(rows, keys, strict=True):
        row["document_key"] = key
    notices = _attachment_links(rows, manifest)
    for row, notice_key in zip(rows, notices, strict=True):
        row["attachment_of"] = notice_key
    _clear_found_rosters(rows, {key for key in notices if key})
    primaries = _primaries(rows)
    for row in rows:
        row["primary"] = id(row) in primaries
    by_key = {row["document_key"]: row for row in rows if row["primary"]}
    for row in rows:
        notice = by_key.get(row["attachment_of"])
        row["inherited"] = _inherit(row, notice) if notice is not None else []
    return rows


def _with_manifest(row: Row, manifest: Manifest) -> Row:
    entry = manifest.entries.get(row["source_path"])
    row["source_url"] = entry.url if entry else None
    row["retrieved"] = entry.retrieved if entry else None
    if entry is None:
        return row
    if entry.published is not None:
        row["published"] = entry.published
    if entry.locality is not None:
        place = {**asdict(entry.locality), "admin_level": entry.locality.level, "locality": locality_label(entry.locality)}
        row.update({field: place[field] for field in PLACE_FIELDS})
    return row


def _document_keys(rows: Sequence[Row]) -> list[str]:
    """One key per group of copies: the smallest doc_id of the group, so it depends on the files alone.

    Copies are byte-identical files, files with one 发文字号 or one title and date, or near-identical texts.
    """
    groups = _UnionFind(len(rows))
    readable = [i for i, row in enumerate(rows) if row["status"] != "failed"]
    for index_by in (_by_content, _by_number, _by_title):
        for members in index_by(rows, readable).values():
            for one, other in zip(members, members[1:]):
                if _compatible(rows[one], rows[other]):
                    groups.join(one, other)
    for one, other in _similar_texts(rows, readable):
        groups.join(one, other)
    smallest: dict[int, str] = {}
    for i, row in enumerate(rows):
        root = groups.find(i)
        smallest[root] = min(smallest.get(root, row["doc_id"]), row["doc_id"])
    return [smallest[groups.find(i)] for i in range(len(rows))]


def _by_content(rows: Sequence[Row], indices: Iterable[int]) -> dict[str, list[int]]:
    """Byte-identical files (one SHA-256 under several paths) carry one document, however short its text."""
    found: defaultdict[str, list[int]] = defaultdict(list)
    for i in indices:
        found[rows[i]["sha256"]].append(i)
    return found


def _by_number(rows: Sequence[Row], indices: Iterable[int]) -> dict[str, list[int]]:
    found: defaultdict[str, list[int]] = defaultdict(list)
    for i in indices:
        if rows[i].get("doc_number"):
            found[rows[i]["doc_number"]].append(i)
    return found


def _by_title(rows: Sequence[Row], indices: Iterable[int]) -> dict[tuple[str, object], list[int]]:
    found: defaultdict[tuple[str, object], list[int]] = defaultdict(list)
    for i in indices:
        title, issued = _normal(rows[i].get("title")), rows[i].get("issue_date")
        if title and issued is not None:
            found[(title, issued)].append(i)
    return found


def _compatible(one: Row, other: Row) -> bool:
    """Two files agreeing on number or title are one document unless their issuers or numbers differ."""
    issuers, others = set(one.get("issuers") or ()), set(other.get("issuers") or ())
    numbers = {one.get("doc_number"), other.get("doc_number")} - {None}
    return (not issuers or not others or bool(issuers & others)) and len(numbers) <= 1


def _similar_texts(rows: Sequence[Row], indices: Iterable[int]) -> list[tuple[int, int]]:
    """Pairs of files whose normalised texts are near-identical.

    Comparing every pair in full is quadratic in long texts, so candidates come first from
    shared anchor shingles (an inverted index), and only they are compared with rapidfuzz.
    """
    normalised = {i: _normal(rows[i].get("text"))[:COMPARED_TEXT_CHARS] for i in indices}
    texts = {i: text for i, text in normalised.items() if len(text) >= MIN_SIMILAR_TEXT}
    anchors = {i: _anchors(text) for i, text in texts.items()}
    holders: defaultdict[str, list[int]] = defaultdict(list)
    for i, shingles in anchors.items():
        for shingle in shingles:
            holders[shingle].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for found in holders.values():
        if len(found) <= COMMON_ANCHOR_DOCUMENTS:
            shared.update(itertools.combinations(found, 2))
    pairs = []
    for (one, other), count in sorted(shared.items()):
        short, long = sorted((len(texts[one]), len(texts[other])))
        enough = count >= SHARED_ANCHOR_SHARE * min(len(anchors[one]), len(anchors[other]))
        if enough and short >= long * SIMILAR_TEXT_LENGTH_RATIO:
            if fuzz.ratio(texts[one], texts[other], score_cutoff=SIMILAR_TEXT_SCORE):
                pairs.append((one, other))
    return pairs


def _anchors(text: str) -> set[str]:
    """The shingles of a text that start at a character chosen by its code point (a deterministic sample)."""
    return {
        text[i : i + SHINGLE_CHARS]
        for i in range(len(text) - SHINGLE_CHARS + 1)
        if ord(text[i]) % ANCHOR_EVERY == 0
    }


def _attachment_links(rows: Sequence[Row], manifest: Manifest) -> list[str | None]:
    """For each file, the key of the notice it is attached to: the manifest's, else by name stem, else by title."""
    by_path = {row["source_path"]: row for row in rows}
    folders: defaultdict[str, _Folder] = defaultdict(_Folder)
    for row in rows:
        if row["status"] != "failed":
            folders[_folder(row)].add(row)
    links: list[str | None] = []
    for row in rows:
        entry = manifest.entries.get(row["source_path"])
        if entry is not None and entry.attachment_of is not None:
            links.append(by_path[entry.attachment_of]["document_key"])
        elif row["status"] == "failed":
            links.append(None)
        else:
            folder = folders[_folder(row)]
            links.append(_by_stem(row, folder) or _by_announced_title(row, folder))
    return links


class _Folder:
    """The readable files of one folder, indexed so a file meets only the neighbours that can be its notice:
    those whose name stem opens its own, and those announcing a roster (a folder may hold thousands)."""

    def __init__(self) -> None:
        self.by_stem: defaultdict[str, list[Row]] = defaultdict(list)
        self.announcing: list[tuple[Row, list[str]]] = []

    def add(self, row: Row) -> None:
        self.by_stem[normal_stem(PurePosixPath(row["source_path"]).stem)].append(row)
        if announced := _announced(row):
            self.announcing.append((row, announced))

    def stem_prefixes(self, row: Row) -> Iterator[Row]:
        """Neighbours of another document whose name stem is a shorter opening of the row's."""
        stem = normal_stem(PurePosixPath(row["source_path"]).stem)
        for end in range(1, len(stem)):
            yield from (n for n in self.by_stem.get(stem[:end], ()) if n["document_key"] != row["document_key"])


def _by_stem(row: Row, folder: _Folder) -> str | None:
    stem = PurePosixPath(row["source_path"]).stem
    keys = {
        n["document_key"]
        for n in folder.stem_prefixes(row)
        if is_attachment_name(stem, PurePosixPath(n["source_path"]).stem)
    }
    return keys.pop() if len(keys) == 1 else None


def _by_announced_title(row: Row, folder: _Folder) -> str | None:
    """The notice whose announced roster best matches the file's title or name; None when none or a tie."""
    if not row.get("roster_rows"):
        return None
    own_names = (row.get("title"), PurePosixPath(row["source_path"]).stem)
    names = [_normal(without_attachment_label(name)) for name in own_names if name]
    best: dict[str, float] = {}
    for notice, announced in folder.announcing:
        if notice["document_key"] == row["document_key"]:
            continue
        for title in announced:
            score = max((fuzz.ratio(name, _normal(title)) for name in names if name), default=0.0)
            if score >= TITLE_MATCH_SCORE:
                best[notice["document_key"]] = max(best.get(notice["document_key"], 0.0), score)
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _announced(row: Row) -> list[str]:
    """The rosters a notice announces (`附件：…名单`), read again from its text lines."""
    text = row.get("text") or ""
    return announced_rosters([Block(BlockKind.PARAGRAPH, text=line) for line in text.splitlines()]) if text else []


def _clear_found_rosters(rows: Sequence[Row], found: set[str]) -> None:
    """Drop `roster_missing` from the copies of a notice whose roster was found as an attachment."""
    for row in rows:
        if row["document_key"] in found and row["status"] != "failed":
            row["warnings"] = [w for w in row["warnings"] if w.split(":", 1)[0].strip() != ROSTER_MISSING]
            row["status"] = "partial" if row["warnings"] else "ok"


def _primaries(rows: Sequence[Row]) -> set[int]:
    """Per key, the most complete reading: text layer over OCR, more roster rows, fewer warnings, then doc_id."""
    best: dict[str, Row] = {}
    for row in rows:
        if row["status"] == "failed":
            continue
        current = best.get(row["document_key"])
        if current is None or _completeness(row) < _completeness(current):
            best[row["document_key"]] = row
    return {id(row) for row in best.values()}


def _completeness(row: Row) -> tuple[object, ...]:
    rows = row.get("roster_rows") or 0
    return (bool(row.get("ocr")), -rows, len(row["warnings"]), row["doc_id"], row["source_path"])


def _inherit(row: Row, notice: Row) -> list[str]:
    """Fill what an attachment lacks from its notice: issuers, issue date, 发文字号, and its place as a whole.

    Returns the fields filled (`place` for the place fields), so a reader can tell what the
    file prints from what it was given.
    """
    inherited = []
    if not row.get("issuers") and notice.get("issuers"):
        row["issuers"] = list(notice["issuers"])
        inherited.append("issuers")
    for field in ("issue_date", "doc_number"):
        if row.get(field) is None and notice.get(field) is not None:
            row[field] = notice[field]
            inherited.append(field)
    placed = row.get("adcode") is not None or row.get("province") is not None
    if not placed and any(notice.get(field) is not None for field in PLACE_FIELDS):
        row.update({field: notice.get(field) for field in PLACE_FIELDS})
        inherited.append("place")
    return inherited


def _folder(row: Row) -> str:
    return str(PurePosixPath(row["source_path"]).parent)


def _normal(text: str | None) -> str:
    """Text without layout: NFKC, no white space or punctuation, so a page and a PDF of it compare equal."""
    return _NOT_A_WORD.sub("", unicodedata.normalize("NFKC", text or ""))


class _UnionFind:
    """Groups of indices joined pairwise; `find` gives the group's representative."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, one: int, other: int) -> None:
        self.parent[max(self.find(one), self.find(other))] = min(self.find(one), self.find(other))
