"""The bundled Laibin report, checked the way an editor runs the tool: verdicts, receipts, golden output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "LAIBIN_CHECK_TODAY": "2026-11-26", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "laibin_check", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env=full_env, check=False)


@pytest.fixture(scope="module")
def laibin_json() -> dict[str, Any]:
    proc = run_cli("verify", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def checks(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for r in data["reports"] for f in r["findings"] if f.get("verdict")]


def by_fact(data: dict[str, Any], fact_id: str) -> dict[str, Any]:
    found = [f for f in checks(data) if f["fact_ids"][0] == fact_id]
    assert len(found) == 1, f"{fact_id}: {found}"
    return found[0]


def test_the_one_inconsistency_is_the_resolution_rate(laibin_json: dict[str, Any]) -> None:
    bad = [f for f in checks(laibin_json) if f["verdict"] == "inconsistent"]
    assert [f["fact_ids"][0] for f in bad] == ["problem_resolution_rate"]
    finding = bad[0]
    assert finding["code"] == "LC101"
    assert finding["severity"] == "error"
    # It points at the report, where the editor fixes it, not at the facts file.
    assert finding["path"] == "facts/laibin-2021q1/report.txt"
    assert finding["line"] == 10
    assert "問題辦結(jié)率83.4%" in finding["quote"] or "83.4%" in finding["quote"]
    # JSON 2: the report lists each sentence once, a finding names its own by index.
    assert "已解決316個" in laibin_json["reports"][0]["sentences"][finding["sentence"]]


def test_resolution_rate_receipt_names_the_smallest_changes(laibin_json: dict[str, Any]) -> None:
    receipt = by_fact(laibin_json, "problem_resolution_rate")["receipt"]
    assert receipt["formula"].endswith("316個 / 380多個")
    readings = {i["fact_id"]: i["reading"] for i in receipt["inputs"]}
    assert readings["problems_collected"] == "多: more than 380, less than 390"
    assert receipt["stated"] == "[83.35, 83.45)%"
    assert receipt["recomputed"] == "[81.23, 82.94]%"
    text = "\n".join(receipt["suggestions"])
    assert "379個 (printed 380多個)" in text
    assert "would be 83.2%" in text  # 316 / 380 exactly


def test_overshoot_of_the_target_is_consistent(laibin_json: dict[str, Any]) -> None:
    gap = [f for f in checks(laibin_json) if f["code"] == "LC102"]
    assert len(gap) == 1
    assert gap[0]["verdict"] == "consistent"
    assert "95.3% - 28%" in gap[0]["receipt"]["formula"]


def test_targets_and_prior_levels_are_implied(laibin_json: dict[str, Any]) -> None:
    implied = {f["fact_ids"][0]: f for f in checks(laibin_json) if f["verdict"] == "implied"}
    messages = " | ".join(f["message"] for f in implied.values())
    assert "60個" in messages  # 19 completed at 31.7% of the annual target
    assert "110個 with the printed figures taken as exact" in messages  # 55 new starts at 50%
    assert "18.28億元" in messages  # fiscal revenue 22.04 / 1.206 = 18.275
    gdp = [f for f in implied.values() if "141.6" in f["message"]]
    assert gdp and "approximate" in gdp[0]["message"]


def test_ranks_and_records_are_unverifiable_not_passed(laibin_json: dict[str, Any]) -> None:
    unverifiable = [f for f in checks(laibin_json) if f["verdict"] == "unverifiable"]
    assert len(unverifiable) >= 9
    assert all(f["severity"] == "info" for f in unverifiable)


def test_every_figure_is_accounted_for(laibin_json: dict[str, Any]) -> None:
    codes = [f["code"] for r in laibin_json["reports"] for f in r["findings"]]
    assert "LC204" not in codes  # no uncovered figure
    assert "LC201" not in codes and "LC202" not in codes  # every quote holds


def test_exit_codes() -> None:
    assert run_cli("verify", "--format", "concise").returncode == 1
    assert run_cli("verify", "--format", "concise", "--fail-on", "never").returncode == 0


def test_table_golden(golden: Any) -> None:
    proc = run_cli("verify", "--format", "table")
    assert proc.returncode == 1
    assert proc.stderr == ""
    golden("cli/verify-laibin.txt", proc.stdout)


def test_explain_golden(golden: Any) -> None:
    proc = run_cli("explain", "problem_resolution_rate")
    assert proc.returncode == 0, proc.stderr
    assert "problems_collected" in proc.stdout and "多: more than 380" in proc.stdout
    golden("cli/explain-resolution-rate.txt", proc.stdout)


def test_facts_lists_every_fact() -> None:
    proc = run_cli("facts", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    ids = [f["id"] for f in data[0]["facts"]]
    assert "problem_resolution_rate" in ids and len(ids) == len(set(ids)) >= 60


def test_output_is_deterministic() -> None:
    first = run_cli("verify", "--format", "json").stdout
    second = run_cli("verify", "--format", "json").stdout
    assert first == second


def test_markdown_summary_puts_the_error_first_and_folds_the_warnings() -> None:
    proc = run_cli("verify", "--format", "markdown")
    assert proc.returncode == 1
    problems = proc.stdout.split("### Problems", 1)[1]
    first_row = problems.split("|---|---|---|---|---|\n", 1)[1].splitlines()[0]
    assert "LC101 ratio" in first_row and "83.4%" in first_row
    assert "<details><summary>Warnings (396)</summary>" in problems
