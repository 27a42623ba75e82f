"""scripts/bench_heldout.py run as its reader runs it: a folder of clean texts and planted mutations, and what it
prints about them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("标题\n全市进出口总额6412.5亿元。其中，出口4083.6亿元，进口2328.9亿元，出口占进出口总额的63.7%。\n"
        "全市有企业12家。\n")


def test_bench_heldout_counts_false_alarms_and_caught_mutations(tmp_path: Path) -> None:
    folder = tmp_path / "round"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "mutations.json").write_text(json.dumps([
        {"file": "a.txt", "line": 2, "old": "的63.7%", "new": "的61.7%", "why": "the share"},  # caught
        {"file": "a.txt", "line": 3, "old": "12家", "new": "15家", "why": "no relation"},  # nothing to catch
        {"file": "a.txt", "line": 3, "old": "99家", "new": "15家"},  # not on its line: skipped
    ], ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_heldout.py"), "--missed", str(folder)],
                         capture_output=True, text=True, check=True).stdout
    assert f"{folder / 'a.txt'}: 0 errors, 0 warnings" in out
    assert "skipped: '99家' does not occur once on a.txt line 3" in out
    assert "missed a.txt line 3: 12家 -> 15家 (no relation)" in out
    assert "recall 1/2; clean texts with a false alarm 0/1" in out
    assert out.rstrip().endswith("recall on planted mutations 1/2 = 0.50")
