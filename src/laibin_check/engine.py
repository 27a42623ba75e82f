"""Facts -> findings: places every fact in its report, recomputes every derivation and check, and says why.

No printing here: the engine returns a RunResult of plain records, and the reporters decide how it looks.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from laibin_check import formula as F
from laibin_check import loader
from laibin_check.derivations import Quantity, UnitMismatch, agree, evaluate, solve
from laibin_check.errors import InputError
from laibin_check.facts import Check, Fact, Origin, ReportFacts
from laibin_check.findings import Finding, Input, Receipt, ReportResult, RunResult, Severity, Verdict
from laibin_check.numbers import Interval, Printed, Readings, fmt_interval, parse_printed, round_half_up
from laibin_check.report import ReportText, Span
from laibin_check.rules import RULES
from laibin_check.units import Unit, resolve

KIND_CODES = {"ratio": "LC101", "share": "LC101", "difference": "LC102", "sum": "LC103", "count": "LC104",
              "target": "LC105", "growth": "LC106", "bound": "LC107", "equal": "LC108", "respectively": "LC109",
              "formula": "LC112"}


@dataclass(frozen=True)
class Settings:
    readings: Readings = field(default_factory=Readings)
    hygiene: bool = True
    """Run the text-hygiene checks (pinyin artifacts, garbled bytes, mixed scripts)."""
    coverage: bool = True
    """Require every figure in the report to be claimed by a fact or declared a not-claim."""


def run(facts_dir: Path, report_ids: list[str] | None = None, settings: Settings | None = None) -> RunResult:
    from laibin_check import __version__

    settings = settings or Settings()
    folders = loader.discover(facts_dir)
    if report_ids:
        names = {f.name: f for f in folders}
        for rid in report_ids:
            if rid not in names:
                raise InputError(loader._display(facts_dir), f"no report {rid!r} here; reports: "
                                 f"{', '.join(sorted(names))}")
        folders = [names[r] for r in sorted(set(report_ids))]
    results = tuple(check_report(loader.load_report(folder), settings) for folder in folders)
    return RunResult(results, __version__)


def check_report(rf: ReportFacts, settings: Settings) -> ReportResult:
    text = ReportText.read(rf.report_file, rf.display_report)
    return _ReportCheck(rf, text, settings).run()


def check_facts(rf: ReportFacts, text: ReportText, settings: Settings) -> ReportResult:
    """Facts held in memory against a text held in memory (`check` proposes its relations as facts)."""
    return _ReportCheck(rf, text, settings).run()


class _Place(NamedTuple):
    quote: Span
    value: Span
    fall: bool = False
    """A fall word stands right before the value (下降5.2%): the figure states -5.2% (figures.fact_sign)."""


class _ReportCheck:
    def __init__(self, rf: ReportFacts, text: ReportText, settings: Settings) -> None:
        self.rf = rf
        self.text = text
        self.settings = settings
        self.units: dict[str, Unit] = {f.id: resolve(f.unit) for f in rf.facts}
        self.printed: dict[str, Printed] = {}
        self.env: dict[str, Quantity] = {}
        self.places: dict[str, _Place] = {}
        self.stale: set[str] = set()
        self.findings: list[Finding] = []
        self.group_titles = {g.id: g.title for g in rf.groups}

    # -- the run ------------------------------------------------------------------------------------------------
    def run(self) -> ReportResult:
        self._place_facts()
        for fact in self.rf.facts:
            if fact.printed:
                unit = self.units[fact.id]
                p = parse_printed(fact.value, integer=unit.integer, readings=self.settings.readings)
                self.printed[fact.id] = p
                place = self.places.get(fact.id)
                interval = -p.interval if place is not None and place.fall else p.interval
                self.env[fact.id] = Quantity(interval.scale(unit.scale), unit.dims, unit.rate_kind,
                                             integer=unit.integer)
        for fact in loader.topological(self.rf.facts):
            if fact.claim in ("rank", "record"):
                self._unverifiable(fact)
            if fact.derive is not None:
                self._derived(fact)
        for check in self.rf.checks:
            self._check(check)
        self.findings.extend(self._text_findings())
        findings = tuple(sorted(self.findings, key=lambda f: f.sort_key))
        return ReportResult(
            report_id=self.rf.id, title=self.rf.title, path=self.rf.display_report,
            groups=tuple((g.id, g.title) for g in self.rf.groups), findings=findings,
            facts_count=len(self.rf.facts), sha256=self.text.sha256,
        )

    def _text_findings(self) -> list[Finding]:
        out: list[Finding] = []
        if self.settings.coverage:
            from laibin_check import coverage

            out.extend(coverage.check(self.rf, self.text, self.claimed_spans()))
        if self.settings.hygiene:
            from laibin_check import hygiene

            # Grouped as they are made: hundreds of artifacts would otherwise each be copied by _regroup.
            out.extend(hygiene.check(self.text, self.rf.id, group_at=self._group_title_at))
        return [self._regroup(f) for f in out]

    def claimed_spans(self) -> dict[str, Span]:
        """fact id -> the span of its printed value in the report (for the coverage check)."""
        return {fid: place.value for fid, place in sorted(self.places.items())}

    # -- places -------------------------------------------------------------------------------------------------
    def _place_facts(self) -> None:
        for fact in self.rf.facts:
            if not fact.printed:
                continue
            spans = self.text.find(fact.quote)
            if not spans:
                self.stale.add(fact.id)
                users = sorted(self._users(fact.id))
                also = f"; not checked until it is fixed: {', '.join(users)}" if users else ""
                self.findings.append(self._at_facts_file(
                    "LC201", fact, fact.origin,
                    f"quote of {fact.id} ({fact.measure}) no longer occurs in the report: “{fact.quote}”{also}"))
                continue
            quote_span = spans[0]
            if len(spans) > 1:
                lines = ", ".join(str(s.line) for s in spans)
                self.findings.append(self._finding(
                    "LC203", fact.id, quote_span, f"quote of {fact.id} occurs {len(spans)} times "
                    f"(lines {lines}); lengthen it so it names one place: “{fact.quote}”", fact_ids=(fact.id,)))
            from laibin_check.figures import fact_sign, find_value

            mention = find_value(self.text, quote_span, fact.value)
            value_span = None if mention is None else self.text.span(mention.start, mention.end)
            if value_span is None or mention is None:
                self.stale.add(fact.id)
                found = self._numbers_in(quote_span)
                self.findings.append(self._finding(
                    "LC202", fact.id, quote_span,
                    f"{fact.id} ({fact.measure}) has value {fact.value!r} but its quote prints "
                    f"{' '.join(found) or 'no figure'}: “{self.text.text[quote_span.start:quote_span.end]}”",
                    fact_ids=(fact.id,)))
                continue
            self.places[fact.id] = _Place(quote_span, value_span, fact_sign(mention, fact.value) < 0)

    def _numbers_in(self, span: Span) -> list[str]:
        import re

        return re.findall(r"\d+(?:\.\d+)?", self.text.text[span.start:span.end])

    def _users(self, fact_id: str) -> set[str]:
        users = set()
        for fact in self.rf.facts:
            if fact.derive and fact.derive.formula and fact_id in _refs(fact.derive.formula):
                users.add(fact.id)
        for check in self.rf.checks:
            if fact_id in _refs(check.formula) or fact_id in check.facts:
                users.add(check.id)
        return users

    # -- findings -----------------------------------------------------------------------------------------------
    def _finding(self, code: str, subject: str, span: Span | None, message: str, *,
                 severity: Severity | None = None, verdict: Verdict | None = None,
                 fact_ids: tuple[str, ...] = (), receipt: Receipt | None = None, group: str = "",
                 label: str = "", stated: str = "") -> Finding:
        rule = RULES[code]
        if span is None:
            line = col = 1
            end_line = end_col = 0
            quote = sentence = ""
        else:
            line, col, end_line, end_col = span.line, span.column, span.end_line, span.end_column
            quote = self.text.text[span.start:span.end]
            sentence = self.text.sentence_at(span.start, span.end)
        return Finding(
            code=code, rule=rule.name, severity=rule.severity if severity is None else severity,
            message=message, report=self.rf.id, path=self.rf.display_report, line=line, column=col,
            end_line=end_line, end_column=end_col, fact_ids=fact_ids or (subject,), verdict=verdict,
            group=self.group_titles.get(group, group), quote=quote, sentence=sentence, receipt=receipt,
            extra=tuple(sorted((k, v) for k, v in (("label", label), ("stated", stated)) if v)),
        )

    def _at_facts_file(self, code: str, fact: Fact, origin: Origin, message: str) -> Finding:
        rule = RULES[code]
        return Finding(
            code=code, rule=rule.name, severity=rule.severity, message=message, report=self.rf.id,
            path=origin.path, line=origin.line, column=origin.column, fact_ids=(fact.id,),
            group=self.group_titles.get(fact.group, fact.group), quote=fact.quote,
        )

    def _regroup(self, finding: Finding) -> Finding:
        """Give a text finding the group of the facts around it, so editors read it in its section."""
        if finding.group or finding.path != self.rf.display_report:
            return finding
        return finding._replace(group=self._group_title_at(finding.line))

    def _group_title_at(self, line: int) -> str:
        """The title of the group of the last placed fact (in line order) at or above `line`; on a shared line
        the first placed fact's group; the first group when none is above."""
        lines, groups = self._group_lines
        at = bisect.bisect_right(lines, line) - 1
        best = groups[at] if at >= 0 else ""
        if not best and self.rf.groups:
            best = self.rf.groups[0].id
        return self.group_titles.get(best, best)

    @cached_property
    def _group_lines(self) -> tuple[list[int], list[str]]:
        """Quote lines of the placed facts that have a group, ascending, with that group: one bisect per text
        finding instead of a pass over every placed fact (hundreds of findings on a report with artifacts)."""
        first: dict[int, str] = {}
        for fid, place in self.places.items():
            group = self.rf.fact(fid).group
            if group:
                first.setdefault(place.quote.line, group)
        lines = sorted(first)
        return lines, [first[line] for line in lines]

    def _span_of(self, fact_ids: list[str]) -> tuple[Span | None, str]:
        """The place to point at for a check: the quote of its first placed, printed fact, and that fact's group."""
        for fid in fact_ids:
            if fid in self.places:
                return self.places[fid].quote, self.rf.fact(fid).group
        for fid in fact_ids:
            fact = self.rf.fact(fid)
            if not fact.printed and fact.derive and fact.derive.formula:
                span, group = self._span_of(_refs(fact.derive.formula))
                if span is not None:
                    return span, fact.group or group
        return None, ""

    # -- unverifiable -------------------------------------------------------------------------------------------
    def _unverifiable(self, fact: Fact) -> None:
        if fact.id in self.stale:
            return
        what = "a rank" if fact.claim == "rank" else "a record"
        span = self.places[fact.id].quote
        self.findings.append(self._finding(
            "LC111", fact.id, span,
            f"{fact.measure}: {what} cannot be recomputed from the report alone (needs outside data): "
            f"“{self.text.text[span.start:span.end]}”",
            verdict="unverifiable", group=fact.group, label=fact.measure,
            stated=(f"第{fact.value}{fact.unit}" if fact.claim == "rank" else f"{fact.value}{fact.unit}")))

    # -- derivations ----------------------------------------------------------------------------------------------
    def _derived(self, fact: Fact) -> None:
        d = fact.derive
        assert d is not None
        if d.kind == "count":
            self._count(fact)
            return
        node = F.parse(d.formula).left
        refs = _refs(d.formula)
        stale = [r for r in refs if r in self.stale or r not in self.env]
        if fact.id in self.stale or stale:
            return
        unit = self.units[fact.id]
        code = KIND_CODES[d.kind]
        try:
            result = evaluate(node, self.env)
        except UnitMismatch as exc:
            origin = d.formula_origin or fact.origin
            raise InputError(origin.path, str(exc), origin.line, origin.column + exc.column) from None
        except ZeroDivisionError:
            origin = d.formula_origin or fact.origin
            raise InputError(origin.path, "a divisor in the formula may be zero", origin.line,
                             origin.column) from None
        if result.dims != unit.dims:
            origin = d.formula_origin or fact.origin
            raise InputError(origin.path, f"formula gives {_dims(result.dims)} but {fact.id} is in {fact.unit} "
                             f"({unit.dimension})", origin.line, origin.column)
        inputs = self._inputs(refs)
        notes = [f"approximate: {d.approximate}"] if d.approximate else []
        if d.suggested:
            notes.append("suggested by laibin-check extract; not yet reviewed")
        formula_text = f"{fact.id} = {F.render(node)}" + self._substituted(node)
        if not fact.printed:
            self._implied(fact, node, result, code, formula_text, inputs, notes)
            return
        stated = self.env[fact.id].iv
        p = self.printed[fact.id]
        span = self.places[fact.id].quote
        unit_problem = _rate_unit_problem(unit.rate_kind, result.rate, d.kind)
        ag = agree(node, self.env, stated)
        shown = ag.whole if ag.whole is not None else ag.recomputed
        decimals = p.decimals + 1 if unit.kind in ("rate", "points") else max(p.decimals + 1, 2)
        recomputed_text = self._show(shown, unit, decimals)
        if ag.agrees and unit_problem is None:
            note = self._rounding_note(node, fact, p)
            receipt = Receipt(formula_text, inputs, recomputed_text, self._show(stated, unit, p.decimals + 1),
                              (), tuple(notes + ([note] if note else [])))
            self.findings.append(self._finding(
                code, fact.id, span,
                f"{fact.measure} {p.text}{fact.unit} agrees with{self._substituted(node)[2:]}: "
                f"recomputed {recomputed_text}",
                severity="none", verdict="consistent", fact_ids=(fact.id, *refs), receipt=receipt,
                group=fact.group, label=fact.measure, stated=f"{p.text}{fact.unit}"))
            return
        if unit_problem is not None:
            receipt = Receipt(formula_text, inputs, recomputed_text, self._show(stated, unit, p.decimals + 1),
                              (unit_problem[1],), tuple(notes))
            self.findings.append(self._finding(
                "LC110", fact.id, span, f"{fact.measure} {p.text}{fact.unit}: {unit_problem[0]}",
                verdict="inconsistent", fact_ids=(fact.id, *refs), receipt=receipt, group=fact.group,
                label=fact.measure, stated=f"{p.text}{fact.unit}"))
            if ag.agrees:
                return
        if p.qualifier:
            notes.append(f"the stated {p.text}{fact.unit} is read as {p.reading}")
        suggestions = self._suggestions(node, fact, refs, stated)
        if ag.grim_decided:
            notes.append("interval arithmetic alone allows it, but no whole-number count does (GRIM test)")
        receipt = Receipt(formula_text, inputs, recomputed_text, self._show(stated, unit, p.decimals + 1),
                          tuple(suggestions), tuple(notes))
        gives = _printable(shown.scale(1 / unit.scale), p.decimals)
        lead = next((s for s in suggestions if "needs" in s and "多" in s), None) or next(
            (s for s in suggestions if "needs" in s), None)
        self.findings.append(self._finding(
            code, fact.id, span,
            f"{fact.measure} {p.text}{fact.unit} does not follow from{self._substituted(node)[2:]}, "
            f"which gives {gives}{fact.unit}" + (f"; {lead}" if lead else ""),
            verdict="inconsistent", fact_ids=(fact.id, *refs), receipt=receipt, group=fact.group,
            label=fact.measure, stated=f"{p.text}{fact.unit}"))

    def _implied(self, fact: Fact, node: F.Node, result: Quantity, code: str, formula_text: str,
                 inputs: tuple[Input, ...], notes: list[str]) -> None:
        unit = self.units[fact.id]
        span, group = self._span_of(_refs(fact.derive.formula if fact.derive else ""))
        group = fact.group or group
        in_unit = result.iv.scale(1 / unit.scale)
        if unit.integer:
            whole = in_unit.integers(limit=1000)
            interval_text = self._show(result.iv, unit, 2)
            if whole == []:
                receipt = Receipt(formula_text, inputs, interval_text, "", (), tuple(notes))
                self.findings.append(self._finding(
                    code, fact.id, span,
                    f"{fact.measure} would have to lie in {interval_text}, which holds no whole number: "
                    f"the figures it is computed from contradict each other (GRIM test)",
                    verdict="inconsistent", fact_ids=(fact.id, *_refs(fact.derive.formula if fact.derive else "")),
                    receipt=receipt, group=group, label=fact.measure))
                self.env[fact.id] = Quantity(result.iv, unit.dims, unit.rate_kind, integer=True)
                return
            if whole is not None and len(whole) == 1:
                value_text = f"{whole[0]}{fact.unit}"
                self.env[fact.id] = Quantity(Interval.point(whole[0]).scale(unit.scale), unit.dims,
                                             unit.rate_kind, integer=True)
            elif whole:
                value_text = f"{whole[0]}–{whole[-1]}{fact.unit}"
                likely = self._exact_reading(node, fact)
                if likely is not None:
                    value_text += f", {likely}{fact.unit} with the printed figures taken as exact"
                self.env[fact.id] = Quantity(result.iv, unit.dims, unit.rate_kind, integer=True)
            else:
                value_text = interval_text
                self.env[fact.id] = Quantity(result.iv, unit.dims, unit.rate_kind, integer=True)
            message = f"implies {fact.measure} of {value_text} (from {interval_text})"
            interval_text = f"{value_text.split(',')[0]} from {interval_text}"
        else:
            self.env[fact.id] = Quantity(result.iv, unit.dims, unit.rate_kind)
            decimals = self._input_decimals(fact)
            interval_text = self._show(result.iv, unit, decimals)
            mid = in_unit.midpoint
            exact = self._exact_value(node, fact)
            point = exact if exact is not None else mid
            about = f"about {round_half_up(point, decimals)}{fact.unit} " if point is not None else ""
            message = f"implies {fact.measure} of {about}({interval_text})"
            interval_text = f"≈{about.removeprefix('about ').strip()} in {interval_text}" if about else interval_text
            if fact.derive and fact.derive.approximate:
                message += "; approximate"
        receipt = Receipt(formula_text, inputs, interval_text, "", (), tuple(notes))
        self.findings.append(self._finding(
            code, fact.id, span, message, severity="info", verdict="implied",
            fact_ids=(fact.id, *_refs(fact.derive.formula if fact.derive else "")), receipt=receipt, group=group,
            label=fact.measure))

    def _exact_value(self, node: F.Node, fact: Fact) -> Fraction | None:
        """What the formula gives, in the fact's unit, with every input taken exactly as printed."""
        env = dict(self.env)
        for r in _refs(fact.derive.formula if fact.derive else ""):
            if r in self.printed:
                env[r] = env[r]._replace(iv=Interval.point(self.printed[r].number * self.units[r].scale))
        try:
            value = evaluate(node, env).iv.scale(1 / self.units[fact.id].scale)
        except ZeroDivisionError:
            return None
        return value.lo if value.is_point and isinstance(value.lo, Fraction) else None

    def _exact_reading(self, node: F.Node, fact: Fact) -> int | None:
        """The whole number the formula gives when every input is taken exactly as printed, if it gives one."""
        value = self._exact_value(node, fact)
        return int(value) if value is not None and value.denominator == 1 else None

    def _input_decimals(self, fact: Fact) -> int:
        refs = _refs(fact.derive.formula) if fact.derive else []
        same_unit = [self.printed[r].decimals for r in refs if r in self.printed and self.rf.fact(r).unit == fact.unit]
        return max(same_unit, default=2)

    # -- counts of enumerations -----------------------------------------------------------------------------------
    def _count(self, fact: Fact) -> None:
        d = fact.derive
        assert d is not None
        if fact.id in self.stale or not fact.printed:
            return
        p = self.printed[fact.id]
        n = len(d.items)
        span = self.places[fact.id].quote
        listed = "、".join(d.items)
        stated = p.interval
        if d.partial:
            ok = stated.hi > n or (stated.hi == n and not stated.hi_open)
            how = f"names {n} of them, a partial list (等)"
        else:
            ok = stated.contains(n)
            how = f"names {n}"
        receipt = Receipt(
            f"{fact.id} = count({listed})" + (" [partial]" if d.partial else ""),
            (Input(fact.id, f"{p.text}{fact.unit}", fmt_interval(stated, 0), p.reading),),
            f"{n} listed" + (", list partial (等)" if d.partial else ""), fmt_interval(stated, 0),
            () if ok else (f"the report lists {n} items; print {n}{fact.unit}, or name "
                           f"{'at most ' if d.partial else ''}{p.text} items",),
            tuple(x for x in (d.note,) if x))
        verdict: Verdict = "consistent" if ok else "inconsistent"
        message = (f"{fact.measure} {p.text}{fact.unit}: the report {how}"
                   + ("" if ok else f", {'more than' if d.partial else 'not'} {p.text}"))
        self.findings.append(self._finding(
            "LC104", fact.id, span, message, severity="none" if ok else None, verdict=verdict,
            receipt=receipt, group=fact.group, label=fact.measure, stated=f"{p.text}{fact.unit}"))

    # -- checks -------------------------------------------------------------------------------------------------------
    def _check(self, check: Check) -> None:
        if check.kind == "respectively":
            self._respectively(check)
            return
        parsed = F.parse(check.formula)
        assert parsed.right is not None
        refs = _refs(check.formula)
        if any(r in self.stale or r not in self.env for r in refs):
            return
        try:
            left = evaluate(parsed.left, self.env)
            right = evaluate(parsed.right, self.env)
        except UnitMismatch as exc:
            origin = check.formula_origin or check.origin
            raise InputError(origin.path, str(exc), origin.line, origin.column + exc.column) from None
        if left.dims != right.dims:
            origin = check.formula_origin or check.origin
            raise InputError(origin.path, f"cannot compare {_dims(left.dims)} with {_dims(right.dims)}",
                             origin.line, origin.column)
        ok = _possible(left.iv, parsed.op, right.iv)
        span, group = self._quote_span(check) if check.quote else self._span_of(refs)
        unit = self._unit_of(refs)
        lt, rt = self._show(left.iv, unit, 2), self._show(right.iv, unit, 2)
        formula_text = f"{F.render(parsed.left)} {parsed.op} {F.render(parsed.right)}"
        subst = f"{self._substituted(parsed.left).removeprefix(' = ')} {parsed.op} " \
                f"{self._substituted(parsed.right).removeprefix(' = ')}"
        receipt = Receipt(formula_text + f" : {subst}", self._inputs(refs), f"{lt} {parsed.op} {rt}", "",
                          () if ok else (f"{formula_text} cannot hold: {lt} against {rt}",),
                          tuple(x for x in (check.note,) if x))
        code = KIND_CODES[check.kind]
        verdict: Verdict = "consistent" if ok else "inconsistent"
        message = (f"{check.id}: {subst} holds" if ok else f"{check.id}: {subst} cannot hold ({lt} vs {rt})")
        self.findings.append(self._finding(
            code, check.id, span, message, severity="none" if ok else None, verdict=verdict,
            fact_ids=(check.id, *refs), receipt=receipt, group=check.group or group,
            label=self._check_label(check), stated=subst))

    def _respectively(self, check: Check) -> None:
        n, m = len(check.items), len(check.facts)
        span, group = self._quote_span(check) if check.quote else self._span_of(list(check.facts))
        ok = n == m
        values = "、".join(f"{self.printed[f].text}{self.rf.fact(f).unit}" for f in check.facts if f in self.printed)
        receipt = Receipt("count(items) == count(figures)", (), f"{n} items, {m} figures", "",
                          () if ok else (f"name {m} items or give {n} figures",),
                          tuple(x for x in (check.note,) if x))
        message = (f"{check.id}: {n} items 分別 {m} figures ({values})")
        self.findings.append(self._finding(
            "LC109", check.id, span, message, severity="none" if ok else None,
            verdict="consistent" if ok else "inconsistent", fact_ids=(check.id, *check.facts), receipt=receipt,
            group=check.group or group, label=self._check_label(check), stated=values))

    def _quote_span(self, check: Check) -> tuple[Span | None, str]:
        spans = self.text.find(check.quote)
        fallback, group = self._span_of(list(check.facts) or _refs(check.formula))
        return (spans[0] if spans else fallback), check.group or group

    def _check_label(self, check: Check) -> str:
        """What a check is about, in the report's own words: "已解決問題數 <= 收集企業(項目)問題數"."""
        if check.kind == "respectively":
            return "、".join(check.items) + " 分別"
        parsed = F.parse(check.formula)

        def words(node: F.Node | None) -> str:
            if node is None:
                return ""
            refs = F.references(node)
            if isinstance(node, F.Ref):
                return self.rf.fact(node.name).measure
            if isinstance(node, F.Num) or not refs:
                return F.render(node)
            return F.render(node) if len(refs) > 1 else F.render(node).replace(
                refs[0].name, self.rf.fact(refs[0].name).measure)

        return f"{words(parsed.left)} {parsed.op} {words(parsed.right)}"

    def _unit_of(self, refs: list[str]) -> Unit | None:
        return self.units[refs[0]] if refs else None

    # -- receipts -----------------------------------------------------------------------------------------------------
    def _inputs(self, refs: list[str]) -> tuple[Input, ...]:
        out = []
        for r in dict.fromkeys(refs):
            fact = self.rf.fact(r)
            unit = self.units[r]
            if r in self.printed:
                p = self.printed[r]
                out.append(Input(r, f"{p.text}{fact.unit}", f"{fmt_interval(p.interval, p.decimals + 1)} "
                                 f"{fact.unit}", p.reading))
            else:
                iv = self.env[r].iv
                out.append(Input(r, "(implied)", self._show(iv, unit, 2), "implied by its own derivation"))
        return tuple(out)

    def _substituted(self, node: F.Node) -> str:
        """The formula with the printed figures in place of fact ids: " = 316個 / 380多個"."""
        def sub(n: F.Node, outer: int) -> str:
            if isinstance(n, F.Num):
                return n.text
            if isinstance(n, F.Ref):
                if n.name in self.printed:
                    return f"{self.printed[n.name].text}{self.rf.fact(n.name).unit}"
                return f"[{n.name}]"
            if isinstance(n, F.Neg):
                return "-" + sub(n.operand, 3)
            prec = 1 if n.op in "+-" else 2
            right = prec + 1 if n.op in "-/" else prec
            text = f"{sub(n.left, prec)} {n.op} {sub(n.right, right)}"
            return f"({text})" if prec < outer else text

        return " = " + sub(node, 0)

    def _show(self, iv: Interval, unit: Unit | None, decimals: int) -> str:
        if unit is None:
            return fmt_interval(iv, decimals)
        return f"{fmt_interval(iv.scale(1 / unit.scale), decimals)}{unit.name}"

    def _rounding_note(self, node: F.Node, fact: Fact, p: Printed) -> str | None:
        """statcheck's users asked for it: say when a check passes only because of rounding."""
        refs = _refs(fact.derive.formula if fact.derive else "")
        if any(r not in self.printed or self.printed[r].qualifier for r in refs):
            return None
        exact_env = dict(self.env)
        for r in refs:
            unit = self.units[r]
            exact_env[r] = self.env[r]._replace(iv=Interval.point(self.printed[r].number * unit.scale))
        try:
            value = evaluate(node, exact_env).iv
        except ZeroDivisionError:
            return None
        if not value.is_point or not isinstance(value.lo, Fraction):
            return None
        shown = round_half_up(value.lo / self.units[fact.id].scale, p.decimals)
        if Fraction(shown) == p.number:
            return None
        return (f"consistent only within rounding: the printed inputs taken as exact give {shown}{fact.unit}, "
                f"not {p.text}{fact.unit}")

    def _suggestions(self, node: F.Node, fact: Fact, refs: list[str], stated: Interval) -> list[str]:
        """The smallest change to the stated figure and to each input that would make the check agree."""
        out: list[str] = []
        unit = self.units[fact.id]
        p = self.printed[fact.id]
        ag = agree(node, self.env, Interval(-math.inf, math.inf))
        shown = ag.whole if ag.whole is not None else ag.recomputed
        grid = _printable(shown.scale(1 / unit.scale), p.decimals)
        if grid:
            out.append(f"with the other figures as printed, {fact.measure} would print as {grid}{fact.unit}")
        for r in dict.fromkeys(refs):
            if r not in self.printed:
                continue
            need = solve(node, r, stated, self.env)
            if need is None:
                continue
            rp, ru, rf = self.printed[r], self.units[r], self.rf.fact(r)
            need_unit = need.scale(1 / ru.scale)
            if ru.integer:
                candidate = self._nearest_whole(node, r, need_unit, rp, stated)
                if candidate is not None:
                    out.append(f"{p.text}{fact.unit} needs {rf.measure} of {candidate}{rf.unit} "
                               f"(printed {rp.text}{rf.unit})")
            else:
                target = _nearest_print(need_unit, rp)
                if target is not None:
                    out.append(f"{p.text}{fact.unit} needs {rf.measure} of {target}{rf.unit} "
                               f"(printed {rp.text}{rf.unit})")
        for r in dict.fromkeys(refs):
            if r in self.printed and self.printed[r].qualifier:
                rp = self.printed[r]
                bare_env = dict(self.env)
                bare_env[r] = self.env[r]._replace(iv=Interval.point(rp.number * self.units[r].scale))
                try:
                    bare_ag = agree(node, bare_env, Interval(-math.inf, math.inf))
                except ZeroDivisionError:
                    continue
                bare = (bare_ag.whole or bare_ag.recomputed).scale(1 / unit.scale)
                bare_text = _printable(bare, p.decimals)
                out.append(f"even reading {rp.text} as exactly {round_half_up(rp.number, rp.decimals)}, "
                           f"{fact.measure} would be {bare_text}{fact.unit}")
        return out

    def _nearest_whole(self, node: F.Node, name: str, need: Interval, printed: Printed,
                       stated: Interval) -> int | None:
        lo = need.lo if need.lo != -math.inf else Fraction(printed.number) - 10_000
        hi = need.hi if need.hi != math.inf else Fraction(printed.number) + 10_000
        window = Interval(lo, hi, need.lo_open, need.hi_open).integers(limit=20_000) or []
        unit = self.units[name]
        for value in sorted(window, key=lambda v: (abs(v - printed.number), v))[:200]:
            env = dict(self.env)
            env[name] = self.env[name]._replace(iv=Interval.point(value * unit.scale))
            if agree(node, env, stated).agrees:
                return value
        return None


# -- helpers ----------------------------------------------------------------------------------------------------------

def _refs(text: str) -> list[str]:
    if not text:
        return []
    parsed = F.parse(text)
    return [r.name for r in F.references(parsed.left) + F.references(parsed.right)]


def _dims(d: tuple[tuple[str, int], ...]) -> str:
    from laibin_check.derivations import dims_text

    return dims_text(d)


def _rate_unit_problem(stated: str | None, computed: str | None, kind: str) -> tuple[str, str] | None:
    if stated == "rate" and computed == "points":
        return ("a gap between two rates is in 個百分點 (percentage points), not %",
                "state the gap in 個百分點")
    if stated == "points" and computed == "rate":
        return ("the result is a rate, in %, not 個百分點", "state it in %")
    return None


def _possible(a: Interval, op: str, b: Interval) -> bool:
    """Whether some value of a and some value of b satisfy `a op b`."""
    if op == "==":
        return a.meets(b)
    if op in (">=", ">"):
        a, b = b, a
        op = "<=" if op == ">=" else "<"
    if a.lo < b.hi:
        return True
    if a.lo == b.hi:
        return op == "<=" and not a.lo_open and not b.hi_open
    return False


def _printable(iv: Interval, decimals: int) -> str:
    """The figures at the given precision whose rounding meets the interval: "81.2–82.9", or one figure."""
    if iv.empty:
        return "nothing"
    if not iv.bounded:
        return fmt_interval(iv, decimals)
    step = Fraction(1, 10**decimals)

    def prints(k: int) -> bool:
        return parse_printed(round_half_up(k * step, decimals)).interval.meets(iv)

    first = math.floor(Fraction(iv.lo) / step) - 1
    while not prints(first) and first * step <= iv.hi:
        first += 1
    last = math.ceil(Fraction(iv.hi) / step) + 1
    while not prints(last) and last * step >= iv.lo:
        last -= 1
    if last < first:
        return "nothing"
    a, b = round_half_up(first * step, decimals), round_half_up(last * step, decimals)
    return a if a == b else f"{a}–{b}"


def _nearest_print(need: Interval, printed: Printed) -> str | None:
    """The printed figure, at the input's own precision, nearest to what it printed that meets `need`."""
    if need.empty:
        return None
    step = Fraction(1, 10**printed.decimals)
    half = step / 2
    n0 = printed.number / step
    candidates: list[Fraction] = []
    if need.lo != -math.inf:
        candidates.append(Fraction(math.floor((Fraction(need.lo) + half) / step)) * step)
        candidates.append(Fraction(math.ceil((Fraction(need.lo) - half) / step)) * step)
    if need.hi != math.inf:
        candidates.append(Fraction(math.floor((Fraction(need.hi) + half) / step)) * step)
        candidates.append(Fraction(math.ceil((Fraction(need.hi) - half) / step)) * step)
    ok = [c for c in candidates if Interval(c - half, c + half, False, True).meets(need)]
    if not ok:
        return None
    best = min(ok, key=lambda c: (abs(c / step - n0), c))
    return round_half_up(best, printed.decimals)


Reporter = Callable[[RunResult], str]
