"""A rate after the two counts it is the ratio of: 收集问题380多个, 已解决316个, 问题办结率83.4%; 41个行业中，
有29个行业增加值增长，增长面为70.7% (a proportion of counted units: 率, 增长面, 占比, 比例, never 占…的, which names
its whole and is share.py's)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import GROWTH_WORDS, Model
from laibin_check.check.relation import Relation
from laibin_check.check.rules import urbanisation

_PROPORTION = re.compile(r"(率|增长面|占比|比例)")
_DEFINED = ("失业率", "出生率", "死亡率", "自然增长率")
"""Rates over a population or labour force the text does not count beside them (城镇新增就业8642人，帮助失业人员再
就业1735人，登记失业率为2.3%): never the ratio of the two counts before them."""


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        tail = f.label[-8:]
        if f.role not in ("rate", "share") or "占" in tail or not _PROPORTION.search(tail) \
                or any(w in tail.replace("增长面", "") for w in GROWTH_WORDS):
            continue
        if urbanisation.NAME in f.label or any(name in f.label for name in _DEFINED):
            # Defined by its name (urbanisation.py): 城镇人口3004.9万人, 乡村人口1857.4万人 are no part and whole.
            continue
        before = [g for g in model.in_sentence(f) if g.end <= f.start]
        if len(before) < 2:
            continue
        part, whole = before[-1], before[-2]
        if part.role != "level" or whole.role != "level" or part.unit.dims != whole.unit.dims:
            continue
        if part.mention.base_unit != whole.mention.base_unit or part.unit.kind != "count":
            continue  # a rate of counts: two counts of the same things
        if part.interval.lo > whole.interval.hi:
            continue  # the nearer figure is not a part of the earlier one
        # Pinned when the three stand in consecutive clauses: 收集N个, 已解决M个, 办结率R%.
        pinned = part.clause == f.clause - 1 and whole.clause == part.clause - 1
        yield Relation(
            "rate-of-counts", "ratio", f, (part, whole), "{0} / {1}",
            "error" if pinned else "suggestion",
            f"{f.label[-6:]}{f.shown} right after {whole.shown} and {part.shown}: the part over the whole",
            confirm=f"that {f.shown} is {part.shown} out of {whole.shown}",
        )
