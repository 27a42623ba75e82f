"""The `github` reporter: workflow commands in GitHub's documented syntax, errors first, within the limits."""

from __future__ import annotations

import re
from collections.abc import Callable

from fixtures_gate import clean_result, many_result, ratio_failure, sample_result
from laibin_check.findings import ReportResult, RunResult
from laibin_check.reporters import RenderOptions, get
from laibin_check.reporters.github import escape_data, escape_property

# https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
# `::{command} {name}={value},{name}={value}::{message}`; values cannot hold raw `,` `:` CR LF or a bare `%`.
_VALUE = r"(?:[^,:%\r\n]|%25|%0D|%0A|%3A|%2C)*"
_PROP = rf"(?:file|line|endLine|col|endColumn|title)={_VALUE}"
_DATA = r"(?:[^%\r\n]|%25|%0D|%0A)*"
COMMAND = re.compile(rf"^::(?P<level>error|warning|notice)(?: {_PROP}(?:,{_PROP})*)?::{_DATA}$")


def render(result: RunResult | None = None, show: str = "info") -> str:
    return get("github").render(result or sample_result(), RenderOptions(show=show))


def levels(text: str) -> list[str]:
    return [line.split(" ", 1)[0].split("::")[1] for line in text.splitlines()]


def test_golden(golden: Callable[[str, str], None]) -> None:
    golden("reporters/sample.github.txt", render())


def test_every_line_is_a_documented_command() -> None:
    for text in (render(), render(many_result(12, 11, 11))):
        for line in text.splitlines():
            assert COMMAND.match(line), line


def test_errors_then_warnings_then_notices() -> None:
    assert levels(render()) == ["error", "warning", "notice", "notice"]


def test_properties_and_message() -> None:
    first = render().splitlines()[0]
    assert first.startswith(
        "::error file=facts/laibin-2021q1/report.txt,line=9,endLine=9,col=41,endColumn=50,title=LC101 ratio::"
    )
    assert "83.4%25" in first and "%0AReceipt: " in first


def test_waived_finding_is_a_notice_marked_waived() -> None:
    waived = [line for line in render().splitlines() if "LC203" in line]
    assert waived[0].startswith("::notice ") and "(waived)" in waived[0] and "Li Hua" in waived[0]


def test_escaping_follows_the_toolkit() -> None:
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    odd = ratio_failure()._replace(path="facts/a,b:c/report.txt", message="line one\nline two, 5%")
    result = RunResult(reports=(sample_result().reports[0]._replace(findings=(odd,)),), tool_version="0.1.0")
    (line,) = render(result).splitlines()
    assert COMMAND.match(line)
    assert "file=facts/a%2Cb%3Ac/report.txt" in line and "line one%0Aline two, 5%25" in line


def test_at_most_ten_of_each_level_and_a_closing_notice() -> None:
    text = render(many_result(errors=13, warnings=11, infos=12))
    found = levels(text)
    assert found.count("error") == 10 and found.count("warning") == 10
    assert found.count("notice") == 10 and found[-1] == "notice"
    last = text.splitlines()[-1]
    assert "3 errors" in last and "1 warning" in last and "3 notices" in last and "job summary" in last
    assert found == sorted(found, key=["error", "warning", "notice"].index)


def test_no_closing_notice_within_the_limits() -> None:
    assert "more finding" not in render(many_result(errors=10, warnings=10, infos=10))


def test_show_and_clean() -> None:
    assert levels(render(show="error")) == ["error"]
    assert render(clean_result()) == ""
    empty = RunResult(reports=(ReportResult("x", "", "x.txt", (), (), 0, ""),), tool_version="0.1.0")
    assert render(empty) == ""
