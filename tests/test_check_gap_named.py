"""check's gap-to-named rule (check/rules/gap_named.py): a gap in percentage points between two growths the text
prints and names just before it. Sentences written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case
from laibin_check import check_text

SAME = "1-7月，其中服务出口13000亿元，增长23.2%；进口15000亿元，下降4%，服务出口增幅大于进口{v}个百分点。"
NEXT = "1-7月，其中服务出口13000亿元，增长23.2%；进口15000亿元，下降4%。服务出口增幅大于进口{v}个百分点。"
BELOW = "上半年，甲类投资增长6.5%，乙类投资增长9.0%，甲类投资增速低于乙类投资{v}个百分点。"
SECTORS = ("1-7月，全省第一、二、三产业和居民生活用电分别同比增长20.0%、17.9%、27.7%和6.3%。其中，制造业用电量"
           "同比增長20.6%，增速高于第二产业{v}个百分点。")
GDP_TWO = ("上半年，甲市GDP达到了8646亿元，同比增长12.7%；两年平均增长7.0%。上半年，甲市数字经济核心产业增加值"
           "2306亿元，同比增长16.7%；两年平均增长13.6%，高于GDP增速{v}个百分点。")
NATIONAL = ("1-8月，甲省规模以上工业实现利润总额0.64万亿元，同比增长16.3%，两年平均增长8.5%。今年1-8月，全国规模以上"
            "工业企业实现利润总额56051.4亿元，同比增长49.5%，两年平均增长19.5%。\n"
            "可见，今年1-8月，甲省规模以上工业利润增速比全国水平低{v}个百分点。")
PROVINCE = ("1-8月甲省外贸进出口值32878.4亿元，同增17.1%。其中，出口20310.4亿元，增长18.6%。\n"
            "1-8月，甲省一般贸易方式进出口18727.3亿元，增长24.3%。\n"
            "1-8月，甲省民营企业进出口12315.2亿元，同增28.1%，高出全省外贸整体增速{v}个百分点。")

OVERALL = ("2022年1-2月，我国进出口总值6.2万亿元，同比增长13.3%。其中，出口3.47万亿元，增长13.6%；进口2.73万亿元，"
           "增长12.9%。\n同期，我国与沿线国家合计进出口1.92万亿元，增长18.3%，增速高于整体{v}个百分点。")

CASES = [
    # (text, severity of the gap-to-named finding or None when it holds, what the message shows)
    (SAME.format(v="27.2"), None, ""),  # 23.2 - (-4): 下降 reads negative
    (SAME.format(v="19.2"), "error", "gives 26.7–27.7个百分点"),  # the sign forgotten
    (NEXT.format(v="27.2"), None, ""),  # the growths printed in the sentence before
    (NEXT.format(v="28.0"), "error", "23.2% + 4%"),  # 23.2% - (下降4%), beyond the rounding of 4% (3.5–4.5)
    (BELOW.format(v="2.5"), None, ""),
    (BELOW.format(v="3.5"), "error", "9.0% - 6.5%"),
    (SECTORS.format(v="2.7"), None, ""),  # 第一、二、三产业 names 第二产业: 20.6 - 17.9
    (SECTORS.format(v="3.7"), "error", "20.6% - 17.9%"),
    (GDP_TWO.format(v="6.6"), None, ""),  # 13.6 - 7.0: GDP's two-year average, the subject's sort
    (GDP_TWO.format(v="0.9"), None, ""),  # 13.6 - 12.7 is a reading too: GDP增速 alone does not say which
    (GDP_TWO.format(v="4.6"), "error", "13.6% - 7.0%"),  # neither reading: the pair of one sort is shown
    (NATIONAL.format(v="33.2"), None, ""),  # 49.5 - 16.3: 全国水平 is the national rate of the same measure
    (NATIONAL.format(v="23.2"), "error", "49.5% - 16.3%"),
    (PROVINCE.format(v="11"), None, ""),  # 28.1 - 17.1: 全省外贸 is the province's 进出口, not its 出口
    (PROVINCE.format(v="15"), "error", "28.1% - 17.1%"),
    (OVERALL.format(v="近5"), None, ""),  # 18.3 - 13.3 = 5.0 within rounding: 整体 is 进出口总值, not 出口
    (OVERALL.format(v="4.7"), "error", "18.3% - 13.3%"),  # 18.3 - 13.6, the 出口 reading, is never read
    (OVERALL.format(v="6"), "error", "18.3% - 13.3%"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_gap_to_named(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("gap-to-named",), text, severity, shown)


@pytest.mark.parametrize("text", [
    "上半年，甲类投资增长6.5%，高于全国平均水平2.5个百分点。",  # the national rate is printed nowhere
    "上半年，甲类投资增长6.5%，两年平均增长4.0%，乙类投资两年平均增长3.0%，甲类投资增速高于乙类投资3.5个百分点。",
    "上半年，消费增长6.5%，拉动经济增长2.5个百分点。",  # a contribution, not a gap
    # The national rate printed is GDP's; the gap is of retail sales, whose national rate is printed nowhere.
    "一季度，共有21个省份GDP增速高于4.8%的全国水平。\n一季度，甲省社会消费品零售总额2907.3亿元，同比增长8.9%，"
    "高于全国5.6个百分点。",
    # 全国 named, but the national figure printed is of another measure (固定资产投资, not 利润).
    "1-8月，全国固定资产投资增长8.9%。1-8月，甲省规模以上工业实现利润总额0.64万亿元，同比增长16.3%，比全国水平"
    "高2.1个百分点。",
])
def test_not_read(text: str) -> None:
    assert [r for r in check_text(text) if r["check_rule"] == "gap-to-named"] == []
