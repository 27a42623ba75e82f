"""threshold: every listed figure passes a threshold ("都超過1萬億元"), or only the named ones ("唯一") (LC115)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from laibin_check.findings import Receipt
from laibin_check.kinds._base import Context, Entry, Key, Kind, formula_refs
from laibin_check.kinds._listed import THRESHOLD_KEYS, figures, tally, validate_threshold

if TYPE_CHECKING:
    from laibin_check.facts import Check


class Threshold(Kind):
    """Every listed figure passes the threshold; with `passing`, exactly those pass and the others do not.

    "五個城市GDP都超過1萬億元" with one of them printed as 9876億元: inconsistent. "僅丙市負增長(−19.4%)" is
    `op = "<"`, `than = "0"`, `passing = ["growth_c"]`: any other listed rate below zero contradicts it.
    """

    name = "threshold"
    code = "LC115"
    table = "check"
    summary = "every listed figure (or exactly the named ones) passes a threshold"
    keys: ClassVar[tuple[Key, ...]] = (*THRESHOLD_KEYS, Key(
        "passing", list, False, (), "the facts that pass (唯一, 僅): the others must not; default: all pass"))
    example = '''[[check]]
id = "all_above_a_trillion"
kind = "threshold"
facts = ["gdp_a", "gdp_b", "gdp_c"]
op = ">"
than = "1萬億元"'''

    def validate(self, entry: Mapping[str, Any], fail: Any) -> None:
        validate_threshold(entry, fail)
        stray = [f for f in entry.get("passing", ()) if f not in entry.get("facts", ())]
        if stray:
            raise fail(f"passing names {', '.join(stray)}, which is not in facts", "passing")

    def refs(self, entry: Entry) -> list[str]:
        return [*getattr(entry, "facts", ()), *formula_refs(getattr(entry, "than", ""))]

    def describe(self, entry: Entry) -> str:
        return f"threshold: {', '.join(getattr(entry, 'facts', ()))} {getattr(entry, 'op', '')} " \
               f"{getattr(entry, 'than', '')}"

    def check(self, ctx: Context, check: Check) -> None:
        refs = self.refs(check)
        if any(r in ctx.stale or r not in ctx.env for r in refs):
            return
        t = tally(ctx, check.facts, check.op, check.than, check.formula_origin or check.origin)
        should = set(check.passing or check.facts)
        fail_to_pass = [f for f in check.facts if f in should and f in t.never]
        pass_wrongly = [f for f in check.facts if f not in should and f in t.surely]
        ok = not fail_to_pass and not pass_wrongly
        fixes = []
        if fail_to_pass:
            fixes.append(f"not {check.op} {check.than}: {figures(ctx, tuple(fail_to_pass))}")
        if pass_wrongly:
            fixes.append(f"also {check.op} {check.than}, though not named: {figures(ctx, tuple(pass_wrongly))}")
        who = "only " + ", ".join(check.passing) if check.passing else "every one"
        span, group = ctx.quote_span(check)
        receipt = Receipt(f"{who} of [{', '.join(check.facts)}] {check.op} {check.than}", (),
                          f"{len(t.surely)} surely, {len(t.possibly)} within rounding, {len(t.never)} never", "",
                          tuple(fixes), tuple(x for x in (check.note,) if x))
        message = (f"{check.id}: {who} of {figures(ctx, check.facts)} {check.op} {check.than}"
                   + (" holds" if ok else " fails: " + "; ".join(fixes)))
        ctx.add(self.code, check.id, span, message, severity="none" if ok else None,
                verdict="consistent" if ok else "inconsistent", fact_ids=(check.id, *refs), receipt=receipt,
                group=check.group or group, label=self.describe(check), stated=f"{check.op} {check.than}")


KIND = Threshold()
