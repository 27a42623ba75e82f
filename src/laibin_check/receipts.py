"""The wording of receipts: figures as printed, intervals in a fact's unit, and a formula with figures in place.

Every kind writes its receipt with these, so the same figure reads the same way in every finding.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from laibin_check import formula as F
from laibin_check.derivations import evaluate
from laibin_check.findings import Input
from laibin_check.numbers import Interval, Printed, fmt_interval, parse_printed, round_half_up

if TYPE_CHECKING:
    from laibin_check.kinds._base import Context
    from laibin_check.units import Unit


def show(iv: Interval, unit: Unit | None, decimals: int) -> str:
    """An interval in base units, shown in `unit`: "(82.8, 83.0)%"."""
    if unit is None:
        return fmt_interval(iv, decimals)
    return f"{fmt_interval(iv.scale(1 / unit.scale), decimals)}{unit.name}"


def printed_text(ctx: Context, fact_id: str) -> str:
    """A printed figure as the report prints it, with its unit: "380多個"."""
    return f"{ctx.printed[fact_id].text}{ctx.rf.fact(fact_id).unit}"


def inputs(ctx: Context, refs: list[str]) -> tuple[Input, ...]:
    out = []
    for r in dict.fromkeys(refs):
        fact = ctx.rf.fact(r)
        unit = ctx.units[r]
        if r in ctx.printed:
            p = ctx.printed[r]
            out.append(Input(r, f"{p.text}{fact.unit}", f"{fmt_interval(p.interval, p.decimals + 1)} "
                             f"{fact.unit}", p.reading))
        else:
            iv = ctx.env[r].iv
            out.append(Input(r, "(implied)", show(iv, unit, 2), "implied by its own derivation"))
    return tuple(out)


def substituted(ctx: Context, node: F.Node) -> str:
    """The formula with the printed figures in place of fact ids: " = 316個 / 380多個"."""
    return " = " + _substituted(ctx, node, 0)


def _substituted(ctx: Context, n: F.Node, outer: int) -> str:
    # A module-level function, not a nested one that calls itself: that closure would hold itself and the
    # report's whole run in a reference cycle, freed only by the cyclic collector (measured: every report's
    # records left for it, ~1,800 objects).
    if isinstance(n, F.Num):
        return n.text
    if isinstance(n, F.Ref):
        if n.name in ctx.printed:
            if _falls(ctx, n.name):  # 下降0.6% reads -0.6%: the formula shows the sign the engine reads
                return f"(-{printed_text(ctx, n.name)})" if outer >= 3 else f"-{printed_text(ctx, n.name)}"
            return printed_text(ctx, n.name)
        return f"[{n.name}]"
    if isinstance(n, F.Neg):
        return "-" + _substituted(ctx, n.operand, 3)
    prec = 1 if n.op in "+-" else 2
    right = prec + 1 if n.op in "-/" else prec
    if isinstance(n.right, F.Ref) and n.right.name in ctx.printed and _falls(ctx, n.right.name):
        if prec == 1:  # 1 + 下降0.6% is shown 1 - 0.6%, not 1 + 0.6% nor 1 + -0.6%
            op = "-" if n.op == "+" else "+"
            text = f"{_substituted(ctx, n.left, prec)} {op} {printed_text(ctx, n.right.name)}"
            return f"({text})" if prec < outer else text
        right = 3  # a * (-0.6%), not a * -0.6%
    text = f"{_substituted(ctx, n.left, prec)} {n.op} {_substituted(ctx, n.right, right)}"
    return f"({text})" if prec < outer else text


def _falls(ctx: Context, fact_id: str) -> bool:
    """Whether the engine reads a printed figure with the opposite sign to its printed number: a fall word stands
    before it (下降0.6% is -0.6%, engine.fact_sign). A printed minus is in the printed text already."""
    read = ctx.env.get(fact_id)
    return read is not None and ctx.printed[fact_id].number > 0 and read.iv.hi <= 0


def exact_value(ctx: Context, node: F.Node, refs: list[str], scale: Fraction) -> Fraction | None:
    """What the formula gives, divided by `scale`, with every printed input taken exactly as printed."""
    env = dict(ctx.env)
    for r in refs:
        if r in ctx.printed:
            env[r] = env[r]._replace(iv=Interval.point(ctx.printed[r].number * ctx.units[r].scale))
    try:
        value = evaluate(node, env).iv.scale(1 / scale)
    except ZeroDivisionError:
        return None
    return value.lo if value.is_point and isinstance(value.lo, Fraction) else None


def rounding_note(ctx: Context, node: F.Node, fact_id: str, refs: list[str], p: Printed) -> str | None:
    """statcheck's users asked for it: say when a check passes only because of rounding."""
    if any(r not in ctx.printed or ctx.printed[r].qualifier for r in refs):
        return None
    value = exact_value(ctx, node, refs, ctx.units[fact_id].scale)
    if value is None:
        return None
    shown = round_half_up(value, p.decimals)
    if Fraction(shown) == p.number:
        return None
    unit = ctx.rf.fact(fact_id).unit
    return (f"consistent only within rounding: the printed inputs taken as exact give {shown}{unit}, "
            f"not {p.text}{unit}")


def printable(iv: Interval, decimals: int) -> str:
    """The figures at the given precision whose rounding meets the interval: "81.2–82.9", or one figure."""
    import math

    if iv.empty:
        return "nothing"
    if not iv.bounded:
        return fmt_interval(iv, decimals)
    step = Fraction(1, 10**decimals)

    def prints(k: int) -> bool:
        return parse_printed(round_half_up(k * step, decimals)).interval.meets(iv)

    first = math.floor(Fraction(iv.lo) / step) - 1
    while not prints(first) and first * step <= iv.hi:
        first += 1
    last = math.ceil(Fraction(iv.hi) / step) + 1
    while not prints(last) and last * step >= iv.lo:
        last -= 1
    if last < first:
        return "nothing"
    a, b = round_half_up(first * step, decimals), round_half_up(last * step, decimals)
    return a if a == b else f"{a}–{b}"
