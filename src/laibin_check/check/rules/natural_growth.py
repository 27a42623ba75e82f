"""The natural growth rate of the population: 出生率为8.01‰；死亡率为6.42‰；人口自然增长率为1.59‰.

By definition the natural growth rate is the birth rate less the death rate, all per thousand of the same
population and year. The two rates are the paragraph's, one each, printed before it in the same unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model
from laibin_check.check.relation import Relation

_NATURAL = re.compile(r"自然增长率(为|是|达)?$")
_BIRTH = re.compile(r"出生率(为|是|达)?$")
_DEATH = re.compile(r"死亡率(为|是|达)?$")


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.unit.kind != "rate" or not _NATURAL.search(f.label):
            continue
        before = [g for g in model.figs[:f.idx] if g.line == f.line and g.unit.name == f.unit.name]
        birth = _one([g for g in before if _BIRTH.search(g.label)])
        death = _one([g for g in before if _DEATH.search(g.label)])
        if birth is None or death is None:
            continue
        # The genre prints this difference of two rates as a rate (‰), not in points: the rates are read as plain
        # numbers and the difference is scaled back to the unit.
        yield Relation("natural-growth", "difference", f, (birth, death), f"({{0}} - {{1}}) * 1{f.unit.name}",
                       "error", f"自然增长率 {f.shown} = 出生率 {birth.shown} - 死亡率 {death.shown}",
                       message="the natural growth rate is the birth rate less the death rate", plain=(0, 1))


def _one(figs: list[Fig]) -> Fig | None:
    return figs[0] if len(figs) == 1 else None
