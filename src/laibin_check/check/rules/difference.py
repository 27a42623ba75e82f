"""A difference of two named levels: 甲、乙常住人口分别为972.4万、1076.62万, 甲比乙少近100万人.

Both sides must be named: by a 分别 list, or each as the subject of its own clause (甲为…, 乙为…). The stated
gap keeps its qualifier (近, 多, 约), read as the README documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, model_runs
from laibin_check.check.relation import Relation

_PATTERN = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:比|较)([\u4e00-\u9fff]{2,8}?)(多出|多|少|高出|高|低|超出)了?$")


def propose(model: Model) -> Iterator[Relation]:
    for d in model.figs:
        if d.role != "level":
            continue
        m = _PATTERN.search(d.label)
        if m is None:
            continue
        x, y = re.sub(r"^(而|则|其中|但|即)", "", m.group(1)), m.group(2)
        fx, fy = _named(model, d, x), _named(model, d, y)
        if fx is None or fy is None or fx is fy:
            continue
        if fx.unit.dims != d.unit.dims or fy.unit.dims != d.unit.dims:
            continue
        more = m.group(3) in ("多出", "多", "高出", "高", "超出")
        hi, lo = (fx, fy) if more else (fy, fx)
        yield Relation("difference-of-named", "difference", d, (hi, lo), "{0} - {1}", "error",
                       f"{x} {fx.shown}, {y} {fy.shown}: {x}比{y}{m.group(3)}{d.shown}",
                       confirm=f"that {d.shown} compares {fx.shown} with {fy.shown}")


def _named(model: Model, d: Fig, name: str) -> Fig | None:
    """The level printed for `name` in the sentence of the gap or the one before it, in the gap's unit."""
    sentences = (d.sentence, d.sentence - 1)
    hits: list[Fig] = []
    for run in model_runs(model):
        if run.items and run.figs[0].sentence in sentences and run.figs[-1].end <= d.start \
                and len(run.items) == len(run.figs):
            for item, f in zip(run.items, run.figs, strict=True):
                if item.startswith(name) or item.endswith(name):
                    hits.append(f)
    if not hits:
        for f in model.figs:
            if f.sentence in sentences and f.end <= d.start and f.role == "level" and f is not d:
                subject = re.sub(r"(为|是|达|有|达到|以|约)$", "", f.label)
                if subject.endswith(name) or subject.startswith(name):
                    hits.append(f)
    return hits[0] if len(hits) == 1 else None
