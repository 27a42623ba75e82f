"""check's level-plus-increase rule (check/rules/increase.py): an earlier level of the same measure and place,
plus the increase since, is the level reached. Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

BOTH = ("对比两市全域常住人口，乙市为1260万人，甲市为1245万人。\n"
        "乙市常住人口超过甲市后，甲市发布数据：甲市居住半年以上的人口达425.5万人，较普查时净增105.5万人，"
        "常住人口已达到{y}万。")
NEITHER = ("对比两市全域常住人口，乙市为1260万人，甲市为1245万人。\n"
           "甲市和乙市都发布了数据：较普查时净增105.5万人，常住人口已达到{y}万。")
TO = "2019年甲市的统计人口为659万左右，2020年普查显示增加了87万至{y}万人左右，人均GDP稀释了1.4万元。"
CASES = [
    (TO.format(y="746"), None, ""),
    (TO.format(y="846"), "error", "+ 87万人"),  # 增加了87万至: from the level just before
    (BOTH.format(y="1350.5"), None, ""),
    # both places are named before the increase; the one named last is its subject: 甲市's 1245万
    (BOTH.format(y="1351.5"), "error", "1245万人 + 105.5万人"),
    (NEITHER.format(y="1350.5"), None, ""),  # one reading holds: not a contradiction
    # 甲市 and 乙市 named together: either level could be the base, a suggestion only
    (NEITHER.format(y="1380.5"), "warning", "review:"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_level_plus_increase(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("level-plus-increase",), text, severity, shown)


def test_a_part_increased_to_is_not_the_whole_level() -> None:
    text = "2020年全市常住人口为1000万人，其中城镇人口增加了20万至600万人。"
    assert_rule_case(("level-plus-increase",), text, None, "")
