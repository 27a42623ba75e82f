"""A growth stated with an increase over a base the sentence names: 与2010年普查的862.7万人相比, 甲市十年间增加
397.4万人, 增长46.07% (397.4 / 862.7).

"与…B相比" (or 比…B, 较…B) names the base; the increase (增加/减少/净增 D) and the growth right after it (增长,
下降) are both against that base, so the growth is D / B by definition. The base is the one level printed inside
the comparison, in the increase's unit; the growth is the next figure after the increase, in its clause or the
next. A figure printed as a change is no base: in 存款比年初增加421.5亿元, 增长9.9%; 贷款比年初增加386.2亿元, 增长11.1%
the comparison is with 年初, and 421.5 is another total's increase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Model, words_only
from laibin_check.check.relation import Relation

_BASE = re.compile(r"(与|同|和|比|较)[^,;。]{0,24}$")
_CLOSE = re.compile(r"^[^,;。]{0,4}(相比|相较|比较)?[,;]")
_INCREASE = re.compile(r"(增加|减少|净增|净减|增长|下降)了?$")
_GROWTH = re.compile(r"^(增长|下降|增幅|降幅|增长了|下降了)$")


def propose(model: Model) -> Iterator[Relation]:
    for i, d in enumerate(model.figs[1:-1], start=1):
        if d.role != "level" or not _INCREASE.search(words_only(d.label)[-4:]):
            continue
        g = model.figs[i + 1]
        if g.role != "growth" or g.sentence != d.sentence or g.clause > d.clause + 1 \
                or not _GROWTH.match(words_only(g.label)):
            continue
        s_start, _ = model.sentence_span(d.sentence)
        bases = [b for b in model.in_sentence(d) if b.end <= d.start and b.role == "level"
                 and b.unit.dims == d.unit.dims and not _INCREASE.search(words_only(b.label)[-4:])
                 and (m := _BASE.search(model.norm[s_start:b.start])) is not None
                 and (c := _CLOSE.match(model.norm[b.end:b.end + 8])) is not None
                 and (m.group(1) in ("比", "较") or re.search("相比|相较|比较", c.group(0)))]  # 与/和 B: with 相比
        if len(bases) != 1:
            continue
        base = bases[0]
        if not _BASE.search(model.norm[max(s_start, base.start - 30):base.start]):
            continue
        yield Relation("growth-of-increase", "growth", g, (d, base), "{0} / {1}", "error",
                       f"{d.shown} more than the {base.shown} it is compared with (相比), {g.label[-4:]}{g.shown}",
                       claim=f"gain:{g.idx}")
