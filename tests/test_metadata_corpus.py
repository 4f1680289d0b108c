"""Metadata of the corpus files equals their gold; the scan, which has no text yet, is checked on its seed text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS_DOCUMENTS, GOLD

from extractors.metadata import Metadata, extract_metadata
from pipeline.model import Block, BlockKind, Document, ReadError
from pipeline.readers import reader_for
from pipeline.sniff import sniff_format

FIELDS = ("title", "doc_number", "issuers", "issue_date", "publication", "province", "city", "county", "adcode", "admin_level")
WHITE_SPACE = re.compile(r"\s+")
SEEDS = Path("/work/shared/corpus/seeds")
MARKUP = re.compile(r"^[#\s]*|\*\*|\s+$")
"""The seeds are Markdown: headings (`## `), bold (`**…**`) and line-break spaces are not text."""


def _gold(name: str) -> dict[str, Any]:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def _fields(metadata: Metadata) -> dict[str, Any]:
    """The documents.parquet values of the metadata, as the gold writes them."""
    locality = metadata.locality
    return {
        "title": WHITE_SPACE.sub("", metadata.title) if metadata.title else None,
        "doc_number": metadata.doc_number,
        "issuers": set(metadata.issuers),
        "issue_date": metadata.issue_date.isoformat() if metadata.issue_date else None,
        "publication": metadata.publication,
        "province": locality.province,
        "city": locality.city,
        "county": locality.county,
        "adcode": locality.adcode,
        "admin_level": locality.level,
    }


def _expected(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold's document fields as compared: title without white space, issuers as a set."""
    fields = {field: gold[field] for field in FIELDS if field in gold}
    if fields.get("title"):
        fields["title"] = WHITE_SPACE.sub("", fields["title"])
    if "issuers" in fields:
        fields["issuers"] = set(fields["issuers"])
    return fields


TEXT_FILES = sorted(
    path.name for path in (CORPUS_DOCUMENTS / "raw").iterdir() if not _gold(path.name)["document"].get("ocr")
)


@pytest.mark.parametrize("name", TEXT_FILES)
def test_corpus_metadata_equals_gold(name: str) -> None:
    path = CORPUS_DOCUMENTS / "raw" / name
    try:
        document = reader_for(sniff_format(path))(path)
    except ReadError as exc:
        pytest.skip(f"reader unavailable here: {exc}")
    expected = _expected(_gold(name)["document"])
    got = _fields(extract_metadata(document))
    assert {field: got[field] for field in expected} == expected


def _seed_document(prefix: str) -> Document:
    """A seed text as paragraph blocks, one per non-empty line."""
    seed = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if seed is None:
        pytest.skip("shared seed texts not available")
    lines = (MARKUP.sub("", line) for line in seed.read_text(encoding="utf-8").splitlines())
    return Document(source_format="txt", blocks=[Block(BlockKind.PARAGRAPH, text=line) for line in lines if line])


def test_scanned_document_seed_text() -> None:
    """The seed's order is scrambled (the issuers' line follows the title's subject), so only the subject is compared."""
    gold = _gold("luoyang-2017-scan.pdf")["document"]
    metadata = extract_metadata(_seed_document("003"))
    expected = _expected(gold)
    got = _fields(metadata)
    assert expected.pop("title").endswith(got.pop("title"))
    assert {field: got[field] for field in expected} == expected
