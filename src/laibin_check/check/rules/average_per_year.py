"""An amount per year over a span the sentence names, and the amount over the whole span: 过去10年, 常住人口增加
397.4万人, 年均增量为39.74万 (397.4 / 10); 过去十年人口增长了20.81%, 简单算术平均计, 每年增长2.08% (20.81 / 10).

An increase per year (年均增量, 平均每年增加) is the span's increase over its years by definition; a growth per
year is so only when the text says it took a simple arithmetic mean (简单算术平均): otherwise 年均增长 is the
geometric mean (average_span.py). The span is the one the sentence names before the figure (过去10年, 十年间).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model
from laibin_check.check.relation import Relation
from laibin_check.check.rules.average_span import _SPAN, _years

_PER_YEAR_INCREASE = re.compile(r"(年均增量|年均增加|年均新增|年均净增|平均每年增加|平均每年新增|每年平均增加)"
                                r"(为|达|达到|约)?$")
_PER_YEAR_GROWTH = re.compile(r"(每年|年均)(增长|增速为|增速)(为|达)?$")
_ARITHMETIC = re.compile(r"(简单算术平均|算术平均|简单平均)")
_INCREASE = re.compile(r"(增加|新增|净增|增长)了?$")
_MAX_YEARS = 20


def propose(model: Model) -> Iterator[Relation]:
    for t in model.figs:
        if t.role == "level" and _PER_YEAR_INCREASE.search(t.label):
            before = _before(model, t)
            whole = before if before is not None and before.role == "level" and before.unit.dims == t.unit.dims \
                and _INCREASE.search(before.label) is not None else None
            kind = "increase"
        elif t.role in ("growth", "rate") and _PER_YEAR_GROWTH.search(t.label) \
                and _ARITHMETIC.search(t.context[-24:]):
            before = _before(model, t)
            whole = before if before is not None and before.role == "growth" else None
            kind = "growth"
        else:
            continue
        if whole is None:
            continue
        s_start, _ = model.sentence_span(t.sentence)
        spans = {_years(m) for m in _SPAN.finditer(model.norm[s_start:t.start])}
        if len(spans) != 1:
            continue  # no span named, or two: nothing pins the years
        n = spans.pop()
        if not 2 <= n <= _MAX_YEARS:
            continue
        yield Relation("average-per-year", "ratio", t, (whole,), f"{{0}} / {n}", "error",
                       f"{whole.shown} over {n} years, {t.label[-6:]}{t.shown}: the {kind} per year",
                       claim=f"per-year:{t.idx}")


def _before(model: Model, t: Fig) -> Fig | None:
    """The figure just before `t` in its sentence, in its clause or the two before."""
    before = [f for f in model.in_sentence(t) if f.end <= t.start]
    if not before:
        return None
    f = before[-1]
    return f if f.clause >= t.clause - 2 else None
