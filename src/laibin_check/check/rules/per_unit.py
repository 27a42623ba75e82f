"""A figure per head or per unit of area and the total and the denominator it is the quotient of, beyond what
perunit.py reads (a price with both totals in its sentence; a figure per head, as a suggestion): the units per
unit are kept (万元/人, 元/平方米), a price's totals may stand earlier in its paragraph, a GDP per 平方公里 is read,
and a figure per head far off any population base is an error.

* 经济总量3000亿元, 常住人口600万人, 人均GDP5万元: 3000亿元 / 600万人.
* 商品房销售面积2000万平方米, 销售额2亿元…, 均价1万元/平方米: 销售额 / 销售面积 (a price is printed per 平方米).
* 经济总量1万亿美元(国土面积10万平方公里), 每平方公里GDP产出1000万美元: 总量 / 面积.
* 总面积1997平方公里, 建成区面积927平方公里。GDP为2.77万亿元, 平均每平方公里13.9亿元: an output per area
  over either area printed in its paragraph (two readings of one claim).

The total is a money level of the same measure (GDP, 经济总量, 生产总值 are one measure; otherwise the words
after 人均/每平方公里 must be the total's); the denominator a count of people, or an area. A price per 平方米 is
the sales (or the land's price) over the area of the same subject by definition; so is a GDP per 平方公里 over an
area printed with it: both pin the relation. A GDP per head may be computed on another population than the one
printed (the year's average, the census, the year-end), so a per-head figure is an error only when it lies more
than a tenth away from the quotient (no population base differs by that much within a year), unless the text
names the population it divides by (按…人口…计算); a smaller gap is a review suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from laibin_check.check.model import Fig, Model, longest_common, same_period
from laibin_check.check.relation import Relation
from laibin_check.units import Unit, resolve

_VERB = r"(?:为|是|达到|达|约为|约|仅为|仅|有|产出为|产出|高达|超过|接近|近)*$"
_PER_HEAD = re.compile(r"人均([\u4e00-\u9fffA-Za-z]{1,8}?)" + _VERB)
_PER_AREA = re.compile(r"(?:每平方公里|每平方千米|地均|单位面积)(?:的)?([\u4e00-\u9fffA-Za-z]{0,8}?)" + _VERB)
_PRICE = re.compile(r"([\u4e00-\u9fff]{0,10}?)(?:的)?(?:成交均价|销售均价|均价|平均价格|平均售价|平均单价)" + _VERB)
_PER_PRINTED = re.compile(r"^\s*/\s*(平方米|平方公里|人)")
_PINNED_HEAD = re.compile(r"(按|以|根据)[^,;。]{0,24}(人口|人)[^,;。]{0,12}(计算|计|测算|核算)")
_OUTPUT = ("GDP", "生产总值", "经济总量", "总量", "地区生产总值", "产出")
_VALUE = ("销售额", "价款", "成交额", "金额", "总价")
_AREA_WORDS = ("面积", "土地", "用地")
_BAND = ("0.9", "1.1")
_MAX_READINGS = 4
_LOOK_BACK = 80
"""Figures before a price to search for the totals it divides when its paragraph prints none."""
RULE = "per-unit-reach"


class Quotient(NamedTuple):
    """A figure stated per head or per unit of area, with the (total, denominator) readings that fit it."""

    fig: Fig
    target: Fig
    """The figure in its unit per unit (万元/人, 元/平方米): the one the relation recomputes."""
    kind: str
    """head | area | price."""
    bottom: str
    pinned: bool
    """The wording pins the denominator: a price or an area by definition, a population named as the base."""
    scope: str
    pairs: tuple[tuple[Fig, Fig], ...]


def quotients(model: Model) -> Iterator[Quotient]:
    """Every figure per head or per unit of area whose total and denominator are printed within reach."""
    for f in model.figs:
        if f.role != "level" or f.unit.kind != "money" or "/" in f.unit.name:
            continue
        per = _per(model, f)
        if per is None:
            continue
        kind, measure, bottom = per
        unit = _compound(f.unit, bottom)
        if unit is None:
            continue
        target = f._replace(unit=unit, interval=f.printed.interval.scale(unit.scale))
        named = _PINNED_HEAD.search(model.norm[model.sentence_span(f.sentence)[0]:f.start]) is not None
        in_sentence = [g for g in model.in_sentence(f) if g is not f]
        pairs = _pairs(model, f, kind, measure, in_sentence, named)
        scope = "sentence"
        if not pairs and kind in ("price", "area"):
            earlier = [g for g in model.figs[:f.idx] if g.line == f.line]
            pairs = _pairs(model, f, kind, measure, earlier, named)
            scope = "paragraph"
        if not pairs and kind == "price":
            pairs, scope = _earlier_paragraphs(model, f, measure, named), "paragraph before"
        if not pairs or len(pairs) > _MAX_READINGS:
            continue
        yield Quotient(f, target, kind, bottom, kind != "head" or named, scope, tuple(pairs))


def propose(model: Model) -> Iterator[Relation]:
    from laibin_check.check.rules import perunit

    # perunit.py reads a price with both totals in its sentence and a figure per head as a suggestion: its
    # strict ratio is not proposed twice here (a per head figure whose base the text names is, as an error).
    read = {r.target.idx for r in perunit.propose(model) if r.target is not None}
    for q in quotients(model):
        f, target, pinned = q.fig, q.target, q.pinned
        for total, base in q.pairs:
            why = (f"{f.label[-8:]}{f.shown} per {q.bottom}, after {total.shown} and {base.shown} "
                   f"(same {q.scope})")
            if f.idx not in read or (pinned and q.kind == "head"):
                yield Relation(RULE, "ratio", target, (total, base), "{0} / {1}",
                               "error" if pinned else "suggestion", why, claim=f"quotient:{f.idx}",
                               confirm="" if pinned else f"that {f.shown} is per head of the {base.shown} "
                                                         "printed (a per-head figure may use the year's average "
                                                         "population)")
            if pinned:
                continue
            for side, (op, factor) in enumerate((("<=", _BAND[0]), (">=", _BAND[1]))):
                # The total first: the comparison is shown in its unit.
                yield Relation(
                    RULE, "bound", None, (target, total, base), f"{{1}} * {factor} {op} {{0}} * {{2}}",
                    "error", why + ", beyond any other population base",
                    claim=f"per-band{side}:{f.idx}",
                    message=f"{f.shown} per head is more than a tenth away from {total.shown} / {base.shown}, "
                            "more than another population base explains")


def _per(model: Model, f: Fig) -> tuple[str, str, str] | None:
    """(kind, the measure words, the unit it is per) when the figure is stated per head or per unit of area."""
    printed = _PER_PRINTED.match(model.after(f, 8))
    tail = f.label[-16:]
    if (m := _PER_HEAD.search(tail)) is not None:
        return ("head", m.group(1), "人") if printed is None or printed.group(1) == "人" else None
    if (m := _PER_AREA.search(tail)) is not None:
        bottom = printed.group(1) if printed else "平方公里"
        return ("area", m.group(1), bottom) if bottom != "人" else None
    if (m := _PRICE.search(tail)) is not None and printed is not None and printed.group(1) != "人":
        return "price", m.group(1), printed.group(1)
    return None


def _compound(top: Unit, bottom: str) -> Unit | None:
    try:
        return resolve(f"{top.name}/{bottom}")
    except KeyError:
        return None


def _pairs(model: Model, f: Fig, kind: str, measure: str, scope: list[Fig],
           named: bool) -> list[tuple[Fig, Fig]]:
    """The (total, denominator) readings among `scope`: each must be the only one of its sort there."""
    totals = [g for g in scope if _is_total(g, f, kind, measure, named)]
    bases = [g for g in scope if _is_base(model, g, f, kind, named)]
    if kind == "area" and len(totals) == 1 and 1 < len(bases) <= 2:
        return [(totals[0], b) for b in bases]  # 总面积, 建成区面积: either area is a reading of one claim
    if len(totals) != 1 or len(bases) != 1:
        return []  # two totals or two populations in reach: nothing pins which one the figure divides
    return [(totals[0], bases[0])]


def _earlier_paragraphs(model: Model, f: Fig, measure: str, named: bool) -> list[tuple[Fig, Fig]]:
    """A price whose totals its paragraph does not print (根据…销售金额和销售面积计算, 均价为9502元/平方米): the
    nearest paragraph before that prints both, of the price's own period as written (1-4月 is not 2020年1-4月)."""
    by_line: dict[int, list[Fig]] = {}
    for g in model.figs[max(0, f.idx - _LOOK_BACK):f.idx]:
        if g.line < f.line and g.period == f.period:
            by_line.setdefault(g.line, []).append(g)
    for line in sorted(by_line, reverse=True):
        pairs = _pairs(model, f, "price", measure, by_line[line], named)
        if pairs:
            return pairs
    return []


def _plain_level(g: Fig, f: Fig, any_period: bool = False) -> bool:
    lower_bound = (g.printed.qualifier or "").startswith(("超", "逾"))
    return (g.role == "level" and (any_period or same_period(g, f) is not False) and not lower_bound
            and not re.search(r"(增加|减少|新增|净增|增长|下降|多|少|增量|差距)了?$", g.label))


def _is_total(g: Fig, f: Fig, kind: str, measure: str, named: bool) -> bool:
    if not _plain_level(g, f, any_period=named) or g.unit.dims != f.unit.dims or _PER_HEAD.search(g.label[-16:]) \
            or _PER_AREA.search(g.label[-16:]) or _PRICE.search(g.label[-16:]):
        return False
    words = g.label[-16:]
    if kind == "price":
        return any(w in words for w in _VALUE) and _shares_subject(words, f.label[-16:])
    if any(w in measure for w in _OUTPUT) or (kind == "area" and not measure):
        return any(w in words for w in _OUTPUT)  # 平均每平方公里13.9亿元: an output per area
    return len(measure) >= 2 and measure in words


def _is_base(model: Model, g: Fig, f: Fig, kind: str, named: bool) -> bool:
    # A population the text names as the base (按2020年常住人口…计算) may be of another year than the figure.
    if not _plain_level(g, f, any_period=named):
        return False
    if kind == "head":
        # 人 of 人民币 is a currency, not people (11万亿人民币).
        return g.mention.base_unit == "人" and g.unit.kind == "count" and not model.after(g, 2).startswith("民")
    if g.unit.dims != (("[area]", 1),):
        return False
    words = g.label[-16:]
    if kind == "price":
        return any(w in words for w in _AREA_WORDS) and _shares_subject(words, f.label[-16:])
    return "面积" in words


def _shares_subject(a: str, b: str) -> bool:
    """A price and its total name one subject: 商品房 (销售额) and 商品房 (均价), 土地 (成交价款) and 土地."""
    strip = re.compile(r"(销售额|价款|成交额|金额|总价|销售面积|面积|均价|平均价格|平均售价|平均单价|成交|销售|的)")
    return longest_common(strip.sub("|", a), strip.sub("|", b)) >= 2
