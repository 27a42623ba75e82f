"""The `json` format: the whole run as versioned JSON, every finding (passes too) with verdict and receipt.

The layout is documented in docs/json-format.md; `version` changes only when a key is removed or changes
meaning (added keys do not bump it). Keys keep a fixed order, findings are sorted, non-ASCII text is written
as is (UTF-8), and nothing depends on the clock or the machine, so the same input gives identical bytes::

    {
      "version": 2,
      "tool": {"name": "laibin-check", "version": "0.1.0"},
      "reports": [
        {
          "id": "laibin-2021q1", "title": "來賓市2021年一季度經濟報道",
          "path": "facts/laibin-2021q1/report.txt",
          "sha256": "…", "facts": 42, "groups": [{"id": "overview", "title": "一季度主要經濟指標"}, …],
          "summary": {…},
          "sentences": ["…收集企業(項目)問題380多個,已解決316個,…", …],
          "findings": [
            {"code": "LC101", "rule": "ratio", "severity": "error", "verdict": "inconsistent",
             "waived": false,
             "message": "…", "path": "…", "line": 9, "column": 41, "end_line": 9, "end_column": 51, …,
             "sentence": 0, "receipt": {"formula": "…", "inputs": […], …}, "waiver": null}
          ]
        }
      ],
      "summary": {"reports": 1, "findings": 6, "error": 1, "warning": 1, "info": 1, "waived": 1, "passed": 2}
    }

(The real output is indented by two spaces, one key a line.)
"""

from __future__ import annotations

from typing import Any

from laibin_check.findings import Finding, Receipt, ReportResult, RunResult, Waiver
from laibin_check.reporters import Piece, RenderOptions, render_stream
from laibin_check.reporters.jsonstream import ArraySplit, ArrayStream, marker
from laibin_check.reporters.selection import counts, in_order, receipt_record

SCHEMA_VERSION = 2
"""2: each report lists its sentences once (`sentences`) and a finding names its sentence by index; the run's
`summary` comes after the reports, so that the document can be written report by report."""


def render(result: RunResult, options: RenderOptions) -> str:
    # `show` does not apply: JSON is the complete record, for programs that do their own filtering.
    return render_stream(stream(options, result.tool_version), result.reports)


def stream(options: RenderOptions, tool_version: str) -> _Stream:
    return _Stream(tool_version)


class _Stream(ArrayStream):
    """The document with its `reports` array streamed; the summary after it is filled in with the run's totals."""

    def __init__(self, tool_version: str) -> None:
        self.tool_version = tool_version
        super().__init__(self._split({}))

    def _split(self, totals: dict[str, int]) -> ArraySplit:
        return ArraySplit({
            "version": SCHEMA_VERSION,
            "tool": {"name": "laibin-check", "version": self.tool_version},
            "reports": marker(),
            "summary": {"reports": totals.get("reports", 0), "findings": totals.get("findings", 0),
                        **{k: totals.get(k, 0) for k in counts(())}},
        })

    def head(self, totals: dict[str, int]) -> str:
        return self._split(totals).head

    def piece(self, report: ReportResult) -> Piece:
        findings = in_order(report.findings)
        c = counts(findings)
        data = self.split.element(_report(report, findings, c))
        return Piece(data, (("findings", len(findings)), *c.items()))

    def tail(self, totals: dict[str, int]) -> str:
        return self._split(totals).tail


def _report(r: ReportResult, findings: list[Finding], c: dict[str, int]) -> dict[str, Any]:
    sentences: dict[str, int] = {}
    for f in findings:
        if f.sentence and f.sentence not in sentences:
            sentences[f.sentence] = len(sentences)
    return {
        "id": r.report_id,
        "title": r.title,
        "path": r.path,
        "sha256": r.sha256,
        "facts": r.facts_count,
        "groups": [{"id": gid, "title": title} for gid, title in r.groups],
        "summary": {"findings": len(findings), **c},
        "sentences": list(sentences),
        "findings": [_finding(f, sentences) for f in findings],
    }


def _finding(f: Finding, sentences: dict[str, int]) -> dict[str, Any]:
    # The record's fields taken in one unpacking rather than ~20 attribute look-ups: this runs for every finding
    # of every report (~400 on the bundled one). Adding a field to Finding makes mypy and this line fail until the
    # record is extended.
    (code, rule, severity, message, report, path, line, column, end_line, end_column, fact_ids, verdict, group,
     quote, sentence, receipt, suggestion, waiver, key, extra) = f
    return {
        "code": code,
        "rule": rule,
        "severity": severity,
        "verdict": verdict,
        "waived": waiver is not None,
        "message": message,
        "report": report,
        "path": path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "group": group,
        "fact_ids": list(fact_ids),
        "key": key,
        "fingerprint": f.fingerprint,
        "quote": quote,
        "sentence": sentences[sentence] if sentence else None,
        "suggestion": suggestion,
        "receipt": _receipt(receipt),
        "waiver": _waiver(waiver),
        "extra": dict(extra),
    }


def _receipt(r: Receipt | None) -> dict[str, Any] | None:
    return None if r is None else receipt_record(r)


def _waiver(w: Waiver | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {"reason": w.reason, "accepted_by": w.accepted_by, "expires": w.expires, "source": w.source}
