"""check's per-unit rule (check/rules/per_unit.py): a figure per head or per unit of area against the total and
the denominator printed with it. Sentences written for these tests; each row states what a user sees."""

from __future__ import annotations

import pytest

from laibin_check import check_text
from laibin_check.units import resolve

HEAD = "2020年，某市地区生产总值3000亿元，常住人口600万人，人均GDP为{v}万元。"
NAMED = "2021年某市GDP总量为3000亿元，按2020年末常住人口620万人计算，该市人均GDP为{v}万元。"
PRICE = ("1-5月，某省商品房销售面积5000.00万平方米，下降10.0%；商品房销售额6000.00亿元，下降5.0%。"
         "商品房均价为{v}元/平方米。")
EARLIER = ("1—4月份，商品房销售面积40000万平方米，同比下降20.0%。商品房销售额36000亿元，下降28.0%。\n"
           "据机构测算，单月销售继续走低。\n"
           "根据公布的销售金额和销售面积计算，1-4月份，全国商品房均价为{v}元/平方米。")
LAST_YEAR = ("2020年1-3月商品房销售面积20000万平方米，商品房销售额20000亿元。\n"
             "1-3月商品房均价为{v}元/平方米。")
CITY_AREA = ("以甲市为例，目前甲市总面积2000平方公里，建成区面积900平方公里。2020年甲市GDP为2.80万亿元，"
             "平均每平方公里{v}亿元，显著高于乙市。")
AREA = "甲国经济总量为2.40万亿美元（国土面积为30.0万平方公里），每平方公里GDP产出为{v}万美元。"

CASES = [
    # (text, severity of the per-unit finding or None when nothing is flagged, what the message shows)
    (HEAD.format(v="5"), None, ""),
    (HEAD.format(v="5.2"), "warning", "3000亿元 / 600万人"),  # another population base could give it: review
    (HEAD.format(v="7"), "error", "more than a tenth away"),  # no population base is that far off
    (HEAD.format(v="4.4"), "error", "more than a tenth away"),
    (NAMED.format(v="4.84"), None, ""),  # 3000亿 / 620万 = 4.8387万
    (NAMED.format(v="4.85"), "error", "3000亿元 / 620万人"),  # the text names the base: rounding is the only slack
    (PRICE.format(v="12000"), None, ""),
    (PRICE.format(v="12001"), "error", "6000.00亿元 / 5000.00万平方米"),  # the edge of rounding
    (PRICE.format(v="9000"), "error", "gives 12000元/平方米"),
    (EARLIER.format(v="9000"), None, ""),  # the totals printed two paragraphs before: 36000亿 / 40000万
    (EARLIER.format(v="6300"), "error", "36000亿元 / 40000万平方米"),
    (LAST_YEAR.format(v="12000"), None, ""),  # 2020年1-3月 is last year's quarter, not the price's 1-3月
    (CITY_AREA.format(v="14.0"), None, ""),  # 28000亿 / 2000: the total area, the sentence before
    (CITY_AREA.format(v="31.1"), None, ""),  # 28000亿 / 900: the built-up area is a reading too
    (CITY_AREA.format(v="20.0"), "error", "2.80万亿元 / 2000平方公里"),  # neither area gives it
    (AREA.format(v="800"), None, ""),
    (AREA.format(v="850"), "error", "2.40万亿美元 / 30.0万平方公里"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_per_unit(text: str, severity: str | None, shown: str) -> None:
    found = [r for r in check_text(text) if r["check_rule"] in ("per-unit", "per-unit-reach")]
    if severity is None:
        assert found == []
        return
    worst = "error" if any(r["severity"] == "error" for r in found) else "warning"
    assert worst == severity, found
    assert any(shown in r["message"] for r in found if r["severity"] == severity), found
    if severity == "error":
        others = [r for r in check_text(text) if r["check_rule"] not in ("per-unit", "per-unit-reach")]
        assert all(r["severity"] != "error" for r in others)


def test_the_figure_per_head_is_checked_in_its_own_unit() -> None:
    found = [r for r in check_text(NAMED.format(v="4.85")) if r["severity"] == "error"]
    assert len(found) == 1 and found[0]["line"] == 1
    assert "万元/人" in found[0]["message"]
    assert {f["printed"] for f in found[0]["figures"]} >= {"3000亿元", "620万人"}


def test_no_pairing_when_two_populations_could_be_meant() -> None:
    text = "2020年，某市地区生产总值3000亿元，常住人口600万人，户籍人口500万人，人均GDP为7万元。"
    assert [r for r in check_text(text) if r["check_rule"] in ("per-unit", "per-unit-reach")] == []


def test_renminbi_is_not_a_population() -> None:
    text = "2020年，某省经济总量为11万亿人民币，折合1.6万亿美元，人均GDP为1.3万美元。"
    assert [r for r in check_text(text) if r["severity"] == "error"] == []


def test_a_unit_per_unit_resolves_to_its_quotient() -> None:
    price = resolve("万元/平方米")
    assert price.kind == "money" and dict(price.dims) == {"[currency]": 1, "[area]": -1}
    assert price.scale == 10000
    density = resolve("人/平方公里")
    assert not density.integer  # a count per area is a measure, not a whole number
    with pytest.raises(KeyError):
        resolve("元/斤斤")
