"""A multiple of two levels: 甲市人均可支配收入6万元, 是全省平均水平(3万元)的2倍; 甲省人口相当于乙国的1.5倍.

"是…的N倍" and "相当于…的N倍" say A / B = N and nothing else (unlike 增长N倍 or 高N倍, which some writers read as
1 + N, and which are left alone). A is the level the sentence states before the verb, or, when the sentence
states none, the one level of the report whose sentence names the same subject and measure. B is the level
printed inside the comparison (是全省平均水平3万元的), one the sentence names (以乙国的6000万人口计), or the one
level of the report of A's measure whose sentence names B (全省 … 人均可支配收入; a 平均数 is never a 中位数).
When each side is the only level that fits, the relation is pinned; several fits are readings of one claim and
the claim is a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, longest_common
from laibin_check.check.relation import Relation

_VERB = re.compile(r"(是|相当于|相当)([^,;:()]{1,24}?)的$")
_LEAD = re.compile(r"^(此外|另外|同时|其中|而|则|即|也|已|均|都|仍|还|约)+")
_SOFT = re.compile(r"(也|均|都|仍|还|约|已|则|的|为|达|达到|是)+$")
_MAX_READINGS = 4
_OWNER = re.compile(r"([\u4e00-\u9fff]{2,4})的$")
"""The place a level belongs to when it is printed as X的N (日本的1.248亿人)."""


def propose(model: Model) -> Iterator[Relation]:
    for t in model.figs:
        if t.role != "times":
            continue
        m = _VERB.search(t.label)
        if m is None or re.search(r"(增长|增加|提高|扩大|翻)", m.group(2)):
            continue
        verb_at = t.start - len(m.group(0))
        name = re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", m.group(2))
        sentence = model.in_sentence(t)
        inside = [g for g in sentence if verb_at <= g.start and g.end <= t.start and g.role == "level"]
        before = [g for g in sentence if g.end <= verb_at and g.role == "level"]
        subject_words = _subject(model, t, verb_at)
        if len(inside) == 1:
            bases, base_pinned = inside, True
            name = re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", model.norm[verb_at + len(m.group(1)):inside[0].start])
        elif inside:
            continue
        else:
            named = [g for g in before if name and (name in g.label or name in g.context[-12:])]
            bases, base_pinned = (named, True) if len(named) == 1 else ([], False)
        subjects: list[Fig]
        near = [g for g in before if g not in bases]
        if near and not _starts_clause(model, verb_at, near[-1]):
            subjects, subject_pinned = [near[-1]], True
        elif subject_words and not near:
            subjects = _earlier(model, t, subject_words, None)
            subject_pinned = len(subjects) == 1
        else:
            continue
        if not subjects:
            continue
        if not bases:
            bases = _earlier(model, t, name, subjects[0])
            base_pinned = len(bases) == 1
        pairs = [(a, b) for a in subjects for b in bases if a is not b and a.unit.dims == b.unit.dims]
        if not pairs or len(pairs) > _MAX_READINGS:
            continue
        pinned = subject_pinned and base_pinned and len(pairs) == 1
        for a, b in pairs:
            yield Relation(
                "multiple-of", "ratio", t, (a, b), "{0} / {1}", "error" if pinned else "suggestion",
                f"{a.shown} (line {a.line}) {m.group(1)}{name or b.label[-6:]} {b.shown} (line {b.line})的{t.shown}",
                confirm=f"that {t.shown} compares {a.shown} with {b.shown}", claim=f"times:{t.idx}")


def _starts_clause(model: Model, verb_at: int, a: Fig) -> bool:
    """Whether a clause with a subject of its own stands between the level and the verb (…3万元, 乙市人口是…)."""
    between = model.norm[a.end:verb_at]
    if "," not in between:
        return False
    tail = between.rsplit(",", 1)[1]
    return bool(_SOFT.sub("", _LEAD.sub("", re.sub(r"[^\u4e00-\u9fff]", "", tail))))


def _subject(model: Model, t: Fig, verb_at: int) -> str:
    """The words before the verb in its clause: 广东人口 of 广东人口相当于…."""
    start = model.norm.rfind(",", 0, verb_at)
    start = max(start, model.sentence_span(t.sentence)[0] - 1)
    words = re.sub(r"[^\u4e00-\u9fff]", "", model.norm[start + 1:verb_at])
    return _SOFT.sub("", _LEAD.sub("", words))


def _earlier(model: Model, t: Fig, name: str, like: Fig | None) -> list[Fig]:
    """The levels before `t` whose sentence names `name` (and, for a base, the measure of `like`): the nearest
    first, at most a few."""
    if len(name) < 2:
        return []
    entity = name[:2]
    average = "平均" in name
    measure = re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", like.label)[-8:] if like is not None else name[-2:]
    out: list[Fig] = []
    for g in reversed(model.figs[: t.idx]):
        if g.role != "level" or (like is not None and (g is like or g.unit.dims != like.unit.dims)):
            continue
        words = g.context[-32:]
        if entity not in words:
            continue
        if like is None and measure not in words:
            continue
        owner = _OWNER.search(g.label)
        if like is None and owner is not None and entity not in owner.group(1):
            continue  # 广东首超日本的1.248亿人: Japan's population, not the subject's
        if like is not None and longest_common(measure, words) < min(4, len(measure)):
            continue
        if average and "中位数" in g.label:
            continue  # a 平均数 is never the median
        out.append(g)
        if len(out) > _MAX_READINGS:
            break
    return out
