"""check's count-listed rule (check/rules/count_listed.py): a count against the list that follows it (with
count.py, which reads the lists right after the count in its sentence first). Sentences written for these tests;
each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case
from laibin_check import check_text

CASES = [
    # (text, severity of the count-listed finding or None when it holds or is not read, what the message shows)
    ("按城区常住人口排序，全省大城市增至3个，分别是甲市、乙市和丙市。", None, ""),
    ("按城区常住人口排序，全省大城市增至4个，分别是甲市、乙市和丙市。", "error", "names 3, not 4"),
    ("数据来自年报的城市有4个，它们是：甲、乙、丙、丁。", None, ""),
    ("数据来自年报的城市有5个，它们是：甲、乙、丙、丁。", "error", "names 4, not 5"),
    ("上半年增速最高的2个省份分别是甲省和乙省。", None, ""),
    ("上半年增速最高的3个省份分别是甲省和乙省。", "error", "names 2, not 3"),
    ("3月有5个城市成交回暖。它们是甲、乙、丙、丁、戊。", None, ""),  # the list opens the next sentence
    ("3月有6个城市成交回暖。它们是甲、乙、丙、丁、戊。", "error", "names 5, not 6"),
    ("全省有2个县入围，包括甲县、乙县、丙县。", "error", "names 3"),  # never more than it counts
    ("全省有5个县入围，分别是甲县、乙县等。", None, ""),  # 等: a partial list
    # places counted without a classifier, right after the last name
    ("目前已公布的省份中，甲(6.9%)、乙(6.7%)、丙(6.5%)3省份的增速超过6%。", None, ""),
    ("目前已公布的省份中，甲(6.9%)、乙(6.7%)、丙(6.5%)4省份的增速超过6%。", "error", "names 3, not 4"),
    ("目前公布的省份中，甲、乙、丙、丁4省一季度收入超过全国平均线。", None, ""),
    ("目前公布的省份中，甲、乙、丙、丁6省一季度收入超过全国平均线。", "error", "names 4, not 6"),
    ("甲、乙、丙等3市(州)到资实现增长。", None, ""),
    ("甲、乙、丙等2市(州)到资实现增长。", "error", "names 3 of them"),
    # 它们是 a clause or two after the count, with no figure between
    ("有3个城市的数据不完整，所以没有参与排名，它们是：甲、乙、丙。", None, ""),
    ("有4个城市的数据不完整，所以没有参与排名，它们是：甲、乙、丙。", "error", "names 3, not 4"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_count_listed(text: str, severity: str | None, shown: str) -> None:
    # count.py (count-of-named) reads some of these lists first; this rule never reads a count twice.
    found = assert_rule_case(("count-listed", "count-of-named"), text, severity, shown)
    if severity is None:
        return
    assert found[0]["code"] == "LC104"


@pytest.mark.parametrize("text", [
    "全省有4个县入围，分别是甲、乙、丙三县和丁县。",  # counted again inside the list (3 + 1): no error
    "全省有3个指标，分别为增长5%、6%和7%。",  # figures, not names
    "今年新增的城市比去年多3个，分别是甲市、乙市。",  # 多3个 is a difference, not the size of the list
    "全省有4个县入围，分别是东部的甲县和乙县以及西部的丙县。",  # items with 的: not plain names
    "全市新建小学、初中12所。",  # a classifier after categories counts the schools, not the categories
    "有4个城市的数据不完整，涉及2个省，它们是：甲、乙。",  # another count between: 它们 may be its items
])
def test_not_read_as_a_list_of_the_count(text: str) -> None:
    assert [r for r in check_text(text) if r["check_rule"] in ("count-listed", "count-of-named")] == []
