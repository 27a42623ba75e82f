"""Benchmark (run by hand): `laibin-check verify` wall time against the floor set by its own dependencies.

The floor is `python -c "import typer, rich.console, rich.table, pint"` in the same environment. Runs are
interleaved (floor, verify, floor, verify ...) so that drift in the machine's load hits both alike, and the
ratio of the medians is printed. Target: at most 1.2.

    python scripts/bench_startup.py [--runs 21] [--facts facts] [-- extra verify args]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--facts", default="facts")
    parser.add_argument("extra", nargs="*", help="extra arguments for verify")
    args = parser.parse_args()

    exe = shutil.which("laibin-check", path=os.path.dirname(sys.executable)) or shutil.which("laibin-check")
    verify = [exe, "verify", "--facts", args.facts, *args.extra] if exe else [
        sys.executable, "-m", "laibin_check", "verify", "--facts", args.facts, *args.extra]
    floor = [sys.executable, "-c", "import typer, rich.console, rich.table, pint"]
    for cmd in (floor, verify):  # warm the file cache and the bytecode cache
        _time(cmd)
    floors, verifies = [], []
    for _ in range(args.runs):
        floors.append(_time(floor))
        verifies.append(_time(verify))
    f, v = statistics.median(floors), statistics.median(verifies)
    print(f"floor  (import typer, rich, pint): median {f * 1000:.1f} ms over {args.runs} runs")
    print(f"verify ({' '.join(verify[1:])}): median {v * 1000:.1f} ms")
    print(f"ratio: {v / f:.3f} (target <= 1.2)")


if __name__ == "__main__":
    main()
