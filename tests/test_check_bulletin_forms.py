"""check's rules for the fixed forms of a statistical bulletin (统计公报), each a relation that holds by definition:
industrial-structure, urbanisation-rate, urban-rural-ratio, gap-to-overall, trade-balance, share-of-target,
natural-growth, share-of-named, breakdown-halves, growth-from-increase. Sentences written for these tests, in both
scripts; each row states what a user sees (no finding when the figures agree, an error showing the arithmetic
when they do not), and look-alike wordings that pin no relation get no finding."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

GDP = ("全年地区生产总值3256.80亿元，比上年增长5.6%。其中，第一产业增加值355.00亿元，增长3.8%；"
       "第二产业增加值1374.40亿元，"
       "增长6.1%；第三产业增加值1527.40亿元，增长5.5%。三次产业结构为{a}:42.2:{c}。")
GDP_HANT = ("全年地區生產總值2147.60億元。分產業看，第一產業增加值182.55億元；第二產業增加值846.15億元；第三產業增加值"
            "1118.90億元。三次產業結構為8.5:39.4:{c}。")
CHANGED = ("全年地区生产总值3256.80亿元。其中，第一产业增加值355.00亿元；第二产业增加值1374.40亿元；第三产业增加值"
           "1527.40亿元。三次产业结构由上年的11.2:42.5:46.3调整为10.9:42.2:{c}。")
FROM_LAST_YEAR = ("全年地区生产总值由上年的172.36亿元增加到185.60亿元，按不变价格计算，比上年增长5.9%。其中，"
                  "第一产业增加值32.56亿元；第二产业增加值61.32亿元；第三产业增加值91.72亿元。"
                  "三次产业结构为17.5:{b}:49.4。")
ROUNDED = ("全年地区生产总值1000.0亿元。其中，第一产业增加值104.6亿元；第二产业增加值423.6亿元；"
           "第三产业增加值471.8亿元。"
           "三次产业结构为10.5:42.4:47.1。")
POP = "年末常住人口332.50万人，比上年末增加1.20万人。其中，城镇常住人口226.43万人，{w}城镇化率为{v}%。"
POP_HANT = "年末常住人口218.60萬人。其中，城鎮常住人口139.47萬人，常住人口城鎮化率達到{v}%，比上年末提高0.71個百分點。"
INCOME = ("城镇居民人均可支配收入52380元，增长4.6%；农村居民人均可支配收入24825元，增长6.4%。"
          "城乡居民收入比为{v}，比上年缩小0.04。")
INCOME_HANT = "城鎮居民人均可支配收入48960元；農村居民人均可支配收入21870元。城鄉居民收入比為{v}。"
CPI = "全年居民消费价格比上年上涨2.0%，其中食品价格上涨3.4%，比总水平高{v}个百分点。"
CPI_HANT = "居民消費價格上漲1.6%，其中食品價格下降0.8%，比總水平低{v}個百分點。"
AVERAGE = ("上半年全市地区生产总值1580.20亿元，同比增长5.8%，增速比一季度加快0.4个百分点，比全省平均水平高{v}个百分点。"
           "同期，全省地区生产总值14108.90亿元，增长5.2%。")
TRADE = "全年货物进出口总额652.80亿元。其中，出口额418.50亿元，增长11.2%；进口额234.30亿元，增长4.0%。贸易顺差{v}亿元。"
TRADE_HANT = "全年貨物進出口總額564.50億元。其中，出口額245.60億元；進口額318.90億元。貨物貿易逆差{v}億元。"
TARGET = "全年城镇新增就业4.52万人，为年度目标任务4万人的{v}%。"
TARGET_HANT = "全年城鎮新增就業3.18萬人，完成年度目標3萬人的{v}%。"
BUDGET = "1-6月，全市一般公共預算收入96.30億元，同比增長3.8%，為年度預算183.00億元的{v}%。"
BIRTH = "全年出生人口2.66万人，出生率为8.01‰；死亡人口2.13万人，死亡率为6.42‰；人口自然增长率为{v}‰。"
SHARE = ("全年货物进出口总额652.80亿元。其中，出口额418.50亿元，增长11.2%；进口额234.30亿元。"
         "出口额占进出口总额的比重为{v}%。")
SHARE_HANT = ("全年一般公共預算收入168.20億元。其中，稅收收入121.27億元，增長5.3%。"
              "稅收收入佔一般公共預算收入的比重為{v}%。")
RETAIL_HANT = ("上半年，全市社會消費品零售總額702.35億元，同比增長{g}%。按經營單位所在地分，"
               "城鎮消費品零售額596.84億元，增長6.3%；鄉村消費品零售額105.51億元，增長8.4%。")
PROVINCE = ("上半年全市地区生产总值1580.20亿元，同比增长5.8%。同期，全省地区生产总值14108.90亿元，增长5.2%。"
            "云州地区生产总值占全省的{v}%。")
EXPORTS = "全市货物进出口总额296.80亿元，同比增长{g}%。其中，出口172.60亿元，增长8.1%；进口124.20亿元，增长1.4%。"
NARROWED = ("城镇居民人均可支配收入26150元，增长4.9%；农村居民人均可支配收入12260元，增长6.6%。"
            "城乡居民收入比由上年同期的2.17缩小至{v}。")
RETAIL = ("全年社会消费品零售总额1458.60亿元，比上年增长6.2%。按经营地统计，城镇消费品零售额{a}亿元，增长6.0%；"
          "乡村消费品零售额"
          "221.85亿元，增长7.3%。按消费类型统计，商品零售额1298.32亿元，增长5.9%；餐饮收入{b}亿元，增长8.6%。")
DEPOSIT = "年末金融机构本外币各项存款余额5620.40亿元，比年初增加412.60亿元，比上年末增长{v}%。"
DEPOSIT_HANT = "年末金融機構本外幣各項存款餘額4380.50億元，比年初增加310.20億元，增長{v}%。"

MONTH_AND_YEAR_TO_DATE = ("10月份，全省社会消费品零售总额1586.3亿元，同比增长5.1%。1-10月份，全省社会消费品零售总额"
                          "15234.7亿元，同比增长4.6%。按经营单位所在地分，城镇消费品零售额{u}亿元；乡村消费品零售额233.5亿元。")
BY_YEAR = ("上半年，全市社會消費品零售總額3268.47億元（人民幣，下同），按年增長{g}%。\n按消費類型分，"
           "商品零售2905.62億元，按年增長5.0%；餐飲收入362.85億元，增長7.8%。")
YEAR_END = "2024年末，全市金融机构本外币各项存款余额12586.4亿元，比年初增加968.2亿元，同比增长{v}%。"
SOWN = "全年糧食播種面積62.48萬畝，比上年增加0.35萬畝，增長{v}%。"
FELL = "全年水果產量31.25萬噸，比上年減少1.46萬噸，下降{v}%。"
NEXT_PARAGRAPH = ("前三季度，全市实现社会消费品零售总额1186.45亿元，同比增长5.2%。其中，9月份实现社会消费品零售总额"
                  "142.38亿元，同比增长6.1%。\n按经营地分，城镇消费品零售额1003.12亿元，同比增长5.0%；乡村消费品零售额"
                  "{r}亿元，增长6.3%。")
INCREMENT = "前10个月，全省进出口8456.3亿元，增长6.8%，增量为536.2亿元。其中，出口5312.7亿元；进口{m}亿元。"

CASES = [
    # (rule, text, severity or None when the figures agree, what the message shows)
    # 增量 is a change: never the total of the halves after it (出口 + 进口 are not 536.2亿元)
    # An undated breakdown after a month's and a year-to-date total: it adds up to one of them (10月's), which
    # holds the claim; when it adds up to none, the nearest reading is shown.
    ("breakdown-halves", MONTH_AND_YEAR_TO_DATE.format(u="1352.8"), None, ""),
    ("breakdown-halves", MONTH_AND_YEAR_TO_DATE.format(u="1452.8"), "error",
     "1586.3亿元 does not follow from 1452.8亿元 + 233.5亿元"),
    # a breakdown that opens its paragraph, of a total of the paragraph before (the year-to-date one or the month's)
    ("breakdown-halves", NEXT_PARAGRAPH.format(r="183.33"), None, ""),
    ("breakdown-halves", NEXT_PARAGRAPH.format(r="193.33"), "error", "1003.12亿元 + 193.33亿元"),
    ("total-of-parts", INCREMENT.format(m="3143.6"), None, ""),
    ("total-of-parts", INCREMENT.format(m="3243.6"), "error", "5312.7亿元 + 3243.6亿元"),
    ("industrial-structure", GDP.format(a="10.9", c="46.9"), None, ""),
    ("industrial-structure", GDP.format(a="12.9", c="46.9"), "error", "355.00亿元 / 3256.80亿元"),
    ("industrial-structure", GDP.format(a="10.9", c="47.0"), "error", "1527.40亿元 / 3256.80亿元"),
    # the structure printed with ∶ (U+2236 RATIO), as bulletins often print it
    ("industrial-structure", GDP.replace(":", "∶").format(a="10.9", c="46.9"), None, ""),
    ("industrial-structure", GDP.replace(":", "∶").format(a="12.9", c="46.9"), "error", "355.00亿元 / 3256.80亿元"),
    # 47.18% printed as 47.1, 100 less the other two (10.46% printed 10.5): a bureau's rounding, not an error.
    ("industrial-structure", ROUNDED, None, ""),
    # 由上年的172.36亿元增加到185.60亿元: the sectors are this year's, and so is the GDP they are shares of (the
    # shares add up to 99.9, so each is read only as its own quotient)
    ("industrial-structure", FROM_LAST_YEAR.format(b="33.0"), None, ""),
    ("industrial-structure", FROM_LAST_YEAR.format(b="34.0"), "error", "61.32亿元 / 185.60亿元"),
    ("industrial-structure", GDP_HANT.format(c="52.1"), None, ""),
    # 由上年的…调整为…: the year before's structure is not this year's value added over GDP.
    ("industrial-structure", CHANGED.format(c="46.9"), None, ""),
    ("industrial-structure", CHANGED.format(c="44.9"), "error", "1527.40亿元 / 3256.80亿元"),
    ("industrial-structure", GDP_HANT.format(c="55.1"), "error", "1118.90億元 / 2147.60億元"),
    ("urbanisation-rate", POP.format(w="常住人口", v="68.10"), None, ""),
    ("urbanisation-rate", POP.format(w="常住人口", v="65.10"), "error", "226.43万人 / 332.50万人"),
    ("urbanisation-rate", POP_HANT.format(v="63.80"), None, ""),
    ("urbanisation-rate", POP_HANT.format(v="66.80"), "error", "139.47萬人 / 218.60萬人"),
    ("urban-rural-ratio", INCOME.format(v="2.11"), None, ""),
    ("urban-rural-ratio", INCOME.format(v="2.31"), "error", "52380元 / 24825元"),
    ("urban-rural-ratio", INCOME_HANT.format(v="2.24"), None, ""),
    ("urban-rural-ratio", INCOME_HANT.format(v="2.04"), "error", "48960元 / 21870元"),
    ("gap-to-overall", CPI.format(v="1.4"), None, ""),
    ("gap-to-overall", CPI.format(v="1.9"), "error", "3.4% - 2.0%"),
    ("gap-to-overall", CPI_HANT.format(v="2.4"), None, ""),  # 下降0.8% reads -0.8%
    # The formula shows the sign it is read with: 1.6% - (-0.8%), printed 1.6% + 0.8% (it gives 2.4).
    ("gap-to-overall", CPI_HANT.format(v="1.4"), "error", "1.6% + 0.8%, which gives 2.3–2.5個百分點"),
    ("gap-to-overall", AVERAGE.format(v="0.6"), None, ""),
    ("gap-to-overall", AVERAGE.format(v="1.6"), "error", "5.8% - 5.2%"),
    ("trade-balance", TRADE.format(v="184.20"), None, ""),
    ("trade-balance", TRADE.format(v="164.20"), "error", "418.50亿元 - 234.30亿元"),
    ("trade-balance", TRADE_HANT.format(v="73.30"), None, ""),
    ("trade-balance", TRADE_HANT.format(v="63.30"), "error", "318.90億元 - 245.60億元"),
    ("share-of-target", TARGET.format(v="113.0"), None, ""),
    ("share-of-target", TARGET.format(v="118.0"), "error", "4.52万人 / 4万人"),
    ("share-of-target", TARGET_HANT.format(v="106.0"), None, ""),
    ("share-of-target", TARGET_HANT.format(v="110.0"), "error", "3.18萬人 / 3萬人"),
    ("natural-growth", BIRTH.format(v="1.59"), None, ""),
    # the two rates are read as the plain numbers they print (not 8.01倍, a multiple)
    ("natural-growth", BIRTH.format(v="1.95"), "error", "(8.01 - 6.42) * 1‰, which gives 1.58–1.60‰"),
    ("share-of-named", SHARE.format(v="64.1"), None, ""),
    ("share-of-named", SHARE.format(v="61.4"), "error", "418.50亿元 / 652.80亿元"),
    ("share-of-named", SHARE_HANT.format(v="72.1"), None, ""),
    ("share-of-named", PROVINCE.format(v="11.2"), None, ""),
    ("share-of-named", PROVINCE.format(v="12.2"), "error", "1580.20亿元 / 14108.90亿元"),
    ("breakdown-halves", EXPORTS.format(g="5.2"), None, ""),
    ("breakdown-halves", EXPORTS.format(g="6.2"), "error", "(1 + 8.1%)"),
    ("urban-rural-ratio", NARROWED.format(v="2.13"), None, ""),
    ("urban-rural-ratio", NARROWED.format(v="2.03"), "error", "26150元 / 12260元"),
    ("breakdown-halves", RETAIL.format(a="1236.75", b="160.28"), None, ""),
    ("breakdown-halves", RETAIL_HANT.format(g="6.6"), None, ""),
    # The halves' levels a year before are 596.84 / 1.063 and 105.51 / 1.084: the total grew 6.6%, not 8.6%.
    ("breakdown-halves", RETAIL_HANT.format(g="8.6"), "error", "(1 + 6.3%)"),
    ("share-of-target", BUDGET.format(v="52.6"), None, ""),
    ("share-of-target", BUDGET.format(v="56.2"), "error", "96.30億元 / 183.00億元"),
    ("growth-from-increase", DEPOSIT.format(v="7.9"), None, ""),
    ("growth-from-increase", DEPOSIT.format(v="9.7"), "error", "412.60亿元 / (5620.40亿元 - 412.60亿元)"),
    ("growth-from-increase", DEPOSIT_HANT.format(v="7.6"), None, ""),
    ("growth-from-increase", DEPOSIT_HANT.format(v="8.6"), "error", "310.20億元"),
    # 按年增长 after a bracketed remark is the total's own growth, as its halves' is theirs
    ("breakdown-halves", BY_YEAR.format(g="5.3"), None, ""),
    ("breakdown-halves", BY_YEAR.format(g="6.3"), "error", "(1 + 5.0%)"),
    # at the year's end a year earlier is the year's start: 同比 after 比年初 is the same base
    ("growth-from-increase", YEAR_END.format(v="8.3"), None, ""),
    ("growth-from-increase", YEAR_END.format(v="9.3"), "error", "968.2亿元 / (12586.4亿元 - 968.2亿元)"),
    # a level's 比上年增加 (or 减少, signed), then its growth
    ("growth-from-increase", SOWN.format(v="0.6"), None, ""),
    ("growth-from-increase", SOWN.format(v="1.6"), "error", "0.35萬畝 / (62.48萬畝 - 0.35萬畝)"),
    ("growth-from-increase", FELL.format(v="4.5"), None, ""),
    ("growth-from-increase", FELL.format(v="5.5"), "error", "-1.46萬噸 / (31.25萬噸 + 1.46萬噸)"),
]


@pytest.mark.parametrize(("rule", "text", "severity", "shown"), CASES)
def test_bulletin_form(rule: str, text: str, severity: str | None, shown: str) -> None:
    assert_rule_case((rule,), text, severity, shown)


@pytest.mark.parametrize(("a", "b", "shown"), [
    ("1136.75", "160.28", "1136.75亿元 + 221.85亿元"),  # 城镇 + 乡村 = 社零
    ("1236.75", "180.28", "1298.32亿元 + 180.28亿元"),  # 商品零售 + 餐饮 = 社零
])
def test_breakdown_halves_add_up(a: str, b: str, shown: str) -> None:
    from laibin_check import check_text

    found = [r for r in check_text(RETAIL.format(a=a, b=b)) if r["check_rule"] == "breakdown-halves"]
    assert [r["severity"] for r in found] == ["error"] and shown in found[0]["message"], found


@pytest.mark.parametrize(("rule", "text"), [
    # The structure of one sector's parts, not of GDP: no value added by sector printed before it.
    ("industrial-structure", "全年工业投资增长9.8%。轻重工业结构为30.5:69.5。"),
    # The registered population's rate is another measure.
    ("urbanisation-rate", POP.format(w="户籍人口", v="55.00")),
    # The province's growth printed is of another measure (规模以上工业增加值): not the average meant.
    ("gap-to-overall", "全市地区生产总值增长5.8%，比全省平均水平高1.6个百分点。全省规模以上工业增加值增长5.2%。"),
    # The ratio names consumption, the levels are incomes.
    ("urban-rural-ratio", INCOME.format(v="1.70").replace("城乡居民收入比", "城乡居民消费支出比")),
    # No 其中: 总水平 is not a figure this sentence prints.
    ("gap-to-overall", "食品价格上涨3.4%，比总水平高1.9个百分点。"),
    # Another rate between the overall and the part: which is 总水平 is not pinned.
    ("gap-to-overall", "居民消费价格上涨2.0%，其中城市上涨2.1%，农村上涨1.8%，食品价格上涨3.4%，"
                       "比总水平高1.9个百分点。"),
    # A change in the balance, a partner's balance, services after goods: not exports less imports.
    ("trade-balance", TRADE.format(v="184.20") + "贸易顺差比上年扩大9.0亿元。"),
    ("trade-balance", TRADE.format(v="184.20").replace("贸易顺差", "对东盟贸易顺差").replace("184.20", "64.20")),
    ("trade-balance", TRADE.format(v="184.20").replace("贸易顺差", "服务贸易逆差").replace("184.20", "24.20")),
    # A share of the time elapsed is not a share of the target.
    ("share-of-target", "全年投资完成计划的95.0%，快于时序进度5个百分点。"),
    # The share's sentence prints its part: share.py's reading, not this one.
    ("share-of-named", "全年货物进出口总额652.80亿元。出口额418.50亿元，出口额占进出口总额的比重为61.4%。"),
    # A share of the province whose measure the province's level does not name (规模以上 is not 全部).
    ("share-of-named", "全年全部工业增加值1186.30亿元。同期，全省规模以上工业增加值8000.00亿元。"
                       "全市工业增加值占全省的18.0%。"),
    # 其中 and two levels that are not the halves' whole's (出口 and 进口 after a GDP).
    ("breakdown-halves", "全市地区生产总值1580.20亿元，增长9.9%。其中，出口172.60亿元，增长8.1%；"
                         "进口124.20亿元，增长1.4%。"),
    # Per-head figures by residence: averages, never summed to the overall one.
    ("breakdown-halves", "全体居民人均可支配收入42860元。按常住地分，城镇居民人均可支配收入52380元；"
                         "农村居民人均可支配收入24825元。"),
    # 分行业看 lists some industries, not a split of the whole.
    ("breakdown-halves", "规上工业营业收入4286.70亿元。分行业看，制造业营业收入3000.00亿元；"
                         "采矿业营业收入500.00亿元。"),
    # A mid-year balance: 比年初 and 同比 compare with different moments.
    ("growth-from-increase", "6月末，存款余额5620.40亿元，比年初增加412.60亿元，同比增长9.7%。"),
    # GDP grows in real terms: its 比上年增加 is nominal
    ("growth-from-increase", "全年地区生产总值3286.54亿元，比上年增加260.12亿元，增长5.6%。"),
])
def test_not_pinned(rule: str, text: str) -> None:
    from laibin_check import check_text

    assert [r for r in check_text(text) if r["check_rule"] == rule and r["severity"] == "error"] == []
