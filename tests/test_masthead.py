"""A masthead table holds issuers' names and 文件; a rule holds none; any other table is no masthead."""

from __future__ import annotations

import pytest
from metadata_blocks import table

from extractors.masthead import masthead_table_names
from readers.model import Block

MASTHEAD_TABLES = {
    "joint-masthead": (table(("邵阳市发展和改革委员会", "文件"), ("邵阳市民政局", "文件")), ("邵阳市发展和改革委员会", "邵阳市民政局")),
    "rule-with-star": (table(("", "★", "")), ()),
    "roster-table": (table(("序号", "名称"), ("1", "邵阳市收藏协会")), None),
}


@pytest.mark.parametrize(("block", "expected"), MASTHEAD_TABLES.values(), ids=MASTHEAD_TABLES.keys())
def test_masthead_table_names(block: Block, expected: tuple[str, ...] | None) -> None:
    assert masthead_table_names(block) == expected
