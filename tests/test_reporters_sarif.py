"""The `sarif` reporter: valid SARIF 2.1.0 (official schema), read by sarif-tools, waivers suppressed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SCHEMAS
from fixtures_gate import sample_result
from laibin_check.reporters import RenderOptions, get
from laibin_check.rules import RULES

SCHEMA = SCHEMAS / "sarif-schema-2.1.0.json"


def render() -> str:
    return get("sarif").render(sample_result(), RenderOptions())


def log() -> dict[str, Any]:
    return json.loads(render())  # type: ignore[no-any-return]


def test_golden(golden: Callable[[str, str], None]) -> None:
    golden("reporters/sample.sarif", render())


@pytest.mark.skipif(not SCHEMA.exists(), reason=f"official SARIF schema not found at {SCHEMA}")
def test_validates_against_the_official_schema() -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log()), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_read_by_sarif_tools(tmp_path: Path) -> None:
    from sarif import loader

    path = tmp_path / "laibin.sarif"
    path.write_text(render(), encoding="utf-8")
    sarif_file = loader.load_sarif_file(str(path))
    run = sarif_file.get_distinct_tool_names()
    assert run == ["laibin-check"]
    records = sarif_file.get_records()
    assert {r["Code"].split(" ")[0] for r in records} >= {"LC101", "LC301"}
    assert sarif_file.get_result_count() == 4
    severities = sorted(r["Severity"] for r in records)
    assert severities == ["error", "note", "warning", "warning"]
    ratio = next(r for r in records if r["Code"].startswith("LC101"))
    assert (ratio["Location"], ratio["Line"]) == ("facts/laibin-2021q1/report.txt", 9)


def test_run_properties() -> None:
    run = log()["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    ratio = driver["rules"][[r["id"] for r in driver["rules"]].index("LC101")]
    assert ratio["name"] == "ratio" and ratio["help"]["markdown"].startswith("**LC101 ratio**")
    assert ratio["helpUri"].endswith("#lc101")


def test_results_levels_places_and_fingerprints() -> None:
    results = log()["runs"][0]["results"]
    assert len(results) == 4  # passing checks are not results
    by_rule = {r["ruleId"]: r for r in results}
    assert by_rule["LC101"]["level"] == "error"
    assert by_rule["LC111"]["level"] == "note"
    region = by_rule["LC101"]["locations"][0]["physicalLocation"]["region"]
    assert region == {
        "startLine": 9,
        "startColumn": 41,
        "endLine": 9,
        "endColumn": 51,
        "snippet": {"text": "問題辦結率83.4%"},
    }
    artifact = by_rule["LC101"]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "facts/laibin-2021q1/report.txt", "uriBaseId": "%SRCROOT%"}
    expected = next(f for f in sample_result().findings if f.code == "LC101").fingerprint
    assert by_rule["LC101"]["partialFingerprints"] == {"laibinCheck/v1": expected}
    assert "Receipt:" in by_rule["LC101"]["message"]["text"]


def test_waived_finding_has_an_accepted_external_suppression() -> None:
    results = {r["ruleId"]: r for r in log()["runs"][0]["results"]}
    (suppression,) = results["LC203"]["suppressions"]
    assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert "Li Hua" in suppression["justification"]
    assert "suppressions" not in results["LC101"]


def test_no_timestamps_and_deterministic() -> None:
    text = render()
    assert text == render()
    assert "Time" not in text and "time" not in json.dumps(log()["runs"][0].get("invocations", []))
