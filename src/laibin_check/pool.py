"""An ordered map over worker processes: results in input order, a bounded number of items ahead of the reader.

Why not concurrent.futures.ProcessPoolExecutor: for each item it makes a Future, wakes a manager thread through a
pipe, and moves the work and the result through two more threads and queues. On `verify` over 1,000 report
folders that bookkeeping made the parent process, which only writes the workers' output, spend ~2 ms of CPU a
report: CPU the two workers want on a two-core machine. Here the parent is one thread: one pipe per worker, a
small message out (the item), the result back, nothing else.

A worker's exception is raised in the parent when its item's turn comes, as the map would raise it, so the first
failing item in input order decides the error whatever the number of workers. A worker that dies (killed, out
of memory) ends the run with WorkerLost. The parent ends its workers on every way out, Ctrl-C included; workers
ignore Ctrl-C themselves so that a terminal's interrupt reaches the parent alone.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import queue

T = TypeVar("T")

_AHEAD_PER_WORKER = 4
"""Items handed out but not yet read back, per worker: enough to keep each busy, and memory bounded."""
_QUEUED_PER_WORKER = 2
"""Items a worker holds at once: one being worked on and the next, so it never waits for the parent."""


class RemoteTraceback(Exception):
    """Where a worker's exception was raised, shown under it by `--debug`."""

    def __str__(self) -> str:
        return f"\n\"\"\"\n{self.args[0]}\"\"\""


class WorkerLost(RuntimeError):
    """A worker process ended without answering (killed by a signal or by the system) while it worked on
    `position`, or before its first item (None)."""

    def __init__(self, position: int | None, exitcode: int | None) -> None:
        how = (f"killed by signal {-exitcode}" if exitcode is not None and exitcode < 0
               else f"exit code {exitcode}")
        super().__init__(f"the worker process checking it ended unexpectedly ({how})")
        self.position = position


def ordered_map(fn: Callable[[tuple[int, Any]], T], items: Sequence[Any], jobs: int,
                initializer: Callable[..., None], initargs: tuple[Any, ...]) -> Generator[T, None, None]:
    """fn((index, item)) for every item, on `jobs` worker processes, yielded in input order.

    `fn` and `initializer` must be module-level functions; each worker calls initializer(*initargs) once."""
    import multiprocessing
    from multiprocessing.connection import wait

    _keep_freed_memory()  # before the workers fork: they inherit it (and set it again themselves, for spawn)
    ctx = multiprocessing.get_context()
    workers: list[Any] = []
    conns: list[Any] = []
    positions: list[Any] = []
    try:
        for _ in range(min(jobs, len(items))):
            parent_end, child_end = ctx.Pipe()
            started = ctx.RawValue("q", -1)  # the position the worker is on, readable should it die
            proc = ctx.Process(target=_serve, args=(child_end, started, fn, initializer, initargs), daemon=True)
            proc.start()
            child_end.close()
            workers.append(proc)
            conns.append(parent_end)
            positions.append(started)
        held = [0] * len(conns)
        """Items handed to each worker and not yet read back (which one it is on is in `positions`)."""
        owner: dict[Any, int] = {conn: k for k, conn in enumerate(conns)}
        ready: dict[int, tuple[bool, Any]] = {}
        sent = 0
        window = _AHEAD_PER_WORKER * len(conns)

        def lost(k: int) -> WorkerLost:
            workers[k].join()
            position = positions[k].value
            return WorkerLost(position if position >= 0 else None, workers[k].exitcode)

        def hand_out(k: int, emitted: int) -> None:
            nonlocal sent
            while held[k] < _QUEUED_PER_WORKER and sent < len(items) and sent - emitted < window:
                try:
                    conns[k].send((sent, items[sent]))
                except OSError:  # the worker is gone: a broken pipe, or reset with work unread
                    raise lost(k) from None
                held[k] += 1
                sent += 1

        for k in range(len(conns)):
            hand_out(k, 0)
        for emitted in range(len(items)):
            while emitted not in ready:
                for conn in wait([c for k, c in enumerate(conns) if held[k]]):
                    k = owner[conn]
                    try:
                        index, ok, value = conns[k].recv()
                    except (EOFError, OSError):  # closed, or reset because work sent to it was never read
                        raise lost(k) from None
                    held[k] -= 1
                    ready[index] = (ok, value)
                    hand_out(k, emitted)
            ok, value = ready.pop(emitted)
            if not ok:
                exc, text = value
                raise exc from RemoteTraceback(text)
            yield value
            for k in range(len(conns)):
                hand_out(k, emitted + 1)
    finally:
        for conn in conns:
            # A worker leaves on None. Not on end of file: forked workers hold copies of the parent's ends of the
            # pipes (their own and those made before them), so closing ours never ends their reads; waiting for
            # that cost 0.5 s a worker at the end of every run before the workers were terminated.
            try:
                conn.send(None)
            except OSError:  # that worker is gone already
                pass
            conn.close()
        for proc in workers:
            proc.join(timeout=0.5)
            if proc.is_alive():  # still in an item (the run failed or was interrupted): its result is not wanted
                proc.terminate()
                proc.join()


_TRIM_ABOVE = 256 << 20
"""glibc's M_TRIM_THRESHOLD: free memory at the top of the heap is given back to the system only above this."""
_MMAP_ABOVE = 32 << 20
"""glibc's M_MMAP_THRESHOLD: only blocks above this get a mapping of their own (and lose it when freed)."""


def _keep_freed_memory() -> None:
    """Let a process of the pool reuse the memory it frees, where the C library is glibc (mallopt(3)).

    Each report's output (~400 KB as JSON for the bundled report) passes through a few buffers of that size in a
    worker (rendering, pickling) and in the parent (reading, unpickling). By default glibc gives such blocks a
    mapping of their own or trims the heap once they are freed, so every report touched fresh pages again: ~320
    page faults a report (103,000 on 300 folders against 29,000 with reuse) and about half of the run's system
    time. Peak memory does not change: what a process keeps is at most what it held at its peak."""
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # another C library, without mallopt: its defaults work, only slower
        return
    mallopt(-1, _TRIM_ABOVE)  # M_TRIM_THRESHOLD
    mallopt(-3, _MMAP_ABOVE)  # M_MMAP_THRESHOLD


def _serve(conn: Any, started: Any, fn: Callable[[tuple[int, Any]], Any], initializer: Callable[..., None],
           initargs: tuple[Any, ...]) -> None:
    import queue
    import signal
    import threading
    from multiprocessing.reduction import ForkingPickler

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _keep_freed_memory()
    initializer(*initargs)
    # Results leave through a thread: a report's output (~400 KB) fills the pipe many times over, and the parent
    # drains it only between writes of its own; meanwhile this process checks its next item instead of waiting.
    outbox: queue.Queue[bytes | None] = queue.Queue(maxsize=_QUEUED_PER_WORKER)
    sender = threading.Thread(target=_send_all, args=(conn, outbox), daemon=True)
    sender.start()
    try:
        while True:
            try:
                job = conn.recv()
            except EOFError:
                return
            if job is None:
                return
            started.value = job[0]
            try:
                message = (job[0], True, fn(job))
            except Exception as exc:  # carried to the parent, raised there in the item's turn
                import traceback

                text = "".join(traceback.format_exception(exc))
                message = (job[0], False, (exc, text))
                try:
                    outbox.put(bytes(ForkingPickler.dumps(message)))
                except Exception:  # an exception that does not pickle still reaches the parent, as text
                    message = (job[0], False, (RuntimeError(f"{type(exc).__name__}: {exc}"), text))
                    outbox.put(bytes(ForkingPickler.dumps(message)))
                continue
            outbox.put(bytes(ForkingPickler.dumps(message)))
    finally:
        outbox.put(None)
        sender.join()


def _send_all(conn: Any, outbox: queue.Queue[bytes | None]) -> None:
    broken = False
    while (data := outbox.get()) is not None:
        if not broken:
            try:
                conn.send_bytes(data)
            except OSError:  # the parent is gone: drain what is left so the worker can end
                broken = True
