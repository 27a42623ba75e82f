"""A gap in percentage points between two rates that are both printed where the gap is stated.

* 增长9.5%, 比上年同期的7.2%加快2.3个百分点: the compared rate is printed inside the comparison.
* 由上年的7.2%提高到9.5%, 提高2.3个百分点 (the change of one rate between two periods).
* 甲、乙分别增长9.5%和7.2%, 甲比乙高2.3个百分点: both named by a 分别 list.
A gap whose other rate is not printed (比一季度提高0.6个百分点) states nothing checkable and is left alone; a
contribution (拉动…N个百分点) is not a difference of two rates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, compared, is_up, model_runs, rising, run_of, signed
from laibin_check.check.relation import Relation

_COMPARE = re.compile(r"(比|较|高于|低于|快于|慢于|超过|超出|高出|领先|落后)")
_RATES = ("growth", "share", "rate")
_MAGNITUDE = re.compile(r"(降幅|跌幅|降低幅度|下降幅度|减幅|负增长幅度)")


def propose(model: Model) -> Iterator[Relation]:
    for g in model.figs:
        if g.role != "points" or "拉动" in g.label or "贡献" in g.label:
            continue
        before = [f for f in model.in_sentence(g) if f.end <= g.start and f.role in _RATES]
        yield from _inside(model, g, before)
        yield from _from_to(model, g, before)
        yield from _named(model, g, before)


def _relation(g: Fig, hi: Fig, lo: Fig, why: str, certainty: str = "error") -> Relation:
    return Relation("gap-in-points", "difference", g, (hi, lo), "{0} - {1}",
                    "error" if certainty == "error" else "suggestion", why, claim=f"gap:{g.idx}",
                    confirm=f"that {g.shown} is the gap between {hi.shown} and {lo.shown}")


def _inside(model: Model, g: Fig, before: list[Fig]) -> Iterator[Relation]:
    """增长9.5%, 比上年同期的7.2%加快2.3个百分点. The subject is the last rate before the compared one that is not
    itself compared (增长7.5%，增速比上半年的7.1%提高0.4个百分点，比去年同期（6.9%）提高0.6个百分点: 7.5 and 6.9);
    in a 分别 list, the item the comparison names (9月份、前三季度分别增长8.6%和7.5%，9月份增速比8月份的7.4%…)."""
    if len(before) < 2:
        return
    other = before[-1]
    subjects = [f for f in before[:-1] if not compared(f)]
    if not subjects:
        return
    subject = subjects[-1]
    words = model.norm[other.end:g.start]
    lead = model.norm[subject.end:other.start]
    ms = list(_COMPARE.finditer(lead))
    if not ms or other.clause != g.clause or not _comparable(subject, other):
        return
    m = ms[-1]
    if any(c in lead[m.end():] for c in ",;"):
        return
    run = run_of(model, subject)
    if run is not None and len(run.figs) > 1:
        named = lead[:m.start()].lstrip(",;")
        picks = [f for item, f in zip(run.items, run.figs, strict=False) if item and named.startswith(item)]
        if len(run.items) != len(run.figs) or len(picks) != 1:
            return  # a 分别 list whose item the comparison does not name: which one is compared is open
        subject = picks[0]
    sizes = _MAGNITUDE.search(lead) is not None
    if sizes and signed(subject) != signed(other):
        return  # 下降2.6%，降幅比10月份的2.9%收窄0.3个百分点: sizes of falls, one printed with its sign
    direction = is_up(words) if is_up(words) is not None else is_up(lead[: m.start()] + m.group(0))
    if direction is None or re.search(r"(提高到|提升到|上升到|增加到|下降到|回落到|降至|升至|提高至)", lead):
        return
    up = rising(g, direction)
    if sizes and signed(subject):
        up = not up  # 下降2.4%，降幅比8月份（下降2.8%）收窄0.4: the sizes' gap, |-2.4| - |-2.8| = -(-2.4 - -2.8)
    hi, lo = (subject, other) if up else (other, subject)
    yield _relation(g, hi, lo, f"{subject.shown} compared ({m.group(0)}) with {other.shown}, the gap {g.shown}")


def _from_to(model: Model, g: Fig, before: list[Fig]) -> Iterator[Relation]:
    """由7.2%提高到9.5%, 提高2.3个百分点."""
    if len(before) < 2:
        return
    new, old = before[-1], before[-2]
    lead = model.norm[old.start - 3:old.start]
    link = model.norm[old.end:new.start]
    if not re.search(r"(由|从)", lead + model.norm[old.start - 6:old.start]) or not re.search(r"(到|至)$", link):
        return
    if not _comparable(new, old):
        return
    direction = is_up(link)
    if direction is None:
        return
    hi, lo = (new, old) if rising(g, direction) else (old, new)
    yield _relation(g, hi, lo, f"from {old.shown} to {new.shown}, a change of {g.shown}")


def _named(model: Model, g: Fig, before: list[Fig]) -> Iterator[Relation]:
    """甲、乙分别增长9.5%和7.2%, 甲比乙高2.3个百分点."""
    m = re.search(r"([\u4e00-\u9fff]{2,10}?)(比|较)([\u4e00-\u9fff]{2,10}?)(高出|高|低|快|慢|多|少)", g.label)
    if m is None:
        return
    x, y = m.group(1), m.group(3)
    for run in model_runs(model):
        if not run.items or run.figs[0].sentence != g.sentence or run.figs[0].role not in _RATES:
            continue
        if len(run.items) != len(run.figs) or run.figs[-1].end > g.start:
            continue
        fx = _item(run.items, run.figs, x)
        fy = _item(run.items, run.figs, y)
        if fx is None or fy is None or fx is fy:
            continue
        up = m.group(4) in ("高出", "高", "快", "多")
        hi, lo = (fx, fy) if rising(g, up) else (fy, fx)
        yield _relation(g, hi, lo, f"{x} {fx.shown} and {y} {fy.shown} (分别), {x}比{y} {g.shown}")
        return


def _item(items: tuple[str, ...], figs: tuple[Fig, ...], name: str) -> Fig | None:
    hits = [f for item, f in zip(items, figs, strict=True) if item.startswith(name) or name.endswith(item)]
    return hits[0] if len(hits) == 1 else None


def _comparable(a: Fig, b: Fig) -> bool:
    """Two rates one gap can join: a share with a share; growth with growth or a rate named only by 比/由."""
    if "share" in (a.role, b.role):
        return a.role == b.role
    return True
