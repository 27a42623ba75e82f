"""The `markdown` reporter: counts per report, a table of problems with receipts, waived section."""

from __future__ import annotations

from collections.abc import Callable

from fixtures_gate import clean_result, ratio_failure, sample_result
from laibin_check.findings import RunResult
from laibin_check.reporters import RenderOptions, get


def render(result: RunResult | None = None, show: str = "info") -> str:
    return get("markdown").render(result or sample_result(), RenderOptions(show=show))


def test_golden(golden: Callable[[str, str], None]) -> None:
    golden("reporters/sample.md", render())


def test_sections() -> None:
    text = render()
    assert text.startswith(
        "## laibin-check: 1 error, 1 warning, 1 info, 1 waived; 2 checks passed in 1 report"
    )
    assert "| laibin-2021q1 (來賓市2021年一季度經濟報道) | 1 | 1 | 1 | 1 | 2 |" in text
    problems = text.split("### Problems")[1].split("<details>")[0]
    assert "LC101 ratio" in problems and "fixes: (1) problems_collected: 379" in problems
    assert "LC203" not in problems  # waived ones are in their own section
    assert "### Waived (1)" in text and "| Li Hua | 2099-12-31 |" in text


def test_cells_cannot_break_the_table() -> None:
    odd = ratio_failure()._replace(message="a | b\n<script>")
    result = RunResult(reports=(sample_result().reports[0]._replace(findings=(odd,)),), tool_version="0.1.0")
    row = next(line for line in render(result).splitlines() if "LC101" in line)
    assert "a \\| b<br>&lt;script&gt;" in row and row.count(" | ") == 4


def test_clean_run() -> None:
    assert "No problems" in render(clean_result())


def test_show_warning_drops_info() -> None:
    assert "Info (" not in render(show="warning")
