"""A level as a percentage of its plan, budget or target: 城镇新增就业4.52万人，为年度目标任务4万人的113.0% (完成年度
目标3万人的106.0%; 年度目标为4万人…完成年度目标的113.0%).

By definition the percentage is the level achieved over the target. The target is the level printed right before
的X% after 目标/计划/任务, or, when the percentage names no figure (完成年度目标的113%), the one level of the paragraph
named 目标/计划 before it. The achieved level is the sentence's last level before the target (or the
percentage), in the target's unit. A percentage of the time elapsed (时序进度) is not this relation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, planned, same_period
from laibin_check.check.relation import Relation

_INSIDE = re.compile(r"(目标|计划|任务|预算)(任务)?(数)?[（(]?$")
"""The target may stand in brackets: 完成全年目标任务（75万人）的91.3%."""
_AFTER = re.compile(r"(完成|为|达到|占)(了)?(?P<which>全年|年度|年初|调整|年)?(目标|计划|预算)(任务)?(数)?的$")
_WHICH = ("年初", "调整")
"""The plan a percentage names when a budget is printed twice: the one set at the year's start, or as adjusted."""
_NAMED = re.compile(r"(年度|全年)(目标|计划|预算)(任务)?(数)?(为|是)?$")


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.unit.name != "%" or "进度" in f.label:
            continue
        sentence = [g for g in model.in_sentence(f) if g.end <= f.start]
        target: Fig | None = None
        if sentence and sentence[-1].role == "level" and model.between(sentence[-1], f).lstrip(")）") == "的" \
                and _INSIDE.search(sentence[-1].label):
            target = sentence[-1]
            achieved = [g for g in sentence[:-1] if g.role == "level" and g.unit.dims == target.unit.dims
                        and not planned(g)]  # 为调整预算185000万元的100.7%: another target, not the outcome
        elif _AFTER.search(f.label):
            named = [g for g in model.figs[:f.idx] if g.line == f.line and g.role == "level"
                     and (_NAMED.search(g.label) or planned(g))]
            which = m.group("which") if (m := _AFTER.search(f.label)) and m.group("which") in _WHICH else ""
            if which:
                # 年初预算为182000万元，调整为185000万元…完成年初预算的102.4%，完成调整预算的100.7%
                named = [g for g in named if which in g.label]
            if len(named) != 1:
                continue
            target = named[0]
            achieved = [g for g in sentence if g.role == "level" and g.unit.dims == target.unit.dims
                        and g.idx != target.idx and not planned(g)]
        if target is None or not achieved:
            continue
        done = achieved[-1]
        if done.unit.dims != target.unit.dims or same_period(done, f) is False:
            continue
        if target.printed.qualifier is None and re.fullmatch(r"\d+(\.\d+)?", target.value):
            # A target is set, not measured: 4万人 is exactly 40,000, not a rounding of 35,000-45,000.
            yield Relation("share-of-target", "share", f, (done,), f"{{0}} / {target.value}{target.unit.name}",
                           "error", f"{done.shown} as {f.shown} of the target {target.shown} (a set figure)",
                           message="the share of a target completed is the level over the target")
            continue
        yield Relation("share-of-target", "share", f, (done, target), "{0} / {1}", "error",
                       f"{done.shown} as {f.shown} of the target {target.shown}",
                       message="the share of a target completed is the level over the target")
