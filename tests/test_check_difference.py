"""check's difference rules: difference-of-named (check/rules/difference.py), the gap between two named levels,
and change-since-year (check/rules/change_since.py), a change since a year whose level the paragraph printed.
Sentences written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

BEYOND = "2021年，甲市GDP为28231.97亿元，增长8.1%；乙市GDP为27894.02亿元，增长8.3%。甲市GDP超出乙市{d}亿多元。"
IMPLICIT = ("甲市以人均可支配收入77468元居首；丙市位列第三位，人均可支配收入是67871元，比排名第一的甲市少了{d}元。")
GAP_WITH = ("15个城市中，甲市和乙市作为一线城市，上半年GDP都超过了1.3万亿元。其中，甲市以14324.47亿元位居第一。\n"
            "甲市规模以上工业增加值同比增长8.3%。\n乙市上半年GDP为13101.89亿元，与甲市的差距缩小到{d}亿元。")
GAP_AFTER = "甲市以1260万人力压乙市的1232.6万人，位居第一。但对于这两个千万级人口城市而言，“{d}万”的差距并非不可跨越。"
SINCE = ("2019年甲市人均GDP破20万元，当年人口基数为1344万人。2020年甲市常住人口为1756.01万人，比2019年数据增加{d}万人，"
         "人均GDP被稀释了4.3万元。")
TWO_YEARS = "乙市2019年的人口大约为1079万人，2020年普查为1275万人，人口增加了{d}万，人均GDP稀释了近2万元。"

CASES = [
    (("difference-of-named",), BEYOND.format(d="337"), None, ""),
    (("difference-of-named",), BEYOND.format(d="437"), "error", "28231.97亿元 - 27894.02亿元"),  # 超出, no 比
    (("difference-of-named",), IMPLICIT.format(d="9597"), None, ""),
    (("difference-of-named",), IMPLICIT.format(d="7597"), "error", "77468元 - 67871元"),  # the level before it
    (("difference-of-named",), GAP_WITH.format(d="1223"), None, ""),
    (("difference-of-named",), GAP_WITH.format(d="1523"), "error", "1523亿元"),  # either way round
    (("difference-of-named",), GAP_AFTER.format(d="27.4"), None, ""),
    (("difference-of-named",), GAP_AFTER.format(d="37.4"), "error", "37.4万"),
    (("change-since-year",), SINCE.format(d="412"), None, ""),
    (("change-since-year",), SINCE.format(d="312"), "error", "1756.01万人 - 1344万人"),
    (("change-since-year",), TWO_YEARS.format(d="196"), None, ""),
    (("change-since-year",), TWO_YEARS.format(d="296"), "error", "1275万人 - 1079万人"),
]


@pytest.mark.parametrize(("rules", "text", "severity", "shown"), CASES)
def test_difference(rules: tuple[str, ...], text: str, severity: str | None, shown: str) -> None:
    found = assert_rule_case(rules, text, severity, shown)
    if severity is not None:
        assert found[0]["code"] == "LC102"


@pytest.mark.parametrize("text", [
    "今年甲市GDP为1.2万亿元，比上年多1000亿元。",  # a side named by a period: a change over time, not read here
    "甲市GDP为1.2万亿元，乙市为1.1万亿元，丙市为1万亿元。三市之间的差距为2000亿元。",  # three levels: which two?
    "甲市人口为1000万人，乙市人口为800万人，两市共有企业30万家，人口增加了50万人。",  # two places, no years
    "2019年全市出口为500亿元，2020年进口为800亿元，增加了50亿元。",  # two measures, not one measure's change
    "甲市GDP为1000亿元，乙市GDP为800亿元。两市人均收入的差距为5000元。",  # the gap of another measure
])
def test_not_read_as_a_difference(text: str) -> None:
    assert_rule_case(("difference-of-named", "change-since-year"), text, None, "")
