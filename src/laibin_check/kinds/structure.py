"""structure: shares that make up a whole (三次產業結構) add to 100% within rounding (LC119)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from laibin_check import receipts as R
from laibin_check.findings import Receipt
from laibin_check.kinds._base import Context, Entry, Key, Kind
from laibin_check.numbers import Interval

if TYPE_CHECKING:
    from laibin_check.facts import Check


class Structure(Kind):
    """The shares of a whole's parts (the three sectors' 三次產業結構 9.6:37.8:52.6) add to 100% within the rounding
    of each; the check fails only when no values that round to the printed shares add to 100.

    "三次產業結構為9.6:37.8:53.6": they add to 101.0 at most 101.15: inconsistent.
    """

    name = "structure"
    code = "LC119"
    table = "check"
    summary = "shares of a whole's parts that add to 100%"
    keys: ClassVar[tuple[Key, ...]] = (
        Key("facts", list, True, (), "the parts' shares, in %, one fact each"),
    )
    example = '''[[check]]
id = "three_sectors"
kind = "structure"
facts = ["primary_share", "secondary_share", "tertiary_share"]'''

    def describe(self, entry: Entry) -> str:
        return f"structure: {' + '.join(getattr(entry, 'facts', ()))} = 100%"

    def check(self, ctx: Context, check: Check) -> None:
        if any(r in ctx.stale or r not in ctx.env for r in check.facts):
            return
        total = Interval.point(0)
        for fid in check.facts:
            total = total + ctx.env[fid].iv
        ok = total.contains(1)
        unit = ctx.units[check.facts[0]]
        shown = R.show(total, unit, 2)
        printed = " + ".join(R.printed_text(ctx, f) if f in ctx.printed else f for f in check.facts)
        span, group = ctx.quote_span(check)
        receipt = Receipt(f"{' + '.join(check.facts)} == 100% : {printed}", R.inputs(ctx, list(check.facts)),
                          shown, "100%",
                          () if ok else (f"the shares add to {shown}, not 100%: one of them is misprinted",),
                          tuple(x for x in (check.note,) if x))
        ctx.add(self.code, check.id, span,
                f"{check.id}: {printed} " + ("add to 100% within rounding" if ok else f"add to {shown}, not 100%"),
                severity="none" if ok else None, verdict="consistent" if ok else "inconsistent",
                fact_ids=(check.id, *check.facts), receipt=receipt, group=check.group or group,
                label=self.describe(check), stated=printed)


KIND = Structure()
