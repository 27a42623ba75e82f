"""A balance's growth from its increase: 存款余额5620.40亿元，比年初增加412.60亿元，比上年末增长7.9%.

The growth is the increase over the balance before it, that is increase / (balance - increase), when both compare
with the same moment: 年初 and 上年末 are one moment, and a growth with no base stated right after the increase
shares the increase's. A growth 同比 (a year earlier) after an increase 比年初 of a mid-year balance compares with
another moment and is left alone. The three figures are one sentence's, in that order, the balance first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Model
from laibin_check.check.relation import Relation

_INCREASE = re.compile(r"^,?(比|较)(年初|上年末|去年末|上年底|年初余额)(增加|增长|多增|新增)了?$")
_GROWTH = re.compile(r"^,?((比|较)(年初|上年末|去年末|上年底))?(增长|增加)了?$")
_START = ("年初", "上年末", "去年末", "上年底", "年初余额")


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
        if not inc.interval.hi < level.interval.lo:
            continue
        yield Relation("growth-from-increase", "growth", growth, (inc, level), "{0} / ({1} - {0})", "error",
                       f"{level.shown}, {m_inc.group(0).strip(',')} {inc.shown}, growth {growth.shown} "
                       f"= {inc.shown} / ({level.shown} - {inc.shown})",
                       message="a growth is the increase over the level before it")
