"""One figure printed twice: the same measure, place and period named again, often rounded in a title or a lead
(上半年GDP达56.26万亿元 … 上半年国内生产总值562642亿元). Both prints stand for one value, so each must round
from the other.

The measure words are the figure's clause before it, with the period words set aside and the names of GDP
(国内生产总值, 地区生产总值, 生产总值, 经济总量, GDP) taken as one; they must match in full and name something
(three characters or more). Both figures open their sentences (a later figure's place may be named in an earlier
clause) and name the same period the same way (1-3月 and 2020年1-3月 may be two years), except that a title
leaves the year out. Not read: a comparison (比, 较: the base of another figure), a change (增加, 稀释了), a
figure of a 分别 list, two prints in one sentence, or words more than three figures share. A heading before a
colon (甲省：前三季度GDP为…) is part of the measure words. Two prints 10^4 or
10^8 apart are the unit-slip rule's. A bare magnitude (GDP达8.8万亿) is read in the other print's unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from laibin_check.check.model import Fig, Model, model_runs, same_period, word_char
from laibin_check.check.relation import Relation

_PERIOD_WORDS = re.compile(r"(\d{4}年)?(\d{1,2}\s*[-—~至到]\s*\d{1,2}\s*月份?|\d{1,2}月份?|[一二三四1-4]季度|前三季度|"
                           r"[上下]半年|全年|今年|去年|上年|首季|\d{4}年)")
_GDP = re.compile(r"(国内|地区)?生产总值(\(GDP\))?|GDP|经济总量")
_LEAD = re.compile(r"^(全国|我国|中国|其中|同期|而|则|此外|另外|初步核算|据初步核算|数据显示)+")
_VERB = re.compile(r"(为|达|达到|是|约|共|实现|完成|了|已|已经|突破|超过|首次|总计|合计)+$")
_COMPARED = re.compile(r"(比|较|与|同比|环比|相比|差距|分别)")
_CHANGE = re.compile(r"(增加|减少|稀释|下降|上升|提高|扩大|缩小|增长|回落|净增)了?$")
_HEADING = re.compile(r"([\u4e00-\u9fffA-Za-z]{1,8})\s*:\s*$")
_FACTORS = (Fraction(10**4), Fraction(10**8))
_MAX_PRINTS = 3
_MAX_GROUP = 12


def measure_key(f: Fig) -> str:
    words = _GDP.sub("GDP", _PERIOD_WORDS.sub("", f.label))
    words = "".join(c for c in words if word_char(c))
    return _VERB.sub("", _LEAD.sub("", words))


def propose(model: Model) -> Iterator[Relation]:
    listed = {f.idx for r in model_runs(model) for f in r.figs}
    groups: dict[str, list[Fig]] = {}
    first_of_sentence: dict[int, int] = {}
    for f in model.figs:
        first_of_sentence.setdefault(f.sentence, f.idx)
    for f in model.figs:
        if f.role != "level" or not f.period or f.idx in listed or _COMPARED.search(f.label):
            continue
        if first_of_sentence[f.sentence] != f.idx or _CHANGE.search(f.label):
            continue  # a later figure's place may be named in an earlier clause; a change is no one figure
        key = measure_key(f)
        if len(key) < 3:
            continue
        heading = _HEADING.search(f.context[:len(f.context) - len(f.label)])
        if heading is not None:
            key = heading.group(1) + key  # 甲省：前三季度GDP为…: the place is the heading's
        groups.setdefault(key, []).append(f)
    for key, figs in groups.items():
        if len(figs) > _MAX_GROUP:
            continue  # words that many figures share name no one measure (and pairs would grow quadratically)
        for i, a in enumerate(figs):
            same = [b for b in figs[i + 1:] if _same_period(a, b) and b.sentence != a.sentence]
            if len(same) >= _MAX_PRINTS:
                continue  # words that many figures share name no one measure
            for b in same:
                if any(a.interval.scale(k).meets(b.interval) or b.interval.scale(k).meets(a.interval)
                       for k in _FACTORS):
                    continue  # a magnitude written wrong: the unit-slip rule's
                formula, plain = _formula(a, b)
                if formula is None:
                    continue
                yield Relation("same-figure-twice", "equal", None, (a, b), formula, "error",
                               f"{key} for {a.period} printed as {a.shown} (line {a.line}) and {b.shown} "
                               f"(line {b.line})",
                               message=f"one figure printed twice: {key} for {a.period} is {a.shown} and "
                                       f"{b.shown}", plain=plain)



def _same_period(a: Fig, b: Fig) -> bool:
    """The same period, printed the same way: a year named for one print and not the other may be another year
    (1-3月 and, later, 2020年1-3月 for last year's months), except in the title, which leaves the year out."""
    return a.period == b.period or (min(a.line, b.line) == 1 and same_period(a, b) is True)


def _formula(a: Fig, b: Fig) -> tuple[str | None, tuple[int, ...]]:
    """Equality of two prints in one unit; a bare magnitude (GDP达8.8万亿) is read in the other's unit."""
    if a.unit.dims == b.unit.dims:
        return "{0} == {1}", ()
    for i, (x, y) in enumerate(((a, b), (b, a))):
        if _bare(x) and not _bare(y) and y.mention.base_unit and y.unit.kind == "money":
            lhs = f"{{{i}}} * {x.unit.scale}{y.mention.base_unit}"
            return (f"{lhs} == {{1}}" if i == 0 else f"{{0}} == {lhs}"), (i,)
    return None, ()


def _bare(f: Fig) -> bool:
    """A magnitude printed without its unit (8.8万亿): a count only by default."""
    return f.unit.kind == "count" and f.mention.base_unit == ""
