"""Pages for the html reporter's tests: a small hand-built run on sentences of our own, and hostile text."""

from __future__ import annotations

from laibin_check.findings import Finding, Input, Receipt, ReportResult, RunResult, Waiver

PATH = "facts/sample/report.txt"

TEXT = (
    "一季度，全市收集問題380多個，已解決316個，問題辦結率83.4%。\n"
    "\n"
    "地區(qū)生產總值167.14億元，增長18%，增速排全區第四位。\r\n"
    "新開工項目55個。\n"
)
"""Our own sentences in the shape of the bundled report: a contradiction, a converter artifact, a CRLF line."""


def where(text: str, quote: str, nth: int = 0) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column) of the nth `quote` in `text`, as the engine counts them."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    end = start + len(quote)

    def lc(offset: int) -> tuple[int, int]:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    return (*lc(start), *lc(end))


def at(text: str, quote: str, **fields: object) -> Finding:
    line, column, end_line, end_column = where(text, quote)
    base = Finding(code="LC000", rule="", severity="none", message="", report="sample", path=PATH, line=line,
                   column=column, end_line=end_line, end_column=end_column, quote=quote)
    return base._replace(**fields)


def figure(text: str, fact_id: str, printed: str) -> tuple[str, int, int]:
    start = text.index(printed)
    return (fact_id, start, start + len(printed))


def sample_findings(text: str = TEXT) -> tuple[Finding, ...]:
    ratio = at(
        text, "問題辦結率83.4%", code="LC101", rule="ratio", severity="error", verdict="inconsistent",
        fact_ids=("solve_rate", "solved", "collected"),
        message="問題辦結率 83.4% does not follow from 316個 / 380多個, which gives 81.2–82.9%",
        sentence="一季度，全市收集問題380多個，已解決316個，問題辦結率83.4%。",
        receipt=Receipt(
            formula="solve_rate = solved / collected = 316個 / 380多個",
            inputs=(Input("solved", "316個", "316 個", "exactly 316 (a count)"),
                    Input("collected", "380多個", "(380, 390) 個", "多: more than 380, less than 390")),
            recomputed="[81.23, 82.94]%", stated="[83.35, 83.45)%",
            suggestions=("83.4% needs 收集問題數 of 379個 (printed 380多個)",),
        ),
    )
    artifact = at(text, "(qū)", code="LC301", rule="pinyin-artifact", severity="warning", suggestion="",
                  message="pinyin (qū) after 區 is a converter artifact", key="區(qū)#1")
    growth = at(text, "增長18%", code="LC106", rule="growth", severity="info", verdict="implied",
                fact_ids=("gdp_growth",), message="last year's GDP implied: 141.64億元",
                receipt=Receipt(formula="gdp_last = gdp / (1 + gdp_growth)",
                                inputs=(Input("gdp", "167.14億元", "[167.135, 167.145] 億元", "rounded to 0.01"),),
                                recomputed="[141.5, 141.8] 億元", stated=""))
    rank = at(text, "增速排全區第四位", code="LC111", rule="unverifiable", severity="info", verdict="unverifiable",
              fact_ids=("gdp_rank",), message="a rank needs outside data")
    count = at(text, "新開工項目55個", code="LC104", rule="count", severity="none", verdict="consistent",
               fact_ids=("new_projects",), message="55 projects as listed")
    waived = at(text, "167.14億元", code="LC203", rule="quote-ambiguous", severity="warning", fact_ids=("gdp",),
                message="the quote is found twice",
                waiver=Waiver("checked by hand", "Li Hua", "2099-12-31", "facts/sample/waivers.toml:1"))
    return (ratio, artifact, growth, rank, count, waived)


def sample_result(text: str = TEXT, title: str = "一季度經濟簡報", tool_version: str = "0.1.0") -> RunResult:
    figures = (
        figure(text, "collected", "380多"), figure(text, "solved", "316"), figure(text, "solve_rate", "83.4%"),
        figure(text, "gdp", "167.14億元"), figure(text, "gdp_growth", "18%"), figure(text, "new_projects", "55"),
    )
    report = ReportResult(
        report_id="sample", title=title, path=PATH, groups=(), findings=tuple(reversed(sample_findings(text))),
        facts_count=7, sha256="0" * 64, text=text, figures=tuple(sorted(figures)),
    )
    return RunResult(reports=(report,), tool_version=tool_version)


HOSTILE = '<script>window.pwned = 1</script> "quoted" \'single\' & <img src=x onerror="window.pwned=2">'
"""Untrusted text: every place it reaches must show it as text, never run or parse it."""


def hostile_result() -> RunResult:
    """The sample with markup in the report text, the title, a fact id, a message, a receipt and a waiver."""
    text = HOSTILE + "\n" + TEXT
    findings = list(sample_findings(text))
    findings[0] = findings[0]._replace(
        message=HOSTILE, fact_ids=(HOSTILE, "solved", "collected"),
        receipt=findings[0].receipt._replace(formula=HOSTILE + "</script>") if findings[0].receipt else None)
    findings.append(at(text, HOSTILE[:30], code="LC303", rule="mixed-script", severity="warning",
                       message=HOSTILE, suggestion=HOSTILE, key=HOSTILE))
    findings[-2] = findings[-2]._replace(waiver=Waiver(HOSTILE, HOSTILE, "2099-12-31", HOSTILE))
    base = sample_result(text, title=HOSTILE + "</title>", tool_version='0.1.0"><script>x()</script>')
    report = base.reports[0]._replace(findings=tuple(findings), report_id=HOSTILE,
                                      figures=(*base.reports[0].figures, (HOSTILE, 0, 8)))
    return base._replace(reports=(report,))
