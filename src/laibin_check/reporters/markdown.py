"""The `markdown` format: a summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment.

A headline with the totals, a table of counts per report, a table of the problems (errors and warnings not
waived, at or above `--show`) with place, rule, message and receipt, the info findings (unverifiable claims)
folded in a `<details>`, and the waived findings with who accepted them until when. Passing checks are only
counted. GitHub-flavoured Markdown; cells escape `|`, `<`, `>` and line breaks::

    ## laibin-check: 1 error, 1 warning, 1 info, 1 waived; 2 checks passed in 1 report

    | report | errors | warnings | info | waived | passed |
    |---|---:|---:|---:|---:|---:|
    | laibin-2021q1 (來賓市2021年一季度經濟報道) | 1 | 1 | 1 | 1 | 2 |

    ### Problems

    | place | rule | severity | message | receipt |
    |---|---|---|---|---|
    | `facts/laibin-2021q1/report.txt:3:8` | LC301 pinyin-artifact | warning | pinyin … | suggested: 區 |
    | `facts/laibin-2021q1/report.txt:9:41` | LC101 ratio | error | 問題辦結率 83.4% … | solve_rate = … |

    <details><summary>Info (1)</summary> … </details>

    ### Waived (1)

    | place | rule | message | accepted by | until | reason |
    …

Rule documentation: `laibin-check rule CODE`.
"""

from __future__ import annotations

from laibin_check.findings import Finding, RunResult
from laibin_check.reporters import RenderOptions
from laibin_check.reporters.selection import counts, place, problems, receipt_summary, summary_line

FOLD_WARNINGS_AFTER = 20


def _problem_table(findings: list[Finding]) -> list[str]:
    rows = ["| place | rule | severity | message | receipt |", "|---|---|---|---|---|"]
    rows += [f"| {_place(f)} | {f.code} {f.rule} | {f.severity} | {_cell(f.message)} | "
             f"{_cell(receipt_summary(f))} |" for f in findings]
    return rows


def render(result: RunResult, options: RenderOptions) -> str:
    shown = problems(result, options.show)
    failing = [f for f in shown if not f.waived and f.severity in ("error", "warning")]
    info = [f for f in shown if not f.waived and f.severity == "info"]
    waived = [f for f in shown if f.waived]

    out = [f"## laibin-check: {summary_line(result)}", ""]
    out += ["| report | errors | warnings | info | waived | passed |", "|---|---:|---:|---:|---:|---:|"]
    for r in result.reports:
        c = counts(r.findings)
        name = f"{r.report_id} ({r.title})" if r.title else r.report_id
        out.append(
            f"| {_cell(name)} | {c['error']} | {c['warning']} | {c['info']} | {c['waived']} | {c['passed']} |"
        )
    out.append("")

    if failing:
        # Errors first, whatever their place: a reviewer reads the top of a PR comment. A long run of warnings
        # (hundreds of converter artifacts) is folded so that it does not bury them.
        errors = [f for f in failing if f.severity == "error"]
        warnings = [f for f in failing if f.severity == "warning"]
        folded = len(warnings) > FOLD_WARNINGS_AFTER
        out += ["### Problems", "", *_problem_table(errors + ([] if folded else warnings)), ""]
        if folded:
            out += [f"<details><summary>Warnings ({len(warnings)})</summary>", "", *_problem_table(warnings),
                    "", "</details>", ""]
    else:
        out += ["No problems at or above the shown level.", ""]

    if info:
        out += [
            f"<details><summary>Info ({len(info)})</summary>",
            "",
            "| place | rule | message |",
            "|---|---|---|",
        ]
        out += [f"| {_place(f)} | {f.code} {f.rule} | {_cell(f.message)} |" for f in info]
        out += ["", "</details>", ""]

    if waived:
        out += [
            f"### Waived ({len(waived)})",
            "",
            "| place | rule | message | accepted by | until | reason |",
            "|---|---|---|---|---|---|",
        ]
        for f in waived:
            w = f.waiver
            assert w is not None
            out.append(
                f"| {_place(f)} | {f.code} {f.rule} | {_cell(f.message)} | {_cell(w.accepted_by)} | "
                f"{_cell(w.expires)} | {_cell(w.reason)} (`{_cell(w.source)}`) |"
            )
        out.append("")

    out.append(f"Rule documentation: `laibin-check rule CODE`. laibin-check {result.tool_version}.")
    return "\n".join(out) + "\n"


def _place(f: Finding) -> str:
    return f"`{place(f)}`"


def _cell(text: str) -> str:
    # A table cell is one line, and a stray | or < would break the table or open an HTML tag.
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\r\n", "<br>")
        .replace("\n", "<br>")
        .replace("\r", "<br>")
    )
