"""Which printed figure plays which part in a relation (check/model.py: planned, averaged, changed, compared,
netted): a budget, a daily average, a change, last year's compared level and a trade balance are never the
whole of a period's parts, nor the part or subject a share or gap is read from. Each row is written for these
tests: the consistent sentence raises nothing, and the same sentence with one figure off raises the error that
names the right figures (so the relation is still read, with the right operands)."""

from __future__ import annotations

import pytest

from check_cases import assert_right_and_wrong, assert_rule_case

ROWS = [
    # a budget (年初预算为, 调整为) is not the revenue its parts make up
    ("share-of-total", "全县一般公共预算收入年初预算为182000万元，调整为185000万元，全年实际完成186342万元。"
     "从收入结构看，"
     "税收收入132587万元，占一般公共预算收入的{x}%。", "71.2", "73.2", "132587万元 / 186342万元"),
    ("share-of-total", "全县政府性基金预算收入预算为120000万元，全年实际完成86420万元。其中，"
     "国有土地使用权出让收入74350万元，"
     "占政府性基金预算收入的{x}%。", "86.0", "84.0", "74350万元 / 86420万元"),
    # the budget a percentage names, when the year's start and the adjusted one are both printed
    ("share-of-target", "全县一般公共预算收入年初预算为182000万元，调整为185000万元。全年实际完成186342万元，"
     "完成年初预算的{x}%，完成调整预算的100.7%。", "102.4", "103.4", "186342万元 / 182000万元"),
    ("share-of-target", "全县一般公共预算收入年初预算为182000万元，调整为185000万元。全年实际完成186342万元，"
     "完成年初预算的102.4%，完成调整预算的{x}%。", "100.7", "101.2", "186342万元 / 185000万元"),
    # a whole named in the paragraph before its clause (全年实际支出), a share two lines on
    ("share-of-total", "一般公共预算支出。全县一般公共预算支出调整预算为473900万元，全年实际支出458736万元，"
     "比上年的440668万元增长4.1%。\n重点支出情况如下：\n教育支出98764万元，增长6.3%，占一般公共预算支出的{x}%。",
     "21.5", "22.0", "98764万元 / 458736万元"),
    # another target is not the outcome completed against this one
    ("share-of-target", "全县一般公共预算收入完成186342万元，"
     "为调整预算185000万元的100.7%、年初预算182000万元的{x}%。",
     "102.4", "101.6", "186342万元 / 182000万元"),
    # the level is compared with last year's, not with the figure a bracket adds
    ("change-between-levels", "粮食单产每亩398.1公斤（每公顷5971公斤），比上年的391.2公斤提高{x}公斤。", "6.9", "7.9",
     "398.1公斤 - 391.2公斤"),
    # a trade balance is no whole for the 其中 after it
    ("total-of-parts", "全年货物进出口总额{x}亿元；进出口相抵，贸易顺差225.43亿元。其中，出口418.95亿元，"
     "进口193.52亿元。",
     "612.47", "642.47", "418.95亿元 + 193.52亿元"),
    # last year's level, after 比上年末的, is no whole for this year's parts
    ("total-of-parts", "年末常住人口{x}万人，比上年末的368.42万人增加1.76万人。其中，城镇常住人口248.77万人，"
     "乡村常住人口121.41万人。", "370.18", "372.18", "248.77万人 + 121.41万人"),
    # this year's rate after 由上年末的…提高到; the year before's is no rate of counts
    ("urbanisation-rate", "年末常住人口370.18万人。其中，城镇常住人口248.77万人，乡村常住人口121.41万人；"
     "常住人口城镇化率由上年末的66.52%提高到{x}%。", "67.20", "68.20", "248.77万人 / 370.18万人"),
    # a share's part: not the compared level nor the change printed between
    ("share-of-total", "11月末，各项存款余额98652.3亿元；其中住户存款余额62418.7亿元，"
     "比上年同期末的56131.9亿元增加6286.8亿元，"
     "占各项存款余额的{x}%。", "63.3", "61.3", "62418.7亿元 / 98652.3亿元"),
    # the part a share names (出口占…), not the level printed last
    ("share-of-total", "全市进出口总额6412.5亿元。其中，出口4083.6亿元，进口2328.9亿元，"
     "出口占进出口总额的{x}%。", "63.7",
     "61.7", "4083.6亿元 / 6412.5亿元"),
    # 全市 is 我市's total too; the year-to-date total of another period is another reading
    ("share-of-total", "今年1-10月，我市货物贸易进出口总值2856.4亿元，增长7.8%。\n1-9月，全市累计进出口2554.9亿元。\n"
     "民营企业进出口1964.3亿元，增长11.0%，占全市进出口总值的{x}%。", "68.8", "70.8", "1964.3亿元 / "),
    # a 其中 of the paragraph's 全省 total is the province's
    ("share-of-total", "前三季度，全省货物进出口总额4862.5亿元，同比增长6.4%。其中，出口3015.8亿元，增长8.9%；"
     "进口1846.7亿元，"
     "增长2.6%。对香港出口412.8亿元，增长11.2%，占全省出口总额的{x}%。", "13.7", "15.7", "412.8亿元 / 3015.8亿元"),
    # a half of a standard breakdown (乡村) is not the whole a share names
    ("share-of-total", "前三季度，社会消费品零售总额1.58万亿元，增长5.1%。乡村消费品零售额2115亿元，增长5.8%。\n"
     "餐饮收入1732亿元，增长7.6%，占社会消费品零售总额的{x}%。", "11.0", "13.0", "1732亿元 / 1.58万亿元"),
    # the 分别 list right before 合计 is what it totals
    ("total-of-parts", "来自香港地区的实际使用外资8.98亿美元，占69.8%；"
     "来自新加坡、韩国、日本的实际使用外资分别为1.06亿美元、"
     "0.72亿美元和0.53亿美元，合计{x}亿美元。", "2.31", "2.51", "1.06亿美元 + 0.72亿美元 + 0.53亿美元"),
    # the sizes of two falls (降幅), both printed with their signs
    ("gap-in-points", "9月份，工业生产者出厂价格同比下降2.4%，降幅比8月份（下降2.8%）收窄{x}个百分点。", "0.4", "0.9",
     "个百分点"),
    # 负成长 is a fall, as 负增长 is (Taiwan's spelling)
    ("gap-to-named", "民間投資年增2.4%。對照全國民間投資同期負成長2.3%，"
     "漣川的民間投資增速高出全國{x}個百分點。", "4.7",
     "5.7", "2.4% + 2.3%"),
    # a ratio named …比 (存贷比) is a subject, not a compared term
    ("gap-in-points", "各項貸款餘額4,978.16億元，增幅8.4%；存貸比84.9%，比年初（84.2%）提高{x}個百分點。"
     "", "0.7", "1.7",
     "84.9% - 84.2%"),
    # the whole's own rate printed beside the subject's (全國為…) is not the subject
    ("gap-to-named", "全國居民消費價格年減0.1%。\n居民消費價格指數年增0.3%（全國為－0.1%），"
     "高出全國{x}個百分點。", "0.4",
     "0.9", "0.3% - －0.1%"),
    # the average of a change (平均每天新增) over the change, not the balance
    ("daily-average", "截至8月底，存款餘額5,862.47億元，較年初增加412.35億元；以1至8月共243天計算，"
     "平均每天新增存款約{x}億元。",
     "1.7", "2.7", "412.35億元 / 243"),
    # 年初为: the year's start, compared with; the change and its growth after it
    ("change-between-levels", "各项贷款余额4,978.16亿元，年初为4,591.64亿元，比年初增加386.52亿元，增长{x}%。"
     "", "8.4", "9.4",
     "4,978.16亿元 / 4,591.64亿元 - 1"),
    # a gap's subject is not the rate an earlier gap compared with
    ("gap-in-points", "前三季度，规模以上工业增加值同比增长7.5%，增速比上半年的7.1%提高0.4个百分点，"
     "比去年同期（6.9%）"
     "提高{x}个百分点。", "0.6", "0.9", "7.5% - 6.9%"),
    # in a 分别 list, the subject is the item the comparison names
    ("gap-in-points", "9月份、前三季度规模以上工业增加值分别同比增长8.6%和7.5%，"
     "9月份增速比8月份的7.4%加快{x}个百分点。",
     "1.2", "1.5", "8.6% - 7.4%"),
]


@pytest.mark.parametrize(("rule", "text", "right", "wrong", "shown"), ROWS)
def test_the_right_figure_plays_each_part(rule: str, text: str, right: str, wrong: str, shown: str) -> None:
    assert_right_and_wrong((rule,), text, right, wrong, shown)


@pytest.mark.parametrize(("rules", "text"), [
    # a daily average is no whole of the period's parts
    (("parts-of-a-breakdown", "total-of-parts"), "上半年，全市社会消费品零售总额3268.47亿元。按181天计算，"
     "日均实现社会消费品零售额18.06亿元。城镇消费品零售额2851.36亿元，乡村消费品零售额417.11亿元。"),
    # nor the total compared with last year (日均 beside the total)
    (("change-between-levels",), "集装箱吞吐量862.57万标箱，日均4.77万标箱，较2019年同期的612.40万标箱增长40.9%。"),
    # changes printed as a 分别 list are no whole of a balance
    (("total-of-parts",), "年末存款余额5236.48亿元，贷款余额4318.27亿元，比年初分别增加398.72亿元和286.93亿元。"
     "其中，住户存款余额3412.65亿元。"),
    # the three sectors are not all of electricity use when households follow
    (("parts-of-a-breakdown",), "全年全社会用电量2218.6亿千瓦时。第一产业用电量38.4亿千瓦时；"
     "第二产业用电量1362.5亿千瓦时；"
     "第三产业用电量447.3亿千瓦时；城乡居民生活用电量370.4亿千瓦时。"),
    # sizes of falls (降幅), one printed with its sign: not a difference of the signed rates
    (("gap-in-points",), "11月份，工业生产者出厂价格同比下降2.6%，降幅比10月份的2.9%收窄0.3个百分点。"),
    # the gap after a 分别 list, whose subject the words do not pin, is left alone
    (("gap-to-named",), "9月份、前三季度规模以上工业增加值分别同比增长8.6%和7.5%，"
     "9月份增速比8月份的7.4%加快1.2个百分点，"
     "比前三季度高1.1个百分点。"),
    # a rate over a labour force the text does not print is no ratio of the counts before it
    (("rate-of-counts",), "全年城镇新增就业8642人，帮助城镇失业人员再就业1735人，年末城镇登记失业率为2.3%。"),
    # a 分别 pair the comparison does not name by item: which one is compared is open
    (("gap-in-points",), "1-10月，全市实际使用外资12.86亿美元，其中10月当月实际使用外资1.43亿美元，"
     "分别同比增长8.4%和15.3%，"
     "累计增速较1-9月的7.6%提高0.8个百分点。"),
    # a half is not split into halves (出口机电产品 and 进口机电产品 are no halves of 进口)
    (("total-of-parts",), "1-10月，全市出口1723.6亿元、进口1132.8亿元，其中出口机电产品1012.4亿元，增长12.7%；"
     "进口机电产品421.5亿元，"
     "增长6.9%。"),
    # after two totals, a 其中 list whose parts are each of its own total
    (("total-of-parts",), "前三季度，全省房地产开发投资3125.7亿元，同比下降8.6%；新建商品房销售额2312.4亿元，"
     "下降9.1%。其中，"
     "住宅投资2384.1亿元、住宅销售额2105.6亿元，分别下降7.9%和8.4%。"),
    # the year's start is no balance to grow from (4,591.64 is the base, not the balance)
    (("growth-from-increase",), "各项贷款余额4,978.16亿元，年初为4,591.64亿元，比年初增加386.52亿元，增长8.4%。"),
    # a share of a change after a change (占各项存款增加额的) is not a growth
    (("change-between-levels",), "其中，住户存款余额3,915.26亿元，年初为3,558.44亿元，比年初增加356.82亿元，"
     "占各项存款增加额的86.5%。"),
    # one number written with two magnitudes is read as two: neither half is paired
    (("share-of-total",), "全社會用電量186億4200萬千瓦時，年增7.1%；其中工業用電量121億3500萬千瓦時，年增7.7%，"
     "約占全社會用電量的65.1%。"),
    # 和 with no 相比 after it names no base of comparison
    (("growth-of-increase",), "年末全省铁路营业里程和公路通车里程分别为6,284公里和21.86万公里，其中，"
     "高速公路8,126公里"
     "（比上年末增加312公里，增长4.0%）。"),
    # 前年's GDP (the year before last) is not the whole of this year's three sectors
    (("parts-of-a-breakdown",), "去年地区生产总值为18,612.4亿元，按年实质增长5.2%。\n"
     "若以现价计算，前年GDP约1.76万亿元。\n"
     "产业结构方面，第一产业增加值372.5亿元；第二产业增加值6,845.3亿元；第三产业增加值11,394.6亿元。"),
    # a level 相当于2019年（…）printed in brackets is 2019's, not the total of this year's halves
    (("total-of-parts",), "社会消费品零售总额7,862.5亿元，相当于2019年（6,538.2亿元）的120.3%。其中，城镇消费品零售额"
     "6,815.7亿元，乡村消费品零售额1,046.8亿元。"),
    # a bare 占比 after 其中 is of the total before 其中, not of the whole the paragraph named last
    (("share-of-total",), "规上工业企业实现营业收入776.45亿元，增长9.2%。\n全年一般公共预算收入31.58亿元，其中税收收入"
     "22.43亿元，占一般公共预算收入的71.0%。一般公共预算支出68.74亿元，其中民生支出54.92亿元，占比79.9%。"),
])
def test_not_read_as_a_whole_or_a_subject(rules: tuple[str, ...], text: str) -> None:
    assert_rule_case(rules, text, None, "")
