"""A total's breakdown by a classification that splits it in two halves by definition: 社会消费品零售总额1458.60亿元。
按经营地统计，城镇消费品零售额1236.75亿元…；乡村消费品零售额221.85亿元… (按消费类型统计: 商品零售额 and 餐饮收入).

The classifications are the genre's exhaustive ones for totals (经营地/经营单位所在地: 城镇 and 乡村; 消费类型/消费
形态: 商品零售 and 餐饮收入; 城乡: 城镇 and 农村). The parts are the sentence's levels, one per half; the total is the
nearest level of the paragraph before the sentence, outside another breakdown, in the same unit and period;
for a breakdown that opens its paragraph, each level of the paragraph before that names its measure.
Per-head or average figures (按常住地分，城镇居民人均可支配收入…) are never summed. When each level is followed
by its growth, the total's growth follows from the halves' (their levels a year before are level / (1 + growth)):
these totals are at current prices, so the relation is exact up to rounding. After a bare 其中 (其中，出口…；进口…)
only that growth is read here, when the total's words name the halves' whole (进出口; 消费品零售额).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from laibin_check.check.model import Fig, Model, same_period, words_only
from laibin_check.check.relation import Relation

_INTRO = re.compile(r"^(其中,?)?(按|从)(经营单位所在地|经营地|消费类型|消费形态|城乡)(统计|分|划分|看|来看)?,")
_HALVES = {
    "经营单位所在地": ("城镇", "乡村"), "经营地": ("城镇", "乡村"), "城乡": ("城镇", "乡村|农村"),
    "消费类型": ("商品零售", "餐饮"), "消费形态": ("商品零售", "餐饮"),
}
_OTHER = re.compile(r"^其中,")
_OTHER_HALVES = (("城镇", "乡村"), ("出口", "进口"), ("商品零售", "餐饮"))
_AVERAGE = re.compile(r"(人均|平均|均价|户均|每)")


def propose(model: Model) -> Iterator[Relation]:
    for sentence, figs in sorted(_sentences(model).items()):
        s_start, s_end = model.sentence_span(sentence)
        words = model.norm[s_start:s_end].lstrip()
        m = _INTRO.match(words)
        levels = [g for g in figs if g.role == "level"]
        if m is not None:
            found = _halves(levels, _HALVES[m.group(3)])
            if found is None or len(levels) != 2:
                continue
            by = f"按{m.group(3)}"
        elif _OTHER.match(words):
            # 其中，出口…；进口…: the sum is total.py's and partition.py's; the growth of the total is read here.
            pairs = [(h, f) for h, f in ((h, _halves(levels, h)) for h in _OTHER_HALVES) if f is not None]
            if len(pairs) != 1:
                continue
            found, by = pairs[0][1], "其中"
        else:
            continue
        a, b = found
        if a.unit.dims != b.unit.dims or same_period(a, b) is False:
            continue
        total = _total(model, a, s_start)
        if total is None and by != "其中" and model.norm[s_start - 1:s_start] in ("", "\n"):
            # A breakdown that opens its paragraph (按经营地分，…) breaks down a total of the paragraph before.
            totals = _before_paragraph(model, a, b)
            if not totals:
                continue
        else:
            if total is None or total.unit.dims != a.unit.dims or same_period(total, a) is False:
                continue
            if not total.interval.hi > max(a.interval.lo, b.interval.lo):
                continue
            if by == "其中" and not _names_whole(total, a, b):
                continue
            # A breakdown that dates none of its figures (按经营单位所在地分，城镇消费品零售额…) may break down any
            # total of its measure the paragraph printed before it (10月份…1586.3亿元。1-10月份…15234.7亿元。):
            # each is a reading of one claim, which fails only when the halves add up to none.
            totals = [total] if model.names_period(s_start, a.start) else _totals(model, total, a, b, s_start)
        ga, gb = _growth(model, a), _growth(model, b)
        for whole in totals:
            if by != "其中":
                yield Relation("breakdown-halves", "sum", whole, (a, b), "{0} + {1}", "error",
                               f"{by}: {a.shown} + {b.shown} = {whole.shown}", claim=f"halves:{a.idx}",
                               message=f"the two halves of a breakdown {by} add up to the total")
            gt = _growth(model, whole)
            if gt is not None and ga is not None and gb is not None:
                # Each half's level a year before is its level over 1 + its growth; the total's growth is the
                # total over the sum of those, less 1 (current prices: these totals are nominal).
                yield Relation("breakdown-halves", "growth", gt, (a, b, ga, gb),
                               "({0} + {1}) / ({0} / (1 + {2}) + {1} / (1 + {3})) - 1", "error",
                               f"{by}: {a.shown} up {ga.shown} and {b.shown} up {gb.shown} make "
                               f"{whole.shown} up {gt.shown}", claim=f"halves-growth:{a.idx}",
                               message="the total's growth follows from its halves' levels and growths")


def _halves(levels: list[Fig], halves: tuple[str, str]) -> tuple[Fig, Fig] | None:
    """The one level each half names (城镇消费品零售额, 乡村消费品零售额), none of them per head."""
    found = [_one([g for g in levels if re.match(r"^(" + h + r")", _head(g))]) for h in halves]
    a, b = found
    if a is None or b is None or a.idx == b.idx or any(_AVERAGE.search(g.label) for g in (a, b)):
        return None
    return a, b


def _names_whole(total: Fig, a: Fig, b: Fig) -> bool:
    """After 其中 the total is named: 进出口 for 出口 and 进口, or the halves' measure (消费品零售额) in its words."""
    words = words_only(total.label)
    ha, hb = _head(a), _head(b)
    if ha.startswith("出口") and hb.startswith("进口"):
        return "进出口" in words
    measure = _measure(a)
    return len(measure) >= 3 and measure[:3] in words


def _measure(half: Fig) -> str:
    """A half's measure without the half's own name: 消费品零售额 of 城镇消费品零售额, 零售额 of 商品零售额."""
    return re.sub(r"^(城镇|乡村|农村|商品|餐饮|出口|进口)", "", _head(half))


def _sentences(model: Model) -> dict[int, list[Fig]]:
    out: dict[int, list[Fig]] = {}
    for f in model.figs:
        out.setdefault(f.sentence, []).append(f)
    return out


def _head(g: Fig) -> str:
    return re.sub(r"^(其中|全年|全市|全省)+", "", g.label.split(",")[-1])


def _one(figs: list[Fig]) -> Fig | None:
    return figs[0] if len(figs) == 1 else None


def _totals(model: Model, nearest: Fig, a: Fig, b: Fig, s_start: int) -> list[Fig]:
    """The nearest total first, then the paragraph's earlier levels of the halves' measure (社会消费品零售总额 for
    城镇消费品零售额 and 乡村消费品零售额), each larger than either half."""
    measure = _measure(a)[:2]
    out = [nearest]
    if len(measure) < 2:
        return out
    for g in reversed(model.figs[:nearest.idx]):
        if g.line != a.line:
            break
        if g.role != "level" or g.unit.dims != a.unit.dims or _AVERAGE.search(g.label) \
                or measure not in words_only(g.label) or not g.interval.hi > max(a.interval.lo, b.interval.lo):
            continue
        g_start, _ = model.sentence_span(g.sentence)
        if not _INTRO.match(model.norm[g_start:g.start].lstrip()):
            out.append(g)
    # The reading the halves come nearest first: a claim that fails on every reading is shown by its first.
    return sorted(out, key=lambda g: _distance(g, (a, b)))


def _before_paragraph(model: Model, a: Fig, b: Fig) -> list[Fig]:
    """The levels of the paragraph before that name the halves' measure (社会消费品零售总额 for 城镇消费品零售额),
    larger than either half and of a period the halves may be of, nearest reading first."""
    measure = _measure(a)[:2]
    if len(measure) < 2:
        return []
    out = [g for g in model.figs[max(0, a.idx - 24):a.idx] if g.line == a.line - 1 and g.role == "level"
           and g.unit.dims == a.unit.dims and not _AVERAGE.search(g.label) and measure in words_only(g.label)
           and g.interval.hi > max(a.interval.lo, b.interval.lo) and same_period(g, a) is not False]
    return sorted(out, key=lambda g: _distance(g, (a, b)))


def _distance(whole: Fig, parts: tuple[Fig, Fig]) -> Fraction:
    """How far the parts' sum is from the whole, relative to it (the lower ends of the printed intervals)."""
    w, first, second = (f.interval.lo for f in (whole, *parts))
    if not (isinstance(w, Fraction) and isinstance(first, Fraction) and isinstance(second, Fraction)) or not w:
        return Fraction(10**9)  # an unbounded or zero end: last
    return abs(w - first - second) / w


def _total(model: Model, first: Fig, s_start: int) -> Fig | None:
    for g in reversed(model.figs[:first.idx]):
        if g.line != first.line:
            return None
        if g.role != "level" or g.start >= s_start:
            continue
        g_start, _ = model.sentence_span(g.sentence)
        if _INTRO.match(model.norm[g_start:g.start].lstrip()):
            continue  # a part of an earlier breakdown of the same total
        if _AVERAGE.search(g.label):
            return None
        return g
    return None


_GROWTH_LINK = re.compile(r"^(\([^()]{0,12}\))?,?(比上年|同比|比上年同期|较上年|按年)?(增长|下降)$")
"""A level's own growth right after it: 1236.75亿元，增长6.0%; 3268.47亿元（人民币，下同），按年增长5.3%."""


def _growth(model: Model, level: Fig) -> Fig | None:
    """The growth printed right after a level (…1236.75亿元，增长6.0%), of the same period."""
    if level.idx + 1 >= len(model.figs):
        return None
    g = model.figs[level.idx + 1]
    if g.role != "growth" or g.unit.name != "%" or g.sentence != level.sentence:
        return None
    if not _GROWTH_LINK.match(model.between(level, g).strip()) or same_period(g, level) is False:
        return None
    return g
