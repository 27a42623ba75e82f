"""A gap in percentage points between two growths the same sentence prints and names: 出口增长23.2%, 进口下降4%,
出口增幅大于进口27.2个百分点 (23.2 - (-4)).

The compared growth (进口) is the one growth of the sentence (or the one before it) whose words name it: its
clause, or the level right before it (进口15000亿元, 下降4%); the subject is the growth the gap names first
(出口增幅), else the growth printed just before the gap. Both must be of one sort (both year-on-year, or both
two-year averages). Gaps that gap.py reads already (the compared rate printed inside the comparison, a 分别
list) are left to it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, compared, longest_common, rising, run_of, same_period, words_only
from laibin_check.check.names import SAME_ENTITY, canonical
from laibin_check.check.relation import Relation
from laibin_check.check.rules import gap

_GAP = re.compile(r"(?P<x>[\u4e00-\u9fffA-Za-z]{0,8}?)(?:的)?(?:增幅|增速|涨幅|降幅|增长)?"
                  r"(?:(?P<cmp>高于|低于|快于|慢于|大于|小于|高出|超过|超出)(?P<y>[\u4e00-\u9fffA-Za-z]{1,12}?)"
                  r"|比(?P<y2>[\u4e00-\u9fffA-Za-z]{1,12}?)(?P<cmp2>高出|高|低|快|慢|多|少))了?$")
_UP = ("高于", "快于", "大于", "高出", "超过", "超出", "高", "快", "多")
_VERB_ONLY = re.compile(r"^(同比|比上年|比去年|比上年同期|两年平均)?"
                        r"(增长|同增|下降|增加|减少|上涨|下跌|回落|提高|为|达)*$")
_VERB_TAIL = re.compile(r"(实现|达到了|达到|达|为|是|了)+$")
_WHOLES = ("全国", "全省", "全市", "全区")
_OVERALL = ("整体", "总体", "整体水平", "总体水平")
_PLACE = re.compile(r"^(其中|同期|全年|今年|全省|全市|全区|全国|我国|[\u4e00-\u9fff]{1,6}?[省市区县州国])?$")
_WHOLE_TAIL = re.compile(r"(总值|总额|总量|规模|值)?(实现|达到|达|为|是)*$")
_MAX_READINGS = 6
_NOT_GAP = ("拉动", "贡献", "比重", "占")


def propose(model: Model) -> Iterator[Relation]:
    taken = {r.target.idx for r in gap.propose(model) if r.target is not None}
    for g in model.figs:
        if g.role != "points" or g.idx in taken or any(w in g.label for w in _NOT_GAP):
            continue
        m = _GAP.search(g.label)
        if m is None:
            continue
        y_name = _bare(m.group("y") or m.group("y2") or "")
        cmp = m.group("cmp") or m.group("cmp2") or ""
        # The growths of its sentence and of the one before it in the paragraph (…下降4%。出口增幅大于进口…).
        growths = [f for f in model.figs[max(0, g.idx - 12):g.idx] if f.role == "growth" and f.line == g.line
                   and f.sentence >= g.sentence - 1]
        x_name = _bare(m.group("x") or "")
        if y_name in _OVERALL:
            yield from _to_overall(model, g, cmp)
            continue
        entity = next((e for e in _WHOLES if y_name.startswith(e)), "")
        if entity:
            yield from _to_whole(model, g, m, cmp, entity, y_name[len(entity):], x_name)
            continue
        others = _named(model, growths, y_name)
        if not others:
            continue
        subjects = _named(model, growths, x_name) if len(x_name) >= 2 else []
        if not subjects:
            rest = [f for f in growths if f not in others and not compared(f)]
            subjects = [rest[-1]] if rest and rest[-1].clause >= g.clause - 1 else []
        yield from _readings(model, g, cmp, subjects, others, y_name)


def _readings(model: Model, g: Fig, cmp: str, subjects: list[Fig], others: list[Fig],
              y_name: str) -> Iterator[Relation]:
    """Each pair of a subject and a compared growth is a reading of one claim; at least one pair must be of
    one sort (both year-on-year, or both two-year averages), or the gap compares what the text does not print."""
    pairs = [(s, o) for s in subjects for o in others if s is not o]
    if not any(_two_year(s) == _two_year(o) for s, o in pairs):
        return
    pairs.sort(key=lambda p: _two_year(p[0]) != _two_year(p[1]))  # a pair of one sort is the reading to show
    for subject, other in pairs[:_MAX_READINGS]:
        hi, lo = (subject, other) if rising(g, cmp in _UP) else (other, subject)
        yield Relation("gap-to-named", "difference", g, (hi, lo), "{0} - {1}", "error",
                       f"{_name(model, subject)} {subject.shown} and {y_name} {other.shown}: {cmp} {g.shown}",
                       claim=f"gap:{g.idx}")


def _to_whole(model: Model, g: Fig, m: re.Match[str], cmp: str, entity: str, measure: str,
              x_name: str) -> Iterator[Relation]:
    """高出全国平均值2.1个百分点, 比全国水平低33.2个百分点, 高出全省外贸整体增速11个百分点: the compared growth
    is the whole's, printed before the gap in its paragraph or the two before: one whose words say 全国/全省 (我国
    for 全国) and name the subject's measure (or the measure the gap names), or, when the gap names the measure
    (外贸), a growth of that measure. The subject is the growth its words name (广东规模以上工业利润增速), else the
    growth printed just before the gap. A whole's rate printed far away (增速高于4.8%的全国水平) is not read: the
    gap may be of another measure (社会消费品零售总额…高于全国5.6个百分点)."""
    window = model.figs[max(0, g.idx - 40):g.idx]
    near = [f for f in window if f.role == "growth" and g.line - 2 <= f.line <= g.line]
    subjects: list[Fig] = []
    if len(x_name) >= 2:
        subjects = [f for f in near if not _is_whole(model, f, entity, "")
                    and longest_common(x_name, _name(model, f) or words_only(f.label)) >= min(len(x_name), 4)]
    if not subjects:
        # the growth just before the gap, passing the whole's own beside it (年增0.3%（全国为－0.1%）)
        before = [f for f in model.in_sentence(g) if f.end <= g.start and f.role in ("growth", "rate")
                  and not _is_whole(model, f, entity, "")]
        subjects = [before[-1]] if before and before[-1].clause >= g.clause - 1 else []
    others = [f for f in near if f not in subjects and _is_whole(model, f, entity, measure)]
    if not others and measure:
        others = [f for f in near if f not in subjects and _of_measure(model, f, measure)]
    if not measure:  # 比全国水平低: the whole's growth of the subject's own measure (规模以上工业…利润)
        others = [f for f in others if any(_same_measure(model, s, f) for s in subjects)]
    if not others:
        return
    yield from _readings(model, g, cmp, subjects, others, entity + measure)


def _to_overall(model: Model, g: Fig, cmp: str) -> Iterator[Relation]:
    """合计进出口1.92万亿元, 增长18.3%, 增速高于整体近5个百分点: the subject is the growth just before the gap;
    the whole is the level printed before of the subject's measure alone (我国进出口总值: a place, the measure, 总值),
    in its currency, with its growth right after it; of several, those naming the longest measure (进出口, not 出口)."""
    before = [f for f in model.in_sentence(g) if f.end <= g.start and f.role == "growth"]
    if not before or before[-1].clause < g.clause - 1:
        return
    subject = before[-1]
    owner = [f for f in model.in_sentence(subject) if f.end <= subject.start and f.role == "level"]
    if not owner:
        return
    level = owner[-1]
    name = canonical(words_only(level.label))
    found: list[tuple[int, Fig]] = []
    window = model.figs[max(0, level.idx - 80):level.idx]
    for w, wg in itertools.pairwise(window):
        if w.role != "level" or wg.role != "growth" or wg.sentence != w.sentence or wg.clause > w.clause + 1:
            continue
        if w.unit.dims != level.unit.dims or w.unit.name[-2:] != level.unit.name[-2:]:
            continue
        if same_period(w, level) is False or "两年" in wg.label or not _VERB_ONLY.match(words_only(wg.label)):
            continue
        whole = _WHOLE_TAIL.sub("", re.sub(r"^\d*月?", "", canonical(words_only(w.label))))
        for cut in range(len(whole)):
            if _PLACE.match(whole[:cut]) and len(whole) - cut >= 2 and name.endswith(whole[cut:]):
                found.append((len(whole) - cut, wg))
                break
    if not found:
        return
    longest = max(n for n, _ in found)
    yield from _readings(model, g, cmp, [subject], [w for n, w in found if n == longest][:3], "整体")


def _is_whole(model: Model, f: Fig, entity: str, measure: str) -> bool:
    """A growth of the whole: its name (or its level's) says 全国/全省 (我国 for 全国), and the measure if named."""
    name = _name(model, f) or words_only(f.label)
    names = SAME_ENTITY.get(entity, (entity,))
    if not any(n in name for n in names):
        return False
    return not measure or _of_measure(model, f, measure)


def _same_measure(model: Model, a: Fig, b: Fig) -> bool:
    return longest_common(_name(model, a) or words_only(a.label), _name(model, b) or words_only(b.label)) >= 3


def _of_measure(model: Model, f: Fig, measure: str) -> bool:
    """A growth of the measure a gap names (外贸: 江苏省外贸进出口值 … 同增17.1%), never of a part of it (出口)."""
    name = canonical(_name(model, f) or words_only(f.label))
    want = canonical(measure)
    at = name.find(want)
    return at >= 0


def _bare(name: str) -> str:
    """A name without the words that only say "its growth": GDP of GDP增速, 全国 of 全国水平."""
    name = re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", name)
    return re.sub(r"(的)?(整体|总体)?(增速|增幅|涨幅|增长|水平|平均值|平均水平)$", "", name)


def _name(model: Model, f: Fig) -> str:
    """The words that name a growth: its clause, or, for a bare verb (下降4%, 两年平均增长7.0%), the level it
    follows in its sentence (past the other growths of that level); in a 分别 list, the item it stands for."""
    run = run_of(model, f)
    if run is not None and run.items and len(run.items) == len(run.figs):
        return run.items[run.figs.index(f)]
    words = re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", f.label)
    if _VERB_ONLY.match(words):
        before = [g for g in model.in_sentence(f) if g.end <= f.start]
        for g in reversed(before):
            if g.role in ("growth", "points"):
                continue
            if g.role == "level" and g.clause >= f.clause - 3:
                return _VERB_TAIL.sub("", re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", g.label))
            break
        return ""
    return words


def _names(model: Model, f: Fig, name: str) -> bool:
    n = _name(model, f)
    return bool(n) and (n.endswith(name) or n.startswith(name))


def _named(model: Model, growths: list[Fig], name: str) -> list[Fig]:
    """The growths the name names; several are readings (增长12.7%, 两年平均增长7.0%: both GDP's)."""
    if len(name) < 1:
        return []
    return [f for f in growths if _names(model, f, name)]


def _two_year(f: Fig) -> bool:
    return "两年" in f.label or "平均" in f.label
