"""A gap in percentage points between two growths the same sentence prints and names: 出口增长23.2%, 进口下降4%,
出口增幅大于进口27.2个百分点 (23.2 - (-4)).

The compared growth (进口) is the one growth of the sentence (or the one before it) whose words name it: its
clause, or the level right before it (进口15000亿元, 下降4%); the subject is the growth the gap names first
(出口增幅), else the growth printed just before the gap. Both must be of one sort (both year-on-year, or both
two-year averages). Gaps that gap.py reads already (the compared rate printed inside the comparison, a 分别
list) are left to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model
from laibin_check.check.relation import Relation
from laibin_check.check.rules import gap

_GAP = re.compile(r"(?P<x>[\u4e00-\u9fff]{0,8}?)(?:的)?(?:增幅|增速|涨幅|降幅|增长)?"
                  r"(?:(?P<cmp>高于|低于|快于|慢于|大于|小于|高出|超过|超出)(?P<y>[\u4e00-\u9fff]{1,10}?)"
                  r"|比(?P<y2>[\u4e00-\u9fff]{1,10}?)(?P<cmp2>高出|高|低|快|慢|多|少))了?$")
_UP = ("高于", "快于", "大于", "高出", "超过", "超出", "高", "快", "多")
_VERB_ONLY = re.compile(r"^(同比|比上年|比去年|比上年同期)?(增长|下降|增加|减少|上涨|下跌|回落|提高|为|达)*$")
_NOT_GAP = ("拉动", "贡献", "比重", "占")


def propose(model: Model) -> Iterator[Relation]:
    taken = {r.target.idx for r in gap.propose(model) if r.target is not None}
    for g in model.figs:
        if g.role != "points" or g.idx in taken or any(w in g.label for w in _NOT_GAP):
            continue
        m = _GAP.search(g.label)
        if m is None:
            continue
        y_name = m.group("y") or m.group("y2") or ""
        cmp = m.group("cmp") or m.group("cmp2") or ""
        # The growths of its sentence and of the one before it in the paragraph (…下降4%。出口增幅大于进口…).
        growths = [f for f in model.figs[max(0, g.idx - 12):g.idx] if f.role == "growth" and f.line == g.line
                   and f.sentence >= g.sentence - 1]
        other = _named(model, growths, y_name)
        if other is None:
            continue
        x_name = m.group("x") or ""
        subject = _named(model, growths, x_name) if len(x_name) >= 2 else None
        if subject is None:
            rest = [f for f in growths if f is not other]
            subject = rest[-1] if rest and rest[-1].clause >= g.clause - 1 else None
        if subject is None or subject is other or _two_year(subject) != _two_year(other):
            continue
        hi, lo = (subject, other) if cmp in _UP else (other, subject)
        yield Relation("gap-to-named", "difference", g, (hi, lo), "{0} - {1}", "error",
                       f"{_name(model, subject)} {subject.shown} and {y_name} {other.shown}: {cmp} {g.shown}",
                       claim=f"gap:{g.idx}")


def _name(model: Model, f: Fig) -> str:
    """The words that name a growth: its clause, or, for a bare verb (下降4%), the level's clause before it."""
    words = re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", f.label)
    if _VERB_ONLY.match(words):
        before = [g for g in model.in_sentence(f) if g.end <= f.start]
        if before and before[-1].role == "level" and before[-1].clause >= f.clause - 1:
            return re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", before[-1].label)
        return ""
    return words


def _named(model: Model, growths: list[Fig], name: str) -> Fig | None:
    if len(name) < 1:
        return None
    hits = [f for f in growths if (n := _name(model, f)) and (n.endswith(name) or n.startswith(name))]
    return hits[0] if len(hits) == 1 else None


def _two_year(f: Fig) -> bool:
    return "两年" in f.label or "平均" in f.label
