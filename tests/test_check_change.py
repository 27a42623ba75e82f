"""A change stated between two printed levels (check/rules/change.py) and the other rules of a stated change.

A change stated as a fall is read once (check/model.py `rising`): a figure right after a fall word carries its
sign (减少30.77亿元 is -30.77亿元, as verify reads it), so the change is new - old; a fall stated without one
(比上年少30.77亿元, 低3.4个百分点) is its size, old - new. Each row is consistent (nothing shown) or off by a
printed digit (the error a user sees). Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_right_and_wrong, assert_rule_case

FROM_GROWTH = "全年出口由317.22亿元下降到286.45亿元，下降{g}%。"
FROM_AMOUNT = "全年出口由317.22亿元减少到286.45亿元，减少{d}亿元。"
SINCE_GROWTH = "全年出口286.45亿元，比上年的317.22亿元下降{g}%。"
SINCE_AMOUNT = "全年出口286.45亿元，较上年的317.22亿元减少{d}亿元，下降9.7%。"
SINCE_LESS = "全年出口286.45亿元，比上年的317.22亿元少{d}亿元。"
YEAR_END = "年末常住人口365万人，比上年末的370万人减少{d}万人。"
GAP_INSIDE = "前三季度，全市工业增加值增长7.1%，增速比上半年的7.5%回落{p}个百分点。"
GAP_FROM = "全市工业增加值增速由上年的7.5%回落到7.1%，回落{p}个百分点。"
SINCE_YEAR = "2019年全市人口为1344万人。2020年常住人口为1330万人，比2019年减少{d}万人。"
TO_LEVEL = "全市常住人口为659万人，今年减少了{d}万人至646万人。"

CHANGE = ("change-between-levels",)
CASES = [
    (CHANGE, FROM_GROWTH.format(g="9.7"), None, ""),
    (CHANGE, FROM_GROWTH.format(g="7.7"), "error", "286.45亿元 / 317.22亿元 - 1, which gives -9.7%"),
    (CHANGE, FROM_AMOUNT.format(d="30.77"), None, ""),
    (CHANGE, FROM_AMOUNT.format(d="32.77"), "error", "286.45亿元 - 317.22亿元"),
    (CHANGE, SINCE_GROWTH.format(g="9.7"), None, ""),  # one figure after the compared level is enough
    (CHANGE, SINCE_GROWTH.format(g="8.7"), "error", "286.45亿元 / 317.22亿元 - 1"),
    (CHANGE, SINCE_AMOUNT.format(d="30.77"), None, ""),
    (CHANGE, SINCE_AMOUNT.format(d="33.77"), "error", "286.45亿元 - 317.22亿元"),
    (CHANGE, SINCE_LESS.format(d="30.77"), None, ""),  # 少: the size of the fall, old - new
    (CHANGE, SINCE_LESS.format(d="33.77"), "error", "317.22亿元 - 286.45亿元"),
    (CHANGE, YEAR_END.format(d="5"), None, ""),  # 比上年末的
    (CHANGE, YEAR_END.format(d="8"), "error", "365万人 - 370万人"),
    (("gap-in-points",), GAP_INSIDE.format(p="0.4"), None, ""),
    (("gap-in-points",), GAP_INSIDE.format(p="0.9"), "error", "7.1% - 7.5%"),
    (("gap-in-points",), GAP_FROM.format(p="0.4"), None, ""),
    (("gap-in-points",), GAP_FROM.format(p="0.9"), "error", "7.1% - 7.5%"),
    (("change-since-year",), SINCE_YEAR.format(d="14"), None, ""),
    (("change-since-year",), SINCE_YEAR.format(d="24"), "error", "1330万人 - 1344万人"),
    (("level-plus-increase",), TO_LEVEL.format(d="13"), None, ""),
    (("level-plus-increase",), TO_LEVEL.format(d="23"), "error", "646万人"),
]


@pytest.mark.parametrize(("rules", "text", "severity", "shown"), CASES)
def test_a_fall_is_read_once(rules: tuple[str, ...], text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(rules, text, severity, shown)


LEVELS = [
    # a growth since a year printed after the level's own growth
    ("2024年，全省社会消费品零售总额13612.4亿元，比上年增长4.5%，比2020年的10950.2亿元增长{x}%。", "24.3", "27.3",
     "13612.4亿元 / 10950.2亿元 - 1"),
    # last year's level after this year's (上年同期为), then the growth
    ("全省汽车产量48.6万辆，上年同期为43.2万辆，同比增长{x}%。", "12.5", "15.5", "48.6万辆 / 43.2万辆 - 1"),
    # the change and then its growth, both stated
    ("钢材产量2310.7万吨，比上年同期的2387.1万吨减少76.4万吨，下降{x}%。", "3.2", "4.2", "2310.7万吨 / 2387.1万吨 - 1"),
    # a daily average between the total and the compared level
    ("集装箱吞吐量862.57万标箱，按年增长9.3%，日均4.77万标箱；较2019年同期的612.40万标箱增长{x}%。", "40.9", "38.9",
     "862.57万标箱 / 612.40万标箱 - 1"),
    # the targets a revenue is measured against are not the revenue
    ("全县一般公共预算收入完成186342万元，为调整预算185000万元的100.7%、年初预算182000万元的102.4%，"
     "比上年177127万元增收9215万元，增长{x}%。", "5.2", "5.7", "186342万元 / 177127万元 - 1"),
    # 增长N倍: N times more, new / old - 1
    ("2024年，全省研发经费投入23.5亿元，比2020年的3.8亿元增长{x}倍。", "5.2", "6.2", "23.5亿元 / 3.8亿元 - 1"),
    ("全省充电基础设施由2020年底的1.86万个增至2024年底的12.47万个，增长{x}倍。", "5.7", "6.7",
     "12.47万个 / 1.86万个 - 1"),
    # the level as a percentage of the one it was compared with, of the same base period
    ("集装箱吞吐量862.57万标箱，较2019年同期的612.40万标箱增长40.9%，相当于2019年同期的{x}%。", "140.9", "141.7",
     "862.57万标箱 / 612.40万标箱"),
]


def test_times_more_of_gdp_is_a_suggestion() -> None:
    """GDP grows in real terms: 增长N倍 against two nominal GDP levels is a reading to confirm, not an error."""
    assert_rule_case(CHANGE, "全市地区生产总值由2010年的500亿元增加到2024年的1500亿元，增长2.5倍。", "warning",
                     "1500亿元 / 500亿元 - 1")


@pytest.mark.parametrize(("text", "right", "wrong", "shown"), LEVELS)
def test_a_change_between_two_printed_levels(text: str, right: str, wrong: str, shown: str) -> None:
    assert_right_and_wrong(CHANGE, text, right, wrong, shown)
