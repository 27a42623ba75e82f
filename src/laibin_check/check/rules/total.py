"""Totals and their parts.

* A list of parts and then its total: 甲4个、乙5个、丙6个, 合计15个 (合计, 共计, 总计, 一共, 总共, 共).
* A total and then 其中 its parts: the parts may not exceed the total; when they are the two halves of it
  (出口 and 进口, 城镇 and 乡村, 男 and 女, 一般债券 and 专项债券) they add up to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, changed, compared, listed, netted, same_period, words_only
from laibin_check.check.relation import Relation

_TOTAL = re.compile(r"(合计|共计|总计|一共|总共|共)(为|达|达到|约|有)?$")
_LIST_HEAD = re.compile(r"^(两者|二者|三者|以上|上述|两项|三项|这些|两地|三地|[^\u4e00-\u9fff]*)$")
_HALVES = (("出口", "进口"), ("城镇", "农村"), ("城镇", "乡村"), ("男", "女"), ("一般债券", "专项债券"),
           ("一般债", "专项债"), ("新增债券", "再融资债券"), ("外资", "内资"))
_CHANGE = re.compile(r"(增加|减少|增长|下降|比|较|多|少|净增|增量|提高|回落)")
"""Words that make a level a change (增长6.8%，增量为536.2亿元): never a total nor a part."""


def _a_change(f: Fig) -> bool:
    """Not a level of the period: a change (model.changed) or the term it is compared with (比上年末的368.42万人)."""
    return _CHANGE.search(f.label[-3:]) is not None or changed(f) or compared(f)


def propose(model: Model) -> Iterator[Relation]:
    yield from _list_then_total(model)
    yield from _total_then_parts(model)


def _list_then_total(model: Model) -> Iterator[Relation]:
    for t in model.figs:
        m = _TOTAL.search(t.label)
        if t.role != "level" or m is None or not _LIST_HEAD.match(t.label[: m.start()].strip()):
            continue  # 负债合计79.57: the total of one measure, not of the figures before it
        parts = [f for f in model.in_sentence(t) if f.end <= t.start and f.role == "level"
                 and f.unit.dims == t.unit.dims and same_period(f, t) is not False]
        if len(parts) < 2 or any(_a_change(p) for p in parts):
            continue
        one_list = listed(model, parts[0], parts) == parts
        if not one_list:
            # 来自甲地的…8.98亿美元；来自乙、丙、丁的…分别为1.06亿美元、0.72亿美元和0.53亿美元，合计2.31亿美元: the
            # 分别 list right before 合计 is what it totals
            tail = next((parts[k:] for k in range(1, len(parts) - 1)
                         if "分别" in parts[k].label and listed(model, parts[k], parts[k:]) == parts[k:]), None)
            if tail is not None:
                parts, one_list = tail, True
        formula = " + ".join(f"{{{i}}}" for i in range(len(parts)))
        yield Relation("total-of-parts", "sum", t, tuple(parts), formula, "error" if one_list else "suggestion",
                       f"{' + '.join(p.shown for p in parts)}, then {t.label[-4:]}{t.shown}",
                       confirm=f"that {t.shown} totals exactly these {len(parts)} figures")


def _total_then_parts(model: Model) -> Iterator[Relation]:
    for at in (m.start() for m in re.finditer("其中", model.norm)):
        s = model.sentence_of(at)
        s_start, s_end = model.sentence_span(s)
        if model.norm[s_start:at].strip() == "":
            before_sentence = s - 1  # the total is in the sentence before one that opens with 其中
        else:
            before_sentence = s
        totals = [f for f in model.sentence_figs(before_sentence) if f.end <= at and f.role == "level"
                  and f.unit.kind not in ("rate", "points", "times") and not _a_change(f) and not netted(f)]
        if not totals:
            continue
        t = totals[-1]
        after = [f for f in model.sentence_figs(s) if at < f.start < s_end and f.role == "level"
                 and f.mention.base_unit == t.mention.base_unit and same_period(f, t) is not False
                 and not _a_change(f)]
        if not after or after[0].clause > model.clause_of(at) + 1:
            continue  # 其中 opens the clause of its first part: 其中, 出口…
        first = after[0]
        listing = listed(model, first, after)
        run = listing if len(listing) > 1 else None
        if run is not None:
            parts = listing  # 其中甲4个、乙5个: one breakdown, listed
        elif len(after) >= 2 and after[1].clause > first.clause:
            parts = after[:2]  # 其中, 出口…; 进口…: the two halves, if they are
        else:
            parts = [first]
        wholes = [w for w in totals if w.mention.base_unit == first.mention.base_unit
                  and not w.printed.qualifier and not re.search(r"(都|均|各)", w.label[-6:])]
        if not wholes:
            continue  # 都超过1.3万亿元, 其中…: a bound on each, not a total
        t = wholes[-1]
        names = [p.label for p in parts]
        halves = len(parts) == 2 and any(
            ((a in names[0] and b in names[1]) or (b in names[0] and a in names[1]))
            and not any(h in t.label[-6:].replace("进出口", "") for h in (a, b))  # 进口1132.8亿元，其中出口…；进口…
            for a, b in _HALVES)
        if halves:
            yield Relation("total-of-parts", "sum", t, tuple(parts), "{0} + {1}", "error",
                           f"{t.shown}, 其中 its two halves {parts[0].shown} and {parts[1].shown}",
                           claim=f"total:{t.idx}")
            continue
        if run is not None and len(totals) >= 2 and len({words_only(p.label)[-2:] for p in parts}) == len(parts):
            continue  # 投资…；销售额…。其中，住宅投资…、住宅销售额…，分别…: each part is of its own total
        if len(parts) == 2 and run is None:
            parts = parts[:1]
        formula = " + ".join(f"{{{i + 1}}}" for i in range(len(parts))) + " <= {0}"
        for w in wholes:
            yield Relation("total-of-parts", "bound", None, (w, *parts), formula,
                           "error" if len(wholes) == 1 else "suggestion",
                           f"{w.shown}, 其中 {'、'.join(p.shown for p in parts)}: parts of it",
                           confirm=f"that {'、'.join(p.shown for p in parts)} are all parts of {w.shown}",
                           claim=f"within:{first.idx}")
