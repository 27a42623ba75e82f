"""The terminal format for editors: checks grouped by section in reading order, receipts for what fails, a summary.

Sample (abridged):

    laibin-2021q1 · 來賓市2021年一季度經濟報道 · facts/laibin-2021q1/report.txt

    黨組織建在產業鏈上
    ┃ Line  ┃ Figure      ┃ Stated ┃ Recomputed     ┃ Verdict      ┃
    │ 10:488│ 問題辦結率  │ 83.4%  │ [81.23, 82.94]%│ inconsistent │

    ✗ LC101 10:488 問題辦結率 83.4% does not follow from 316個 / 380多個, which gives 81.2–82.9%
      sentence   收集企業(項目)問題380多個,已解決316個,問題辦結率83.4%,服務效率明顯提高。
      formula    resolution_rate = problems_solved / problems_collected = 316個 / 380多個
      ...

    laibin-2021q1: 1 inconsistent, 14 consistent, 6 implied, 9 unverifiable · 0 errors in text, 240 warnings
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from laibin_check.findings import SEVERITY_ORDER, Finding, ReportResult, RunResult
from laibin_check.reporters import RenderOptions
from laibin_check.reporters.selection import report_summary, run_total

VERDICT_STYLE = {"consistent": "green", "inconsistent": "bold red", "implied": "cyan", "unverifiable": "yellow"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan", "none": "green"}
SUMMARISE_AFTER = 5
"""Text findings of one rule beyond this many are summarised as a count and lines (every place stays in the
machine formats)."""


def render(result: RunResult, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=options.width, color_system="standard" if options.color else None,
        force_terminal=options.color, no_color=not options.color, highlight=False, emoji=False,
        legacy_windows=False, soft_wrap=False,
    )
    for index, report in enumerate(result.reports):
        if index:
            console.print()
        _report(console, report, options)
    if len(result.reports) > 1:
        console.print()
        console.print(Text(run_total(result), style="bold"))
    # rich pads cells to their column's width; trailing blanks only make diffs and golden files noisy.
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _report(console: Console, report: ReportResult, options: RenderOptions) -> None:
    console.print(Text(f"{report.report_id} · {report.title} · {report.path}", style="bold"))
    checks = [f for f in report.findings if f.verdict is not None]
    others = [f for f in report.findings if f.verdict is None and _shown(f, options)]
    order = [title for _, title in report.groups]
    by_group: dict[str, list[Finding]] = defaultdict(list)
    for f in checks:
        by_group[f.group].append(f)
    for title in order + sorted(g for g in by_group if g not in order):
        rows = by_group.get(title)
        if not rows:
            continue
        console.print()
        console.print(Text(title or "(no section)", style="bold underline"))
        table = Table(expand=False)
        table.add_column("Line", no_wrap=True)
        table.add_column("Figure")
        table.add_column("Stated", no_wrap=True)
        table.add_column("Recomputed")
        table.add_column("Verdict", no_wrap=True)
        for f in rows:
            table.add_row(
                f"{f.line}:{f.column}", Text(_label(f)), Text(_stated(f)),
                Text(f.receipt.recomputed if f.receipt else "—"),
                Text(_verdict(f), style=VERDICT_STYLE.get(f.verdict or "", "") if not f.waived else "dim"),
            )
        console.print(table)
    failing = [f for f in checks if f.verdict == "inconsistent" or SEVERITY_ORDER[f.severity] >= 2]
    for f in failing:
        console.print()
        _receipt(console, f)
    if others:
        console.print()
        console.print(Text("Text and coverage", style="bold underline"))
        _others(console, others)
    console.print()
    console.print(Text(report_summary(report), style="bold"))


def _shown(f: Finding, options: RenderOptions) -> bool:
    return SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER.get(options.show, 1)


def _label(f: Finding) -> str:
    return dict(f.extra).get("label", f.fact_ids[0] if f.fact_ids else f.rule)


def _stated(f: Finding) -> str:
    return dict(f.extra).get("stated", "—")


def _verdict(f: Finding) -> str:
    text = f.verdict or ""
    if f.waived:
        return f"{text} (waived)"
    if f.receipt and any(n.startswith("consistent only within rounding") for n in f.receipt.notes):
        return f"{text} (rounding)"
    return text


def _receipt(console: Console, f: Finding) -> None:
    mark = "~" if f.waived else "✗"
    style = "dim" if f.waived else SEVERITY_STYLE.get(f.severity, "")
    console.print(Text(f"{mark} {f.code} {f.line}:{f.column} {f.message}", style=style))
    rows: list[tuple[str, str]] = []
    if f.sentence:
        rows.append(("sentence", f.sentence))
    if f.receipt:
        r = f.receipt
        rows.append(("formula", r.formula))
        for i in r.inputs:
            rows.append(("input", f"{i.fact_id} = {i.printed}: {i.reading}"))
        rows.append(("recomputed", r.recomputed))
        if r.stated:
            rows.append(("stated", r.stated))
        rows.extend(("fix", s) for s in r.suggestions)
        rows.extend(("note", n) for n in r.notes)
    if f.waiver:
        rows.append(("waived", f"{f.waiver.reason} — {f.waiver.accepted_by}, until {f.waiver.expires} "
                               f"({f.waiver.source})"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for key, value in rows:
        grid.add_row(f"  {key}", Text(value))
    console.print(grid)


def _others(console: Console, findings: list[Finding]) -> None:
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_code[f.code].append(f)
    for code in sorted(by_code, key=lambda c: (-SEVERITY_ORDER[by_code[c][0].severity], c)):
        items = by_code[code]
        style = SEVERITY_STYLE.get(items[0].severity, "")
        if len(items) > SUMMARISE_AFTER:
            lines = sorted({f.line for f in items})
            examples = Counter(f.quote for f in items).most_common(3)
            shown = ", ".join(f"{q} ×{n}" for q, n in examples)
            console.print(Text(f"{items[0].severity} {code} {items[0].rule}: {len(items)} in lines "
                               f"{_ranges(lines)} (e.g. {shown}); every place is in --format concise/json/sarif",
                               style=style))
            continue
        for f in items:
            fix = f" → {escape(f.suggestion)}" if f.suggestion else ""
            console.print(Text(f"{f.severity} {f.code} {f.path}:{f.line}:{f.column} {f.message}{fix}"
                               + (" (waived)" if f.waived else ""), style=style))


def _ranges(lines: list[int]) -> str:
    out: list[str] = []
    start = prev = lines[0]
    following: list[int | None] = [*lines[1:], None]
    for n in following:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)
