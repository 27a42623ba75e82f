"""A balance's growth from its increase: 存款余额5620.40亿元，比年初增加412.60亿元，比上年末增长7.9%.

The growth is the increase over the balance before it, that is increase / (balance - increase), when both compare
with the same moment: 年初 and 上年末 are one moment, and a growth with no base stated right after the increase
shares the increase's. A growth 同比 (a year earlier) after an increase 比年初 compares with the same moment only
at the year's end (2024年末, or a year's report naming no other moment); of a mid-year balance it is left alone.
A level's 比上年增加…，增长 is the same relation (播种面积62.48万亩，比上年增加0.35万亩，增长0.6%; a fall's figures
carry their signs), except for GDP and value added, whose growth is real. The three figures are one sentence's, in
that order, the level first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, compared, real_growth
from laibin_check.check.relation import Relation

_INCREASE = re.compile(r"^,?(比|较)(?P<base>年初|上年末|去年末|上年底|年初余额|上年|去年|上年同期|去年同期)"
                       r"(增加|增长|多增|新增|减少|下降)了?$")
_GROWTH = re.compile(r"^,?((比|较)(年初|上年末|去年末|上年底)|(?P<yoy>同比))?(增长|增加|下降|减少)了?$")
_START = ("年初", "上年末", "去年末", "上年底", "年初余额")
_YEAR_END = re.compile(r"(年末|年底|12月末|12月底)")


def propose(model: Model) -> Iterator[Relation]:
    figs = model.figs
    for i in range(len(figs) - 2):
        level, inc, growth = figs[i], figs[i + 1], figs[i + 2]
        if level.role != "level" or inc.role != "level" or growth.role != "growth" or growth.unit.name != "%":
            continue
        if not (level.sentence == inc.sentence == growth.sentence) or level.unit.dims != inc.unit.dims:
            continue
        m_inc = _INCREASE.match(model.between(level, inc).strip())
        m_growth = _GROWTH.match(model.between(inc, growth).strip())
        if m_inc is None or m_growth is None or (m_growth.group(3) and m_growth.group(3) not in _START):
            continue
        if m_inc.group("base") in _START and m_growth.group("yoy") and not _at_year_end(model, level):
            continue  # 比年初增加…，同比增长 of a mid-year balance: two moments
        if m_inc.group("base") not in _START and (m_growth.group(1) or real_growth(level.context)):
            continue  # 比上年增加…: the growth that follows at once is on the same base, and not a real growth
        if compared(level) or not inc.interval.hi < level.interval.lo:
            # 余额4978.16亿元，年初为4591.64亿元，比年初增加386.52亿元，增长8.4%: the start is no balance
            continue
        yield Relation("growth-from-increase", "growth", growth, (inc, level), "{0} / ({1} - {0})", "error",
                       f"{level.shown}, {m_inc.group(0).strip(',')} {inc.shown}, growth {growth.shown} "
                       f"= {inc.shown} / ({level.shown} - {inc.shown})",
                       message="a growth is the increase over the level before it")


def _at_year_end(model: Model, level: Fig) -> bool:
    """A balance at the year's end (2024年末, 12月末; or a year's report whose paragraph names no other moment):
    a year earlier is the year's start, so 同比 and 比年初 compare with one moment."""
    line_start = model.norm.rfind("\n", 0, level.start) + 1
    before = model.norm[model.norm.rfind("\n", 0, max(0, line_start - 1)) + 1:level.start]
    if _YEAR_END.search(before):
        return True
    return not re.search(r"\d{1,2}月(末|底)", before) and model.first_period.isdigit()
