"""check's pull-on-growth rule (check/rules/pull.py): 拉动…增长N个百分点 against the part's increase over the
whole's level a year before. Sentences written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

IMPORTS = ("1-8月，甲省外贸进出口值30000亿元，同增17.1%。其中，出口18000亿元，增长18.6%；进口12000亿元，增长20.0%。\n"
           "1-8月，甲省大宗商品进口2100亿元，增长40.0%，拉动进口增长{v}个百分点。")
# 2100 - 2100 / 1.4 = 600; 12000 / 1.2 = 10000: 6.0 points
WITH_SHARE = ("1-8月，甲省出口20000亿元，增长25.0%。\n1-8月，甲省出口机电产品13200亿元，增长10.0%，占出口总值的66%，"
              "拉动出口增长{v}个百分点。")
# 13200 - 12000 = 1200 over 16000: 7.5 points
TRADITIONAL = ("1-8月，甲省進口12000億元，增長20.0%。\n1-8月，甲省大宗商品進口2100億元，增長40.0%，"
               "拉動進口增長{v}個百分點。")

CITY = ("今年1-10月，我市货物贸易进出口总值2856.4亿元，同比增长7.8%。\n同期全省进出口总值13347.7亿元，增长4.6%。\n"
        "1-10月，我市以一般贸易方式进出口1885.2亿元，增长9.1%，占全市进出口总值的66.0%，比去年同期提高0.8个百分点，"
        "拉动全市进出口增长{v}个百分点。")
# 1885.2 - 1885.2 / 1.091 = 157.2 over 2856.4 / 1.078 = 2649.7: 5.9 points; the city's whole, not the province's

CASES = [
    # (text, severity of the pull finding or None when nothing is flagged, what the message shows)
    (IMPORTS.format(v="6.0"), None, ""),
    (IMPORTS.format(v="6"), None, ""),
    (IMPORTS.format(v="8.0"), "error", "gives 6.0个百分点"),
    (WITH_SHARE.format(v="7.5"), None, ""),
    (WITH_SHARE.format(v="6.6"), "error", "13200亿元"),  # the share read as the pull: not the arithmetic
    (TRADITIONAL.format(v="6.0"), None, ""),
    (TRADITIONAL.format(v="5.0"), "error", "12000億元"),
    (CITY.format(v="5.9"), None, ""),
    (CITY.format(v="6.9"), "error", "(2856.4亿元 / (1 + 7.8%))"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_pull(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("pull-on-growth",), text, severity, shown)


@pytest.mark.parametrize("text", [
    # A pull on GDP is worked out on real growths and deflated parts: not levels × nominal growths.
    "2021年，甲市GDP为1000亿元，增长8.0%。第三产业增加值500亿元，增长10.0%，拉动GDP增长9.0个百分点。",
    "2021年，甲市GDP为1000亿元，增长8.0%。消费500亿元，增长10.0%，拉动经济增长9.0个百分点。",
    # The whole named after 拉动 (进口) is printed only as a part's (机电产品进口): no whole to divide by.
    "1-8月，甲省机电产品进口5000亿元，增长10.0%。大宗商品进口2100亿元，增长40.0%，拉动进口增长9.0个百分点。",
    # The whole printed is June's; the part is January to June's: another period.
    "6月，甲省进口2000亿元，增长20.0%。\n1-6月，甲省大宗商品进口2100亿元，增长40.0%，拉动进口增长9.0个百分点。",
])
def test_not_read(text: str) -> None:
    assert_rule_case(("pull-on-growth",), text, None, "")
