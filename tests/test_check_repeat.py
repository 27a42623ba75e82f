"""check's same-figure-twice rule (check/rules/repeat.py): one measure, place and period printed twice must be
one figure (a title or a lead rounds the body's). Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

LEAD = ("2022年上半年全国GDP达{a}万亿元，同比增长2.5%。\n专家认为经济顶住了压力。\n"
        "2022年上半年国内生产总值562642亿元，同比增长2.5%。")
TITLE = "甲省前三季度GDP达{a}万亿\n　　2021年前三季度甲省地区生产总值为88009.86亿元，同比增长9.7%。"

CASES = [
    (LEAD.format(a="56.26"), None, ""),
    (LEAD.format(a="39.38"), "error", "39.38万亿元 == 562642亿元"),
    (TITLE.format(a="8.8"), None, ""),
    (TITLE.format(a="6.2"), "error", "is 6.2万亿 and 88009.86亿元"),  # a title leaves the year (and 元) out
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_one_figure_printed_twice(text: str, severity: str | None, shown: str) -> None:
    found = assert_rule_case(("same-figure-twice",), text, severity, shown)
    if severity is not None:
        assert found[0]["code"] == "LC108"


@pytest.mark.parametrize("text", [
    # a year named for one print and not the other: last year's months
    "楼市回暖\n1-3月，全国商品房销售面积36007万平方米。\n受疫情影响，2020年1-3月商品房销售面积21978万平方米。",
    # a later figure of its sentence: its place is named in an earlier clause
    "两市比较\n2020年，甲市经济总量为5万亿元，人均GDP为4万元。\n2020年，乙市经济总量为2万亿元，人均GDP为1.3万元。",
    # a change, not a level: each place's own
    # a heading before a colon names the place: two provinces' figures, not one figure twice
    "各省经济\n甲省：前三季度GDP为8.8万亿元，同比增长9.7%。\n乙省：前三季度GDP为6.2万亿元，同比增长10.2%。",
    "人口与人均GDP\n无锡2019年人口为659万，人均GDP稀释了1.4万元。\n苏州2019年人口为1079万，人均GDP稀释了2万元。",
    # 比去年同期 is one base of comparison, not a 同期 that would carry 2019 over from the paragraph before
    "国庆假期\n2019年国庆假期，全市接待游客1084.7万人次。\n过夜游客512.3万人次，比去年同期提高2.1个百分点。"
    "10月3日，全市接待游客241.5万人次。",
])
def test_not_read_as_one_figure(text: str) -> None:
    assert_rule_case(("same-figure-twice",), text, None, "")


def test_traditional_script_reads_the_same() -> None:
    text = ("甲省經濟\n2022年上半年全國GDP達39.38萬億元，同比增長2.5%。\n"
            "2022年上半年國內生產總值562642億元，同比增長2.5%。")
    assert_rule_case(("same-figure-twice",), text, "error", "39.38萬億元")
