"""Which findings the list formats show, in which order, and the wordings they share (place, receipt)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from laibin_check.findings import SEVERITY_ORDER, Finding, Receipt, ReportResult, RunResult, Waiver

PROBLEM_SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""Severities of findings that are problems; `none` marks a passing check."""


def ordered(result: RunResult) -> list[Finding]:
    """Every finding of the run in one total order: output never depends on the engine's order of work."""
    return in_order(result.findings)


def in_order(findings: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    """The findings sorted by report, file, line, column and code, ties broken by everything else."""
    return sorted(findings, key=_total_key)


def _total_key(f: Finding) -> tuple[object, ...]:
    # sort_key (report, path, line, column, code, facts) alone can tie (two rules at one place); the rest breaks
    # ties deterministically. Written out rather than unpacked from sort_key: it is built for every finding of
    # every streamed piece (~400 a report).
    return (f.report, f.path, f.line, f.column, f.code, f.fact_ids, f.key, f.message, f.severity, _Fingerprint(f))


class _Fingerprint:
    """The order's last tie-breaker, the finding's fingerprint, hashed only when everything before it ties: a
    sha256 per finding and per format was the largest part of ordering a report's findings."""

    __slots__ = ("finding",)

    def __init__(self, finding: Finding) -> None:
        self.finding = finding

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Fingerprint) and self.finding.fingerprint == other.finding.fingerprint

    def __lt__(self, other: _Fingerprint) -> bool:
        return self.finding.fingerprint < other.finding.fingerprint

    __hash__ = None  # type: ignore[assignment]


def problems(result: RunResult, show: str = "info") -> list[Finding]:
    """Problems at or above `show` (error | warning | info), waived ones included, in order."""
    floor = SEVERITY_ORDER[show]
    return [f for f in ordered(result) if f.severity != "none" and SEVERITY_ORDER[f.severity] >= floor]


def place(f: Finding) -> str:
    """`path:line:col`, the place editors and CI log parsers recognise."""
    return f"{f.path}:{f.line}:{f.column}"


def subject(f: Finding) -> str:
    """What the finding is about, for names and titles: its first fact id, its key, or its place."""
    if f.fact_ids:
        return f.fact_ids[0]
    if f.key:
        return f.key
    return f"{f.line}:{f.column}"


def one_line(text: str) -> str:
    """Line formats must stay one line a finding, whatever a message holds."""
    return " ".join(text.split())


def receipt_summary(f: Finding) -> str:
    """The receipt in one line: formula, recomputed against stated, and the smallest fixes."""
    r = f.receipt
    if r is None:
        return f"suggested: {f.suggestion}" if f.suggestion else ""
    parts = [r.formula]
    if r.stated:
        parts.append(f"recomputed {r.recomputed}, stated {r.stated}")
    else:
        parts.append(f"implied {r.recomputed}")
    if r.suggestions:
        parts.append("fixes: " + "; ".join(f"({i}) {s}" for i, s in enumerate(r.suggestions, start=1)))
    if r.notes:
        parts.append("; ".join(r.notes))
    return one_line("; ".join(parts))


def receipt_record(r: Receipt, fact_id_key: str = "fact_id") -> dict[str, Any]:
    """A receipt as plain data for the JSON formats; `fact_id_key` lets SARIF's property bag use camelCase."""
    return {
        "formula": r.formula,
        "inputs": [
            {fact_id_key: i.fact_id, "printed": i.printed, "interval": i.interval, "reading": i.reading}
            for i in r.inputs
        ],
        "recomputed": r.recomputed,
        "stated": r.stated,
        "suggestions": list(r.suggestions),
        "notes": list(r.notes),
    }


def waiver_note(w: Waiver) -> str:
    """`accepted by NAME until DATE: REASON (SOURCE)`, the same words in every format."""
    return one_line(f"accepted by {w.accepted_by} until {w.expires}: {w.reason} ({w.source})")


def counts(findings: list[Finding] | tuple[Finding, ...]) -> dict[str, int]:
    """Counts of unwaived problems by severity, waived problems, and passing checks, in a fixed key order."""
    out = {"error": 0, "warning": 0, "info": 0, "waived": 0, "passed": 0}
    for f in findings:
        if f.severity == "none":
            out["passed"] += 1
        elif f.waived:
            out["waived"] += 1
        else:
            out[f.severity] += 1
    return out


def summary_line(result: RunResult) -> str:
    """One line for stderr or a log: `1 error, 2 warnings, 1 info, 1 waived; 5 checks passed in 1 report`."""
    return summary_of(counts(result.findings), len(result.reports))


def summary_of(c: dict[str, int], n: int) -> str:
    """`summary_line` from the counts and the number of reports (a batch run keeps only those)."""
    return (
        f"{_plural(c['error'], 'error')}, {_plural(c['warning'], 'warning')}, {c['info']} info, "
        f"{c['waived']} waived; {_plural(c['passed'], 'check')} passed in {_plural(n, 'report')}"
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def report_summary(report: ReportResult) -> str:
    """The table's closing line for one report (the html page's header shows the same counts):
    `laibin-2021q1: 63 facts; 1 inconsistent, 14 consistent, 6 implied, 9 unverifiable; text: 0 errors, …`."""
    verdicts = Counter(f.verdict for f in report.findings if f.verdict and not f.waived)
    parts = [f"{verdicts.get(v, 0)} {v}" for v in ("inconsistent", "consistent", "implied", "unverifiable")]
    text = [f for f in report.findings if f.verdict is None and not f.waived]
    sev = Counter(f.severity for f in text)
    waived = sum(1 for f in report.findings if f.waived)
    tail = f"; text: {sev.get('error', 0)} errors, {sev.get('warning', 0)} warnings, {sev.get('info', 0)} info"
    if waived:
        tail += f"; {waived} waived"
    return f"{report.report_id}: {report.facts_count} facts; " + ", ".join(parts) + tail


def run_total(result: RunResult) -> str:
    """The table's closing line when a run checks several reports."""
    findings = [f for f in result.findings if not f.waived]
    inconsistent = sum(1 for f in findings if f.verdict == "inconsistent")
    errors = sum(1 for f in findings if f.severity == "error")
    return f"{len(result.reports)} reports: {inconsistent} inconsistent figures, {errors} errors in all"
