"""A rate the statistics define by its name, against the two levels it divides: 营业收入114.31万亿元 … 利润总额
79750.1亿元 … 营业收入利润率为6.98%; 每百元营业收入中的成本为83.72元 (营业成本 / 营业收入 × 100). The
asset-liability ratio is balance.py's, with the balance sheet it belongs to.

The name says what is divided by what, and nothing else can be meant; the operands are the levels of those
measures for the same subject (规模以上工业企业, not one of its branches: 采矿业实现利润总额) and the same period
(1—11月份 for flows, 11月末 for stocks). Each is the nearest such level before the rate: in its paragraph, else
in the paragraphs before. When a subject's measure is printed twice (a revision, another scope), both are
readings and the claim is a review suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from laibin_check.check.model import Fig, Model, same_period, words_only
from laibin_check.check.names import canonical
from laibin_check.check.relation import Relation


class _Defined(NamedTuple):
    name: str
    numerator: str
    denominator: str
    per: str
    """"" for a percentage; "100元" for a figure per hundred yuan."""


_DEFINED = (
    _Defined("营业收入利润率", "利润", "营业收入", ""),
    _Defined("每百元营业收入中的成本", "营业成本", "营业收入", "100元"),
    _Defined("每百元资产实现的营业收入", "营业收入", "资产", "100元"),
)
_TAIL = re.compile(r"(为|达|达到|是)?$")
_MEASURE_END = {
    "负债": r"负债(合计|总计|总额)?",
    "资产": r"资产(总计|合计|总额)?",
    "利润": r"利润总额",
    "营业收入": r"营业收入",
    "营业成本": r"营业成本",
}
_VERBS = re.compile(r"(实现|发生|完成|共|累计|其中|全国|全省|全市|全区|中)")
_LOOK_BACK = 80
"""Figures before the rate to search for its operands: a release's section, not the whole report."""


def propose(model: Model) -> Iterator[Relation]:
    for t in model.figs:
        d = _named(t)
        if d is None:
            continue
        if (d.per and t.unit.kind != "money") or (not d.per and t.unit.kind != "rate"):
            continue
        window = model.figs[max(0, t.idx - _LOOK_BACK):t.idx]
        denominators = _nearest(model, window, t, d.denominator, "")
        if not denominators:
            continue
        subject = _subject(model, denominators[0], d.denominator)
        numerators = _nearest(model, window, t, d.numerator, subject)
        if not numerators or len({_subject(model, g, d.denominator) for g in denominators}) > 1:
            continue
        pinned = len(numerators) == 1 and len(denominators) == 1
        formula = "{0} / {1}" + (f" * {d.per}" if d.per else "")
        for num in numerators:
            for den in denominators:
                yield Relation(
                    "defined-rate", "ratio", t, (num, den), formula, "error" if pinned else "suggestion",
                    f"{d.name} is {d.numerator} / {d.denominator}" + (f" × {d.per}" if d.per else "")
                    + f": {num.shown} and {den.shown}",
                    confirm=f"that {num.shown} and {den.shown} are the {subject or 'same'} totals the rate divides",
                    claim=f"defined:{t.idx}")


def _named(t: Fig) -> _Defined | None:
    words = _TAIL.sub("", words_only(t.label))
    for d in _DEFINED:
        if words.endswith(d.name):
            return d
    return None


def _nearest(model: Model, window: list[Fig], t: Fig, measure: str, subject: str | None) -> list[Fig]:
    """The levels of `measure` nearest before `t` (its paragraph first, then earlier ones), of `t`'s period and,
    when `subject` is given, of that subject; several only when they stand in one paragraph."""
    pattern = re.compile(_MEASURE_END[measure] + r"$")
    found: list[Fig] = []
    for g in reversed(window):
        if found and g.line != found[0].line:
            break
        if g.role != "level" or g.unit.kind != "money" or same_period(g, t) is False:
            continue
        words = _TAIL.sub("", canonical(words_only(g.label)))
        if not pattern.search(words) or "每百元" in words:
            continue
        if subject is not None and subject and _subject(model, g, measure) != subject:
            continue
        found.append(g)
    return found


def _subject(model: Model, g: Fig, measure: str) -> str:
    """Who a level is about: its clause's words before the measure (规模以上工业企业 of 规模以上工业企业实现营业收入),
    or, for a clause with the measure alone (发生营业成本), the subject of the level before it in its sentence."""
    words = _TAIL.sub("", canonical(words_only(g.label)))
    words = re.sub(_MEASURE_END.get(measure, measure) + "$", "", words)
    words = re.sub(r"(利润总额|营业收入|营业成本|负债合计|资产总计|负债|资产)$", "", words)
    words = _VERBS.sub("", re.sub(r"^\d*月份?", "", words))
    if words:
        return words
    earlier = [f for f in model.in_sentence(g) if f.end <= g.start and f.role == "level"]
    for f in reversed(earlier):
        named = _VERBS.sub("", re.sub(r"(利润总额|营业收入|营业成本|负债合计|资产总计|负债|资产)$", "",
                                      _TAIL.sub("", canonical(words_only(f.label)))))
        if named:
            return named
    return ""
