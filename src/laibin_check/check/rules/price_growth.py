"""The growth of a price and the growths of the value and the quantity it is the quotient of: 销售面积增长20%,
销售额增长32%, 均价增长10% (1.32 / 1.20 = 1.10).

A price per 平方米 is the value over the area (check/rules/per_unit.py pairs them); when the text prints the
growth of all three, right after each, the price's growth is (1 + value's) / (1 + area's) - 1 whatever the
levels of the year before were. A growth after 下降/减少/回落 is negative, as a print of -10.8% is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model
from laibin_check.check.relation import Relation
from laibin_check.check.rules.per_unit import quotients

_DOWN = re.compile(r"(下降|减少|回落|下跌|降低|下滑|降)了?$")


def propose(model: Model) -> Iterator[Relation]:
    for q in quotients(model):
        if q.kind != "price" or not q.pinned or len(q.pairs) != 1:
            continue
        price_growth = _growth_after(model, q.fig)
        total, base = q.pairs[0]
        value_growth, area_growth = _growth_after(model, total), _growth_after(model, base)
        if price_growth is None or value_growth is None or area_growth is None:
            continue
        # A growth after 下降/减少 is read negative by the engine (figures.fact_sign): one formula serves all signs.
        yield Relation(
            "price-growth", "ratio", price_growth, (value_growth, area_growth), "(1 + {0}) / (1 + {1}) - 1", "error",
            f"{q.fig.label[-6:]}{q.fig.shown}/{q.bottom} is {total.shown} over {base.shown}: its growth "
            f"{_signed(price_growth)} against {_signed(value_growth)} and {_signed(area_growth)}",
            message=f"the growth of {q.fig.shown}/{q.bottom} does not follow from the growths of {total.shown} "
                    f"({_signed(value_growth)}) and {base.shown} ({_signed(area_growth)})")


def _growth_after(model: Model, f: Fig) -> Fig | None:
    """The growth printed right after a figure: the next figure of its sentence, in its clause or the next."""
    after = [g for g in model.in_sentence(f) if g.start >= f.end]
    if not after or after[0].role != "growth" or after[0].clause > f.clause + 1:
        return None
    g = after[0]
    return g if "两年" not in g.label and "比20" not in g.label else None


def _down(g: Fig) -> bool:
    return _DOWN.search(g.label[-4:]) is not None


def _signed(g: Fig) -> str:
    return f"-{g.shown}" if _down(g) else g.shown
