"""check's weighted-average rule (check/rules/weighted.py): an average over parts against the parts' averages
weighted by the amounts printed for them (or their plain mean). Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

AMOUNTS = "2021年6月，全国发行地方政府债券8000亿元。其中，发行一般债券2000亿元，发行专项债券6000亿元。\n"
RATE = AMOUNTS + "6月，地方政府债券平均发行利率{v}%，其中一般债券3.20%，专项债券3.60%。"

CASES = [
    # (text, severity of the finding or None when a reading holds, what the message shows)
    (RATE.format(v="3.50"), None, ""),  # (3.2 × 2000 + 3.6 × 6000) / 8000
    (RATE.format(v="3.40"), None, ""),  # the plain mean of 3.20 and 3.60: another reading a release may use
    (RATE.format(v="3.30"), "error", "(3.20% * 2000亿元 + 3.60% * 6000亿元) / (2000亿元 + 6000亿元)"),
    # No amounts printed for the parts: nothing to weight by.
    ("6月，地方政府债券平均发行利率3.30%，其中一般债券3.20%，专项债券3.60%。", None, ""),
    # Amounts of another month: not the average's weights.
    ("2021年5月，发行一般债券2000亿元，发行专项债券6000亿元。\n"
     "2021年6月，地方政府债券平均发行利率3.30%，其中一般债券3.20%，专项债券3.60%。", None, ""),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_weighted_average(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("weighted-average",), text, severity, shown)
