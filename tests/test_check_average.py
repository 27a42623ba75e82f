"""check's average-over-years rule (check/rules/average.py): a two-year average growth against the growth over
the two years, the base year named once for the sentence. Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

LEAD = ("与2019年同期相比，服务进出口下降9%，两年平均下降{a}%，其中出口增长21.5%，两年平均增长{b}%；"
        "进口下降25.9%，两年平均下降13.9%。")

SINCE = "2024年，全省社会消费品零售总额13612.4亿元，比上年增长4.5%，比2020年的10950.2亿元增长24.3%，年均增长{a}%。"

CASES = [
    # (text, severity of the finding or None when every pair holds, what the message shows)
    (LEAD.format(a="4.6", b="10.2"), None, ""),  # 0.954^2 = 0.910; 1.102^2 = 1.214
    (LEAD.format(a="6.0", b="10.2"), "error", "does not compound to 9%"),
    (LEAD.format(a="4.6", b="15.0"), "error", "does not compound to 21.5%"),
    # A year-on-year growth between the base and the pair: the base no longer governs it.
    ("与2019年同期相比，全市GDP增长10.0%；同比增长12.7%，两年平均增长7.0%。", None, ""),
    # 年均 with no count of years: the years from the base year to the figure's (1.056^4 = 1.243)
    (SINCE.format(a="5.6"), None, ""),
    (SINCE.format(a="6.1"), "error", "年均 6.1% does not compound to 24.3% over 4 years"),
    # the figure's year unknown: no count of years to read
    ("全省社会消费品零售总额13612.4亿元，比2020年的10950.2亿元增长24.3%，年均增长6.1%。", None, ""),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_average_over_years(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("average-over-years",), text, severity, shown)
