"""A share whose part is named by words, not printed beside it: 出口额418.50亿元…。出口额占进出口总额的比重为64.1%.

When the share's sentence prints no level before it (share.py pairs a share with the level it follows), the part
is the level of the paragraph named by the words before 占 (出口额, 税收收入) and the whole the level named by the
words after it (进出口总额, 一般公共预算收入): a candidate's clause must end in that name (full-length for the part;
the whole's name may be the tail of a longer one: 货物进出口总额). One candidate each pins the relation; several
are readings of one claim, and the claim is a suggestion. A whole named by an entity alone (占全省的11.2%) is the
same measure of that entity (全省地区生产总值), the part the level of that measure that does not name it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period, words_only
from laibin_check.check.names import canonical
from laibin_check.check.relation import Certainty, Relation

_SHARE = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,16})占([\u4e00-\u9fffA-Za-z]{2,20}?)(的)?(比重|比例|份额)?"
                    r"(为|达|达到|是)?$")
_LEAD = re.compile(r"^(其中|全年|全市|全省|全区|全县|同期|当年|年末|今年|上半年|前三季度|一季度)+")
_VERB = re.compile(r"(为|达|达到|是|实现|完成)$")
_MAX_READINGS = 4
_ENTITIES = ("全国", "全省", "全市", "全区", "全自治区", "全州", "全县")
_MIN_MEASURE = 4
"""A measure's name is at least this long (生产总值, 零售总额) for a level to count as the same measure."""


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.role != "share":
            continue
        m = _SHARE.search(f.label)
        if m is None or any(g.role == "level" and g.end <= f.start for g in model.in_sentence(f)):
            continue
        part_name = canonical(_LEAD.sub("", m.group(1)))
        whole_name = m.group(2) if m.group(2) in _ENTITIES else canonical(_LEAD.sub("", m.group(2)))
        if len(part_name) < 2 or len(whole_name) < 2 or part_name == whole_name:
            continue
        before = [g for g in model.figs[:f.idx] if g.line == f.line and g.role == "level"
                  and same_period(g, f) is not False]
        if whole_name in _ENTITIES:
            # 云州地区生产总值占全省的11.2%: the whole is the same measure of the entity (全省地区生产总值: the words
            # after the entity end the part's name), the part the level of that measure that does not name it.
            wholes = [g for g in before if _measure_of(g, whole_name, part_name)]
            measures = {_measure_of(g, whole_name, part_name) for g in wholes}
            parts = [g for g in before if _name(g) in measures | {part_name} and whole_name not in g.context]
        else:
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


def _measure_of(g: Fig, entity: str, part_name: str) -> str:
    """The measure a level of the entity names (全省地区生产总值 -> 地区生产总值) when the part's name ends in it."""
    words = words_only(g.label)
    at = words.find(entity)
    measure = canonical(words[at + len(entity):]) if at >= 0 else ""
    return measure if len(measure) >= _MIN_MEASURE and part_name.endswith(measure) else ""
