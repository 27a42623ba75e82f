"""Drafting a facts.toml for a report never seen before: every figure as a fact, the not-claims recognised,
and the relations the wording states between figures, as `check` reads and judges them.

The relations are not read here: `check`'s rules propose them (check/rules/) and the engine `verify` uses judges
them (check/evaluate.py), so a draft never says "holds" where `verify` or `check` says otherwise. A relation
`check` is sure of (its error level) is written as an active derivation or check; a reading it is not sure of is
written with `suggested = true` when it holds, and commented out, with its arithmetic, when it fails: `verify` on
the unreviewed draft reports the errors `check` reports, and an editor uncomments what they confirm.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from laibin_check.chars import is_cjk
from laibin_check.errors import InputError
from laibin_check.figures import COUNT_UNITS, Mention, scan_report
from laibin_check.numbers import Readings, parse_printed
from laibin_check.report import ReportText, normalise, strip_artifacts

if TYPE_CHECKING:
    from laibin_check.check.model import Model

# Clause boundaries for labels: a label is the words between the previous boundary and the number.
_CLAUSE_STOPS = ",，;；。!！?？:：、\n“”「」"
_SENTENCE_STOPS = "。;；!！?？\n"
_LEADING_NOISE = ("其中", "同时", "此外", "另外", "目前", "全年", "今年", "并", "及", "和", "其")
_TRAILING_NOISE = ("达到", "达", "为", "是", "了", "有", "共", "约", "的")
_GROWTH_WORDS = ("同比", "环比", "比上年", "比去年", "较上年", "增长", "增", "下降", "减少", "回落", "提高")


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
    family: str = ""
    """rate | points | times | the base unit (元, 个, 吨 ...): a growth label joins only a level's measure."""
    count: bool = False

    @property
    def shown(self) -> str:
        """The figure as printed with its unit: "380多個", "83.4%"."""
        return f"{self.mention.value}{self.mention.unit}"


@dataclass(frozen=True)
class Suggestion:
    """A relation `check` read from the wording and the engine judged, written over the draft's fact ids."""

    kind: str
    """A derivation kind (ratio, share, difference, sum, growth, count ...) or a check kind (equal, bound ...)."""
    formula: str
    note: str
    holds: bool
    """The engine's verdict on this reading of the claim."""
    outcome: str
    """What `check` reports for the claim: holds | error | suggestion (a failing reading to review)."""
    rule: str
    """The genre rule that read it: share-of-total, total-of-parts ..."""
    certainty: str
    """error (the wording pins the relation) or suggestion."""
    id: str
    """The fact that carries the derivation (the stated figure's, or a copy of it), or the check's id."""
    target: str = ""
    """The stated figure's fact, or "" for a check."""
    facts: tuple[str, ...] = ()
    """The operands' fact ids."""
    items: tuple[str, ...] = ()
    partial: bool = False
    approximate: str = ""
    copy: bool = False
    """Written on a copy of the stated figure's fact (same quote and value): a second relation for one figure, a
    reading to review, or one that reads the figure in another unit."""
    unit: str = ""
    """The unit the relation reads the stated figure in (the copy's unit)."""

    @property
    def written(self) -> bool:
        """Active in the draft; a failing reading `check` only suggests is written commented out."""
        return self.outcome != "suggestion"


@dataclass(frozen=True)
class Alternate:
    """A second fact on one printed figure, in the unit a relation reads it in: a plain number in 倍 (the 897 of
    897萬人 divided into a total), or a unit the sentence gives it (近1.1萬元 of a price per 平方米)."""

    id: str
    of: str
    unit: str


@dataclass
class Draft:
    report_id: str
    title: str
    file: str
    sha256: str
    encoding: str
    groups: list[tuple[str, str]]
    figures: list[Figure]
    suggestions: list[Suggestion]
    not_claims: list[tuple[str, str, str]]
    """(text, reason, note)."""
    traditional: bool = True
    by: str = "extract"
    """The command that wrote it, for the header: extract, or check --write-facts."""
    alternates: list[Alternate] = field(default_factory=list)

    def derives(self) -> dict[str, Suggestion]:
        """The derivation written on each figure's own fact, by id."""
        return {s.id: s for s in self.suggestions if s.target and not s.copy}

    @property
    def checks(self) -> list[Suggestion]:
        return [s for s in self.suggestions if not s.target]

    def count(self, outcome: str) -> int:
        return sum(1 for s in self.suggestions if s.outcome == outcome)


# -- drafting
# -------------------------------------------------------------------------------------------------


def draft(report: ReportText, report_id: str, file_name: str = "report.txt",
          readings: Readings | None = None) -> Draft:
    """Everything `extract` writes, as data (the tests read this rather than the TOML)."""
    from laibin_check.check.model import Model

    model = Model(report, readings)
    builder = _Builder(report, model)
    figures = builder.figures()
    d = Draft(
        report_id=report_id, title=builder.title(), file=file_name, sha256=report.sha256,
        encoding=report.encoding, groups=builder.groups, figures=figures, suggestions=[],
        not_claims=builder.not_claims(), traditional=builder.traditional,
    )
    _relations(d, model)
    return d


def _relations(d: Draft, model: Model) -> None:
    """The claims `check` judged, each written over the draft's fact ids: the reading that decides the claim."""
    from laibin_check.check import judged_claims
    from laibin_check.check.evaluate import PLAIN_UNIT

    _, claims = judged_claims(model.report, d.report_id, model.report.display_path, model=model)
    by_start = {f.mention.start: f for f in d.figures}
    ids = _Names({f.id for f in d.figures})
    carried: set[str] = set()
    alts: dict[tuple[str, str], str] = {}

    def fact_for(f: Figure, unit: str) -> str:
        """The fact that states `f` in `unit`: its own, or a second one on the same printed figure."""
        if _same_unit(f.unit, unit):
            return f.id
        if (f.id, unit) not in alts:
            alts[f.id, unit] = _unique(f"{f.id}_{'n' if unit == PLAIN_UNIT else 'u'}", ids)
            d.alternates.append(Alternate(alts[f.id, unit], f.id, unit))
        return alts[f.id, unit]

    for claim in sorted(claims, key=lambda c: c.finding.sort_key):
        r = claim.reading.relation
        if any(g.mention.start not in by_start for g in r.figs):
            continue  # a figure the draft does not hold (never so today: both read scan_report's claims)
        operands = [fact_for(by_start[g.mention.start], PLAIN_UNIT if i in r.plain else g.unit.name)
                    for i, g in enumerate(r.operands)]
        outcome = claim.outcome
        target, unit, copy = "", "", False
        if r.target is not None:
            f = by_start[r.target.mention.start]
            target, unit = f.id, r.target.unit.name
            # A second relation on one figure, a failing reading to review, or a relation that reads the figure in
            # another unit: written on a copy of the figure's fact.
            copy = outcome == "suggestion" or target in carried or not _same_unit(f.unit, unit)
            if not copy:
                carried.add(target)
            sid = _unique(f"{target}_{r.kind}", ids) if copy else target
            formula = r.formula.format(*operands, t=fact_for(f, unit) if "{t}" in r.formula else "")
        else:
            sid = _unique(f"{operands[0]}_{r.kind}", ids)
            formula = r.formula.format(*operands, t="")
        d.suggestions.append(Suggestion(
            kind=r.kind, formula=formula,
            note=_note(r.why, claim.finding.message, claim.readings),
            holds=claim.reading.finding.verdict == "consistent", outcome=outcome, rule=r.rule,
            certainty=r.certainty, id=sid, target=target, facts=tuple(operands), items=r.items,
            partial=r.partial, approximate=r.approximate, copy=copy, unit=unit))


@functools.cache
def _unit_key(unit: str) -> tuple[object, ...] | None:
    from laibin_check.units import resolve

    try:
        return tuple(resolve(unit)[1:4])  # scale, dimension, dims: what the arithmetic reads
    except (KeyError, ValueError):
        return None


def _same_unit(a: str, b: str) -> bool:
    return a == b or (_unit_key(a) is not None and _unit_key(a) == _unit_key(b))


def _note(why: str, message: str, readings: int) -> str:
    """The words the relation was read from, and the engine's arithmetic (with, for a suggestion, what would
    confirm it)."""
    parts = [f"read from: {why}" if why else "", re.sub(r"^review: ", "", message)]
    if readings > 1:
        parts.append(f"{readings} readings of this claim were judged; this is the one that decides it")
    return "; ".join(p for p in parts if p).replace("\n", " ")


class _Builder:
    """Labels, periods, groups and quotes: everything read from the text around each figure."""

    def __init__(self, report: ReportText, model: Model) -> None:
        self.report = report
        self.model = model
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
        self.groups: list[tuple[str, str]] = []
        self.group_at: list[str] = []
        self._sections()
        self.years = [(m.start, int(m.number)) for m in self.mentions if m.kind == "date" and m.unit
                      and normalise(m.unit) == "年" and m.number.isdigit()]
        self.artifact_starts = [a for a, _ in report.artifact_spans]

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
        for m in self.mentions:
            if not m.needs_claim or m.kind not in ("figure", "rank", "record"):
                continue
            f = Figure(m)
            f.line, f.column = self.report.place(m.start)
            f.paragraph = f.line
            f.group = self.group_at[f.line - 1]
            f.measure = self.measure(m, self.label(m), out)
            f.unit, f.unit_note = self.unit(m)
            f.period = self.period(m)
            f.quote = self.quote(m)
            self.quantify(f)
            out.append(f)
        self.respectively(out)
        for f in out:
            if f.mention.kind == "record":
                f.measure = (f.measure + "…" + self.after_noun(f.mention)).strip("…")
            f.id = _unique(_id_for(f.measure, f.mention), ids)
        return out

    def respectively(self, figures: list[Figure]) -> None:
        """Each figure of a 分別 list is named by its item: 碳酸鈣產業、木材加工業分別增長81.4%、101%. The lists are
        `check`'s (check.model.runs, the one reading of 分別); the words are taken back from the report's own text."""
        from laibin_check.check.model import model_runs

        by_start = {f.mention.start: f for f in figures}
        offsets = self.offsets
        for run in model_runs(self.model):
            if not run.items or len(run.items) != len(run.figs):
                continue
            first = run.figs[0]
            verb = strip_artifacts(self.text[offsets[first.start - len(run.verb)]:first.mention.phrase_start])
            head = self.model.sentence_span(first.sentence)[0]
            for item, g in zip(run.items, run.figs, strict=True):
                f = by_start.get(g.mention.start)
                at = self.norm.rfind(item, head, first.start)
                if f is not None:
                    words = item if at < 0 else self.text[offsets[at]:offsets[at + len(item) - 1] + 1]
                    f.measure = strip_artifacts(words) + verb

    def label(self, m: Mention) -> str:
        """The words before the number in its clause, as printed, up to 40 characters."""
        # Artifacts are dropped before cutting, so a label never starts or ends inside one.
        clean = strip_artifacts(self.text[max(0, m.phrase_start - 80):m.phrase_start])
        cut = max(clean.rfind(c) for c in _CLAUSE_STOPS)
        return clean[cut + 1:][-40:].strip()

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
        """The period `check` reads for the figure (check.model: the last named before it in its paragraph, a
        base of comparison such as 比2019年同期 set aside), written with its year: 一季度 and 1-3月 are 2021Q1,
        上半年 2021H1, 6月 2021M6, 去年 2020. A paragraph that names none is about the report's own period."""
        key = self.model.period_of(m.phrase_start)
        if "年度目标" in normalise(self.text[max(0, m.phrase_start - 12):m.phrase_start]):
            year = self._year_before(m.start)
            return str(year) if year else self.main_period  # 完成年度目标任务的N%: progress on the year's target
        return _period_text(key, self._year_before(m.start)) if key else self.main_period

    @cached_property
    def main_period(self) -> str:
        """The report's own period: its first time expression (a paragraph without one is about it)."""
        years = [y for _, y in self.years]
        return _period_text(self.model.first_period, years[0] if years else None)

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
        the one before, until it occurs once. Never back over an earlier mention of the same value, so the engine
        still places this figure. Bounded (240 characters either way) and found by bisection (a longer quote
        occurs no more often than a shorter one it holds): a handful of searches, whatever the text repeats."""
        reach = 240
        floor = max(self._same_value_before(m, max(0, m.start - reach)), max(0, left - reach))
        ceiling = min(len(self.text), right + reach)

        def unique(a: int, b: int) -> bool:
            a, b = self._snap(a, b)
            return self.report.occurs_once(self.text[a:b])

        # A wider span is unique whenever a narrower one is: bisect finds the narrowest.
        if unique(left, ceiling):
            ends = range(right + 1, ceiling + 1)  # the least end that makes it unique
            a, b = self._snap(left, ends[bisect.bisect_left(ends, True, key=lambda e: unique(left, e))])
        elif unique(floor, ceiling):
            starts = range(floor, left)  # the greatest start that keeps it unique
            i = bisect.bisect_left(starts, True, key=lambda s: not unique(s, ceiling))
            a, b = self._snap(starts[i - 1], ceiling)
        else:
            return None
        return self.text[a:b].strip()

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
        """The figure's family (a growth label joins only a level's measure) and whether it counts items (its
        reading comment says so)."""
        m = f.mention
        base = m.base_unit
        if base in ("%", "‰", "成"):
            f.family = "rate"
        elif base in ("个百分点", "百分点"):
            f.family = "points"
        elif base == "倍":
            f.family = "times"
        else:
            f.family = base or "个"
        f.count = ((base in COUNT_UNITS or base == "") and m.magnitude == 1
                   and f.family not in ("rate", "points"))

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


def _period_text(key: str, year: int | None) -> str:
    """A period key of check's model (2021M1-3, M6, prior …) as a facts file writes it, with its year."""
    if key == "prior":
        return str(year - 1) if year else ""
    if key in ("same", ""):
        return ""
    head, rest = (key[:4], key[4:]) if key[:4].isdigit() else (str(year) if year else "", key)
    if not head and rest:
        return ""  # 6月 in a report that names no year: no period a reader could check
    shown = {"M1-3": "Q1", "M1-6": "H1", "M1-9": "Q1-3", "M1-12": ""}.get(rest, rest)
    return head + shown


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
    errors, holding, review = d.count("error"), d.count("holds"), d.count("suggestion")
    add(f"# Draft facts for {d.file}, written by `laibin-check {d.by}`. Review every fact before relying on it:")
    add("# labels, periods and units are guesses. The relations are `laibin-check check`'s, judged by the same engine:")
    add(f"# {_n(errors, 'error')} (the wording pins the relation: verify fails on it, as check does), "
        f"{holding} holding (`suggested = true` where")
    add(f"# check is not sure of the reading), {review} failing reading(s) to review (commented out under "
        "`# review`: uncomment")
    add(f"# what you confirm). {len(d.figures)} figures, {len(d.not_claims)} not-claims.")
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
    derives = d.derives()
    after: dict[str, list[Suggestion]] = {}
    for s in d.suggestions:
        if s.copy:
            after.setdefault(s.target, []).append(s)
    alternates: dict[str, list[Alternate]] = {}
    for alt in d.alternates:
        alternates.setdefault(alt.of, []).append(alt)
    for f in d.figures:
        _fact(add, f, f.id)
        add(f"# line {f.line}, column {f.column}: {_reading(f)}")
        if f.unit_note:
            add(f"# {f.unit_note}")
        inline = derives.get(f.id)
        if inline is not None:
            add("")
            _derive(add, inline)
        add("")
        for alt in alternates.get(f.id, []):
            _fact(add, f, alt.id, unit=alt.unit)
            add(f"# the same figure read {f'in {alt.unit}' if alt.unit else 'as a plain number'}, as a relation "
                "below reads it")
            add("")
        for s in after.get(f.id, []):
            out = add if s.written else _commented(add, s)
            _fact(out, f, s.id, unit=s.unit)
            out("")
            _derive(out, s)
            add("")
    for s in d.checks:
        out = add if s.written else _commented(add, s)
        out("[[check]]")
        out(f"id = {toml_string(s.id)}")
        out(f"kind = {toml_string(s.kind)}")
        if s.items:
            out(f"items = {_array(s.items)}")
        else:
            out(f"formula = {toml_string(s.formula)}")
        out(f"note = {toml_string(s.note)}")
        if s.certainty == "suggestion":
            out("suggested = true")
        add("")
    for text, reason, note in d.not_claims:
        add("[[not_claim]]")
        add(f"text = {toml_string(text)}")
        add(f"reason = {toml_string(reason)}")
        add(f"note = {toml_string(note)}")
        add("")
    return "\n".join(lines).rstrip("\n") + "\n"


Add = Callable[[str], None]


def _fact(add: Add, f: Figure, fid: str, unit: str | None = None) -> None:
    m = f.mention
    add("[[fact]]")
    add(f"id = {toml_string(fid)}")
    add(f"group = {toml_string(f.group)}")
    add(f"quote = {toml_string(f.quote)}")
    add(f"value = {toml_string(m.value)}")
    add(f"unit = {toml_string(f.unit if unit is None else unit)}")  # "": the plain number
    add(f"period = {toml_string(f.period)}")
    add(f"measure = {toml_string(f.measure)}")
    if m.kind in ("rank", "record"):
        add(f"claim = {toml_string(m.kind)}")


def _derive(add: Add, s: Suggestion) -> None:
    add("[fact.derive]")
    add(f"kind = {toml_string(s.kind)}")
    if s.kind == "count":
        add(f"items = {_array(s.items)}")
        if s.partial:
            add("partial = true")
    else:
        add(f"formula = {toml_string(s.formula)}")
    if s.approximate:
        add(f"approximate = {toml_string(s.approximate)}")
    add(f"note = {toml_string(s.note)}")
    if s.certainty == "suggestion":
        add("suggested = true")


def _commented(add: Add, s: Suggestion) -> Add:
    """A failing reading `check` only suggests: written as TOML comments, so `verify` on the unreviewed draft
    agrees with `check`, and an editor who confirms the reading removes the `# `."""
    add(f"# review ({s.rule}): this reading fails, but the wording does not pin it; uncomment it if it is right")
    return lambda line: add(f"# {line}" if line else "#")


def _reading(f: Figure) -> str:
    m = f.mention
    try:
        return parse_printed(m.value, integer=f.count).reading
    except ValueError:
        return f"printed {m.value}"


# -- the command
# ------------------------------------------------------------------------------------------------


def _n(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def default_id(path: Path) -> str:
    """The folder name when the file is facts/<id>/report.txt, else the file's stem; lowercased, [a-z0-9-]."""
    stem = path.parent.name if path.stem == "report" and path.parent.name else path.stem
    slug = re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-")
    return slug or "report"


def extract(path: Path, display_path: str, report_id: str | None = None,
            readings: Readings | None = None) -> tuple[str, Draft]:
    """Read the report, draft its facts, and render them as TOML."""
    report = ReportText.read(path, display_path)
    d = draft(report, report_id or default_id(path), path.name, readings)
    return render(d), d


def run_extract(report_file: Path, report_id: str | None, output: Path | None, force: bool,
                readings: Readings | None = None) -> int:
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
    text, d = extract(report_file, report_file.as_posix(), report_id, readings)
    if output is None:
        sys.stdout.write(text)
    else:
        from laibin_check.atomic import write_atomic

        write_atomic(output, text.encode("utf-8"))
    print(f"laibin-check: drafted {len(d.figures)} facts, {_n(len(d.suggestions), 'relation')} as `check` reads them "
          f"({_n(d.count('error'), 'error')}, {d.count('holds')} holding, {d.count('suggestion')} to review), "
          f"{len(d.not_claims)} not-claims from {report_file.as_posix()}"
          + (f" (read as {d.encoding})" if d.encoding not in ("utf-8", "utf-8-sig") else "")
          + (f" -> {output.as_posix()}" if output is not None else ""), file=sys.stderr)
    return 0
