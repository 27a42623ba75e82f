"""check's price-growth rule (check/rules/price_growth.py): the growth of a price per 平方米 against the growths of
the value and the area it is the quotient of. Sentences written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case
from laibin_check import check_text

UP = ("1-5月，某省商品房销售面积5000万平方米，增长20.0%；商品房销售额6000亿元，增长32.0%。"
      "商品房均价1.2万元/平方米，增长{v}%。")
DOWN = ("1-5月，某省购置土地1000万平方米，增长10.0%；土地成交价款200亿元，下降12.0%。"
        "土地平均价格为2000元/平方米，下降{v}%。")
PRINTED_MINUS = ("1-4月，商品房销售面积4000万平方米，下降20.0%；商品房销售额3600亿元，下降28.0%。"
                 "商品房均价为9000元/平方米，涨幅为{v}%。")

CASES = [
    # (text, severity of the price-growth finding or None when it holds, what the message shows)
    (UP.format(v="10.0"), None, ""),  # 1.32 / 1.20 = 1.100
    (UP.format(v="10.1"), None, ""),  # inside the rounding of the three growths
    (UP.format(v="10.2"), "error", "gives 9.9–10.1%"),  # beyond it
    (DOWN.format(v="20.0"), None, ""),  # 0.88 / 1.10 = 0.80: 下降 reads negative
    (DOWN.format(v="2.0"), "error", "(1 - 12.0%) / (1 + 10.0%) - 1"),  # 下降12.0% shown as the fall it is
    (PRINTED_MINUS.format(v="-10.0"), None, ""),  # 0.72 / 0.80 = 0.90
    (PRINTED_MINUS.format(v="10.0"), "error", "gives -10.1–-9.9%"),  # the sign matters
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_price_growth(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("price-growth",), text, severity, shown)


def test_no_reading_without_all_three_growths() -> None:
    text = ("1-5月，某省商品房销售面积5000万平方米；商品房销售额6000亿元，增长32.0%。"
            "商品房均价1.2万元/平方米，增长20.0%。")
    assert [r for r in check_text(text) if r["check_rule"] == "price-growth"] == []
