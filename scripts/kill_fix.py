"""Kill `laibin-check fix --in-place` at random moments and check that nothing is ever lost (run by hand).

Each round writes the original report, starts `fix REPORT --in-place --force` in a fresh process, kills it
(SIGKILL) after a random delay between 0 and 1.2 times an uninterrupted run, and then checks that the report is
whole (exactly the original or exactly the repaired text) and that the backup is missing or exactly the original.
A temporary file a kill leaves behind is counted and removed; it never holds the only copy of anything.

    python scripts/kill_fix.py [--runs 200] [--size-kb 2000] [--seed 1]

tests/test_kill.py runs the same rounds, fewer and on a smaller report.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

LINE = "全區(qū)生產總值167.14億元,同比增長18%;收集問題380多個,解決316個。\n"


class Tally(NamedTuple):
    runs: int
    killed: int
    """Rounds the kill landed before the process ended by itself."""
    report_rewritten: int
    backup_present: int
    temp_left: int
    lost: list[str]
    """Rounds where the report or its backup was not whole: must stay empty."""


def make_report(size_kb: int) -> bytes:
    line = LINE.encode("utf-8")
    return line * max(1, size_kb * 1024 // len(line))


def fixed_of(original: bytes, folder: Path) -> bytes:
    """The repaired text, from one uninterrupted run; also its duration."""
    path = folder / "report.txt"
    path.write_bytes(original)
    subprocess.run(_command(path), check=True, capture_output=True)
    data = path.read_bytes()
    for p in folder.iterdir():
        p.unlink()
    return data


def _command(path: Path) -> list[str]:
    return [sys.executable, "-m", "laibin_check", "fix", str(path), "--in-place", "--force"]


def rounds(runs: int, size_kb: int, seed: int, folder: Path) -> Tally:
    rng = random.Random(seed)
    original = make_report(size_kb)
    started = time.perf_counter()
    fixed = fixed_of(original, folder)
    duration = time.perf_counter() - started
    assert fixed != original, "the report must hold something to repair"
    path = folder / "report.txt"
    backup = folder / "report.txt.bak"
    killed = rewritten = backups = temps = 0
    lost: list[str] = []
    for n in range(runs):
        path.write_bytes(original)
        proc = subprocess.Popen(_command(path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, 1.2 * duration))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        data = path.read_bytes() if path.exists() else None
        if data == fixed:
            rewritten += 1
        elif data != original:
            lost.append(f"round {n}: report is {'missing' if data is None else f'{len(data)} bytes, not whole'}")
        if backup.exists():
            backups += 1
            if backup.read_bytes() != original:
                lost.append(f"round {n}: backup is {backup.stat().st_size} bytes, not the original")
        for stray in folder.glob(".*.tmp"):
            temps += 1
            stray.unlink()
    return Tally(runs, killed, rewritten, backups, temps, lost)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--size-kb", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = rounds(args.runs, args.size_kb, args.seed, Path(tmp))
    print(f"{t.runs} rounds on a {args.size_kb} KB report: {t.killed} killed mid-run, report rewritten in "
          f"{t.report_rewritten}, backup present after {t.backup_present}, {t.temp_left} temporary files left "
          f"by kills; report or backup not whole: {len(t.lost)}")
    for problem in t.lost:
        print("  " + problem)
    sys.exit(1 if t.lost else 0)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "")
    main()
