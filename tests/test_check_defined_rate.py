"""check's defined-rate rule (check/rules/defined_rate.py): a rate its name defines (资产负债率, 营业收入利润率,
每百元营业收入中的成本) against the two levels it divides. Sentences written for these tests; each row states what
a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

DEBT = ("11月末，规模以上工业企业资产总计150.00万亿元，同比增长9.0%；负债合计84.00万亿元，增长9.1%；"
        "资产负债率为{v}%，同比降低0.4个百分点。")
DEBT_TRADITIONAL = ("11月末，規模以上工業企業資產總計150.00萬億元，同比增長9.0%；負債合計84.00萬億元，增長9.1%；"
                    "資產負債率為{v}%。")
PROFIT = ("1—10月份，全国规模以上工业企业实现利润总额72000.0亿元，同比增长30.0%。\n"
          "1—10月份，规模以上工业企业中，采矿业实现利润总额8000.0亿元，增长150%。\n"
          "1—10月份，规模以上工业企业实现营业收入120.00万亿元，同比增长20.0%；发生营业成本100.20万亿元，"
          "增长19.0%；营业收入利润率为{v}%。\n"
          "1—10月份，规模以上工业企业每百元营业收入中的成本为{c}元。")
BRANCH_ONLY = ("1—10月份，采矿业实现利润总额8000.0亿元，增长150%。\n"
               "1—10月份，规模以上工业企业实现营业收入120.00万亿元，同比增长20.0%；营业收入利润率为5.2%。")
OTHER_PERIOD = ("1—9月份，全国规模以上工业企业实现利润总额60000.0亿元。\n"
                "1—10月份，规模以上工业企业实现营业收入120.00万亿元，营业收入利润率为6.00%。")

CASES = [
    # (text, severity of the defined-rate finding or None when nothing is flagged, what the message shows)
    (DEBT.format(v="56.0"), None, ""),  # 84 / 150
    (DEBT.format(v="58.0"), "error", "84.00万亿元 / 150.00万亿元"),
    (DEBT_TRADITIONAL.format(v="56.0"), None, ""),
    (DEBT_TRADITIONAL.format(v="65.0"), "error", "84.00萬億元 / 150.00萬億元"),
    (PROFIT.format(v="6.00", c="83.50"), None, ""),  # 72000亿 / 120万亿; 100.2 / 120 × 100
    (PROFIT.format(v="6.60", c="83.50"), "error", "72000.0亿元 / 120.00万亿元"),  # never the 采矿业's profit
    (PROFIT.format(v="6.00", c="85.50"), "error", "100.20万亿元 / 120.00万亿元 * 100元"),
    (BRANCH_ONLY, None, ""),  # the only profit printed is a branch's: not the rate's subject
    (OTHER_PERIOD, None, ""),  # 1—9月 profit, 1—10月 revenue: not one period
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_defined_rate(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("defined-rate",), text, severity, shown)
