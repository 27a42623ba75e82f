"""check's growth-over-year rule (check/rules/growth_years.py): a year-on-year growth against the same measure's
level printed for the same months a year before. Sentences written for these tests; each row states what a user
sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

MONTHS = ("2018年1月，我国实际使用外资金额800亿元，同比增长0.3%。\n"
          "2019年1月，全国实际使用外资840亿元人民币，同比增长{v}%。")
TRADITIONAL = "2018年1月，實際使用外資800億元。2019年1月，實際使用外資840億元，同比增長{v}%。"
ABOVE_SIZE = ("2020年1-5月，规模以上工业企业实现营业收入40.0万亿元。\n"
              "2021年1-5月，规模以上工业企业实现营业收入50.0万亿元，同比增长{v}%。")

CASES = [
    # (text, severity of the finding or None when it holds, what the message shows)
    (MONTHS.format(v="5.0"), None, ""),  # 840 / 800 = 1.05
    (MONTHS.format(v="4.0"), "error", "840亿元 / 800亿元 - 1"),
    (TRADITIONAL.format(v="5"), None, ""),
    (TRADITIONAL.format(v="8"), "error", "840億元 / 800億元 - 1"),
    # Enterprises above a size are compared on a comparable basis, not on last year's printed level: review.
    (ABOVE_SIZE.format(v="25.0"), None, ""),
    (ABOVE_SIZE.format(v="20.0"), "warning", "50.0万亿元 / 40.0万亿元 - 1"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_growth_over_year(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("growth-over-year",), text, severity, shown)


@pytest.mark.parametrize("text", [
    # GDP grows in real terms: its growth is not the ratio of two nominal levels.
    "2020年一季度，甲市地区生产总值1000亿元。2021年一季度，甲市地区生产总值1200亿元，同比增长8.0%。",
    # 环比 compares with the month before, not the year before.
    "2018年1月，实际使用外资800亿元。2019年1月，实际使用外资840亿元，环比增长1.0%。",
    # Two levels of the measure a year before (a revision, another scope): nothing pins which.
    "2018年1月，实际使用外资800亿元。2018年1月，实际使用外资810亿元。2019年1月，实际使用外资840亿元，同比增长1.0%。",
    # Another part of the year: 2018年 (the whole year) is not 2019年1月's year before.
    "2018年，实际使用外资8000亿元。2019年1月，实际使用外资840亿元，同比增长1.0%。",
])
def test_not_read(text: str) -> None:
    assert_rule_case(("growth-over-year",), text, None, "")
