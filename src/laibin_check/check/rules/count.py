"""A count and the items the text names for it: 广州、武汉、南京这3个城市; 甲、乙、丙等5个 (等: at least 3).

The items are the 、-list right before the count in its clause (after 包括, 有, 即 or the previous figure); a list
ending in 等 may be partial. Items must be short names without figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Model
from laibin_check.check.relation import Relation

_LEAD = re.compile(r"^.*(包括|包含|有|是|为|即|如|其中|以及|和|及|与)")
_TAIL = re.compile(r"(这|等|共|在内的|等等|合计|总共|这些|此)+$")


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.role != "level" or not f.unit.integer or (f.mention.chinese and f.printed.number > 50):
            continue
        s_start, _ = model.sentence_span(f.sentence)
        previous = [g for g in model.in_sentence(f) if g.end <= f.start]
        start = max(s_start, previous[-1].end if previous else s_start)
        head = model.norm[start:f.start]
        cut = max(head.rfind(c) for c in ",;:()")
        head = head[cut + 1:]
        if "、" not in head:
            continue
        parts = head.split("、")
        first = _LEAD.sub("", parts[0])
        last = parts[-1]
        partial = bool(re.search(r"等+$", last.replace("在内的", "")))
        tail = _TAIL.sub("", last)
        if tail != last.rstrip() and not partial and not re.search(r"(这|共|在内的|合计|总共|这些|此)$", last):
            continue
        if not re.search(r"(这|等|共|在内的|合计|总共|这些|此)$", last):
            continue  # the list must end at the count (这10个, 等5个): otherwise the figure counts something else
        items = [first, *parts[1:-1], tail]
        if len(items) < 2 or any(not re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{1,10}", x) for x in items):
            continue
        yield Relation("count-of-named", "count", f, (), "", "error",
                       f"{'、'.join(items)}{'等' if partial else ''} before {f.shown}",
                       items=tuple(items), partial=partial)
