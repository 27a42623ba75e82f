"""Facts -> findings: places every fact in its report, asks each relation's kind to check it, and collects.

Orchestration only: what a relation means, its receipt and its fix live with its kind (laibin_check.kinds), the
receipts' wording in receipts.py and the fix search in fixes.py. No printing here: the engine returns a RunResult
of plain records, and the reporters decide how it looks.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from laibin_check import kinds, loader
from laibin_check.derivations import Quantity
from laibin_check.errors import InputError
from laibin_check.facts import Check, Fact, Origin, ReportFacts
from laibin_check.findings import Finding, Receipt, ReportResult, RunResult, Severity, Verdict
from laibin_check.numbers import Printed, Readings, parse_printed
from laibin_check.report import ReportText, Span
from laibin_check.rules import RULES
from laibin_check.units import Unit, resolve


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
    results = tuple(check_folder((folder, settings)) for folder in report_folders(facts_dir, report_ids))
    return RunResult(results, __version__)


def report_folders(facts_dir: Path, report_ids: list[str] | None = None) -> list[Path]:
    """The report folders a run checks, in run order: all under facts_dir, or the ones named."""
    folders = loader.discover(facts_dir)
    if report_ids:
        names = {f.name: f for f in folders}
        for rid in report_ids:
            if rid not in names:
                raise InputError(loader._display(facts_dir), f"no report {rid!r} here; reports: "
                                 f"{', '.join(sorted(names))}")
        folders = [names[r] for r in sorted(set(report_ids))]
    return folders


def check_folder(job: tuple[Path, Settings]) -> ReportResult:
    """One report folder's check: a pure function of the folder (and the settings), as a batch runs it."""
    folder, settings = job
    return check_report(loader.load_report(folder), settings)


def check_report(rf: ReportFacts, settings: Settings) -> ReportResult:
    text = ReportText.read(rf.report_file, rf.display_report)
    return check_facts(rf, text, settings)


def check_facts(rf: ReportFacts, text: ReportText, settings: Settings | None = None) -> ReportResult:
    """Facts held in memory against a text held in memory: no files touched (`check` proposes its relations as
    facts)."""
    return _ReportCheck(rf, text, settings or Settings()).run()


class _Place(NamedTuple):
    quote: Span
    value: Span
    fall: bool = False
    """A fall word stands right before the value (下降5.2%): the figure states -5.2% (figures.fact_sign)."""


class _ReportCheck:
    """One report's run; it is the Context (kinds._base) every kind reads and adds findings to."""

    def __init__(self, rf: ReportFacts, text: ReportText, settings: Settings) -> None:
        self.rf = rf
        self.text = text
        self.settings = settings
        self.readings = settings.readings
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
            if fact.claim in ("rank", "record") and fact.derive is None:
                self._unverifiable(fact)
            if fact.derive is not None:
                kinds.get(fact.derive.kind).derive(self, fact)
        for check in self.rf.checks:
            kinds.get(check.kind).check(self, check)
        self.findings.extend(self._text_findings())
        findings = tuple(sorted(self.findings, key=lambda f: f.sort_key))
        return ReportResult(
            report_id=self.rf.id, title=self.rf.title, path=self.rf.display_report,
            groups=tuple((g.id, g.title) for g in self.rf.groups), findings=findings,
            facts_count=len(self.rf.facts), sha256=self.text.sha256, text=self.text.text,
            figures=tuple((fid, p.value.start, p.value.end) for fid, p in sorted(self.places.items())),
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
        from laibin_check.figures import fact_sign, place  # once per report: an import in the loop cost 2% of a run

        for fact in self.rf.facts:
            if not fact.printed:
                continue
            found = place(self.text, fact.quote, fact.value)  # the one placement rule, coverage's too
            spans = list(found.quotes)
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
            mention = found.mention
            value_span = None if mention is None else self.text.span(mention.start, mention.end)
            if value_span is None or mention is None:
                self.stale.add(fact.id)
                printed = self._numbers_in(quote_span)
                self.findings.append(self._finding(
                    "LC202", fact.id, quote_span,
                    f"{fact.id} ({fact.measure}) has value {fact.value!r} but its quote prints "
                    f"{' '.join(printed) or 'no figure'}: “{self.text.text[quote_span.start:quote_span.end]}”",
                    fact_ids=(fact.id,)))
                continue
            self.places[fact.id] = _Place(quote_span, value_span, fact_sign(mention, fact.value) < 0)

    def _numbers_in(self, span: Span) -> list[str]:
        import re

        return re.findall(r"\d+(?:\.\d+)?", self.text.text[span.start:span.end])

    def _users(self, fact_id: str) -> set[str]:
        return set(self._users_of.get(fact_id, ()))

    @cached_property
    def _users_of(self) -> dict[str, set[str]]:
        """For each fact, the derivations and checks that read it: every formula parsed once per report, not
        once per stale quote (a long report's stale facts made that quadratic)."""
        users: dict[str, set[str]] = {}
        for fact in self.rf.facts:
            if fact.derive:
                for ref in kinds.get(fact.derive.kind).refs(fact.derive):
                    users.setdefault(ref, set()).add(fact.id)
        for check in self.rf.checks:
            for ref in kinds.get(check.kind).refs(check):
                users.setdefault(ref, set()).add(check.id)
        return users

    # -- findings -----------------------------------------------------------------------------------------------
    def add(self, code: str, subject: str, span: Span | None, message: str, *,
            severity: Severity | None = None, verdict: Verdict | None = None,
            fact_ids: tuple[str, ...] = (), receipt: Receipt | None = None, group: str = "",
            label: str = "", stated: str = "") -> Finding:
        finding = self._finding(code, subject, span, message, severity=severity, verdict=verdict,
                                fact_ids=fact_ids, receipt=receipt, group=group, label=label, stated=stated)
        self.findings.append(finding)
        return finding

    def quote_of(self, fact_id: str) -> Span:
        return self.places[fact_id].quote

    def quote_span_of(self, subject: str, refs: list[str]) -> tuple[Span | None, str]:
        if subject in self.places:
            return self.places[subject].quote, self.rf.fact(subject).group
        for check in self.rf.checks:
            if check.id == subject:
                return self.quote_span(check)
        return self.span_of(refs)

    def quote_span(self, check: Check) -> tuple[Span | None, str]:
        fallback, group = self.span_of(kinds.get(check.kind).refs(check))
        spans = self.text.find(check.quote) if check.quote else []
        return (spans[0] if spans else fallback), check.group or group

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
            extra=tuple((k, v) for k, v in (("label", label), ("stated", stated)) if v),  # in key order already
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

    def span_of(self, fact_ids: list[str]) -> tuple[Span | None, str]:
        """The place to point at for a check: the quote of its first placed, printed fact, and that fact's group."""
        for fid in fact_ids:
            if fid in self.places:
                return self.places[fid].quote, self.rf.fact(fid).group
        for fid in fact_ids:
            fact = self.rf.fact(fid)
            if not fact.printed and fact.derive:
                span, group = self.span_of(kinds.get(fact.derive.kind).refs(fact.derive))
                if span is not None:
                    return span, fact.group or group
        return None, ""

    # -- unverifiable -------------------------------------------------------------------------------------------
    def _unverifiable(self, fact: Fact) -> None:
        if fact.id in self.stale:
            return
        what = "a rank" if fact.claim == "rank" else "a record"
        span = self.places[fact.id].quote
        self.add(
            "LC111", fact.id, span,
            f"{fact.measure}: {what} cannot be recomputed from the report alone (needs outside data): "
            f"“{self.text.text[span.start:span.end]}”",
            verdict="unverifiable", group=fact.group, label=fact.measure,
            stated=(f"第{fact.value}{fact.unit}" if fact.claim == "rank" else f"{fact.value}{fact.unit}"))


Reporter = Callable[[RunResult], str]
