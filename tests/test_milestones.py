"""Milestones from the running text: sentences, tasks, own dates, rules, and the gold corpus."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.milestone_tasks import task_of
from extractors.milestones import Milestone, extract_milestones
from extractors.sentences import Line, split_sentences, text_lines
from normalizers.dates import find_dates
from readers.model import Block, BlockKind, Document, TableRow


def _document(*paragraphs: str, page: int | None = None) -> Document:
    return Document("txt", [Block(BlockKind.PARAGRAPH, text=p, page=page) for p in paragraphs])


def _dated(*paragraphs: str) -> list[tuple[str, date | None, str | None]]:
    return [(m.date_text, m.deadline, m.task) for m in extract_milestones(_document(*paragraphs))]


def test_sentences_end_at_stops() -> None:
    sentences = split_sentences(Line("甲。乙；丙！丁？戊", None))
    assert [s.text for s in sentences] == ["甲。", "乙；", "丙！", "丁？", "戊"]


def test_semicolons_inside_brackets_do_not_end_a_sentence() -> None:
    sentences = split_sentences(Line("甲；丙（丁；戊）。己", None))
    assert [s.text for s in sentences] == ["甲；", "丙（丁；戊）。", "己"]


def test_sentence_offset_points_into_its_line() -> None:
    line = Line("甲。  乙；", None)
    second = split_sentences(line)[1]
    assert line.text[second.offset :].startswith(second.text)


def test_sentences_end_at_line_ends() -> None:
    document = _document("2020年3月底前完成摸底\n2020年4月底前完成审核")
    assert [line.text for line in text_lines(document)] == ["2020年3月底前完成摸底", "2020年4月底前完成审核"]
    assert [m.sentence for m in extract_milestones(document)] == ["2020年3月底前完成摸底", "2020年4月底前完成审核"]


TASKS = {
    "date-opens-sentence": ("2020年7月31日前，各单位报送名单。", "各单位报送名单"),
    "lizheng-zai": ("深入推进改革，力争在2020年10月底前完成全部任务。", "完成全部任务"),
    "yu-inside-clause": ("我市拟于2020年10月中旬前完成改革任务。", "我市拟完成改革任务"),
    "yaozai-before-verb": ("改革工作要在 2020 年底前完成。", "改革工作完成"),
    "later-clauses-kept": ("2020年6月26日前，召开推进会，部署任务，解读政策。", "召开推进会，部署任务，解读政策"),
    "bracketed-phase": ("（一）全面启动（2019 年 10 月）。", "全面启动"),
    "bracketed-range": ("（二）集中攻坚（2019年11月-2020年10月）。", "集中攻坚"),
    "bracketed-deadline": ("（三）中期评估（2020年3月10日前）。", "中期评估"),
    "since-clause": ("自本办法印发之日起，新成立的协会按本办法执行。", "新成立的协会按本办法执行"),
    "relative-after-comma": ("完成审核后，要在10个工作日内报送总结。", "报送总结"),
    "label-and-colon": ("征求意见时间：2021年3月1日至3月15日。", "征求意见时间"),
    "label-colon-from-until": ("二、公告期：自2021年5月6日至5月12日止。", "公告期"),
    "label-colon-but-a-clause-after": ("工作要求：2021年6月底前完成验收。", "完成验收"),
}


@pytest.mark.parametrize(("sentence", "task"), TASKS.values(), ids=TASKS.keys())
def test_task_is_the_clause_without_the_date(sentence: str, task: str) -> None:
    (expression,) = find_dates(sentence, None)
    assert task_of(sentence, expression.span, len(sentence)) == task


def test_a_labelled_period_keeps_its_label_not_the_next_sentence() -> None:
    assert _dated("异议受理时间：2021年4月6日至4月10日。入选协会应于2021年9月底前完成改革。") == [
        ("2021年4月6日至4月10日", date(2021, 4, 10), "异议受理时间"),
        ("2021年9月底前", date(2021, 9, 30), "入选协会完成改革"),
    ]


def test_sentence_holding_only_the_date_has_no_task() -> None:
    sentence = "1. 2020 年 2 月前。"
    (expression,) = find_dates(sentence, None)
    assert task_of(sentence, expression.span, len(sentence)) is None


def test_two_dates_in_one_sentence_each_keep_their_own_clauses() -> None:
    assert _dated("2019年11月1日前完成摸底，2019年12月1日前完成审核。") == [
        ("2019年11月1日前", date(2019, 11, 1), "完成摸底"),
        ("2019年12月1日前", date(2019, 12, 1), "完成审核"),
    ]


def test_numbered_item_with_only_a_date_takes_the_next_sentence() -> None:
    (milestone,) = extract_milestones(_document("1. 2020 年 2 月前。各协会要完成一半任务。"))
    assert milestone.task == "各协会要完成一半任务"
    assert milestone.deadline == date(2020, 1, 31)
    assert milestone.sentence == "1. 2020 年 2 月前。各协会要完成一半任务。"


def test_next_sentence_may_be_the_next_paragraph() -> None:
    (milestone,) = extract_milestones(_document("2. 2020年9月前", "各协会基本完成任务。"))
    assert milestone.task == "各协会基本完成任务"


def test_numbered_item_in_brackets_takes_the_next_sentence() -> None:
    (milestone,) = extract_milestones(_document("（一）2020年10月前。各单位完成摸底。"))
    assert milestone.task == "各单位完成摸底"


def test_annotation_in_brackets_dates_what_stands_before_it() -> None:
    (milestone,) = extract_milestones(_document("各单位完成摸底（责任单位：某局；完成时限：2020年9月底前）。"))
    assert (milestone.task, milestone.deadline) == ("各单位完成摸底", date(2020, 9, 30))


def test_annotation_line_dates_the_previous_sentence() -> None:
    (milestone,) = extract_milestones(_document("各单位完成摸底。", "（责任单位：某局，完成时限：2020年9月底前）"))
    assert milestone.task == "各单位完成摸底"
    assert milestone.sentence == "各单位完成摸底。（责任单位：某局，完成时限：2020年9月底前）"


OWN_DATES = {
    "signature": "2019年10月15日",
    "signature-chinese": "二〇一九年十月十五日",
    "signature-spaced": "2019 年 11 月 4 日",
    "imprint": "某某办公室\u3000\u3000\u3000\u30002018年11月6日印发",
    "website": "发布时间：2019-10-18",
    "signer-and-date-on-one-line": "铜仁市民政局2021年4月9日",
    "signer-date-and-note-on-one-line": "铜仁市民政局　2021年4月9日（此件主动公开）",
    "date-before-joint-signers": "2021年4月9日　铜仁市民政局　铜仁市财政局",
}


@pytest.mark.parametrize("line", OWN_DATES.values(), ids=OWN_DATES.keys())
def test_own_dates_are_not_milestones(line: str) -> None:
    assert extract_milestones(_document(line)) == []


def test_own_date_gives_the_year_to_later_dates() -> None:
    assert _dated("2019年10月15日", "附件", "10月底前，完成摸底。") == [("10月底前", date(2019, 10, 31), "完成摸底")]


def test_relative_year_does_not_date_later_sentences() -> None:
    milestones = extract_milestones(
        _document("力争明年二季度完成全部验收。", "9月30日前，各主管单位报送进展。"), own_date=date(2021, 6, 2)
    )
    assert [(m.date_text, m.deadline) for m in milestones] == [
        ("明年二季度", date(2022, 6, 30)),
        ("9月30日前", date(2021, 9, 30)),
    ]


def test_year_comes_from_the_nearest_earlier_date() -> None:
    assert _dated("2019年12月1日前完成摸底。", "2020年3月1日前完成审核。", "5月底前完成验收。")[-1] == (
        "5月底前",
        date(2020, 5, 31),
        "完成验收",
    )


NOT_MILESTONES = {
    "placeholder": "（责任单位：XXX协会，完成时间：XXX年XXX月底前）",
    "rule": "领导干部退休后三年内不得到协会兼职。",
    "rule-yanjin": "离职后两年内严禁到协会任职。",
    "condition": "脱钩前须按要求设立党组织。",
    "condition-event": "新办法出台前，应明确过渡性措施。",
    "title": "按照《2019年工作要点》要求推进。",
    "no-date": "按规定要求和时限完成脱钩。",
}


@pytest.mark.parametrize("text", NOT_MILESTONES.values(), ids=NOT_MILESTONES.keys())
def test_not_milestones(text: str) -> None:
    assert extract_milestones(_document(text)) == []


def test_table_cells_are_not_running_text() -> None:
    table = Block(BlockKind.TABLE, table=0, rows=(TableRow(("完成时间", "2020年10月底前")),))
    assert extract_milestones(Document("docx", [table])) == []


def test_relative_steps_are_kept_without_dates() -> None:
    sentence = "本办法自印发之日起施行。"
    (milestone,) = extract_milestones(_document(sentence))
    assert milestone == Milestone("自印发之日起", None, None, None, "relative", "本办法施行", sentence, None, "other")


def test_order_and_page() -> None:
    document = Document(
        "pdf",
        [
            Block(BlockKind.PARAGRAPH, text="2020年3月底前完成摸底。", page=3),
            Block(BlockKind.TABLE, table=0, rows=(TableRow(("2020年4月底前",)),), page=3),
            Block(BlockKind.PARAGRAPH, text="2020年5月底前完成验收。", page=4),
        ],
    )
    assert [(m.date_text, m.page) for m in extract_milestones(document)] == [("2020年3月底前", 3), ("2020年5月底前", 4)]


def test_dates_in_the_documents_own_title_are_not_milestones() -> None:
    document = Document(
        source_format="test",
        blocks=[
            Block(BlockKind.HEADING, text="关于做好2020年全省行业协会商会"),
            Block(BlockKind.HEADING, text="脱钩改革工作的通知"),
            Block(BlockKind.PARAGRAPH, text="各地要于2020年底前全面完成。"),
        ],
    )
    title = "关于做好2020年全省行业协会商会脱钩改革工作的通知"
    assert [m.date_text for m in extract_milestones(document, title=title)] == ["2020年底前"]


PAGE_FURNITURE = {
    "byline": "发布时间：2020-03-06 09:30　来源：某市民政局　浏览次数：1024",
    "byline-update": "更新时间：2020年3月6日　作者：张三",
    "byline-generated": "生成日期：2020-03-06",
    "disclosure-line": "索引号：1141/2020-1　成文日期：2020年03月05日",
    "dateline-newspaper": "本报讯（记者 王明）3月5日上午，某市召开脱钩改革推进会",
    "dateline-xun": "某市3月5日讯",
    "dateline-reporter": "本网讯 记者王明报道：3月5日，某市召开推进会",
    "dateline-agency": "新华社北京3月5日电　记者王明报道",
}


@pytest.mark.parametrize("line", PAGE_FURNITURE.values(), ids=PAGE_FURNITURE.keys())
def test_bylines_and_datelines_are_not_milestones(line: str) -> None:
    assert extract_milestones(_document(line), own_date=date(2020, 3, 6)) == []


def test_dateline_leaves_the_steps_of_its_report() -> None:
    text = "本报讯 3月5日，某市召开推进会，要求9月底前完成脱钩任务。"
    assert [(m.date_text, m.deadline) for m in extract_milestones(_document(text), own_date=date(2020, 3, 6))] == [
        ("9月底前", date(2020, 9, 30))
    ]


def test_date_before_a_word_starting_with_dian_is_a_step() -> None:
    (milestone,) = extract_milestones(_document("3月5日电视电话会议召开前报送材料。"), own_date=date(2020, 3, 1))
    assert milestone.date_text == "3月5日"


def test_missing_year_from_the_pages_date() -> None:
    document = _document("发布时间：2020-03-06", "会议要求，9月底前完成脱钩任务。")
    assert [(m.date_text, m.deadline) for m in extract_milestones(document, own_date=date(2020, 3, 6))] == [
        ("9月底前", date(2020, 9, 30))
    ]


def test_missing_year_from_an_earlier_full_date_before_the_pages_date() -> None:
    document = _document("2019年12月底前完成摸底。", "9月底前完成验收。")
    assert [m.deadline for m in extract_milestones(document, own_date=date(2021, 1, 5))] == [
        date(2019, 12, 31),
        date(2019, 9, 30),
    ]


def test_this_year_and_next_year_read_against_the_pages_date() -> None:
    document = _document("2019年全市完成摸底。", "今年10月底前完成脱钩，明年上半年全面验收。")
    found = [(m.date_text, m.start, m.deadline) for m in extract_milestones(document, own_date=date(2020, 3, 6))]
    assert found[1:] == [("今年10月底前", None, date(2020, 10, 31)), ("明年上半年", date(2021, 1, 1), date(2021, 6, 30))]


def test_year_end_without_any_date_stays_unknown() -> None:
    (milestone,) = extract_milestones(_document("年底前完成脱钩任务。"))
    assert milestone.deadline is None
