"""The `concise` format: one line a finding, `path:line:col: CODE severity message`, for CI logs and editors.

Problems only (passing checks are not listed), at or above `--show`, sorted by report, file, line and column.
A waived finding keeps its line, its message prefixed `waived:` and followed by who accepted it until when::

    facts/laibin-2021q1/report.txt:3:8: LC301 warning pinyin artifact after 區: (qū), left by a converter
    facts/laibin-2021q1/report.txt:3:20: LC111 info rank 第四位 needs outside data: the other cities' growth
    facts/laibin-2021q1/report.txt:9:41: LC101 error 問題辦結率 83.4% does not equal 316 / 380多 = …
    facts/laibin-2021q1/report.txt:11:5: LC203 warning waived: quote "排全區第一位" occurs 2 times … (accepted
    by Li Hua until 2099-12-31: both sentences state the same rank, … (facts/laibin-2021q1/waivers.toml:1))

(the waived line is one line in the output).

Nothing else is written: no header, no summary (the CLI writes its summary to stderr).
"""

from __future__ import annotations

from laibin_check.findings import Finding, ReportResult, RunResult
from laibin_check.reporters import Piece, RenderOptions, render_stream
from laibin_check.reporters.selection import one_line, place, problems, waiver_note


def render(result: RunResult, options: RenderOptions) -> str:
    return render_stream(stream(options, result.tool_version), result.reports)


def stream(options: RenderOptions, tool_version: str) -> _Stream:
    return _Stream(options.show)


class _Stream:
    separator = lead = closing = ""
    totals_first = False

    def __init__(self, show: str) -> None:
        self.show = show

    def head(self, totals: dict[str, int]) -> str:
        return ""

    def piece(self, report: ReportResult) -> Piece:
        one = RunResult((report,), "")
        return Piece("".join(_line(f) + "\n" for f in problems(one, self.show)).encode("utf-8"))

    def tail(self, totals: dict[str, int]) -> str:
        return ""


def _line(f: Finding) -> str:
    message = one_line(f.message)
    if f.waiver is not None:
        message = f"waived: {message} ({waiver_note(f.waiver)})"
    return f"{place(f)}: {f.code} {f.severity} {message}"
