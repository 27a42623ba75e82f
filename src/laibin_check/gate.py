"""The gate's decisions after the checks: severity overrides, the exit code, colour and the default format.

Exit codes, in one place: 0 when no unwaived finding is at or above `--fail-on` (always 0 with `never`);
1 when one is; 2 for bad input, configuration or usage, or an internal error (the CLI's `main` maps those).
What is shown (`--show`) never changes the exit code, and neither does writing extra outputs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from laibin_check.findings import SEVERITY_ORDER, Finding, RunResult, Severity

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2


def failing(result: RunResult, fail_on: str) -> list[Finding]:
    """The findings that trip the gate: not waived, a problem, at or above fail_on (error|warning|never)."""
    if fail_on == "never":
        return []
    floor = SEVERITY_ORDER[fail_on]
    return [
        f
        for f in result.findings
        if not f.waived and f.severity != "none" and SEVERITY_ORDER[f.severity] >= floor
    ]


def exit_code(result: RunResult, fail_on: str) -> int:
    """0 when nothing unwaived is at or above fail_on, 1 otherwise; `never` is always 0."""
    return EXIT_FAILED if failing(result, fail_on) else EXIT_OK


def apply_severity(result: RunResult, overrides: Mapping[str, str]) -> RunResult:
    """Rule severities from the config's `[severity]` table: error|warning|info, or `off` to drop it.

    Passing checks keep severity `none` whatever their rule's level: an override changes how much a problem
    matters, not whether a check passed. Apply after waivers, so LC401/LC402 can be overridden too.
    """
    if not overrides:
        return result

    def adjust(f: Finding) -> Finding | None:
        level = overrides.get(f.code)
        if level is None or f.severity == "none":
            return f
        if level == "off":
            return None
        severity: Severity = level  # type: ignore[assignment]  # checked by config against SEVERITY_OVERRIDES
        return f._replace(severity=severity)

    reports = []
    for r in result.reports:
        kept = tuple(g for g in (adjust(f) for f in r.findings) if g is not None)
        reports.append(r._replace(findings=kept))
    return result._replace(reports=tuple(reports))


def use_color(mode: str, *, isatty: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Whether stdout gets colour: `--color always|never` decide; `auto` asks the environment.

    In `auto`: NO_COLOR (any non-empty value) turns colour off, then FORCE_COLOR (non-empty) turns it on, then
    TERM=dumb or a stdout that is not a terminal turns it off. The explicit option beats the environment,
    because it was typed for this run.
    """
    if mode == "always":
        return True
    if mode == "never":
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR", ""):
        return False
    if env.get("FORCE_COLOR", ""):
        return True
    if env.get("TERM", "") == "dumb":
        return False
    return isatty


def default_format(*, isatty: bool) -> str:
    """`table` for a person at a terminal; `concise` (one line a finding) in logs and pipes."""
    return "table" if isatty else "concise"
