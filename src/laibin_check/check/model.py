"""The figure model `check` pairs on: each printed figure with its role, measure words, entity and period.

Built on the figure scanner's mentions (figures.scan_report), never on a reading of its own: a mention's value,
qualifier and unit are the scanner's. What this adds is where the figure stands in the text (sentence, clause,
paragraph) and what the words around it say it is: a level, a growth rate, a share, a rate, a gap in
percentage points, a multiple or a rank; for which period (今年1-6月, 6月, 上年同期, 2020年); about what.
Everything here reads the normalised text (simplified script, half-width digits and punctuation), so one set
of words serves both scripts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

from laibin_check.figures import Mention, fact_sign, scan_report
from laibin_check.numbers import Interval, Printed, Readings, parse_printed
from laibin_check.report import ReportText, normalise
from laibin_check.units import Unit, resolve

Role = Literal["level", "growth", "share", "rate", "points", "times", "rank"]

SENTENCE_STOPS = "。!?\n"
CLAUSE_STOPS = ",;:。!?\n、"
"""In normalised text: full-width ，；： are folded to , ; : there."""

GROWTH_WORDS = ("增长", "成长", "增速", "下降", "减少", "回落", "提高", "上涨", "下跌", "同比", "环比", "增幅", "降幅",
                "涨幅", "增", "降", "涨", "跌", "回升", "上升", "扩大", "收窄", "拉动")
SHARE_WORDS = ("占比", "比重", "占", "份额", "比例", "增长面", "覆盖面")
"""增长面 (the share of units that grew) is a share, not a growth: it is found before 增长 in `_role`."""
_FIRST_MONTHS = r"(?<!提)前(?P<{}>\d{{1,2}}|两|[二三四五六七八九]|十[一二]?)个月"
"""前10个月 (前两个月, 前十一个月) is 1-10月; 提前10个月 (ten months early) and 前一个月 (the month before) are not."""
_PERIOD = re.compile(
    r"(?P<y1>\d{4})(?:年)?\s*[-—~至到]\s*(?P<y2>\d{4})年"
    r"|(?P<year>\d{4})年(?:(?P<yq>[一二三四1-4])季度|(?P<yh>上|下)半年|前三季度|" + _FIRST_MONTHS.format("yfm")
    + r"|(?P<ym1>\d{1,2})\s*(?:[-—~至到]\s*(?P<ym2>\d{1,2}))?月(?:份)?)?"
    r"|(?P<m1>\d{1,2})\s*(?:[-—~至到]\s*(?P<m2>\d{1,2}))\s*月(?:份)?"
    r"|" + _FIRST_MONTHS.format("fm") +
    r"|(?P<q>[一二三四1-4])季度|首季|(?P<h>上|下)半年|前三季度|(?P<mo>\d{1,2})月(?:份)?(?![\d日])"
    r"|(?P<rel>今年|去年同期|上年同期|去年|上年|前年|同期)"
)


_SPLIT_MAGNITUDE = re.compile(r"\d[亿兆]\d")
"""A number written with two magnitudes (186亿4200万千瓦时, 1兆2360亿): read as two, so neither is a figure here."""
_SPANS = frozenset(("年", "个月", "月", "天", "日", "周", "小时", "分钟", "岁", "秒"))


_COUNTED_PLACE = re.compile(r"(省份|省区市|省市|省区|省|市|县|国|城市|地市)(?!长|委|场|民|值|区|级|内|外|际|家|政)")
"""A bare whole number right before one of these counts places (6省, 9市, 7省份); not 3市长, 2国家级."""


_BARE_SHARES = re.compile(r"(结构|比例|构成)(比)?(由[^,;。]{0,30}?(调整|变化|变))?(为|是)?(\d+(\.\d+)?:){0,3}$")
"""三次产业结构为10.9:42.2:46.9 (由上年的…调整为10.9:42.2:46.9): the numbers of a structure are percentages printed
without %. The year before's, right after 由, are left bare: nothing this reads pairs them."""
_BARE_RATIO = re.compile(r"(收入比|收入之比|之比|比值|倍差)"
                         r"(由[^,;。]{0,16}?(缩小|下降|降低|扩大|上升)(到|至)|为|是|达)?$")
"""城乡居民收入比为2.11 (由上年的2.17缩小至2.13): a quotient printed as a plain number; the year before's stays bare."""


def _bare_unit(before: str) -> str:
    """The unit a bare number's wording gives it (in normalised text), or "" when it gives none."""
    if _BARE_SHARES.search(before):
        return "%"
    if _BARE_RATIO.search(before):
        return "倍"
    return ""


_COMPARED = re.compile(r"(比|较|于|以|与)(\d{4}年)?$")
"""比2019年同期: the base of a comparison, 同期 included, is not the period of the figures that follow."""
_FROM_END = re.compile(r"[到至为,;。]")
"""由上年的172.36亿元增加到185.60亿元: a period right after 由 is the starting level's; it ends at the 到 (至, 为) of
its clause, and what follows is of the period named before it."""


class Fig(NamedTuple):
    """One figure of the report, read in context."""

    idx: int
    mention: Mention
    unit: Unit
    printed: Printed
    interval: Interval
    """What the figure stands for, in base units (元, items, a plain fraction for %)."""
    role: Role
    start: int
    end: int
    """The printed phrase, in normalised offsets."""
    line: int
    column: int
    """Where the phrase starts: 1-based line and column (characters) of the original text."""
    sentence: int
    clause: int
    label: str
    """The words of its clause before it (normalised), up to 40 characters."""
    context: str
    """Its sentence's words before it (normalised)."""
    period: str
    """A period key: "2021", "2021M1-3", "M6", "prior", or "" when the text names none before it."""

    @property
    def fact_unit(self) -> str:
        return self.unit.name

    @property
    def value(self) -> str:
        return self.mention.value

    @property
    def shown(self) -> str:
        return f"{self.mention.value}{self.unit.name}"


class Model:
    """The figures of one report, with the text they were read from."""

    def __init__(self, report: ReportText, readings: Readings | None = None) -> None:
        self.report = report
        self.norm, self.offsets = report.normalised
        self.readings = readings or Readings()
        self._sentence_starts = [0] + [i + 1 for i, c in enumerate(self.norm) if c in SENTENCE_STOPS]
        self._clause_starts = [0] + [i + 1 for i, c in enumerate(self.norm) if c in CLAUSE_STOPS]
        self.figs: list[Fig] = []
        # 比2019年同期增长: a base of comparison, not the period of the figures that follow.
        self._periods = [(m.start(), m.end(), _period_key(m)) for m in _PERIOD.finditer(self.norm)
                         if not _COMPARED.search(self.norm[max(0, m.start() - 8):m.start()])]
        self._period_starts = [p[0] for p in self._periods]
        self._period_ends = [self._scope_end(s, e, key) for s, e, key in self._periods]
        years = [k for _, _, k in self._periods if k[:4].isdigit()]
        self.year = years[0][:4] if years else ""
        mentions = scan_report(report)
        borrowed = _borrowed_units(self.norm, mentions, report)
        for i, m in enumerate(mentions):
            fig = self._fig(m, borrowed.get(i))
            if fig is not None:
                if self.figs and fig.role == "rate" and fig.unit.kind == "rate":
                    fig = self._listed_after(self.figs[-1], fig)
                self.figs.append(fig)

    # -- positions ------------------------------------------------------------------------------------------
    def to_norm(self, offset: int) -> int:
        return bisect.bisect_left(self.offsets, offset)

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self._sentence_starts, pos) - 1

    def sentence_span(self, sentence: int) -> tuple[int, int]:
        start = self._sentence_starts[sentence]
        end = self._sentence_starts[sentence + 1] if sentence + 1 < len(self._sentence_starts) else len(self.norm)
        return start, end

    def clause_of(self, pos: int) -> int:
        return bisect.bisect_right(self._clause_starts, pos) - 1

    def between(self, a: Fig, b: Fig) -> str:
        """The normalised words between two figures' phrases."""
        return self.norm[a.end:b.start]

    def after(self, f: Fig, width: int = 12) -> str:
        return self.norm[f.end:f.end + width]

    def in_sentence(self, f: Fig) -> list[Fig]:
        return [g for g in self._by_sentence.get(f.sentence, ())]

    def sentence_figs(self, sentence: int) -> list[Fig]:
        """The figures of sentence number `sentence`, in text order: looked up, not a pass over every figure
        (a rule that looks near each of many places stays linear in the report's length)."""
        return list(self._by_sentence.get(sentence, ()))

    @property
    def _by_sentence(self) -> dict[int, list[Fig]]:
        cached = getattr(self, "_by_sentence_cache", None)
        if cached is None:
            cached = {}
            for f in self.figs:
                cached.setdefault(f.sentence, []).append(f)
            self._by_sentence_cache = cached
        return cached

    # -- reading one figure ----------------------------------------------------------------------------------
    def _fig(self, m: Mention, borrowed: str | None = None) -> Fig | None:
        if m.kind not in ("figure", "rank") or not m.needs_claim:
            return None
        start, end = self.to_norm(m.phrase_start), self.to_norm(m.phrase_end)
        if _SPLIT_MAGNITUDE.match(self.norm, max(0, start - 2)) or _SPLIT_MAGNITUDE.match(self.norm, max(0, end - 2)):
            return None  # 186亿4200万千瓦时: one number the scanner reads as two; neither half is paired
        unit_text = borrowed or m.unit or ""
        if m.kind == "rank":
            unit_text = "位"
        try:
            unit = resolve(unit_text) if unit_text else resolve("个")
        except (KeyError, ValueError):
            return None
        if not m.unit and m.kind == "figure" and _COUNTED_PLACE.match(self.norm, self.to_norm(m.phrase_end)):
            unit_text = "个"  # 江西、福建2省, 甲、乙等9市(州): places counted without a classifier
        elif not m.unit and m.kind == "figure":
            at = self.to_norm(m.phrase_start)
            unit_text = _bare_unit(self.norm[max(0, at - 48):at])
            if not unit_text:
                return None  # a bare number names nothing we can pair safely
            unit = resolve(unit_text)
        if m.base_unit in _SPANS:
            return None  # 两年平均, 近10年, 3个月: spans of time are not quantities reports add up
        try:
            printed = parse_printed(m.value, integer=unit.integer, readings=self.readings)
        except ValueError:
            return None
        sentence = self.sentence_of(start)
        clause = self.clause_of(start)
        s_start = self._sentence_starts[sentence]
        label = self.norm[self._clause_starts[clause]:start][-40:]
        context = self.norm[s_start:start]
        role = _role(m, unit, label)
        line, column = self.report.place(m.phrase_start)
        return Fig(len(self.figs), m, unit, printed, printed.interval.scale(unit.scale), role, start, end, line,
                   column, sentence, clause, label, context, self._period_at(start, line))

    def names_period(self, start: int, end: int) -> bool:
        """Whether a period is named in [start, end) of the normalised text (a sentence that dates its own figures,
        rather than inheriting the last period its paragraph named)."""
        at = bisect.bisect_left(self._period_starts, start)
        return at < len(self._period_starts) and self._period_starts[at] < end

    def period_of(self, offset: int) -> str:
        """The period key for a place in the original text (see _period_at): `extract` writes it as a fact's."""
        return self._period_at(self.to_norm(offset), 0)

    @property
    def first_period(self) -> str:
        """The first period the report names (its own period, in the genre), or ""."""
        return next((key for _, _, key in self._periods if key not in ("", "same")), "")

    def _listed_after(self, prev: Fig, fig: Fig) -> Fig:
        """A rate printed in a list right after another (分别增长20.0%、17.9%和6.3%) is what the list's first is:
        the words that name the role stand once, before the first."""
        gap = self.norm[prev.end:fig.start].strip()
        if prev.sentence == fig.sentence and prev.unit.kind == "rate" and gap in _JOINERS:
            return fig._replace(role=prev.role)
        return fig

    def _scope_end(self, start: int, end: int, key: str) -> int:
        """Where a period named at [start, end) stops applying: at the 到 of 由上年的X增加到Y; at the end of its
        sentence for the year before (上年全省生产总值为30912.4亿元。分产业看，… is the report's own year again);
        else never."""
        never = len(self.norm) + 1
        if self.norm[start - 1:start] == "由":
            m = _FROM_END.search(self.norm, end)
            return m.start() + 1 if m is not None and m.group(0) in "到至为" else never
        if key == "prior":
            at = bisect.bisect_right(self._sentence_starts, start)
            return self._sentence_starts[at] if at < len(self._sentence_starts) else never
        return never

    def _period_at(self, pos: int, line: int) -> str:
        """The last period named before `pos` in its line (paragraph); else "" (the report's main period)."""
        at = bisect.bisect_right(self._period_starts, pos) - 1
        line_start = self.norm.rfind("\n", 0, pos) + 1
        while at >= 0:
            s, e, key = self._periods[at]
            if s < line_start:
                return ""
            if key == "same" and e <= pos:
                at -= 1  # 同期: the period named last, wherever it was
                line_start = 0
                continue
            if s < line_start:
                return ""
            if e <= pos and key and pos < self._period_ends[at]:
                return key
            at -= 1
        return ""


_MAGNITUDES = ("万亿", "亿", "万")


def _borrowed_units(norm: str, mentions: list[Mention], report: ReportText) -> dict[int, str]:
    """Units for figures printed with a magnitude alone (分别为972.4万、1076.62万), borrowed from the nearest
    figure of the same sentence printed with the same magnitude and a unit (少近100万人): the genre leaves the
    unit out of a list when the sentence names it once."""
    out: dict[int, str] = {}
    bare = [i for i, m in enumerate(mentions) if m.kind == "figure" and normalise(m.unit) in _MAGNITUDES]
    if not bare:
        return out
    stops = SENTENCE_STOPS
    for i in bare:
        mag = normalise(mentions[i].unit)
        best: tuple[int, str] | None = None
        for j in range(max(0, i - 8), min(len(mentions), i + 9)):
            m = mentions[j]
            unit = normalise(m.unit)
            if j == i or m.kind != "figure" or not unit.startswith(mag) or unit == mag:
                continue
            if unit[len(mag):].startswith(("亿", "万")):
                continue
            lo, hi = sorted((m.start, mentions[i].start))
            if any(c in stops for c in report.text[lo:hi]):
                continue
            distance = abs(j - i)
            if best is None or distance < best[0]:
                best = (distance, m.unit)
        if best is not None:
            out[i] = best[1]
    return out


def _role(m: Mention, unit: Unit, label: str) -> Role:
    if m.kind == "rank":
        return "rank"
    if unit.kind == "points":
        return "points"
    if unit.kind == "times":
        return "times"
    if unit.kind == "rate":
        tail = label[-12:]
        share_at = max(tail.rfind(w) for w in SHARE_WORDS)
        growth_at = max(tail.rfind(w) for w in GROWTH_WORDS)
        if share_at >= 0 and share_at >= growth_at:
            return "share"
        if growth_at >= 0:
            return "growth"
        return "rate"
    return "level"


def _months(text: str) -> int:
    """The number of months of 前N个月: 10, 两, 十, 十二."""
    if text.isdigit():
        return int(text)
    if text == "两":
        return 2
    digits = "一二三四五六七八九"
    if text.startswith("十"):
        return 10 + (digits.index(text[1]) + 1 if len(text) > 1 else 0)
    return digits.index(text[0]) + 1


def _period_key(m: re.Match[str]) -> str:
    g = m.groupdict()
    text = m.group(0)
    if g["y1"]:
        return f"{g['y1']}-{g['y2']}"
    if g["year"]:
        y = g["year"]
        if g["yq"]:
            q = "一二三四".find(g["yq"]) + 1 or int(g["yq"])
            return f"{y}M1-{3 * q}" if q == 1 else f"{y}Q{q}"
        if g["yh"]:
            return f"{y}M1-6" if g["yh"] == "上" else f"{y}H2"
        if "前三季度" in text:
            return f"{y}M1-9"
        if g["yfm"]:
            return f"{y}M1-{_months(g['yfm'])}"
        if g["ym1"]:
            return f"{y}M{int(g['ym1'])}" + (f"-{int(g['ym2'])}" if g["ym2"] else "")
        return y
    if g["m1"]:
        return f"M{int(g['m1'])}-{int(g['m2'])}"
    if g["fm"]:
        return f"M1-{_months(g['fm'])}"  # 前10个月 is 1-10月
    if g["q"]:
        q = "一二三四".find(g["q"]) + 1 or int(g["q"])
        return "M1-3" if q == 1 else f"Q{q}"
    if text == "首季":
        return "M1-3"
    if g["h"]:
        return "M1-6" if g["h"] == "上" else "H2"
    if text == "前三季度":
        return "M1-9"
    if g["mo"]:
        return f"M{int(g['mo'])}"
    rel = g["rel"] or ""
    return "prior" if rel in ("去年", "上年同期", "上年", "去年同期", "前年") else ("same" if rel == "同期" else "")


def same_period(a: Fig, b: Fig) -> bool | None:
    """True when both name the same period, False when they name different ones, None when unknown."""
    pa, pb = a.period, b.period
    if pa == "same" or pb == "same":
        return None
    if {pa, pb} == {"prior", ""}:  # 上年 against the report's own period (named or not): two different years
        return False
    if not pa or not pb:
        return None if pa != pb else True
    return _strip_year(pa) == _strip_year(pb) and (pa[:4] == pb[:4] or not (pa[:4].isdigit() and pb[:4].isdigit()))


def _strip_year(key: str) -> str:
    return key[4:] if key[:4].isdigit() else key


def word_char(c: str) -> bool:
    """A character of a name: CJK, or a Latin letter (GDP, PMI)."""
    return "\u4e00" <= c <= "\u9fff" or (c.isascii() and c.isalpha())


def words_only(text: str) -> str:
    return "".join(c for c in text if word_char(c))


def longest_common(a: str, b: str) -> int:
    """Length of the longest common run of name characters (short strings: labels)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            piece = a[i:j]
            if not all(word_char(c) for c in piece) or piece not in b:
                break
            best = j - i
    return best


def figures_between(figs: Sequence[Fig], a: int, b: int) -> list[Fig]:
    """Figures whose phrase lies within normalised [a, b)."""
    return [f for f in figs if a <= f.start and f.end <= b]


_JOINERS = ("、", "和", "及", "以及", "与", ",", "、和")


class Run(NamedTuple):
    """Figures printed as one list (5%、6%和7%), with the items a 分别 before them names, if any."""

    figs: tuple[Fig, ...]
    items: tuple[str, ...]
    """The 、-list before 分别 (甲、乙、丙), or () when the list has no 分别."""
    verb: str
    """The words between 分别 and the first figure: 增长, 为, 占."""


def runs(model: Model) -> list[Run]:
    """Every list of two or more figures of one role and unit family joined only by 、/和/及, in text order."""
    out: list[Run] = []
    current: list[Fig] = []

    def flush() -> None:
        if len(current) >= 2:
            out.append(_run(model, current))

    for f in model.figs:
        if current:
            prev = current[-1]
            gap = model.norm[prev.end:f.start].strip()
            # A figure with no words of its own (增长4.1%、5.6%: its label is empty) continues the list whatever
            # role its bare print reads as.
            if (prev.sentence == f.sentence and gap in _JOINERS and (prev.role == f.role or not f.label.strip())
                    and prev.unit.dims == f.unit.dims):
                current.append(f)
                continue
            flush()
        current = [f]
    flush()
    return out


def _run(model: Model, figs: list[Fig]) -> Run:
    first = figs[0]
    before = first.label
    at = before.rfind("分别")
    if at < 0:
        return Run(tuple(figs), (), "")
    verb = before[at + 2:]
    # The items: the clause before 分别 (and before the subject's verb), split on 、 and a last 和/及.
    s_start, _ = model.sentence_span(first.sentence)
    head = model.norm[s_start:first.start - len(before) + at]
    head = re.split(r"[,;:]", head)[-1] if re.search(r"[,;:]", head) else head
    head = _ordinal_items(head)  # head runs up to 分别: it holds the clause's words before it already
    items = [x.strip() for x in re.split(r"、|(?:和|及|与)(?=[^、]*$)", head) if x.strip()]
    items = [re.sub(r"^(其中|全市|全区|全省|全国)", "", x) for x in items]
    return Run(tuple(figs), tuple(items), verb)


_ORDINAL_LIST = re.compile(r"第?([一二三])((?:、[一二三])+)产业")


def _ordinal_items(head: str) -> str:
    """第一、二、三产业 written out as 第一产业、第二产业、第三产业: the genre names the three sectors once."""
    def spell(m: re.Match[str]) -> str:
        return "、".join(f"第{n}产业" for n in [m.group(1), *m.group(2).split("、")[1:]])

    return _ORDINAL_LIST.sub(spell, head)


def run_of(model: Model, f: Fig) -> Run | None:
    for r in model_runs(model):
        if f in r.figs:
            return r
    return None


def model_runs(model: Model) -> list[Run]:
    cached: list[Run] | None = getattr(model, "_runs_cache", None)
    if cached is None:
        cached = runs(model)
        model._runs_cache = cached  # type: ignore[attr-defined]
    return cached


def is_up(words: str) -> bool | None:
    """The direction a comparative names: True for 高/多/快/提高, False for 低/少/慢/回落, None if unclear."""
    up = any(w in words for w in ("高", "多", "快", "提高", "加快", "扩大", "增加", "上升", "回升", "超过",
                                   "超出", "领先", "提升", "增长", "上涨", "增"))
    down = any(w in words for w in ("低", "少", "慢", "回落", "下降", "放缓", "收窄", "减少", "下滑", "降低",
                                     "落后", "缩小"))
    if up == down:
        return None
    return up


_PLANNED = re.compile(r"((预算|计划|目标|任务)(?!收入|支出|执行|草案|内|外)[^,;:。]{0,6}|调整(为|到|至))$")
_AVERAGED = re.compile(r"(日均|月均|周均|人均|户均|亩均|平均|均价)")
_CHANGED = re.compile(r"(增加|减少|增长|下降|净增|净减|增量|提高|回落|多|少)了?"
                      r"(\d[\d.]*[^\d,;:。]{0,4}(和|、|及|与))*$")
_COMPARED_TERM = re.compile(r"(?<![同环])(比|较)(?!重|例|率|值)[^,;:。比较]{1,12}$"
                            r"|(上年同期|去年同期|上年末|去年末|上年|去年|年初)(为|是)$"
                            r"|由(上年|去年|\d{4}年)[^,;:。]{0,6}$"
                            r"|(相当于|恢复至|恢复到)(上年|去年|\d{4}年)(同期)?(水平)?\($")
_NETTED = re.compile(r"(顺差|逆差|差额|净出口|净进口|结余|净流入|净流出)[^,;:。]{0,4}$")


def planned(f: Fig) -> bool:
    """A level a plan sets, not one the period reached: 年初预算为182000万元, 调整为185000万元, 计划投资, 目标任务.
    Names that hold 预算 (一般公共预算收入, 预算执行) are measures, not plans."""
    return _PLANNED.search(f.label) is not None


def averaged(f: Fig) -> bool:
    """A level averaged over days, people or units (日均18.06亿元, 人均, 户均, 平均): never a whole of totals, and
    never the total it averages."""
    return _AVERAGED.search(f.label) is not None


def changed(f: Fig) -> bool:
    """A level printed as a change (比年初增加6286.8亿元, 比常住人口多33.74万人, 增量; 分别增加398.72亿元和286.93亿元
    for both): a whole or a part only of other changes."""
    return _CHANGED.search(f.label) is not None


def compared(f: Fig) -> bool:
    """A figure printed as the term a comparison is made against (比上年同期末的56131.9亿元, 增速比上半年的7.1%,
    较2019年同期的612.40万标箱, 上年为50076万吨, 由上年末的6032.1万户, 相当于2019年（6538.2亿元）): the other
    period's figure, never the sentence's subject nor its whole."""
    return _COMPARED_TERM.search(f.label) is not None and not changed(f)  # 比年初增加X is a change, not a term


def netted(f: Fig) -> bool:
    """A balance of two flows (贸易顺差225.43亿元, 差额, 净出口, 结余): never the sum of the parts after it."""
    return _NETTED.search(f.label) is not None


def real_growth(words: str) -> bool:
    """The words name GDP or value added, whose growth statistics give in real terms (at constant prices): a
    growth beside two nominal levels, or beside a nominal increase, need not match them."""
    return any(w in words for w in ("生产总值", "GDP", "gdp", "增加值"))


def signed(f: Fig) -> bool:
    """The engine reads `f` as negative: a fall word stands right before it (下降9.7% is -9.7%, 减少14万人 is
    -14万人, 回落0.4个百分点 is -0.4; figures.fact_sign, the facts files' rule of signs)."""
    return fact_sign(f.mention, f.value) < 0


def rising(stated: Fig, up: bool) -> bool:
    """Whether a change stated as `stated` is new - old (new / old - 1 for a growth): when the change is up, and
    when the stated figure carries its fall's sign (由317.22亿元减少到286.45亿元, 减少30.77亿元: -30.77 =
    286.45 - 317.22). Only a fall stated without a fall word (比上年少30亿元, 比总水平低3.4个百分点) is its size,
    old - new. One rule for every relation of a stated change, so none reads a fall's sign twice."""
    return up or signed(stated)


def listed(model: Model, first: Fig, candidates: Sequence[Fig]) -> list[Fig]:
    """`first` and the figures after it listed with it: 小学12所、中学8所和职校3所 (names between, joined by
    、/和/及, no comma or stop)."""
    out = [first]
    for f in candidates:
        if f.start <= out[-1].start:
            continue
        gap = model.norm[out[-1].end:f.start]
        if any(c in ",;:。!?\n" for c in gap) or not re.match(r"^(、|和|及|以及|与)", gap.strip()):
            break
        out.append(f)
    return out
