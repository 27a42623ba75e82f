"""check's parts-of-a-breakdown rule (check/rules/partition.py): the parts of a standard breakdown of statistics
add up to the whole printed before them. Sentences written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

POWER = ("1-11月份，全省规模以上工业企业实现利润总额{t}亿元，同比增长38.0%。\n"
         "1-11月份，采矿业实现利润总额100.0亿元，增长12%；制造业实现利润总额850.0亿元，增长34.5%；"
         "电力、热力、燃气及水生产和供应业实现利润总额50.0亿元，下降28.2%。")
TRADE = ("1-7月，全省数字服务进出口1200.0亿元，增长11.8%。其中，数字服务出口700.0亿元，增长15.4%；"
         "出口增长较快的领域是软件服务。数字服务进口{m}亿元，增长7.6%。")
REGIONS = ("1-3月份，全国房地产开发投资1000亿元，同比增长25.6%。\n"
           "1-3月份，东部地区房地产开发投资600亿元，增长22.7%；中部地区投资200亿元，增长38.7%；"
           "西部地区投资{w}亿元，增长22.5%；东北地区投资50亿元，增长24.8%。")
SECTORS = ("上半年{who}GDP为5000亿元，同比增长2.5%。\n专家认为经济顶住了压力。\n工业稳则经济稳。\n消费有所恢复。\n"
           "分产业看，上半年第一产业增加值500亿元，增长5.0%；第二产业增加值2000亿元，增长3.2%；"
           "第三产业增加值{s}亿元，增长1.8%。")
BONDS = ("1-6月，全省发行地方政府债券1000亿元。其中，发行一般债券400亿元，发行专项债券600亿元；按用途划分，"
         "发行新增债券{n}亿元，发行再融资债券700亿元。")

LEAD = ("甲市上半年GDP为1.5万亿元，同比增长3%，增速高于一季度的2%，也高于全省同期的2%。\n"
        "其中，第一产业增加值为12.49亿元，同比下降2.4%；第二产业增加值为5366.97亿元，同比增长4.3%；"
        "第三产业增加值为{s}亿元，同比增长2.3%。")

LAST_YEAR = ("2024年全省地区生产总值为{t}亿元，按不变价格计算，比上年增长5.6%。上年全省地区生产总值为30912.4亿元。"
             "分产业看，第一产业增加值2856.31亿元，增长3.8%；第二产业增加值12884.72亿元，增长6.1%；"
             "第三产业增加值16727.54亿元，增长5.4%。")

RETAIL = ("1-8月份，全省社会消费品零售总额2000亿元，同比增长18.1%。按消费类型分，商品零售1800亿元，增长16.9%；"
          "餐饮收入{c}亿元，增长39.3%。")
BUDGET = ("1-6月，全市一般公共预算收入300亿元，同比增长10%。其中，税收收入240亿元，增长12%。"
          "非税收入{n}亿元，增长2%。")

CASES = [
    (RETAIL.format(c="200"), None, ""),
    (RETAIL.format(c="250"), "error", "1800亿元 + 250亿元"),
    (BUDGET.format(n="60"), None, ""),
    (BUDGET.format(n="90"), "error", "240亿元 + 90亿元"),
    # (text, severity of the breakdown's finding or None when it holds or is not read, what the message shows)
    (POWER.format(t="1000.0"), None, ""),
    (POWER.format(t="1100.0"), "error", "100.0亿元 + 850.0亿元 + 50.0亿元"),  # the 电力 part in its full name
    (TRADE.format(m="500.0"), None, ""),
    (TRADE.format(m="350.0"), "error", "700.0亿元 + 350.0亿元"),  # 出口 and 进口 make up 进出口
    (REGIONS.format(w="150"), None, ""),
    (REGIONS.format(w="250"), "error", "600亿元 + 200亿元 + 250亿元 + 50亿元"),  # 投资 for 房地产开发投资
    (SECTORS.format(who="", s="2500"), None, ""),
    (SECTORS.format(who="", s="3000"), "error", "500亿元 + 2000亿元 + 3000亿元"),  # value added makes up GDP
    (SECTORS.format(who="甲市", s="3000"), None, ""),  # far back and another place: not the whole
    (LEAD.format(s="9637.45"), None, ""),
    # 同期 in the paragraph before names no period for this one: the parts are the half year's, like the whole
    (LEAD.format(s="6637.45"), "error", "12.49亿元 + 5366.97亿元 + 6637.45亿元"),
    # 上年 names the period of its own sentence only: the sectors after it are 2024's, and so is their whole
    (LAST_YEAR.format(t="32468.57"), None, ""),
    (LAST_YEAR.format(t="32968.57"), "error", "2856.31亿元 + 12884.72亿元 + 16727.54亿元"),
    (BONDS.format(n="300"), None, ""),
    (BONDS.format(n="200"), "error", "200亿元 + 700亿元"),  # 一般债券 400 is a part, never the whole
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_parts_of_a_breakdown(text: str, severity: str | None, shown: str) -> None:
    found = assert_rule_case(("parts-of-a-breakdown",), text, severity, shown)
    if severity is not None:
        assert found[0]["code"] == "LC103"


@pytest.mark.parametrize("text", [
    # levels with siblings of their measure in their sentence are parts themselves, not the whole
    "1-11月份，国有企业实现利润总额300亿元；私营企业实现利润总额500亿元。采矿业实现利润总额100亿元；"
    "制造业实现利润总额850亿元；电力、热力、燃气及水生产和供应业实现利润总额50亿元。",
    # a breakdown ends where its first part is named again: 当月's 进口 is not a part of 前三季度's 出口
    "前三季度，全省进出口6000亿元。其中，出口3600亿元，增长19.3%。当月全省进出口780亿元。其中，出口490亿元；"
    "进口290亿元。",
])
def test_not_read_as_a_breakdown_of_that_whole(text: str) -> None:
    assert_rule_case(("parts-of-a-breakdown",), text, None, "")


def test_traditional_script_reads_the_same() -> None:
    text = ("1-3月份，全國房地產開發投資1000億元，同比增長25.6%。\n"
            "1-3月份，東部地區房地產開發投資600億元，增長22.7%；中部地區投資200億元，增長38.7%；"
            "西部地區投資250億元，增長22.5%；東北地區投資50億元，增長24.8%。")
    assert_rule_case(("parts-of-a-breakdown",), text, "error", "600億元 + 200億元 + 250億元 + 50億元")
