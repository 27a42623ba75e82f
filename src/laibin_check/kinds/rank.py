"""rank: a printed rank against the order of a list in the same text, or against the listed values (LC113)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from laibin_check.findings import Receipt
from laibin_check.kinds._base import Context, Entry, Key, Kind
from laibin_check.kinds._expression import possible
from laibin_check.kinds._listed import figures
from laibin_check.numbers import fmt_interval

if TYPE_CHECKING:
    from laibin_check.facts import Fact


class Rank(Kind):
    """A rank the report can itself confirm: the place of an item in a list it prints in order (`items`, `item`),
    or the place of one figure among the same measure printed for every listed entity (`facts`, `of`, `order`).
    Ties within rounding widen the possible places; a rank with nothing to check it against stays a
    `claim = "rank"` fact, shown as unverifiable.

    "前十名依次為……(武漢第8)……中部地區僅武漢入圍，排名第10位": the list puts 武漢 8th, so 第10位 is
    inconsistent. Against values: five cities' GDP printed, 丙市 third largest, "丙市排名第二": inconsistent.
    """

    name = "rank"
    code = "LC113"
    table = "derive"
    summary = "a rank against a list printed in order, or against the listed values"
    keys: ClassVar[tuple[Key, ...]] = (
        Key("items", list, False, (), "the list as printed, in its order (with `item`)"),
        Key("item", str, False, "", "the entity whose rank is printed, as named in `items`"),
        Key("facts", list, False, (), "the same measure for every ranked entity, one fact each (with `of`)"),
        Key("of", str, False, "", "the fact of the ranked entity's own value, one of `facts`"),
        Key("order", str, False, "descending", "descending (the largest is first, the default) or ascending"),
    )
    example = '''[[fact]]
id = "wuhan_rank"
quote = "排名第10位"
value = "10"
unit = "位"
claim = "rank"
measure = "武漢排名"

[fact.derive]
kind = "rank"
items = ["上海", "北京", "深圳", "廣州", "重慶", "蘇州", "成都", "武漢", "杭州", "南京"]
item = "武漢"'''

    def validate(self, entry: Mapping[str, Any], fail: Any) -> None:
        by_list = bool(entry.get("items") or entry.get("item"))
        by_values = bool(entry.get("facts") or entry.get("of"))
        if by_list == by_values:
            raise fail("a rank is checked against a list (items and item) or against values (facts and of), "
                       "one of the two")
        if by_list and entry.get("item") not in entry.get("items", ()):
            raise fail(f"item {entry.get('item')!r} is not in items", "item" if entry.get("item") else None)
        if by_values and entry.get("of") not in entry.get("facts", ()):
            raise fail(f"of {entry.get('of')!r} is not one of facts", "of" if entry.get("of") else None)
        if entry.get("order") not in ("descending", "ascending"):
            raise fail(f"order must be descending or ascending, not {entry.get('order')!r}", "order")

    def refs(self, entry: Entry) -> list[str]:
        return list(getattr(entry, "facts", ()))

    def describe(self, entry: Entry) -> str:
        if entry.items:
            return f"rank: place of {getattr(entry, 'item', '')} in a list of {len(entry.items)}"
        return f"rank: place of {getattr(entry, 'of', '')} among {len(getattr(entry, 'facts', ()))} figures " \
               f"({getattr(entry, 'order', '')})"

    def derive(self, ctx: Context, fact: Fact) -> None:
        d = fact.derive
        assert d is not None
        refs = self.refs(d)
        if fact.id in ctx.stale or not fact.printed or any(r in ctx.stale or r not in ctx.env for r in refs):
            return
        p = ctx.printed[fact.id]
        notes: list[str] = []
        if d.items:
            low = high = d.items.index(d.item) + 1
            formula = f"{fact.id} = place of {d.item} in [{'、'.join(d.items)}]"
            about = f"the list puts {d.item} at {low}"
        else:
            op = ">" if d.order == "descending" else "<"
            mine = ctx.env[d.of].iv
            ahead = [f for f in d.facts if f != d.of and not possible(ctx.env[f].iv, "<=" if op == ">" else ">=",
                                                                      mine)]
            maybe = [f for f in d.facts if f != d.of and f not in ahead and possible(ctx.env[f].iv, op + "=", mine)]
            low, high = 1 + len(ahead), 1 + len(ahead) + len(maybe)
            formula = f"{fact.id} = 1 + count(x in [{', '.join(d.facts)}] if x {op} {d.of})"
            shown = str(low) if low == high else f"{low}–{high}"
            about = f"the listed figures put {d.of} at {shown} ({d.order})"
            notes.append(f"ahead for certain: {figures(ctx, tuple(ahead))}")
            if maybe:
                notes.append(f"ahead or behind within rounding: {figures(ctx, tuple(maybe))}")
        ok = any(p.interval.contains(k) for k in range(low, high + 1))
        recomputed = str(low) if low == high else f"{low}–{high}"
        printed = f"第{p.text}{fact.unit}"
        fixes = () if ok else (f"print 第{recomputed}{fact.unit}, or correct the "
                               + ("list's order" if d.items else "figures it is ranked by"),)
        receipt = Receipt(formula, (), recomputed, fmt_interval(p.interval, 0), fixes, tuple(notes))
        ctx.add(self.code, fact.id, ctx.quote_of(fact.id),
                f"{fact.measure} {printed}: {about}" + ("" if ok else f", not {p.text}"),
                severity="none" if ok else None, verdict="consistent" if ok else "inconsistent",
                fact_ids=(fact.id, *refs), receipt=receipt, group=fact.group, label=fact.measure, stated=printed)


KIND = Rank()
