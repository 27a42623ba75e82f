"""A yield per unit of area and the output and area it is the quotient of: 夏粮播种面积1012.4万亩，亩产348.4公斤
(with 夏粮产量352.7万吨 before it); 粮食播种面积3186.5万亩…粮食单产398.1公斤/亩; 每公顷产量6326公斤.

By definition a yield (亩产, 单产, 每亩产量; per 公顷 when the words say so) is the output over the area sown
or harvested. The output is a level of mass whose words name 产量, the area a level of area whose words name
面积, both printed before the yield since the previous yield of its sentence: in its sentence, or, when the
yield names its crop (粮食平均亩产, 夏粮亩产), in its paragraph or the one before, with that crop named in their
words too. A figure printed as a change (比上年增加0.35万亩) is neither. Several such outputs or areas (one area
in 亩 and in 公顷) are readings of one claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, changed, compared, words_only
from laibin_check.check.relation import Relation
from laibin_check.units import resolve

_YIELD = re.compile(r"(亩产|单产|每亩产量|每亩|亩均产量|每公顷产量|每公顷)(为|达|达到|约为|约)?$")
_NOT_CROP = re.compile(r"(全年|全省|全市|全县|全区|平均|亩产|单产|每亩产量|每亩|亩均产量|每公顷产量|每公顷|产量|"
                       r"折合|为|达到|达|约|的|提高|增加|比上年)")
_MAX_READINGS = 4
_MASS = (("[mass]", 1),)
_AREA = (("[area]", 1),)


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        per_area = "/" in f.unit.name and f.unit.dims == (("[area]", -1), ("[mass]", 1))
        m = _YIELD.search(f.label)
        if f.role != "level" or not (per_area or (m is not None and f.unit.dims == _MASS)):
            continue
        if changed(f) or compared(f):
            continue  # 比上年提高7.1公斤: a change of the yield
        target = f
        if not per_area:
            try:
                unit = resolve(f"{f.unit.name}/{'公顷' if m and '公顷' in m.group(1) else '亩'}")
            except KeyError:
                continue
            target = f._replace(unit=unit, interval=f.printed.interval.scale(unit.scale))
        crop = _NOT_CROP.sub("", words_only(f.label))
        outputs, areas = _operands(model, f, crop)
        if not outputs or not areas or len(outputs) * len(areas) > _MAX_READINGS:
            continue
        for out in outputs:
            for area in areas:
                yield Relation("yield-per-area", "ratio", target, (out, area), "{0} / {1}", "error",
                               f"{f.label[-6:]}{f.shown}: {out.shown} over {area.shown}", claim=f"yield:{f.idx}",
                               message="a yield is the output over the area")


def _operands(model: Model, f: Fig, crop: str) -> tuple[list[Fig], list[Fig]]:
    """The outputs and areas the yield divides: in its sentence since the previous yield; else, for a yield that
    names its crop, the nearest of that crop in its paragraph or the one before."""
    sentence = [g for g in model.in_sentence(f) if g.end <= f.start]
    since = max((i + 1 for i, g in enumerate(sentence) if _YIELD.search(g.label)), default=0)
    outputs, areas = _split(sentence[since:], "")
    if (outputs and areas) or len(crop) < 2:
        return outputs, areas
    back = [g for g in model.figs[max(0, f.idx - 40):f.idx] if f.line - 1 <= g.line <= f.line]
    near_outputs, near_areas = _split(back, crop)
    return outputs or near_outputs[-1:], areas or near_areas[-2:]


def _split(figs: list[Fig], crop: str) -> tuple[list[Fig], list[Fig]]:
    outputs: list[Fig] = []
    areas: list[Fig] = []
    for g in figs:
        if g.role != "level" or changed(g) or compared(g) or _YIELD.search(g.label):
            continue
        words = words_only(g.label)
        if crop and crop not in words:
            continue
        if g.unit.dims == _MASS and "产量" in words:
            outputs.append(g)
        elif g.unit.dims == _AREA and "面积" in words:
            areas.append(g)
    return outputs, areas
