"""check's one-quantity-two-units rule (check/rules/conversion.py): one quantity printed in two units of one
dimension (合, 折合, or in brackets right after it) must convert. Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_right_and_wrong, assert_rule_case

RULE = ("one-quantity-two-units",)
ROWS = [
    # 1 吨 = 2000 斤
    ("2024年，全省粮食总产量1268.4万吨，合{x}亿斤，比上年增加26.8万吨。", "253.7", "263.7", "1268.4万吨 == "),
    # 1 公顷 = 15 亩, in brackets, in either script
    ("全年糧食播種面積62.48萬畝（折合{x}萬公頃），比上年增加0.35萬畝。", "4.17", "4.37", "62.48萬畝 == "),
    ("全省粮食播种面积3186.5万亩，折合{x}万公顷。", "212.4", "222.4", "3186.5万亩 == "),
]


@pytest.mark.parametrize(("text", "right", "wrong", "shown"), ROWS)
def test_one_quantity_in_two_units(text: str, right: str, wrong: str, shown: str) -> None:
    assert_right_and_wrong(RULE, text, right, wrong, shown)


@pytest.mark.parametrize("text", [
    # two currencies: a conversion at a rate the text may not print
    "首三季社会消费品零售总额1.58万亿元人民币（约1.93万亿港元）。",
    # the bracket holds a part, or last year's level
    "全年商品房销售面积1200万平方米（其中住宅1000万平方米）。",
    "全年出口1.2万辆（上年为8000辆）。",
    # the same unit twice is two figures
    "夏粮产量352.7万吨，秋粮产量915.7万吨。",
])
def test_not_read_as_one_quantity(text: str) -> None:
    assert_rule_case(RULE, text, None, "")
