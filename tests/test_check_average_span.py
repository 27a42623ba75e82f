"""check's average-over-span rule (check/rules/average_span.py): an average annual growth against the growth over
the span the sentence names. Sentences written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case
from laibin_check import check_text

TEN = "与2010年相比，甲市十年间常住人口增加300万人，增长46.07%，年平均增长率为{v}%。"
FIVE = "过去5年，全省GDP累计增长40.0%，年均增长{v}%。"
FALL = "与2010年相比，甲市人口减少10.0%，十年间年平均下降{v}%。"
DECADE = "甲市较第六次人口普查增加254.11万人，增长25.97%，是自有普查以来增长最快的十年，年平均增长率为{v}%。"

CASES = [
    # (text, severity of the finding or None when it holds, what the message shows)
    (TEN.format(v="3.86"), None, ""),  # 1.0386^10 = 1.4602
    (TEN.format(v="3.87"), "error", "over 10 years"),  # the edge of rounding: 1.0387^10 = 1.4616
    (TEN.format(v="4.6"), "error", "does not compound to 46.07%"),
    (FIVE.format(v="7.0"), None, ""),  # 1.07^5 = 1.4026
    (FIVE.format(v="8.0"), "error", "over 5 years"),
    (FALL.format(v="1.05"), None, ""),  # 0.9895^10 = 0.8998: 下降 reads negative
    (FALL.format(v="2.05"), "error", "over 10 years"),
    (DECADE.format(v="2.34"), None, ""),  # 1.0234^10 = 1.2602: 的十年 names the span
    (DECADE.format(v="1.64"), "error", "over 10 years"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_average_over_span(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("average-over-span",), text, severity, shown)


@pytest.mark.parametrize("text", [
    "过去十年，全省人口增长20.8%，按简单算术平均计，年均增长2.08%。",  # a simple mean is another relation
    "全省GDP累计增长40.0%，年均增长8.0%。",  # no span named
    "比2019年同期增长11.1%，两年平均增长5.4%。",  # two-year averages are average.py's
])
def test_not_read(text: str) -> None:
    assert [r for r in check_text(text) if r["check_rule"] == "average-over-span"] == []
