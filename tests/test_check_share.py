"""check's share-of-total rule (check/rules/share.py): which printed whole a 占…的 names. Sentences written for
these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

SHORT_NAME = ("1-8月，社会消费品零售总额28.1万亿元，同比增长18.1%。1-8月，实物商品网上零售额6.6万亿元，"
              "同比增长15.9%，占社零总额比重达{v}%。")
NAMED_PARTNER = ("一季度，我国货物贸易进出口总值9.42万亿元，增长10.7%。我国对东盟进出口1.35万亿元，增长8.4%；"
                 "同期，我国对欧盟进出口1.31万亿元。一季度我国与德国进出口3553.4亿元，增长3.5%，"
                 "占我与欧盟贸易规模的{v}%。")
BOUND_THEN_EXACT = ("上半年，甲市和乙市GDP均超过8000亿元。其中甲市上半年GDP达到了8646亿元，同比增长12.7%。"
                    "上半年，甲市数字经济核心产业增加值2306亿元，占GDP的{v}%。")
BOUND_ONLY = "上半年，甲市GDP超过8000亿元。上半年，甲市数字经济核心产业增加值2306亿元，占GDP的{v}%。"
OTHER_WHOLE = ("1-8月，甲省外贸进出口值32878.4亿元，增长17.1%，占全国进出口总值的13.3%。其中，出口20310.4亿元，"
               "增长18.6%；进口12568亿元，增长14.7%。同期，甲省民营企业进出口12315.2亿元，占外贸总值的{v}%。")

FIRST_MONTHS = ("前三季度，全省进出口7543.9亿元，增长6.2%。前10个月，全省进出口8456.3亿元，增长6.8%。"
                "同期，全省对东盟进出口1623.5亿元，占全省外贸总值的{v}%。")

BY_MODE = ("前10个月，全省进出口8456.3亿元，增长6.8%。全省以一般贸易方式进出口5683.9亿元，占全省外贸总值的比重由"
           "去年同期的65.9%提升至67.2%。同期，民营企业进出口4953.7亿元，占全省外贸总值的{v}%。")

NEXT_PARAGRAPH = ("1-10月，我市货物贸易进出口总值2856.4亿元，增长7.8%。\n1-10月，我市以一般贸易方式进出口1885.2亿元，"
                  "增长9.1%，占全市进出口总值的66.0%。\n同期，以加工贸易方式进出口642.7亿元，下降2.5%，占{v}%。")
OTHER_MEASURE = ("1-10月，我市货物贸易进出口总值2856.4亿元，增长7.8%。\n1-10月，我市以一般贸易方式进出口1885.2亿元，"
                 "增长9.1%，占全市进出口总值的66.0%。\n同期，全市新设外资企业186家，利用外资12.86亿美元，占{v}%。")

CASES = [
    # (text, severity of the share finding or None when nothing is flagged, what the message shows)
    # a paragraph going on with parts of the same measure: its bare 占 has the whole the one before named
    (NEXT_PARAGRAPH.format(v="22.5"), None, ""),
    (NEXT_PARAGRAPH.format(v="24.5"), "error", "642.7亿元 / 2856.4亿元"),
    (OTHER_MEASURE.format(v="45.0"), None, ""),  # another measure: the bare 占 inherits nothing
    (SHORT_NAME.format(v="23.5"), None, ""),  # 社零 is 社会消费品零售总额: 6.6 / 28.1 = 23.5%
    (SHORT_NAME.format(v="16.4"), "error", "6.6万亿元 / 28.1万亿元"),
    (NAMED_PARTNER.format(v="27.1"), None, ""),  # 3553.4 / 13100 = 27.1%: the 欧盟 whole, not 东盟's or the total
    (NAMED_PARTNER.format(v="19.0"), "error", "3553.4亿元 / 1.31万亿元"),
    (BOUND_THEN_EXACT.format(v="26.7"), None, ""),  # 2306 / 8646
    (BOUND_THEN_EXACT.format(v="20.0"), "error", "2306亿元 / 8646亿元"),  # 超过8000 restated exactly after it
    (BOUND_ONLY.format(v="20.0"), None, ""),  # over 8000亿元 alone: any share below 28.8% may hold
    (OTHER_WHOLE.format(v="37.5"), None, ""),  # 12315.2 / 32878.4: 外贸总值 is the province's 进出口值
    (OTHER_WHOLE.format(v="60.6"), "error", "12315.2亿元 / 32878.4亿元"),  # never the 出口 20310.4 (60.6%)
    # 以一般贸易方式进出口 is a part by trade mode, not the 外贸总值 (4953.7 / 5683.9 = 87.2%)
    (BY_MODE.format(v="58.6"), None, ""),
    (BY_MODE.format(v="60.6"), "error", "4953.7亿元 / 8456.3亿元"),
    # 前10个月 is 1-10月: the share is of its total, not of 前三季度's (1623.5 / 7543.9 = 21.5%)
    (FIRST_MONTHS.format(v="19.2"), None, ""),
    (FIRST_MONTHS.format(v="21.5"), "error", "1623.5亿元 / 8456.3亿元"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_share(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("share-of-total",), text, severity, shown)
