"""Benchmark (run by hand): the CPU time of each step of `verify` on one report, averaged over N repetitions.

    python scripts/bench_phases.py [N] [--facts FOLDER]   # default: 60 repetitions of facts/laibin-2021q1

Steps: reading the facts file, reading the text, placing the facts, the engine without coverage and hygiene,
coverage, the hygiene scan, the whole check of the folder, and the report's JSON element. CPU time
(time.process_time), so that other jobs on the machine matter less; run it twice and take the lower.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from laibin_check import coverage, engine, hygiene, loader
from laibin_check.report import ReportText
from laibin_check.reporters import RenderOptions
from laibin_check.reporters import json as json_format

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=60)
    parser.add_argument("--facts", type=Path, default=ROOT / "facts" / "laibin-2021q1")
    args = parser.parse_args()
    folder: Path = args.facts
    totals: dict[str, float] = {}

    def timed(name: str, step: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        result = step(*args, **kwargs)
        totals[name] = totals.get(name, 0.0) + time.process_time() - start
        return result

    stream = json_format.stream(RenderOptions(), "bench")
    engine.check_folder((folder, engine.Settings()))  # tables and patterns loaded once, as in a worker
    for _ in range(args.n):
        rf = timed("reading the facts file", loader.load_report, folder)
        text = timed("reading the text", ReportText.read, rf.report_file, rf.display_report)
        bare = engine.Settings(hygiene=False, coverage=False)
        timed("placing the facts (new text)", engine._ReportCheck(rf, text, bare)._place_facts)
        run = engine._ReportCheck(rf, text, bare)
        timed("engine, no coverage or hygiene", run.run)
        timed("coverage", coverage.check, rf, text, run.claimed_spans())
        timed("hygiene", hygiene.check, text, rf.id, group_at=run._group_title_at)
        whole = timed("WHOLE check of the folder", engine.check_folder, (folder, engine.Settings()))
        timed("json element", stream.piece, whole)
    for name, seconds in totals.items():
        print(f"{name:32} {seconds / args.n * 1000:7.2f} ms")


if __name__ == "__main__":
    main()
