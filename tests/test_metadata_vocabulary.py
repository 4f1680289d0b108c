"""The official-document vocabulary is data: every table cites a source, has no duplicate keys, and reads right."""

from __future__ import annotations

import pytest

from extractors.locality import self_designator
from normalizers.divisions import divisions
from normalizers.metadata_vocabulary import central_issuer_endings, recipient_endings, recipient_labels
from normalizers.vocabulary import read_table

TABLES = {
    "central_issuers.csv": "prefix",
    "central_issuer_endings.csv": "ending",
    "issuer_endings.csv": "ending",
    "masthead_words.csv": "word",
    "head_marks.csv": "word",
    "recipient_words.csv": "word",
    "self_references.csv": "word",
    "city_number_abbreviations.csv": "abbreviation",
}


@pytest.mark.parametrize(("filename", "key"), TABLES.items(), ids=TABLES.keys())
def test_table_is_sourced_and_keyed_once(filename: str, key: str) -> None:
    rows = read_table(filename)
    assert rows and all(row["source"].strip() and row[key].strip() for row in rows)
    assert len({row[key] for row in rows}) == len(rows)


def test_recipient_words_are_labels_or_endings() -> None:
    assert {row["kind"] for row in read_table("recipient_words.csv")} == {"label", "ending"}
    assert "抄送" in recipient_labels() and "单位" in recipient_endings()


def test_self_references_are_own_or_whole_and_end_like_locality_designators() -> None:
    designators = [row["designator"] for row in read_table("locality_designators.csv")]
    assert {row["kind"] for row in read_table("self_references.csv")} == {"own", "whole"}
    used = {row["designator"] for row in read_table("self_references.csv")}
    assert all(any(designator.endswith(word) for designator in designators) for word in used)


def test_central_endings_read() -> None:
    assert "总局" in central_issuer_endings()


SELF = {
    "city": (["我市年底前完成脱钩。", "全市行业协会商会"], "市"),
    "most-often-named-wins": (["全省统一部署。", "我县、本县、全县"], "县"),
    "own-word-outranks-whole": (["全市统一部署，全市行业协会商会", "我区按期完成"], "区"),
    "market-is-no-city": (["本市场主体"], None),
    "none": (["现将有关事项通知如下。"], None),
}


@pytest.mark.parametrize(("texts", "expected"), SELF.values(), ids=SELF.keys())
def test_self_designator(texts: list[str], expected: str | None) -> None:
    assert self_designator(texts) == expected


def test_city_number_abbreviations_are_cities_named_otherwise() -> None:
    cities = {d.name for d in divisions() if d.level == "city" and not d.former}
    rows = read_table("city_number_abbreviations.csv")
    assert all(row["city"] in cities and not row["city"].startswith(row["abbreviation"]) for row in rows)
