"""The gate end to end: `laibin-check verify` on a copy of the Laibin report, as CI and pre-commit run it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SCHEMAS
from fixtures_gate import LAIBIN_WAIVER

ROOT = Path(__file__).resolve().parents[1]

FORMATS = ("table", "concise", "json", "sarif", "junit", "github", "markdown", "html")

WAIVER = LAIBIN_WAIVER


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A working folder holding facts/laibin-2021q1, without waivers or config of its own."""
    shutil.copytree(
        ROOT / "facts" / "laibin-2021q1",
        tmp_path / "facts" / "laibin-2021q1",
        ignore=shutil.ignore_patterns("waivers.toml"),
    )
    return tmp_path


def verify(cwd: Path, *args: str, today: str = "2021-05-01") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "LAIBIN_CHECK_TODAY")}
    env.update(LAIBIN_CHECK_TODAY=today, COLUMNS="120")
    return subprocess.run(
        [sys.executable, "-m", "laibin_check", "verify", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def waive(newsroom: Path, text: str = WAIVER) -> None:
    (newsroom / "facts" / "laibin-2021q1" / "waivers.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_1_on_the_laibin_report_in_every_format(newsroom: Path, fmt: str) -> None:
    proc = verify(newsroom, "--format", fmt)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_0_with_fail_on_never(newsroom: Path, fmt: str) -> None:
    assert verify(newsroom, "--format", fmt, "--fail-on", "never").returncode == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_0_when_the_contradiction_is_waived(newsroom: Path, fmt: str) -> None:
    waive(newsroom)
    proc = verify(newsroom, "--format", fmt)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    if fmt != "table":  # the table is the lead's; every other format shows the waived finding
        assert "Li Hua" in proc.stdout


def test_warnings_fail_with_fail_on_warning(newsroom: Path) -> None:
    waive(newsroom)
    assert verify(newsroom, "--format", "concise", "--fail-on", "warning").returncode == 1


def test_expired_waiver_fails_again_and_is_reported(newsroom: Path) -> None:
    waive(newsroom)
    proc = verify(newsroom, "--format", "concise", "--show", "warning", today="2021-07-01")
    assert proc.returncode == 1
    assert "facts/laibin-2021q1/waivers.toml:1:1: LC401 warning waiver for LC101" in proc.stdout
    assert re.search(r"report\.txt:\d+:\d+: LC101 error ", proc.stdout)


def test_unused_waiver_is_reported(newsroom: Path) -> None:
    waive(newsroom, WAIVER + WAIVER.replace("problem_resolution_rate", "no_such_fact"))
    proc = verify(newsroom, "--format", "concise", "--show", "warning")
    assert proc.returncode == 0
    assert "facts/laibin-2021q1/waivers.toml:7:1: LC402 warning" in proc.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_byte_identical_output(newsroom: Path, fmt: str) -> None:
    waive(newsroom)
    assert verify(newsroom, "--format", fmt).stdout == verify(newsroom, "--format", fmt).stdout


def test_machine_formats_put_only_their_document_on_stdout(newsroom: Path) -> None:
    assert json.loads(verify(newsroom, "--format", "json").stdout)["version"] == 2
    assert json.loads(verify(newsroom, "--format", "sarif").stdout)["version"] == "2.1.0"
    assert verify(newsroom, "--format", "junit").stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    github = verify(newsroom, "--format", "github").stdout.splitlines()
    assert github and all(line.startswith("::") for line in github)
    concise = verify(newsroom, "--format", "concise")
    assert all(
        re.match(r"^[^:]+:\d+:\d+: LC\d{3} (error|warning|info) ", line)
        for line in concise.stdout.splitlines()
    )
    assert concise.stderr.startswith("laibin-check: 1 error, ")  # the totals go to stderr


@pytest.mark.skipif(not SCHEMAS.exists(), reason=f"schemas folder {SCHEMAS} is absent")
def test_real_report_validates_as_sarif_and_junit(newsroom: Path) -> None:
    import jsonschema
    import xmlschema

    waive(newsroom)
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(verify(newsroom, "--format", "sarif").stdout)
    jsonschema.validate(log, schema)
    assert any(r.get("suppressions") for r in log["runs"][0]["results"])
    xmlschema.XMLSchema(str(SCHEMAS / "junit-10-jenkins-xunit.xsd")).validate(
        verify(newsroom, "--format", "junit").stdout
    )


def test_output_writes_other_formats_from_the_same_run(newsroom: Path) -> None:
    proc = verify(
        newsroom, "--format", "concise", "--output", "sarif:out/laibin.sarif", "-o", "markdown:summary.md"
    )
    assert proc.returncode == 1
    log = json.loads((newsroom / "out" / "laibin.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"]
    assert (newsroom / "summary.md").read_text(encoding="utf-8").startswith("## laibin-check: 1 error")
    assert "LC101" in proc.stdout


def test_config_file_is_found_and_cli_overrides_it(newsroom: Path) -> None:
    (newsroom / "pyproject.toml").write_text(
        '[tool.laibin-check]\nfail_on = "never"\nformat = "json"\n\n'
        '[tool.laibin-check.severity]\nLC301 = "off"\n',
        encoding="utf-8",
    )
    sub = newsroom / "drafts"
    sub.mkdir()
    proc = verify(newsroom)
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert "LC301" not in {f["code"] for f in data["reports"][0]["findings"]}
    assert verify(newsroom, "--fail-on", "error").returncode == 1
    # From a subfolder the same file is found, and its facts path is read relative to it.
    (newsroom / "pyproject.toml").write_text(
        '[tool.laibin-check]\nfacts = "facts"\nformat = "concise"\n', encoding="utf-8"
    )
    assert verify(sub).returncode == 1


def test_bad_config_is_exit_2_with_its_place_on_stderr(newsroom: Path) -> None:
    (newsroom / "laibin-check.toml").write_text('show = "info"\nfail_level = "error"\n', encoding="utf-8")
    proc = verify(newsroom, "--format", "json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("laibin-check: error: ") and "laibin-check.toml:2:" in proc.stderr
    assert "unknown key 'fail_level'" in proc.stderr


def test_bad_waiver_is_exit_2(newsroom: Path) -> None:
    waive(newsroom, WAIVER.replace("expires = 2021-06-30", 'expires = "soon"'))
    proc = verify(newsroom, "--format", "json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "facts/laibin-2021q1/waivers.toml:6:" in proc.stderr


def test_bad_option_value_is_exit_2(newsroom: Path) -> None:
    proc = verify(newsroom, "--fail-on", "sometimes")
    assert proc.returncode == 2 and "--fail-on" in proc.stderr and proc.stdout == ""


def test_no_color_when_piped_even_for_the_table(newsroom: Path) -> None:
    assert "\x1b[" not in verify(newsroom, "--format", "table").stdout
    assert "\x1b[" in verify(newsroom, "--format", "table", "--color", "always").stdout


def test_rule_command_documents_every_code(newsroom: Path) -> None:
    from laibin_check.rules import RULES

    env = {**os.environ, "NO_COLOR": "1"}
    listing = subprocess.run(
        [sys.executable, "-m", "laibin_check", "rule"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert listing.returncode == 0 and all(code in listing.stdout for code in RULES)
    one = subprocess.run(
        [sys.executable, "-m", "laibin_check", "rule", "LC401"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert one.returncode == 0 and "waiver-expired" in one.stdout


def test_an_output_file_gets_the_permissions_open_would_give(newsroom: Path) -> None:
    # Written through a private temporary file; the result is read by others (a CI artifact, a served page).
    verify(newsroom, "--format", "concise", "-o", "sarif:out/laibin.sarif", "-o", "html:page.html")
    umask = os.umask(0o022)
    os.umask(umask)
    for name in ("out/laibin.sarif", "page.html"):
        assert (newsroom / name).stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("fmt", ["concise", "json"])
def test_a_legacy_terminal_encoding_gets_the_same_text(newsroom: Path, fmt: str) -> None:
    # Streamed pieces are UTF-8 bytes; on a stdout that is not UTF-8 they are written as text, in its encoding.
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    args = [sys.executable, "-m", "laibin_check", "verify", "--format", fmt]
    utf8 = subprocess.run(args, cwd=newsroom, env={**env, "PYTHONIOENCODING": "utf-8"}, capture_output=True,
                          check=False)
    legacy = subprocess.run(args, cwd=newsroom, env={**env, "PYTHONIOENCODING": "gb18030"}, capture_output=True,
                            check=False)
    assert legacy.returncode == utf8.returncode == 1
    assert legacy.stdout != utf8.stdout
    assert legacy.stdout.decode("gb18030") == utf8.stdout.decode("utf-8")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a device that is always full)")
@pytest.mark.parametrize("fmt", ["json", "concise", "table"])
def test_a_full_standard_output_is_one_line_and_exit_2(newsroom: Path, fmt: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "laibin_check", "verify", "--format", fmt], cwd=newsroom,
                              env=env, stdout=full, stderr=subprocess.PIPE, check=False)
    err = proc.stderr.decode("utf-8").strip().splitlines()
    assert proc.returncode == 2
    assert err == [f"laibin-check: error: standard output: cannot write the {fmt} output: No space left on device"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a device that is always full)")
@pytest.mark.parametrize("args", [
    ["facts"], ["rule"], ["rule", "LC101"], ["explain", "gdp_2021q1"], ["--help"], ["verify", "--help"],
    ["fix", "facts/laibin-2021q1/report.txt"], ["extract", "facts/laibin-2021q1/report.txt"],
], ids=" ".join)
def test_every_command_on_a_full_standard_output_says_so_in_one_line(newsroom: Path, args: list[str]) -> None:
    """Not `internal error`: the command names standard output and the system's reason, and exits 2."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "laibin_check", *args], cwd=newsroom, env=env, stdout=full,
                              stderr=subprocess.PIPE, check=False)
    assert proc.stderr.decode("utf-8").splitlines() == [
        "laibin-check: error: standard output: cannot write: No space left on device"]
    assert proc.returncode == 2


def test_a_reader_that_leaves_early_gets_no_message(newsroom: Path) -> None:
    """`laibin-check facts | head -1`: the pipe closes under a long output; no traceback, no error line."""
    many = newsroom / "facts"
    for n in range(30):
        copy = shutil.copytree(many / "laibin-2021q1", many / f"copy-{n:02d}")
        facts = copy / "facts.toml"
        facts.write_text(facts.read_text(encoding="utf-8").replace('id = "laibin-2021q1"', f'id = "{copy.name}"', 1),
                         encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "laibin_check", "facts"], cwd=newsroom, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    code = proc.wait(timeout=60)
    assert err == ""
    assert code in (0, 1, 141)
