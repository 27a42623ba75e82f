"""average_growth: an average growth rate compounds to the total growth over n years (LC116)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

from laibin_check import formula as F
from laibin_check import receipts as R
from laibin_check.derivations import UnitMismatch, agrees, dims_text, evaluate
from laibin_check.findings import Receipt
from laibin_check.kinds._base import Context, Entry, Key, Kind, formula_refs
from laibin_check.kinds._expression import cannot_divide, user_error
from laibin_check.numbers import Interval

if TYPE_CHECKING:
    from laibin_check.facts import Fact


class AverageGrowth(Kind):
    """An average growth rate a over n years compounds to the total growth: (1 + a)^n = the total factor.
    兩年平均增長 is the geometric mean of two years' growth, factor (1 + g₁)(1 + g₂); 年均增長 over n years is the
    compound rate between two levels, factor this / base. The check raises the printed rate's interval to the
    n-th power, so the verdict stays exact.

    "2020年增長2.3%, 2021年增長8.1%, 兩年平均增長5.6%": (1.023 × 1.081)^(1/2) - 1 = 5.16%, inconsistent; 5.2% is
    consistent.
    """

    name = "average_growth"
    code = "LC116"
    table = "derive"
    summary = "an average (compound) growth rate over n years"
    keys: ClassVar[tuple[Key, ...]] = (
        Key("formula", str, True, "", "the total growth factor over the years: (1 + g1) * (1 + g2), or "
            "this_level / base_level"),
        Key("years", str, True, "", "how many years the growth is spread over (2 for 兩年平均)"),
    )
    example = '''[[fact]]
id = "gdp_two_year_average"
quote = "兩年平均增長5.2%"
value = "5.2"
unit = "%"
measure = "GDP兩年平均增速"

[fact.derive]
kind = "average_growth"
formula = "(1 + gdp_growth_2020) * (1 + gdp_growth_2021)"
years = "2"'''

    def validate(self, entry: Mapping[str, Any], fail: Any) -> None:
        years = entry.get("years", "")
        if not (years.isdigit() and 1 <= int(years) <= 100):
            raise fail(f"years must be a whole number from 1 to 100, not {years!r}", "years")

    def describe(self, entry: Entry) -> str:
        return f"average_growth: ({F.render(F.parse(entry.formula).left)})^(1/{getattr(entry, 'years', '')}) - 1"

    def derive(self, ctx: Context, fact: Fact) -> None:
        d = fact.derive
        assert d is not None
        refs = formula_refs(d.formula)
        if fact.id in ctx.stale or any(r in ctx.stale or r not in ctx.env for r in refs):
            return
        node = F.parse(d.formula).left
        n = int(d.years)
        origin = d.formula_origin or fact.origin
        try:
            factor = evaluate(node, ctx.env)
        except UnitMismatch as exc:
            raise user_error(origin, str(exc), exc.column) from None
        except ZeroDivisionError:
            cannot_divide(ctx, self.code, fact.id, node, refs, fact.group, fact.measure)
            return
        if factor.dims:
            raise user_error(origin, f"the growth factor must be a plain number, not {dims_text(factor.dims)}")
        unit = ctx.units[fact.id]
        recomputed = Interval(root(factor.iv.lo, n, False), root(factor.iv.hi, n, True),
                              factor.iv.lo_open, factor.iv.hi_open) - Interval.point(1)
        formula_text = f"{fact.id} = ({F.render(node)})^(1/{n}) - 1 = ({R.substituted(ctx, node)[3:]})^(1/{n}) - 1"
        if not fact.printed:
            ctx.env[fact.id] = ctx.env.get(fact.id, factor)._replace(iv=recomputed, dims=(), rate="rate")
            span, group = ctx.span_of(refs)
            shown = R.show(recomputed, unit, 2)
            ctx.add(self.code, fact.id, span, f"implies {fact.measure} of {shown}", severity="info",
                    verdict="implied", fact_ids=(fact.id, *refs),
                    receipt=Receipt(formula_text, R.inputs(ctx, refs), shown, ""), group=fact.group or group,
                    label=fact.measure)
            return
        p = ctx.printed[fact.id]
        stated = ctx.env[fact.id].iv
        one_plus = stated + Interval.point(1)
        if one_plus.lo < 0 or (one_plus.lo == 0 and not one_plus.lo_open):
            raise user_error(origin, f"an average growth of {p.text}{fact.unit} is a fall of 100% or more")
        power = one_plus
        for _ in range(n - 1):
            power = power * one_plus
        ok = agrees(node, ctx.env, power)
        recomputed_text = R.show(recomputed, unit, p.decimals + 1)
        printed = f"{p.text}{fact.unit}"
        fixes = () if ok else (f"with the yearly figures as printed, {fact.measure} would print as "
                               f"{R.printable(recomputed.scale(1 / unit.scale), p.decimals)}{fact.unit}",)
        receipt = Receipt(formula_text, R.inputs(ctx, refs), recomputed_text, R.show(stated, unit, p.decimals + 1),
                          fixes, (f"(1 + {printed})^{n} must meet the total growth factor",))
        ctx.add(self.code, fact.id, ctx.quote_of(fact.id),
                f"{fact.measure} {printed} " + ("agrees with" if ok else "does not follow from")
                + f" the total growth over {n} years, which gives {recomputed_text}",
                severity="none" if ok else None, verdict="consistent" if ok else "inconsistent",
                fact_ids=(fact.id, *refs), receipt=receipt, group=fact.group, label=fact.measure, stated=printed)


def root(x: Fraction | float, n: int, upward: bool) -> Fraction | float:
    """A rational bound on x^(1/n) (x >= 0): below it when not upward, above it when upward; exact in the sense
    that bound^n is checked against x with fractions, so the displayed interval never excludes the true root."""
    if not isinstance(x, Fraction):
        return x  # ±inf stays itself
    if x <= 0:
        return Fraction(0)
    # A float gives the first guess only; the loops below move it until its power is on the right side of x.
    approx = Fraction(float(x) ** (1 / n)).limit_denominator(10**12)
    step = Fraction(1, 10**12)
    if upward:
        while approx**n < x:
            approx += step
    else:
        while approx**n > x:
            approx -= step
    return approx


KIND = AverageGrowth()
