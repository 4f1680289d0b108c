"""The plain-text reader: one paragraph per non-empty line, whatever the line ends and encoding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readers.model import BlockKind, Document, ReadError
from readers.txt import read

TESTS = Path(__file__).parent
RAW = TESTS.parent / "data" / "raw"
BAD = TESTS / "corpus" / "documents" / "bad"
GOLD = TESTS / "corpus" / "gold"
LUOZHUANG = RAW / "luozhuang-2018.txt"

LINES = ["\u3000\u3000第一段，缩进两个全角空格。", "", "第二段后有空白。  \t", "标题第一行", "标题第二行", "\u3000", ""]
EXPECTED = ["第一段，缩进两个全角空格。", "第二段后有空白。", "标题第一行", "标题第二行"]

LINE_END_CASES = [("crlf", "\r\n"), ("cr", "\r"), ("lf", "\n")]


@pytest.mark.parametrize("line_end", [c[1] for c in LINE_END_CASES], ids=[c[0] for c in LINE_END_CASES])
def test_line_ends(tmp_path: Path, line_end: str) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(line_end.join(LINES).encode("gbk"))
    document = read(path)
    assert [b.text for b in document.blocks] == EXPECTED
    assert {b.kind for b in document.blocks} == {BlockKind.PARAGRAPH}


def test_binary_file_rejected() -> None:
    with pytest.raises(ReadError, match="binary"):
        read(BAD / "binary.txt")


@pytest.fixture(scope="module")
def luozhuang() -> Document:
    return read(LUOZHUANG)


def test_document_fields(luozhuang: Document) -> None:
    assert luozhuang.source_format == "txt"
    assert luozhuang.pages is None
    assert luozhuang.tables() == []
    assert all(b.page is None and b.table is None for b in luozhuang.blocks)
    assert [b.kind for b in luozhuang.blocks[:2]] == [BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert all(b.kind is BlockKind.PARAGRAPH for b in luozhuang.blocks[1:])


HEADLINE_CASES = [
    ("two-lines-then-blank", ["某市召开行业协会商会与行政机关", "脱钩改革推进会", "", "3月5日，某市召开推进会。"], 2),
    ("one-line-then-byline", ["某市召开脱钩改革推进会", "发布时间：2020-03-05  来源：某市民政局", "正文。"], 1),
    ("leading-blank-lines", ["", "  某市召开脱钩改革推进会", "", "正文。"], 1),
    ("under-a-breadcrumb", ["当前位置：首页 > 新闻中心 > 工作动态", "某市召开脱钩改革推进会", "", "正文。"], 1),
    ("sentence-first", ["某市召开推进会，部署脱钩改革。", "", "正文。"], 0),
    ("too-many-lines", ["甲", "乙", "丙", "丁", "", "正文。"], 0),
    ("nothing-after", ["某市召开脱钩改革推进会", ""], 0),
    ("sentence-after", ["某市召开脱钩改革推进会", "3月5日，某市召开推进会。"], 1),
    ("roster-lines", ["第一批脱钩名单", "1 某市甲协会", "2 某市乙协会", "3 某市丙协会", "4 某市丁协会"], 0),
]


@pytest.mark.parametrize(("lines", "count"), [c[1:] for c in HEADLINE_CASES], ids=[c[0] for c in HEADLINE_CASES])
def test_headline_lines_are_headings(tmp_path: Path, lines: list[str], count: int) -> None:
    path = tmp_path / "news.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    kinds = [b.kind for b in read(path).blocks]
    first = 1 if lines[0].startswith("当前位置") else 0
    assert kinds == [BlockKind.PARAGRAPH] * first + [BlockKind.HEADING] * count + [BlockKind.PARAGRAPH] * (len(kinds) - count - first)


def test_lines_are_trimmed(luozhuang: Document) -> None:
    assert all(b.text == b.text.strip() and b.text for b in luozhuang.blocks)
    assert not any("\r" in b.text or "\ufffd" in b.text for b in luozhuang.blocks)


SENTENCES = [
    ("masthead", "中国共产党罗庄区委员会"),
    ("doc-number", "罗委〔2018〕84号"),
    ("addressees", "各街道党工委、办事处，各镇党委、政府"),
    ("guiding-thought", "以习近平新时代中国特色社会主义思想为指导"),
    ("principle", "坚持法制化、非营利原则。"),
    ("zero-visit", "严格落实“零上门”“最多跑一次”行政审批要求。"),
    ("dated-step", "自本实施方案印发之日起，新设立的行业协会商会按本实施方案要求执行。"),
    ("copies", "（共印200份）"),
]


@pytest.mark.parametrize("sentence", [c[1] for c in SENTENCES], ids=[c[0] for c in SENTENCES])
def test_distinctive_sentence(luozhuang: Document, sentence: str) -> None:
    assert any(sentence in b.text for b in luozhuang.blocks)


def test_sentences_in_order(luozhuang: Document) -> None:
    texts = [b.text for b in luozhuang.blocks]
    positions = [next(i for i, t in enumerate(texts) if s in t) for _, s in SENTENCES]
    assert positions == sorted(positions)


def test_indented_paragraph_starts_with_its_text(luozhuang: Document) -> None:
    assert any(b.text.startswith("按照省脱钩试点工作领导小组") for b in luozhuang.blocks)


def test_wrapped_title_kept_as_separate_lines(luozhuang: Document) -> None:
    texts = [b.text for b in luozhuang.blocks]
    start = texts.index("中共罗庄区委\u3000罗庄区人民政府")
    title_lines = texts[start : start + 4]
    assert title_lines[1:] == [
        "印发《关于开展罗庄区全省行业协会商会与",
        "行政机关脱钩改革试点县（区）",
        "工作的实施方案》的通知",
    ]
    gold_title = json.loads((GOLD / "luozhuang-2018.txt.json").read_text(encoding="utf-8"))["document"]["title"]
    assert "".join("".join(title_lines).split()) == "".join(gold_title.split())
