"""A fall of more than 100%: 产量下降120% would leave less than nothing of a level that cannot be negative.

A level such as an output, a sales value, an area or a count is never below zero, so its growth is never below
-100%. Measures that can change sign (利润, 收益, 差额, 顺差 ...) can fall by more than their level, when a profit
turns into a loss: for those the reading is only a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Model
from laibin_check.check.relation import Relation

# Measures whose level may be negative: a fall of more than 100% means it changed sign.
_SIGNED = re.compile(r"(利润|盈利|收益|亏损|净|结余|差额|顺差|逆差|余额|损益|收支)")


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.role != "growth" or f.mention.sign >= 0 or f.unit.dims != () or f.mention.sign_word == "-":
            continue
        if "百分点" in f.mention.unit:
            continue  # 下降120个百分点 is a change of a rate, not of a level
        pinned = _SIGNED.search(f.label) is None
        yield Relation(
            "fall-beyond-whole", "bound", None, (f,), "{0} >= -100%", "error" if pinned else "suggestion",
            f"{f.label[-8:]}{f.shown}: a level that cannot be negative falls by at most 100%",
            confirm="whether the measure can turn negative (a profit into a loss)",
            message=f"a fall of {f.shown} would leave less than nothing of a level that cannot be negative")
