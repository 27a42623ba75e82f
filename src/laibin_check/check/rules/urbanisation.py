"""The urbanisation rate a bulletin prints with the population: 年末常住人口332.50万人…其中，城镇常住人口226.43万人，
常住人口城镇化率为68.10%.

By definition the rate is the urban resident population over the resident population (both at year end, or of
the same census). Both levels are the paragraph's: the urban one named 城镇(常住)人口, the whole one 常住人口 (or
总人口) without 城镇/乡村/户籍. A rate of the registered population (户籍人口城镇化率) is another measure and is
left alone, as is a paragraph that prints either population twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period
from laibin_check.check.relation import Relation

URBANISATION_RATE = re.compile(r"城镇化率(由[^,;。]{0,24}(到|至))?(为|达|达到|是)?(了)?$")
"""This year's rate, after its name (城镇化率为68.10%; 由上年末的66.52%提高到67.20%: 67.20, not the year before's)."""
NAME = "城镇化率"
"""The rate's name: rate.py leaves a figure its clause names by it to this rule, this year's or the year before's."""
_URBAN = re.compile(r"城镇(常住)?人口(为|达|达到)?$")
_WHOLE = re.compile(r"(常住人口|总人口)(为|达|达到)?$")


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.unit.kind != "rate" or not URBANISATION_RATE.search(f.label) or "户籍" in f.label:
            continue
        before = [g for g in model.figs[:f.idx] if g.line == f.line and g.role == "level" and g.unit.kind == "count"]
        urban = _one([g for g in before if _URBAN.search(g.label)])
        whole = _one([g for g in before if _WHOLE.search(g.label) and not re.search(r"(城镇|乡村|农村|户籍)",
                                                                                  g.label[-8:])])
        if urban is None or whole is None or urban.unit.dims != whole.unit.dims:
            continue
        if same_period(urban, whole) is False or same_period(f, urban) is False:
            continue
        yield Relation("urbanisation-rate", "share", f, (urban, whole), "{0} / {1}", "error",
                       f"城镇化率 {f.shown} = 城镇人口 {urban.shown} / 常住人口 {whole.shown}",
                       message="the urbanisation rate is the urban population over the resident population")


def _one(figs: list[Fig]) -> Fig | None:
    return figs[0] if len(figs) == 1 else None
