"""The average annual growth over n years and the growth over the whole span: 比2019年同期增长11.1%,
两年平均增长5.4% means (1 + 5.4%)^2 = 1 + 11.1%.

Statistical releases of 2021 and 2022 print both (the 两年平均 against the base year before the pandemic); the
average is a geometric mean by definition (国家统计局), so the pair pins the relation when the span's growth is
stated against the year n years back, in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model
from laibin_check.check.relation import Relation

_AVERAGE = re.compile(r"(?:(两|三|四|五|六|七|八|九|十)年(?:平均|年均)|年均)(增长|增速为|增速|下降)?(为|达)?$")
"""两年平均增长5.4% (n in words), or 年均增长5.6% after a growth 比2020年 (n: the years from the base to the
figure's year)."""
_BASE = re.compile(r"(比|较)(\d{4})年")
_LEAD_BASE = re.compile(r"(与|和|同)(\d{4})年(同期)?相比")
_SAME_PERIOD = re.compile(r"(同比|比上年|比去年|较上年|较去年)")
_YEARS = {"两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _sentence_base(x: Fig) -> re.Match[str] | None:
    """与2019年同期相比, 服务进出口下降9%, 两年平均下降4.6%, 其中出口增长21.5%, 两年平均增长10.2%: a base year
    the sentence names once, before its pairs, when no year-on-year growth stands between it and the figure."""
    bases = list(_LEAD_BASE.finditer(x.context))
    base = bases[-1] if bases else None
    if base is None or _SAME_PERIOD.search(x.context[base.end():]):
        return None
    return base


def propose(model: Model) -> Iterator[Relation]:
    for y in model.figs:
        if y.role not in ("growth", "rate"):
            continue
        m = _AVERAGE.search(y.label)
        if m is None:
            continue
        before = [f for f in model.in_sentence(y) if f.end <= y.start and f.role in ("growth", "rate")]
        if not before:
            continue
        x = before[-1]
        base = _BASE.search(x.label) or _BASE.search(x.context[-16:]) or _sentence_base(x)
        if base is None or x.clause < y.clause - 1:
            continue  # the span's growth must be stated against a named base year, just before the average
        if m.group(1):
            n = _YEARS[m.group(1)]
        elif x.period[:4].isdigit() and 2 <= int(x.period[:4]) - int(base.group(2)) <= 10:
            n = int(x.period[:4]) - int(base.group(2))  # 2024年…比2020年的…增长24.3%，年均增长5.6%: four years
        else:
            continue
        # A growth after 下降 is already negative when the engine reads it (figures.fact_sign), so one formula
        # serves rises and falls; writing (1 - g) here would negate a fall twice.
        formula = " * ".join(["(1 + {0})"] * n) + " == 1 + {1}"
        named = m.group(1) + "年平均" if m.group(1) else "年均"
        yield Relation("average-over-years", "equal", None, (y, x), formula, "error",
                       f"{x.shown} against {base.group(2)}年, {m.group(0)}{y.shown}: (1 + average)^{n} = 1 + growth",
                       message=f"{named} {y.shown} does not compound to {x.shown} over {n} years")
