"""A part's rate compared with the overall rate it is a part of: 居民消费价格上涨2.0%，其中食品价格上涨3.4%，比总水平
高1.4个百分点.

比总水平/总体/总指数/整体/平均水平 names the overall figure the sentence printed before 其中; the part's rate is the
one printed just before the gap. The gap is the part less the overall (高/快/多) or the overall less the part
(低/慢/少), signs included (下降 reads negative). A sentence with no 其中 between the two rates, or with other
rates between them, is left alone: then 总水平 may be a figure the text does not print.
比全省/全国平均水平高 names the entity's growth of the same measure: the only growth of the paragraph whose sentence
names the entity right before it and shares the subject's measure words (地区生产总值), of the same period.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, is_up, longest_common, rising, same_period, words_only
from laibin_check.check.relation import Relation

_GAP = re.compile(r"(比|较|高于|低于|快于|慢于)(总水平|总体水平|总体|总指数|整体水平|整体|平均水平|全部|总体价格水平)"
                  r"([^,;]{0,4})$")
_RATES = ("growth", "rate")
_ENTITY_GAP = re.compile(r"(比|较|高于|低于|快于|慢于)(全国|全省|全市|全区|全州)(的)?"
                         r"(平均水平|平均|总体水平|水平|平均增速|增速)([^,;]{0,4})$")
_MEASURE = 4
_GENERIC = re.compile(r"(同比|环比|比上年同期|比上年|增长|下降|增速|亿元|万元|万人|元|全国|全省|全市|全区|同期|"
                      r"上半年|全年|一季度|前三季度|初步核算|按可比价格计算|按不变价格计算|其中|分别|实现|完成)")
"""Name characters two sentences must share for their growths to be of one measure (生产总值, 零售总额)."""


def propose(model: Model) -> Iterator[Relation]:
    for g in model.figs:
        if g.role != "points":
            continue
        m = _GAP.search(g.label)
        if m is None:
            yield from _entity(model, g)
            continue
        before = [f for f in model.in_sentence(g) if f.end <= g.start]
        if not before or before[-1].role not in _RATES:
            continue
        part = before[-1]
        s_start, _ = model.sentence_span(g.sentence)
        head = model.norm[s_start:part.start]
        at = head.rfind("其中")
        if at < 0:
            continue
        overall = [f for f in before if f.start < s_start + at]
        if not overall or overall[-1].role not in _RATES or overall[-1].unit.name != part.unit.name:
            continue
        whole = overall[-1]
        if any(f.start > whole.start and f.idx != part.idx for f in before):
            continue  # another rate between them: which one 总水平 is, the wording does not pin
        up = is_up(m.group(1) + m.group(3))
        if up is None:
            continue
        hi, lo = (part, whole) if rising(g, up) else (whole, part)
        yield Relation("gap-to-overall", "difference", g, (hi, lo), "{0} - {1}", "error",
                       f"{part.shown} (其中) {m.group(0)} {g.shown}: the overall {whole.shown}",
                       claim=f"gap:{g.idx}", message="a part's gap to the overall rate is their difference")


def _entity(model: Model, g: Fig) -> Iterator[Relation]:
    """增长5.8%，比全省平均水平高0.6个百分点 … 全省地区生产总值…增长5.2%: the entity's growth of the same measure,
    printed in the paragraph (before or after), the only one there."""
    m = _ENTITY_GAP.search(g.label)
    if m is None:
        return
    before = [f for f in model.in_sentence(g) if f.end <= g.start]
    growths = [f for f in before if f.role == "growth"]
    if not growths or any(f.role != "points" for f in before if f.start > growths[-1].start):
        return  # only other gaps (增速比一季度加快0.4个百分点) may stand between the growth and this gap
    subject = growths[-1]
    if m.group(2) in subject.context:
        return  # the entity's own figure compared with itself: not this reading
    measure = _GENERIC.sub("", words_only(subject.context))
    found = [f for f in model.figs if f.line == g.line and f.role == "growth" and f.idx != subject.idx
             and f.unit.name == subject.unit.name and m.group(2) in f.context[-24:]
             and longest_common(measure, _GENERIC.sub("", words_only(f.context))) >= _MEASURE
             and same_period(f, subject) is not False]
    if len(found) != 1:
        return
    up = is_up(m.group(1) + m.group(5))
    if up is None:
        return
    other = found[0]
    hi, lo = (subject, other) if rising(g, up) else (other, subject)
    yield Relation("gap-to-overall", "difference", g, (hi, lo), "{0} - {1}", "error",
                   f"{subject.shown} {m.group(0)} {g.shown}: {m.group(2)} {other.shown}",
                   claim=f"gap:{g.idx}", message="a gap to the average is the difference of the two growths")
