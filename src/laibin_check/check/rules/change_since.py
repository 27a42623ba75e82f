"""A change since an earlier year whose level the paragraph printed: 2019年人口基数为1344万人。…2020年常住人口为
1756.01万人，比2019年增加412万人 (1756.01 − 1344); 2019年人口为1079万人，2020年为1275万人，人口增加了近200万.

* 比2019年(数据)增加/减少/多/少 D, right after a level: D is that level less the level of its unit the same
  paragraph printed for 2019 before it, whose measure words share a word with the later level's (人口).
  One such level pins the relation; several are readings of one claim, a suggestion.
* 增加了/减少了 D with no 比, right after two levels of its unit printed for two different years in its
  sentence, with a measure word in common (人口): D is the later less the earlier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, longest_common, rising, words_only
from laibin_check.check.relation import Relation

_SINCE = re.compile(r"(?:比|较)(?P<year>\d{4})年(?:的)?(?:数据|水平|末|底)?"
                    r"(?P<verb>增加|减少|净增|净减|多|少|增长|下降)了?$")
_CHANGE = re.compile(r"(?P<verb>增加|减少|净增|净减)了?$")
_UP = ("增加", "净增", "多", "增长")
_MAX_CLAUSES = 2


def propose(model: Model) -> Iterator[Relation]:
    for d in model.figs:
        if d.role != "level":
            continue
        m = _SINCE.search(d.label)
        if m is not None:
            yield from _since_year(model, d, m.group("year"), m.group("verb"))
        elif (c := _CHANGE.search(d.label)) is not None and not re.search(r"(比|较)", d.label):
            yield from _two_years(model, d, c.group("verb"))


def _before(model: Model, d: Fig) -> list[Fig]:
    return [f for f in model.in_sentence(d) if f.end <= d.start and f.role == "level" and f.unit.dims == d.unit.dims]


def _since_year(model: Model, d: Fig, year: str, verb: str) -> Iterator[Relation]:
    up = verb in _UP
    before = _before(model, d)
    if not before or d.clause - before[-1].clause > _MAX_CLAUSES:
        return
    new = before[-1]
    if new.period[:4] == year:
        return
    words = _measure(new)
    olds = [f for f in model.figs if f.line == d.line and f.end <= new.start and f.role == "level"
            and f.unit.dims == d.unit.dims and f.period == year and longest_common(_measure(f), words) >= 2]
    for old in olds:
        yield Relation("change-since-year", "difference", d, (new, old) if rising(d, up) else (old, new), "{0} - {1}",
                       "error" if len(olds) == 1 else "suggestion",
                       f"{new.shown}, 比{year}年 ({old.shown}, line {old.line}) {verb}{d.shown}",
                       confirm=f"that {old.shown} is the {year} level {d.shown} is counted from",
                       claim=f"since:{d.idx}")


def _two_years(model: Model, d: Fig, verb: str) -> Iterator[Relation]:
    up = verb in _UP
    before = _before(model, d)
    if len(before) < 2 or d.clause - before[-1].clause > _MAX_CLAUSES:
        return
    old, new = before[-2], before[-1]
    years = old.period[:4], new.period[:4]
    if not all(y.isdigit() for y in years) or not years[0] < years[1]:
        return
    if longest_common(_measure(old), _measure(new)) < 2 and longest_common(_measure(old), _measure(d)) < 2:
        return  # 2019年出口…，2020年进口…: two measures, not one measure's change
    yield Relation("change-since-year", "difference", d, (new, old) if rising(d, up) else (old, new), "{0} - {1}",
                   "error",
                   f"{old.period} {old.shown}, {new.period} {new.shown}: {verb}{d.shown}",
                   confirm=f"that {d.shown} is the change from {old.shown} to {new.shown}")


def _measure(f: Fig) -> str:
    """The words naming what a level measures, without its year and verb (2019年的人口大约为 → 的人口)."""
    return re.sub(r"(为|是|达|达到|约|大约|有|共)+$", "", words_only(re.sub(r"\d{4}年", "", f.label)))
