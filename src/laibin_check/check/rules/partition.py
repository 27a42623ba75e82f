"""A whole and its parts by a standard breakdown of statistics: the regions 东部、中部、西部、东北; the three
sectors 第一产业、第二产业、第三产业; industry's 采矿业、制造业、电力…业; 城镇 and 乡村; 一般债券 and 专项债券.

Such a breakdown is exhaustive by definition, so the parts add up to the whole. The parts are the levels printed
after each part's name with the same remaining measure words (东部地区商品房销售面积 → 商品房销售面积), unit and
period, one each; the whole is an earlier level, in the same or the previous paragraph, whose words end in that
measure. Several such wholes are readings of one claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period, words_only
from laibin_check.check.relation import Relation

PARTITIONS: tuple[tuple[str, ...], ...] = (
    ("东部", "中部", "西部", "东北"),
    ("第一产业", "第二产业", "第三产业"),
    ("采矿业", "制造业", "电力"),
    ("城镇", "乡村"),
    ("城镇", "农村"),
    ("一般债券", "专项债券"),
    ("新增债券", "再融资债券"),
)
_NOISE = re.compile(r"(地区|区域|居民|实现|完成|为|达|了|的)")
_MAX_LINES_BACK = 2
_AVERAGE = re.compile(r"(人均|平均|均价|户均|每)")


def _phrase(model: Model, f: Fig) -> str:
    """The words before a figure back to the last comma or stop (a 、-list stays whole)."""
    s_start, _ = model.sentence_span(f.sentence)
    head = model.norm[s_start:f.start]
    cut = max(head.rfind(c) for c in ",;:")
    return head[cut + 1:]


def propose(model: Model) -> Iterator[Relation]:
    levels = [f for f in model.figs if f.role == "level"]
    for parts_names in PARTITIONS:
        found: dict[tuple[str, tuple[tuple[str, int], ...], str], dict[str, list[Fig]]] = {}
        for f in levels:
            phrase = _phrase(model, f)
            if _AVERAGE.search(phrase):
                continue  # averages of parts do not add up to the average of the whole
            named = [p for p in parts_names if p in phrase]
            if not named:
                # 东部地区销售面积…; 销售额…: the part named earlier in the sentence still holds
                s_start, _ = model.sentence_span(f.sentence)
                before = model.norm[s_start:f.start]
                at = {p: before.rfind(p) for p in parts_names if p in before}
                named = [max(at, key=lambda p: at[p])] if at else []
            if len(named) != 1:
                continue
            rest = words_only(_NOISE.sub("", phrase.replace(named[0], "")))
            if len(rest) < 2:
                continue
            found.setdefault((rest, f.unit.dims, f.period), {}).setdefault(named[0], []).append(f)
        for (rest, _dims, _period), by_part in found.items():
            if len(by_part) != len(parts_names) or any(len(v) != 1 for v in by_part.values()):
                continue
            parts = [by_part[p][0] for p in parts_names]
            first = min(parts, key=lambda f: f.start)
            if max(p.line for p in parts) - first.line > 1:
                continue
            wholes = [w for w in levels if w.start < first.start and first.line - w.line <= _MAX_LINES_BACK
                      and w.unit.dims == first.unit.dims and same_period(w, first) is not False
                      and not any(p in _phrase(model, w) for p in parts_names)
                      and rest[-4:] in words_only(_phrase(model, w))]
            formula = " + ".join(f"{{{i}}}" for i in range(len(parts)))
            for w in wholes[-3:]:
                yield Relation("parts-of-a-breakdown", "sum", w, tuple(parts), formula,
                               "error" if len(wholes) == 1 else "suggestion",
                               f"{'、'.join(parts_names)}: {' + '.join(p.shown for p in parts)} make up {w.shown}",
                               confirm=f"that {w.shown} is the whole of which these are the parts",
                               claim=f"partition:{first.idx}")
