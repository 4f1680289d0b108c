"""A milestone's role comes from the word printed nearest its date; the words are data."""

from __future__ import annotations

import pytest

from extractors.milestones import extract_milestones
from normalizers.milestone_roles import ROLES, milestone_role
from normalizers.vocabulary import read_table
from readers.model import Block, BlockKind, Document


def _role(sentence: str, date_text: str) -> str:
    start = sentence.index(date_text)
    return milestone_role(sentence, (start, start + len(date_text)))


@pytest.mark.parametrize(
    ("sentence", "date_text", "role"),
    [
        ("甲市力争2021年6月底前全面完成行业协会商会脱钩任务。", "2021年6月底前", "finish"),
        ("2019年12月底前基本完成脱钩改革。", "2019年12月底前", "finish"),
        ("2019年9月上旬召开全市动员大会。", "2019年9月上旬", "start"),
        ("2019年10月底前启动，2020年底前全部完成。", "2019年10月底前", "start"),
        ("2019年10月底前启动，2020年底前全部完成。", "2020年底前", "finish"),
        ("2020年3月底前开展第二批试点。", "2020年3月底前", "phase"),
        ("2019年11月15日前完成全面摸底。", "2019年11月15日前", "phase"),
        ("2021年上半年组织检查验收。", "2021年上半年", "review"),
        ("改革完成后（2021年1月至3月），开展回头看。", "2021年1月至3月", "review"),
        ("2020年6月30日前做好相关工作。", "2020年6月30日前", "other"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 12 else None,
)
def test_nearest_word_gives_the_role(sentence: str, date_text: str, role: str) -> None:
    assert _role(sentence, date_text) == role


def test_a_longer_word_hides_the_shorter_inside_it() -> None:
    assert _role("2020年底前完成脱钩任务的第一批名单另行公布", "2020年底前") == "finish"


def test_the_vocabulary_uses_known_roles_only() -> None:
    rows = read_table("milestone_roles.csv")
    assert {row["role"] for row in rows} <= set(ROLES) - {"other"}
    assert all(row["source"] for row in rows)
    assert len({row["word"] for row in rows}) == len(rows)


def test_a_date_only_sentence_takes_its_role_from_the_neighbour_it_dates() -> None:
    texts = ["完成摸底。（完成时限：2019年9月底前）", "2020年12月底前。全面完成脱钩任务。"]
    document = Document("txt", [Block(BlockKind.PARAGRAPH, text) for text in texts])
    roles = [(m.date_text, m.role) for m in extract_milestones(document)]
    assert roles == [("2019年9月底前", "phase"), ("2020年12月底前", "finish")]
