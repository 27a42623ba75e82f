"""A price index's rise and the parts the statistics bureau splits it into, in percentage points.

* 在6月份2.5%的同比涨幅中，翘尾影响约1.2个百分点，新涨价影响约1.3个百分点: last year's carry-over (翘尾) and
  the new rises (新涨价) make up the rise, by definition. The rise is the rate printed right before 的同比涨幅中
  in the sentence.
* 生产资料价格上涨11.4%，影响工业生产者出厂价格总水平上涨约8.56个百分点 … 生活资料价格上涨0.9%，影响…总水平上涨约
  0.21个百分点: the two halves of the PPI (生产资料, 生活资料) make up the rise of the whole (总水平). The whole is
  the earlier growth whose words name the index (工业生产者出厂价格, PPI) for the same period; several such
  growths (同比 and 环比) are readings of one claim, a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period, words_only
from laibin_check.check.relation import Relation

_CARRY = re.compile(r"翘尾")
_NEW = re.compile(r"新涨价")
_RISE_AFTER = re.compile(r"^的(同比)?涨幅(中|当中|之中)")
_WHOLE_LEVEL = re.compile(r"影响(?P<index>[\u4e00-\u9fffA-Za-z]{2,16}?)总水平(上涨|上升|下降)约?$")
_HALVES = ("生产资料", "生活资料")
_PPI = "工业生产者出厂价格"
_POINTS_TO_RATE = "({0} + {1}) * 1%"
"""Percentage points of the index's rise add up to the rise in %: read as plain numbers, then as %."""


def propose(model: Model) -> Iterator[Relation]:
    yield from _carry_and_new(model)
    yield from _halves(model)


def _carry_and_new(model: Model) -> Iterator[Relation]:
    for carry in model.figs:
        if carry.role != "points" or not _CARRY.search(carry.label):
            continue
        here = model.in_sentence(carry)
        new = [f for f in here if f.role == "points" and f.start > carry.end and _NEW.search(f.label)]
        rises = [f for f in here if f.end <= carry.start and f.unit.kind == "rate"
                 and _RISE_AFTER.match(model.after(f, 8))]
        if len(new) != 1 or len(rises) != 1:
            continue
        rise = rises[0]
        yield Relation("price-index-parts", "sum", rise, (carry, new[0]), _POINTS_TO_RATE, "error",
                       f"{rise.shown}的同比涨幅: 翘尾 {carry.shown} + 新涨价 {new[0].shown}",
                       message="last year's carry-over (翘尾) and the new rises (新涨价) make up the rise",
                       plain=(0, 1))


def _halves(model: Model) -> Iterator[Relation]:
    found: dict[str, dict[str, Fig]] = {}
    for f in model.figs:
        m = _WHOLE_LEVEL.search(f.label) if f.role == "points" else None
        if m is None:
            continue
        s_start, _ = model.sentence_span(f.sentence)
        before = model.norm[s_start:f.start]
        named = [h for h in _HALVES if h in before]
        if len(named) == 1:
            found.setdefault(m.group("index"), {})[named[0]] = f
    for index, parts in found.items():
        if len(parts) != len(_HALVES):
            continue
        a, b = (parts[h] for h in _HALVES)
        if a.period != b.period or abs(a.line - b.line) > 1:
            continue
        first = min(a, b, key=lambda f: f.start)
        names = (index, "PPI") if index == _PPI else (index,)
        wholes = [g for g in model.figs[:first.idx] if g.role == "growth" and same_period(g, first) is not False
                  and any(n in words_only(g.label) for n in names) and not any(h in g.label for h in _HALVES)]
        for w in wholes:
            yield Relation("price-index-parts", "sum", w, (a, b), _POINTS_TO_RATE, "error" if len(wholes) == 1
                           else "suggestion",
                           f"{index}: 生产资料 {a.shown} + 生活资料 {b.shown} make up {w.shown}",
                           confirm=f"that {w.shown} is the rise whose parts these are", claim=f"halves:{first.idx}",
                           message="the two halves of the index (生产资料, 生活资料) make up its rise", plain=(0, 1))
