"""The industrial structure a bulletin prints after the three sectors' value added: 三次产业结构为10.9:42.2:46.9.

Each number is that sector's value added as a percentage of GDP (地区生产总值, 国内生产总值, GDP), by definition.
The three values added and GDP are the levels the paragraph printed (第一产业增加值…, one each). Bureaux often
print the last share as 100 minus the other two so that the three add up: each number is therefore read two ways,
its own quotient or 100% less the other two, and is wrong only when both fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from laibin_check.check.model import Fig, Model, same_period, words_only
from laibin_check.check.relation import Relation

_STRUCTURE = re.compile(r"(三次产业|产业)(增加值)?(的)?(结构|比例|构成)(比|比例)?"
                        r"(由[^,;。]{0,30}?(调整|变化|变)为|为|是)?$")
_SECTORS = ("第一产业", "第二产业", "第三产业")
_GDP = re.compile(r"(生产总值|GDP)")


def propose(model: Model) -> Iterator[Relation]:
    for i, f in enumerate(model.figs):
        if f.unit.name != "%" or not _STRUCTURE.search(f.context) or i + 2 >= len(model.figs):
            continue
        three = model.figs[i:i + 3]
        if any(model.between(a, b) != ":" for a, b in pairwise(three)):
            continue
        if any(g.unit.name != "%" for g in three):
            continue
        before = [g for g in model.figs[:i] if g.line == f.line and g.role == "level" and g.unit.kind == "money"]
        sectors = [_one(before, s) for s in _SECTORS]
        parts = [s for s in sectors if s is not None]
        # GDP of the sectors' period: not the year before's in 由上年的172.36亿元增加到185.60亿元.
        gdp = [g for g in before if _GDP.search(words_only(g.label)) and "人均" not in g.label
               and all(same_period(s, g) is not False for s in parts)]
        if any(s is None for s in sectors) or not gdp:
            continue
        whole = gdp[0]
        if any(s.unit.dims != whole.unit.dims for s in parts):
            continue
        for n, (share, part) in enumerate(zip(three, parts, strict=True)):
            others = [g for k, g in enumerate(three) if k != n]
            claim = f"structure:{share.idx}"
            why = f"三次产业结构 {'/'.join(g.value for g in three)}: {share.value} is {part.shown} / GDP {whole.shown}"
            yield Relation("industrial-structure", "share", share, (part, whole), "{0} / {1}", "error", why,
                           claim=claim, message="each number of the industrial structure is a sector's value "
                           "added over GDP")
            # The bureau subtracts the printed numbers, as printed (exactly, not within their rounding).
            rest = " - ".join(g.value for g in others)
            yield Relation("industrial-structure", "difference", share, (), f"(100 - {rest}) * 1%",
                           "error", why + f" (or 100 - {rest}, the other two as printed)", claim=claim)


def _one(figs: list[Fig], sector: str) -> Fig | None:
    found = [g for g in figs if sector in g.label and "增加值" in g.label[g.label.rfind(sector):]]
    return found[0] if len(found) == 1 else None
