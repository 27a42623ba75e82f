"""A count and the list that follows it: 超大城市增至3个, 分别是甲市、乙市和丙市; 有4个城市…。它们是: 甲、乙、丙、丁.

The list is introduced by 分别是/分别为, 它们是, 依次是/依次为 or 即, right after the count (nothing but the counted
noun between), or a clause or two later as 它们是 with no figure between, or opens the next sentence (它们是…,
这些城市分别是…); it runs to the end of its clause. A list after 分别是 names the items counted, every one of
them; a list after 包括 or 如 may name only some, so it is read as partial (more items than the count is still a
contradiction). Items must be short names with no figure (甲、乙四市和丙市 counts again inside the list and is
left alone).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model
from laibin_check.check.relation import Relation

_COMPLETE = r"(?:它们|其)?(?:分别|依次)(?:是|为)|它们(?:是|为)|即"
_PARTIAL = r"包括|包含|如"
_INTRO = re.compile(rf"^[\u4e00-\u9fff]{{0,8}}?[,:]?\s*(?P<intro>{_COMPLETE}|{_PARTIAL})\s*[:]?\s*")
_NEXT = re.compile(r"^\s*(?:它们|这些[\u4e00-\u9fff]{1,6}?)(?P<intro>(?:分别|依次)?(?:是|为)|包括)\s*:?\s*"
                   r"|^\s*(?P<intro2>(?:分别|依次)(?:是|为))\s*:?\s*")
_LATER = re.compile(r"[,;]\s*(?P<intro>它们(?:分别|依次)?(?:是|为))\s*:?\s*")
"""有14个城市的数据不完整，所以没有参与排名，它们是：… (它们 names the counted items, a clause or two later)."""
_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z·]{1,10}")
_COUNTED_AGAIN = re.compile(r"[一二两三四五六七八九十\d]+[个座家省市县区国项]$")
_CHANGE = re.compile(r"(多|少|增加|减少|新增|净增|增长|下降|超过|不足|以上|以下|近|约)了?$")
_MAX_COUNT = 60


def propose(model: Model) -> Iterator[Relation]:
    from laibin_check.check.rules import count

    read = {r.target.idx for r in count.propose(model) if r.target is not None}  # count.py's lists come first
    for f in model.figs:
        if f.idx in read:
            continue
        if f.role != "level" or not f.unit.integer or f.printed.qualifier or f.printed.interval.hi > _MAX_COUNT:
            continue
        if _CHANGE.search(f.label) or _CHANGE.search(model.after(f, 3)[:2]):
            continue  # 多3个, 增加2个, 5个以上: not the number of a list
        found = _list_after(model, f)
        if found is None:
            continue
        items, partial, intro = found
        if len(items) < 2:
            continue
        some = " (a list that may name only some)" if partial else ""
        yield Relation("count-listed", "count", f, (), "", "error", f"{f.shown}, {intro} {'、'.join(items)}{some}",
                       items=tuple(items), partial=partial)


def _list_after(model: Model, f: Fig) -> tuple[list[str], bool, str] | None:
    _, s_end = model.sentence_span(f.sentence)
    rest = model.norm[f.end:s_end]
    m = _INTRO.match(rest) or _LATER.search(rest)
    if m is not None:
        start = f.end + m.end()
        if any(f.end <= g.start < start for g in model.figs if g is not f):
            return None  # another figure between the count and 它们是: it may be the one listed
    else:
        # The list opens the next sentence (它们是…): the count must be the sentence's last.
        later = [g for g in model.in_sentence(f) if g.start > f.end and g.role == "level" and g.unit.integer]
        if later or s_end >= len(model.norm) or model.norm[s_end - 1] not in "。!?":
            return None
        m = _NEXT.match(model.norm[s_end:s_end + 40])
        if m is None or not model.norm[s_end:s_end + m.end()].strip():
            return None
        start = s_end + m.end()
    end = _clause_end(model, start)
    if any(start <= g.start < end for g in model.figs):
        return None  # a figure inside the list: it states more than names
    intro = m.group("intro") or m.groupdict().get("intro2") or ""
    text = model.norm[start:end].strip()
    partial = intro in ("包括", "包含", "如")
    if text.endswith(("等", "等等")):
        text, partial = re.sub(r"等+$", "", text), True
    items = [x.strip() for x in text.split("、")]
    last = re.match(r"^(.+?)(?:以及|和|及|与)(.+)$", items[-1])
    if last is not None:
        items[-1:] = [last.group(1).strip(), last.group(2).strip()]
    if any(not _ITEM.fullmatch(x) or "的" in x or _COUNTED_AGAIN.search(x) for x in items):
        return None
    return items, partial, intro


def _clause_end(model: Model, start: int) -> int:
    """The end of the list: the first stop or comma after it."""
    ends = [i for i in (model.norm.find(c, start) for c in ",;。!?\n(") if i >= 0]
    return min(ends) if ends else len(model.norm)
