"""Counts within a counted whole: 在41个工业大类行业中，33个行业利润总额同比增长，1个行业减亏，7个行业下降.

The whole is a count followed by its noun and 中 (41个…行业中); the parts are the counts of the same classifier
that follow in its sentence, one a clause, each saying what its items did. When each part says something
different that no item can do twice (增长, 下降, 持平, 减亏), the parts are disjoint and together at most the
whole. Parts saying the same kind of thing (33个行业增加值增长，28个行业两年平均增速正增长) may overlap and are
left alone; so is a list whose parts are not all read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model
from laibin_check.check.relation import Relation

_AMONG = re.compile(r"^(?P<noun>[\u4e00-\u9fff]{1,10}?)(?:中|之中|当中)\s*,")
_KINDS = (
    ("减亏", re.compile(r"^(减亏|扭亏)")),
    ("up", re.compile(r"^(同比)?(实现)?(增长|增加|上涨|提高|回升|正增长)")),
    ("down", re.compile(r"^(同比)?(下降|减少|下跌|回落|负增长)")),
    ("flat", re.compile(r"^(同比)?(持平)")),
)
_MEASURE = re.compile(r"^[\u4e00-\u9fff]{0,10}?(?=(同比|实现|减亏|扭亏|增长|增加|上涨|提高|回升|正增长|下降|减少|下跌|"
                      r"回落|负增长|持平))")
"""The measure words before what the items did (利润总额同比增长 → 同比增长)."""
_MAX_PARTS = 8


def propose(model: Model) -> Iterator[Relation]:
    for w in model.figs:
        if w.role != "level" or not w.unit.integer or w.printed.qualifier:
            continue
        m = _AMONG.match(model.norm[w.end:w.end + 16])
        if m is None:
            continue
        tail = m.group("noun")[-2:]
        parts = _parts(model, w, tail)
        if parts is None:
            continue
        formula = " + ".join(f"{{{i + 1}}}" for i in range(len(parts))) + " <= {0}"
        yield Relation("counts-within-whole", "bound", None, (w, *parts), formula, "error",
                       f"{w.shown}{m.group('noun')}中: {'、'.join(p.shown for p in parts)}, each doing something "
                       f"else, are at most all of them",
                       message=f"parts of the {w.shown}{m.group('noun')} exceed them")


def _parts(model: Model, w: Fig, tail: str) -> list[Fig] | None:
    after = [f for f in model.in_sentence(w) if f.start > w.end][:_MAX_PARTS]
    parts: list[Fig] = []
    kinds: set[str] = set()
    for f in after:
        if f.role != "level" or f.mention.base_unit != w.mention.base_unit or f.printed.qualifier:
            break
        if f.label.strip() not in ("", "有", "其中", "其中有"):
            break  # a count inside a clause about something else
        rest = model.norm[f.end:f.end + 24]
        rest = rest[len(tail):] if rest.startswith(tail) else rest
        rest = _MEASURE.sub("", rest)
        kind = next((k for k, p in _KINDS if p.match(rest)), None)
        if kind is None or kind in kinds:
            return None
        kinds.add(kind)
        parts.append(f)
    return parts if len(parts) >= 2 else None
