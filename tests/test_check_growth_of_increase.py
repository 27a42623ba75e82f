"""check's growth-of-increase rule (check/rules/growth_of_increase.py): 与…B相比, 增加D, 增长X% against D / B.
Sentences written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

CENSUS = "与2010年第六次全国人口普查的862.7万人相比，甲市十年间增加397.4万人，增长{v}%，年平均增长率为3.86%。"
FALL = "与上年的500亿元相比，甲市出口减少50亿元，下降{v}%。"
TRADITIONAL = "與2010年普查的862.7萬人相比，甲市十年間增加397.4萬人，增長{v}%。"

CASES = [
    # (text, severity of the finding or None when it holds, what the message shows)
    (CENSUS.format(v="46.07"), None, ""),  # 397.4 / 862.7
    (CENSUS.format(v="65.8"), "error", "397.4万人 / 862.7万人"),  # the increase over the new level's base
    (FALL.format(v="10"), None, ""),  # -50 / 500: 减少 and 下降 both read negative
    (FALL.format(v="9"), "error", "-50亿元 / 500亿元"),  # 减少50亿元 shown with the sign it is read with
    (TRADITIONAL.format(v="46.07"), None, ""),
    (TRADITIONAL.format(v="31.5"), "error", "397.4萬人 / 862.7萬人"),
    # 比年初增加: the comparison is with the start of the year; the first total's increase is no base of the
    # second's (each growth is its increase over its own balance less the increase, increase-growth's relation).
    ("年末存款余额4683.2亿元，比年初增加421.5亿元，增长9.9%；贷款余额3857.6亿元，比年初增加386.2亿元，增长11.1%。",
     None, ""),
    # No base printed in a comparison: 增加…增长 against a level the text does not print.
    ("2020年，甲市常住人口1260万人，十年间增加397.4万人，增长20.0%。", None, ""),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_growth_of_increase(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("growth-of-increase",), text, severity, shown)
