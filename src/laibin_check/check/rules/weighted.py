"""An average over parts and the parts' own averages, weighted by amounts the text prints: 发行一般债券2344亿元,
发行专项债券5605亿元 … 平均发行期限12.2年, 其中一般债券8.6年, 专项债券13.7年 ((8.6 × 2344 + 13.7 × 5605) / 7949).

The average (平均…) is followed in its sentence by each part's figure, named (其中一般债券8.6年, 专项债券13.7年);
the weights are the amounts of the same parts, of the same period, printed before in the nearest paragraph that
prints them all. A release may weight by amount or, rarely, take a plain mean: both are readings of one claim, and
the claim fails only when neither gives the average.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period, words_only
from laibin_check.check.relation import Relation

_AVERAGE = re.compile(r"平均[\u4e00-\u9fff]{1,8}(为|是|达)?$")
_LEAD = re.compile(r"^(其中|分别为|分别|为)+")
_VERBS = re.compile(r"^(发行|实现|完成|新增|共|累计)+")
_LOOK_BACK = 60


def propose(model: Model) -> Iterator[Relation]:
    for t in model.figs:
        if t.role not in ("level", "rate") or not _AVERAGE.search(words_only(t.label)):
            continue
        parts = _parts(model, t)
        if len(parts) < 2:
            continue
        names = [name for name, _ in parts]
        weights = _weights(model, t, names)
        if weights is None:
            continue
        xs = [f for _, f in parts]
        ops: list[Fig] = []
        terms = []
        for k, (x, w) in enumerate(zip(xs, weights, strict=True)):
            ops += [x, w]
            terms.append(f"{{{2 * k}}} * {{{2 * k + 1}}}")
        total = " + ".join(f"{{{2 * k + 1}}}" for k in range(len(xs)))
        why = (f"{t.label[-8:]}{t.shown} over " + ", ".join(f"{n} {x.shown}" for n, x in parts)
               + " weighted by " + ", ".join(w.shown for w in weights))
        yield Relation("weighted-average", "ratio", t, tuple(ops), f"({' + '.join(terms)}) / ({total})", "error",
                       why, claim=f"wavg:{t.idx}")
        plain = " + ".join(f"{{{k}}}" for k in range(len(xs)))
        yield Relation("weighted-average", "ratio", t, tuple(xs), f"({plain}) / {len(xs)}", "error",
                       why + " (or a plain mean)", claim=f"wavg:{t.idx}")


def _parts(model: Model, t: Fig) -> list[tuple[str, Fig]]:
    """The named parts after the average in its sentence: 其中一般债券8.6年, 专项债券13.7年."""
    out: list[tuple[str, Fig]] = []
    for f in model.in_sentence(t):
        if f.start <= t.start:
            continue
        if f.unit.name != t.unit.name or f.role != t.role:
            break
        name = _LEAD.sub("", words_only(f.label))
        if not 2 <= len(name) <= 10:
            break
        out.append((name, f))
    return out


def _weights(model: Model, t: Fig, names: list[str]) -> list[Fig] | None:
    """The amounts of the named parts, one each, in the nearest paragraph before that prints them all."""
    by_line: dict[int, list[Fig]] = {}
    for g in model.figs[max(0, t.idx - _LOOK_BACK):t.idx]:
        if g.role == "level" and g.unit.kind in ("money", "quantity", "count") and same_period(g, t) is True:
            by_line.setdefault(g.line, []).append(g)
    for line in sorted(by_line, reverse=True):
        found: list[Fig] = []
        for name in names:
            hits = [g for g in by_line[line] if _VERBS.sub("", words_only(g.label)) == name]
            if len(hits) != 1:
                break
            found.append(hits[0])
        if len(found) == len(names) and len({g.unit.dims for g in found}) == 1:
            return found
    return None
