"""The long fuzz run (by hand, before a release): mutated projects until N cases or M minutes, in process.

    python scripts/fuzz.py --cases 10000 [--minutes 60] [--seed 1]

Each case mutates one file of a small project (tests/fuzzing.py: facts, config, waivers or report) and runs one
command (verify, verify -f json, facts, explain, fix). It counts what must never happen: an exit code other than
0, 1 or 2, an exit 2 that is not one line naming a file, a traceback, an `internal error`, a run over 10 seconds,
a file written outside the project. Exit status 1 when any was seen; each is printed with its case to replay.
"""

from __future__ import annotations

import argparse
import collections
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzzing import build, judge, random_case


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--minutes", type=float, default=0, help="stop after this long (0: no time limit)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    codes: collections.Counter[int] = collections.Counter()
    problems: list[str] = []
    slowest = 0.0
    started = time.perf_counter()
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        while n < args.cases and (not args.minutes or time.perf_counter() - started < args.minutes * 60):
            case = random_case(rng)
            root = base / "project"
            build(root, case)
            verdict = judge(root, case)
            n += 1
            codes[verdict.code] += 1
            slowest = max(slowest, verdict.seconds)
            if verdict.problem or verdict.seconds > 10:
                what = verdict.problem or f"{verdict.seconds:.1f} s"
                problems.append(f"{what}: {case!r:.400}\n    {verdict.stderr[-300:]}")
            strays = [p.name for p in base.iterdir() if p.name != "project"]
            if strays:
                problems.append(f"files written outside the project: {strays}: {case!r}")
                for s in strays:
                    shutil.rmtree(base / s, ignore_errors=True)
            shutil.rmtree(root)
            if n % 500 == 0:
                print(f"{n} cases, {len(problems)} problems, {time.perf_counter() - started:.0f} s", flush=True)
    total = time.perf_counter() - started
    print(f"{n} cases in {total:.0f} s (seed {args.seed}): exit codes "
          f"{', '.join(f'{c}: {k}' for c, k in sorted(codes.items()))}; slowest run {slowest:.2f} s; "
          f"problems: {len(problems)}")
    for p in problems[:50]:
        print("  " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
