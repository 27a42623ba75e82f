"""A count and the items the text names for it: 广州、武汉、南京这3个城市; 甲、乙、丙等5个 (等: at least 3);
places counted without a classifier right after the last name (甲、乙、丙3省; 甲(6.9%)、乙(6.7%)2省份).

The items are the 、-list right before the count in its clause (after 包括, 有, 即 or the previous figure); a list
ending in 等 may be partial. Items must be short names without figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model
from laibin_check.check.relation import Relation

_LEAD = re.compile(r"^.*(包括|包含|有|是|为|即|如|其中|以及|和|及|与)")
_TAIL = re.compile(r"(这|等|共|在内的|等等|合计|总共|这些|此)+$")


_AFTER = re.compile(r"^[^,;:。]{0,12}?[,:]?(包括|分别是|分别为|它们是|即|为|是|有)[:,]?")
_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,10}")


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.role != "level" or not f.unit.integer or (f.mention.chinese and f.printed.number > 50):
            continue
        if re.search(r"(比|较|多|少|增加|减少|新增|净增)[^,;:]*$", f.label):
            continue  # 比去年多3个: a change in a count, not the count the list names
        found = _before(model, f) or _after(model, f)
        if found is None:
            continue
        items, partial, where = found
        yield Relation("count-of-named", "count", f, (), "", "error",
                       f"{'、'.join(items)}{'等' if partial else ''} {where} {f.shown}",
                       items=tuple(items), partial=partial)


def _before(model: Model, f: Fig) -> tuple[list[str], bool, str] | None:
    """广州、武汉、南京这3个城市; 江西(6.9%)、福建(6.7%)2省份."""
    s_start, _ = model.sentence_span(f.sentence)
    text = model.norm[s_start:f.start]
    bare = re.sub(r"\([^()]*\)", "", text)  # 江西(6.9%): the figure in brackets belongs to the item
    previous = [g for g in model.in_sentence(f) if g.end <= f.start]
    if previous and bare == text:
        text = model.norm[max(s_start, previous[-1].end):f.start]
        bare = text
    head = bare[max(bare.rfind(c) for c in ",;:") + 1:]
    if "、" not in head:
        return None
    parts = head.split("、")
    last = parts[-1]
    glued = not f.mention.unit and model.norm[f.start - 1:f.start] == last[-1:]
    if not re.search(r"(这|等|共|在内的|合计|总共|这些|此)$", last) and bare == text and not glued:
        # The list must end at the count (这10个, 等5个): otherwise the figure counts something else. Places
        # counted without a classifier, right after the last name (甲、乙、丙3省), are counted by it.
        return None
    partial = bool(re.search(r"等+$", last.replace("在内的", "")))
    items = [_LEAD.sub("", parts[0]), *parts[1:-1], _TAIL.sub("", last)]
    if len(items) < 2 or any(not _NAME.fullmatch(x) for x in items):
        return None
    return items, partial, "before"


def _after(model: Model, f: Fig) -> tuple[list[str], bool, str] | None:
    """有7个城市, 分别是: 甲、乙、丙……; 这种城市有22个, 它们是: 甲、乙…"""
    _, s_end = model.sentence_span(f.sentence)
    rest = model.norm[f.end:s_end]
    m = _AFTER.match(rest)
    if m is None:
        return None
    body = rest[m.end():]
    stop = min([i for i in (body.find(c) for c in ",;。(") if i >= 0] or [len(body)])
    body = body[:stop].strip()
    if "、" not in body:
        return None
    parts = re.split(r"、|(?:和|及|以及|与)(?=[^、]*$)", body)
    # 包括/包含 introduce examples as often as the whole list (全省31个地市, 包括甲市、乙市): at least those named.
    partial = bool(re.search(r"等+$", parts[-1])) or m.group(1) in ("包括", "包含")
    items = [p.strip() for p in parts[:-1]] + [re.sub(r"(等+|这些|城市|省份)$", "", parts[-1].strip())]
    if len(items) < 2 or any(not _NAME.fullmatch(x) for x in items):
        return None
    if any(g.start >= f.end and g.end <= f.end + m.end() + stop for g in model.in_sentence(f)):
        return None  # another figure between the count and its list
    return items, partial, "after"
