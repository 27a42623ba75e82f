"""Evaluating formulas over printed figures: quantities with units, interval arithmetic, GRIM and inverse solving.

A quantity is an exact interval in base units (元, tonnes, items, or a plain fraction for %), its dimension from
pint, and whether it is a rate or a gap in percentage points. Evaluation answers "which values could this formula
take, given what the report printed"; solving answers "which value of this one input would make it agree".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

from laibin_check import formula as F
from laibin_check.numbers import Interval, iter_integer_points
from laibin_check.units import RateKind

Dims = tuple[tuple[str, int], ...]

GRIM_LIMIT = 100_000
"""Most whole-number combinations enumerated for a GRIM test; beyond it, interval arithmetic alone decides."""


class UnitMismatch(ValueError):
    """A formula that adds 億元 to 個, or whose result is not in the unit of the figure it derives."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


class Quantity(NamedTuple):
    iv: Interval
    dims: Dims
    rate: RateKind = None
    integer: bool = False
    """A whole number of items (a count printed without 萬): GRIM enumerates its whole values."""


@lru_cache(maxsize=1024)
def _combine(a: Dims, b: Dims, sign: int) -> Dims:
    """The dimension of a product (sign 1) or quotient (-1); memoised, as a report multiplies few kinds of unit."""
    out: dict[str, int] = dict(a)
    for k, v in b:
        out[k] = out.get(k, 0) + sign * v
    return tuple(sorted((k, v) for k, v in out.items() if v))


def dims_text(d: Dims) -> str:
    if not d:
        return "dimensionless"
    return " * ".join(k if v == 1 else f"{k}**{v}" for k, v in d)


def evaluate(node: F.Node, env: Mapping[str, Quantity]) -> Quantity:
    """The interval of values the expression can take; ZeroDivisionError when a divisor may be zero."""
    if isinstance(node, F.Num):
        if node.unit:
            return constant(node)
        return Quantity(Interval.point(node.value), (), "rate" if node.percent else None)
    if isinstance(node, F.Ref):
        return env[node.name]
    if isinstance(node, F.Neg):
        q = evaluate(node.operand, env)
        return q._replace(iv=-q.iv, integer=False)
    left = evaluate(node.left, env)
    right = evaluate(node.right, env)
    if node.op in "+-":
        # A bare number takes the unit of what it is added to: "collected + 1", "100% - share".
        if _bare(node.left) and not left.dims:
            left = left._replace(dims=right.dims)
        if _bare(node.right) and not right.dims:
            right = right._replace(dims=left.dims)
        if left.dims != right.dims:
            raise UnitMismatch(
                f"cannot {'add' if node.op == '+' else 'subtract'} {dims_text(right.dims)} "
                f"{'to' if node.op == '+' else 'from'} {dims_text(left.dims)}", node.column)
        iv = left.iv + right.iv if node.op == "+" else left.iv - right.iv
        if isinstance(node.left, F.Num) != isinstance(node.right, F.Num):
            # A constant changes no kind: 100% - share is a share, not a gap in percentage points.
            other = right if isinstance(node.left, F.Num) else left
            return Quantity(iv, left.dims, other.rate)
        return Quantity(iv, left.dims, _rate_of_sum(node.op, left.rate, right.rate))
    if node.op == "*":
        return Quantity(left.iv * right.iv, _combine(left.dims, right.dims, 1))
    return Quantity(left.iv / right.iv, _combine(left.dims, right.dims, -1))


def constant(node: F.Num) -> Quantity:
    """A constant written with its unit (2萬億元, 0.5個百分點): exact, in base units; UnitMismatch for a unit the
    table does not know."""
    from laibin_check.units import resolve

    try:
        unit = resolve(node.unit)
    except KeyError:
        raise UnitMismatch(f"unknown unit {node.unit!r} after {node.text!r}", node.column) from None
    return Quantity(Interval.point(node.value * unit.scale), unit.dims, unit.rate_kind)


def _bare(node: F.Node) -> bool:
    return isinstance(node, F.Num) and not node.percent and not node.unit


def _rate_of_sum(op: str, a: RateKind, b: RateKind) -> RateKind:
    """Rate - rate is a gap in percentage points; a rate plus or minus points is a rate."""
    if a == "rate" and b == "rate":
        return "points" if op == "-" else "rate"
    if "rate" in (a, b) and "points" in (a, b):
        return "rate"
    if a == "points" and b == "points":
        return "points"
    if a is None and b is None:
        return None
    # 1 + growth: a plain multiplier, not a rate.
    return None


def grim_points(node: F.Node, env: Mapping[str, Quantity]) -> Iterator[Quantity] | None:
    """Evaluate with every whole-number combination of the counts that are not known exactly.

    None when no count is uncertain, or when there are too many combinations to enumerate.
    """
    names = sorted({r.name for r in F.references(node)
                    if env[r.name].integer and not env[r.name].iv.is_point})
    if not names:
        return None
    combos = iter_integer_points([env[n].iv for n in names], GRIM_LIMIT)
    if combos is None:
        return None

    def gen() -> Iterator[Quantity]:
        assert combos is not None
        # One copy of the environment, its uncertain counts replaced for each combination in turn: evaluate keeps
        # no reference to it, and copying every fact's quantity per combination cost more than the arithmetic.
        point_env = dict(env)
        counts = [(name, env[name]) for name in names]
        for combo in combos:
            for (name, q), value in zip(counts, combo, strict=True):
                point_env[name] = Quantity(Interval.point(value), q.dims, q.rate, q.integer)
            try:
                yield evaluate(node, point_env)
            except ZeroDivisionError:
                continue

    return gen()


def hull(values: list[Interval]) -> Interval | None:
    if not values:
        return None
    out = values[0]
    for iv in values[1:]:
        lo, lo_open = (out.lo, out.lo_open) if (out.lo, out.lo_open) <= (iv.lo, iv.lo_open) else (
            iv.lo, iv.lo_open)
        hi, hi_open = (out.hi, out.hi_open) if (out.hi, not out.hi_open) >= (iv.hi, not iv.hi_open) else (
            iv.hi, iv.hi_open)
        out = Interval(lo, hi, lo_open, hi_open)
    return out


class Agreement(NamedTuple):
    """Whether a formula can produce a stated interval, and what it produces."""

    agrees: bool
    recomputed: Interval
    """Interval arithmetic's answer."""
    whole: Interval | None = None
    """The hull of the results over whole-number counts, when GRIM applied."""
    grim_decided: bool = False
    """True when interval arithmetic allowed the stated value but no whole-number count does."""


def agree(node: F.Node, env: Mapping[str, Quantity], stated: Interval,
          recomputed: Interval | None = None) -> Agreement:
    """Whether the formula can give `stated`; `recomputed` is its interval when the caller evaluated it already
    (a derivation evaluates its formula once)."""
    if recomputed is None:
        recomputed = evaluate(node, env).iv
    points = grim_points(node, env)
    if points is None:
        return Agreement(recomputed.meets(stated), recomputed)
    results = [q.iv for q in points]
    whole = hull(results)
    agrees = any(r.meets(stated) for r in results)
    return Agreement(agrees, recomputed, whole, grim_decided=not agrees and recomputed.meets(stated))


def agrees(node: F.Node, env: Mapping[str, Quantity], stated: Interval) -> bool:
    """`agree(node, env, stated).agrees`, stopping at the first whole-number combination that agrees (the fix
    search asks this of up to 200 candidates, and needs no hull)."""
    recomputed = evaluate(node, env).iv
    points = grim_points(node, env)
    if points is None:
        return recomputed.meets(stated)
    return any(q.iv.meets(stated) for q in points)


def solve(node: F.Node, name: str, target: Interval, env: Mapping[str, Quantity]) -> Interval | None:
    """The values of `name` for which `node` can land in `target`, other inputs anywhere in their intervals.

    Works when `name` occurs once; None otherwise or when an inverse would divide by an interval holding zero.
    """
    if sum(1 for r in F.references(node) if r.name == name) != 1:
        return None
    try:
        return _solve(node, name, target, env)
    except ZeroDivisionError:
        return None


def _solve(node: F.Node, name: str, target: Interval, env: Mapping[str, Quantity]) -> Interval | None:
    if isinstance(node, F.Ref):
        return target if node.name == name else None
    if isinstance(node, F.Num):
        return None
    if isinstance(node, F.Neg):
        return _solve(node.operand, name, -target, env)
    in_left = any(r.name == name for r in F.references(node.left))
    side, other = (node.left, node.right) if in_left else (node.right, node.left)
    o = evaluate(other, env).iv
    if node.op == "+":
        need = target - o
    elif node.op == "-":
        need = target + o if in_left else o - target
    elif node.op == "*":
        need = target / o
    else:
        need = target * o if in_left else o / target
    return _solve(side, name, need, env)
