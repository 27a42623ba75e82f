"""passing: a printed count of listed items that pass a threshold ("8個省份增速超過全國平均水平") (LC114)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from laibin_check.findings import Receipt
from laibin_check.kinds._base import Context, Entry, Key, Kind, formula_refs
from laibin_check.kinds._listed import THRESHOLD_KEYS, figures, tally, validate_threshold
from laibin_check.numbers import fmt_interval

if TYPE_CHECKING:
    from laibin_check.facts import Fact


class Passing(Kind):
    """How many of the listed figures pass a threshold: the printed count must lie between the figures that pass
    for certain and those that may pass within their rounding. With `partial = true` the list is not every item
    the count ranges over, so only the ones that surely pass bound it from below.

    "8個省份增速超過全國平均水平(8.1%)" with nine provinces' growth printed, of which seven exceed 8.1%:
    inconsistent, the printed rates give 7. "都超過1萬億元" is a `threshold` check.
    """

    name = "passing"
    code = "LC114"
    table = "derive"
    summary = "a count of listed figures that pass a threshold"
    keys: ClassVar[tuple[Key, ...]] = (*THRESHOLD_KEYS, Key(
        "partial", bool, False, False, "true when the listed figures are not every item counted"))
    example = '''[[fact]]
id = "provinces_above_average"
quote = "8個省份增速超過全國平均水平"
value = "8"
unit = "個"
measure = "增速超過全國的省份數"

[fact.derive]
kind = "passing"
facts = ["growth_a", "growth_b", "growth_c", "growth_d", "growth_e", "growth_f", "growth_g", "growth_h", "growth_i"]
op = ">"
than = "national_growth"'''

    def validate(self, entry: Mapping[str, Any], fail: Any) -> None:
        validate_threshold(entry, fail)

    def refs(self, entry: Entry) -> list[str]:
        return [*getattr(entry, "facts", ()), *formula_refs(getattr(entry, "than", ""))]

    def describe(self, entry: Entry) -> str:
        return (f"passing: how many of {len(getattr(entry, 'facts', ()))} figures are "
                f"{getattr(entry, 'op', '')} {getattr(entry, 'than', '')}")

    def derive(self, ctx: Context, fact: Fact) -> None:
        d = fact.derive
        assert d is not None
        refs = self.refs(d)
        if fact.id in ctx.stale or not fact.printed or any(r in ctx.stale or r not in ctx.env for r in refs):
            return
        t = tally(ctx, d.facts, d.op, d.than, d.origin or fact.origin)
        p = ctx.printed[fact.id]
        low = len(t.surely)
        high = len(t.surely) + len(t.possibly)
        stated = p.interval
        if d.partial:
            ok = stated.hi > low or (stated.hi == low and not stated.hi_open)
            recomputed = f"at least {low}"
        else:
            ok = any(stated.contains(k) for k in range(low, high + 1))
            recomputed = str(low) if low == high else f"{low}–{high}"
        printed = f"{p.text}{fact.unit}"
        fixes: tuple[str, ...] = ()
        if not ok:
            fixes = (f"the printed figures give {recomputed}: print {recomputed}{fact.unit}, or correct the "
                     f"figures that are {d.op} {d.than}",)
        notes = [f"pass for certain: {figures(ctx, t.surely)}"]
        if t.possibly:
            notes.append(f"pass or fail within rounding: {figures(ctx, t.possibly)}")
        receipt = Receipt(f"{fact.id} = count(x in [{', '.join(d.facts)}] if x {d.op} {d.than})",
                          (), recomputed, fmt_interval(stated, 0), fixes, tuple(notes))
        message = (f"{fact.measure} {printed}: of {len(d.facts)} listed figures, {recomputed} are {d.op} "
                   f"{d.than}" + ("" if ok else f", not {p.text}"))
        ctx.add(self.code, fact.id, ctx.quote_of(fact.id), message, severity="none" if ok else None,
                verdict="consistent" if ok else "inconsistent", fact_ids=(fact.id, *refs), receipt=receipt,
                group=fact.group, label=fact.measure, stated=printed)


KIND = Passing()
