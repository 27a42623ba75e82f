"""A year-on-year growth against the same measure's level a year before, both printed: 2018年1月, 实际使用外资
801亿元 … 2019年1月, 全国实际使用外资841.8亿元, 同比增长4.8% (841.8 / 801 = 1.0509: 5.1%, not 4.8%).

The growth follows its level (the next figure, in its clause or the next) and says it is year on year (同比, 比上
年, or a bare 增长; never 环比, 两年平均 or 比2019年). The earlier level is the one level of the report of the same
measure (its words, the place words 全国/我国 and 金额 aside) for the same part of the year one year before, as
the text dates it (2017年1月 for 2018年1月; 2020年1-3月 for a 1-3月 of a report whose latest year is 2021). GDP,
value added and industrial output grow in real terms, not as the ratio of two nominal levels: not read. Statistics
of enterprises above a size (规模以上, 限额以上) compare with last year's on a comparable basis (可比口径), which
the printed level is not: a review suggestion only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, words_only
from laibin_check.check.names import canonical
from laibin_check.check.relation import Relation

_YOY = re.compile(r"^(同比|比上年|比去年|较上年|较去年)?(增长|下降|减少|增加|上涨|下跌|增)$")
_REAL = ("生产总值", "GDP", "增加值", "经济总量", "工业生产")
_COMPARABLE = ("规模以上", "限额以上")
_PLACE = re.compile(r"^(其中|同期|全国|我国|全省|全市|全区|全年|今年|去年|上年)+")
_TAIL = re.compile(r"(实现|完成|达到了|达到|达|为|是|约|共|金额|总额|规模|人民币)+$")


def propose(model: Model) -> Iterator[Relation]:
    latest = _latest_year(model)
    levels: dict[tuple[str, str], list[Fig]] = {}
    for f in model.figs:
        if f.role == "level" and f.unit.kind == "money":
            key = _dated(f.period, latest)
            if key is not None:
                levels.setdefault((key[0], key[1]), []).append(f)
    for i, g in enumerate(model.figs):
        if g.role != "growth" or i == 0 or not _YOY.match(words_only(g.label)):
            continue
        level = model.figs[i - 1]
        if level.role != "level" or level.unit.kind != "money" or level.sentence != g.sentence \
                or g.clause > level.clause + 1:
            continue
        dated = _dated(level.period, latest)
        measure = _measure(level)
        if dated is None or len(measure) < 3 or any(w in measure for w in _REAL) or measure.endswith("工业"):
            continue
        year, part = dated
        earlier = [w for w in levels.get((str(int(year) - 1), part), ()) if _measure(w) == measure
                   and w.unit.dims == level.unit.dims]
        if len(earlier) != 1:
            continue
        base = earlier[0]
        comparable = any(w in measure for w in _COMPARABLE)
        yield Relation(
            "growth-over-year", "growth", g, (level, base), "{0} / {1} - 1",
            "suggestion" if comparable else "error",
            f"{measure} {level.shown} ({year}{part}) over {base.shown} a year before: 同比 {g.shown}",
            confirm="that the growth is on the printed levels, not on a comparable basis (可比口径)",
            claim=f"yoy:{g.idx}")


def _measure(f: Fig) -> str:
    words = canonical(words_only(f.label))
    words = re.sub(r"^\d*(年|月|季度)*", "", words)
    return _TAIL.sub("", _PLACE.sub("", words))


def _latest_year(model: Model) -> str:
    years = [f.period[:4] for f in model.figs if f.period[:4].isdigit()]
    return max(years, default="")


def _dated(period: str, latest: str) -> tuple[str, str] | None:
    """(year, part of the year) of a period key: 2018M1 -> (2018, M1); M1-3 -> (latest, M1-3); a bare year
    (2021: the whole year, or the year a month is in) is no part and is not read."""
    if period[:4].isdigit():
        part = period[4:]
        return (period[:4], part) if part.startswith(("M", "Q", "H")) else None
    if period.startswith(("M", "Q", "H")) and latest:
        return latest, period
    return None
