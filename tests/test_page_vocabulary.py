"""The web-page vocabulary as data: page labels and site-name endings well formed, fields and kinds known."""

from __future__ import annotations

import pytest

from normalizers.page_vocabulary import label_key, label_pattern, page_labels, site_name_endings
from normalizers.vocabulary import read_table

FIELDS = {"title", "doc_number", "issuers", "issue_date", "published", "updated", "none"}
KINDS = {"disclosure", "byline", "byline_pair"}
FILES = {"page_labels.csv": ("label", "field", "kind", "source"), "site_name_endings.csv": ("ending", "source")}


@pytest.mark.parametrize(("filename", "columns"), FILES.items(), ids=FILES.keys())
def test_vocabulary_file_is_well_formed(filename: str, columns: tuple[str, ...]) -> None:
    rows = read_table(filename)
    assert rows and tuple(rows[0]) == columns
    assert all(all(row[c].strip() for c in columns) for row in rows), "empty cell"


def test_labels_are_distinct_once_spaces_are_gone() -> None:
    keys = [label_key(row["label"]) for row in read_table("page_labels.csv")]
    assert len(keys) == len(set(keys)), "a spaced spelling is matched by its plain one already"


def test_fields_and_kinds_are_known() -> None:
    assert {label.field for label in page_labels().values()} == FIELDS
    assert {label.kind for label in page_labels().values()} == KINDS


def test_every_document_field_has_a_disclosure_label() -> None:
    fields = {label.field for label in page_labels().values() if label.kind == "disclosure"}
    assert {"title", "doc_number", "issuers", "issue_date"} <= fields


KEYS = [("brackets-and-colon", "【索 引 号：】", "索引号"), ("ideographic-spaces", "文\u3000\u3000号", "文号"), ("plain", "发布时间", "发布时间")]


@pytest.mark.parametrize(("printed", "key"), [c[1:] for c in KEYS], ids=[c[0] for c in KEYS])
def test_label_key(printed: str, key: str) -> None:
    assert label_key(printed) == key


def test_label_pattern_takes_the_longest_label() -> None:
    match = label_pattern().search("信息来源：某市民政局")
    assert match is not None and label_key(match["label"]) == "信息来源"


def test_site_name_endings_longest_first() -> None:
    endings = site_name_endings()
    assert list(endings) == sorted(endings, key=len, reverse=True)
    assert "某市人民政府门户网站".endswith(endings)
