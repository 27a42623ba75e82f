"""The `json` format: the whole run as versioned JSON, every finding (passes too) with verdict and receipt.

The layout is documented in docs/json-format.md; `version` changes only when a key is removed or changes
meaning (added keys do not bump it). Keys keep a fixed order, findings are sorted, non-ASCII text is written
as is (UTF-8), and nothing depends on the clock or the machine, so the same input gives identical bytes::

    {
      "version": 1,
      "tool": {"name": "laibin-check", "version": "0.1.0"},
      "summary": {"reports": 1, "findings": 6, "error": 1, "warning": 1, "info": 1, "waived": 1, "passed": 2},
      "reports": [
        {
          "id": "laibin-2021q1", "title": "來賓市2021年一季度經濟報道",
          "path": "facts/laibin-2021q1/report.txt",
          "sha256": "…", "facts": 42, "groups": [{"id": "overview", "title": "一季度主要經濟指標"}, …],
          "summary": {…},
          "findings": [
            {"code": "LC101", "rule": "ratio", "severity": "error", "verdict": "inconsistent",
             "waived": false,
             "message": "…", "path": "…", "line": 9, "column": 41, "end_line": 9, "end_column": 51, …,
             "receipt": {"formula": "…", "inputs": […], "recomputed": "…", "stated": "…", …}, "waiver": null}
          ]
        }
      ]
    }

(The real output is indented by two spaces, one key a line.)
"""

from __future__ import annotations

import json
from typing import Any

from laibin_check.findings import Finding, Receipt, ReportResult, RunResult, Waiver
from laibin_check.reporters import RenderOptions
from laibin_check.reporters.selection import counts, in_order, receipt_record

SCHEMA_VERSION = 1


def render(result: RunResult, options: RenderOptions) -> str:
    # `show` does not apply: JSON is the complete record, for programs that do their own filtering.
    document = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "laibin-check", "version": result.tool_version},
        "summary": {
            "reports": len(result.reports),
            "findings": len(result.findings),
            **counts(result.findings),
        },
        "reports": [_report(r) for r in result.reports],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _report(r: ReportResult) -> dict[str, Any]:
    findings = in_order(r.findings)
    return {
        "id": r.report_id,
        "title": r.title,
        "path": r.path,
        "sha256": r.sha256,
        "facts": r.facts_count,
        "groups": [{"id": gid, "title": title} for gid, title in r.groups],
        "summary": {"findings": len(findings), **counts(findings)},
        "findings": [_finding(f) for f in findings],
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity,
        "verdict": f.verdict,
        "waived": f.waived,
        "message": f.message,
        "report": f.report,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "group": f.group,
        "fact_ids": list(f.fact_ids),
        "key": f.key,
        "fingerprint": f.fingerprint,
        "quote": f.quote,
        "sentence": f.sentence,
        "suggestion": f.suggestion,
        "receipt": _receipt(f.receipt),
        "waiver": _waiver(f.waiver),
        "extra": {k: v for k, v in f.extra},
    }


def _receipt(r: Receipt | None) -> dict[str, Any] | None:
    return None if r is None else receipt_record(r)


def _waiver(w: Waiver | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {"reason": w.reason, "accepted_by": w.accepted_by, "expires": w.expires, "source": w.source}
