"""The composite GitHub Action: its shape, and its verify step run as GitHub runs it (minus the install)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML (a pre-commit dependency) is needed to read action.yml")

ROOT = Path(__file__).resolve().parents[1]


def action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return data


def test_composite_action_shape() -> None:
    data = action()
    assert data["runs"]["using"] == "composite"
    assert set(data["inputs"]) >= {"facts", "fail-on", "sarif"}
    steps = data["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert '"$GITHUB_ACTION_PATH"' in steps[1]["run"]
    verify = steps[2]
    assert "--format github" in verify["run"] and "markdown:${GITHUB_STEP_SUMMARY}" in verify["run"]
    # Inputs go through env, never straight into the script (script injection).
    assert "${{" not in verify["run"]
    assert all(step.get("shell") == "bash" for step in steps if "run" in step)


def run_step(tmp_path: Path, inputs: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], Path]:
    work = tmp_path / "repo"
    shutil.copytree(
        ROOT / "facts" / "laibin-2021q1",
        work / "facts" / "laibin-2021q1",
        ignore=shutil.ignore_patterns("waivers.toml"),
    )
    summary = tmp_path / "step_summary.md"
    defaults = {k: str(v.get("default", "")) for k, v in action()["inputs"].items()}
    values = {**defaults, **inputs}
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update(
        GITHUB_STEP_SUMMARY=str(summary),
        GITHUB_ACTION_PATH=str(ROOT),
        LAIBIN_CHECK_TODAY="2021-05-01",
        LAIBIN_FACTS=values["facts"],
        LAIBIN_FAIL_ON=values["fail-on"],
        LAIBIN_SARIF=values["sarif"],
        LAIBIN_ARGS=values["args"],
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    script = action()["runs"]["steps"][2]["run"]
    proc = subprocess.run(
        ["bash", "-c", script],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return proc, summary


def test_verify_step_annotates_summarises_and_fails(tmp_path: Path) -> None:
    proc, summary = run_step(tmp_path, {"sarif": "out/laibin.sarif"})
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("::error file=facts/laibin-2021q1/report.txt,")
    assert all(line.startswith("::") for line in lines)
    assert summary.read_text(encoding="utf-8").startswith("## laibin-check: 1 error")
    assert (tmp_path / "repo" / "out" / "laibin.sarif").is_file()


def test_verify_step_soft_rollout(tmp_path: Path) -> None:
    proc, _ = run_step(tmp_path, {"fail-on": "never", "args": "--show error"})
    assert proc.returncode == 0, proc.stderr
    assert [line.split(" ")[0] for line in proc.stdout.splitlines()] == ["::error"]
