"""A total over N years and the figures of the same measure printed for the years it spans: 2017到2019年新增留汉
大学生共109.5万人 … 2020年留下了30.2万大学生 … 4年新增留汉大学生139.4万人 (109.5 + 30.2 = 139.7).

The total names its span (4年, 五年来, 三年间) right before its measure; the parts are earlier levels of its unit,
printed for a year or a span of years (2020年, 2017到2019年), whose words up to the figure and just after it
name the measure's last noun (大学生, 就业人数 → 人数). Parts whose years are disjoint and together make up N
consecutive years are its breakdown; one such set pins the relation, several are readings of one claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from laibin_check.check.model import Fig, Model
from laibin_check.check.relation import Relation

_CN = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_SPAN = re.compile(r"(?P<n>\d{1,2}|[两二三四五六七八九十])年(?:来|间|里|中)?(?:累计|共|总共|合计)?"
                   r"(?P<measure>[\u4e00-\u9fff]{2,12}?)(?:共|累计|总共|合计|达|达到|为|约)?$")
_YEARS = re.compile(r"^(?P<a>\d{4})(?:-(?P<b>\d{4}))?$")
_MAX_LINES_BACK = 20
_MAX_PARTS = 8


def propose(model: Model) -> Iterator[Relation]:
    for t in model.figs:
        if t.role != "level":
            continue
        m = _SPAN.search(t.label)
        if m is None:
            continue
        n = int(m.group("n")) if m.group("n").isdigit() else _CN[m.group("n")]
        noun = m.group("measure")[-3:]
        parts = [f for f in model.figs[max(0, t.idx - 200):t.idx] if f.role == "level" and f.unit.dims == t.unit.dims
                 and 0 < t.line - f.line <= _MAX_LINES_BACK and _span(f) is not None
                 and noun in _words_around(model, f)][-_MAX_PARTS:]
        tilings = [c for k in range(2, len(parts) + 1) for c in combinations(parts, k) if _tiles(c, n)]
        for c in tilings:
            formula = " + ".join(f"{{{i}}}" for i in range(len(c)))
            years = ", ".join(f"{f.period} {f.shown} (line {f.line})" for f in c)
            yield Relation("total-over-years", "sum", t, tuple(c), formula,
                           "error" if len(tilings) == 1 else "suggestion",
                           f"{m.group('n')}年{m.group('measure')} {t.shown}: the sum of {years}",
                           confirm=f"that {t.shown} covers exactly these {n} years", claim=f"years:{t.idx}")


def _span(f: Fig) -> tuple[int, int] | None:
    m = _YEARS.match(f.period)
    if m is None:
        return None
    a = int(m.group("a"))
    b = int(m.group("b") or a)
    return (a, b) if a <= b else None


def _tiles(parts: tuple[Fig, ...], n: int) -> bool:
    spans = sorted(s for s in (_span(f) for f in parts) if s is not None)
    if len(spans) != len(parts):
        return False
    return all(spans[i][1] + 1 == spans[i + 1][0] for i in range(len(spans) - 1)) \
        and spans[-1][1] - spans[0][0] + 1 == n


def _words_around(model: Model, f: Fig) -> str:
    """The figure's clause up to it and the words just after it (30.2万大学生)."""
    return f.label + model.norm[f.end - 1:f.end + 4]
