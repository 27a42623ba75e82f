"""check's gap-to-named rule (check/rules/gap_named.py): a gap in percentage points between two growths the text
prints and names just before it. Sentences written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case
from laibin_check import check_text

SAME = "1-7月，其中服务出口13000亿元，增长23.2%；进口15000亿元，下降4%，服务出口增幅大于进口{v}个百分点。"
NEXT = "1-7月，其中服务出口13000亿元，增长23.2%；进口15000亿元，下降4%。服务出口增幅大于进口{v}个百分点。"
BELOW = "上半年，甲类投资增长6.5%，乙类投资增长9.0%，甲类投资增速低于乙类投资{v}个百分点。"

CASES = [
    # (text, severity of the gap-to-named finding or None when it holds, what the message shows)
    (SAME.format(v="27.2"), None, ""),  # 23.2 - (-4): 下降 reads negative
    (SAME.format(v="19.2"), "error", "gives 26.7–27.7个百分点"),  # the sign forgotten
    (NEXT.format(v="27.2"), None, ""),  # the growths printed in the sentence before
    (NEXT.format(v="28.0"), "error", "23.2% - 4%"),  # beyond the rounding of 4% (3.5–4.5)
    (BELOW.format(v="2.5"), None, ""),
    (BELOW.format(v="3.5"), "error", "9.0% - 6.5%"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_gap_to_named(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("gap-to-named",), text, severity, shown)


@pytest.mark.parametrize("text", [
    "上半年，甲类投资增长6.5%，高于全国平均水平2.5个百分点。",  # the national rate is printed nowhere
    "上半年，甲类投资增长6.5%，两年平均增长4.0%，乙类投资两年平均增长3.0%，甲类投资增速高于乙类投资3.5个百分点。",
    "上半年，消费增长6.5%，拉动经济增长2.5个百分点。",  # a contribution, not a gap
])
def test_not_read(text: str) -> None:
    assert [r for r in check_text(text) if r["check_rule"] == "gap-to-named"] == []
