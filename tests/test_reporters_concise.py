"""The `concise` reporter: one line a problem, sorted, waived ones marked, `--show` respected."""

from __future__ import annotations

import re
from collections.abc import Callable

from fixtures_gate import clean_result, sample_result
from laibin_check.reporters import RenderOptions, get

LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<code>LC\d{3}) (?P<sev>error|warning|info) (?P<msg>.+)$"
)


def render(show: str = "info") -> str:
    return get("concise").render(sample_result(), RenderOptions(show=show))


def test_golden(golden: Callable[[str, str], None]) -> None:
    golden("reporters/sample.concise.txt", render())


def test_every_line_parses_and_lines_are_sorted() -> None:
    lines = render().splitlines()
    assert len(lines) == 4  # passing checks are not listed
    places = []
    for line in lines:
        m = LINE.match(line)
        assert m, line
        places.append((int(m["line"]), int(m["col"])))
    assert places == sorted(places)


def test_waived_finding_is_marked() -> None:
    waived = [line for line in render().splitlines() if " LC203 " in line]
    assert waived and "waived:" in waived[0] and "Li Hua" in waived[0] and "2099-12-31" in waived[0]


def test_show_hides_lower_severities() -> None:
    assert " info " not in render(show="warning")
    assert {LINE.match(x)["sev"] for x in render(show="error").splitlines()} == {"error"}  # type: ignore[index]


def test_clean_run_prints_nothing() -> None:
    assert get("concise").render(clean_result(), RenderOptions()) == ""


def test_deterministic() -> None:
    assert render() == render()
