"""A difference of two named levels: 甲、乙常住人口分别为972.4万、1076.62万, 甲比乙少近100万人.

Both sides must be named: by a 分别 list, or each as the subject of its own clause (甲为…, 乙为…). The stated
gap keeps its qualifier (近, 多, 约), read as the README documents. The genre's other ways of saying it:

* 甲GDP超出乙337亿多元 (超出/高出/多出/领先, no 比);
* 甲…为67871元，比排名第一的乙少了9597元: the first side is the level just before, in the sentence;
* 甲…为13101.89亿元，与乙的差距缩小到1223亿元: a gap, either way round (乙 named up to two paragraphs back);
* 甲以1260万人力压乙的1232.6万人。…"27.4万"的差距: a gap between the two levels of the sentence before.
A side named by a period (比上年, 比2019年) is a change over time, not a difference of two places: left to the
rules of change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, model_runs, words_only
from laibin_check.check.relation import Relation

_W = r"[\u4e00-\u9fffA-Za-z]"
_PATTERN = re.compile(rf"({_W}{{2,8}}?)(?:比|较)({_W}{{2,8}}?)(多出|多|少|高出|高|低|超出)了?$")
_BEYOND = re.compile(rf"({_W}{{2,8}}?)(超出|高出|多出|领先)({_W}{{2,8}}?)了?$")
_IMPLICIT = re.compile(rf"^(?:而|则|但|却|也|还)?(?:比|较)({_W}{{2,12}}?)(多出|多|少|高出|高|低|超出)了?$")
_GAP_WITH = re.compile(rf"(?:与|和|同)({_W}{{2,12}}?)(?:之间)?的差距"
                       r"(?:缩小到|扩大到|缩小至|扩大至|为|达到|达|只有|仅为|仅|是)?了?$")
_GAP_AFTER = re.compile(r"^[”\"']?的差距")
_TIME = re.compile(r"(上年|去年|前年|同期|上月|上季度|\d{4}年|年初|年末|此前|以前|之前|过去|当年|今年|上半年|一季度)")
_GAP_LINES_BACK = 2


def propose(model: Model) -> Iterator[Relation]:
    for d in model.figs:
        if d.role != "level":
            continue
        yield from _compared(model, d)
        yield from _gap(model, d)


def _compared(model: Model, d: Fig) -> Iterator[Relation]:
    m = _PATTERN.search(d.label)
    if m is not None:
        x, y, word = re.sub(r"^(而|则|其中|但|即)", "", m.group(1)), m.group(2), m.group(3)
        fx, fy = _named(model, d, x), _named(model, d, y)
    elif (b := _BEYOND.search(d.label)) is not None:
        x, y, word = re.sub(r"^(而|则|其中|但|即)", "", b.group(1)), b.group(3), b.group(2)
        fx, fy = _named(model, d, x), _named(model, d, y)
    elif (i := _IMPLICIT.search(d.label)) is not None:
        y, word = _name(i.group(1)), i.group(2)
        if _TIME.search(i.group(1)):
            return  # 比上年多: a change over time
        fx, fy = _subject_level(model, d), _named(model, d, y)
        x = "the level before it"
    else:
        return
    if fx is None or fy is None or fx is fy:
        return
    if fx.unit.dims != d.unit.dims or fy.unit.dims != d.unit.dims:
        return
    more = word in ("多出", "多", "高出", "高", "超出", "领先")
    hi, lo = (fx, fy) if more else (fy, fx)
    yield Relation("difference-of-named", "difference", d, (hi, lo), "{0} - {1}", "error",
                   f"{x} {fx.shown}, {y} {fy.shown}: {x}比{y}{word}{d.shown}",
                   confirm=f"that {d.shown} compares {fx.shown} with {fy.shown}")


def _gap(model: Model, d: Fig) -> Iterator[Relation]:
    """差距: the gap between two levels, either way round (two readings of one claim)."""
    m = _GAP_WITH.search(d.label)
    if m is not None:
        if _TIME.search(m.group(1)):
            return
        pair = (_subject_level(model, d), _named(model, d, _name(m.group(1)), lines_back=_GAP_LINES_BACK))
    elif _GAP_AFTER.match(model.after(d, 6)) and not words_only(d.label):
        # "27.4万"的差距 opening its clause; 人均收入的差距为5000元 names its own measure and is not read
        pair = _two_before(model, d)
    else:
        return
    a, b = pair
    if a is None or b is None or a is b or a.unit.dims != d.unit.dims or b.unit.dims != d.unit.dims:
        return
    for hi, lo in ((a, b), (b, a)):
        yield Relation("difference-of-named", "difference", d, (hi, lo), "{0} - {1}", "error",
                       f"the gap (差距) between {a.shown} and {b.shown}: {d.shown}",
                       confirm=f"that {d.shown} is the gap between {a.shown} and {b.shown}", claim=f"gap:{d.idx}")


def _name(words: str) -> str:
    """排名第一的义乌 -> 义乌: the name after the last 的."""
    return words.rsplit("的", 1)[-1]


def _subject_level(model: Model, d: Fig) -> Fig | None:
    """The level just before the gap in its sentence, a clause or two back: the first side the sentence means."""
    before = [f for f in model.in_sentence(d) if f.end <= d.start and f.role == "level"]
    if not before or before[-1].unit.dims != d.unit.dims or d.clause - before[-1].clause > 2:
        return None
    return before[-1]


def _two_before(model: Model, d: Fig) -> tuple[Fig | None, Fig | None]:
    """"27.4万"的差距: the two levels of its unit in the sentence, before it, or else in the sentence before."""
    for sentence in (d.sentence, d.sentence - 1):
        levels = [f for f in model.figs if f.sentence == sentence and f.end <= d.start and f.role == "level"
                  and f.unit.dims == d.unit.dims and f is not d and _same_thing(f, d)]
        if levels:
            return (levels[0], levels[1]) if len(levels) == 2 else (None, None)
    return None, None


def _named(model: Model, d: Fig, name: str, lines_back: int = 0) -> Fig | None:
    """The level printed for `name` in the sentence of the gap or the one before it (or, for a gap, in its
    paragraph or the `lines_back` before), in the gap's unit."""
    sentences = (d.sentence, d.sentence - 1)

    def near(f: Fig) -> bool:
        return f.sentence in sentences or (lines_back > 0 and 0 <= d.line - f.line <= lines_back)

    hits: list[Fig] = []
    for run in model_runs(model):
        if run.items and near(run.figs[0]) and run.figs[-1].end <= d.start and len(run.items) == len(run.figs):
            for item, f in zip(run.items, run.figs, strict=True):
                if item.startswith(name) or item.endswith(name):
                    hits.append(f)
    if not hits:
        for f in model.figs:
            if near(f) and f.end <= d.start and f.role == "level" and f is not d and f.unit.dims == d.unit.dims:
                subject = re.sub(r"(为|是|达|有|达到|以|约)$", "", f.label)
                if subject.endswith(name) or subject.startswith(name):
                    hits.append(f)
    return hits[0] if len(hits) == 1 else None


def _same_thing(f: Fig, d: Fig) -> bool:
    """Printed in the same unit; a bare magnitude (27.4万) in that of the levels it compares, never in 个."""
    a, b = f.mention.base_unit, d.mention.base_unit
    return a == b or (b == "" and a not in ("", "个")) or (a == "" and b not in ("", "个"))
