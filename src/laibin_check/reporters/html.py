"""The `html` format: one self-contained page that shows each report's text with every finding marked in place.

An editor proofreads the report itself, not a table of line:column places. The page holds, in reading order
(which is also the screen-reader order):

- a header: the run's summary (the concise format's line) and each report's closing line from the table, the
  errors as links that jump to their place, and filters by kind (verdict or text problem) and severity;
- a contents list when the run checked several reports;
- each report's text, one paragraph a line, with every finding's span marked (`<mark class="m k-KIND s-SEV">`)
  and every claimed figure wrapped (`<span class="fig">`), so the figures a check rests on can light up;
- each report's findings, errors first, each with its receipt: formula, inputs and how each was read (linked
  to the figure in the text), recomputed against stated, the smallest fixes, notes, waiver;
- a side panel where a click on a mark, or keyboard focus on it, shows the receipts of the findings there and
  highlights the figures they rest on.

Self-contained and offline: inline CSS and a little plain JavaScript, no fonts, images or requests. Everything
that comes from a report, a facts file or a config is escaped (it is untrusted text); the script reads only
numbers and fixed kind names from attributes. Deterministic: no clock, no randomness, findings in the JSON
format's order, so `r1-f12` is the 13th finding of the first report in `--format json` too.

Colour is never the only signal: each kind has its own line pattern (wavy, solid, dashed, dotted, double,
struck through, hatched) and an icon; colours pass WCAG AA (the palette is tested); marks are keyboard stops.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from html import escape
from typing import NamedTuple

from laibin_check.findings import SEVERITY_ORDER, Finding, ReportResult, RunResult
from laibin_check.reporters import RenderOptions
from laibin_check.reporters.selection import in_order, place, report_summary, run_total, summary_line, waiver_note


class Kind(NamedTuple):
    label: str
    icon: str
    """Shown beside the colour everywhere the kind appears: colour is never the only signal."""


KINDS: dict[str, Kind] = {
    # Checks, by verdict.
    "inconsistent": Kind("inconsistent", "✗"),
    "consistent": Kind("consistent", "✓"),
    "implied": Kind("implied", "≈"),
    "unverifiable": Kind("unverifiable", "?"),
    "uncovered": Kind("uncovered", "○"),
    "suggestion": Kind("suggestion", "➜"),
    # Text hygiene.
    "artifact": Kind("converter artifact", "⌫"),
    "garbled": Kind("garbled span", "▒"),
    "mixed-script": Kind("mixed script", "⇄"),
    # Anything else (facts-file problems, waivers): shown by its rule name.
    "other": Kind("other", "!"),
}
"""Kinds in the order of the filters; a segment marked by several findings shows the most severe one."""

CODE_KINDS: dict[str, str] = {"LC120": "suggestion", "LC204": "uncovered", "LC301": "artifact", "LC302": "garbled",
                              "LC303": "mixed-script"}
"""Rules that say what kind of mark a finding is, whatever its verdict: `check`'s review suggestions (a
relation that fails under a reading that is not certain), uncovered figures, text hygiene."""

BADGED = frozenset({"inconsistent", "consistent", "implied", "unverifiable", "uncovered", "suggestion"})
"""Kinds whose mark ends with its icon; text problems are many and carry a line pattern instead."""

SEVERITIES: dict[str, str] = {"error": "error", "warning": "warning", "info": "info", "waived": "waived",
                              "none": "passed"}
"""Severity buckets of the filters, in order; a waived finding is filtered as waived whatever its severity."""

PALETTE: dict[str, tuple[str, str]] = {
    # kind or role: (foreground, background). Tests check each pair against WCAG AA (4.5:1).
    "text": ("#1a1a1a", "#ffffff"),
    "muted": ("#555555", "#ffffff"),
    "inconsistent": ("#1a1a1a", "#ffc2c2"),
    "inconsistent-line": ("#b00020", "#ffffff"),
    "consistent": ("#17693a", "#ffffff"),
    "implied": ("#1d5aa3", "#ffffff"),
    "unverifiable": ("#7a4a00", "#ffffff"),
    "uncovered": ("#6a2c9e", "#ffffff"),
    "suggestion": ("#4d4d4d", "#ffffff"),
    "artifact": ("#8a3b00", "#ffffff"),
    "garbled": ("#1a1a1a", "#ffe2b8"),
    "mixed-script": ("#6b5800", "#ffffff"),
    "other": ("#4d4d4d", "#ffffff"),
    "waived": ("#555555", "#ffffff"),
    "related": ("#1a1a1a", "#fff07a"),
    "error-box": ("#8c0015", "#fff0f0"),
    "badge": ("#ffffff", "#b00020"),
    "focus": ("#0b57d0", "#ffffff"),
}

ERROR_BACKGROUND = PALETTE["inconsistent"][1]
"""The fill of an inconsistent figure's mark, which the browser test looks for in a screenshot."""

_NOT_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
"""Code points an HTML document may not contain as text (controls, surrogates, non-characters): shown as U+FFFD
so that a garbled report still gives a valid page; the finding that points at them keeps its place."""


def kind_of(f: Finding) -> str:
    if f.code in CODE_KINDS:
        return CODE_KINDS[f.code]
    return f.verdict if f.verdict in KINDS else "other"


def bucket_of(f: Finding) -> str:
    return "waived" if f.waived else f.severity


def _rank(f: Finding) -> tuple[int, int]:
    """Which finding a shared segment shows: unwaived before waived, then by severity, then the first in order
(the page's script ranks the same way when filters change)."""
    return (0, 0) if f.waived else (1, SEVERITY_ORDER[f.severity])


def _esc(text: str) -> str:
    return escape(_NOT_IN_HTML.sub("\ufffd", text), quote=True)


class _Report:
    """One report's page section: its findings in JSON order, their spans and the claimed figures' spans."""

    def __init__(self, number: int, report: ReportResult) -> None:
        self.rid = f"r{number}"
        self.report = report
        self.findings = in_order(report.findings)
        self.text = report.text
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
        self.figures = [(fid, s, e) for fid, s, e in report.figures if 0 <= s < e <= len(self.text)]
        self.figure_index = {fid: n for n, (fid, _, _) in enumerate(self.figures)}
        self.spans: dict[int, tuple[int, int]] = {}
        for n, f in enumerate(self.findings):
            span = self._span(f)
            if span is not None:
                self.spans[n] = span
        self.mark_id: dict[int, str] = {}
        """finding -> id of the element where its span starts (several findings may share one)."""

    def _span(self, f: Finding) -> tuple[int, int] | None:
        if not self.text or f.path != self.report.path or f.end_line <= 0:
            return None
        start, end = self._offset(f.line, f.column), self._offset(f.end_line, f.end_column)
        if start is None or end is None or not start < end <= len(self.text):
            return None
        return start, end

    def _offset(self, line: int, column: int) -> int | None:
        if not 1 <= line <= len(self.line_starts) or column < 1:
            return None
        return self.line_starts[line - 1] + column - 1

    def related(self, f: Finding) -> list[int]:
        """The figures a finding is about or rests on: its facts and its receipt's inputs."""
        ids = list(f.fact_ids) + ([i.fact_id for i in f.receipt.inputs] if f.receipt else [])
        return sorted({self.figure_index[i] for i in ids if i in self.figure_index})

    # -- the text -------------------------------------------------------------------------------------------------
    def text_html(self) -> str:
        """The text, one <p> a line, every span marked; linear in the text and the number of spans."""
        text = self.text
        f_start: dict[int, list[int]] = {}
        f_end: dict[int, list[int]] = {}
        for n, (s, e) in self.spans.items():
            f_start.setdefault(s, []).append(n)
            f_end.setdefault(e, []).append(n)
        g_start: dict[int, list[int]] = {}
        g_end: dict[int, list[int]] = {}
        for n, (_, s, e) in enumerate(self.figures):
            g_start.setdefault(s, []).append(n)
            g_end.setdefault(e, []).append(n)
        bounds = sorted({0, len(text), *f_start, *f_end, *g_start, *g_end})
        active_f: set[int] = set()
        active_g: set[int] = set()
        out = ["<p>"]
        for a, b in itertools.pairwise(bounds):
            active_f.difference_update(f_end.get(a, ()))
            active_g.difference_update(g_end.get(a, ()))
            starting = sorted(f_start.get(a, ()))
            active_f.update(starting)
            out.extend(f'<span class="anchor" id="{self.rid}-g{g}"></span>' for g in sorted(g_start.get(a, ())))
            active_g.update(g_start.get(a, ()))
            out.append(self._segment(text[a:b], sorted(active_f), sorted(active_g), starting))
            ending = sorted(n for n in f_end.get(b, ()) if kind_of(self.findings[n]) in BADGED)
            for n in ending:
                f = self.findings[n]
                out.append(f'<span class="badge k-{kind_of(f)} s-{bucket_of(f)}" data-f="{n}" aria-hidden="true">'
                           f"{KINDS[kind_of(f)].icon}</span>")
        out.append("</p>")
        return "".join(out).replace("<p></p>", "")

    def _segment(self, piece: str, fs: list[int], gs: list[int], starting: list[int]) -> str:
        lines = piece.replace("\r\n", "\n").split("\n")
        if not fs and not gs:
            return "</p>\n<p>".join(_esc(line) for line in lines)
        attrs = ""
        if gs:
            attrs += f' data-g="{" ".join(map(str, gs))}"'
        if not fs:
            return "</p>\n<p>".join(f'<span class="fig"{attrs}>{_esc(line)}</span>' if line else ""
                                    for line in lines)
        top = self.findings[max(fs, key=lambda n: (_rank(self.findings[n]), -n))]
        kind, bucket = kind_of(top), bucket_of(top)
        cls = f"m k-{kind} s-{bucket}"
        attrs = f' data-f="{" ".join(map(str, fs))}"' + attrs
        first = ""
        if starting:
            element_id = f"{self.rid}-m{starting[0]}"
            for n in starting:
                self.mark_id[n] = element_id
            first = (f' id="{element_id}" data-first="{" ".join(map(str, starting))}" tabindex="0" role="button"'
                     f' aria-describedby="d-{kind}-{bucket}"')
        pieces = []
        for i, line in enumerate(lines):
            if line:
                pieces.append(f'<mark class="{cls}"{attrs}{first if i == 0 else ""}>{_esc(line)}</mark>')
            elif i == 0 and first:
                # A span that starts at a line's end still needs its stop; it is empty but focusable.
                pieces.append(f'<mark class="{cls}"{attrs}{first}></mark>')
        return "</p>\n<p>".join(pieces) if len(lines) > 1 else "".join(pieces)

    # -- the findings -------------------------------------------------------------------------------------------
    def findings_html(self) -> str:
        out = []
        order = ("error", "warning", "info", "waived", "none")
        titles = {"error": "Errors", "warning": "Warnings", "info": "Info", "waived": "Waived",
                  "none": "Passed checks"}
        by_bucket: dict[str, list[int]] = {}
        for n, f in enumerate(self.findings):
            by_bucket.setdefault(bucket_of(f), []).append(n)
        for bucket in order:
            numbers = by_bucket.get(bucket)
            if not numbers:
                continue
            out.append(f'<section class="flist s-{bucket}" aria-labelledby="{self.rid}-h-{bucket}">'
                       f'<h3 id="{self.rid}-h-{bucket}">{titles[bucket]} ({len(numbers)})</h3><ol>')
            out.extend(self._finding_html(n) for n in numbers)
            out.append("</ol></section>")
        return "\n".join(out)

    def _finding_html(self, n: int) -> str:
        f = self.findings[n]
        kind, bucket = kind_of(f), bucket_of(f)
        related = " ".join(map(str, self.related(f)))
        label = KINDS[kind].label if kind != "other" else f.rule
        where = f"line {f.line}, column {f.column}" if f.path == self.report.path else place(f)
        if n in self.mark_id:
            where = f'<a class="jump" href="#{self.mark_id[n]}" data-r="{self.rid}" data-f="{n}">{_esc(where)}</a>'
        else:
            where = _esc(where)
        head = (f'<p class="rh"><span class="icon k-{kind}" aria-hidden="true">{KINDS[kind].icon}</span> '
                f"<strong>{_esc(label)}</strong> · {SEVERITIES[bucket]} · <code>{_esc(f.code)}</code> "
                f"{_esc(f.rule)} · {where}</p>")
        body = [f'<p class="msg">{_esc(f.message)}</p>']
        rows: list[tuple[str, str]] = []
        if f.quote and n not in self.spans:
            rows.append(("quote", f'<q lang="zh">{_esc(f.quote)}</q>'))
        r = f.receipt
        if r is not None:
            rows.append(("formula", f"<code>{_esc(r.formula)}</code>"))
            if r.inputs:
                items = []
                for i in r.inputs:
                    printed = _esc(i.printed)
                    if i.fact_id in self.figure_index:
                        g = self.figure_index[i.fact_id]
                        printed = (f'<a class="fig-link" href="#{self.rid}-g{g}" data-r="{self.rid}" data-g="{g}">'
                                   f"{printed}</a>")
                    items.append(f"<li>{printed} <code>{_esc(i.fact_id)}</code> = {_esc(i.interval)}: "
                                 f"{_esc(i.reading)}</li>")
                rows.append(("inputs", f'<ul class="inputs">{"".join(items)}</ul>'))
            if r.stated:
                rows.append(("recomputed vs stated",
                             f'<span class="num">{_esc(r.recomputed)}</span> recomputed, '
                             f'<span class="num">{_esc(r.stated)}</span> stated'))
            else:
                rows.append(("implied", f'<span class="num">{_esc(r.recomputed)}</span>'))
            if r.suggestions:
                rows.append(("smallest fix", "<ol>" + "".join(f"<li>{_esc(s)}</li>" for s in r.suggestions)
                             + "</ol>"))
            rows.extend(("note", _esc(note)) for note in r.notes)
        if f.suggestion is not None:
            fix = f'replace with <q lang="zh">{_esc(f.suggestion)}</q>' if f.suggestion else "delete it"
            rows.append(("fix", fix))
        if f.sentence:
            rows.append(("sentence", f'<span lang="zh">{_esc(f.sentence)}</span>'))
        if f.waiver is not None:
            rows.append(("waived", _esc(waiver_note(f.waiver))))
        if rows:
            body.append('<dl class="receipt">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>")
        return (f'<li id="{self.rid}-f{n}" class="rc k-{kind} s-{bucket}" data-f="{n}" data-k="{kind}" '
                f'data-s="{bucket}" data-g="{related}">{head}{"".join(body)}</li>')


def render(result: RunResult, options: RenderOptions) -> str:
    reports = [_Report(number, r) for number, r in enumerate(result.reports, start=1)]
    texts = [(r, r.text_html()) for r in reports]  # first: fills mark_id for the links below
    floor = SEVERITY_ORDER.get(options.show, 1)
    findings = [f for r in reports for f in r.findings]
    kinds = Counter(kind_of(f) for f in findings)
    buckets = Counter(bucket_of(f) for f in findings)
    title = (reports[0].report.title or reports[0].report.report_id) if len(reports) == 1 else \
        f"{len(reports)} reports"

    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="laibin-check {_esc(result.tool_version)}">',
        f"<title>laibin-check: {_esc(title)}</title>",
        f"<style>{_css()}</style>",
        "</head>",
        '<body class="proof">',
        '<header class="top">',
        f'<h1>laibin-check <span class="sub" lang="zh">{_esc(title)}</span></h1>',
        f'<p class="summary" id="summary">{_esc(summary_line(result))}</p>',
        '<ul class="totals">',
        *(f"<li>{_esc(report_summary(r.report))}</li>" for r in reports),
        *([f"<li><strong>{_esc(run_total(result))}</strong></li>"] if len(reports) > 1 else []),
        "</ul>",
        _errors_html(reports),
        _filters_html(kinds, buckets, floor),
        "</header>",
    ]
    if len(reports) > 1:
        out.append('<nav class="contents" aria-label="Contents"><h2>Reports</h2><ol>')
        out.extend(f'<li><a href="#{r.rid}">{_esc(r.report.report_id)} · <span lang="zh">{_esc(r.report.title)}'
                   f"</span></a>: {_esc(report_summary(r.report))}</li>" for r in reports)
        out.append("</ol></nav>")
    out.append('<div class="layout"><main>')
    for r, body in texts:
        rep = r.report
        out += [
            f'<section class="report" id="{r.rid}" aria-labelledby="{r.rid}-h">',
            f'<h2 id="{r.rid}-h"><span lang="zh">{_esc(rep.title or rep.report_id)}</span></h2>',
            f'<p class="meta">{_esc(rep.report_id)} · <code>{_esc(rep.path)}</code> · {rep.facts_count} facts · '
            f"sha256 {_esc(rep.sha256[:12])}</p>",
            f'<div class="text" lang="zh">{body}</div>' if r.text else
            '<p class="meta">The report text was not kept for this run; its findings are listed below.</p>',
            f'<h2 class="fh" id="{r.rid}-findings">Findings</h2>',
            r.findings_html(),
            "</section>",
        ]
    out += [
        "</main>",
        '<aside class="panel" id="panel" aria-label="Receipt" aria-live="polite" tabindex="-1">',
        '<h2>Receipt</h2><div id="panel-body"><p class="hint">Click a marked figure, or move to it with Tab, '
        "to see how it was checked. Esc closes.</p></div>",
        "</aside></div>",
        _descriptions_html(),
        f'<footer class="foot">laibin-check {_esc(result.tool_version)} · every rule is documented by '
        "<code>laibin-check rule CODE</code></footer>",
        f"<script>{_JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def _errors_html(reports: list[_Report]) -> str:
    """The errors as links to their marks, then `check`'s review suggestions the same way (an editor's to-do)."""
    errors = _jump_items(reports, lambda f: f.severity == "error" and not f.waived)
    suggestions = _jump_items(reports, lambda f: kind_of(f) == "suggestion" and not f.waived
                              and f.severity != "error")
    out = []
    if errors:
        noun = "error" if len(errors) == 1 else "errors"
        out.append(f'<section class="errors" aria-labelledby="errors-h"><h2 id="errors-h">'
                   f'<span aria-hidden="true">✗</span> {len(errors)} {noun}</h2><ol>{"".join(errors)}</ol></section>')
    else:
        out.append('<section class="errors none" aria-labelledby="errors-h"><h2 id="errors-h">✓ No errors</h2>'
                   "</section>")
    if suggestions:
        noun = "suggestion" if len(suggestions) == 1 else "suggestions"
        out.append(f'<section class="suggestions" aria-labelledby="suggestions-h"><h2 id="suggestions-h">'
                   f'<span aria-hidden="true">{KINDS["suggestion"].icon}</span> {len(suggestions)} {noun} to review'
                   f'</h2><ol>{"".join(suggestions)}</ol></section>')
    return "".join(out)


def _jump_items(reports: list[_Report], wanted: Callable[[Finding], bool]) -> list[str]:
    items = []
    for r in reports:
        for n, f in enumerate(r.findings):
            if not wanted(f):
                continue
            where = f"{f.report} {f.line}:{f.column}"
            quote = f' <q lang="zh">{_esc(f.quote)}</q>' if f.quote else ""
            text = f"<strong>{_esc(where)}</strong>{quote}"
            if n in r.mark_id:
                text = f'<a class="jump" href="#{r.mark_id[n]}" data-r="{r.rid}" data-f="{n}">{text}</a>'
            items.append(f'<li><span class="icon" aria-hidden="true">{KINDS[kind_of(f)].icon}</span> {text} '
                         f"<code>{_esc(f.code)}</code> {_esc(f.message)}</li>")
    return items


def _filters_html(kinds: Counter[str], buckets: Counter[str], floor: int) -> str:
    out = ['<form class="filters" aria-label="Filters"><fieldset><legend>Kinds</legend>']
    for kind, k in KINDS.items():
        if kinds[kind]:
            out.append(f'<label class="k-{kind}"><input type="checkbox" checked data-hide="k-{kind}"> '
                       f'<span class="icon" aria-hidden="true">{k.icon}</span> {_esc(k.label)} ({kinds[kind]})</label>')
    out.append("</fieldset><fieldset><legend>Severities</legend>")
    for bucket, label in SEVERITIES.items():
        if buckets[bucket]:
            # --show lowers the initial view, as it does for the list formats; passing checks stay shown.
            shown = bucket in ("none", "waived") or SEVERITY_ORDER[bucket] >= floor
            out.append(f'<label><input type="checkbox"{" checked" if shown else ""} data-hide="s-{bucket}"> '
                       f"{label} ({buckets[bucket]})</label>")
    out.append("</fieldset></form>")
    return "".join(out)


def _descriptions_html() -> str:
    """What a screen reader says after a mark's text (aria-describedby): its kind and severity."""
    items = [f'<span id="d-{kind}-{bucket}">{_esc(k.label)}, {label}</span>'
             for kind, k in KINDS.items() for bucket, label in SEVERITIES.items()]
    return f'<div class="descriptions" hidden>{"".join(items)}</div>'


_LINES: dict[str, str] = {
    "inconsistent": "underline wavy 2px",
    "consistent": "underline solid 2px",
    "implied": "underline dashed 2px",
    "unverifiable": "underline dotted 2px",
    "uncovered": "underline double 3px",
    "suggestion": "underline dashed 1px",
    "artifact": "line-through solid 1px",
    "garbled": "underline wavy 1px",
    "mixed-script": "underline dotted 1px",
    "other": "underline solid 1px",
}


def _css() -> str:
    p = PALETTE
    kinds = []
    for kind, line in _LINES.items():
        colour = p["inconsistent-line"][0] if kind == "inconsistent" else p[kind][0]
        fill = p[kind][1] if p[kind][1] != "#ffffff" else "transparent"
        kinds.append(f".m.k-{kind}{{text-decoration:{line} {colour};background:{fill};text-underline-offset:3px}}"
                     f".k-{kind} .icon,.icon.k-{kind},.badge.k-{kind},label.k-{kind} .icon{{color:{colour}}}")
    return _CSS_BASE.replace("$TEXT", p["text"][0]).replace("$MUTED", p["muted"][0]) \
        .replace("$ERRFG", p["error-box"][0]).replace("$ERRBG", p["error-box"][1]) \
        .replace("$BADGEFG", p["badge"][0]).replace("$BADGEBG", p["badge"][1]) \
        .replace("$RELBG", p["related"][1]).replace("$FOCUS", p["focus"][0]) \
        .replace("$WAIVED", p["waived"][0]).replace("$ERRLINE", p["inconsistent-line"][0]) \
        .replace("$ERRFILL", p["inconsistent"][1]).replace("$KINDS", "".join(kinds))


_CSS_BASE = """
:root{--ui:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"PingFang SC",
"Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
--zh:"PingFang SC","PingFang TC","Hiragino Sans GB","Microsoft YaHei","Microsoft JhengHei","Noto Sans CJK SC",
"Noto Sans CJK TC","Source Han Sans SC","Source Han Sans TC","WenQuanYi Micro Hei",sans-serif;
--zh-print:"Songti SC","Songti TC","SimSun","PMingLiU","Noto Serif CJK SC","Noto Serif CJK TC",
"Source Han Serif SC","Source Han Serif TC",serif}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 var(--ui);color:$TEXT;background:#fff}
[lang|=zh]{font-family:var(--zh)}
code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.92em;overflow-wrap:anywhere}
.top{padding:12px 20px;border-bottom:1px solid #ccc;background:#fafafa}
h1{font-size:20px;margin:0 0 4px}h1 .sub{font-weight:normal}
.summary{font-weight:bold;margin:4px 0}.totals{margin:0;padding-left:18px;color:$MUTED}
.errors{margin:10px 0;padding:8px 12px;border:2px solid $ERRLINE;border-left-width:8px;background:$ERRBG;color:$ERRFG}
.errors h2{font-size:17px;margin:0 0 4px}.errors ol{margin:0;padding-left:22px}
.errors a{color:$ERRFG}.errors.none{border-color:#17693a;background:#f0fff4;color:#17693a}
.suggestions{margin:10px 0;padding:6px 12px;border:1px dashed #4d4d4d;border-left-width:6px}
.suggestions h2{font-size:16px;margin:0 0 4px}.suggestions ol{margin:0;padding-left:22px}
.filters{display:flex;flex-wrap:wrap;gap:6px 16px}.filters fieldset{border:1px solid #ccc;margin:0;padding:4px 8px}
.filters label{margin-right:10px;white-space:nowrap}
.contents{padding:8px 20px;border-bottom:1px solid #ccc}.contents h2{font-size:16px;margin:0}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 25rem;gap:0 24px;padding:0 20px}
.report h2{font-size:19px;margin:18px 0 2px}.meta{color:$MUTED;margin:0 0 8px;font-size:13px}
.text{font-size:17px;line-height:2.1;max-width:46em}.text p{margin:0 0 .6em}
.m{color:inherit;border-radius:2px;cursor:pointer;text-decoration-skip-ink:none}
.m[tabindex]:focus-visible{outline:3px solid $FOCUS;outline-offset:2px}
$KINDS
.m.k-inconsistent{font-weight:bold;background:$ERRFILL;outline:2px solid $ERRLINE;outline-offset:0;
print-color-adjust:exact;-webkit-print-color-adjust:exact}
.m.s-waived{background:transparent;outline:1px dashed $WAIVED;font-weight:normal;text-decoration-color:$WAIVED}
.m.off{text-decoration:none;background:transparent;outline:none;font-weight:normal;cursor:auto}
.badge{font-size:.75em;vertical-align:super;margin:0 1px;font-weight:bold}
.badge.k-inconsistent{color:$BADGEFG;background:$BADGEBG;border-radius:3px;padding:0 3px}
.m.sel{outline:3px solid #000;outline-offset:1px}
.fig.rel,.m.rel{background:$RELBG;outline:2px dotted #000;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.fig.flash,.m.flash{outline:3px solid $FOCUS}
.anchor{scroll-margin-top:30vh}
.fh{border-top:1px solid #ccc;padding-top:10px}
.flist h3{font-size:16px;margin:12px 0 4px}.flist ol{padding-left:0;list-style:none;margin:0}
.rc{border-left:4px solid #ccc;padding:4px 10px;margin:0 0 8px;background:#fff}
.rc.s-error{border-left-color:$ERRLINE}.rc.s-warning{border-left-color:#8a3b00}.rc.s-info{border-left-color:#1d5aa3}
.rc.s-none{border-left-color:#17693a}.rc.s-waived{border-left-style:dashed}
.rc p{margin:2px 0}.rc .rh{font-size:14px}.rc .icon{font-weight:bold;font-size:1.1em}
.receipt{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:4px 0;font-size:14px}
.receipt dt{color:$MUTED}.receipt dd{margin:0}.receipt ol,.receipt ul{margin:0;padding-left:18px}
.num{font-weight:bold}
.panel{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:10px 0 20px}
.panel h2{font-size:16px;margin:8px 0}
.panel .rc{border-top:1px solid #999;border-right:1px solid #999;border-bottom:1px solid #999;border-left-width:6px}
.panel ol.pl{list-style:none;padding:0;margin:0}.panel .receipt{grid-template-columns:1fr}
.panel .receipt dt{font-weight:bold;margin-top:4px}
.hint{color:$MUTED}.descriptions{display:none}
.foot{padding:10px 20px;color:$MUTED;border-top:1px solid #ccc;font-size:13px}
[hidden]{display:none!important}
@media (max-width:900px){.layout{grid-template-columns:minmax(0,1fr)}
.panel{position:fixed;left:0;right:0;bottom:0;max-height:45vh;background:#fff;border-top:2px solid #333;
padding:6px 12px}
.panel:not(.open){display:none}}
@media print{body{font-size:10pt}.filters,.panel,.foot,.anchor{display:none}
.layout{display:block;padding:0}.top{background:none}.text{font-family:var(--zh-print);font-size:11pt;line-height:2}
a{color:inherit;text-decoration:none}.rc{break-inside:avoid}.report{break-before:page}.report:first-child{break-before:auto}
.m,.badge,.errors{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
"""

_JS = """
(function(){
"use strict";
var body=document.body,panel=document.getElementById("panel"),pbody=document.getElementById("panel-body");
function sectionOf(el){return el.closest("section.report");}
function item(sec,n){return sec.querySelector("li.rc[data-f='"+n+"']");}
function nums(el,name){var v=el.getAttribute(name);return v?v.split(" "):[];}
function shown(li){return li&&!li.hidden;}
function clearMarks(){
  document.querySelectorAll(".sel,.rel,.flash").forEach(function(e){e.classList.remove("sel","rel","flash");});
}
function open(mark){
  var sec=sectionOf(mark),ids=nums(mark,"data-f").filter(function(n){return shown(item(sec,n));});
  if(!ids.length)return;
  clearMarks();
  pbody.textContent="";
  ids.forEach(function(n){
    var li=item(sec,n),copy=li.cloneNode(true);
    copy.removeAttribute("id");copy.querySelectorAll("[id]").forEach(function(e){e.removeAttribute("id");});
    var list=document.createElement("ol");list.className="pl";list.appendChild(copy);pbody.appendChild(list);
    sec.querySelectorAll("[data-f~='"+n+"'].m").forEach(function(e){e.classList.add("sel");});
  });
  ids.forEach(function(n){
    nums(item(sec,n),"data-g").forEach(function(g){
      sec.querySelectorAll("[data-g~='"+g+"']:not(a):not(.sel)").forEach(function(e){e.classList.add("rel");});
    });
  });
  panel.classList.add("open");
}
function close(){clearMarks();pbody.textContent="";panel.classList.remove("open");}
function focusMark(sec,n){
  var m=sec.querySelector("[data-first~='"+n+"']");
  if(m){m.scrollIntoView({block:"center"});m.focus();open(m);}
}
document.addEventListener("click",function(e){
  var t=e.target.closest("a.jump, a.fig-link, mark.m");
  if(!t)return;
  if(t.matches("mark.m")){if(!t.classList.contains("off"))open(t);return;}
  var sec=document.getElementById(t.getAttribute("data-r"));
  if(!sec)return;
  e.preventDefault();
  if(t.matches("a.jump")){focusMark(sec,t.getAttribute("data-f"));return;}
  var g=t.getAttribute("data-g"),first=sec.querySelector("[data-g~='"+g+"']:not(a)");
  if(first){first.scrollIntoView({block:"center"});first.classList.add("flash");}
});
document.addEventListener("focusin",function(e){
  var t=e.target;if(t.matches&&t.matches("mark.m[tabindex]"))open(t);
});
document.addEventListener("keydown",function(e){
  if(e.key==="Escape"){close();return;}
  var t=e.target;
  if((e.key==="Enter"||e.key===" ")&&t.matches&&t.matches("mark.m[tabindex]")){e.preventDefault();open(t);}
});
function rank(li){
  var s=li.getAttribute("data-s");return (s==="waived"?0:10)+({none:0,info:1,warning:2,error:3}[s]||0);
}
function apply(){
  var hide={};
  document.querySelectorAll(".filters input[data-hide]").forEach(function(c){
    hide[c.getAttribute("data-hide")]=!c.checked;
  });
  document.querySelectorAll("section.report").forEach(function(sec){
    var lis={};
    sec.querySelectorAll("li.rc").forEach(function(li){
      li.hidden=!!(hide["k-"+li.getAttribute("data-k")]||hide["s-"+li.getAttribute("data-s")]);
      lis[li.getAttribute("data-f")]=li;
    });
    sec.querySelectorAll(".flist").forEach(function(fl){fl.hidden=!fl.querySelector("li.rc:not([hidden])");});
    sec.querySelectorAll(".badge").forEach(function(b){b.hidden=lis[b.getAttribute("data-f")].hidden;});
    sec.querySelectorAll("mark.m").forEach(function(m){
      var best=null;
      nums(m,"data-f").forEach(function(n){var li=lis[n];if(!li.hidden&&(!best||rank(li)>rank(best)))best=li;});
      m.className="m"+(best?" k-"+best.getAttribute("data-k")+" s-"+best.getAttribute("data-s"):" off");
      if(m.hasAttribute("data-first")){
        if(best){m.setAttribute("tabindex","0");
          m.setAttribute("aria-describedby","d-"+best.getAttribute("data-k")+"-"+best.getAttribute("data-s"));}
        else{m.removeAttribute("tabindex");m.removeAttribute("aria-describedby");}
      }
    });
  });
}
document.querySelectorAll(".filters input[data-hide]").forEach(function(c){c.addEventListener("change",apply);});
apply();
})();
"""
