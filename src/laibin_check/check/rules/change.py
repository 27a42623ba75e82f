"""A change between two printed levels and the growth or increase stated with it.

* 由120亿元增加到150亿元, 增长25%: 150 / 120 - 1; 由2020年的3.8万辆增至2024年的23.5万辆, 增长5.2倍: 23.5 / 3.8 - 1.
* 由120亿元增加到150亿元, 增加30亿元: 150 - 120.
* 完成150亿元, 比上年同期的120亿元增长25%; 产量48.6万辆, 上年同期为43.2万辆, 同比增长12.5%; 比上年同期的
  2387.1万吨减少76.4万吨, 下降3.2% (both the change and its growth); 相当于2019年同期的140.9% (150 / 120).
A figure after a fall word carries its sign (model.rising). GDP and value added grow in real terms: a growth
rate set against two nominal levels is only a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, averaged, changed, compared, is_up, planned, real_growth, rising
from laibin_check.check.relation import Relation

_FROM = re.compile(r"(由|从)[^,;:]{0,12}$")
_TO = re.compile(r"^(增加|增长|提高|上升|下降|减少|降低|扩大|缩小|回落|跃升|攀升|下滑|增|减|升|降)?(到|至)了?"
                 r"(\d{4}年(底|末)?的?)?$")
"""由2020年的3.8万辆增至2024年的23.5万辆: the words between the two levels."""
_SINCE = re.compile(r"(比|较)(上年|去年|上年同期|去年同期|\d{4}年|同期)?(同期|末|底)?(的)?$")
_AS_PERCENT = re.compile(r"(相当于|恢复至|恢复到|恢复为|为|是)(?P<base>上年|去年|\d{4}年)(同期)?(水平)?的$")
_GROWTH_END = re.compile(r"(增长|下降|增幅|降幅|上涨|下跌|回落|增|降)了?(为|达)?$")
"""The growth stated after a change (减少76.4万吨，下降3.2%), not a share of it (占各项存款增加额的86.5%)."""
_TIMES_MORE = re.compile(r"(增长|增加|提高)了?$")
_PRIOR = re.compile(r"(上年同期|去年同期|上年|去年|上年末|去年末|年初)(为|是)$")
"""汽车产量48.6万辆，上年同期为43.2万辆，同比增长12.5%: last year's level printed after this year's."""


def propose(model: Model) -> Iterator[Relation]:
    for old in model.figs:
        if old.role != "level":
            continue
        nxt = [f for f in model.in_sentence(old) if f.start >= old.end]
        if not nxt:
            continue
        if len(nxt) > 1 and _FROM.search(old.label) and _TO.match(model.between(old, nxt[0]).strip()):
            new, stated = nxt[0], nxt[1]
            up = is_up(model.between(old, nxt[0])) is not False
            yield from _stated(old, new, stated, up, f"from {old.shown} to {new.shown}", new)
        elif (_SINCE.search(old.label) or _PRIOR.search(old.label)) and old.idx > 0:
            compared_with = _compared_with(model, old)
            if compared_with is None:
                continue
            new = compared_with
            # 比上年同期的2387.1万吨减少76.4万吨，下降3.2%: the change, then its growth, both stated
            statements = nxt[:2] if len(nxt) > 1 and nxt[0].role == "level" and nxt[1].role == "growth" \
                and _GROWTH_END.search(nxt[1].label) else nxt[:1]
            for i, stated in enumerate(statements):
                up = is_up(stated.label[-4:]) is not False
                # the growth after the change follows the change's clause (比年初增加386.52亿元，增长8.4%)
                anchor = statements[0] if i else old
                yield from _stated(old, new, stated, up, f"{new.shown}, {old.label[-6:]}{old.shown}", anchor)
            yield from _as_percent(old, new, nxt)


def _as_percent(old: Fig, new: Fig, nxt: list[Fig]) -> Iterator[Relation]:
    """较2019年同期的612.40万标箱增长40.9%，相当于2019年同期的140.9%: the level as a percentage of the one it was
    compared with, the percentage naming the same base period (恢复至…的, 为上年的)."""
    since, prior = _SINCE.search(old.label), _PRIOR.search(old.label)
    base = (since.group(2) if since else prior.group(1) if prior else "") or ""
    base = base.removesuffix("末").removesuffix("同期")
    if not base:
        return
    for f in nxt[1:3]:
        m = _AS_PERCENT.search(f.label)
        if f.unit.name == "%" and m is not None and m.group("base") == base and f.clause <= old.clause + 2:
            yield Relation("change-between-levels", "ratio", f, (new, old), "{0} / {1}", "error",
                           f"{new.shown}, {old.label[-6:]}{old.shown}, {m.group(0)}{f.shown}")
            return


def _compared_with(model: Model, old: Fig) -> Fig | None:
    """The level compared with last year's `old`: the last level of its kind before it in its sentence,
    passing over its rates (增长7.0%), the plans it is measured against (为年初预算182000万元的102.4%), what a
    bracket adds (单产每亩398.1公斤（每公顷5971公斤），比上年的391.2公斤) and a daily average printed beside
    the total (862.57万标箱，日均4.77万标箱；较2019年同期的612.40万标箱) unless `old` is one too."""
    s_start, _ = model.sentence_span(old.sentence)
    for f in reversed(model.figs[max(0, old.idx - 8):old.idx]):
        if f.sentence != old.sentence:
            return None
        head = model.norm[s_start:f.start]
        if f.role != "level" or head.count("(") > head.count(")") or averaged(f) != averaged(old) or planned(f):
            continue
        return f if f.unit.dims == old.unit.dims and not compared(f) and not changed(f) else None
    return None


def _stated(old: Fig, new: Fig, stated: Fig, up: bool, why: str, anchor: Fig) -> Iterator[Relation]:
    """The change `stated` in the clause after `anchor` (the new level after 由…到, last year's after 比)."""
    if new.role != "level" or new.unit.dims != old.unit.dims or stated.clause > anchor.clause + 1:
        return
    real = real_growth(old.context + new.label)
    if stated.role == "times" and _TIMES_MORE.search(stated.label):
        # 比2020年的3.8亿元增长5.2倍: 5.2 times more, new / old - 1 (statistics' 增长N倍; 是…的N倍 is multiple.py's)
        yield Relation("change-between-levels", "ratio", stated, (new, old), "{0} / {1} - 1",
                       "suggestion" if real else "error", f"{why}, {stated.label[-2:]}{stated.shown}",
                       confirm="that the growth is nominal (GDP and value added grow in real terms)" if real else "",
                       approximate="real growth against nominal levels" if real else "")
    elif stated.role == "growth":
        direction = is_up(stated.label[-4:])
        if direction is None:
            return
        formula = "{0} / {1} - 1" if rising(stated, direction) else "1 - {0} / {1}"
        yield Relation("change-between-levels", "ratio", stated, (new, old), formula,
                       "suggestion" if real else "error", f"{why}, {stated.label[-2:]}{stated.shown}",
                       confirm="that the growth is nominal (GDP and value added grow in real terms)" if real else "",
                       approximate="real growth against nominal levels" if real else "")
    elif stated.role == "level" and stated.unit.dims == new.unit.dims and re.search(
            r"(增加|减少|净增|增长|提高|下降|多|少)了?$", stated.label):
        formula = "{0} - {1}" if rising(stated, up) else "{1} - {0}"
        yield Relation("change-between-levels", "difference", stated, (new, old), formula, "error",
                       f"{why}, {stated.label[-2:]}{stated.shown}")
