"""The `github` format: GitHub Actions workflow commands that become annotations on the pull request's files.

Errors first, then warnings, then notices (info findings and waived findings, titled `(waived)`, so a waiver
stays visible where the editor works); passing checks are not annotated. GitHub shows at most 10 errors,
10 warnings and 10 notices a step, so at most 10 of each are written, and when any were left out a last notice
says how many and points to the job summary (write the `markdown` format to `$GITHUB_STEP_SUMMARY` in the same
run: `--output markdown:$GITHUB_STEP_SUMMARY`). Property values escape `%`, CR, LF, `:` and `,`; messages
escape `%`, CR and LF, as GitHub's toolkit does. `col`/`endColumn` are written only for a one-line span
(GitHub ignores them otherwise); `endColumn` is the last character of the span, inclusive::

    ::error file=facts/laibin-2021q1/report.txt,line=9,endLine=9,col=41,endColumn=50,title=LC101 ratio::問…
    ::warning file=facts/laibin-2021q1/report.txt,line=3,endLine=3,col=8,endColumn=11,title=LC301 pinyin-ar…
    ::notice file=facts/laibin-2021q1/report.txt,line=3,endLine=3,col=20,endColumn=26,title=LC111 unverifia…
    ::notice file=facts/laibin-2021q1/report.txt,line=11,endLine=11,col=5,endColumn=10,title=LC203 quote-am…

(lines cut here; a message continues after `::`, e.g. `問題辦結率 83.4%25 does not equal …%0AReceipt: …`).

Nothing but workflow commands is written.
"""

from __future__ import annotations

from laibin_check.findings import Finding, RunResult
from laibin_check.reporters import RenderOptions
from laibin_check.reporters.selection import problems, receipt_summary, waiver_note

LIMIT = 10
"""Annotations GitHub shows per step and per level."""


def render(result: RunResult, options: RenderOptions) -> str:
    levels: dict[str, list[Finding]] = {"error": [], "warning": [], "notice": []}
    for f in problems(result, options.show):
        levels[_level(f)].append(f)
    lines: list[str] = []
    left_out = {level: max(0, len(found) - LIMIT) for level, found in levels.items()}
    if any(left_out.values()):
        # The closing notice takes one of the notice slots, so it is itself always shown.
        left_out["notice"] = max(0, len(levels["notice"]) - (LIMIT - 1))
    for level, found in levels.items():
        keep = len(found) - left_out[level]
        lines.extend(command(level, f) for f in found[:keep])
    if any(left_out.values()):
        total = sum(left_out.values())
        detail = ", ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in left_out.items() if n)
        lines.append(
            "::notice title=laibin-check::"
            + escape_data(
                f"{total} more finding{'s' if total != 1 else ''} not annotated ({detail}): GitHub "
                f"shows {LIMIT} of each level a step. See the job summary for the full list."
            )
        )
    return "".join(line + "\n" for line in lines)


def _level(f: Finding) -> str:
    if f.waived or f.severity == "info":
        return "notice"
    return f.severity


def command(level: str, f: Finding) -> str:
    """One workflow command for a finding."""
    props = [("file", f.path), ("line", str(f.line))]
    if f.end_line >= f.line:
        props.append(("endLine", str(f.end_line)))
    if f.column > 0 and (f.end_line in (0, f.line)):
        props.append(("col", str(f.column)))
        if f.end_line == f.line and f.end_column > f.column:
            props.append(("endColumn", str(f.end_column - 1)))
    title = f"{f.code} {f.rule}" + (" (waived)" if f.waived else "")
    props.append(("title", title))
    message = f.message
    summary = receipt_summary(f)
    if f.receipt is not None and summary:
        message += f"\nReceipt: {summary}"
    elif f.suggestion:
        message += f"\nSuggested: {f.suggestion}"
    if f.waiver is not None:
        message += f"\nWaived: {waiver_note(f.waiver)}"
    rendered = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{level} {rendered}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a command's message as GitHub's toolkit does (`%`, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: the message escapes plus `:` and `,`, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
