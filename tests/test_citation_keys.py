"""Citations carry one key per cited document, the level of a certain issuer and the page they are printed on."""

from __future__ import annotations

import pytest

from extractors.citations import extract_citations
from normalizers.citation_keys import cited_key, cited_title_key, issuer_level, shared_keys
from readers.model import Block, BlockKind, Document, TableRow


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("甲省人民政府办公厅关于印发〈甲省协会脱钩实施方案〉的通知", "甲省协会脱钩实施方案"),
        ("关于印发《乙市社团管理办法（试行）》的通知", "乙市社团管理办法"),
        ("关于印发乙市社团管理办法的通知", "乙市社团管理办法(试行)"),
        ("丙县 协会 管理 办法", "丙县协会管理办法"),
    ],
)
def test_spellings_of_one_document_share_a_key(one: str, other: str) -> None:
    assert cited_title_key(one) == cited_title_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("关于转发《甲省协会脱钩实施方案》的通知", "甲省协会脱钩实施方案"),
        ("关于贯彻落实《甲办法》的实施意见", "甲办法"),
        ("甲市关于推进脱钩工作的通知", "乙市关于推进脱钩工作的通知"),
    ],
)
def test_distinct_documents_keep_distinct_keys(one: str, other: str) -> None:
    assert cited_title_key(one) != cited_title_key(other)


def test_a_number_is_the_key_whatever_the_title() -> None:
    assert cited_key("国办发〔2019〕7号", "甲方案") == cited_key("国办发〔2019〕7号", "关于印发甲方案的通知") == "国办发〔2019〕7号"
    assert cited_key(None, None) is None


@pytest.mark.parametrize(
    ("issuer", "level"),
    [
        ("中共中央办公厅", "central"),
        ("国家发展和改革委员会", "central"),
        ("中共湖北省委办公厅", "province"),
        ("重庆市人民政府", "province"),
        ("重庆市渝北区人民政府", "county"),
        ("襄阳市人民政府办公室", "city"),
        ("某某委员会", None),
        (None, None),
    ],
)
def test_issuer_level(issuer: str | None, level: str | None) -> None:
    assert issuer_level(issuer) == level


def _paragraph(text: str, page: int | None) -> Block:
    return Block(BlockKind.PARAGRAPH, text, page=page)


def test_citations_carry_key_level_and_first_page() -> None:
    document = Document(
        "pdf",
        [
            _paragraph("根据《关于印发〈甲省协会脱钩实施方案〉的通知》（以下简称《实施方案》），现通知如下。", 1),
            _paragraph("按照国办发〔2019〕7号文件要求，", 2),
            Block(BlockKind.TABLE, table=0, rows=(TableRow(("依据《甲省协会脱钩实施方案》",), page=3),)),
        ],
        pages=3,
    )
    found = [(c.cited_key, c.cited_level, c.page) for c in extract_citations(document)]
    assert found == [("甲省协会脱钩实施方案", None, 1), ("国办发〔2019〕7号", "central", 2)]


def test_a_citation_run_on_over_a_page_break_takes_the_page_it_starts_on() -> None:
    document = Document("pdf", [_paragraph("按照《甲省协会脱钩", 4), _paragraph("实施方案》（甲办发〔2019〕3号）", 5)])
    assert [(c.cited_key, c.page) for c in extract_citations(document)] == [("甲办发〔2019〕3号", 4)]


def test_unpaged_formats_give_no_page() -> None:
    document = Document("txt", [_paragraph("根据《乙市社团管理办法》执行。", None)])
    assert [c.page for c in extract_citations(document)] == [None]


def test_a_title_cited_alone_takes_the_number_it_has_elsewhere() -> None:
    citations = [("甲发〔2019〕1号", "甲办法"), (None, "甲办法（试行）"), (None, "乙办法"), (None, None)]
    assert shared_keys(citations) == ["甲发〔2019〕1号", "甲发〔2019〕1号", "乙办法", None]


def test_a_title_with_two_numbers_keeps_its_own_key() -> None:
    citations = [("甲发〔2019〕1号", "甲办法"), ("甲发〔2020〕2号", "甲办法"), (None, "甲办法")]
    assert shared_keys(citations) == ["甲发〔2019〕1号", "甲发〔2020〕2号", "甲办法"]
