"""One place's figure as a percentage of another's, both printed: 日本经济总量为4.94万亿美元 … 广东的GDP和人均GDP
是日本的32.59%和32%, 是英国的54%和28.44%; 广东的产出是日本的72.46%、英国的76.99%和韩国的55.71%.

"A的M是B的x%" says A's M over B's M is x% and nothing else. A and its measures (GDP和人均GDP) are the words before
是, split at 的; each "B的" starts a group of percentages, one per measure in order. A measure the sentence only
abbreviates (产出) is the one its heading names in full (从每平方公里GDP产出看). Each side's level is a level printed
before the sentence whose words name that measure, and no other (GDP is not 人均GDP; 经济总量 and 生产总值 are
GDP), in a sentence where that place is the one named last before it (韩国…与广东省相当, 但韩国的人均GDP: 韩国's),
in the same currency. One level a side pins the relation; more are readings and the claim is a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, words_only
from laibin_check.check.relation import Relation

_HEAD = re.compile(r"^[^,;]*?从([\u4e00-\u9fffA-Za-z和、]{2,24}?)(?:上)?看[,;]?")
_SUBJECT = re.compile(r"([\u4e00-\u9fff]{2,4})的([\u4e00-\u9fffA-Za-z和、]{1,20}?)(?:是|相当于)$")
_VERB_OWNER = re.compile(r"(?:是|相当于)([\u4e00-\u9fff]{2,4}?)的$")
_LIST_OWNER = re.compile(r"^(?:、|和|及|,)?([\u4e00-\u9fff]{2,4}?)的$")
_SYNONYMS = re.compile(r"(经济总量|地区生产总值|生产总值)")
_VERBS = re.compile(r"(为|达到|达|接近|约|是|仅有|仅|超过|近)+$")
_CHANGES_MEASURE = ("人均", "每", "平均", "增长", "增量", "增加", "占")
_MAX_READINGS = 4


def propose(model: Model) -> Iterator[Relation]:
    sentences: dict[int, list[Fig]] = {}
    for f in model.figs:
        if f.unit.kind == "rate" and f.role in ("rate", "share"):
            sentences.setdefault(f.sentence, []).append(f)
    for sentence, pcts in sentences.items():
        yield from _sentence(model, sentence, pcts)


def _sentence(model: Model, sentence: int, pcts: list[Fig]) -> Iterator[Relation]:
    s_start, _ = model.sentence_span(sentence)
    first = pcts[0]
    head = model.norm[s_start:first.start]
    owner = _VERB_OWNER.search(head)
    if owner is None:
        return
    verb = re.match(r"是|相当于", head[owner.start():])
    subject = _SUBJECT.search(head[: owner.start()] + (verb.group(0) if verb else ""))
    if subject is None:
        return
    place = subject.group(1)
    measures = [m for m in re.split(r"和|、", subject.group(2)) if m]
    heading = _HEAD.match(head)
    if heading is not None:
        full = [m for m in re.split(r"和|、", heading.group(1)) if m]
        measures = [next((h for h in full if h.endswith(m)), m) for m in measures]
    groups = _groups(model, pcts, s_start)
    if not groups:
        return
    places = {place} | {b for b, _ in groups}
    for other, figs in groups:
        if len(figs) != len(measures) or other == place:
            continue
        for t, measure in zip(figs, measures, strict=True):
            mine = _levels(model, first, place, measure, places)
            theirs = _levels(model, first, other, measure, places)
            pairs = [(a, b) for a in mine for b in theirs if _same_currency(a, b)]
            if not pairs or len(pairs) > _MAX_READINGS:
                continue
            for a, b in pairs:
                yield Relation(
                    "percent-of-named", "ratio", t, (a, b), "{0} / {1}", "error" if len(pairs) == 1 else "suggestion",
                    f"{place}的{measure} {a.shown} (line {a.line}) 是{other}的 {b.shown} (line {b.line})的{t.shown}",
                    confirm=f"that {a.shown} and {b.shown} are {place}'s and {other}'s {measure}",
                    claim=f"pct-of:{t.idx}")


def _groups(model: Model, pcts: list[Fig], s_start: int) -> list[tuple[str, list[Fig]]]:
    """(place, its percentages) in order: 是日本的32.59%和32%, 是英国的54%…; 日本的72.46%、英国的76.99%."""
    groups: list[tuple[str, list[Fig]]] = []
    prev_end = s_start
    for f in pcts:
        between = model.norm[prev_end:f.start]
        owner = _VERB_OWNER.search(between) or (_LIST_OWNER.match(between) if groups else None)
        if owner is not None:
            groups.append((owner.group(1), [f]))
        elif groups and between.strip() in ("和", "、", "及"):
            groups[-1][1].append(f)
        else:
            return []  # a percentage that is not part of the comparison: leave the sentence alone
        prev_end = f.end
    return groups


def _measure(f: Fig) -> str:
    words = _VERBS.sub("", words_only(f.label.split("(")[-1]))
    return _SYNONYMS.sub("GDP", words).replace("的", "")


def _levels(model: Model, before: Fig, place: str, measure: str, places: set[str]) -> list[Fig]:
    want = _SYNONYMS.sub("GDP", measure).replace("的", "")
    out: list[Fig] = []
    for g in reversed(model.figs[: before.idx]):
        if g.role != "level" or g.sentence == before.sentence:
            continue
        words = _measure(g)
        if not words.endswith(want):
            continue
        rest = words[: len(words) - len(want)]
        if any(w in rest for w in _CHANGES_MEASURE if w not in want):
            continue  # 人均GDP is not GDP
        named = [(g.context.rfind(p), p) for p in places | {place} if p in g.context]
        if not named or max(named)[1] != place:
            continue
        out.append(g)
        if len(out) > _MAX_READINGS:
            break
    return out


def _same_currency(a: Fig, b: Fig) -> bool:
    return a.unit.dims == b.unit.dims and a.unit.name[-2:] == b.unit.name[-2:]
