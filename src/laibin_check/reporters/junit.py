"""The `junit` format: JUnit XML for Jenkins, GitLab and other CI test views; one test suite a report.

Every finding is a test case (passing checks too): classname `laibin-check.CODE.rule`, name the finding's
first fact id (or its key, for findings without facts). Findings that trip the gate (at or above `--fail-on`,
errors only by default and with `never`) are `<failure>` (type is the severity; the text holds place, message and
receipt), so the test view and the exit code agree; other findings and passing checks pass, with the verdict in
`<system-out>`; waived findings are `<skipped message="waived: …">`. Times
are 0 and there are no timestamps or host names, so output is deterministic. Validates against the Jenkins
xUnit junit-10 XSD (which has no file or line attributes, hence the place in the text)::

    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites name="laibin-check" tests="6" failures="2" errors="0" time="0">
      <testsuite name="laibin-2021q1" tests="6" failures="2" errors="0" skipped="1" time="0"
                 file="facts/laibin-2021q1/report.txt">
        <testcase classname="laibin-check.LC301.pinyin-artifact" name="區(qū)#1" time="0">
          <failure type="warning" message="LC301 pinyin artifact after 區: (qū), left by a …">…</failure>
        </testcase>
        <testcase classname="laibin-check.LC102.difference" name="investment_gap" time="0">
          <system-out>consistent: 67.3 percentage points = 95.3% - 28% …</system-out>
        </testcase>
        <testcase classname="laibin-check.LC203.quote-ambiguous" name="sugar_rank" time="0">
          <skipped message="waived: accepted by Li Hua until 2099-12-31: …"/>
        </testcase>
      </testsuite>
    </testsuites>
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from laibin_check.findings import Finding, ReportResult, RunResult
from laibin_check.reporters import Piece, RenderOptions, render_stream
from laibin_check.reporters.selection import in_order, one_line, place, receipt_summary, subject, waiver_note

FAILING = {"error": ("error",), "warning": ("error", "warning"), "never": ("error",)}
"""The severities that are `<failure>` for each --fail-on: with `never` the errors still show as failures, since
a soft rollout wants to see them; only the exit code ignores them."""


def render(result: RunResult, options: RenderOptions) -> str:
    # `show` does not apply: a test view counts every check, and hiding tests would change its totals.
    return render_stream(stream(options, result.tool_version), result.reports)


def stream(options: RenderOptions, tool_version: str) -> _Stream:
    return _Stream(FAILING.get(options.fail_on, FAILING["error"]))


class _Stream:
    """`<testsuites>` counts every test and failure, so its pieces (one `<testsuite>` a report) are kept until the
    run's totals are known (`totals_first`)."""

    lead = "\n"
    separator = ""
    closing = "\n"
    totals_first = True

    def __init__(self, failing: tuple[str, ...]) -> None:
        self.failing = failing

    def head(self, totals: dict[str, int]) -> str:
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="laibin-check" '
                f'tests="{totals.get("tests", 0)}" failures="{totals.get("failures", 0)}" errors="0" time="0">')

    def piece(self, report: ReportResult) -> Piece:
        suite = _suite(report, self.failing)
        ET.indent(suite, space="  ", level=1)
        data = b"  " + ET.tostring(suite, encoding="utf-8", xml_declaration=False, short_empty_elements=True)
        return Piece(data, (("tests", int(suite.get("tests", "0"))), ("failures", int(suite.get("failures", "0")))))

    def tail(self, totals: dict[str, int]) -> str:
        return "</testsuites>\n"


def _suite(report: ReportResult, failing: tuple[str, ...]) -> ET.Element:
    findings = in_order(report.findings)
    failed = sum(1 for f in findings if _fails(f, failing))
    skipped = sum(1 for f in findings if f.waived and f.severity != "none")
    suite = ET.Element(
        "testsuite",
        {
            "name": report.report_id,
            "tests": str(len(findings)),
            "failures": str(failed),
            "errors": "0",
            "skipped": str(skipped),
            "time": "0",
            "file": report.path,
        },
    )
    for f in findings:
        suite.append(_case(f, failing))
    return suite


def _fails(f: Finding, failing: tuple[str, ...]) -> bool:
    return f.severity in failing and not f.waived


def _case(f: Finding, failing: tuple[str, ...]) -> ET.Element:
    case = ET.Element(
        "testcase", {"classname": f"laibin-check.{f.code}.{f.rule}", "name": subject(f), "time": "0"}
    )
    if f.waiver is not None and f.severity != "none":
        ET.SubElement(case, "skipped", {"message": f"waived: {waiver_note(f.waiver)}"})
        ET.SubElement(case, "system-out").text = _details(f)
    elif _fails(f, failing):
        failure = ET.SubElement(
            case, "failure", {"type": f.severity, "message": one_line(f"{f.code} {f.message}")}
        )
        failure.text = _details(f)
    else:
        ET.SubElement(case, "system-out").text = _details(f)
    return case


def _details(f: Finding) -> str:
    lines = [
        f"{place(f)}: {f.code} {f.rule} {f.severity}" + (f" ({f.verdict})" if f.verdict else ""),
        f.message,
    ]
    if f.quote:
        lines.append(f"quote: {f.quote}")
    summary = receipt_summary(f)
    if summary:
        lines.append(f"receipt: {summary}")
    if f.receipt is not None:
        lines.extend(f"  {i.fact_id} = {i.printed}: {i.interval} ({i.reading})" for i in f.receipt.inputs)
    return "\n".join(lines)
