"""A level, a net increase since, and the new level: 甲常住人口1245万 … 甲较普查时净增105.5万人, 常住人口已达到
1351.5万 (1245 + 105.5 = 1350.5, not 1351.5); 人口为659万，…增加了87万至746万 (the level just before, in its
sentence, is the base).

The base is the earlier level of the same measure (the words before 达到) for the same place (the subject of
its clause appears where the increase is stated; of several places, the one named last before the increase,
unless named together with another: 甲市和乙市). One such level pins the relation; several are readings, and
the claim is then only a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, rising
from laibin_check.check.relation import Relation

_INCREASE = re.compile(r"(净增加|净增|净减少|净减|新增|增加|减少)了?$")
_REACH = re.compile(r"(已经|已)?(达到|达|增至|增加到|升至|增长到|增长至|突破)了?$")
_TO = re.compile(r"\s*(至|到)\s*")
_SUBJECT_END = re.compile(r"(为|是|有|达|达到|约|共|的)+$")
_MAX_READINGS = 3


def propose(model: Model) -> Iterator[Relation]:
    for x in model.figs:
        if x.role != "level" or not _INCREASE.search(x.label):
            continue
        after = [f for f in model.in_sentence(x) if f.start >= x.end]
        if not after:
            continue
        y = after[0]
        if y.role == "level" and y.unit.dims == x.unit.dims and _TO.fullmatch(model.between(x, y)):
            yield from _increased_to(model, x, y)
            continue
        if y.role != "level" or y.unit.dims != x.unit.dims or not _REACH.search(y.label):
            continue
        measure = re.sub(r"^(其中|而|则|总|全部)", "", _REACH.sub("", y.label))
        measure = re.sub(r"[^\u4e00-\u9fff]", "", measure)
        if len(measure) < 2:
            continue
        s_start, s_end = model.sentence_span(x.sentence)
        here = model.norm[s_start:s_end]
        bases: list[Fig] = []
        for b in reversed(model.figs[: x.idx]):
            if b.sentence == x.sentence or b.role != "level" or b.unit.dims != x.unit.dims:
                continue
            if measure not in b.context:
                continue
            subject = _subject(b)
            if len(subject) < 2 or subject[-2:] not in here:
                continue
            bases.append(b)
            if len(bases) == _MAX_READINGS:
                break
        bases = _nearest_subject(bases, model.norm[s_start:x.start])
        down = not rising(x, "减" not in x.label[-3:])
        for b in bases:
            yield Relation(
                "level-plus-increase", "sum" if not down else "difference", y, (b, x),
                "{0} - {1}" if down else "{0} + {1}", "error" if len(bases) == 1 else "suggestion",
                f"{measure} {b.shown} (line {b.line}), {x.label[-3:]}{x.shown}, {y.label[-3:]}{y.shown}",
                confirm=f"that {y.shown} counts from {b.shown} (line {b.line})", claim=f"reach:{y.idx}")


def _nearest_subject(bases: list[Fig], before: str) -> list[Fig]:
    """Of the earlier levels whose places the sentence names, those of the place it names last before the
    increase: the increase is that place's (郑州常住人口超过武汉后，武汉发布数据：武汉…净增 is 武汉's)."""
    at = {b.idx: before.rfind(_subject(b)[-2:]) for b in bases}
    last = max(at.values(), default=-1)
    if last < 0:
        return bases
    # 甲市和乙市: places named together are named last together
    return [b for b in bases if at[b.idx] == last
            or (at[b.idx] >= 0 and before[at[b.idx] + 2:last].strip() in ("和", "、", "与", "及", "同"))]


def _subject(b: Fig) -> str:
    return _SUBJECT_END.sub("", re.sub(r"[^\u4e00-\u9fff]", "", b.label))


def _increased_to(model: Model, x: Fig, y: Fig) -> Iterator[Relation]:
    """人口为659万，…增加了87万至746万: the level before the increase in its sentence, plus the increase."""
    before = [f for f in model.in_sentence(x) if f.end <= x.start and f.role == "level" and f.unit.dims == x.unit.dims]
    if not before or x.clause - before[-1].clause > 2:
        return
    b = before[-1]
    if re.search(r"(其中|分别)", model.norm[b.end:x.start]):
        return  # 全市人口…，其中城镇人口增加了…至: a part's increase, not the level's
    down = not rising(x, "减" not in x.label[-3:])
    yield Relation("level-plus-increase", "difference" if down else "sum", y, (b, x),
                   "{0} - {1}" if down else "{0} + {1}", "error",
                   f"{b.shown}, {x.label[-3:]}{x.shown}至{y.shown}", claim=f"reach:{y.idx}")
