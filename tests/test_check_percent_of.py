"""check's percent-of-named rule (check/rules/percent_of.py): A的M是B的x% against the two places' printed levels of
that measure. Sentences written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

LEVELS = ("2020年，甲省经济总量为11万亿元，折算GDP为1.60万亿美元，人均GDP为1.30万美元，每平方公里GDP产出为900万美元。\n"
          "2020年，乙国经济总量为5.00万亿美元，人均GDP接近4万美元，每平方公里GDP产出1300万美元。\n"
          "丙国经济总量为1.70万亿美元，与甲省相当，但丙国的人均GDP为3.25万美元，每平方公里GDP产出为1800万美元。\n")
PAIRED = LEVELS + "从GDP和人均GDP上看，甲省的GDP和人均GDP是乙国的{a}%和33%，是丙国的{b}%和40%。"
LISTED = LEVELS + "从每平方公里GDP产出看，甲省的产出是乙国的{a}%和丙国的50%。"

CASES = [
    # (text, severity of the finding or None when every pair holds, what the message shows)
    (PAIRED.format(a="32", b="94"), None, ""),  # 1.60 / 5.00; 1.60 / 1.70
    (PAIRED.format(a="42", b="94"), "error", "1.60万亿美元 / 5.00万亿美元"),
    (PAIRED.format(a="32", b="84"), "error", "1.60万亿美元 / 1.70万亿美元"),  # 丙国's GDP, not its 人均GDP
    (LISTED.format(a="69.23"), None, ""),  # 900 / 1300: 产出 is the heading's 每平方公里GDP产出
    (LISTED.format(a="59.23"), "error", "900万美元 / 1300万美元"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_percent_of_named(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("percent-of-named",), text, severity, shown)


@pytest.mark.parametrize("text", [
    # 乙国's level of the measure is printed nowhere: no pair.
    "2020年，甲省GDP为1.60万亿美元。乙国人均GDP接近4万美元。甲省的GDP是乙国的60%。",
    # A growth compared, not a level: 增长 changes the measure.
    "2020年，甲省GDP增长5.0%。乙国GDP增长2.0%。甲省的GDP是乙国的60%。",
    # Percentages that are not the comparison (占) leave the sentence alone.
    "2020年，甲省GDP为1.60万亿美元，乙国GDP为5.00万亿美元。甲省的GDP是乙国的32%，占全球的2%。",
])
def test_not_read(text: str) -> None:
    assert_rule_case(("percent-of-named",), text, None, "")
