"""A pull in percentage points and the levels it comes from: 进口12568亿元, 增长14.7% … 大宗商品进口2087.5亿元,
增长39.4%, 拉动进口增长5.4个百分点.

A part's pull on its whole's growth is the part's increase over the whole's level a year before:
(p - p / (1 + gp)) / (T / (1 + gT)), every figure printed. The part and its growth are the level and growth
printed just before 拉动 in its sentence; the whole is named after 拉动 (进口, 出口, 进出口, 社会消费品零售总额), and
is the level of that name alone (进口, 江苏省外贸进出口值: nothing but a place before the measure) printed before,
of the same period, with its growth right after it. Only measures whose growth is nominal are read: a pull on GDP,
on 工业增加值 or on 经济增长 is worked out on real growths and deflated parts that a report does not print.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period, words_only
from laibin_check.check.names import canonical, leading_entity
from laibin_check.check.relation import Relation

_PULL = re.compile(r"拉动([\u4e00-\u9fffA-Za-z]{1,12}?)(总额|总值|规模)?(的)?增长$")
_REAL = ("增加值", "GDP", "生产总值", "经济", "工业", "服务业")
"""Measures whose growth is real (at constant prices): their pulls are not levels × nominal growths."""
_PLACE = re.compile(r"^(其中|同期|全年|今年|上半年|全省|全市|全区|全国|我国|[\u4e00-\u9fff]{1,6}?[省市区县州国])?$")
_LOOK_BACK = 60


def propose(model: Model) -> Iterator[Relation]:
    for n in model.figs:
        if n.role != "points":
            continue
        m = _PULL.search(words_only(n.label))
        if m is None:
            continue
        place, measure = leading_entity(canonical(m.group(1)))  # 拉动全市进出口增长: the city's 进出口
        if any(w in measure for w in _REAL):
            continue
        pair = _part(model, n)
        if pair is None:
            continue
        part, part_growth = pair
        wholes = [w for w in _wholes(model, n, measure, place) if w[0] is not part
                  and w[0].interval.lo > part.interval.hi and same_period(w[0], part) is not False]
        if len(wholes) != 1:
            continue
        whole, whole_growth = wholes[0]
        yield Relation(
            "pull-on-growth", "ratio", n, (part, part_growth, whole, whole_growth),
            "({0} - {0} / (1 + {1})) / ({2} / (1 + {3}))", "error",
            f"拉动{m.group(1)}增长 {n.shown}: the increase of {part.shown} (up {part_growth.shown}) over last "
            f"year's {whole.shown} (up {whole_growth.shown})", claim=f"pull:{n.idx}")


def _part(model: Model, n: Fig) -> tuple[Fig, Fig] | None:
    """The level and its growth printed just before 拉动; a share (占出口总值的65.9%) or a gap may stand between."""
    before = [f for f in model.in_sentence(n) if f.end <= n.start]
    levels = [i for i, f in enumerate(before) if f.role == "level"]
    if not levels:
        return None
    at = levels[-1]
    after = before[at + 1:]
    if not after or after[0].role != "growth" or any(f.role not in ("share", "points") for f in after[1:]):
        return None
    part, growth = before[at], after[0]
    if part.unit.kind != "money" or n.clause - part.clause > 4:
        return None
    return part, growth


def _wholes(model: Model, n: Fig, measure: str, place: str) -> list[tuple[Fig, Fig]]:
    """The levels printed before `n` named by the measure alone, each with the growth right after it; of the
    place the pull names (全市: 我市货物贸易进出口总值, not 全省进出口总值), when it names one."""
    out: list[tuple[Fig, Fig]] = []
    window = model.figs[max(0, n.idx - _LOOK_BACK):n.idx]
    for w, g in itertools.pairwise(window):
        if w.role != "level" or g.role != "growth" or g.sentence != w.sentence or g.clause > w.clause + 1:
            continue
        name = canonical(words_only(w.label))
        name = re.sub(r"^\d*月?", "", name)
        name = re.sub(r"(实现|完成|达到|达|为|是)+$", "", name)
        name = re.sub(r"(总额|总值|值|规模)$", "", name)
        name = re.sub(r"(货物贸易|货物)(?=进出口|出口|进口)", "", name)  # 货物贸易进出口总值 is 进出口
        prefix = name[: len(name) - len(measure)]
        if not name.endswith(measure) or not _PLACE.match(prefix):
            continue
        if place and prefix and leading_entity(prefix)[0] != place:
            continue
        out.append((w, g))
    return out
