"""check's multiple-of rule (check/rules/multiple.py): 是/相当于…的N倍 against the two levels it divides. Sentences
written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case
from laibin_check import check_text

INSIDE = "2021年，甲市居民人均可支配收入6.60万元，是全省平均水平3.30万元的{v}倍。"
EARLIER = ("2021年，全省居民人均可支配收入3.30万元，增长9.0%；中位数2.90万元，增长8.0%。"
           "甲市居民人均可支配收入6.60万元，是全省平均数的{v}倍。")
NAMED = "甲省常住人口达到1.20亿人。以乙国的6000万人口计，甲省人口相当于乙国的{v}倍。"
OWNED = ("普查数据显示，甲省成为人口最多的省份，人口规模达到1.26亿人。\n从人口总数上，甲省首超丙国的1.248亿人。\n"
         "以乙国的6683万人口总数计，甲省人口相当于乙国的{v}倍。")
TWO = "甲省常住人口达到1.20亿人。甲省户籍人口1.10亿人。以乙国的6000万人口计，甲省人口相当于乙国的{v}倍。"

CASES = [
    # (text, severity of the multiple-of finding or None when nothing is flagged, what the message shows)
    (INSIDE.format(v="2"), None, ""),
    (INSIDE.format(v="2.0"), None, ""),
    (INSIDE.format(v="2.1"), "error", "6.60万元 / 3.30万元"),  # 2.00: one decimal past rounding
    (EARLIER.format(v="2.0"), None, ""),  # 平均数 is the mean, never the 中位数 (6.6 / 2.9 = 2.28)
    (EARLIER.format(v="2.3"), "error", "6.60万元 / 3.30万元"),
    (NAMED.format(v="2"), None, ""),
    (NAMED.format(v="1.5"), "error", "1.20亿人 / 6000万人"),
    (OWNED.format(v="1.89"), None, ""),
    (OWNED.format(v="1.32"), "error", "1.26亿人 / 6683万人"),  # 丙国的1.248亿人 is 丙国's, not 甲省's
    (TWO.format(v="1.8"), None, ""),  # 1.1亿 / 6000万 = 1.83: one of the two readings holds
    (TWO.format(v="1.5"), "warning", "6000万人"),  # two populations could be meant: a suggestion only
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_multiple(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("multiple-of",), text, severity, shown)


@pytest.mark.parametrize("text", [
    "甲市GDP为1200亿元，比上年增长2倍。",  # 增长N倍: some writers mean 1 + N; not read
    "甲市GDP为1200亿元，乙市为400亿元，甲市GDP是乙市的3倍。",  # holds
    "甲市GDP为1200亿元，乙市为500亿元，甲市GDP是丙市的3倍。",  # 丙市 is printed nowhere
])
def test_no_error_where_the_wording_does_not_pin_the_relation(text: str) -> None:
    assert [r for r in check_text(text) if r["severity"] == "error"] == []
