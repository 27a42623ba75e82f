"""A price or a figure per head and the two totals it divides: 销售额809亿元, 销售面积2301万平方米, 均价3516元
(809亿 / 2301万 = 3515.9元); 地区生产总值3691.14亿元, 常住人口897万人, 人均4.12万元.

An average price is the amount over the area by definition: an error when both totals are printed in its
sentence. A figure per head is a suggestion only: statistics divide by the year's average population, which a
report rarely prints, not by the year-end population it does print.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period
from laibin_check.check.relation import Relation

_PRICE = re.compile(r"(均价|平均价格|平均售价|平均成交价)")
_PER_HEAD = re.compile(r"人均([A-Za-z\u4e00-\u9fff]{0,6}?)(为|达|达到|约|超过|是)?$")
_AMOUNT = re.compile(r"(销售额|成交额|金额|销售金额)")
_AREA_UNITS = ("平方米", "平方公里", "亩")


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.role != "level" or f.unit.kind != "money":
            continue
        here = [g for g in model.in_sentence(f) if g is not f and g.role == "level"
                and same_period(g, f) is not False]
        if _PRICE.search(f.label):
            amounts = [g for g in here if g.unit.kind == "money" and _AMOUNT.search(g.label)]
            areas = [g for g in here if g.mention.base_unit in _AREA_UNITS]
            if len(amounts) == 1 and len(areas) == 1:
                yield _per(f, amounts[0], areas[0], "error", f"均价 over {amounts[0].shown} and {areas[0].shown}")
            continue
        m = _PER_HEAD.search(f.label)
        if m is None:
            continue
        what = m.group(1)
        people = [g for g in here if g.mention.base_unit in ("人", "")
                  and g.unit.kind == "count" and "人口" in g.context[-12:]]
        totals = [g for g in here if g.unit.kind == "money" and g.idx != f.idx
                  and (not what or what in g.context[-16:]) and "人均" not in g.label]
        if len(people) == 1 and len(totals) == 1:
            yield _per(f, totals[0], people[0], "suggestion",
                       f"人均{what} over {totals[0].shown} and {people[0].shown}",
                       confirm="that the population is the one the figure per head divides by (statistics use "
                               "the year's average population)")


def _per(f: Fig, amount: Fig, base: Fig, certainty: str, why: str, confirm: str = "") -> Relation:
    scale = base.unit.scale
    return Relation("per-unit", "ratio", f, (amount, base), f"{{0}} / ({{1}} * {scale})",
                    "error" if certainty == "error" else "suggestion", why, confirm=confirm, plain=(1,),
                    claim=f"per:{f.idx}")
