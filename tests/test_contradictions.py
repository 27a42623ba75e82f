"""The contradictions issue 9 names, on small reports written with the same shape, run as a user runs verify.

tests/data/contradictions/wrong holds three reports that contradict themselves: a rank against the list the
report prints (排名第10位 when the list puts 武漢 8th), a count-share against 超過三成 (8 of 27 is under 30%), and a
level implied by growth against 120億左右 (150億 after 10% growth was about 136億). right/ holds the consistent
versions of the same sentences. Both are checked by `laibin-check verify` in a subprocess, through its JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "contradictions"

EXPECTED = {"rank-list": ("LC113", "wuhan_rank", "排名第10位"),
            "count-share": ("LC101", "chosen_share", "佔比超過三成"),
            "growth-level": ("LC106", "revenue_last_year", "上年財政收入120億元左右")}


def verify(side: str) -> tuple[int, dict[str, list[dict[str, object]]]]:
    proc = subprocess.run([sys.executable, "-m", "laibin_check", "verify", "--facts", str(DATA / side),
                           "--no-coverage", "--no-hygiene", "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    return proc.returncode, {r["id"]: r["findings"] for r in data["reports"]}


def test_the_three_contradictions_are_caught() -> None:
    code, reports = verify("wrong")
    assert code == 1
    assert sorted(reports) == sorted(EXPECTED)
    for report, (rule, fact, quote) in EXPECTED.items():
        (finding,) = reports[report]
        assert (finding["code"], finding["verdict"], finding["severity"]) == (rule, "inconsistent", "error"), report
        assert finding["fact_ids"][0] == fact
        assert finding["quote"] == quote


@pytest.mark.parametrize("report", sorted(EXPECTED))
def test_the_consistent_versions_pass(report: str) -> None:
    code, reports = verify("right")
    assert code == 0
    (finding,) = reports[report]
    assert finding["verdict"] == "consistent" and finding["severity"] == "none", finding["message"]
