"""Drafting a facts.toml for a report never seen before: every figure as a fact, the not-claims recognised,
and
the arithmetic relations between figures proposed as suggestions for an editor to review.

Relations are proposed from wording and arithmetic together. A relation that holds within rounding is proposed
when the figures are near each other and share a unit family; a relation that fails is proposed too when the
wording strongly signals it (a 率 after two counts, 超過…N個百分點 after two rates, 合計 after parts), because
that
is exactly where a planted or accidental error hides. Every proposal carries `suggested = true` and a note
with
its arithmetic, and nothing here decides a verdict: `laibin-check verify` does, once an editor has reviewed.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from pathlib import Path

from laibin_check.chars import is_cjk
from laibin_check.errors import InputError
from laibin_check.figures import COUNT_UNITS, Mention, scan_report
from laibin_check.numbers import Interval, fmt_interval, parse_printed
from laibin_check.report import ReportText, normalise, strip_artifacts

# Clause boundaries for labels: a label is the words between the previous boundary and the number.
_CLAUSE_STOPS = ",，;；。!！?？:：、\n“”「」"
_SENTENCE_STOPS = "。;；!！?？\n"
_LEADING_NOISE = ("其中", "同时", "此外", "另外", "目前", "全年", "今年", "并", "及", "和", "其")
_TRAILING_NOISE = ("达到", "达", "为", "是", "了", "有", "共", "约", "的")
_GROWTH_WORDS = ("同比", "环比", "比上年", "比去年", "较上年", "增长", "增", "下降", "减少", "回落", "提高")
_RATE_KEYWORDS = ("率", "占", "比重", "比例", "份额")
_GAP_KEYWORDS = ("超过", "超出", "高于", "高出", "快于", "低于", "慢于", "提高", "回落", "下降", "领先", "比",
                 "高",
                 "低", "快", "慢")
_TOTAL_KEYWORDS = ("合计", "共计", "总计", "总共", "一共", "共有", "累计", "共", "总数", "总量")
_APPROXIMATE = ("生产总值", "gdp", "增加值")
_GROWTH_LINK = re.compile(
    r"\s*[,，]?\s*(同比|环比|比上年同期|比上年|比去年同期|比去年|较上年)?(增长|增|下降|减少|回落)\s*"
)


@dataclass
class Figure:
    """One printed figure as the draft sees it."""

    mention: Mention
    id: str = ""
    measure: str = ""
    unit: str = ""
    unit_note: str = ""
    period: str = ""
    group: str = ""
    quote: str = ""
    line: int = 0
    column: int = 0
    paragraph: int = 0
    sentence: int = 0
    label: str = ""
    """The normalised words before the number in its clause (simplified), for keyword tests."""
    family: str = ""
    """rate | points | times | the base unit (元, 个, 吨 ...): figures relate only within a family."""
    scale: Fraction = Fraction(1)
    count: bool = False
    interval: Interval | None = None
    """What the print stands for, in base units (元, items, or a plain fraction for rates)."""

    @property
    def shown(self) -> str:
        """The figure as printed with its unit: "380多個", "83.4%"."""
        return f"{self.mention.value}{self.mention.unit}"


@dataclass(frozen=True)
class Suggestion:
    """A proposed relation: a derivation of `target` or a check."""

    kind: str
    """ratio | difference | sum | target | growth (derivations); bound | equal | respectively (checks)."""
    formula: str
    note: str
    holds: bool | None
    """Whether it holds within rounding; None for an implied figure, which has nothing to contradict."""
    target: str = ""
    """The fact whose value this derives, or "" for a check."""
    items: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    approximate: str = ""


@dataclass(frozen=True)
class Implied:
    """A figure the report does not print but its figures determine (last year's level, an annual target)."""

    id: str
    unit: str
    period: str
    measure: str
    group: str
    derive: Suggestion


@dataclass
class Draft:
    report_id: str
    title: str
    file: str
    sha256: str
    encoding: str
    groups: list[tuple[str, str]]
    figures: list[Figure]
    implied: list[Implied]
    suggestions: list[Suggestion]
    not_claims: list[tuple[str, str, str]]
    """(text, reason, note)."""
    traditional: bool = True
    checks: list[tuple[str, Suggestion]] = field(default_factory=list)

    def derive_of(self, fact_id: str) -> Suggestion | None:
        return self.derives().get(fact_id)

    def derives(self) -> dict[str, Suggestion]:
        """The derivation suggested for each fact, by id: one look-up per fact when the draft is rendered."""
        out: dict[str, Suggestion] = {}
        for s in reversed(self.suggestions):
            out[s.target] = s  # the first suggestion for a target wins, as in derive_of
        return out


# -- drafting
# -------------------------------------------------------------------------------------------------


def draft(report: ReportText, report_id: str, file_name: str = "report.txt") -> Draft:
    """Everything `extract` writes, as data (the tests read this rather than the TOML)."""
    builder = _Builder(report)
    figures = builder.figures()
    suggestions, implied = _Relations(builder, figures).run()
    d = Draft(
        report_id=report_id, title=builder.title(), file=file_name, sha256=report.sha256,
        encoding=report.encoding, groups=builder.groups, figures=figures, implied=implied,
        suggestions=[], not_claims=builder.not_claims(), traditional=builder.traditional,
    )
    # One derivation per fact; a second relation for the same fact becomes an `equal` check.
    taken: set[str] = set()
    for s in suggestions:
        if s.target and s.target not in taken and s.kind in ("ratio", "difference", "sum"):
            taken.add(s.target)
            d.suggestions.append(s)
        elif s.target and s.kind in ("ratio", "difference", "sum"):
            d.checks.append((f"{s.target}_{s.kind}", Suggestion(
                "equal", f"{s.target} == {s.formula}", s.note, s.holds)))
        else:
            base = f"{s.facts[0] if s.facts else 'check'}_{s.kind}"
            d.checks.append((base, s))
    ids = _Names()
    unique: list[tuple[str, Suggestion]] = []
    for cid, s in d.checks:
        unique.append((_unique(cid, ids), s))
    d.checks = unique
    return d


class _Builder:
    """Labels, periods, groups and quotes: everything read from the text around each figure."""

    def __init__(self, report: ReportText) -> None:
        self.report = report
        self.text = report.text
        self.norm, self.offsets = report.normalised
        # Map an original offset to its normalised position (the first normalised character at or after it).
        self.to_norm: list[int] = [0] * (len(self.text) + 1)
        j = len(self.offsets) - 1
        for i in range(len(self.text), -1, -1):
            while j > 0 and self.offsets[j - 1] >= i:
                j -= 1
            self.to_norm[i] = j
        changed = sum(1 for i, c in enumerate(self.norm) if c != self.text[self.offsets[i]])
        cjk = sum(1 for c in self.norm if is_cjk(c))
        self.traditional = cjk > 0 and changed / cjk > 0.02
        self.mentions = scan_report(report)
        self.mention_starts = [m.start for m in self.mentions]
        self.runs: list[tuple[list[str], list[Figure], str]] = []
        self.groups: list[tuple[str, str]] = []
        self.group_at: list[str] = []
        self._sections()
        self.years = [(m.start, int(m.number)) for m in self.mentions if m.kind == "date" and m.unit
                      and normalise(m.unit) == "年" and m.number.isdigit()]
        self.artifact_starts = [a for a, _ in report.artifact_spans]
        self.sentence_stops = [i for i, c in enumerate(self.text) if c in _SENTENCE_STOPS]

    # -- structure ----------------------------------------------------------------------------------------
    def _sections(self) -> None:
        """A short line without sentence punctuation and with no figure is a heading: it opens a group."""
        lines = self.text.split("\n")
        gid, title = "lead", self.title()
        self.groups.append((gid, title))
        for line in lines:
            bare = strip_artifacts(line).strip()
            heading = len(bare) <= 30 and not re.search(r"[。;；,，!！?？]", bare)
            if bare and heading and len(self.groups) < 99:
                if self.group_at or bare != title:
                    gid = f"section_{len(self.groups)}"
                    self.groups.append((gid, bare))
            self.group_at.append(gid)

    def title(self) -> str:
        first = strip_artifacts(self.text.lstrip("\ufeff").split("\n", 1)[0]).strip()
        if len(first) <= 30 and not re.search(r"[。;；!！?？]", first):
            return first
        clause = re.split(r"[,，。;；]", first)[0]
        return clause[:24] + ("…" if len(clause) > 24 else "")

    def paragraph_of(self, offset: int) -> int:
        return self.report.place(offset)[0]

    # -- figures ------------------------------------------------------------------------------------------
    def figures(self) -> list[Figure]:
        out: list[Figure] = []
        ids = _Names()
        sentence = 0
        last = 0
        for m in self.mentions:
            if not m.needs_claim or m.kind not in ("figure", "rank", "record"):
                continue
            sentence += sum(1 for c in self.text[last:m.start] if c in _SENTENCE_STOPS)
            last = m.start
            f = Figure(m)
            f.line, f.column = self.report.place(m.start)
            f.paragraph = f.line
            f.sentence = sentence
            f.group = self.group_at[f.line - 1]
            f.label, label_orig = self.label(m)
            f.measure = self.measure(m, label_orig, out)
            f.unit, f.unit_note = self.unit(m)
            f.period = self.period(m)
            f.quote = self.quote(m)
            self.quantify(f)
            out.append(f)
        self.runs = respectively_runs(self.text, self.norm, self.offsets, out)
        for items, run, verb in self.runs:
            if len(items) == len(run):
                for item, f in zip(items, run, strict=True):
                    f.measure = item + verb  # 碳酸鈣產業、木材加工業分別增長81.4%、101%
        for f in out:
            if f.mention.kind == "record":
                f.measure = (f.measure + "…" + self.after_noun(f.mention)).strip("…")
            f.id = _unique(_id_for(f.measure, f.mention), ids)
        return out

    def label(self, m: Mention) -> tuple[str, str]:
        """(normalised, original) words before the number in its clause, up to 16 characters."""
        # Artifacts are dropped before cutting, so a label never starts or ends inside one.
        clean = strip_artifacts(self.text[max(0, m.phrase_start - 80):m.phrase_start])
        cut = max(clean.rfind(c) for c in _CLAUSE_STOPS)
        orig = clean[cut + 1:][-40:].strip()
        return normalise(orig), orig

    def after_noun(self, m: Mention) -> str:
        """The words after a count's classifier, up to the clause's end: 8個「重點產業集群」."""
        clean = strip_artifacts(self.text[m.phrase_end:m.phrase_end + 60])
        cuts = [i for i in (clean.find(c) for c in _CLAUSE_STOPS) if i >= 0]
        return clean[: min(cuts) if cuts else len(clean)][:12].strip()

    def measure(self, m: Mention, label: str, earlier: list[Figure]) -> str:
        text = _trim_label(label)
        norm_unit = normalise(m.unit)
        if norm_unit in COUNT_UNITS or norm_unit in ("", "大"):
            noun = self.after_noun(m)
            if len(noun) >= 2 and (len(text) <= 3 or not text):
                text = _trim_label(noun)
        if not text and earlier and earlier[-1].paragraph == self.paragraph_of(m.start):
            text = earlier[-1].measure  # 81.4%、101%: the list shares the first figure's label
        elif normalise(text).startswith(_GROWTH_WORDS) and earlier:
            prev = earlier[-1]
            gap = self.text[prev.mention.phrase_end:m.phrase_start]
            same = prev.paragraph == self.paragraph_of(m.start) and not any(c in _SENTENCE_STOPS for c in gap)
            if same and prev.family not in ("rate", "points"):
                text = prev.measure + text  # 地區生產總值 167.14億元, 同比增長18% -> 地區生產總值同比增長
        return text[-20:] if text else "（待填）"

    def unit(self, m: Mention) -> tuple[str, str]:
        """A unit the facts loader reads, and a note when the printed unit is not one of its table's: such a unit
        is kept as printed, with its magnitude, in brackets (億[擔]), never turned into a count."""
        from laibin_check.units import is_known, own_unit

        count_word = "個" if self.traditional else "个"
        printed = m.unit
        if m.kind == "rank":
            return "位", "" if printed in ("位", "") else f"rank printed with {printed}"
        if not printed:
            return count_word, "no unit printed: written as a count; review"
        if is_known(printed):
            return printed, ""
        kept = own_unit(printed)
        return kept, (f"unit {printed} is not in laibin-check's unit table: kept as its own unit {kept}, "
                      "with its magnitude; review")

    def period(self, m: Mention) -> str:
        """The nearest time expression before the figure in its paragraph: 2021年一季度 -> 2021Q1."""
        line_start = self.text.rfind("\n", 0, m.start) + 1
        a = self.to_norm[line_start]
        b = self.to_norm[m.phrase_start]
        window = self.norm[a:b]
        year = self._year_before(m.start)
        found = ""
        for match in _PERIOD.finditer(window):
            found = _period_text(match, year)
        if "年度目标" in normalise(self.text[max(0, m.phrase_start - 12):m.phrase_start]):
            found = found or (str(year) if year else "")
        return found or self.main_period

    @cached_property
    def main_period(self) -> str:
        """The report's own period: its first time expression (a paragraph without one is about it)."""
        first = _PERIOD.search(self.norm)
        if first is None:
            return ""
        years = [y for _, y in self.years]
        return _period_text(first, years[0] if years else None)

    def _year_before(self, offset: int) -> int | None:
        k = bisect.bisect_left(self.years, (offset,))  # years are in text order
        if k:
            return self.years[k - 1][1]
        return self.years[0][1] if self.years else None

    def quote(self, m: Mention) -> str:
        """A short quote that holds the figure and occurs once: the phrase, widened left (then right) over its
        clause until unique. Never cut inside a converter artifact."""
        start, end = m.phrase_start, m.phrase_end
        line_start = self.text.rfind("\n", 0, start) + 1
        # The engine places a value at the first mention in the quote that prints it (figures.find_value): a quote
        # never reaches back over an earlier mention of the same value on its line, so it places this one.
        line_start = max(line_start, self._same_value_before(m, line_start))
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        # Start with up to 6 characters of label so the quote says what the figure is.
        left = start
        while left > line_start and start - left < 6 and self.text[left - 1] not in _CLAUSE_STOPS:
            left -= 1
        right = end
        for _ in range(120):
            left, right = self._snap(left, right)
            candidate = self.text[left:right]
            if self.report.occurs_once(candidate):
                # A longer quote holding a unique one is unique too: start it where its clause starts, when that
                # is near, so it reads "完成年度目标任务的80%", not "度目标任务的80%".
                clause = left
                while clause > line_start and not self._stop(clause - 1):
                    clause -= 1
                if left - clause <= 8:
                    left, right = self._snap(clause, right)
                # Never start inside a number ("210元" of "45,210元"): take the whole number in.
                while left > line_start and (self.text[left - 1].isdigit() or (
                        self.text[left - 1] in ".,，．" and left >= 2 and self.text[left - 2].isdigit())):
                    left -= 1
                return self.text[left:right].strip()
            # Widen inside the clause first (left, then right), and across punctuation only when that fails.
            if left > line_start and self.text[left - 1] not in _CLAUSE_STOPS:
                left -= 1
            elif right < line_end and self.text[right] not in _CLAUSE_STOPS:
                right += 1
            elif right < line_end:
                right += 1
            elif left > line_start:
                left -= 1
            else:
                break
        return self._across_lines(m, left, right) or self.text[left:right].strip()

    def _across_lines(self, m: Mention, left: int, right: int) -> str | None:
        """A quote for a figure whose whole line occurs twice (a title printed again under 原標題, a paragraph
        pasted twice), where no quote inside the line is unique: it runs on into the next line, then back into
        the one before, until it occurs once. Bounded (a few hundred characters) so the cost stays linear; never
        back over an earlier mention of the same value, so the engine still places this figure."""
        reach = 240
        floor = max(self._same_value_before(m, max(0, m.start - reach)), max(0, left - reach))
        ceiling = min(len(self.text), right + reach)
        while right < ceiling or left > floor:
            if right < ceiling:
                right += 1
            else:
                left -= 1
            a, b = self._snap(left, right)  # the ends move one way; the snapped copy is only the candidate
            if self.report.occurs_once(self.text[a:b]):
                return self.text[a:b].strip()
        return None

    def _same_value_before(self, m: Mention, line_start: int) -> int:
        """Just after the start of the last mention before `m` on its line that prints the same value, or 0."""
        import bisect

        from laibin_check.figures import same_value

        k = bisect.bisect_left(self.mention_starts, m.start) - 1
        while k >= 0 and self.mentions[k].start >= line_start:  # back over this line only: linear overall
            if same_value(self.mentions[k].value, m.value):
                return self.mentions[k].start + 1
            k -= 1
        return 0

    def _stop(self, i: int) -> bool:
        """Whether text[i] ends a clause: punctuation, but not the separator inside a number (45,210)."""
        ch = self.text[i]
        if ch not in _CLAUSE_STOPS:
            return False
        between_digits = 0 < i < len(self.text) - 1 and self.text[i - 1].isdigit() and self.text[i + 1].isdigit()
        return not (ch in ",，" and between_digits)

    def _snap(self, left: int, right: int) -> tuple[int, int]:
        """Move the ends out of converter artifacts: bisection over the sorted, disjoint artifact spans (a loop
        over all of them, per step of every quote, was over half of extract's time on a long report)."""
        spans, starts = self.report.artifact_spans, self.artifact_starts
        k = bisect.bisect_left(starts, left) - 1  # the last span starting before `left`
        if k >= 0 and left < spans[k][1]:
            left = spans[k][1]
        k = bisect.bisect_right(starts, right) - 1  # the last span starting at or before `right`
        while k >= 0 and k < len(spans) and (spans[k][0] < right < spans[k][1] or right == spans[k][0]):
            right = spans[k][1]
            k += 1
        while left < right and self.text[left] in " \t":
            left += 1
        return left, right

    def quantify(self, f: Figure) -> None:
        m = f.mention
        base = m.base_unit
        if base in ("%",):
            f.family, f.scale = "rate", Fraction(1, 100)
        elif base == "‰":
            f.family, f.scale = "rate", Fraction(1, 1000)
        elif base == "成":
            f.family, f.scale = "rate", Fraction(1, 10)
        elif base in ("个百分点", "百分点"):
            f.family, f.scale = "points", Fraction(1, 100)
        elif base == "倍":
            f.family, f.scale = "times", Fraction(1)
        else:
            f.family, f.scale = (base or "个"), m.magnitude
        f.count = ((base in COUNT_UNITS or base == "") and m.magnitude == 1
                   and f.family not in ("rate", "points"))
        if m.kind != "figure":
            return
        try:
            printed = parse_printed(m.value, integer=f.count)
        except ValueError:
            return
        interval = printed.interval.scale(f.scale)
        # Signed as the text states it (figures.fact_sign, the engine's rule): 下降5.2% is -5.2%.
        f.interval = -interval if m.sign < 0 and m.sign_word != "-" else interval

    # -- not-claims ---------------------------------------------------------------------------------------
    def not_claims(self) -> list[tuple[str, str, str]]:
        seen: dict[str, tuple[str, str, str]] = {}
        for m in self.mentions:
            if m.kind in ("figure", "rank", "record"):
                continue
            text = strip_artifacts(self.text[m.phrase_start:m.phrase_end])
            if m.kind == "name" and m.reason == "slogan":
                text = strip_artifacts(m.text)
            if text and text not in seen:
                note = {"date": "a date", "period": "a period", "title": "inside a title",
                        "slogan": "a quoted name or slogan", "name": "a name or code"}.get(m.reason, m.reason)
                needs = ("must be declared: it holds Arabic digits" if m.needs_claim
                         else "recognised, not required")
                seen[text] = (text, m.reason or "name", f"{note} ({needs})")
        return list(seen.values())


_PERIOD = re.compile(
    r"(?P<year>\d{4})年(?:(?P<yq>[一二三四1-4])季度|(?P<yh>上|下)半年|(?P<ym>\d{1,2})(?:[-至到]\d{1,2})?月)?"
    r"|(?P<q>[一二三四])季度|首季|(?P<h>上|下)半年|(?P<rel>今年|去年|上年)"
)


def _period_text(m: re.Match[str], year: int | None) -> str:
    quarters = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
    if m.group("year"):
        y = m.group("year")
        if m.group("yq"):
            return f"{y}Q{quarters[m.group('yq')]}"
        if m.group("yh"):
            return f"{y}H{1 if m.group('yh') == '上' else 2}"
        if m.group("ym"):
            return f"{y}-{int(m.group('ym')):02d}"
        return y
    y = "" if year is None else str(year)
    if m.group("q"):
        return f"{y}Q{quarters[m.group('q')]}" if y else ""
    if m.group(0) == "首季":
        return f"{y}Q1" if y else ""
    if m.group("h"):
        return f"{y}H{1 if m.group('h') == '上' else 2}" if y else ""
    if m.group("rel") == "今年":
        return y
    return str(year - 1) if year else ""


def _trim_label(text: str) -> str:
    text = text.strip(" \t“”\"'()（）")
    changed = True
    while changed:
        changed = False
        for word in _LEADING_NOISE:
            if normalise(text).startswith(word) and len(text) > len(word) + 1:
                text = text[len(word):]
                changed = True
        for word in _TRAILING_NOISE:
            if normalise(text).endswith(word) and len(text) > len(word) + 1:
                text = text[: -len(word)]
                changed = True
    return text.strip()


def _id_for(measure: str, m: Mention) -> str:
    """A readable fact id from the measure's pinyin: 問題辦結率 -> wen_ti_ban_jie_lv."""
    from pypinyin import lazy_pinyin  # ~150 ms of dictionaries: only extract pays it

    hanzi = [c for c in normalise(measure) if is_cjk(c)][-5:]
    syllables = [s for s in lazy_pinyin("".join(hanzi)) if re.fullmatch(r"[a-z]+", s)]
    base = "_".join(syllables) or "figure"
    if m.kind == "rank":
        base += "_rank"
    elif base[0].isdigit():
        base = "f_" + base
    return base


class _Names(set[str]):
    """Ids handed out so far, and for each base the next suffix to try: a report 100 times the bundled one
    repeats a base hundreds of times, and trying base_2, base_3 … from the start each time is quadratic."""

    def __init__(self, taken: set[str] | None = None) -> None:
        super().__init__(taken or ())
        self.next: dict[str, int] = {}


def _unique(base: str, taken: _Names) -> str:
    """`base`, or the first of base_2, base_3 … not taken yet; taken from now on."""
    name, n = base, taken.next.get(base, 2)
    if name in taken:
        while (name := f"{base}_{n}") in taken:
            n += 1
        taken.next[base] = n + 1
    taken.add(name)
    return name


# -- relations
# --------------------------------------------------------------------------------------------------


class _Relations:
    def __init__(self, builder: _Builder, figures: list[Figure]) -> None:
        self.b = builder
        self.figs = [f for f in figures if f.mention.kind == "figure" and f.interval is not None]
        self.index = {id(f): k for k, f in enumerate(self.figs)}
        self.out: list[Suggestion] = []
        self.implied: list[Implied] = []
        self.implied_ids = _Names({f.id for f in figures})
        from laibin_check.hygiene.scripts import dominant_script

        # Labels the draft adds ("年度目標") are written in the report's own script.
        self.simplified = dominant_script(builder.text) == "simplified"

    def words(self, traditional: str, simplified: str) -> str:
        return simplified if self.simplified else traditional

    def run(self) -> tuple[list[Suggestion], list[Implied]]:
        for i, f in enumerate(self.figs):
            if f.family == "rate":
                self.rate(i, f)
            elif f.family == "points":
                self.gap(i, f)
            else:
                self.total(i, f)
                self.growth(i, f)
        self.respectively()
        self.equal()
        return self.out, self.implied

    # -- neighbourhoods -----------------------------------------------------------------------------------
    def before_in_sentence(self, i: int) -> list[Figure]:
        """The figures before figs[i] in its sentence, nearest first (figures are in reading order)."""
        f = self.figs[i]
        out = []
        for j in range(i - 1, -1, -1):
            if self.figs[j].sentence != f.sentence:
                break
            out.append(self.figs[j])
        return out

    def between(self, a: Figure, b: Figure) -> str:
        return normalise(self.b.text[a.mention.phrase_end:b.mention.phrase_start])

    # -- rates: shares, ratios, targets ---------------------------------------------------------------------
    def rate(self, i: int, r: Figure) -> None:
        label = r.label
        near = [g for g in self.before_in_sentence(i) if g.family not in ("rate", "points", "times")]
        tail = label[-8:]
        if "目标" in label or "计划" in tail:
            if near and ("完成" in label or "占" in label or "的" in label[-2:]):
                self.target(near[0], r)
            return
        if not any(k in label for k in _RATE_KEYWORDS):
            return
        if "占" in label:
            self.share(i, r, near)
            return
        # 率 after two counts or levels of one family: the smaller over the larger.
        pair = None
        for j, a in enumerate(near):
            for c in near[j + 1:]:
                if a.family == c.family:
                    pair = (a, c)
                    break
            if pair:
                break
        if pair is None:
            return
        a, c = pair  # a is nearer (usually the part), c earlier
        num, den = (a, c) if _mid(a.interval) <= _mid(c.interval) else (c, a)
        self.ratio(r, num, den)

    def share(self, i: int, r: Figure, near: list[Figure]) -> None:
        """占…的N%: the nearest level before it over the earlier figure the words after 占 name."""
        if not near:
            return
        part = near[0]
        after = r.label[r.label.rfind("占") + 1:]
        whole_name = re.sub(r"^(全市|全区|全省|全国|全县|全年|同期|全部|所有|整个|总)", "",
                            after.rstrip("的比重例"))[:8]
        earlier = list(reversed(self.figs[: self.index[id(part)]]))
        for w in earlier:
            measure = normalise(w.measure)
            if w.family == part.family and whole_name and (
                    whole_name in measure or measure in whole_name
                    # 占全部投资的33.5% names 固定资产投资 by its head noun
                    or (len(whole_name) >= 2 and whole_name[-2:] in measure)):
                self.ratio(r, part, w)
                return
        # 其中企業8620戶, 佔36.7%: the share of the larger figure of the same family just before.
        for w in earlier:
            if w.family == part.family and part.sentence - w.sentence <= 1 and _mid(w.interval) > _mid(
                    part.interval):
                self.ratio(r, part, w)
                return

    def ratio(self, r: Figure, num: Figure, den: Figure) -> None:
        assert r.interval is not None and num.interval is not None and den.interval is not None
        try:
            computed = num.interval / den.interval
        except ZeroDivisionError:
            return
        holds = computed.meets(r.interval)
        note = (f"{num.shown} / {den.shown} = {_show(computed, r)} against the printed {r.shown} "
                f"{_show(r.interval, r)}: {_verdict(holds)}")
        self.out.append(Suggestion("ratio", f"{num.id} / {den.id}", note, holds, target=r.id,
                                   facts=(num.id, den.id)))

    def target(self, done: Figure, share: Figure) -> None:
        """完成年度目標任務的N%: an annual target implied by progress against it (whole for a count)."""
        assert done.interval is not None and share.interval is not None
        try:
            t = done.interval / share.interval
        except ZeroDivisionError:
            return
        holds: bool | None = None
        if done.count:
            holds = t.has_integer()
            ints = t.integers(limit=5) or []
            fit = (f"whole targets in range: {', '.join(map(str, ints))}" if ints
                   else "no whole-number target fits")
            note = (f"{done.shown} / {share.shown}: target {fmt_interval(t, 2)} {done.mention.unit}; {fit}: "
                    f"{_verdict(holds)}")
        else:
            shown = fmt_interval(t.scale(1 / done.scale), 2)
            note = f"{done.shown} / {share.shown}: target {shown}{done.unit}"
        tid = _unique(f"{done.id}_target", self.implied_ids)
        s = Suggestion("target", f"{done.id} / {share.id}", note, holds, target=tid,
                       facts=(done.id, share.id))
        year = share.period[:4] if share.period[:4].isdigit() else ""
        label = f"{done.measure}{self.words('年度目標', '年度目标')}"
        self.implied.append(Implied(tid, done.unit, year, label, done.group, s))

    # -- percentage-point gaps ------------------------------------------------------------------------------
    def gap(self, i: int, g: Figure) -> None:
        if not any(k in g.label for k in _GAP_KEYWORDS):
            return
        rates = [f for f in self.before_in_sentence(i) if f.family == "rate"]
        if len(rates) < 2:
            return
        b, a = rates[0], rates[1]  # a earlier, b nearer
        assert a.interval is not None and b.interval is not None and g.interval is not None
        hi, lo = (a, b) if _mid(a.interval) >= _mid(b.interval) else (b, a)
        assert hi.interval is not None and lo.interval is not None
        computed = hi.interval - lo.interval
        holds = computed.meets(g.interval)
        note = (f"{hi.shown} - {lo.shown} = {_show(computed, g)} against the printed {g.shown} "
                f"{_show(g.interval, g)}: {_verdict(holds)}")
        self.out.append(Suggestion("difference", f"{hi.id} - {lo.id}", note, holds, target=g.id,
                                   facts=(hi.id, lo.id)))

    # -- sums and parts -------------------------------------------------------------------------------------
    def total(self, i: int, t: Figure) -> None:
        # Parts before a total: 甲4個、乙5個, 合計9個.
        if any(k in t.label for k in _TOTAL_KEYWORDS):
            parts = [f for f in self.before_in_sentence(i) if f.family == t.family]
            if len(parts) < 2:
                parts = []
                for f in reversed(self.figs[:i]):
                    if t.sentence - f.sentence > 2:
                        break  # figures are in reading order: none further back is within two sentences
                    if f.paragraph == t.paragraph and f.family == t.family:
                        parts.append(f)
            if len(parts) >= 2:
                self.sum(t, list(reversed(parts)), exhaustive=True)
                return
        # A total, then 其中 and its parts: in the same sentence, or in the next one when it opens with 其中.
        # The next two sentence stops, by bisection: slicing or scanning the rest of the text for each figure
        # made extract quadratic in the report's length.
        text, end = self.b.text, t.mention.phrase_end
        stops = self.b.sentence_stops[bisect.bisect_left(self.b.sentence_stops, end):][:2]
        if not stops:
            return
        this_end = stops[0]
        where = normalise(text[end:stops[0]]).find("其中")
        if where < 0 and len(stops) > 1:
            nxt = text[stops[0] + 1:stops[1]]
            if normalise(nxt).lstrip().startswith("其中"):
                where = stops[0] - end + 1 + len(nxt) - len(nxt.lstrip())
                this_end = stops[1]
        if where < 0:
            return
        start = end + where
        later = []
        for f in itertools.islice(self.figs, i + 1, None):
            if f.mention.start >= this_end:
                break
            if start <= f.mention.start:
                later.append(f)
        # Only figures of the total's own family, and before any other figure of that family ends the list.
        parts = [f for f in later if f.family == t.family]
        if parts:
            self.sum(t, parts, exhaustive=False)

    def sum(self, t: Figure, parts: list[Figure], exhaustive: bool) -> None:
        total = parts[0].interval
        assert total is not None and t.interval is not None
        for p in parts[1:]:
            assert p.interval is not None
            total = total + p.interval
        formula = " + ".join(p.id for p in parts)
        shown = " + ".join(p.shown for p in parts)
        equal = total.meets(t.interval)
        if exhaustive or (equal and len(parts) >= 2):
            note = (f"{shown} = {_show(total, t)} against the printed {t.shown} {_show(t.interval, t)}: "
                    f"{_verdict(equal)}")
            self.out.append(Suggestion("sum", formula, note, equal, target=t.id,
                                       facts=tuple(p.id for p in parts)))
            return
        # 其中 parts need not be all of the total, but may not exceed it.
        within = total.lo <= t.interval.hi
        note = (f"其中: {shown} = {_show(total, t)} must not exceed {t.shown} {_show(t.interval, t)}: "
                f"{_verdict(within)}")
        self.out.append(Suggestion("bound", f"{formula} <= {t.id}", note, within,
                                   facts=(t.id, *(p.id for p in parts))))

    # -- growth: last year's level
    # ----------------------------------------------------------------------------
    def growth(self, i: int, level: Figure) -> None:
        if i + 1 >= len(self.figs):
            return
        g = self.figs[i + 1]
        if g.family != "rate" or g.sentence != level.sentence:
            return
        words = self.between(level, g)
        match = _GROWTH_LINK.fullmatch(words)
        if not match:
            return
        # g is signed as the text states it (下降5% is -5%), so one formula serves rises and falls.
        fell = g.mention.sign < 0 and g.mention.sign_word != "-"
        sign = "-" if fell else "+"  # as the note reads: 1 - 5% for 下降5%; the formula adds the signed g
        assert level.interval is not None and g.interval is not None
        factor = Interval.point(1) + g.interval
        try:
            prior = level.interval / factor
        except ZeroDivisionError:
            return
        approx = ""
        if any(w in normalise(level.measure).lower() for w in _APPROXIMATE):
            approx = ("GDP and value added grow in real terms, so the prior level implied from the nominal "
                      "level "
                      "is only approximate")
        note = (f"{level.shown} / (1 {sign} {g.shown}) = {fmt_interval(prior.scale(1 / level.scale), 2)}"
                f"{level.unit} last period")
        pid = _unique(f"{level.id}_prior", self.implied_ids)
        s = Suggestion("growth", f"{level.id} / (1 + {g.id})", note, None, target=pid,
                       facts=(level.id, g.id), approximate=approx)
        self.implied.append(Implied(pid, level.unit, _prior_period(level.period),
                                    f"{level.measure}({self.words('上年同期', '上年同期')})",
                                    level.group, s))

    # -- 分別 ---------------------------------------------------------------------------------------------
    def respectively(self) -> None:
        for items, run, _verb in self.b.runs:
            holds = len(items) == len(run)
            note = f"{len(items)} items 分別 {len(run)} figures: {_verdict(holds)}"
            self.out.append(Suggestion("respectively", "", note, holds, items=tuple(items),
                                       facts=tuple(f.id for f in run)))

    # -- the same quantity stated twice
    # -----------------------------------------------------------------------
    def equal(self) -> None:
        by_label: dict[tuple[str, str], list[Figure]] = {}
        for f in self.figs:
            key = normalise(f.measure)
            if len(key) >= 3 and f.family not in ("rate", "points"):
                by_label.setdefault((key, f.family), []).append(f)
        for group in by_label.values():
            for a, c in itertools.pairwise(group):
                assert a.interval is not None and c.interval is not None
                holds = a.interval.meets(c.interval)
                note = (f"{a.measure}: {a.shown} (line {a.line}) and {c.shown} (line {c.line}): "
                        f"{_verdict(holds)}")
                self.out.append(Suggestion("equal", f"{a.id} == {c.id}", note, holds, facts=(a.id, c.id)))


def respectively_runs(text: str, norm: str, offsets: list[int],
                      figures: list[Figure]) -> list[tuple[list[str], list[Figure], str]]:
    """Each 分別 with its items (the 、-list before it) and its run of figures (joined by 、 after it), and
    the
    verb between (增長): 甲、乙、丙分別增長5%、6%、7%."""
    out: list[tuple[list[str], list[Figure], str]] = []
    starts = [f.mention.start for f in figures]
    for match in re.finditer("分别", norm):
        a = offsets[match.start()]
        left = a
        while left > 0 and text[left - 1] not in ",，;；。:：!！?？\n":
            left -= 1
        head = strip_artifacts(text[left:a])
        items = [x.strip() for x in re.split(r"、|(?:和|及|與|与)(?=[^、]*$)", head) if x.strip()]
        items = [re.sub(r"^(其中|全市|全區|全区)", "", x) for x in items]
        run: list[Figure] = []
        first = bisect.bisect_right(starts, a)  # figures are in text order: skip those before 分別 at once
        for f in itertools.islice(figures, first, None):
            gap = normalise(text[(run[-1].mention.phrase_end if run else a + 2):f.mention.phrase_start])
            if run and gap.strip() not in ("、", ",", "，", "和", "及"):
                break
            if not run and any(c in _SENTENCE_STOPS + ",，" for c in gap):
                break
            run.append(f)
        if len(items) < 2 or len(run) < 2:
            continue  # 分別 before a single figure means "each": 分別組建一個
        verb = strip_artifacts(text[a + 2:run[0].mention.phrase_start])
        out.append((items, run, verb))
    return out


def _mid(iv: Interval | None) -> Fraction:
    if iv is None:
        return Fraction(0)
    if iv.bounded:
        m = iv.midpoint
        return m if m is not None else Fraction(0)
    return Fraction(iv.lo) if iv.lo != -float("inf") else Fraction(0)


def _show(iv: Interval, like: Figure) -> str:
    """An interval in `like`'s printed unit, one decimal more than it prints."""
    shown = iv.scale(1 / like.scale)
    unit = like.mention.unit if like.family in ("rate", "points") else ""
    return fmt_interval(shown, like.mention.decimals + 1 if not like.mention.chinese else 1) + unit


def _verdict(holds: bool | None) -> str:
    if holds is None:
        return "implied"
    return "holds within rounding" if holds else "does NOT hold within rounding: check these figures"


def _prior_period(period: str) -> str:
    m = re.fullmatch(r"(\d{4})(.*)", period)
    return f"{int(m.group(1)) - 1}{m.group(2)}" if m else ""


# -- writing TOML
# ---------------------------------------------------------------------------------------------


def toml_string(value: str) -> str:
    """A TOML basic string: backslash, quote and control characters escaped, the rest verbatim UTF-8."""
    if not _TOML_ESCAPE.search(value):
        return f'"{value}"'  # the common case, without a Python loop over the characters
    out = ['"']
    for ch in value:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


_TOML_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')


def _array(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def render(d: Draft) -> str:
    lines: list[str] = []
    add = lines.append
    failing = sum(1 for s in [*d.suggestions, *(s for _, s in d.checks)] if s.holds is False)
    add(f"# Draft facts for {d.file}, written by `laibin-check extract`. "
        "Review every fact before relying on it:")
    add("# labels, periods and units are guesses; relations marked `suggested = true` are proposals.")
    add(f"# {len(d.figures)} figures, {len(d.implied)} implied figures, "
        f"{len(d.suggestions) + len(d.checks)} suggested relations ({failing} do NOT hold within rounding: "
        "look at those first), {n} not-claims.".replace("{n}", str(len(d.not_claims)))
        .replace("(1 do NOT", "(1 does NOT"))
    if d.encoding not in ("utf-8", "utf-8-sig"):
        add(f"# The report was read as {d.encoding}.")
    add("")
    add("[report]")
    add(f"id = {toml_string(d.report_id)}")
    add(f"title = {toml_string(d.title)}")
    add(f"file = {toml_string(d.file)}")
    add(f"sha256 = {toml_string(d.sha256)}")
    add("")
    for gid, title in d.groups:
        add("[[group]]")
        add(f"id = {toml_string(gid)}")
        add(f"title = {toml_string(title)}")
        add("")
    implied_after: dict[str, list[Implied]] = {}
    for imp in d.implied:
        implied_after.setdefault(imp.derive.facts[0], []).append(imp)
    derives = d.derives()
    for f in d.figures:
        m = f.mention
        add("[[fact]]")
        add(f"id = {toml_string(f.id)}")
        add(f"group = {toml_string(f.group)}")
        add(f"quote = {toml_string(f.quote)}")
        add(f"value = {toml_string(m.value)}")
        add(f"unit = {toml_string(f.unit)}")
        add(f"period = {toml_string(f.period)}")
        add(f"measure = {toml_string(f.measure)}")
        if m.kind in ("rank", "record"):
            add(f"claim = {toml_string(m.kind)}")
        add(f"# line {f.line}, column {f.column}: {_reading(f)}")
        if f.unit_note:
            add(f"# {f.unit_note}")
        s = derives.get(f.id)
        if s is not None:
            _render_derive(add, s)
        add("")
        for imp in implied_after.get(f.id, []):
            add("[[fact]]")
            add(f"id = {toml_string(imp.id)}")
            add(f"group = {toml_string(imp.group)}")
            add("printed = false")
            add(f"unit = {toml_string(imp.unit)}")
            add(f"period = {toml_string(imp.period)}")
            add(f"measure = {toml_string(imp.measure)}")
            _render_derive(add, imp.derive)
            add("")
    for cid, s in d.checks:
        add("[[check]]")
        add(f"id = {toml_string(cid)}")
        add(f"kind = {toml_string(s.kind)}")
        if s.kind == "respectively":
            add(f"items = {_array(s.items)}")
            add(f"facts = {_array(s.facts)}")
        else:
            add(f"formula = {toml_string(s.formula)}")
        add(f"note = {toml_string(s.note)}")
        add("suggested = true")
        add("")
    for text, reason, note in d.not_claims:
        add("[[not_claim]]")
        add(f"text = {toml_string(text)}")
        add(f"reason = {toml_string(reason)}")
        add(f"note = {toml_string(note)}")
        add("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _render_derive(add: object, s: Suggestion) -> None:
    assert callable(add)
    add("")
    add("[fact.derive]")
    add(f"kind = {toml_string(s.kind)}")
    add(f"formula = {toml_string(s.formula)}")
    if s.approximate:
        add(f"approximate = {toml_string(s.approximate)}")
    add(f"note = {toml_string(s.note)}")
    add("suggested = true")


def _reading(f: Figure) -> str:
    m = f.mention
    try:
        return parse_printed(m.value, integer=f.count).reading
    except ValueError:
        return f"printed {m.value}"


# -- the command
# ------------------------------------------------------------------------------------------------


def default_id(path: Path) -> str:
    """The folder name when the file is facts/<id>/report.txt, else the file's stem; lowercased, [a-z0-9-]."""
    stem = path.parent.name if path.stem == "report" and path.parent.name else path.stem
    slug = re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-")
    return slug or "report"


def extract(path: Path, display_path: str, report_id: str | None = None) -> tuple[str, Draft]:
    """Read the report, draft its facts, and render them as TOML."""
    report = ReportText.read(path, display_path)
    d = draft(report, report_id or default_id(path), path.name)
    return render(d), d


def run_extract(report_file: Path, report_id: str | None, output: Path | None, force: bool) -> int:
    """The `extract` command: the draft to stdout, or to `output` (never over an existing file unless
    forced)."""
    import os
    import sys

    if report_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", report_id):
        raise InputError("--id", f"report id {report_id!r} must match [a-z0-9][a-z0-9_-]* "
                         "(it names a folder)")
    if output is not None and output.exists() and not force:
        raise InputError(output.as_posix(), "already exists; pass --force to overwrite it")
    if output is not None and output.exists() and os.path.samefile(output, report_file):
        raise InputError(output.as_posix(), "is the report itself (or a link to it); the draft goes elsewhere")
    text, d = extract(report_file, report_file.as_posix(), report_id)
    if output is None:
        sys.stdout.write(text)
    else:
        from laibin_check.atomic import write_atomic

        write_atomic(output, text.encode("utf-8"))
    failing = sum(1 for s in [*d.suggestions, *(s for _, s in d.checks)] if s.holds is False)
    print(f"laibin-check: drafted {len(d.figures)} facts, {len(d.implied)} implied, "
          f"{len(d.suggestions) + len(d.checks)} suggested relations ({failing} failing), "
          f"{len(d.not_claims)} not-claims from {report_file.as_posix()}"
          + (f" (read as {d.encoding})" if d.encoding not in ("utf-8", "utf-8-sig") else "")
          + (f" -> {output.as_posix()}" if output is not None else ""), file=sys.stderr)
    return 0
