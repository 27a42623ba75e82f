"""check's daily-average rule (check/rules/per_day.py): a daily average is the total over the days the text
prints, or over the calendar days of its period. Sentences written for these tests: each consistent one raises
nothing, and the same one with the average off raises the error a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_right_and_wrong, assert_rule_case

RULE = ("daily-average",)
ROWS = [
    # the calendar days of 2025's first half: 181
    ("2025年上半年，集装箱吞吐量862.57万标箱，按年增长9.3%，日均{x}万标箱。", "4.77", "4.97", "862.57万标箱 / 181"),
    # the days the text prints, in the sentence before
    ("上半年，全市实现社会消费品零售总额3268.47亿元。按上半年181天计算，日均实现社会消费品零售额{x}亿元。", "18.06",
     "19.06", "3268.47亿元 / 181"),
    ("五一假期5天，全市接待游客612.5万人次，日均接待游客{x}万人次。", "122.5", "132.5", "612.5万人次 / 5"),
    # a leap year, and the total in another magnitude of the same unit
    ("2024年，全市公共交通客运总量7.50亿人次，日均客运量{x}万人次。", "204.9", "214.9", "7.50亿人次 / 366"),
    # 全年 of no named year: 365 or 366 days; the whole two sentences back, not a part after 其中
    ("全年城市公共交通客运总量7.50亿人次。其中，城市轨道交通客运量4.38亿人次，日均119.7万人次；公共汽（电）车客运量"
     "3.12亿人次，日均85.2万人次。全市公共交通日均客运量{x}万人次。", "204.9", "214.9", "7.50亿人次 / 36"),
]


@pytest.mark.parametrize(("text", "right", "wrong", "shown"), ROWS)
def test_a_daily_average_is_the_total_over_the_days(text: str, right: str, wrong: str, shown: str) -> None:
    assert_right_and_wrong(RULE, text, right, wrong, shown)


@pytest.mark.parametrize("text", [
    # a February of an unnamed year: 1-2月 is 59 or 60 days, and either reading holds
    "1-2月，全市快递业务量1.20亿件，日均200.0万件。",
    "1-2月，全市快递业务量1.20亿件，日均203.4万件。",
    # trading days are not calendar days
    "2024年，股票成交额29.2万亿元，日均成交额1200亿元。",
    # no period and no days printed: nothing to divide by
    "全市接待游客612.5万人次，日均接待游客99.9万人次。",
    # the nearest total is of another measure than the one the average names (国内 not 入境)
    "2024年，全市接待国内游客7000万人次，入境游客320万人次，日均接待国内游客19.1万人次。",
])
def test_not_read_as_a_daily_average(text: str) -> None:
    assert_rule_case(RULE, text, None, "")
