"""check's average-per-year rule (check/rules/average_per_year.py): an increase per year, or a growth per year
taken as a simple mean, against the whole span's. Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

INCREASE = "过去10年，甲市常住人口增加397.4万人、年均增量为{v}万，乙市常住人口增加253.5万人、年均增量25.35万。"
SIMPLE = "从人口增长率看，过去十年，甲省人口增长了20.81%，简单算术平均计，每年增长{v}%。"

CASES = [
    # (text, severity of the finding or None when it holds, what the message shows)
    (INCREASE.format(v="39.74"), None, ""),
    (INCREASE.format(v="27.82"), "error", "397.4万人 / 10"),
    (SIMPLE.format(v="2.08"), None, ""),
    (SIMPLE.format(v="1.9"), "error", "20.81% / 10"),  # 1.0190^10 = 1.2077 would hold as a compound rate
    # A growth per year with no word of a simple mean is the geometric mean: not this rule's.
    ("过去十年，甲省人口增长了20.81%，年均增长1.9%。", None, ""),
    # Two spans named: nothing pins the years.
    ("过去10年甲市人口增加300万人，近5年年均增量为30万。", None, ""),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_average_per_year(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("average-per-year",), text, severity, shown)
