"""check's balance-sheet rule (check/rules/balance.py): assets are liabilities plus owners' equity, and the
asset-liability ratio is liabilities over assets. Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

SHEET = ("11月末，全省规模以上工业企业资产总计{a}万亿元，同比增长9.8%；负债合计5.20万亿元，增长9.1%；"
         "所有者权益合计4.00万亿元，增长10.8%；资产负债率为{r}%，同比降低0.4个百分点。")

CASES = [
    (SHEET.format(a="9.20", r="56.5"), None, ""),
    (SHEET.format(a="9.60", r="54.2"), "error", "5.20万亿元 + 4.00万亿元"),  # 5.20 / 9.60 = 54.2% holds
    (SHEET.format(a="9.20", r="60.5"), "error", "5.20万亿元 / 9.20万亿元"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_balance_sheet(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("balance-sheet",), text, severity, shown)


def test_two_balance_sheets_in_one_paragraph_are_left_alone() -> None:
    text = ("国有企业资产总计9.20万亿元，负债合计5.20万亿元，所有者权益合计3.00万亿元；私营企业资产总计4万亿元，"
            "负债合计2万亿元，所有者权益合计2万亿元。")
    assert_rule_case(("balance-sheet",), text, None, "")


def test_traditional_script_reads_the_same() -> None:
    text = ("11月末，全省規模以上工業企業資產總計9.60萬億元，同比增長9.8%；負債合計5.20萬億元，增長9.1%；"
            "所有者權益合計4.00萬億元，增長10.8%。")
    assert_rule_case(("balance-sheet",), text, "error", "5.20萬億元 + 4.00萬億元")
