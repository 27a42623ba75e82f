"""A whole and its parts by a standard breakdown of statistics: the regions 东部、中部、西部、东北; the three
sectors 第一产业、第二产业、第三产业 (whose value added makes up GDP); industry's 采矿业、制造业、电力…业; 城镇 and
乡村; 一般债券 and 专项债券; 新增债券 and 再融资债券; 出口 and 进口 (which make up 进出口); 商品零售 and 餐饮收入
(社会消费品零售总额); 税收收入 and 非税收入 (一般公共预算收入); 男性 and 女性.

Such a breakdown is exhaustive by definition, so the parts add up to the whole. The parts are the levels printed
after each part's name with the same remaining measure words (东部地区商品房销售面积 → 商品房销售面积), unit and
period, one each; a later part may shorten the measure to its last words (中部地区投资 after 东部地区房地产开发投资).
The whole is an earlier level, in the same or the previous two paragraphs, whose words end in that measure (or,
for value added by sector, name GDP) and that is not itself a part of a breakdown (新增债券 is not the whole of
一般债券's parts). Several such wholes are readings of one claim. A whole further back counts only when nothing
nearer fits and its words name the same place as the parts' (上半年GDP … 分产业看，上半年第一产业增加值…).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import takewhile
from typing import NamedTuple

from laibin_check.check.model import Fig, Model, averaged, changed, compared, planned, same_period, words_only
from laibin_check.check.relation import Relation


class Breakdown(NamedTuple):
    parts: tuple[tuple[str, ...], ...]
    """Each part's spellings, the fullest first (the 电力 part is also printed in full)."""
    whole: tuple[str, ...] = ()
    """Words the whole is named by when they are not the parts' measure words (进出口; GDP for 增加值)."""


_POWER = ("电力、热力、燃气及水生产和供应业", "电力热力燃气及水生产和供应业", "电力、燃气及水的生产和供应业", "电力")
PARTITIONS: tuple[Breakdown, ...] = (
    Breakdown((("东部",), ("中部",), ("西部",), ("东北",))),
    Breakdown((("第一产业",), ("第二产业",), ("第三产业",))),
    Breakdown((("采矿业",), ("制造业",), _POWER)),
    Breakdown((("城镇",), ("乡村",))),
    Breakdown((("城镇",), ("农村",))),
    Breakdown((("一般债券",), ("专项债券",))),
    Breakdown((("新增债券",), ("再融资债券",))),
    Breakdown((("出口",), ("进口",)), whole=("进出口",)),
    Breakdown((("商品零售",), ("餐饮收入",)), whole=("社会消费品零售总额", "社零")),
    Breakdown((("税收收入",), ("非税收入",)), whole=("一般公共预算收入", "公共预算收入", "财政收入")),
    Breakdown((("男性",), ("女性",))),
)
_VALUE_ADDED = "增加值"
_GDP = ("生产总值", "GDP")
"""Value added by the three sectors makes up GDP (国内生产总值, 地区生产总值)."""
_NOISE = re.compile(r"(地区|区域|居民|实现|完成|为|达|了|的)")
_MAX_LINES_BACK = 2
_MAX_ENTRIES = 24
"""Parts looked at after the first (a breakdown is printed together): keeps the cost linear."""
_FAR_LINES_BACK = 8
_AVERAGE = re.compile(r"(人均|平均|均价|户均|每)")
_PERIOD_WORDS = re.compile(r"(\d{4}年)?(\d{1,2}\s*[-—~至到]\s*\d{1,2}\s*月份?|\d{1,2}月份?|[一二三四1-4]季度|前三季度|"
                           r"[上下]半年|全年|今年|去年|上年|同期|首季)")
_PLACE_NOISE = re.compile(r"(全国|我国|国内|全省|全市|全区|其中|分产业看|分行业看|分区域看|从|看|按|计算)")


def _phrase(model: Model, f: Fig) -> str:
    """The words before a figure back to the last comma or stop (a 、-list stays whole)."""
    cache: dict[int, str] | None = getattr(model, "_partition_phrases", None)
    if cache is None:
        cache = {}
        model._partition_phrases = cache  # type: ignore[attr-defined]
    phrase = cache.get(f.idx)
    if phrase is None:
        s_start, _ = model.sentence_span(f.sentence)
        head = model.norm[s_start:f.start]
        cut = max(head.rfind(c) for c in ",;:")
        phrase = cache[f.idx] = head[cut + 1:]
    return phrase


class _Entry(NamedTuple):
    fig: Fig
    part: int
    rest: str
    place: str


def _named(phrase: str, b: Breakdown) -> tuple[int, str] | None:
    """The part a phrase names, and the spelling found: the earliest named when several are (采矿业电力消费 is
    the 采矿业 part; its measure is 电力消费)."""
    hits: list[tuple[int, int, str]] = []
    for i, spellings in enumerate(b.parts):
        for s in spellings:
            at = phrase.find(s)
            if at >= 0:
                hits.append((at, i, s))
                break
    if not hits:
        return None
    at, i, s = min(hits)
    if any(j != i and a == at for a, j, _ in hits):
        return None
    return i, s


def _entries(model: Model, levels: list[Fig], b: Breakdown) -> list[_Entry]:
    out: list[_Entry] = []
    for f in levels:
        phrase = _phrase(model, f)
        if _AVERAGE.search(phrase):
            continue  # averages of parts do not add up to the average of the whole
        if b.whole and any(w in phrase for w in b.whole):
            continue  # 进出口 is the whole, not a part
        found = _named(phrase, b)
        if found is None:
            # 东部地区销售面积…; 销售额…: the part named earlier in the sentence still holds
            s_start, _ = model.sentence_span(f.sentence)
            before = model.norm[s_start:f.start]
            at = {i: max(before.rfind(s) for s in sp) for i, sp in enumerate(b.parts)}
            at = {i: a for i, a in at.items() if a >= 0}
            if not at:
                continue
            found = (max(at, key=lambda i: at[i]), "")
        i, spelling = found
        without = phrase.replace(spelling, "", 1) if spelling else phrase
        rest = words_only(_NOISE.sub("", _PERIOD_WORDS.sub("", without)))
        if len(rest) < 2 and not b.whole:
            continue  # 出口…, 进口…: the whole's own words (进出口) name the measure
        place = _place(phrase[:phrase.find(spelling)] if spelling and spelling in phrase else "")
        out.append(_Entry(f, i, rest, place))
    return out


def _place(words: str) -> str:
    """The place words before a name or measure: what is left when period and noise words are set aside."""
    return words_only(_PLACE_NOISE.sub("", _PERIOD_WORDS.sub("", words)))


def _fits(rest: str, anchor: str) -> bool:
    """A later part's measure is the anchor's or its last words (投资 for 房地产开发投资)."""
    return rest == anchor or (len(rest) >= 2 and anchor.endswith(rest))


def propose(model: Model) -> Iterator[Relation]:
    levels = [f for f in model.figs if f.role == "level"]
    every_part = tuple(s for b in PARTITIONS for sp in b.parts for s in sp)
    for b in PARTITIONS:
        if not all(any(sp in model.norm for sp in spellings) for spellings in b.parts):
            continue  # a part never named: no breakdown to read
        entries = _entries(model, levels, b)
        used: set[int] = set()
        for n, e0 in enumerate(entries):
            if e0.fig.idx in used:
                continue
            parts = _parts(b, e0, entries[n + 1:n + 1 + _MAX_ENTRIES])
            if parts is None or _listed_beyond(model, parts):
                continue
            used.update(p.fig.idx for p in parts)
            yield from _wholes(model, levels, b, parts, e0.rest, every_part)


def _listed_beyond(model: Model, parts: list[_Entry]) -> bool:
    """The breakdown goes on past its standard parts: 第一、二、三产业用电量…；城乡居民生活用电量370.4亿千瓦时 (the
    whole is the three sectors and the households). A further level of the parts' measure in the last part's
    sentence, not introduced by 其中, means the standard parts are not all of it."""
    last = max((p.fig for p in parts), key=lambda f: f.start)
    rest = parts[0].rest
    for g in model.in_sentence(last):
        if g.start <= last.end or g.role != "level" or g.unit.dims != last.unit.dims:
            continue
        phrase = _phrase(model, g)
        if "其中" in phrase or averaged(g) or changed(g) or same_period(g, last) is False:
            continue
        if len(rest) >= 2 and words_only(phrase).endswith(rest):
            return True
    return False


def _parts(b: Breakdown, e0: _Entry, after: list[_Entry]) -> list[_Entry] | None:
    """One figure for each part, the first being e0, printed with it (this paragraph or the next)."""

    def ends(e: _Entry) -> bool:
        # A breakdown is printed once: it ends where the first part is named again (出口…；当月…出口…进口).
        return e.fig.line - e0.fig.line > 1 or (e.part == e0.part and _fits(e.rest, e0.rest))

    window = takewhile(lambda e: not ends(e), after)
    near = [e for e in window if e.part != e0.part and e.fig.unit.dims == e0.fig.unit.dims
            and e.fig.period == e0.fig.period and _fits(e.rest, e0.rest)]
    chosen: dict[int, _Entry] = {e0.part: e0}
    for i in range(len(b.parts)):
        fits = [e for e in near if e.part == i]
        same = [e for e in fits if e.rest == e0.rest]
        pick = same or fits  # the part printed with the anchor's own words is the one meant
        if len(pick) == 1:
            chosen[i] = pick[0]
    if len(chosen) != len(b.parts):
        return None
    return [chosen[i] for i in range(len(b.parts))]


def _whole_words(b: Breakdown, rest: str) -> tuple[str, ...]:
    if b.whole:
        return b.whole
    if rest == _VALUE_ADDED:
        return _GDP
    return (rest[-4:],)


def _wholes(model: Model, levels: list[Fig], b: Breakdown, parts: list[_Entry], rest: str,
            every_part: tuple[str, ...]) -> Iterator[Relation]:
    first = min((p.fig for p in parts), key=lambda f: f.start)
    names = _whole_words(b, rest)
    measure = rest if b.whole else ""

    def candidate(w: Fig, back: int) -> bool:
        if not (w.start < first.start and first.line - w.line <= back and w.unit.dims == first.unit.dims
                and same_period(w, first) is not False):
            return False
        if planned(w) or averaged(w) or compared(w) or changed(w) != changed(first):
            return False  # a budget, a daily average, last year's level or a change: not what the parts make
        phrase = _phrase(model, w)
        words = words_only(phrase)
        if not any(n in words for n in names) or (measure and measure[-4:] not in words):
            return False
        stripped = phrase
        for n in b.whole:
            stripped = stripped.replace(n, "")
        if any(p in stripped for p in every_part):
            return False  # a part of a breakdown is not a whole
        # A level with siblings of its measure in its sentence (国有企业…利润；私营企业…利润) is a part itself.
        return not any(g is not w and g.role == "level" and g.unit.dims == w.unit.dims
                       and same_period(g, w) is not False and words_only(_phrase(model, g)).endswith(words[-4:])
                       for g in model.in_sentence(w))

    at = bisect.bisect_left(levels, first.start, key=lambda f: f.start)
    earlier = list(takewhile(lambda w: first.line - w.line <= _FAR_LINES_BACK, reversed(levels[:at])))[::-1]
    wholes = [w for w in earlier if candidate(w, _MAX_LINES_BACK)]
    if not wholes:
        place = parts[0].place
        far = [w for w in earlier if candidate(w, _FAR_LINES_BACK) and same_period(w, first) is True]
        wholes = [w for w in far if _place(_whole_place(model, w, names)) == place]
    names_shown = "、".join(b.parts[p.part][0] for p in parts)
    formula = " + ".join(f"{{{i}}}" for i in range(len(parts)))
    for w in wholes[-3:]:
        yield Relation("parts-of-a-breakdown", "sum", w, tuple(p.fig for p in parts), formula,
                       "error" if len(wholes) == 1 else "suggestion",
                       f"{names_shown}: {' + '.join(p.fig.shown for p in parts)} make up {w.shown}",
                       confirm=f"that {w.shown} is the whole of which these are the parts",
                       claim=f"partition:{first.idx}")


def _whole_place(model: Model, w: Fig, names: tuple[str, ...]) -> str:
    """The words of a whole's phrase before its measure (深圳上半年 in 深圳上半年GDP为)."""
    phrase = _phrase(model, w)
    ats = [phrase.find(n) for n in names if n in phrase]
    return phrase[:min(ats)] if ats else phrase
