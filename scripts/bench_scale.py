"""Benchmark (run by hand): cost of `laibin-check` as the work grows, in reports and in report length.

Two series, each a run of the installed command as a user runs it, in a fresh process:

* N report folders (copies of the bundled facts/laibin-2021q1, each under its own id):
  `verify --format json --jobs J` over all of them. Time, time per report, peak memory (the process and its
  workers, summed, sampled from /proc every 20 ms), and the size of the output.
* one report k times the bundled length: the bundled text written k times, each copy after the first with its
  figures renumbered (every number that is not a year, a month, a day or part of a name such as 2+6 gets c
  added, c the copy's number), so that copies print distinct figures, quotes stay unique, and magnitudes stay
  those of the original. `extract` drafts its facts (timed), then `verify --format json` checks them (timed).

For each series the fitted exponent is the least-squares slope of log(time) over log(size): 1 is linear.

Before and after each run the script times a fixed piece of pure Python (string, dict and Fraction work, the
kind a check does), the median of 11 goes in the "pace ms" column. A virtual machine on a shared host changes
speed by up to a factor of two within minutes without any steal time showing; the pace says how fast the
machine was when the run was measured, so runs at different moments can be compared.

    python scripts/bench_scale.py                      # N = 1, 10, 100, 1000 and k = 1, 10, 100
    python scripts/bench_scale.py --n 100,1000 --k ''  # only the folders series, two points
    python scripts/bench_scale.py --quick              # N = 1, 10, 100 and k = 1, 10
    python scripts/bench_scale.py --n 1000 --k '' --repeat 5   # five runs of 1,000 folders, with their pace

Texts and folders are generated under --work (a temporary folder by default, removed afterwards).
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "facts" / "laibin-2021q1"

# An Arabic number's integer part; what follows or precedes it decides whether it is renumbered.
_NUMBER = re.compile(r"(?<![0-9A-Za-z.+>])[0-9]+")


def renumber(text: str, copy: int) -> str:
    """The text with every figure's integer part raised by `copy`: 316個 -> 319個 in copy 3. Years (2021年),
    months and days (3月, 15日), codes (5G) and names made of digits (“2+6”, “1+1>2”) are left alone, so the
    copy reads like the original; decimals are kept, so a figure's precision is too."""
    if copy == 0:
        return text

    def sub(m: re.Match[str]) -> str:
        after = text[m.end():m.end() + 1]
        if after and (after in "+>’月日号號" or (after.isascii() and after.isalpha())):
            return m.group(0)
        if after == "年" and len(m.group(0)) == 4:
            return m.group(0)
        return str(int(m.group(0)) + copy)

    return _NUMBER.sub(sub, text)


def long_report(k: int) -> str:
    """The bundled report written k times, copy c renumbered by c."""
    text = (BUNDLED / "report.txt").read_text(encoding="utf-8").rstrip("\n")
    return "\n".join(renumber(text, c) for c in range(k)) + "\n"


def report_folders(root: Path, n: int) -> Path:
    """`root`/facts holding n copies of the bundled report folder, r0001 … (the facts file's id changed to
    match); returns the facts folder."""
    facts = root / "facts"
    facts.mkdir(parents=True, exist_ok=True)
    toml = (BUNDLED / "facts.toml").read_text(encoding="utf-8")
    report = (BUNDLED / "report.txt").read_bytes()
    for i in range(1, n + 1):
        rid = f"r{i:04d}"
        folder = facts / rid
        folder.mkdir(exist_ok=True)
        (folder / "report.txt").write_bytes(report)
        (folder / "facts.toml").write_text(toml.replace('id = "laibin-2021q1"', f'id = "{rid}"', 1),
                                           encoding="utf-8")
    return facts


# -- running and measuring -------------------------------------------------------------------------------------

def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc; 0 where unreadable)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(cmd: list[str], stdout: Path | None = None) -> tuple[float, int, int, float]:
    """(wall seconds, peak memory of the process tree in bytes, exit code, CPU seconds of the process and its
    workers) of one run. On a machine shared with other jobs the wall time rises with their load; the CPU time
    much less, and CPU / cores is what the run would take alone on the machine."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # closed below
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if stdout:
        out.close()  # type: ignore[union-attr]
    # ru_maxrss (KiB on Linux) is the main process's own peak; the sampled tree can miss a short spike.
    # wait4's usage covers the process and the children it waited for (the pool's workers).
    return wall, max(peak[0], usage.ru_maxrss * 1024), proc.returncode, usage.ru_utime + usage.ru_stime


def _pace_work() -> int:
    """A fixed piece of pure Python (~25 ms on this machine when it runs at full speed)."""
    seen: dict[str, int] = {}
    total = Fraction(0)
    for i in range(12_000):
        key = f"{i % 997}:{i % 13}"
        seen[key] = seen.get(key, 0) + len(key.replace(":", "."))
        if i % 40 == 0:
            total += Fraction(i, 7 + i % 11)
    return len(seen) + total.numerator % 7


def pace() -> float:
    """Milliseconds the fixed piece takes now, the median of 11: lower is a faster machine."""
    times = []
    for _ in range(11):
        start = time.perf_counter()
        _pace_work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def exponent(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(time) over log(size)."""
    pts = [(math.log(s), math.log(t)) for s, t in points if s > 0 and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None


def _exe() -> list[str]:
    exe = shutil.which("laibin-check", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "laibin_check"]


def _sizes(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def _fit(label: str, points: list[tuple[int, float]], low: int) -> None:
    whole = exponent(points)
    upper = exponent([p for p in points if p[0] >= low])
    parts = []
    if whole is not None:
        parts.append(f"{whole:.2f} over {points[0][0]}-{points[-1][0]}")
    if upper is not None and sum(1 for p in points if p[0] >= low) < len(points):
        parts.append(f"{upper:.2f} from {low} on")
    if parts:
        print(f"  fitted exponent, {label}: " + "; ".join(parts))


def folders_series(work: Path, sizes: list[int], jobs: str, fmt: str) -> None:
    print(f"N report folders: verify --format {fmt}" + (f" --jobs {jobs}" if jobs else ""))
    print(f"  {'N':>6} {'time s':>9} {'per report ms':>14} {'CPU s':>8} {'CPU/report ms':>14} {'peak MB':>9} "
          f"{'output MB':>10} {'exit':>5} {'pace ms':>15}")
    points: list[tuple[int, float]] = []
    cpus: list[tuple[int, float]] = []
    for n in sizes:
        facts = report_folders(work / f"n{n}", n)
        out = work / f"n{n}.out"
        cmd = [*_exe(), "verify", "--facts", str(facts), "--format", fmt, *(["--jobs", jobs] if jobs else [])]
        before = pace()
        wall, peak, code, cpu = run(cmd, out)
        after = pace()
        points.append((n, wall))
        cpus.append((n, cpu))
        print(f"  {n:>6} {wall:>9.2f} {wall / n * 1000:>14.1f} {cpu:>8.2f} {cpu / n * 1000:>14.1f} "
              f"{peak / 1e6:>9.0f} {out.stat().st_size / 1e6:>10.1f} {code:>5} {before:>7.1f} {after:>7.1f}",
              flush=True)
        shutil.rmtree(work / f"n{n}")
        out.unlink()
    _fit("time over N", points, 100)
    _fit("CPU time over N", cpus, 100)


def length_series(work: Path, sizes: list[int], fmt: str) -> None:
    print(f"one report k times the bundled length: extract, then verify --format {fmt} on its draft")
    print(f"  {'k':>6} {'chars':>9} {'facts':>6} {'extract s':>10} {'peak MB':>8} {'verify s':>9} {'peak MB':>8} "
          f"{'exit':>5}")
    extracts, verifies = [], []
    for k in sizes:
        facts = work / f"k{k}" / "facts"
        folder = facts / f"k{k}"
        folder.mkdir(parents=True, exist_ok=True)
        text = long_report(k)
        (folder / "report.txt").write_text(text, encoding="utf-8")
        ext, ext_peak, _, _ = run([*_exe(), "extract", str(folder / "report.txt"), "--output",
                                str(folder / "facts.toml"), "--force"])
        n_facts = (folder / "facts.toml").read_text(encoding="utf-8").count("[[fact]]")
        ver, ver_peak, code, _ = run([*_exe(), "verify", "--facts", str(facts), "--format", fmt])
        extracts.append((k, ext))
        verifies.append((k, ver))
        print(f"  {k:>6} {len(text):>9} {n_facts:>6} {ext:>10.2f} {ext_peak / 1e6:>8.0f} {ver:>9.2f} "
              f"{ver_peak / 1e6:>8.0f} {code:>5}", flush=True)
        shutil.rmtree(work / f"k{k}")
    _fit("extract over k", extracts, 10)
    _fit("verify over k", verifies, 10)
    if len(extracts) > 1:
        print(f"  k={extracts[-1][0]} against k={extracts[0][0]}: extract {extracts[-1][1] / extracts[0][1]:.1f}x, "
              f"verify {verifies[-1][1] / verifies[0][1]:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", default="1,10,100,1000", help="report-folder counts (comma-separated; '' skips)")
    parser.add_argument("--k", default="1,10,100", help="report lengths in bundled reports ('' skips)")
    parser.add_argument("--jobs", default="", help="verify --jobs for the folders series (default: its own)")
    parser.add_argument("--format", default="json", help="verify's --format (default json)")
    parser.add_argument("--repeat", type=int, default=1, help="run the folders series this many times")
    parser.add_argument("--quick", action="store_true", help="N = 1, 10, 100 and k = 1, 10")
    parser.add_argument("--work", type=Path, help="where to generate (kept); default a temporary folder")
    parser.add_argument("--write", type=Path, help="only write the k-times report to this file and stop")
    parser.add_argument("--times", type=int, default=10, help="k for --write")
    args = parser.parse_args()
    if args.write:
        args.write.write_text(long_report(args.times), encoding="utf-8")
        return
    if args.quick:
        args.n, args.k = "1,10,100", "1,10"
    print(f"{os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}, "
          f"Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for _ in range(args.repeat if _sizes(args.n) else 0):
            folders_series(work, _sizes(args.n), args.jobs, args.format)
        if _sizes(args.k):
            length_series(work, _sizes(args.k), args.format)


if __name__ == "__main__":
    main()
