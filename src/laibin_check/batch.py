"""Runs over many reports: one pure check per work item on a pool of worker processes, results in input order,
every output written report by report as each is done, and nothing kept of a report once it is written.

`run(items, check, gate)` is the one entry: `verify` passes report folders and `engine`'s check of one folder,
`check` passes report files and its own check of one file. The check of one item must be a module-level function
(workers import it by name) and a pure function of the item, so the output is the same whatever `jobs` is.

A worker applies the item's waivers and severity overrides and renders the item's piece of every streamed output
(concise, json, sarif, junit), so the parent only writes text in order. Formats that need the whole run (table,
markdown, github, html) get the reports themselves, kept until the end. One process runs everything when there
is one item or `jobs` is 1: the pool, and `multiprocessing` itself, are imported only for a real batch.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

from laibin_check.atomic import default_mode, sync_folder
from laibin_check.findings import ReportResult, RunResult
from laibin_check.reporters import RenderOptions, add_numbers, open_stream, streams


class Gate(NamedTuple):
    """What the parent decides for every report: waivers, overrides, the outputs and their options."""

    waiving: Any
    """laibin_check.waivers.Waiving for the run."""
    overrides: dict[str, str]
    fail_on: str
    outputs: tuple[tuple[str, Path | None], ...]
    """(format, path) for each output; path None is stdout (written with `options`, the others plain)."""
    options: RenderOptions
    tool_version: str


class Done(NamedTuple):
    """A finished item, as a worker hands it back: small, with the rendered text rather than the findings."""

    position: int
    pieces: tuple[Any, ...]
    """One laibin_check.reporters.Piece per output that streams (None for the others)."""
    counts: dict[str, int]
    failing: int
    used_shared: frozenset[int]
    report: ReportResult | None
    """Kept for the formats that need the whole run, and for the last item (shared waivers settle on it)."""


# -- the worker side --------------------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}

_COLLECT_EVERY = 16
"""Reports a worker checks between two full collections: at most this many reports' cyclic garbage is held."""


def _init(check: Callable[[Any], ReportResult], gate: Gate, count: int) -> None:
    if count > 1:
        # A report's check leaves no reference cycles (refcounting frees it at once; gc.DEBUG_SAVEALL after a
        # report finds nothing), so the automatic collector, which cost ~10% of a report in young-generation
        # passes over what the report still holds, stays off as the CLI sets it. A full collection every
        # _COLLECT_EVERY reports (below) keeps memory bounded should a cycle appear.
        import gc

        gc.disable()
    _STATE.update(check=check, gate=gate, count=count,
                  streams=[open_stream(fmt, _opts(gate, path), gate.tool_version) if streams(fmt) else None
                           for fmt, path in gate.outputs])


def _opts(gate: Gate, path: Path | None) -> RenderOptions:
    o = gate.options
    return o if path is None else RenderOptions(color=False, width=o.width, show=o.show, verbose=o.verbose,
                                                fail_on=o.fail_on)


def _work(job: tuple[int, Any]) -> Done:
    index, item = job
    gate: Gate = _STATE["gate"]
    report = _STATE["check"](item)
    done = _STATE["done"] = _STATE.get("done", 0) + 1
    if _STATE["count"] > 1 and done % _COLLECT_EVERY == 1:
        import gc

        gc.collect()
        # After the process's first report, what it has built to last (modules, pint's registry, conversion
        # tables, compiled patterns) leaves the collector's view: later collections do not traverse it again.
        gc.freeze()
    report, used = gate.waiving.report(report, first=index == 0)
    report = _severity(report, gate.overrides)
    last = index == _STATE["count"] - 1
    keep = last or any(s is None for s in _STATE["streams"])
    pieces = () if last else tuple(s.piece(report) if s is not None else None for s in _STATE["streams"])
    return _done(index, report, pieces, used, gate, keep)


def _done(index: int, report: ReportResult, pieces: tuple[Any, ...], used: set[int], gate: Gate,
          keep: bool) -> Done:
    from laibin_check.gate import failing
    from laibin_check.reporters.selection import counts

    one = RunResult((report,), gate.tool_version)
    return Done(index, pieces, counts(report.findings), len(failing(one, gate.fail_on)), frozenset(used),
                report if keep else None)


def _severity(report: ReportResult, overrides: dict[str, str]) -> ReportResult:
    from laibin_check.gate import apply_severity

    return apply_severity(RunResult((report,), ""), overrides).reports[0] if overrides else report


# -- the parent side --------------------------------------------------------------------------------------------

def ordered_map(fn: Callable[[tuple[int, Any]], Done], items: Sequence[Any], jobs: int,
                initargs: tuple[Any, ...]) -> Iterator[Done]:
    """fn over (index, item) in input order, on `jobs` processes, at most a few items ahead of the writer."""
    if jobs <= 1 or len(items) <= 1:
        import gc

        was = gc.isenabled()  # this process is the worker: its collector is put back as it was (a caller's)
        _init(*initargs)
        try:
            yield from map(fn, enumerate(items))
        finally:
            if was:
                gc.enable()
        return
    from laibin_check import pool

    try:
        yield from pool.ordered_map(fn, items, jobs, _init, initargs)
    except pool.WorkerLost as exc:
        from laibin_check.errors import InputError

        # Which report took its worker down (a crash in a native reader, the system's out-of-memory killer):
        # one line naming it, exit 2; `--jobs 1` runs it in this process, where its own error shows.
        if exc.position is None:
            raise InputError("--jobs", "a worker process ended before its first report; run with --jobs 1") from None
        item = items[exc.position]
        where = item[0] if isinstance(item, tuple) else item
        raise InputError(Path(where).as_posix(), f"{exc}; run it with --jobs 1 to see why") from None


class _Output:
    """One output being written: stdout, or a file written beside its final path and renamed into place."""

    def __init__(self, fmt: str, path: Path | None, gate: Gate) -> None:
        self.fmt, self.path = fmt, path
        self.stream = open_stream(fmt, _opts(gate, path), gate.tool_version) if streams(fmt) else None
        self.reports: list[ReportResult] = []
        self.pieces: list[Any] = []
        self.written = False
        self.totals: dict[str, int] = {}
        self.tmp: IO[bytes] | None = None
        self.spool: IO[bytes] | None = None
        if path is None:
            self.file: IO[bytes] = _stdout()
        else:
            import tempfile

            from laibin_check.errors import InputError

            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.tmp = tempfile.NamedTemporaryFile(
                    "wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)
                # A temporary file is private (0600); the output is read by others (a CI artifact, a page
                # served to editors), so it gets what open() would give it.
                os.chmod(self.tmp.name, default_mode())
            except OSError as exc:
                raise InputError(path.as_posix(), f"cannot write the {fmt} output: {exc.strerror}") from None
            self.file = self.tmp
        if self.stream is not None and self.stream.totals_first:
            import tempfile

            self.spool = tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+b")
        elif self.stream is not None:
            with self._failing():
                self._write(self.file, self.stream.head({}))

    def _write(self, sink: IO[bytes], text: str | bytes) -> None:
        sink.write(text.encode("utf-8") if isinstance(text, str) else text)

    def add(self, piece: Any) -> None:
        assert self.stream is not None
        add_numbers(self.totals, [piece])
        if piece.data:
            sink = self.spool or self.file
            with self._failing():
                self._write(sink, (self.stream.separator if self.written else "") + self.stream.lead)
                sink.write(piece.data)
                if sink is not self.spool and self.path is None:  # a reader of stdout sees each report at once
                    sink.flush()
            self.written = True

    def _failing(self) -> Any:
        """OSError while writing an output -> one line naming it, exit 2 (a partial file is removed)."""
        from contextlib import contextmanager

        from laibin_check.errors import InputError

        @contextmanager
        def guard() -> Iterator[None]:
            try:
                yield
            except BrokenPipeError:
                raise  # the reader went away (`| head`): not an error of the run
            except OSError as exc:
                # A full disk or a closed descriptor: one line naming where, exit 2, never "internal error".
                where = "standard output" if self.path is None else self.path.as_posix()
                raise InputError(where, f"cannot write the {self.fmt} output: {exc.strerror or exc}") from None

        return guard()

    def finish(self, n_reports: int, tool_version: str) -> None:
        with self._failing():
            self._finish(n_reports, tool_version)

    def _finish(self, n_reports: int, tool_version: str) -> None:
        if self.stream is None:
            from laibin_check.reporters import get

            opts = self.stream_options
            self._write(self.file, get(self.fmt).render(RunResult(tuple(self.reports), tool_version), opts))
        else:
            self.totals["reports"] = n_reports
            if self.spool is not None:
                self._write(self.file, self.stream.head(self.totals))
                self.spool.seek(0)
                while chunk := self.spool.read(1 << 20):
                    self.file.write(chunk)
                self.spool.close()
            if self.written:
                self._write(self.file, self.stream.closing)
            self._write(self.file, self.stream.tail(self.totals))
        self.file.flush()
        if self.tmp is not None and self.path is not None:
            os.fsync(self.tmp.fileno())
            self.tmp.close()
            os.replace(self.tmp.name, self.path)
            sync_folder(self.path.parent)

    def abandon(self) -> None:
        if self.tmp is not None:
            self.tmp.close()
            Path(self.tmp.name).unlink(missing_ok=True)

    stream_options = RenderOptions()


def run(items: Sequence[Any], check: Callable[[Any], ReportResult], gate: Gate, jobs: int | None = None,
        progress: bool = False) -> tuple[dict[str, int], int]:
    """Check every item and write every output; returns the run's counts (with `reports`) and failing findings."""
    jobs = default_jobs() if jobs is None else jobs
    outputs = [_Output(fmt, path, gate) for fmt, path in gate.outputs]
    for o in outputs:
        o.stream_options = _opts(gate, o.path)
    totals: dict[str, int] = {"reports": len(items)}
    failing = 0
    bar = _progress(len(items)) if progress and len(items) > 1 else None
    try:
        for done in ordered_map(_work, items, jobs, (check, gate, len(items))):
            gate.waiving.note_used(set(done.used_shared))
            if done.report is not None and done.position == len(items) - 1:
                done = _settle_last(done, gate, outputs)
            for o, piece in zip(outputs, done.pieces, strict=True):
                if o.stream is not None:
                    o.add(piece)
                elif done.report is not None:
                    o.reports.append(done.report)
            for k, v in done.counts.items():
                totals[k] = totals.get(k, 0) + v
            failing += done.failing
            if bar is not None:
                bar[0].update(bar[1], advance=1)
        for o in outputs:
            o.finish(len(items), gate.tool_version)
    except BaseException:
        for o in outputs:
            o.abandon()
        raise
    finally:
        if bar is not None:
            bar[0].stop()
    return totals, failing


def _settle_last(done: Done, gate: Gate, outputs: list[_Output]) -> Done:
    """The last report, with unused shared waivers added, rendered here now that every report is done."""
    assert done.report is not None
    report = _severity(gate.waiving.finish(done.report), gate.overrides)
    pieces = tuple(o.stream.piece(report) if o.stream is not None else None for o in outputs)
    return _done(done.position, report, pieces, set(), gate, keep=True)


class _TextSink:
    """Bytes written to a text stdout whose encoding is not UTF-8 (a legacy console): decoded and written as text,
    so the terminal's encoding applies as it does to every other command."""

    def __init__(self, text: IO[str]) -> None:
        self.text = text

    def write(self, data: bytes) -> int:
        return self.text.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.text.flush()


def _stdout() -> IO[bytes]:
    """Standard output as a byte sink: its buffer when it writes UTF-8 (pieces go out as the workers made them),
    else a sink that decodes them for the text stream."""
    import codecs

    out = sys.stdout
    encoding = getattr(out, "encoding", None)
    buffer = getattr(out, "buffer", None)
    if buffer is not None and encoding and codecs.lookup(encoding).name == "utf-8":
        out.flush()  # anything already written as text goes first
        return buffer  # type: ignore[no-any-return]
    return _TextSink(out)  # type: ignore[return-value]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _progress(total: int) -> tuple[Any, Any]:
    """A rich progress bar on stderr: reports done, rate, time left."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.speed} reports/s"),
                   TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    task = bar.add_task("reports", total=total)
    bar.start()
    return bar, task
