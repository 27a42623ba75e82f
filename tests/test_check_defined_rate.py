"""check's defined-rate rule (check/rules/defined_rate.py): a rate its name defines (营业收入利润率, 每百元营业收入中的
成本) against the two levels it divides. Sentences written for these tests; each row states what
a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

PROFIT = ("1—10月份，全国规模以上工业企业实现利润总额72000.0亿元，同比增长30.0%。\n"
          "1—10月份，规模以上工业企业中，采矿业实现利润总额8000.0亿元，增长150%。\n"
          "1—10月份，规模以上工业企业实现营业收入120.00万亿元，同比增长20.0%；发生营业成本100.20万亿元，"
          "增长19.0%；营业收入利润率为{v}%。\n"
          "1—10月份，规模以上工业企业每百元营业收入中的成本为{c}元。")
TRADITIONAL = ("1—10月份，全國規模以上工業企業實現利潤總額72000.0億元。\n"
               "1—10月份，規模以上工業企業實現營業收入120.00萬億元，營業收入利潤率為{v}%。")
BRANCH_ONLY = ("1—10月份，采矿业实现利润总额8000.0亿元，增长150%。\n"
               "1—10月份，规模以上工业企业实现营业收入120.00万亿元，同比增长20.0%；营业收入利润率为5.2%。")
OTHER_PERIOD = ("1—9月份，全国规模以上工业企业实现利润总额60000.0亿元。\n"
                "1—10月份，规模以上工业企业实现营业收入120.00万亿元，营业收入利润率为6.00%。")

CASES = [
    # (text, severity of the defined-rate finding or None when nothing is flagged, what the message shows)
    (PROFIT.format(v="6.00", c="83.50"), None, ""),  # 72000亿 / 120万亿; 100.2 / 120 × 100
    (PROFIT.format(v="6.60", c="83.50"), "error", "72000.0亿元 / 120.00万亿元"),  # never the 采矿业's profit
    (PROFIT.format(v="6.00", c="85.50"), "error", "100.20万亿元 / 120.00万亿元 * 100元"),
    (BRANCH_ONLY, None, ""),  # the only profit printed is a branch's: not the rate's subject
    (OTHER_PERIOD, None, ""),  # 1—9月 profit, 1—10月 revenue: not one period
    (TRADITIONAL.format(v="6.00"), None, ""),
    (TRADITIONAL.format(v="7.00"), "error", "72000.0億元 / 120.00萬億元"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_defined_rate(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("defined-rate",), text, severity, shown)
