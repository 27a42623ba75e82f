"""check's price-index-parts rule (check/rules/price_parts.py): the parts a price index's rise is split into,
in percentage points, make up the rise. Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

CARRY = ("从6月份来看，CPI同比上涨2.5%。在6月份2.5%的同比涨幅中，翘尾因素影响约{c}个百分点，比上月扩大0.4个百分点；"
         "新涨价因素约1.3个百分点，和上月持平。")
HALVES = ("从同比看，PPI上涨8.8%，涨幅比上月回落0.3个百分点。\n"
          "PPI中，生产资料价格上涨11.4%，影响工业生产者出厂价格总水平上涨约{p}个百分点。其中，采掘工业价格上涨33.0%。"
          "生活资料价格上涨0.9%，影响工业生产者出厂价格总水平上涨约0.21个百分点。")
BOTH = ("PPI同比上涨8.8%。PPI环比上涨0.5%。\n"
        "PPI中，生产资料价格上涨11.4%，影响工业生产者出厂价格总水平上涨约{p}个百分点。"
        "生活资料价格上涨0.9%，影响工业生产者出厂价格总水平上涨约0.21个百分点。")

CASES = [
    (CARRY.format(c="1.2"), None, ""),
    (CARRY.format(c="0.8"), "error", "2.5% does not follow"),
    (HALVES.format(p="8.56"), None, ""),
    (HALVES.format(p="5.99"), "error", "8.8% does not follow"),
    (BOTH.format(p="8.56"), None, ""),
    (BOTH.format(p="5.99"), "warning", "review:"),  # 同比 or 环比: the whole is a reading to confirm
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_price_index_parts(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("price-index-parts",), text, severity, shown)


def test_carry_over_without_the_rise_it_splits_is_left_alone() -> None:
    text = "6月份，CPI同比上涨2.5%，食品价格上涨2.9%。翘尾因素影响约0.8个百分点，新涨价因素约1.3个百分点。"
    assert_rule_case(("price-index-parts",), text, None, "")
