"""The urban-rural income ratio: 城镇居民人均可支配收入52380元…农村居民人均可支配收入24825元…城乡居民收入比为2.11.

By definition the ratio is the urban figure over the rural one, of the same measure (可支配收入, or 纯收入 in older
bulletins; 消费支出 when the ratio names it). Both are the paragraph's, one each, printed before the ratio. A ratio
that names a different measure than the two levels, or a paragraph printing either level twice, is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period
from laibin_check.check.relation import Relation

_RATIO = re.compile(r"城乡(居民)?(人均)?(可支配)?(收入|消费支出|消费)(之)?(比|比值|倍差)")
_MEASURES = (("可支配收入", "收入"), ("消费支出", "消费"))


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.role != "times":
            continue
        m = _RATIO.search(f.label)
        if m is None:
            continue
        measure = next((full for full, short in _MEASURES if short in m.group(4)), "")
        before = [g for g in model.figs[:f.idx] if g.line == f.line and g.role == "level" and g.unit.kind == "money"]
        urban = _one([g for g in before if re.search(r"城镇(常住)?居民(人均)?" + measure, g.label)])
        rural = _one([g for g in before if re.search(r"(农村|乡村)(常住)?居民(人均)?" + measure, g.label)])
        if urban is None or rural is None or urban.unit.dims != rural.unit.dims:
            continue
        if same_period(urban, rural) is False:
            continue
        yield Relation("urban-rural-ratio", "ratio", f, (urban, rural), "{0} / {1}", "error",
                       f"{m.group(0)} {f.value} = 城镇 {urban.shown} / 农村 {rural.shown}",
                       message="the urban-rural ratio is the urban figure over the rural one")


def _one(figs: list[Fig]) -> Fig | None:
    return figs[0] if len(figs) == 1 else None
