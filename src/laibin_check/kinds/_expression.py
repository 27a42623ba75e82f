"""Kinds whose relation is a formula over the report's figures: a derived figure, or a comparison between two.

The evaluation is shared: a kind built on these classes differs from its neighbours in its code, its wording
and its documentation, while the interval arithmetic, the GRIM test and the fix search are the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

from laibin_check import formula as F
from laibin_check import receipts as R
from laibin_check.derivations import Quantity, UnitMismatch, agree, dims_text, evaluate
from laibin_check.errors import InputError
from laibin_check.findings import Input, Receipt, Verdict
from laibin_check.fixes import suggestions
from laibin_check.kinds._base import Context, Entry, Key, Kind, formula_refs
from laibin_check.numbers import Interval, round_half_up

if TYPE_CHECKING:
    from laibin_check.facts import Check, Fact, Origin


def user_error(origin: Origin, message: str, column: int = 0) -> InputError:
    return InputError(origin.path, message, origin.line, origin.column + column)


class FormulaKind(Kind):
    """A figure that a formula over other figures recomputes."""

    table = "derive"
    keys: ClassVar[tuple[Key, ...]] = (
        Key("formula", str, True, "", "the expression that recomputes the figure (the grammar below)"),
        Key("approximate", str, False, "", "why the relation only holds roughly; shown with the verdict"),
        Key("tolerance", str, False, "", "how far off an approximate relation may be: `0.5個百分點`, `1億元` "
            "(absolute, in a unit of the figure's dimension) or `5%` (relative to the figure); within it a "
            "failure is a warning with its distance"),
    )

    def validate(self, entry: Mapping[str, Any], fail: Any) -> None:
        if entry.get("tolerance"):
            try:
                tolerance_of(entry["tolerance"])
            except ValueError as exc:
                raise fail(f"tolerance {entry['tolerance']!r}: {exc}", "tolerance") from None
            if not entry.get("approximate"):
                raise fail("a tolerance belongs to an approximate relation: say why in `approximate`",
                           "tolerance")

    def dims(self, result: Quantity) -> Quantity:
        """The result as the stated figure's unit sees it (per_capita drops the population's count)."""
        return result

    def describe(self, entry: Entry) -> str:
        return f"{self.name}: {F.render(F.parse(entry.formula).left)}"

    def derive(self, ctx: Context, fact: Fact) -> None:
        d = fact.derive
        assert d is not None
        node = F.parse(d.formula).left
        refs = formula_refs(d.formula)
        if fact.id in ctx.stale or any(r in ctx.stale or r not in ctx.env for r in refs):
            return
        unit = ctx.units[fact.id]
        origin = d.formula_origin or fact.origin
        try:
            result = self.dims(evaluate(node, ctx.env))
        except UnitMismatch as exc:
            raise user_error(origin, str(exc), exc.column) from None
        except ZeroDivisionError:
            cannot_divide(ctx, self.code, fact.id, node, refs, fact.group, fact.measure)
            return
        if result.dims != unit.dims:
            raise user_error(origin, f"formula gives {dims_text(result.dims)} but {fact.id} is in {fact.unit} "
                             f"({unit.dimension})")
        inputs = R.inputs(ctx, refs)
        notes = [f"approximate: {d.approximate}"] if d.approximate else []
        if d.suggested:
            notes.append("suggested by laibin-check extract; not yet reviewed")
        formula_text = f"{fact.id} = {F.render(node)}" + R.substituted(ctx, node)
        if not fact.printed:
            self._implied(ctx, fact, node, refs, result, formula_text, inputs, notes)
            return
        stated = ctx.env[fact.id].iv
        p = ctx.printed[fact.id]
        span = ctx.quote_of(fact.id)
        unit_problem = _rate_unit_problem(unit.rate_kind, result.rate)
        ag = agree(node, ctx.env, stated, result.iv)
        shown = ag.whole if ag.whole is not None else ag.recomputed
        decimals = p.decimals + 1 if unit.kind in ("rate", "points") else max(p.decimals + 1, 2)
        recomputed_text = R.show(shown, unit, decimals)
        stated_text = R.show(stated, unit, p.decimals + 1)
        printed = f"{p.text}{fact.unit}"
        fact_ids = (fact.id, *refs)
        if ag.agrees and unit_problem is None:
            note = R.rounding_note(ctx, node, fact.id, refs, p)
            receipt = Receipt(formula_text, inputs, recomputed_text, stated_text, (),
                              tuple(notes + ([note] if note else [])))
            ctx.add(self.code, fact.id, span,
                    f"{fact.measure} {printed} agrees with{R.substituted(ctx, node)[2:]}: "
                    f"recomputed {recomputed_text}",
                    severity="none", verdict="consistent", receipt=receipt, fact_ids=fact_ids,
                    group=fact.group, label=fact.measure, stated=printed)
            return
        if unit_problem is not None:
            receipt = Receipt(formula_text, inputs, recomputed_text, stated_text, (unit_problem[1],), tuple(notes))
            ctx.add("LC110", fact.id, span, f"{fact.measure} {printed}: {unit_problem[0]}",
                    verdict="inconsistent", receipt=receipt, fact_ids=fact_ids,
                    group=fact.group, label=fact.measure, stated=printed)
            if ag.agrees:
                return
        if d.tolerance and unit_problem is None:
            near = within_tolerance(shown, stated, d.tolerance)
            if near is not None:
                distance = R.show(near, unit, decimals).removeprefix("[").split(",")[0]
                receipt = Receipt(formula_text, inputs, recomputed_text, stated_text, (),
                                  (*notes, f"off by {distance}, within the stated tolerance of {d.tolerance}"))
                ctx.add(self.code, fact.id, span,
                        f"{fact.measure} {printed} agrees only approximately with"
                        f"{R.substituted(ctx, node)[2:]}: recomputed {recomputed_text}, off by {distance} "
                        f"(tolerance {d.tolerance})", severity="warning", verdict="inconsistent",
                        receipt=receipt, fact_ids=fact_ids, group=fact.group, label=fact.measure, stated=printed)
                return
        if p.qualifier:
            notes.append(f"the stated {printed} is read as {p.reading}")
        fixes = suggestions(ctx, node, fact, refs, stated, shown)
        if ag.grim_decided:
            notes.append("interval arithmetic alone allows it, but no whole-number count does (GRIM test)")
        receipt = Receipt(formula_text, inputs, recomputed_text, stated_text, tuple(fixes), tuple(notes))
        # A qualified figure (超過三成) is not a rounded one: at its own precision the recomputed 2.96成 would read
        # "3成" and seem to agree, so show two more places.
        gives = R.printable(shown.scale(1 / unit.scale), p.decimals + (2 if p.qualifier else 0))
        if p.qualifier and "." in gives and "–" not in gives:
            gives = gives.rstrip("0").rstrip(".")
        lead = next((s for s in fixes if "needs" in s and "多" in s), None) or next(
            (s for s in fixes if "needs" in s), None)
        ctx.add(self.code, fact.id, span,
                f"{fact.measure} {printed} does not follow from{R.substituted(ctx, node)[2:]}, "
                f"which gives {gives}{fact.unit}" + (f"; {lead}" if lead else ""),
                verdict="inconsistent", receipt=receipt, fact_ids=fact_ids,
                    group=fact.group, label=fact.measure, stated=printed)

    def _implied(self, ctx: Context, fact: Fact, node: F.Node, refs: list[str], result: Quantity,
                 formula_text: str, inputs: tuple[Input, ...], notes: list[str]) -> None:
        unit = ctx.units[fact.id]
        span, group = ctx.span_of(refs)
        group = fact.group or group
        in_unit = result.iv.scale(1 / unit.scale)
        if unit.integer:
            whole = in_unit.integers(limit=1000)
            interval_text = R.show(result.iv, unit, 2)
            if whole == []:
                receipt = Receipt(formula_text, inputs, interval_text, "", (), tuple(notes))
                ctx.add(self.code, fact.id, span,
                        f"{fact.measure} would have to lie in {interval_text}, which holds no whole number: "
                        f"the figures it is computed from contradict each other (GRIM test)",
                        verdict="inconsistent", fact_ids=(fact.id, *refs), receipt=receipt, group=group,
                        label=fact.measure)
                ctx.env[fact.id] = Quantity(result.iv, unit.dims, unit.rate_kind, integer=True)
                return
            if whole is not None and len(whole) == 1:
                value_text = f"{whole[0]}{fact.unit}"
                ctx.env[fact.id] = Quantity(Interval.point(whole[0]).scale(unit.scale), unit.dims,
                                            unit.rate_kind, integer=True)
            elif whole:
                value_text = f"{whole[0]}–{whole[-1]}{fact.unit}"
                exact = R.exact_value(ctx, node, refs, unit.scale)
                if exact is not None and exact.denominator == 1:
                    value_text += f", {int(exact)}{fact.unit} with the printed figures taken as exact"
                ctx.env[fact.id] = Quantity(result.iv, unit.dims, unit.rate_kind, integer=True)
            else:
                value_text = interval_text
                ctx.env[fact.id] = Quantity(result.iv, unit.dims, unit.rate_kind, integer=True)
            message = f"implies {fact.measure} of {value_text} (from {interval_text})"
            interval_text = f"{value_text.split(',')[0]} from {interval_text}"
        else:
            ctx.env[fact.id] = Quantity(result.iv, unit.dims, unit.rate_kind)
            same_unit = [ctx.printed[r].decimals for r in refs
                         if r in ctx.printed and ctx.rf.fact(r).unit == fact.unit]
            decimals = max(same_unit, default=2)
            interval_text = R.show(result.iv, unit, decimals)
            exact = R.exact_value(ctx, node, refs, unit.scale)
            point = exact if exact is not None else in_unit.midpoint
            about = f"about {round_half_up(point, decimals)}{fact.unit} " if point is not None else ""
            message = f"implies {fact.measure} of {about}({interval_text})"
            interval_text = f"≈{about.removeprefix('about ').strip()} in {interval_text}" if about else interval_text
            if fact.derive and fact.derive.approximate:
                message += "; approximate"
        receipt = Receipt(formula_text, inputs, interval_text, "", (), tuple(notes))
        ctx.add(self.code, fact.id, span, message, severity="info", verdict="implied",
                fact_ids=(fact.id, *refs), receipt=receipt, group=group, label=fact.measure)


def cannot_divide(ctx: Context, code: str, subject: str, node: F.Node, refs: list[str], group: str,
                  label: str) -> None:
    """A divisor whose printed interval holds zero (0, 0.0, 不到1): the figure cannot be recomputed; say so."""
    zero = [r for r in refs if r in ctx.env and ctx.env[r].iv.contains(0)]
    which = "、".join(R.printed_text(ctx, r) if r in ctx.printed else r for r in zero) or "a divisor"
    span, where = ctx.quote_span_of(subject, refs)
    receipt = Receipt(F.render(node) + R.substituted(ctx, node), R.inputs(ctx, refs), "cannot be recomputed", "",
                      (), (f"{which} may be zero, and a quotient by zero has no value",))
    ctx.add(code, subject, span,
            f"{label} cannot be recomputed: the divisor in {F.render(node)} may be zero ({which})",
            severity="warning", verdict="unverifiable", fact_ids=(subject, *refs), receipt=receipt,
            group=group or where, label=label)


def tolerance_of(text: str) -> tuple[Fraction, bool]:
    """A tolerance as (amount in base units, relative?): "5%" is relative, "0.5個百分點" or "1億元" absolute."""
    from laibin_check.numbers import parse_printed
    from laibin_check.units import resolve

    text = text.strip()
    end = len(text)
    while end and not (text[end - 1].isdigit() or text[end - 1] == "."):
        end -= 1
    number, unit_text = text[:end], text[end:].strip()
    if not number or not unit_text:
        raise ValueError("write a number and its unit: 0.5個百分點, 1億元, 5%")
    value = parse_printed(number).number
    if unit_text in ("%", "％"):
        return value / 100, True
    try:
        unit = resolve(unit_text)
    except KeyError:
        raise ValueError(f"unknown unit {unit_text!r}") from None
    return value * unit.scale, False


def within_tolerance(recomputed: Interval, stated: Interval, tolerance: str) -> Interval | None:
    """The distance between the recomputed and the stated interval, when the stated one widened by the tolerance
    meets the recomputed one; None when it does not."""
    amount, relative = tolerance_of(tolerance)
    if relative:
        amount = amount * max(abs(Fraction(stated.lo)), abs(Fraction(stated.hi))) if stated.bounded else amount
    widened = Interval(stated.lo - amount, stated.hi + amount, stated.lo_open, stated.hi_open)
    if not widened.meets(recomputed):
        return None
    gap = recomputed.lo - stated.hi if recomputed.lo >= stated.hi else stated.lo - recomputed.hi
    return Interval.point(Fraction(max(gap, 0)))


def _rate_unit_problem(stated: str | None, computed: str | None) -> tuple[str, str] | None:
    if stated == "rate" and computed == "points":
        return ("a gap between two rates is in 個百分點 (percentage points), not %",
                "state the gap in 個百分點")
    if stated == "points" and computed == "rate":
        return ("the result is a rate, in %, not 個百分點", "state it in %")
    return None


class ComparisonKind(Kind):
    """A comparison between two expressions of the report's figures that must be able to hold."""

    table = "check"
    comparison = True
    keys: ClassVar[tuple[Key, ...]] = (
        Key("formula", str, True, "", "a comparison: expr (== | <= | < | >= | >) expr"),
    )

    def describe(self, entry: Entry) -> str:
        return f"{self.name}: {entry.formula}"

    def check(self, ctx: Context, check: Check) -> None:
        parsed = F.parse(check.formula)
        assert parsed.right is not None
        refs = formula_refs(check.formula)
        if any(r in ctx.stale or r not in ctx.env for r in refs):
            return
        origin = check.formula_origin or check.origin
        try:
            left = evaluate(parsed.left, ctx.env)
            right = evaluate(parsed.right, ctx.env)
        except UnitMismatch as exc:
            raise user_error(origin, str(exc), exc.column) from None
        except ZeroDivisionError:
            zero = parsed.left if _divides_by_zero(parsed.left, ctx) else parsed.right
            cannot_divide(ctx, self.code, check.id, zero, refs, check.group, self._label(ctx, check))
            return
        if left.dims != right.dims:
            raise user_error(origin, f"cannot compare {dims_text(left.dims)} with {dims_text(right.dims)}")
        ok = possible(left.iv, parsed.op, right.iv)
        span, group = ctx.quote_span(check)
        unit = ctx.units[refs[0]] if refs else None
        lt, rt = R.show(left.iv, unit, 2), R.show(right.iv, unit, 2)
        formula_text = f"{F.render(parsed.left)} {parsed.op} {F.render(parsed.right)}"
        subst = f"{R.substituted(ctx, parsed.left).removeprefix(' = ')} {parsed.op} " \
                f"{R.substituted(ctx, parsed.right).removeprefix(' = ')}"
        receipt = Receipt(formula_text + f" : {subst}", R.inputs(ctx, refs), f"{lt} {parsed.op} {rt}", "",
                          () if ok else (f"{formula_text} cannot hold: {lt} against {rt}",),
                          tuple(x for x in (check.note,) if x))
        verdict: Verdict = "consistent" if ok else "inconsistent"
        message = (f"{check.id}: {subst} holds" if ok else f"{check.id}: {subst} cannot hold ({lt} vs {rt})")
        ctx.add(self.code, check.id, span, message, severity="none" if ok else None, verdict=verdict,
                fact_ids=(check.id, *refs), receipt=receipt, group=check.group or group,
                label=self._label(ctx, check), stated=subst)

    def _label(self, ctx: Context, check: Check) -> str:
        """What a check is about, in the report's own words: "已解決問題數 <= 收集企業(項目)問題數"."""
        parsed = F.parse(check.formula)

        def words(node: F.Node | None) -> str:
            if node is None:
                return ""
            refs = F.references(node)
            if isinstance(node, F.Ref):
                return ctx.rf.fact(node.name).measure
            if isinstance(node, F.Num) or not refs:
                return F.render(node)
            return F.render(node) if len(refs) > 1 else F.render(node).replace(
                refs[0].name, ctx.rf.fact(refs[0].name).measure)

        return f"{words(parsed.left)} {parsed.op} {words(parsed.right)}"


def _divides_by_zero(node: F.Node, ctx: Context) -> bool:
    try:
        evaluate(node, ctx.env)
    except ZeroDivisionError:
        return True
    return False


def possible(a: Interval, op: str, b: Interval) -> bool:
    """Whether some value of a and some value of b satisfy `a op b`."""
    if op == "==":
        return a.meets(b)
    if op in (">=", ">"):
        a, b = b, a
        op = "<=" if op == ">=" else "<"
    if a.lo < b.hi:
        return True
    if a.lo == b.hi:
        return op == "<=" and not a.lo_open and not b.hi_open
    return False
