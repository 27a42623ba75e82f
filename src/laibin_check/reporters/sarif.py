"""The `sarif` format: SARIF 2.1.0 for code-scanning views (GitHub code scanning, VS Code SARIF viewer).

One run. `tool.driver.rules` holds the whole rule catalogue (id, name, descriptions, help text and markdown
from `laibin-check rule CODE`, helpUri); results are the problems only: error -> `error`, warning ->
`warning`, info -> `note`. Passing checks are not results: code-scanning views list alerts, and thousands of
passes would bury them (the `json` format keeps every check). `--show` does not apply: code-scanning views
filter by level themselves. Columns count Unicode code points (`columnKind`), end columns are exclusive as
SARIF defines them, uris are relative to `%SRCROOT%` and percent-encoded, `partialFingerprints` come from the
rule, report and facts (never the line), and a waived finding carries `suppressions` (kind external, status
accepted). No timestamps::

    {
      "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
      "version": "2.1.0",
      "runs": [{
        "tool": {"driver": {"name": "laibin-check", "version": "0.1.0", "rules": [{"id": "LC101", …}, …]}},
        "columnKind": "unicodeCodePoints",
        "results": [{
          "ruleId": "LC101", "ruleIndex": 0, "level": "error",
          "message": {"text": "問題辦結率 83.4% does not equal 316 / 380多 = (81.23%, 83.16%). Receipt: …"},
          "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "facts/laibin-2021q1/report.txt", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 9, "startColumn": 41, "endLine": 9, "endColumn": 51,
                       "snippet": {"text": "問題辦結率83.4%"}}}}],
          "partialFingerprints": {"laibinCheck/v1": "…"},
          "properties": {"report": "laibin-2021q1", "verdict": "inconsistent", "factIds": […], "receipt": {…}}
        }]
      }]
    }
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from laibin_check.findings import Finding, ReportResult, RunResult, Waiver
from laibin_check.reporters import Piece, RenderOptions, render_stream
from laibin_check.reporters.jsonstream import ArraySplit, ArrayStream, marker
from laibin_check.reporters.selection import in_order, receipt_record, receipt_summary, waiver_note
from laibin_check.rules import RULES, Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/laibin-check/laibin-check"
"""Project home; the lead may change it to the real repository address."""
RULES_DOC_URI = INFORMATION_URI + "/blob/main/docs/rules.md"
"""Each rule's helpUri is this page with the rule code as fragment: …/rules.md#lc101."""
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "laibinCheck/v1"

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(result: RunResult, options: RenderOptions) -> str:
    return render_stream(stream(options, result.tool_version), result.reports)


def stream(options: RenderOptions, tool_version: str) -> _Stream:
    return _Stream(tool_version)


class _Stream(ArrayStream):
    """The log with its one run; the run's `results` array is what is streamed, each report's results a piece."""

    def __init__(self, tool_version: str) -> None:
        codes = sorted(RULES)
        self.index = {code: i for i, code in enumerate(codes)}
        super().__init__(ArraySplit({
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "laibin-check",
                            "version": tool_version,
                            "semanticVersion": tool_version,
                            "informationUri": INFORMATION_URI,
                            "rules": [_rule(RULES[c]) for c in codes],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": marker(),
                }
            ],
        }))

    def piece(self, report: ReportResult) -> Piece:
        results = [self.split.element(_result(f, self.index)) for f in in_order(report.findings)
                   if f.severity != "none"]
        return Piece((self.separator + self.lead).encode("utf-8").join(results))


def _rule(r: Rule) -> dict[str, Any]:
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.summary},
        "help": {
            "text": f"{r.code} {r.name}: {r.summary}\n\n{r.doc}",
            "markdown": f"**{r.code} {r.name}**: {r.summary}\n\n{r.doc}",
        },
        "helpUri": f"{RULES_DOC_URI}#{r.code.lower()}",
        "defaultConfiguration": {"level": _LEVEL.get(r.severity, "note")},
        "properties": {"tags": ["laibin-check", r.name]},
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    text = f.message.rstrip(".")
    summary = receipt_summary(f)
    if summary:
        text += f". Receipt: {summary}"
    out: dict[str, Any] = {"ruleId": f.code}
    if f.code in index:  # a code outside the catalogue still reports, just without a rule link
        out["ruleIndex"] = index[f.code]
    out["level"] = _LEVEL[f.severity]
    out["message"] = {"text": text}
    out["locations"] = [
        {"physicalLocation": _physical(f.path, f.line, f.column, f.end_line, f.end_column, f.quote)}
    ]
    out["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    if f.waiver is not None:
        out["suppressions"] = [_suppression(f.waiver)]
    props: dict[str, Any] = {"report": f.report}
    if f.verdict is not None:
        props["verdict"] = f.verdict
    if f.fact_ids:
        props["factIds"] = list(f.fact_ids)
    if f.key:
        props["key"] = f.key
    if f.group:
        props["group"] = f.group
    if f.suggestion is not None:
        props["suggestion"] = f.suggestion
    if f.receipt is not None:
        props["receipt"] = receipt_record(f.receipt, fact_id_key="factId")
    out["properties"] = props
    return out


def _physical(
    path: str, line: int, column: int, end_line: int, end_column: int, snippet: str
) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(line, 1)}
    if column > 0:
        region["startColumn"] = column
    if end_line > 0:
        region["endLine"] = end_line
        if end_column > 0:
            region["endColumn"] = end_column
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"artifactLocation": {"uri": _uri(path), "uriBaseId": SRCROOT}, "region": region}


def _uri(path: str) -> str:
    # SARIF uris are RFC 3986 references: percent-encode non-ASCII and spaces, keep the slashes.
    return quote(path.replace("\\", "/"), safe="/-._~")


def _suppression(w: Waiver) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "external", "status": "accepted", "justification": waiver_note(w)}
    path, _, line = w.source.rpartition(":")
    if path and line.isdigit():
        out["location"] = {"physicalLocation": _physical(path, int(line), 0, 0, 0, "")}
    out["properties"] = {"acceptedBy": w.accepted_by, "expires": w.expires, "reason": w.reason}
    return out
