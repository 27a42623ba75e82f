"""The worker pool of batch runs: input order, errors in their item's turn, a lost worker named, no orphans."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path
from typing import Any

import pytest

from fixtures_gate import NoWaivers
from laibin_check import batch, pool
from laibin_check.errors import InputError
from laibin_check.findings import ReportResult
from laibin_check.reporters import RenderOptions

_STATE: dict[str, Any] = {}


def _init(tag: str) -> None:
    _STATE["tag"] = tag


def _slow_square(job: tuple[int, int]) -> tuple[str, int, int]:
    _, n = job
    time.sleep((n % 3) * 0.01)  # items finish out of order on two workers
    return _STATE["tag"], os.getpid(), n * n


def _fail_on_odd(job: tuple[int, int]) -> int:
    _, n = job
    if n % 2:
        time.sleep(0.05 if n == 1 else 0)  # item 3 fails first in time, item 1 first in order
        raise ValueError(f"odd {n}")
    return n


def _die_on_five(job: tuple[int, int]) -> int:
    if job[1] == 5:
        os._exit(7)
    return job[1]


def _output_sized_buffers(job: tuple[int, int]) -> tuple[int, int]:
    """What a report's output does in a worker: a few ~400 KB buffers made and freed; the page faults so far."""
    import resource

    buffers = [b"x" * 400_000 for _ in range(4)]
    del buffers
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_minflt


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the pool tunes glibc's allocator only")
def test_workers_reuse_the_memory_a_reports_output_passes_through() -> None:
    """Without reuse each item faults ~400 fresh pages (glibc trims the freed buffers away); with it, none."""
    out = list(pool.ordered_map(_output_sized_buffers, list(range(60)), 2, _init, ("ready",)))
    by_worker = [[n for p, n in out if p == pid] for pid in {pid for pid, _ in out}]
    busy = [faults for faults in by_worker if len(faults) > 10]
    assert busy
    for faults in busy:
        assert faults[-1] - faults[5] < 100, faults  # after a few warm-up items: no fresh pages an item


def test_results_come_in_input_order_from_every_worker() -> None:
    out = list(pool.ordered_map(_slow_square, list(range(40)), 2, _init, ("ready",)))
    assert [n for _, _, n in out] == [n * n for n in range(40)]
    assert {tag for tag, _, _ in out} == {"ready"}  # each worker ran the initializer
    assert len({pid for _, pid, _ in out}) == 2 and os.getpid() not in {pid for _, pid, _ in out}


def test_workers_leave_when_the_work_is_done_not_when_terminated() -> None:
    # Forked workers hold copies of each other's pipe ends, so they never read end of file: they must be told to
    # leave. Waiting out each worker's join timeout (0.5 s) and terminating it took a second at every run's end.
    start = time.monotonic()
    assert [n for _, _, n in pool.ordered_map(_slow_square, [0, 3, 6, 9], 2, _init, ("x",))] == [0, 9, 36, 81]
    assert time.monotonic() - start < 0.9


def test_the_first_failing_item_in_input_order_raises_after_the_items_before_it() -> None:
    seen: list[int] = []
    with pytest.raises(ValueError, match="odd 1") as caught:
        for n in pool.ordered_map(_fail_on_odd, [0, 1, 2, 3], 2, _init, ("x",)):
            seen.append(n)
    assert seen == [0]
    assert "_fail_on_odd" in str(caught.value.__cause__)  # where it was raised, for --debug


def test_a_worker_that_dies_is_named_by_the_item_it_held() -> None:
    with pytest.raises(pool.WorkerLost, match=r"ended unexpectedly \(exit code 7\)") as caught:
        list(pool.ordered_map(_die_on_five, list(range(10)), 2, _init, ("x",)))
    assert caught.value.position == 5


def test_a_batch_run_turns_a_lost_worker_into_one_line_naming_the_report(tmp_path: Path) -> None:
    gate = batch.Gate(waiving=NoWaivers(), overrides={}, fail_on="error",
                      outputs=(("json", tmp_path / "out.json"),), options=RenderOptions(), tool_version="t")
    items = [(tmp_path / f"r{k}", None) for k in range(10)]
    with pytest.raises(InputError) as caught:
        batch.run(items, _check_dying_on_r5, gate, jobs=2)
    assert str(caught.value) == (f"{(tmp_path / 'r5').as_posix()}: the worker process checking it ended "
                                 "unexpectedly (exit code 7); run it with --jobs 1 to see why")
    assert list(tmp_path.iterdir()) == []  # no partial output left behind


def _check_dying_on_r5(item: tuple[Path, None]) -> ReportResult:
    if item[0].name == "r5":
        os._exit(7)
    return ReportResult(item[0].name, "", "", (), (), 0, "")


def test_the_workers_are_gone_when_the_reader_stops_early() -> None:
    it = pool.ordered_map(_slow_square, list(range(100)), 2, _init, ("x",))
    pids = {next(it)[1] for _ in range(4)}
    it.close()  # the reader leaves (an error while writing, Ctrl-C): the workers must not outlive it
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already reaped by the pool, not left running or as a zombie


def test_ctrl_c_ends_a_batch_run_and_its_workers(tmp_path: Path) -> None:
    # As a terminal's Ctrl-C reaches the command: exit 130, no traceback, no worker left running.
    import shutil
    import signal
    import subprocess
    import sys

    bundled = Path(__file__).resolve().parents[1] / "facts" / "laibin-2021q1"
    toml = (bundled / "facts.toml").read_text(encoding="utf-8")
    for i in range(200):
        folder = tmp_path / "facts" / f"r{i:03d}"
        folder.mkdir(parents=True)
        shutil.copy(bundled / "report.txt", folder / "report.txt")
        (folder / "facts.toml").write_text(toml.replace('id = "laibin-2021q1"', f'id = "r{i:03d}"', 1),
                                           encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "laibin_check", "verify", "--facts", str(tmp_path / "facts"),
                             "--format", "json", "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=tmp_path, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdout is not None and proc.stderr is not None
    assert len(proc.stdout.read(100_000)) == 100_000  # the workers are at work: reports are coming out
    workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert len(workers) == 2
    proc.send_signal(signal.SIGINT)
    proc.stdout.close()
    assert proc.wait(timeout=30) == 130
    assert b"Traceback" not in proc.stderr.read()
    time.sleep(0.5)
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == []
