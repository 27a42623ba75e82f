"""One measure printed twice for the same period, 10^4 or 10^8 apart: a 万 written for 亿 (3.6万平方米 and,
later, 36007万平方米 for the same 商品房销售面积 of the same months).

Two prints of one measure, one period and one place that differ by exactly a magnitude are a slip, not two
figures: no reading makes both right. The measure words must match in full (after the period and the place
words of the whole report are set aside), and the period must be named for both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from laibin_check.check.model import Fig, Model, same_period
from laibin_check.check.relation import Relation

_PERIOD_WORDS = re.compile(r"(\d{4}年)?(\d{1,2}\s*[-—~至到]\s*\d{1,2}\s*月份?|\d{1,2}月份?|[一二三四1-4]季度|前三季度|"
                           r"[上下]半年|全年|今年|去年|上年|同期)")
_NOISE = re.compile(r"^(全国|全省|全市|全区|其中|同期|而|则|此外|另外)+|(为|达|达到|是|约|共|实现|完成|了|已)+$")
_FACTORS = (Fraction(10**4), Fraction(10**8))


def measure_key(f: Fig) -> str:
    words = _PERIOD_WORDS.sub("", f.label)
    words = re.sub(r"[^\u4e00-\u9fff]", "", words)
    return _NOISE.sub("", words)


def propose(model: Model) -> Iterator[Relation]:
    groups: dict[tuple[str, str, str], list[Fig]] = {}
    for f in model.figs:
        if f.role != "level" or not f.period:
            continue
        key = measure_key(f)
        if len(key) < 4:
            continue
        groups.setdefault((key, f.mention.base_unit, f.period), []).append(f)
    for figs in groups.values():
        for i, a in enumerate(figs):
            for b in figs[i + 1:]:
                if same_period(a, b) is not True or a.interval.meets(b.interval):
                    continue
                for k in _FACTORS:
                    if a.interval.scale(k).meets(b.interval) or b.interval.scale(k).meets(a.interval):
                        yield Relation(
                            "unit-slip", "equal", None, (a, b), "{0} == {1}", "error",
                            f"{measure_key(a)} for {a.period} printed as {a.shown} (line {a.line}) and "
                            f"{b.shown} (line {b.line}): {int(k):,} apart, a magnitude written wrong",
                            message=f"unit slip: {a.shown} and {b.shown} are one measure, one period, "
                                    f"a factor of {int(k):,} apart")
                        break
