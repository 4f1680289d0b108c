"""The date grammar and the conventions of docs/conventions.md, one printed form per case."""

from __future__ import annotations

from datetime import date

import pytest

from normalizers.dates import DateExpression, find_dates, parse_full_date

D = date
Expected = tuple[str, date | None, date | None, str | None, str]
"""(text as printed, start, deadline, precision, kind) of one expression."""

CASES: dict[str, tuple[str, int | None, list[Expected]]] = {
    # days
    "day": ("2019年10月15日", None, [("2019年10月15日", D(2019, 10, 15), D(2019, 10, 15), "day", "period")]),
    "day-before": ("2019年11月1日前", None, [("2019年11月1日前", None, D(2019, 11, 1), "day", "deadline")]),
    "day-before-oct-1": ("2020年10月1日前", None, [("2020年10月1日前", None, D(2020, 10, 1), "day", "deadline")]),
    "day-hao": ("2019年10月15号前", None, [("2019年10月15号前", None, D(2019, 10, 15), "day", "deadline")]),
    "day-yiqian": ("2020年6月30日以前", None, [("2020年6月30日以前", None, D(2020, 6, 30), "day", "deadline")]),
    "day-zhiqian": ("2020年6月30日之前", None, [("2020年6月30日之前", None, D(2020, 6, 30), "day", "deadline")]),
    # months
    "month-period": ("2019年10月", None, [("2019年10月", D(2019, 10, 1), D(2019, 10, 31), "month", "period")]),
    "month-before": ("2020年2月前", None, [("2020年2月前", None, D(2020, 1, 31), "month", "deadline")]),
    "month-before-nov": ("2020年11月前", None, [("2020年11月前", None, D(2020, 10, 31), "month", "deadline")]),
    "month-before-sep": ("2020年9月前", None, [("2020年9月前", None, D(2020, 8, 31), "month", "deadline")]),
    "month-before-january": ("2020年1月前", None, [("2020年1月前", None, D(2019, 12, 31), "month", "deadline")]),
    "month-yiqian": ("2020年12月以前", None, [("2020年12月以前", None, D(2020, 11, 30), "month", "deadline")]),
    "month-zhiqian": ("2020年12月之前", None, [("2020年12月之前", None, D(2020, 11, 30), "month", "deadline")]),
    "month-end-before": ("2020年10月底前", None, [("2020年10月底前", None, D(2020, 10, 31), "month", "deadline")]),
    "month-end-leap": ("2020年2月底", None, [("2020年2月底", None, D(2020, 2, 29), "month", "deadline")]),
    "month-mo": ("2019年2月末", None, [("2019年2月末", None, D(2019, 2, 28), "month", "deadline")]),
    "month-within": ("2020年10月内", None, [("2020年10月内", None, D(2020, 10, 31), "month", "deadline")]),
    # ten-day periods
    "xun-upper-before": ("2020年10月上旬前", None, [("2020年10月上旬前", None, D(2020, 10, 10), "xun", "deadline")]),
    "xun-middle-before": ("2020年10月中旬前", None, [("2020年10月中旬前", None, D(2020, 10, 20), "xun", "deadline")]),
    "xun-lower-before": ("2020年10月下旬前", None, [("2020年10月下旬前", None, D(2020, 10, 31), "xun", "deadline")]),
    "xun-lower-february": ("2020年2月下旬", None, [("2020年2月下旬", D(2020, 2, 21), D(2020, 2, 29), "xun", "period")]),
    "xun-chinese-default-year": ("十月中旬", 2019, [("十月中旬", D(2019, 10, 11), D(2019, 10, 20), "xun", "period")]),
    # quarters and halves
    "quarter-di": ("2020年第三季度", None, [("2020年第三季度", D(2020, 7, 1), D(2020, 9, 30), "quarter", "period")]),
    "quarter-short": ("2020年三季度", None, [("2020年三季度", D(2020, 7, 1), D(2020, 9, 30), "quarter", "period")]),
    "quarter-end": ("2020年一季度末", None, [("2020年一季度末", None, D(2020, 3, 31), "quarter", "deadline")]),
    "quarter-before": ("2020年第二季度前", None, [("2020年第二季度前", None, D(2020, 3, 31), "quarter", "deadline")]),
    "quarter-default-year": ("第四季度末前", 2020, [("第四季度末前", None, D(2020, 12, 31), "quarter", "deadline")]),
    "half-first": ("2020年上半年", None, [("2020年上半年", D(2020, 1, 1), D(2020, 6, 30), "half", "period")]),
    "half-second": ("2020年下半年", None, [("2020年下半年", D(2020, 7, 1), D(2020, 12, 31), "half", "period")]),
    "half-end": ("2020年上半年末", None, [("2020年上半年末", None, D(2020, 6, 30), "half", "deadline")]),
    "half-within": ("2021年上半年内", None, [("2021年上半年内", None, D(2021, 6, 30), "half", "deadline")]),
    # years
    "year-end-before": ("2020年底前", None, [("2020年底前", None, D(2020, 12, 31), "year", "deadline")]),
    "year-year-end-before": ("2017年年底前", None, [("2017年年底前", None, D(2017, 12, 31), "year", "deadline")]),
    "year-nianmo": ("2020年年末", None, [("2020年年末", None, D(2020, 12, 31), "year", "deadline")]),
    "year-before": ("2020年前", None, [("2020年前", None, D(2019, 12, 31), "year", "deadline")]),
    "year-within": ("2020年内", None, [("2020年内", None, D(2020, 12, 31), "year", "deadline")]),
    "year-yinei": ("2020年以内", None, [("2020年以内", None, D(2020, 12, 31), "year", "deadline")]),
    "year-period": ("2021年", None, [("2021年", D(2021, 1, 1), D(2021, 12, 31), "year", "period")]),
    "year-end-default-year": ("年底前", 2020, [("年底前", None, D(2020, 12, 31), "year", "deadline")]),
    # ranges
    "range-dash": ("2019年11月-2020年10月", None,
                   [("2019年11月-2020年10月", D(2019, 11, 1), D(2020, 10, 31), "month", "period")]),
    "range-zhi": ("2019年11月至2020年10月", None,
                  [("2019年11月至2020年10月", D(2019, 11, 1), D(2020, 10, 31), "month", "period")]),
    "range-spaced": ("2019 年 11 月 - 2020 年 10 月", None,
                     [("2019 年 11 月 - 2020 年 10 月", D(2019, 11, 1), D(2020, 10, 31), "month", "period")]),
    "range-days-em-dash": ("10月15日—20日", 2019,
                           [("10月15日—20日", D(2019, 10, 15), D(2019, 10, 20), "day", "period")]),
    "range-days-zhi": ("2019年10月15日至25日", None,
                       [("2019年10月15日至25日", D(2019, 10, 15), D(2019, 10, 25), "day", "period")]),
    "range-across-years": ("2019年11月至2月", None,
                           [("2019年11月至2月", D(2019, 11, 1), D(2020, 2, 29), "month", "period")]),
    "range-days-across-years": ("2019年12月20日至2020年1月10日", None,
                                [("2019年12月20日至2020年1月10日", D(2019, 12, 20), D(2020, 1, 10), "day", "period")]),
    "range-xun": ("2020年3月上旬至中旬", None,
                  [("2020年3月上旬至中旬", D(2020, 3, 1), D(2020, 3, 20), "xun", "period")]),
    "range-quarters": ("2020年第一季度至第三季度", None,
                       [("2020年第一季度至第三季度", D(2020, 1, 1), D(2020, 9, 30), "quarter", "period")]),
    "range-halves": ("2019年上半年至下半年", None,
                     [("2019年上半年至下半年", D(2019, 1, 1), D(2019, 12, 31), "half", "period")]),
    "range-year-unknown": ("10月15日—20日", None, [("10月15日—20日", None, None, "day", "period")]),
    # starts
    "from-year": ("自2018年起", None, [("自2018年起", D(2018, 1, 1), None, "year", "from")]),
    "from-day": ("从2019年10月1日起", None, [("从2019年10月1日起", D(2019, 10, 1), None, "day", "from")]),
    "from-month-kaishi": ("自2020年1月开始", None, [("自2020年1月开始", D(2020, 1, 1), None, "month", "from")]),
    "from-without-prefix": ("2018年起", None, [("2018年起", D(2018, 1, 1), None, "year", "from")]),
    # relative
    "relative-annual-review": ("2020年年审前", None, [("2020年年审前", None, None, None, "relative")]),
    "relative-working-days": ("10个工作日内", None, [("10个工作日内", None, None, None, "relative")]),
    "relative-months": ("两个月内", None, [("两个月内", None, None, None, "relative")]),
    "relative-after-issue": ("本方案印发后两个月内", None, [("本方案印发后两个月内", None, None, None, "relative")]),
    "relative-anchor-after-zai": ("要在配套文件出台后三十日内", None,
                                  [("配套文件出台后三十日内", None, None, None, "relative")]),
    "relative-since-issue": ("自印发之日起", None, [("自印发之日起", None, None, None, "relative")]),
    "relative-since-plan": ("自本实施方案印发之日起", None, [("自本实施方案印发之日起", None, None, None, "relative")]),
    "relative-since-with-duration": ("自收到通知之日起15日内", None,
                                     [("自收到通知之日起15日内", None, None, None, "relative")]),
    # printing: spaces, Chinese numerals, full-width digits, numeric dates
    "spaces-month-before": ("2020 年 2 月前", None, [("2020 年 2 月前", None, D(2020, 1, 31), "month", "deadline")]),
    "spaces-month-end": ("2020 年 10 月底前", None,
                         [("2020 年 10 月底前", None, D(2020, 10, 31), "month", "deadline")]),
    "spaces-day": ("2020 年 3 月 10 日前", None, [("2020 年 3 月 10 日前", None, D(2020, 3, 10), "day", "deadline")]),
    "spaces-year-end": ("2020 年底前", None, [("2020 年底前", None, D(2020, 12, 31), "year", "deadline")]),
    "chinese-ling": ("二〇一九年十月十五日", None,
                     [("二〇一九年十月十五日", D(2019, 10, 15), D(2019, 10, 15), "day", "period")]),
    "chinese-circle": ("二○一九年十二月三十一日", None,
                       [("二○一九年十二月三十一日", D(2019, 12, 31), D(2019, 12, 31), "day", "period")]),
    "chinese-month-end": ("二〇二〇年十一月底前", None,
                          [("二〇二〇年十一月底前", None, D(2020, 11, 30), "month", "deadline")]),
    "chinese-twenty": ("二〇二〇年六月二十日前", None,
                       [("二〇二〇年六月二十日前", None, D(2020, 6, 20), "day", "deadline")]),
    "full-width-day": ("２０１９年１０月１５日", None,
                       [("２０１９年１０月１５日", D(2019, 10, 15), D(2019, 10, 15), "day", "period")]),
    "full-width-month-before": ("２０２０年２月前", None,
                                [("２０２０年２月前", None, D(2020, 1, 31), "month", "deadline")]),
    "numeric-dash": ("2019-10-18", None, [("2019-10-18", D(2019, 10, 18), D(2019, 10, 18), "day", "period")]),
    "numeric-slash": ("2019/10/18", None, [("2019/10/18", D(2019, 10, 18), D(2019, 10, 18), "day", "period")]),
    "numeric-dot": ("2019.10.18", None, [("2019.10.18", D(2019, 10, 18), D(2019, 10, 18), "day", "period")]),
    "numeric-before": ("2019-10-18前", None, [("2019-10-18前", None, D(2019, 10, 18), "day", "deadline")]),
    # a year left out
    "default-year-month-end": ("12月底前", 2020, [("12月底前", None, D(2020, 12, 31), "month", "deadline")]),
    "default-year-day": ("10月15日前", 2019, [("10月15日前", None, D(2019, 10, 15), "day", "deadline")]),
    "default-year-unknown": ("10月底前", None, [("10月底前", None, None, "month", "deadline")]),
    "year-carried-in-text": ("2019年11月1日前报送；12月1日前批复", None, [
        ("2019年11月1日前", None, D(2019, 11, 1), "day", "deadline"),
        ("12月1日前", None, D(2019, 12, 1), "day", "deadline"),
    ]),
    "printed-year-beats-default": ("2020年10月前报送；11月底前批复", 2019, [
        ("2020年10月前", None, D(2020, 9, 30), "month", "deadline"),
        ("11月底前", None, D(2020, 11, 30), "month", "deadline"),
    ]),
    # in a sentence
    "inside-sentence": ("力争在2020年10月底前完成任务", None,
                        [("2020年10月底前", None, D(2020, 10, 31), "month", "deadline")]),
    "in-brackets": ("全面启动（2019年10月）", None,
                    [("2019年10月", D(2019, 10, 1), D(2019, 10, 31), "month", "period")]),
    "suffix-guard-qianqi": ("2019年10月前期准备", None,
                            [("2019年10月", D(2019, 10, 1), D(2019, 10, 31), "month", "period")]),
    # not dates
    "not-impossible-day": ("2020年2月30日前", None, []),
    "not-numeric-month-13": ("2019-13-01", None, []),
    "not-day-without-month": ("2020年15日前", None, []),
    "not-placeholder": ("XXX年XXX月底前", 2020, []),
    "not-placeholder-year": ("XXX年10月底前", 2020, []),
    "not-every-year-end": ("每年年底前", 2020, []),
    "not-bare-chinese-month": ("十月", 2020, []),
    "not-bare-month": ("10月", 2020, []),
    "not-duration-without-nei": ("3个月", 2020, []),
    "not-condition": ("脱钩前", 2020, []),
    "not-event-without-year": ("新管理办法出台前", 2020, []),
    "not-citation-year": ("发改体改〔2019〕1063号", 2020, []),
}


def _plain(expression: DateExpression) -> Expected:
    return (expression.text, expression.start, expression.deadline, expression.precision, expression.kind)


@pytest.mark.parametrize(("text", "default_year", "expected"), CASES.values(), ids=CASES.keys())
def test_find_dates(text: str, default_year: int | None, expected: list[Expected]) -> None:
    assert [_plain(e) for e in find_dates(text, default_year)] == expected


def test_span_locates_the_printed_text() -> None:
    text = "力争在２０２０年１０月底前完成"
    (found,) = find_dates(text, None)
    assert found.span == (3, 13) and text[slice(*found.span)] == found.text


def test_year_is_what_the_next_expression_inherits() -> None:
    assert [e.year for e in find_dates("2020年年审前；10个工作日内；12月底前", None)] == [2020, None, 2020]


def test_expression_is_frozen() -> None:
    (found,) = find_dates("2020年底前", None)
    with pytest.raises(AttributeError):
        found.kind = "period"  # type: ignore[misc]


FULL_DATES: dict[str, tuple[str, date | None]] = {
    "chinese": ("二〇二〇年六月十六日", D(2020, 6, 16)),
    "arabic": ("2019年10月15日", D(2019, 10, 15)),
    "full-width": ("２０１９年１０月１５日", D(2019, 10, 15)),
    "numeric": ("2019-10-15", D(2019, 10, 15)),
    "padded": ("\u3000 2018年11月6日 ", D(2018, 11, 6)),
    "spaced": ("2019 年 11 月 4 日", D(2019, 11, 4)),
    "month-only": ("2019年10月", None),
    "deadline": ("2019年10月15日前", None),
    "with-words": ("2018年11月6日印发", None),
    "two-dates": ("2019年10月15日 2019年10月18日", None),
    "no-year": ("10月15日", None),
    "empty": ("", None),
}


@pytest.mark.parametrize(("text", "expected"), FULL_DATES.values(), ids=FULL_DATES.keys())
def test_parse_full_date(text: str, expected: date | None) -> None:
    assert parse_full_date(text) == expected


RELATIVE_YEAR_CASES: dict[str, tuple[str, list[Expected]]] = {
    "this-year-month-end": ("今年10月底前完成", [("今年10月底前", None, date(2020, 10, 31), "month", "deadline")]),
    "this-year-end": ("今年底前完成", [("今年底前", None, date(2020, 12, 31), "year", "deadline")]),
    "this-year-within": ("本年度内完成", [("本年度内", None, date(2020, 12, 31), "year", "deadline")]),
    "next-year-half": ("明年上半年完成", [("明年上半年", date(2021, 1, 1), date(2021, 6, 30), "half", "period")]),
    "next-year-end": ("明年年底前完成", [("明年年底前", None, date(2021, 12, 31), "year", "deadline")]),
    "last-year-month": ("去年10月启动", [("去年10月", date(2019, 10, 1), date(2019, 10, 31), "month", "period")]),
    "range-into-next-year": (
        "今年3月至明年6月",
        [("今年3月至明年6月", date(2020, 3, 1), date(2021, 6, 30), "month", "period")],
    ),
    "not-bare-this-year": ("今年全市要完成脱钩", []),
    "not-this-year-since": ("今年以来，全市稳步推进", []),
}


@pytest.mark.parametrize(("text", "expected"), RELATIVE_YEAR_CASES.values(), ids=RELATIVE_YEAR_CASES.keys())
def test_relative_years_read_against_the_documents_year(text: str, expected: list[Expected]) -> None:
    assert [_plain(e) for e in find_dates(text, 2018, this_year=2020)] == expected


def test_relative_year_without_a_documents_year_takes_the_inherited_one() -> None:
    (found,) = find_dates("明年6月底前", 2019)
    assert found.deadline == date(2020, 6, 30)


def test_relative_year_with_no_year_at_all_has_no_date() -> None:
    (found,) = find_dates("明年6月底前", None)
    assert (found.text, found.deadline) == ("明年6月底前", None)


def test_relative_year_is_no_anchor_for_the_next_date() -> None:
    assert [e.deadline for e in find_dates("明年6月底前完成；9月底前验收", 2020, this_year=2020)] == [
        date(2021, 6, 30),
        date(2020, 9, 30),
    ]


def test_printed_year_stays_the_anchor_past_a_relative_one() -> None:
    assert [e.deadline for e in find_dates("2019年8月底前摸底；去年12月已启动；11月底前验收", 2019, this_year=2019)] == [
        date(2019, 8, 31),
        date(2018, 12, 31),
        date(2019, 11, 30),
    ]
