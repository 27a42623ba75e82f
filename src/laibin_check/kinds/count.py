"""count: a stated count equals the number of items the report enumerates; 等 makes the list partial (LC104)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from laibin_check.findings import Input, Receipt, Verdict
from laibin_check.kinds._base import Context, Entry, Key, Kind
from laibin_check.numbers import fmt_interval

if TYPE_CHECKING:
    from laibin_check.facts import Fact


class Count(Kind):
    """A stated count matches the items the report names; a list ending in 等 may name fewer, never more.

    "企業(項目)清單、問題清單、任務清單「兩張清單」" names three lists: inconsistent, print 3張 or name two.
    "電子信息、數字經濟、新型生態鋁等8個重點產業集群" names 3 of 8 (partial): consistent.
    """

    name = "count"
    code = "LC104"
    table = "derive"
    summary = "the number of items an enumeration names"
    keys: ClassVar[tuple[Key, ...]] = (
        Key("items", list, True, (), "the items as the report names them, in order"),
        Key("partial", bool, False, False, "true when the list ends in 等 and may name fewer than the count"),
    )
    example = '''[[fact]]
id = "lists"
quote = "“三張清單”"
value = "三"
unit = "張"
measure = "清單數"

[fact.derive]
kind = "count"
items = ["企業(項目)清單", "問題清單", "任務清單"]'''

    def refs(self, entry: Entry) -> list[str]:
        return []

    def describe(self, entry: Entry) -> str:
        partial = getattr(entry, "partial", False)
        return f"count of {len(entry.items)} listed items" + (" (partial list, 等)" if partial else "")

    def derive(self, ctx: Context, fact: Fact) -> None:
        d = fact.derive
        assert d is not None
        if fact.id in ctx.stale or not fact.printed:
            return
        p = ctx.printed[fact.id]
        n = len(d.items)
        span = ctx.quote_of(fact.id)
        listed = "、".join(d.items)
        stated = p.interval
        if d.partial:
            ok = stated.hi > n or (stated.hi == n and not stated.hi_open)
            how = f"names {n} of them, a partial list (等)"
        else:
            ok = stated.contains(n)
            how = f"names {n}"
        receipt = Receipt(
            f"{fact.id} = count({listed})" + (" [partial]" if d.partial else ""),
            (Input(fact.id, f"{p.text}{fact.unit}", fmt_interval(stated, 0), p.reading),),
            f"{n} listed" + (", list partial (等)" if d.partial else ""), fmt_interval(stated, 0),
            () if ok else (f"the report lists {n} items; print {n}{fact.unit}, or name "
                           f"{'at most ' if d.partial else ''}{p.text} items",),
            tuple(x for x in (d.note,) if x))
        verdict: Verdict = "consistent" if ok else "inconsistent"
        message = (f"{fact.measure} {p.text}{fact.unit}: the report {how}"
                   + ("" if ok else f", {'more than' if d.partial else 'not'} {p.text}"))
        ctx.add(self.code, fact.id, span, message, severity="none" if ok else None, verdict=verdict,
                receipt=receipt, group=fact.group, label=fact.measure, stated=f"{p.text}{fact.unit}")


KIND = Count()
