"""The gate: exit code from unwaived findings at or above --fail-on, severity overrides, colour, outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixtures_gate import clean_result, sample_result
from laibin_check.errors import InputError
from laibin_check.findings import RunResult
from laibin_check.gate import apply_severity, default_format, exit_code, failing, use_color
from laibin_check.outputs import OutputSpec, parse_output, write_outputs
from laibin_check.reporters import RenderOptions


def only_warnings() -> RunResult:
    report = sample_result().reports[0]
    return sample_result()._replace(
        reports=(report._replace(findings=tuple(f for f in report.findings if f.severity != "error")),),
    )


@pytest.mark.parametrize(
    ("result", "fail_on", "code"),
    [
        (sample_result(), "error", 1),
        (sample_result(), "warning", 1),
        (sample_result(), "never", 0),
        (only_warnings(), "error", 0),
        (only_warnings(), "warning", 1),
        (clean_result(), "warning", 0),
    ],
)
def test_exit_code(result: RunResult, fail_on: str, code: int) -> None:
    assert exit_code(result, fail_on) == code


def test_waived_and_info_findings_never_fail() -> None:
    assert {f.code for f in failing(sample_result(), "warning")} == {"LC101", "LC301"}


def test_waiving_the_only_error_passes_the_gate() -> None:
    waiver = next(f for f in sample_result().findings if f.waived).waiver
    report = sample_result().reports[0]
    waived = tuple(f._replace(waiver=waiver) if f.code == "LC101" else f for f in report.findings)
    result = sample_result()._replace(reports=(report._replace(findings=waived),))
    assert exit_code(result, "error") == 0


def test_severity_overrides() -> None:
    result = apply_severity(sample_result(), {"LC101": "warning", "LC301": "off", "LC102": "error"})
    by_code = {f.code: f for f in result.findings}
    assert by_code["LC101"].severity == "warning"
    assert "LC301" not in by_code
    assert by_code["LC102"].severity == "none"  # a passing check stays passing
    assert exit_code(result, "error") == 0 and exit_code(result, "warning") == 1
    assert apply_severity(sample_result(), {}) == sample_result()


@pytest.mark.parametrize(
    ("mode", "isatty", "env", "expected"),
    [
        ("always", False, {"NO_COLOR": "1"}, True),
        ("never", True, {"FORCE_COLOR": "1"}, False),
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ("auto", True, {"TERM": "dumb"}, False),
        ("auto", True, {"TERM": "dumb", "FORCE_COLOR": "1"}, True),
    ],
)
def test_use_color(mode: str, isatty: bool, env: dict[str, str], expected: bool) -> None:
    assert use_color(mode, isatty=isatty, environ=env) is expected


def test_default_format() -> None:
    assert default_format(isatty=True) == "table" and default_format(isatty=False) == "concise"


def test_write_outputs(tmp_path: Path) -> None:
    specs = (parse_output(f"json:{tmp_path}/a/out.json"), parse_output(f"concise:{tmp_path}/out.txt"))
    write_outputs(sample_result(), specs, RenderOptions(color=True))
    assert json.loads((tmp_path / "a" / "out.json").read_text(encoding="utf-8"))["version"] == 2
    assert "LC101" in (tmp_path / "out.txt").read_text(encoding="utf-8")


def test_unwritable_output_is_an_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot write the json output"):
        write_outputs(sample_result(), (OutputSpec("json", blocker / "out.json"),), RenderOptions())


def test_readme_section_documents_every_format_key_and_rule() -> None:
    from laibin_check.config import KEYS
    from laibin_check.reporters import FORMATS
    from laibin_check.rules import RULES

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(
        encoding="utf-8"
    )
    assert all(f"`{name}`" in text for name in FORMATS)
    assert all(f"\n{key} = " in text for key in KEYS if key != "severity")
    assert "[tool.laibin-check.severity]" in text
    assert all(f"| {code} |" in text for code in RULES)
    assert "LAIBIN_CHECK_TODAY" in text and "NO_COLOR" in text and "FORCE_COLOR" in text
