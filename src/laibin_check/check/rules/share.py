"""A share and the whole it names: 外贸进出口32878.4亿元 … 外商投资企业进出口17613.2亿元, 占(外贸总值的)53.5%.

The part is the level the share follows in its sentence (or, for 分别占a%和b%, the list of levels before it,
item by item). The whole is named after 占 (占外贸总值的), or, for a bare 占, by the last whole the paragraph
named (the 下同 convention). Candidates are earlier levels in the same unit, larger than the part, of a
compatible period, whose words share the whole's name, and that are not themselves stated as a share of
something (a part is not a whole). Every candidate is a reading: the claim fails only when all fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import (
    Fig,
    Model,
    averaged,
    changed,
    compared,
    longest_common,
    model_runs,
    planned,
    same_period,
    words_only,
)
from laibin_check.check.names import SAME_ENTITY, canonical
from laibin_check.check.relation import Relation

_GENERIC = re.compile(r"(总值|总额|总量|总数|总计|合计|总|全部|的|比重|比例|份额|规模)")
_ENTITIES = ("全国", "中国", "我国", "全省", "全市", "全区", "全县", "全球", "世界", "全年")
_PART_NAMES = ("城镇", "乡村", "农村", "第一产业", "第二产业", "第三产业")
"""The parts of a standard breakdown: a level they name is a part, not the whole a share's name does not name so."""
_MAX_READINGS = 24
_VERB_ONLY = re.compile(r"(全年|今年|当年|上半年|前三季度|实际|累计|共|完成|实现|达到|达|为|是|有|了)")
_LEAD_WORDS = re.compile(r"^(其中|同期|全年|今年|全省|全市|全区|全县|全国|我国)+|(的|比重|比例)+$")
_OF_CHANGE = re.compile(r"占[^,;。]{0,16}(增量|增加|增长|新增|净增)")
"""占全市增量的45%: a share of a change, whose part is a change too (比上年增加12亿元)."""
_BY_MODE = re.compile(r"以[^,;。]{0,10}方式")
"""以一般贸易方式进出口5683.9亿元: the part of a breakdown by trade mode, never the whole other parts are shares of."""


def propose(model: Model) -> Iterator[Relation]:
    parts_of_shares = _parts(model)
    names: dict[int, tuple[str, bool]] = {}
    last_named: dict[int, tuple[str, str]] = {}  # line -> the whole the paragraph last named, its part's measure
    first_of = {g.idx: r.figs[0] for r in model_runs(model) if r.figs[0].role == "share" for g in r.figs[1:]}
    for f in model.figs:
        if f.role != "share":
            continue
        name, explicit = _whole_name(first_of.get(f.idx, f))
        if f.idx in first_of:
            name, explicit = names.get(first_of[f.idx].idx, (name, explicit))
        part = parts_of_shares.get(f.idx)
        measure = _part_measure(part) if part is not None else ""
        if explicit:
            last_named[f.line] = (name, measure)
        elif f.line in last_named:
            name = last_named[f.line][0]
        elif f.line - 1 in last_named and len(measure) >= 2 and last_named[f.line - 1][1] == measure:
            # 一般贸易方式进出口…占全市进出口总值的66.0%。\n同期，以加工贸易方式进出口642.7亿元，占22.5%: the next
            # paragraph goes on with parts of the same measure, and its bare 占 with the same whole
            name = last_named[f.line - 1][0]
        names[f.idx] = (name, explicit)
    # A level stated as a share of some whole is a sibling of the other parts of that whole, never their whole.
    share_parts: dict[int, str] = {}
    for i, p in parts_of_shares.items():
        if names.get(i, ("", False))[0]:
            share_parts[p.idx] = _core(names[i][0], spelled=True)
    for f in model.figs:
        if f.role != "share" or not names.get(f.idx, ("", False))[0]:
            continue  # a bare 占 with no whole named in its paragraph: nothing pins the denominator
        name, explicit = names[f.idx]
        part = parts_of_shares.get(f.idx)
        if part is None or same_period(part, f) is False:
            continue
        if not explicit and _after_qizhong(model, part):
            continue  # 收入…占GDP的8.2%；其中税收收入…，占比75.6%: the bare 占 is of the total before 其中, not GDP
        core = _core(name)
        spelled = _core(name, spelled=True)
        entity = next((e for e in _ENTITIES if e in name), "")
        if len(core) < 2:
            continue
        candidates: list[Fig] = []
        for w in reversed(model.figs[: part.idx]):
            if w.role != "level" or w.unit.dims != part.unit.dims or share_parts.get(w.idx) == spelled:
                continue
            if not w.interval.hi > part.interval.lo or same_period(w, part) is False or _BY_MODE.search(w.label):
                continue
            if planned(w) or compared(w) or (averaged(w) and not averaged(part)) or (changed(w) and not changed(part)):
                continue  # a budget, last year's level, an average or a change: not the whole of an outcome
            words = _words(model, w)
            if entity and entity != "全年" and not _names_entity(model, w, entity):
                continue
            if any(p in words and p not in name for p in _PART_NAMES):
                continue  # 乡村消费品零售额 is a half of 社会消费品零售总额, never the whole a share names
            if core[-2:] not in words or longest_common(core, words) < min(len(core), 2):
                continue  # the head noun of the whole (支出, 外贸, 总值) must be the candidate's
            candidates.append(w)
            if len(candidates) == _MAX_READINGS:
                break
        candidates = _best_named(model, core, _bounded_first(candidates))
        strong = all(longest_common(core, _words(model, c)) >= min(len(core), 3) for c in candidates)
        for w in candidates:
            yield Relation(
                "share-of-total", "share", f, (part, w), "{0} / {1}",
                "error" if strong else "suggestion",
                f"{f.shown} after {part.shown}, a share of {name or 'the whole'}"
                + ("" if explicit else " (named earlier in the paragraph)") + f": {w.shown}",
                confirm=f"that the whole meant is {w.shown} (line {w.line})", claim=f"share:{f.idx}",
            )


def _names_entity(model: Model, w: Fig, entity: str) -> bool:
    """The candidate is the entity's (全市: 全市, 我市, 本市; named in its paragraph before it, so a 其中 of the
    paragraph's 全省 total is the province's too)."""
    before = model.norm[model.norm.rfind("\n", 0, w.start) + 1:w.start]
    return any(e in before for e in SAME_ENTITY.get(entity, (entity,)))


def _after_qizhong(model: Model, part: Fig) -> bool:
    """The part follows 其中 in its sentence: it breaks down the total before 其中, whatever whole was named last."""
    s_start, _ = model.sentence_span(part.sentence)
    return model.norm.rfind("其中", s_start, part.start) >= 0


def _part_measure(part: Fig) -> str:
    """The last words of a part's measure (方式进出口 of 以一般贸易方式进出口): parts of one whole share them."""
    return words_only(part.label)[-3:]


def _core(name: str, spelled: bool = False) -> str:
    """The distinctive words of a whole's name: 进出口 of 全省外贸总值 (外贸 when `spelled` as printed: a part
    stated as a share of 中国进出口总值 is still a whole 外贸总值 may mean)."""
    core = _GENERIC.sub("", name if spelled else canonical(name))
    for e in _ENTITIES:
        core = core.replace(e, "")
    return core


def _words(model: Model, w: Fig) -> str:
    """The measure words of a candidate whole: its item in a 分别 list (移动电话用户和宽带接入用户分别为6218.4万户和
    2046.7万户: 宽带接入用户 for the second), its clause, or its paragraph's last words before it when the clause
    is only a verb and a period (为, 达, 全年实际完成), or those and a bare head noun (全年实际支出)."""
    item = _items(model).get(w.idx)
    if item:
        return canonical(words_only(item))
    words = words_only(w.label)
    residue = _VERB_ONLY.sub("", words)
    if len(residue) < 2 or (len(residue) < 3 and residue != words):
        # 全年实际完成86420万元: the measure is named earlier in the paragraph (预算收入…调整为…。全年实际完成)
        return canonical(words_only(model.norm[model.norm.rfind("\n", 0, w.start) + 1:w.start])[-40:])
    return canonical(words if len(words) >= 3 else w.context[-16:])


def _items(model: Model) -> dict[int, str]:
    """Figure index -> the item a 分别 list names it by, with the list's shared head noun (住户存款余额 of 住户存款和
    非金融企业存款余额分别为…), for the model's runs (computed once per model)."""
    cache: dict[int, str] | None = getattr(model, "_share_items", None)
    if cache is None:
        cache = {}
        for run in model_runs(model):
            if run.items and len(run.items) == len(run.figs):
                head = words_only(run.items[-1])[-2:]  # 住户存款和非金融企业存款余额: 余额 is both items'
                for item, f in zip(run.items, run.figs, strict=True):
                    words = words_only(item)
                    cache[f.idx] = words if words.endswith(head) else words + head
        model._share_items = cache  # type: ignore[attr-defined]
    return cache


def _best_named(model: Model, core: str, candidates: list[Fig]) -> list[Fig]:
    """The candidates that share the most of the whole's name (占我与欧盟贸易规模的: 对欧盟进出口 over 对东盟进出口
    and over the country's total): a longer common run is the entity or the breakdown the share names."""
    scores = [longest_common(core, _words(model, c)) for c in candidates]
    best = max(scores, default=0)
    return [c for c, s in zip(candidates, scores, strict=True) if s == best]


def _bounded_first(candidates: list[Fig]) -> list[Fig]:
    """Candidates, nearest first, without an open-ended whole (均超过8000亿元) printed before a bounded one of
    the same paragraph: the exact figure restates the bound, and the bound, as a reading, would excuse any
    share below part / bound."""
    out: list[Fig] = []
    for w in candidates:
        if not w.interval.bounded and any(c.interval.bounded and c.line == w.line for c in out):
            continue
        out.append(w)
    return out


def _whole_name(f: Fig) -> tuple[str, bool]:
    """The whole a share names after 占 (外贸总值), and whether it is named here; "" for a bare 占."""
    label = f.label
    at = label.rfind("占")
    if at < 0:
        return "", False
    name = re.sub(r"\(.*?\)", "", label[at + 1:])  # 占出口总值的(下同)
    name = re.sub(r"(的|为|达|达到|约|了)+$", "", name)
    name = re.sub(r"(比重|比例|份额|比)$", "", name)
    name = re.sub(r"(的)$", "", name)
    return name, bool(name)


def _parts(model: Model) -> dict[int, Fig]:
    """share index -> the level it is a share of."""
    out: dict[int, Fig] = {}
    for run in model_runs(model):
        if run.figs[0].role != "share" or "分别" not in run.figs[0].label:
            continue
        paired = next((r for r in model_runs(model) if r.figs[0].role == "level"
                       and r.figs[0].sentence == run.figs[0].sentence and r.figs[-1].end < run.figs[0].start
                       and len(r.figs) == len(run.figs)), None)
        if paired is not None:
            for share, p in zip(run.figs, paired.figs, strict=True):
                out[share.idx] = p
    for f in model.figs:
        if f.role != "share" or f.idx in out:
            continue
        before = [g for g in model.in_sentence(f) if g.end <= f.start]
        of_change = _OF_CHANGE.search(f.label) is not None
        levels = [g for g in before if g.role == "level" and (of_change or not changed(g)) and not compared(g)]
        if not levels:
            continue
        # the words between the figure before and 占 (出口4083.6亿元，进口2328.9亿元，出口占…: 出口); none when
        # 占 opens a bracket after the part (5G移动电话用户3586.2万户（占…）)
        lead = model.norm[before[-1].end:f.start] if before else f.label
        head = lead[:lead.rfind("占")] if "占" in lead else ""
        cut = max(head.rfind(c) for c in ",;(")
        named = _LEAD_WORDS.sub("", words_only(head[cut + 1:])) if cut >= 0 else ""
        if len(named) >= 2:
            # 出口4083.6亿元，进口2328.9亿元，出口占进出口总额的63.7%: the part the share names, wherever it stands
            picks = [g for g in levels if named in words_only(g.label)[-len(named) - 4:]]
            if len(picks) == 1:
                out[f.idx] = picks[0]
            continue
        part = levels[-1]
        # Only rates of the part (its growth), its change (比年初增加…) and the level it is compared with (比上年
        #同期末的…) may stand between a part and its share.
        between = [g for g in before if g.start > part.start]
        if any(g.role == "share" or (g.role == "level" and not changed(g) and not compared(g)) for g in between):
            continue
        out[f.idx] = part
    return out
