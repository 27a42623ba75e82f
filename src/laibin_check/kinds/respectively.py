"""respectively: a 分別 sentence gives as many figures as it names items (LC109)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from laibin_check.findings import Receipt
from laibin_check.kinds._base import Context, Entry, Key, Kind

if TYPE_CHECKING:
    from laibin_check.facts import Check


class Respectively(Kind):
    """A 分別 sentence pairs items with figures one to one.

    "甲、乙、丙分別增長5%、6%" names three items and gives two figures: inconsistent.
    """

    name = "respectively"
    code = "LC109"
    table = "check"
    summary = "a 分別 sentence: as many figures as items"
    keys: ClassVar[tuple[Key, ...]] = (
        Key("items", list, True, (), "the items the sentence names, in order"),
        Key("facts", list, True, (), "the facts of the figures it gives, in order"),
    )
    example = '''[[check]]
id = "sector_growth_respectively"
kind = "respectively"
items = ["碳酸鈣產業", "木材加工業", "制糖業", "金屬制品業"]
facts = ["calcium_growth", "timber_growth", "sugar_growth", "metal_growth"]'''

    def refs(self, entry: Entry) -> list[str]:
        return list(getattr(entry, "facts", ()))

    def describe(self, entry: Entry) -> str:
        return "、".join(entry.items) + " 分別"

    def check(self, ctx: Context, check: Check) -> None:
        n, m = len(check.items), len(check.facts)
        span, group = ctx.quote_span(check)
        ok = n == m
        values = "、".join(f"{ctx.printed[f].text}{ctx.rf.fact(f).unit}" for f in check.facts if f in ctx.printed)
        receipt = Receipt("count(items) == count(figures)", (), f"{n} items, {m} figures", "",
                          () if ok else (f"name {m} items or give {n} figures",),
                          tuple(x for x in (check.note,) if x))
        ctx.add(self.code, check.id, span, f"{check.id}: {n} items 分別 {m} figures ({values})",
                severity="none" if ok else None, verdict="consistent" if ok else "inconsistent",
                fact_ids=(check.id, *check.facts), receipt=receipt, group=check.group or group,
                label=self.describe(check), stated=values)


KIND = Respectively()
