"""The smallest change that would make a relation hold: to the stated figure, or to each input in turn.

"83.4% needs 收集問題 of 379個 (printed 380多個)": for a count the nearest whole number that passes the GRIM
test, for any other figure the nearest print at its own precision.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING

from laibin_check import formula as F
from laibin_check.derivations import agree, agrees, solve
from laibin_check.numbers import Interval, Printed, round_half_up
from laibin_check.receipts import printable

if TYPE_CHECKING:
    from laibin_check.facts import Fact
    from laibin_check.kinds._base import Context

EVERYTHING = Interval(-math.inf, math.inf)


def suggestions(ctx: Context, node: F.Node, fact: Fact, refs: list[str], stated: Interval,
                shown: Interval | None = None) -> list[str]:
    """The smallest change to the stated figure and to each input that would make the derivation agree.
    `shown` is what the formula gives with the figures as printed (the hull over whole counts, else its interval)
    when the caller has it already: it does not depend on the stated figure."""
    out: list[str] = []
    unit = ctx.units[fact.id]
    p = ctx.printed[fact.id]
    if shown is None:
        ag = agree(node, ctx.env, EVERYTHING)
        shown = ag.whole if ag.whole is not None else ag.recomputed
    grid = printable(shown.scale(1 / unit.scale), p.decimals)
    if grid:
        out.append(f"with the other figures as printed, {fact.measure} would print as {grid}{fact.unit}")
    for r in dict.fromkeys(refs):
        if r not in ctx.printed:
            continue
        need = solve(node, r, stated, ctx.env)
        if need is None:
            continue
        rp, ru, rf = ctx.printed[r], ctx.units[r], ctx.rf.fact(r)
        need_unit = need.scale(1 / ru.scale)
        if ru.integer:
            candidate: object = nearest_whole(ctx, node, r, need_unit, rp, stated)
        else:
            candidate = nearest_print(need_unit, rp)
        if candidate is not None:
            out.append(f"{p.text}{fact.unit} needs {rf.measure} of {candidate}{rf.unit} "
                       f"(printed {rp.text}{rf.unit})")
    for r in dict.fromkeys(refs):
        if r in ctx.printed and ctx.printed[r].qualifier:
            rp = ctx.printed[r]
            bare_env = dict(ctx.env)
            bare_env[r] = ctx.env[r]._replace(iv=Interval.point(rp.number * ctx.units[r].scale))
            try:
                bare_ag = agree(node, bare_env, EVERYTHING)
            except ZeroDivisionError:
                continue
            bare = (bare_ag.whole or bare_ag.recomputed).scale(1 / unit.scale)
            out.append(f"even reading {rp.text} as exactly {round_half_up(rp.number, rp.decimals)}, "
                       f"{fact.measure} would be {printable(bare, p.decimals)}{fact.unit}")
    return out


def nearest_whole(ctx: Context, node: F.Node, name: str, need: Interval, printed: Printed,
                  stated: Interval) -> int | None:
    """The whole number nearest the printed count for which the derivation agrees (GRIM), if one is near."""
    lo = need.lo if need.lo != -math.inf else Fraction(printed.number) - 10_000
    hi = need.hi if need.hi != math.inf else Fraction(printed.number) + 10_000
    window = Interval(lo, hi, need.lo_open, need.hi_open).integers(limit=20_000) or []
    unit = ctx.units[name]
    env = dict(ctx.env)  # one copy, the count replaced by each candidate in turn
    for value in sorted(window, key=lambda v: (abs(v - printed.number), v))[:200]:
        env[name] = ctx.env[name]._replace(iv=Interval.point(value * unit.scale))
        try:
            if agrees(node, env, stated):
                return value
        except ZeroDivisionError:
            continue
    return None


def nearest_print(need: Interval, printed: Printed) -> str | None:
    """The printed figure, at the input's own precision, nearest to what it printed that meets `need`."""
    if need.empty:
        return None
    step = Fraction(1, 10**printed.decimals)
    half = step / 2
    n0 = printed.number / step
    candidates: list[Fraction] = []
    for end in (need.lo, need.hi):
        if end not in (-math.inf, math.inf):
            candidates.append(Fraction(math.floor((Fraction(end) + half) / step)) * step)
            candidates.append(Fraction(math.ceil((Fraction(end) - half) / step)) * step)
    ok = [c for c in candidates if Interval(c - half, c + half, False, True).meets(need)]
    if not ok:
        return None
    best = min(ok, key=lambda c: (abs(c / step - n0), c))
    return round_half_up(best, printed.decimals)
