"""The figure scanner: every number a report prints, with its qualifier, magnitude, unit and a guess at what
kind of thing it is (a figure, a rank, a record, a date, a period, a name), in either script.

The scan runs on the normalised text (converter artifacts dropped, simplified script, half-width digits), so
one
set of rules serves simplified and traditional reports alike; offsets are mapped back to the original text.

What counts:
* Every Arabic number (half- or full-width) is a mention and must be accounted for: a fact claims it or a
  not-claim declares it (a date, a name such as "2+6", a title).
* A Chinese numeral is a mention only when it counts or measures something: followed by a classifier or unit
  (三張清單, 三成, 兩倍, 十年), a rank (第四位), or 百分之N. Names and slogans (十四五, 兩高一超, 三江口,
  四上) are
  not figures: a run that is not a well-formed numeral, or a numeral followed by no unit, is never a figure.
* 一 (one) is by far the commonest numeral and mostly not a number at all (一批批, 一言以蔽之, 一線, 統一,
  一名黨員就是一面旗幟: "a", "the whole", "once"). A bare 一 is therefore a figure only in three cases: a rank
  (第一位, 第一名), a fraction or multiple (一成, 一倍), or a count in a distributive or counting context,
  right after
  分別/各/每/僅/只/共/合計 (分別組建一個產業集群). 一 inside a larger numeral (十一, 一百) counts as any digit
  does.
* 近 before a number of years (近11年, 近十年) means "the recent N years", not "nearly N": no qualifier is
read.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from fractions import Fraction
from typing import NamedTuple

from laibin_check.errors import InputError
from laibin_check.limits import MAX_DIGITS, MAX_FIGURES
from laibin_check.numbers import MAGNITUDE_WORDS, QUALIFIER_WORDS, QUALIFIERS, parse_chinese_numeral, split_magnitude
from laibin_check.report import ReportText, Span, normalise, normalise_with_offsets, strip_artifacts

# -- vocabulary (simplified script: the scan runs on normalised text)
# -------------------------------------------

# Qualifiers come from numbers.QUALIFIERS, the one table of them (simplified script, longest first).
PREFIX_QUALIFIERS = tuple(w for w in QUALIFIER_WORDS if QUALIFIERS[w][0] == "before")
"""Qualifiers written before the number; 高达 is emphasis, kept so the quote reads naturally but read as
exact."""
_NOT_A_QUALIFIER = {w for w, (_, k) in QUALIFIERS.items() if k == "exact"}
SUFFIX_QUALIFIERS = tuple(w for w in QUALIFIER_WORDS if QUALIFIERS[w][0] == "right")
POST_QUALIFIERS = tuple(w for w in QUALIFIER_WORDS if QUALIFIERS[w][0] == "after")
MAGNITUDES = tuple(w for w in MAGNITUDE_WORDS if not set(w) & set("萬億"))
"""萬, 億, 萬億, 千億 ... in simplified script (numbers.MAGNITUDES), longest first."""

FALL_WORDS = ("负增长", "负成长", "下降", "减少", "回落", "下滑", "下跌", "降低", "缩减", "降", "减", "跌")
"""A figure right after one of these (下降5%, 同比减少3個, 回落了0.2個百分點) states a fall: its sign is -1.
下降至/降到 N names the level reached, not the fall, so a word must stand right before the number (了 aside)."""


def _by_last(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`words` by their last character, each keeping its order in `words`: only the words ending with the
    character before a number can stand right before it (a dozen startswith calls spared per number)."""
    out: dict[str, tuple[str, ...]] = {}
    for w in words:
        out[w[-1]] = (*out.get(w[-1], ()), w)
    return out


_PREFIX_BY_LAST = _by_last(PREFIX_QUALIFIERS)
_FALL_BY_LAST = _by_last(FALL_WORDS)
_COMPARED = ("水平", "平均", "增速", "增幅", "速度")
"""超過18.3%的全國平均水平: 超過 compares with a figure printed as it is (18.3% stays exact)."""

def _table_units() -> list[str]:
    from laibin_check.units import UNIT_NAMES, simplified  # a plain table: pint loads only when a unit is resolved

    return [u for u in {simplified(u) for u in UNIT_NAMES} if split_magnitude(u)[0] == 1 and not u.isascii()]


# Rates and measures first, then classifiers; the longest match wins, so order within a length does not
# matter.
_RATE_UNITS = ("个百分点", "百分点", "%", "‰", "成", "倍")
_MEASURE_UNITS = (
    "元", "美元", "港元", "欧元", "吨", "公斤", "千克", "克", "亩", "公顷", "平方公里", "平方米", "立方米",
    "公里",
    "千米", "米", "千瓦时", "千瓦", "度", "标箱", "升", "桶",
)
_CLASSIFIERS = (
    "个", "家", "名", "位", "次", "项", "张", "条", "件", "所", "座", "台", "辆", "艘", "架", "套", "批",
    "份",
    "户", "人次", "人", "头", "株", "块", "场", "届", "轮", "支", "队", "组", "类", "种", "篇", "部", "本",
    "单",
    "处", "栋", "间", "层", "笔", "宗", "例", "起", "大", "年", "个月", "天", "周", "小时", "分钟", "岁",
)
UNITS: tuple[str, ...] = tuple(
    sorted(set(_RATE_UNITS + _MEASURE_UNITS + _CLASSIFIERS) | set(_table_units()), key=lambda u: (-len(u), u))
)
"""Every unit the scanner reads after a number: its own lists, and every unit of units.py's table (simplified,
without magnitude), so a unit the facts loader knows is never cut off (1100億斤, 萬標箱)."""
_UNITS_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _unit in UNITS:
    _UNITS_BY_FIRST[_unit[0]] = (*_UNITS_BY_FIRST.get(_unit[0], ()), _unit)
"""UNITS by first character, each in UNITS' order (longest first): the units that can start at a place."""
COUNT_UNITS = frozenset(_CLASSIFIERS) - {"年", "个月", "天", "周", "小时", "分钟", "岁", "大"} | {"大"}
"""Units of whole things: a count is an integer."""

# Numeral idioms (成語) that hold a numeral followed by a classifier-looking character; matched on normalised
# text.
IDIOMS = (
    "一言以蔽之", "四面八方", "三番五次", "五湖四海", "千方百计", "一心一意", "三心二意", "七上八下",
    "十全十美",
    "千家万户", "万无一失", "一帆风顺", "九牛一毛", "三令五申", "四通八达", "五花八门", "七嘴八舌",
    "一举两得",
    "两全其美", "三三两两", "千丝万缕", "万众一心", "一如既往", "一以贯之", "一成不变", "一五一十",
    "接二连三",
    "说一不二", "独一无二", "数一数二", "首屈一指", "一清二楚", "一干二净", "九死一生", "半斤八两",
    "十拿九稳",
    "三天两头", "一日千里", "千军万马", "千头万绪", "千变万化", "千差万别", "一模一样", "一年四季", "一五年",
)

_CN_DIGIT = "零〇一二两三四五六七八九"
_CN_RUN = re.compile(f"[{_CN_DIGIT}十百千万亿]+")
_COUNTING = re.compile(f"[{_CN_DIGIT}十]")
"""A digit or 十 in a run: 百姓, 千方百计 and a magnitude alone hold none."""
# The number patterns below open with the digit and look behind it second ((?<![\d.]\d): no digit or point before
# this digit): a pattern that opens with a character class lets the regex engine skip ahead to the next digit in C,
# where one that opens with a lookbehind is tried at every character of the text (4 times slower on a report).
_ARABIC = re.compile(r"\d(?<![\d.]\d)(?:\d*(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d*(?:\.\d+)?)")
_FORMULA = re.compile(r"\d(?<!\d\d)\d*(?:\s*[+×x*/]\s*\d+)+(?:\s*(?:>|<|=|>=|<=)\s*\d+)?")
"""Starts only where a digit run starts: tried at every digit of a 20,000-digit run, it took 11 s (issue 13)."""
_WELL_FORMED = re.compile(
    # a positional numeral: [d千][零][d百][零][d十][d], with 万 and 亿 sections; 十 may stand without its 一
    # (百 and 千 too, as in 近百個, 逾千家: whether such a run is a figure is then decided by what follows it)
    # sections are joined by 万/亿 only (一一 of 唯一一個 is two numerals, not one); 一萬二 and 三千五 abbreviate
    r"^(?:(?:[一二两三四五六七八九]?千)?零?(?:[一二两三四五六七八九]?百)?零?(?:[一二两三四五六七八九]?十)?"
    r"零?[一二两三四五六七八九]?(?:万亿|亿|万))*"
    r"(?:(?:[一二两三四五六七八九]?千)?零?(?:[一二两三四五六七八九]?百)?零?(?:[一二两三四五六七八九]?十)?"
    r"零?[一二两三四五六七八九]?)$"
)
_YEAR_DIGITS = re.compile(f"^[{_CN_DIGIT}]{{4}}$")
_NAME_SUFFIXES = ("热线", "号线", "国道", "省道", "高速", "路", "号", "届", "强")
# Numbers that label rather than count (see _Scanner.labels): month and quarter enumerations (7、8、9三個月,
# 4季度, 1-3月), age groups (16-24歲, 0~14歲, 60歲及以上), list and note numbers (1、 （1） 表1 注2).
# Repetitions are bounded, so a long run of digits or separators is scanned in linear time. Each pattern opens with
# the digit (or the list mark's parenthesis) and looks behind it second, as _ARABIC does.
_ENUM_LABELS = re.compile(
    r"\d(?<![\d.]\d)(?:\d?(?:[、,和及]\d{1,2}){1,11}(?=(?:[一二三四五六七八九十两]{1,3}个)?月)|(?=季度))"
)
_AGE_GROUP = re.compile(
    r"\d(?<![\d.]\d)\d{0,2}(?:\s?[-~—至到]\s?\d{1,3}\s?周?岁|\s?周?岁(?:及?以[上下]|人口|组|人群|年龄))"
)
_LIST_MARK = re.compile(r"[(（\d](?<![^\s。;;:：!?][(（\d])(?:(?<=[(（])\d{1,3}|(?<=\d)\d{0,2})(?:[、)）]|\.(?!\d))")
"""A list mark at a line's start or after a stop: （1） 1、 1. ; opening with its first character as _ARABIC does."""
_NOTE_LABEL = re.compile(r"(?:附表|附图|附件|表|图|注)\s?\d{1,3}(?![\d.])")
_TERM_AFTER_YEARS = ("平均", "复合")
"""兩年平均增長: the two years belong to the term (a two-year average), they are not a figure."""
_DISTRIBUTIVE = ("唯一", "分别", "各", "每", "仅", "只", "共", "合计")
_RANK_CONTEXT = ("排", "居", "列", "位居", "位列")


class Mention(NamedTuple):
    """One number in the report. Offsets are into the original text."""

    start: int
    end: int
    """The value as a fact writes it: a prefix qualifier and the number and a 多/餘 right after it (380多,
    超過380,
    四 of 第四位), without magnitude or unit."""
    text: str
    """The original text of [start, end)."""
    number: str
    """The bare number, digits folded to half-width, separators removed: "380", "167.14", "四"."""
    qualifier: str
    """As written in the report (多, 餘, 近, 超過, 以上 ...), or ""."""
    unit: str
    """Magnitude and unit as written, artifacts removed: "億元", "%", "個百分點", "家", "位"; "" when none."""
    kind: str
    """figure | rank | record | date | period | name."""
    reason: str
    """For mentions that are not claims: date | period | name | slogan | title; "" otherwise."""
    phrase_start: int
    phrase_end: int
    """The whole printed phrase: 第, qualifiers, number, magnitude, unit, 以上/左右."""
    chinese: bool
    """Written in Chinese numerals."""
    sign: int = 1
    """-1 when the figure states a fall: a printed minus (−19.4%) or a fall word before it (下降, 減少, 回落 ...)."""
    sign_word: str = ""
    """What made it negative: "-" or the fall word (simplified); "" for a rise or a level."""
    repeat_of: int = -1
    """The start of the same mention where its sentence was printed first (a title repeated as the first body
    line, 原標題, a sentence printed twice), or -1: a repeat is the same text, not a new figure."""

    @property
    def needs_claim(self) -> bool:
        """Every Arabic number must be accounted for; a Chinese numeral only when it is a figure, rank or
        record."""
        if self.repeat_of >= 0:
            return False
        return not self.chinese or self.kind in ("figure", "rank", "record")

    @property
    def value(self) -> str:
        """The figure as a fact's `value` writes it: "380多", "超過380", "四", verbatim (full-width digits and
        separators kept, so the value is found in its quote as printed); a qualifier printed after the unit
        (5%左右, 1.2萬餘人, 七成以上) is appended to the number: "5左右"."""
        if self.qualifier and self.qualifier_after and not self.text.endswith(self.qualifier):
            return self.number + self.qualifier
        return self.text

    @property
    def qualifier_after(self) -> bool:
        return bool(self.qualifier) and normalise(self.qualifier) in SUFFIX_QUALIFIERS + POST_QUALIFIERS

    @property
    def decimals(self) -> int:
        for point in (".", "点", "點"):
            if point in self.number:
                return len(self.number.split(point)[1])
        return 0

    @property
    def magnitude(self) -> Fraction:
        """10^4 for 萬, 10^8 for 億, 10^12 for 萬億, else 1."""
        return Fraction(split_magnitude(normalise(self.unit))[0])

    @property
    def base_unit(self) -> str:
        """The unit without magnitude, normalised: "元", "%", "个百分点", "个"."""
        return split_magnitude(normalise(self.unit))[1]

    @property
    def number_value(self) -> Fraction:
        """The number as printed, with a printed minus: -19.4 for −19.4%, 5 for 下降5%."""
        if self.chinese:
            from laibin_check.numbers import parse_printed

            return parse_printed(self.number).number  # 二點五 too
        return Fraction(self.number)

    @property
    def signed_value(self) -> Fraction:
        """What the figure states, signed: -5 for 下降5%, -19.4 for −19.4% and for 下降−19.4% alike."""
        return abs(self.number_value) * self.sign




def scan_report(report: ReportText) -> list[Mention]:
    """The mentions of a report, computed once per ReportText."""
    cached = report.cache.get("figures")
    if cached is None:
        norm, offsets = report.normalised  # the report's own normalisation, computed once
        cached = _Scanner(report.text, norm, offsets).run()
        if len(cached) > MAX_FIGURES:  # checked once, here, for every command that reads a report's figures
            line, column = report.place(cached[MAX_FIGURES].start)
            raise InputError(report.display_path, f"report holds more than {MAX_FIGURES:,} figures (the limit of "
                             "a report; split it)", line, column)
        report.cache["figures"] = cached
    mentions: list[Mention] = cached
    return mentions


def claimable(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.needs_claim]


def scan_figures(text: str) -> list[Mention]:
    """Every number in `text`, in order. Works on either script; offsets point into `text`."""
    norm, offsets = normalise_with_offsets(text)
    scanner = _Scanner(text, norm, offsets)
    return scanner.run()


class _Scanner:
    def __init__(self, text: str, norm: str, offsets: list[int]) -> None:
        self.text = text
        self.norm = norm
        self.offsets = offsets
        self.quoted = _segments(norm, "“", "”") + _segments(norm, "\"", "\"")
        self.titles = _segments(norm, "《", "》")
        self.slogans_seen: set[tuple[int, int]] = set()
        self.idiom_spans = [span for w in IDIOMS for span in _occurrences(norm, w)]
        # Per position, whether an idiom covers it, and the short quoted terms holding it (in `quoted`'s order):
        # looked up once per numeral instead of a pass over every idiom and quote (quadratic on long reports).
        self.in_idiom = bytearray(len(norm) + 1)
        for s, e in self.idiom_spans:
            self.in_idiom[s:e] = b"\x01" * (e - s)
        self.short_quoted: dict[int, list[tuple[int, int]]] = {}
        for s, e in self.quoted:
            if e - s <= 8:
                for p in range(s, e + 1):
                    self.short_quoted.setdefault(p, []).append((s, e))
        self.labels = self._labels()

    def _labels(self) -> bytearray:
        """For each position of the normalised text, whether a number starting there labels rather than counts:
        a period (an enumeration of months or quarters), a group (an age range), an ordinal (a list or note
        number), a label (表1, 注2). One pass of each pattern over the text."""
        marks = bytearray(len(self.norm) + 1)
        for pattern, code in ((_ENUM_LABELS, _PERIOD_LABEL), (_AGE_GROUP, _GROUP_LABEL),
                              (_LIST_MARK, _ORDINAL_LABEL), (_NOTE_LABEL, _NOTE_NUMBER)):
            for m in pattern.finditer(self.norm):
                for i in range(m.start(), m.end()):
                    if self.norm[i].isdigit() and not marks[i]:
                        marks[i] = code
        return marks

    def _repeats(self) -> list[tuple[int, int, int]]:
        """(start, end, first) in normalised offsets for each sentence printed before: the same sentence earlier
        (a title repeated under 原標題, a lead repeated in the body), or a heading that is part of the title.
        `first` is where the same text starts the first time."""
        n = self.norm
        line_end = n.find("\n")
        title = n[:line_end].strip() if 0 < line_end <= 300 else ""
        title_at = n.find(title) if title else -1
        seen: dict[str, int] = {}
        out: list[tuple[int, int, int]] = []
        for m in _SENTENCE.finditer(n):
            a, b = m.span()
            while a < b and n[a].isspace():
                a += 1
            prefix = _ORIGINAL_TITLE.match(n, a, b)
            if prefix:
                a = prefix.end()
            while b > a and n[b - 1].isspace():
                b -= 1
            key = n[a:b]
            if len(key) < 6:
                continue
            if key in seen:
                out.append((a, b, seen[key]))
            elif title and a > line_end and key in title:
                out.append((a, b, title_at + title.find(key)))
            else:
                seen[key] = a
        return out

    def _mark_repeats(self, mentions: list[Mention]) -> list[Mention]:
        repeats = self._repeats()
        if not repeats:
            return mentions
        import bisect

        by_start = {m.start: m for m in mentions}
        out = []
        for m in mentions:
            at = bisect.bisect_left(self.offsets, m.start, 0, len(self.norm))
            k = bisect.bisect_right(repeats, (at, len(self.norm) + 1, 0)) - 1
            if k >= 0 and repeats[k][0] <= at < repeats[k][1]:
                a, _b, first = repeats[k]
                first_start = self.offsets[first + (at - a)]
                if first_start in by_start and first_start < m.start:
                    m = m._replace(repeat_of=first_start)
            out.append(m)
        return out

    def orig(self, a: int, b: int) -> tuple[int, int]:
        """Normalised [a, b) to original offsets."""
        if b <= a:
            return self.offsets[a], self.offsets[a]
        return self.offsets[a], self.offsets[b - 1] + 1

    def orig_text(self, a: int, b: int) -> str:
        s, e = self.orig(a, b)
        return strip_artifacts(self.text[s:e])

    def run(self) -> list[Mention]:
        out: list[Mention] = []
        taken = bytearray(len(self.norm) + 1)  # 1 inside a mention made: a match starting there is part of it
        for m in _FORMULA.finditer(self.norm):
            # "2+6", "1+1>2": names and slogans made of digits, one mention for the whole expression.
            if "+" in m.group() or ">" in m.group() or "<" in m.group():
                out.append(self.make(m.start(), m.end(), m.start(), m.end(), m.group(), "", "", "name",
                                     self._name_reason(m.start(), "name"), chinese=False))
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        for m in _ARABIC.finditer(self.norm):
            if taken[m.start()]:
                continue
            if m.end() - m.start() > MAX_DIGITS + MAX_DIGITS // 3 + 1:
                # No report prints a figure this long (limits.MAX_DIGITS): a code, an identifier or garbage,
                # and int() would refuse it past 4,300 digits.
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                continue
            mention = self.arabic(m.start(), m.end())
            out.append(mention)
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        for m in _CN_RUN.finditer(self.norm):
            if taken[m.start()]:
                continue
            found = self.chinese(m.start(), m.end())
            if found is not None:
                out.append(found)
        out.sort(key=lambda x: (x.start, x.end))
        return self._mark_repeats(out)

    # -- shared pieces --------------------------------------------------------------------------------------
    def prefix(self, a: int) -> tuple[int, str]:
        """A qualifier written right before position a: (its start, the qualifier) or (a, "")."""
        for word in _PREFIX_BY_LAST.get(self.norm[a - 1], ()) if a > 0 else ():
            if a - len(word) >= 0 and self.norm.startswith(word, a - len(word)):
                start = a - len(word)
                if word == "近" and self.norm[start - 1:start] in ("最", "附", "接", "将"):
                    return a, ""
                return start, word
        return a, ""

    def suffix(self, b: int, chinese: bool) -> tuple[int, int, int, int, int]:
        """After the number: (end of a 多/餘 right after it, position of a 多/餘 after the magnitude or -1,
        end of unit, end of post-qualifier, start of unit)."""
        n = self.norm
        p = b
        late = -1
        if n[p:p + 1] in SUFFIX_QUALIFIERS and not n.startswith("多方", p) and not n.startswith("余额", p):
            p += 1
        more_end = p
        if not chinese and not n.startswith(_UNITS_LIKE_MAGNITUDES, p) and n.startswith(MAGNITUDES, p):
            for mag in MAGNITUDES:
                if n.startswith(mag, p):
                    p += len(mag)
                    break
            if p > more_end and more_end == b and n[p:p + 1] in SUFFIX_QUALIFIERS:
                late = p  # 1.2萬餘人: the qualifier after the magnitude qualifies the number all the same
                p += 1
        unit_start = p
        for unit in _UNITS_BY_FIRST.get(n[p:p + 1], ()):
            if n.startswith(unit, p):
                # 個 followed by 個 again is reduplication (一個個): not a unit here.
                p += len(unit)
                break
        unit_end = p
        for word in POST_QUALIFIERS if n.startswith(POST_QUALIFIERS, p) else ():
            if n.startswith(word, p) and not n.startswith("上下游", p):
                p += len(word)
                break
        return more_end, late, unit_end, p, unit_start

    def fall(self, start: int) -> str:
        """The fall word right before `start` (下降, 減少 ... with an optional 了), or ""."""
        end = start - 1 if start > 0 and self.norm[start - 1] == "了" else start
        for word in _FALL_BY_LAST.get(self.norm[end - 1], ()) if end > 0 else ():
            if end >= len(word) and self.norm.startswith(word, end - len(word)):
                return word
        return ""

    def compared(self, end: int) -> bool:
        """超過18.3%的全國平均水平: the figure after 超過 is a level compared with, printed exactly."""
        if self.norm[end:end + 1] != "的":
            return False
        rest = self.norm[end + 1:end + 12]
        for stop in _CLAUSE_STOPS:
            cut = rest.find(stop)
            if cut >= 0:
                rest = rest[:cut]
        return any(w in rest for w in _COMPARED)

    def make(self, a: int, b: int, pa: int, pb: int, number: str, qualifier: str, unit: str, kind: str,
             reason: str, *, chinese: bool) -> Mention:
        s, e = self.orig(a, b)
        ps, pe = self.orig(pa, pb)
        return Mention(s, e, self.text[s:e], number, qualifier, unit, kind, reason, ps, pe, chinese)

    def inside(self, spans: list[tuple[int, int]], a: int, b: int) -> bool:
        """Whether [a, b) lies in one of `spans` (sorted and disjoint, as `_segments` makes them): only the last
        span starting at or before `a` can hold it."""
        if not spans:
            return False
        # (a, inf) sorts after every span starting at or before `a`: no key function called per comparison.
        k = bisect.bisect_right(spans, (a, math.inf)) - 1
        return k >= 0 and spans[k][0] <= a and b <= spans[k][1]

    def _name_reason(self, a: int, default: str) -> str:
        if self.inside(self.titles, a, a + 1):
            return "title"
        return default

    def clause_before(self, a: int, width: int = 8) -> str:
        start = a
        while start > 0 and a - start < width and self.norm[start - 1] not in _CLAUSE_STOPS:
            start -= 1
        return self.norm[start:a]

    # -- Arabic numbers -------------------------------------------------------------------------------------
    def arabic(self, a: int, b: int) -> Mention:
        n = self.norm
        number = n[a:b].replace(",", "")
        label = self.labels[a]
        digits_at = a
        if a > 0 and n[a - 1] in "-\u2212" and not (a > 1 and (n[a - 2].isdigit() or (n[a - 2].isascii()
                                                             and n[a - 2].isalpha()))) and not label:
            a -= 1  # −19.4%: a printed minus (a dash between two numbers, 16-24, is a range)
            number = "-" + number
        ordinal = a > 0 and n[a - 1] == "第"
        q_start, qualifier = (a, "") if ordinal else self.prefix(a)
        more_end, late, unit_end, post_end, _ = self.suffix(b, chinese=False)
        unit_n = n[more_end:unit_end]
        post = n[unit_end:post_end]
        if late >= 0:
            unit_n = n[more_end:late] + n[late + 1:unit_end]
        if more_end > b:
            qualifier = n[b:more_end]
        elif late >= 0:
            qualifier = n[late]
        elif post:
            qualifier = post
        if qualifier in _NOT_A_QUALIFIER or (qualifier == "近" and unit_n == "年"):
            q_start, qualifier = a, ""
        if q_start < a and QUALIFIERS.get(qualifier, ("", ""))[1] == "over" and self.compared(post_end):
            q_start, qualifier = a, ""
        start, end = q_start, more_end
        phrase_start = a - 1 if ordinal else q_start
        kind, reason = "figure", ""
        after = n[b:b + 8]
        decimal = "." in number
        if self.inside(self.titles, a, b):
            kind, reason = "name", "title"
        elif label == _PERIOD_LABEL or (not decimal and n.startswith("季度", b)):
            kind, reason = "period", "period"  # 7、8、9三個月, 4季度: labels of months and quarters
        elif label == _GROUP_LABEL:
            kind, reason = "name", "group"  # 16-24歲, 60歲及以上: the bounds of a group, not counts
        elif label == _ORDINAL_LABEL and not ordinal:
            kind, reason = "name", "ordinal"  # 1、 （1）: a list or note number
            unit_end = post_end = more_end = end = b + (1 if n[b:b + 1] in "、.)" else 0)
            unit_n = ""
        elif digits_at > 0 and n[digits_at - 1] == "每" and not decimal:
            kind, reason = "name", "per"  # 每10萬人: the base of a rate, not a figure
        elif label == _NOTE_NUMBER:
            kind, reason = "name", "label"  # 表1, 注2
        elif not decimal and unit_n == "年" and n.startswith(_TERM_AFTER_YEARS, unit_end):
            kind, reason = "name", "term"  # 2年平均增長: one term
        elif not decimal and ((not unit_n and _PHASE.match(n, b)) or (unit_n == "期" and (
                _RANGE_END.search(n, 0, a) or _PHASE_RANGE.search(n, max(0, a - 30), a)
                or n.startswith(("项目", "工程"), unit_end)))):
            kind, reason = "name", "name"  # 1-3期項目: phase numbers
        elif (n[b:b + 1] in "×÷*" or (digits_at > 0 and n[digits_at - 1] in "×÷*=/")) and not unit_n.strip("%"):
            kind, reason = "name", "formula"  # ×12×100, 360×…÷12: constants of a definition
        elif (not decimal and after[:1] == "日" and n[b + 1:b + 2] != "均" and 1 <= int(number) <= 31):
            kind, reason = "date", "date"  # 12日: a day of the month
            unit_end = post_end = b + 1
        elif _code_at(n, a, b) != (a, b):
            # 5G, G72, 4A級: codes, not figures; the mention spans the whole code so a not-claim names it.
            ca, cb = _code_at(n, a, b)
            return self.make(ca, cb, ca, cb, n[ca:cb], "", "", "name", "name", chinese=False)
        elif _is_year(number) and (after.startswith("年") or re.match(r"^\s*[-—~至到]\s*\d{4}\s*年", after)):
            kind, reason = "date", "date"
        elif ("." not in number and 1 <= int(number) <= 12
              and re.match(r"^\s*[-—~至到]\s*\d{1,2}\s*月", after)):
            kind, reason = "date", "date"
        elif unit_n == "" and "." not in number and after.startswith("月") and 1 <= int(number) <= 12:
            kind, reason = "date", "date"
            unit_end = post_end = b + 1
        elif "." not in number and after[:1] in ("日", "号") and n[max(0, a - 3):a].find("月") >= 0:
            kind, reason = "date", "date"
            unit_end = post_end = b + 1
        elif ("." not in number and 1 <= int(number) <= 31 and n[a - 2:a] in ("今(", "本(", "昨(")
              and after[:2] == ")日"):
            kind, reason = "date", "date"  # 今(15)日: the day of the month a press release is dated
        elif ordinal:
            if unit_n in ("位", "名") or any(w in self.clause_before(a - 1) for w in _RANK_CONTEXT):
                kind = "rank"
            else:
                kind, reason = "name", "name"
        elif not unit_n and n.startswith(_NAME_SUFFIXES, b):
            kind, reason = "name", "name"  # 12345熱線, 209國道, 1號線
        elif "创" in self.clause_before(q_start, 4):
            kind = "record"
        unit = self.orig_text(more_end, unit_end) if unit_end > more_end else ""
        if late >= 0:
            unit = self.orig_text(more_end, late) + self.orig_text(late + 1, unit_end)
        orig_qual = self._orig_qualifier(qualifier, a, b, q_start, more_end, unit_end, post_end)
        sign_word = "-" if number.startswith("-") else self.fall(phrase_start)
        mention = self.make(start, end, phrase_start, post_end, number, orig_qual, unit, kind, reason,
                            chinese=False)
        if sign_word and kind in ("figure", "record"):
            mention = mention._replace(sign=-1, sign_word=sign_word)
        return mention

    def _orig_qualifier(self, qualifier: str, a: int, b: int, q_start: int, more_end: int, unit_end: int,
                        post_end: int) -> str:
        """The qualifier in the report's own script (超過, not 超过)."""
        if not qualifier:
            return ""
        if q_start < a:
            return self.orig_text(q_start, a)
        if more_end > b:
            return self.orig_text(b, more_end)
        if normalise(qualifier) in SUFFIX_QUALIFIERS:
            late = self.norm.find(qualifier, more_end, unit_end)
            return self.orig_text(late, late + 1)
        return self.orig_text(unit_end, post_end)

    def slogan(self, segment: tuple[int, int] | None) -> Mention | None:
        """A short quoted term holding numerals (“兩高一超”, “一對一”): one name mention for the whole
        term."""
        if segment is None or segment in self.slogans_seen:
            return None
        self.slogans_seen.add(segment)
        s, e = segment
        return self.make(s, e, s, e, self.norm[s:e], "", "", "name", "slogan", chinese=True)

    # -- Chinese numerals -----------------------------------------------------------------------------------
    def chinese(self, a: int, b: int) -> Mention | None:
        n = self.norm
        if n[a] == "一" and a > 0 and n[a - 1] == "唯":
            a += 1  # 唯一一個: 唯一 is a word, the count is the second 一
            if a == b:
                return None
        run = n[a:b]
        percent = a >= 3 and n[a - 3:a] == "百分之"
        if not _COUNTING.search(run) and not percent and not self.prefix(a)[1]:
            return None  # 百姓, 千方百計, or a magnitude after Arabic digits (80萬噸); but 近百個, 逾千家 count
        if self.in_idiom[a]:
            return None
        ordinal = a > 0 and n[a - 1] == "第"
        segment = next(((s, e) for s, e in self.short_quoted.get(a, ()) if b <= e), None)
        well_formed = bool(_WELL_FORMED.match(run))
        if _YEAR_DIGITS.match(run) and n[b:b + 1] == "年":
            return self.make(a, b, a, b + 1, run, "", self.orig_text(b, b + 1), "date", "date", chinese=True)
        if not well_formed:
            return self.slogan(segment)  # 十四五 outside quotes, 三四 (a rough range): not a figure
        # A magnitude at the end of the run is kept with the unit, as for Arabic numbers (三十萬元: 三十,
        # 萬元).
        number_end = b
        for mag in ("万亿", "亿", "万"):
            if run.endswith(mag) and len(run) > len(mag):
                number_end = b - len(mag)
                break
        number = n[a:number_end]
        more_end, _late, unit_end, post_end, _ = self.suffix(b, chinese=True)
        unit_n = n[more_end:unit_end]
        qualifier = n[b:more_end] if more_end > b else n[unit_end:post_end]
        q_start, pre = (a, "") if ordinal or percent else self.prefix(a)
        if pre and not (pre == "近" and unit_n == "年"):
            qualifier = pre
        else:
            q_start = a
        if qualifier in _NOT_A_QUALIFIER:
            qualifier = ""
        if unit_n == "年" and n.startswith(_TERM_AFTER_YEARS, unit_end):
            return self.make(a, number_end, a, unit_end, number, "", "", "name", "term", chinese=True)
        if unit_n == "个月" and a > 0 and (self.labels[a - 1] == _PERIOD_LABEL or n[a - 1] == "前"):
            return self.make(a, number_end, a, unit_end, number, "", "", "period", "period", chinese=True)
        reduplicated = bool(unit_n) and n.startswith(unit_n, unit_end)
        if ordinal:
            if unit_n in ("位", "名") or any(w in self.clause_before(a - 1) for w in _RANK_CONTEXT):
                rank_unit = self.orig_text(more_end, unit_end)
                return self.make(a, number_end, a - 1, post_end, number, "", rank_unit,
                                 "rank", "", chinese=True)
            return self.make(a, number_end, a - 1, b, number, "", "", "name", "title", chinese=True)
        if n.startswith("季度", b) or (n[b:b + 1] == "月" and parse_chinese_numeral(run) <= 12):
            return self.make(a, b, a, b + (2 if n[b] == "季" else 1), number, "", "", "period", "period",
                             chinese=True)
        if n.startswith("期", b):
            return self.make(a, b, a, b + 1, number, "", "", "name", "name", chinese=True)
        if percent:
            point = _CN_POINT.match(n, b)
            if point:  # 百分之二點五
                b = number_end = point.end()
                number = n[a:b]
            return self.make(a, number_end, a - 3, b, number, "", "%", "figure", "", chinese=True)
        if not unit_n or reduplicated:
            return self.slogan(segment)
        if run == "一" and unit_n not in ("成", "倍"):
            before = self.clause_before(a, 4)
            if not any(w in before for w in _DISTRIBUTIVE):
                return None
        start = q_start
        kind = "record" if "创" in self.clause_before(q_start, 4) else "figure"
        unit = self.orig_text(more_end, unit_end)
        if number_end < b:
            unit = self.orig_text(number_end, b) + self.orig_text(more_end, unit_end)
        orig_qual = ""
        if qualifier:
            orig_qual = (self.orig_text(q_start, a) if q_start < a else
                         self.orig_text(b, more_end) if more_end > b else self.orig_text(unit_end, post_end))
        end = more_end if more_end > b else number_end
        mention = self.make(start, end, q_start, post_end, number, orig_qual, unit, kind, "", chinese=True)
        fall = "" if percent else self.fall(q_start)
        return mention._replace(sign=-1, sign_word=fall) if fall else mention


_CLAUSE_STOPS = ",，;；。!！?？:：、\n“”()（）"
_PHASE = re.compile(r"(?:[-~至到]\d{1,3})?期")
_CN_POINT = re.compile("点[零〇一二三四五六七八九]{1,8}")
_PHASE_RANGE = re.compile(r"\d[-~至到]\d{1,3}期")
_RANGE_END = re.compile(r"\d[-~至到]$")
_PERIOD_LABEL, _GROUP_LABEL, _ORDINAL_LABEL, _NOTE_NUMBER = 1, 2, 3, 4
_SENTENCE = re.compile(r"[^。!?;\n]+[。!?;]?")
_ORIGINAL_TITLE = re.compile(r"原标?题\s?[:：]?\s?|[^。!?;\n]{0,30}?题\s?[:：]\s?")
"""原標題：…, or a dateline before 題：… (中新社北京11月1日電 題：…): what follows is the title again."""
_UNITS_LIKE_MAGNITUDES = ("千瓦", "千克", "千米", "千元", "百分", "千公顷")
"""Units that start like a magnitude: 5千瓦 is five kilowatts, not 5千 of 瓦."""


_MEASURE_BEFORE = re.compile(r"(?<![A-Za-z0-9-])(GDP|CPI|PPI|PMI)$")
"""Measures named by an acronym print their figure right after it (人均GDP3.44万元)."""


def _code_at(n: str, a: int, b: int) -> tuple[int, int]:
    """The extent of an alphanumeric code around the digits [a, b); (a, b) itself without letters."""
    def code_char(c: str) -> bool:
        return c.isascii() and (c.isalnum() or c == "-")

    if not ((b < len(n) and n[b].isascii() and n[b].isalpha()) or (a > 0 and n[a - 1].isascii()
                                                                    and n[a - 1].isalpha())):
        return a, b
    if not (b < len(n) and n[b].isascii() and n[b].isalnum()) and _MEASURE_BEFORE.search(n, 0, a):
        return a, b  # 人均GDP3.44万元: the measure's name, then its figure (G72 and 5G stay codes)
    while a > 0 and code_char(n[a - 1]):
        a -= 1
    while b < len(n) and code_char(n[b]):
        b += 1
    return a, b


def _is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of `word`, left to right and not overlapping (as re.finditer gives them)."""
    out: list[tuple[int, int]] = []
    i = text.find(word)
    while i >= 0:
        out.append((i, i + len(word)))
        i = text.find(word, i + len(word))
    return out


def _segments(text: str, left: str, right: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of every left...right pair on one line."""
    out: list[tuple[int, int]] = []
    i = text.find(left)
    while i >= 0:
        j = text.find(right, i + 1)
        nl = text.find("\n", i + 1)
        if j < 0 or (0 <= nl < j):
            i = text.find(left, i + 1)
            continue
        out.append((i + 1, j))
        i = text.find(left, j + 1)
    return out


# -- locating a fact's value inside its quote
# ---------------------------------------------------------------------

def find_value(report: ReportText, quote_span: Span, value: str) -> Mention | None:
    """The mention inside `quote_span` whose printed value is `value` ("380多", "四", "5左右"), or None
    when the quote does not print that value (a misquote). Compared after normalisation, so 餘 and 余,
    full-width and half-width digits, "1,236" and "1236" match; a different qualifier is a different claim."""
    want = _value_key(value)
    mentions = scan_report(report)  # sorted by start: look only at those from the quote's start on
    for m in itertools.islice(mentions, bisect.bisect_left(mentions, quote_span.start, key=_start), None):
        if m.start >= quote_span.end:
            break
        if m.end <= quote_span.end and _value_key(m.value) == want:
            return m
    return None


def _start(m: Mention) -> int:
    return m.start


class Placement(NamedTuple):
    """Where a fact sits in the text, by the one placement rule (`place`)."""

    quotes: tuple[Span, ...]
    """Every occurrence of the quote, in report order."""
    quote: Span | None
    """The occurrence the fact is placed at: the first; None when the quote is not in the text."""
    mention: Mention | None
    """The mention inside that occurrence that prints the fact's value; None when none does (a misquote)."""


def place(report: ReportText, quote: str, value: str) -> Placement:
    """The one rule that places a fact: at the first occurrence of its quote, and its value at the first mention
    inside it that prints the value. The engine, the coverage check and `extract`'s quotes all follow it.
    Memoised per text: the engine places every fact, and coverage places them again."""
    places: dict[tuple[str, str], Placement] = report.cache.setdefault("places", {})
    found = places.get((quote, value))
    if found is None:
        quotes = tuple(report.find(quote)) if quote else ()
        first = quotes[0] if quotes else None
        mention = find_value(report, first, value) if first is not None and value else None
        found = places[quote, value] = Placement(quotes, first, mention)
    return found


def fact_sign(mention: Mention, value: str) -> int:
    """The sign a fact's value takes from its place in the text: -1 when a fall word stands right before it
    (下降5.2% is -5.2%) and the value does not print its own minus; 1 otherwise (a printed minus is in the value
    itself: "-19.4"). One rule for facts files and drafts alike (README, "Signs")."""
    if mention.sign < 0 and mention.sign_word != "-" and not normalise(value).lstrip().startswith(("-", "\u2212")):
        return -1
    return 1


def value_span(report: ReportText, quote_span: Span, value: str) -> Span | None:
    """Where the fact's value sits inside its quote, as a Span, or None (see find_value)."""
    m = find_value(report, quote_span, value)
    return None if m is None else report.span(m.start, m.end)


def same_value(a: str, b: str) -> bool:
    """Whether two printed values are one value as find_value compares them (餘/余, full width, 1,236)."""
    return _value_key(a) == _value_key(b)


def _value_key(value: str) -> str:
    v = normalise(value).replace(",", "").replace("\u2212", "-").strip()
    if v.startswith("第"):
        v = v[1:]
    if v.endswith(("位", "名")) and len(v) > 1:
        v = v[:-1]
    return v
