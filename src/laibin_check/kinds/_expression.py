"""Kinds whose relation is a formula over the report's figures: a derived figure, or a comparison between two.

The evaluation is shared: a kind built on these classes differs from its neighbours in its code, its wording
and its documentation, while the interval arithmetic, the GRIM test and the fix search are the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

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
    )

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
            result = evaluate(node, ctx.env)
        except UnitMismatch as exc:
            raise user_error(origin, str(exc), exc.column) from None
        except ZeroDivisionError:
            raise user_error(origin, "a divisor in the formula may be zero") from None
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
        ag = agree(node, ctx.env, stated)
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
        if p.qualifier:
            notes.append(f"the stated {printed} is read as {p.reading}")
        fixes = suggestions(ctx, node, fact, refs, stated)
        if ag.grim_decided:
            notes.append("interval arithmetic alone allows it, but no whole-number count does (GRIM test)")
        receipt = Receipt(formula_text, inputs, recomputed_text, stated_text, tuple(fixes), tuple(notes))
        gives = R.printable(shown.scale(1 / unit.scale), p.decimals)
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
