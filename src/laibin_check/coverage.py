"""The facts against the report's text: where each fact's quote and value sit, which figures nobody accounted
for
(LC204), which not-claims no longer occur (LC206), and whether the report changed since the facts were written
(LC205).

The engine calls `check(facts, text, claimed)` once per report with the value span of each fact it placed, or
`text_findings(facts, text)` to have the facts located here; the pieces (`locate_facts`, `check_coverage`,
`check_report_change`) are public too. Every finding is deterministic and points
at the report (line and column in characters, 1-based), except LC206, which points at the not-claim in
facts.toml.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from laibin_check.facts import Fact, NotClaim, ReportFacts
from laibin_check.figures import Mention, claimable, place, scan_report
from laibin_check.findings import Finding
from laibin_check.report import ReportText, Span, normalise
from laibin_check.rules import rule


class FactPlace(NamedTuple):
    """Where a printed fact sits in the report."""

    fact_id: str
    quotes: tuple[Span, ...]
    """Every occurrence of the quote (several: ambiguous; none: the quote no longer occurs)."""
    quote: Span | None
    """The occurrence this fact is taken to mean: with several facts sharing one quote, the k-th fact in the
    facts file takes the k-th occurrence; None when the quote does not occur."""
    value: Span | None
    """The fact's value inside `quote`, or None when the quote does not print it (a misquote) or is
    missing."""

    @property
    def status(self) -> str:
        """ok | missing (LC201) | misquote (LC202) | ambiguous (LC203, the value is still located)."""
        if self.quote is None:
            return "missing"
        if self.value is None:
            return "misquote"
        return "ambiguous" if len(self.quotes) > 1 else "ok"


def locate_facts(facts: ReportFacts, text: ReportText) -> dict[str, FactPlace]:
    """Every printed fact with a quote, by id, in facts-file order."""
    places: dict[str, FactPlace] = {}
    for fact in facts.facts:
        if not fact.printed or not fact.quote:
            continue
        found = place(text, fact.quote, fact.value)
        value = text.span(found.mention.start, found.mention.end) if found.mention is not None else None
        places[fact.id] = FactPlace(fact.id, found.quotes, found.quote, value)
    return places


def not_claim_spans(not_claim: NotClaim, text: ReportText) -> list[Span]:
    """Where a not-claim applies: every occurrence of its text, or only those inside its quote."""
    if not not_claim.quote:
        return text.find(not_claim.text)
    out: list[Span] = []
    for q in text.find(not_claim.quote):
        out.extend(text.find_within(not_claim.text, q.start, q.end))
    return out


def uncovered_mentions(facts: ReportFacts, text: ReportText,
                       claimed: Iterable[tuple[int, int]] | None = None) -> list[Mention]:
    """Figures that no fact's value and no not-claim overlaps. `claimed` is the engine's own list of value
    spans
    (start, end offsets); when None, the facts are located here."""
    spans: list[tuple[int, int]] = []
    if claimed is None:
        spans.extend((p.value.start, p.value.end) for p in locate_facts(facts, text).values() if p.value)
    else:
        spans.extend(claimed)
    for nc in facts.not_claims:
        spans.extend((s.start, s.end) for s in not_claim_spans(nc, text))
    covered = _Covered(spans)
    return [m for m in claimable(scan_report(text)) if not covered.overlaps(m.start, m.end)]


class _Covered:
    """Spans that claim figures, asked whether they overlap a figure by bisection: a scan of every span for
    every figure made coverage quadratic in a report's length."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(itertools.accumulate((e for _, e in spans), max))
        """The furthest end of the spans up to each one: spans may nest or overlap."""

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span [s, e) has s < end and start < e."""
        k = bisect.bisect_left(self.starts, end)  # the spans starting before `end`
        return k > 0 and self.reach[k - 1] > start


def check_coverage(facts: ReportFacts, text: ReportText,
                   claimed: Iterable[tuple[int, int]] | None = None) -> list[Finding]:
    """LC204 for each figure nobody accounted for, LC206 for each not-claim that no longer occurs; sorted."""
    places = locate_facts(facts, text)
    if claimed is None:
        claimed = [(p.value.start, p.value.end) for p in places.values() if p.value]
    group_at = _GroupAt(facts, places)
    findings = [_uncovered_finding(facts, text, m, k, group_at(m.start))
                for m, k in _numbered(text, uncovered_mentions(facts, text, claimed))]
    for nc in facts.not_claims:
        if not not_claim_spans(nc, text):
            findings.append(_unused_not_claim(facts, nc))
    return sorted(findings, key=lambda f: f.sort_key)


def check_report_change(facts: ReportFacts, text: ReportText) -> Finding | None:
    """LC205 when the report's sha256 differs from the one the facts record (or they record none), saying how
    many
    facts still match, how many quotes no longer occur and how many figures are new; None when unchanged."""
    if facts.sha256 and facts.sha256.lower() == text.sha256:
        return None
    places = locate_facts(facts, text)
    matching = [p.fact_id for p in places.values() if p.status in ("ok", "ambiguous")]
    missing = [p.fact_id for p in places.values() if p.status == "missing"]
    misquoted = [p.fact_id for p in places.values() if p.status == "misquote"]
    new = uncovered_mentions(facts, text)
    r = rule("LC205")
    if facts.sha256:
        head = (f"the report changed since its facts were written (sha256 {facts.sha256[:12]}… recorded, "
                f"{text.sha256[:12]}… now)")
    else:
        head = f"the facts record no sha256 for the report (it is {text.sha256[:12]}…)"
    occur = "occurs" if len(missing) == 1 else "occur"
    prints = "prints" if len(misquoted) == 1 else "print"
    are = "is" if len(new) == 1 else "are"
    message = (f"{head}: {len(matching)} of {len(places)} facts still match, {_n(len(missing), 'quote')} "
               f"no longer {occur}, {_n(len(misquoted), 'quote')} {prints} another value, "
               f"{_n(len(new), 'figure')} {are} new")
    extra = [("sha256_now", text.sha256), ("sha256_recorded", facts.sha256)]
    if missing:
        extra.append(("quotes_missing", ", ".join(missing)))
    if misquoted:
        extra.append(("quotes_misquoted", ", ".join(misquoted)))
    if new:
        listed = ", ".join(f"{_phrase(text, m)} (line {text.place(m.start)[0]})" for m in new)
        extra.append(("figures_new", listed))
    return Finding(
        code=r.code, rule=r.name, severity=r.severity, message=message, report=facts.id,
        path=facts.display_report, line=1, column=1, end_line=1, end_column=1,
        group=facts.groups[0].id if facts.groups else "", key="report-changed",
        extra=tuple(sorted(extra)),
    )


def check(facts: ReportFacts, text: ReportText, claimed: Mapping[str, Span] | None = None) -> list[Finding]:
    """LC205, LC204 and LC206 for one report. `claimed` maps fact id to the span of its printed value as the
    engine placed it; facts it could not place (quote missing, misquote) claim nothing, so the figure that
    replaced theirs shows as new."""
    spans = None if claimed is None else [(s.start, s.end) for _, s in sorted(claimed.items())]
    changed = check_report_change(facts, text)
    out = check_coverage(facts, text, spans)
    if changed is not None:
        out.insert(0, changed)
    return out


def text_findings(facts: ReportFacts, text: ReportText) -> list[Finding]:
    """LC205 (if the report changed), LC204 and LC206: everything about the facts' coverage of the text."""
    changed = check_report_change(facts, text)
    out = check_coverage(facts, text)
    if changed is not None:
        out.insert(0, changed)
    return out


# -- building findings
# ----------------------------------------------------------------------------------------

def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _phrase(text: ReportText, m: Mention) -> str:
    return text.text[m.phrase_start:m.phrase_end]


def _numbered(text: ReportText, mentions: list[Mention]) -> list[tuple[Mention, int]]:
    """Each mention with its ordinal among figures printed alike, for a key that survives moved lines."""
    seen: dict[str, int] = {}
    out = []
    for m in mentions:
        key = normalise(_phrase(text, m))
        seen[key] = seen.get(key, 0) + 1
        out.append((m, seen[key]))
    return out


class _GroupAt:
    """The group of the nearest fact located before an offset, so a new figure is shown in its section: a
    bisection over the located facts, sorted once, rather than a pass over all of them per figure."""

    def __init__(self, facts: ReportFacts, places: dict[str, FactPlace]) -> None:
        by_id: dict[str, Fact] = {f.id: f for f in facts.facts}
        # Of facts quoted at the same place, the last in the facts file wins (as the pass over them did).
        last: dict[int, str] = {}
        for p in places.values():
            if p.quote is not None:
                last[p.quote.start] = by_id[p.fact_id].group
        self.starts = sorted(last)
        self.groups = [last[s] for s in self.starts]
        self.default = facts.groups[0].id if facts.groups else ""

    def __call__(self, offset: int) -> str:
        k = bisect.bisect_right(self.starts, offset)
        return self.groups[k - 1] if k else self.default


def _uncovered_finding(facts: ReportFacts, text: ReportText, m: Mention, k: int, group: str) -> Finding:
    r = rule("LC204")
    span = text.span(m.phrase_start, m.phrase_end)
    phrase = _phrase(text, m)
    kinds = {"date": "a date", "name": "a name", "rank": "a rank", "record": "a record"}
    what = kinds.get(m.kind, "a figure")
    return Finding(
        code=r.code, rule=r.name, severity=r.severity,
        message=(f"“{phrase}” on line {span.line} is claimed by no fact and declared no not-claim "
                 f"(read as {what}): add a [[fact]] or a [[not_claim]] for it"),
        report=facts.id, path=facts.display_report, line=span.line, column=span.column,
        end_line=span.end_line, end_column=span.end_column, group=group, quote=phrase,
        sentence=text.sentence_at(m.phrase_start, m.phrase_end), key=f"{normalise(phrase)}#{k}",
        extra=(("kind", m.kind), ("value", m.value)),
    )


def _unused_not_claim(facts: ReportFacts, nc: NotClaim) -> Finding:
    r = rule("LC206")
    where = f" inside “{nc.quote}”" if nc.quote else ""
    return Finding(
        code=r.code, rule=r.name, severity=r.severity,
        message=(f"not-claim “{nc.text}” ({nc.reason}) no longer occurs{where} in the report: "
                 "remove or correct it"),
        report=facts.id, path=nc.origin.path or facts.display_facts,
        line=nc.origin.line, column=nc.origin.column,
        quote=nc.text, key=f"not_claim:{nc.text}|{nc.quote}",
    )
