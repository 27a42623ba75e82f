"""A share whose part is named by words, not printed beside it: 出口额418.50亿元…。出口额占进出口总额的比重为64.1%.

When the share's sentence prints no level before it (share.py pairs a share with the level it follows), the part
is the level of the paragraph named by the words before 占 (出口额, 税收收入) and the whole the level named by the
words after it (进出口总额, 一般公共预算收入): a candidate's clause must end in that name (full-length for the part;
the whole's name may be the tail of a longer one: 货物进出口总额). One candidate each pins the relation; several
are readings of one claim, and the claim is a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period, words_only
from laibin_check.check.names import canonical
from laibin_check.check.relation import Certainty, Relation

_SHARE = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,16})占([\u4e00-\u9fffA-Za-z]{2,20}?)(的)?(比重|比例|份额)?"
                    r"(为|达|达到|是)?$")
_LEAD = re.compile(r"^(其中|全年|全市|全省|全区|全县|同期|当年|年末|今年)+")
_VERB = re.compile(r"(为|达|达到|是|实现|完成)$")
_MAX_READINGS = 4


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.role != "share":
            continue
        m = _SHARE.search(f.label)
        if m is None or any(g.role == "level" and g.end <= f.start for g in model.in_sentence(f)):
            continue
        part_name = canonical(_LEAD.sub("", m.group(1)))
        whole_name = canonical(_LEAD.sub("", m.group(2)))
        if len(part_name) < 2 or len(whole_name) < 2 or part_name == whole_name:
            continue
        before = [g for g in model.figs[:f.idx] if g.line == f.line and g.role == "level"
                  and same_period(g, f) is not False]
        parts = [g for g in before if _name(g) == part_name]
        wholes = [g for g in before if _name(g).endswith(whole_name)]
        if not parts or not wholes or len(parts) * len(wholes) > _MAX_READINGS:
            continue
        readings = [(p, w) for p in parts for w in wholes if p.unit.dims == w.unit.dims and p.idx != w.idx]
        if not readings:
            continue
        certainty: Certainty = "error" if len(readings) == 1 else "suggestion"
        for p, w in readings:
            yield Relation("share-of-named", "share", f, (p, w), "{0} / {1}", certainty,
                           f"{part_name}占{whole_name} {f.shown}: {p.shown} / {w.shown}",
                           confirm=f"that {part_name} is {p.shown} (line {p.line}) and {whole_name} {w.shown}",
                           claim=f"share-named:{f.idx}")


def _name(g: Fig) -> str:
    """A level's name: its clause's words, without a verb at the end or a lead (全年, 其中) at the start."""
    words = words_only(g.label)
    words = _VERB.sub("", words)
    return canonical(_LEAD.sub("", words))
