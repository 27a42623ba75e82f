"""Text hygiene: converter artifacts (LC301), garbled bytes (LC302) and mixed scripts (LC303) as findings."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable

from laibin_check.findings import Finding
from laibin_check.hygiene.scan import Scan, scan
from laibin_check.report import ReportText
from laibin_check.rules import RULES

__all__ = ["Scan", "check", "scan"]


def check(report: ReportText, report_id: str, group_at: Callable[[int], str] | None = None) -> list[Finding]:
    """Every hygiene finding of the report in text order; each artifact and character has its own.

    `group_at(line)` names the report section of a line, when the caller knows the sections (the engine)."""
    result = scan(report.text)
    sentence = _sentences(report)
    seen: Counter[str] = Counter()
    findings: list[tuple[int, Finding]] = []

    def add(code: str, start: int, end: int, message: str, suggestion: str | None, key: str,
            extra: dict[str, str]) -> None:
        seen[key] += 1
        span = report.span(start, end)
        rule = RULES[code]
        findings.append((start, Finding(
            code=code, rule=rule.name, severity=rule.severity, message=message, report=report_id,
            path=report.display_path, line=span.line, column=span.column, end_line=span.end_line,
            end_column=span.end_column, quote=report.text[start:end], sentence=sentence(start, end),
            group=group_at(span.line) if group_at is not None else "",
            suggestion=suggestion, key=f"{key}#{seen[key]}", extra=tuple(sorted(extra.items())),
        )))

    for a in result.artifacts:
        add("LC301", a.start, a.end,
            f"converter artifact {a.char}({a.syllable}): the pinyin of {a.char} left in the text; remove it",
            "", f"{a.char}({a.syllable})", {"char": a.char, "syllable": a.syllable})
    for g in result.garbled:
        s = g.suspect
        quote = report.text[s.start : s.end]
        if g.replacement is not None and g.outcome.repair is not None:
            message = f"garbled text {quote}: reads {g.replacement} once re-decoded; `fix` repairs it"
            extra = {"repair": g.replacement, "how": g.outcome.repair.how}
        else:
            message = f"garbled text {quote}: no repair found ({g.outcome.reason}); retype it"
            extra = {"reason": g.outcome.reason}
            if g.outcome.partial:
                message += f"; it partly reads {g.outcome.partial}"
                extra["partial"] = g.outcome.partial
        add("LC302", s.start, s.end, message, g.replacement, f"garbled:{quote}", extra)
    for m in result.misscripts:
        other = "simplified" if m.script == "traditional" else "traditional"
        add("LC303", m.offset, m.offset + 1,
            f"{other} character {m.mismatch.char} in a {m.script} text: write {m.mismatch.expected}",
            m.mismatch.expected, f"{m.mismatch.char}->{m.mismatch.expected}",
            {"char": m.mismatch.char, "expected": m.mismatch.expected, "script": m.script})
    return [f for _, f in sorted(findings, key=lambda pair: pair[0])]


def _sentences(report: ReportText) -> Callable[[int, int], str]:
    """`report.sentence_at`, computed once per sentence: hundreds of artifacts share a few dozen sentences."""
    stops = [i for i, ch in enumerate(report.text) if ch in "。;;!!??\n"]
    cache: dict[tuple[int, int], str] = {}

    def sentence(start: int, end: int) -> str:
        # sentence_at walks to the nearest stop before `start` and after `end`: equal counts, equal sentence.
        key = (bisect.bisect_left(stops, start), bisect.bisect_left(stops, end))
        if key not in cache:
            cache[key] = report.sentence_at(start, end)
        return cache[key]

    return sentence
