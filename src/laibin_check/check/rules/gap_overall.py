"""A part's rate compared with the overall rate it is a part of: 居民消费价格上涨2.0%，其中食品价格上涨3.4%，比总水平
高1.4个百分点.

比总水平/总体/总指数/整体/平均水平 names the overall figure the sentence printed before 其中; the part's rate is the
one printed just before the gap. The gap is the part less the overall (高/快/多) or the overall less the part
(低/慢/少), signs included (下降 reads negative). A sentence with no 其中 between the two rates, or with other
rates between them, is left alone: then 总水平 may be a figure the text does not print.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Model, is_up
from laibin_check.check.relation import Relation

_GAP = re.compile(r"(比|较|高于|低于|快于|慢于)(总水平|总体水平|总体|总指数|整体水平|整体|平均水平|全部|总体价格水平)"
                  r"([^,;]{0,4})$")
_RATES = ("growth", "rate")


def propose(model: Model) -> Iterator[Relation]:
    for g in model.figs:
        if g.role != "points":
            continue
        m = _GAP.search(g.label)
        if m is None:
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
        hi, lo = (part, whole) if up else (whole, part)
        yield Relation("gap-to-overall", "difference", g, (hi, lo), "{0} - {1}", "error",
                       f"{part.shown} (其中) {m.group(0)} {g.shown}: the overall {whole.shown}",
                       claim=f"gap:{g.idx}", message="a part's gap to the overall rate is their difference")
