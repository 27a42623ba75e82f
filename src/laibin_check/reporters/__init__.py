"""Output formats, registered by name; each module has `render(result, options) -> str` and reads findings only.

A format that can be written report by report (concise, json, sarif, junit) also has `stream(options,
tool_version) -> Stream`: a run over many reports renders each report's piece as the report is done (in a worker
process, see laibin_check.batch) and never holds the others. Its `render` is the same pieces joined, so the two
ways give the same bytes."""

from __future__ import annotations

import importlib
from typing import NamedTuple, Protocol

from laibin_check.findings import ReportResult, RunResult

# name -> module; imported only when that format is asked for, so start-up pays for one reporter at most.
FORMATS: dict[str, str] = {
    "table": "laibin_check.reporters.table",
    "concise": "laibin_check.reporters.concise",
    "json": "laibin_check.reporters.json",
    "sarif": "laibin_check.reporters.sarif",
    "junit": "laibin_check.reporters.junit",
    "github": "laibin_check.reporters.github",
    "markdown": "laibin_check.reporters.markdown",
    "html": "laibin_check.reporters.html",
}


class RenderOptions(NamedTuple):
    color: bool = False
    """Whether the terminal may show colour (only the table uses it)."""
    width: int = 120
    """Terminal width for the table."""
    show: str = "info"
    """Lowest severity shown by formats that list problems only: error | warning | info."""
    verbose: bool = False
    fail_on: str = "error"
    """The gate's failing level (error | warning | never), for formats that mark failures (JUnit)."""


class Reporter(Protocol):
    def render(self, result: RunResult, options: RenderOptions) -> str: ...


class Piece(NamedTuple):
    """One report's part of a streamed output, and the numbers the closing part adds up (tests, failures …)."""

    data: bytes
    """The part as UTF-8. A worker renders it and the parent writes it: bytes cross the process boundary and
    reach the file as they are, where text was encoded for pickling, decoded, and encoded again for the file
    (~2.4 ms of a 370 KB json piece)."""
    numbers: tuple[tuple[str, int], ...] = ()


class Stream(Protocol):
    """A format written report by report: `head`, then each report's `piece` in run order, then `tail`.

    Non-empty pieces are joined by `separator` (each preceded by `lead`); when any was written, `closing` comes
    before the tail. That is how a JSON array is written one element at a time: `[`, `\n    {…}`, `,`,
    `\n    {…}`, `\n  `, `]`. `totals_first` formats (JUnit's root element counts every test) need the totals
    in their head: their pieces are kept (on disk, not in memory) until the run ends."""

    separator: str
    lead: str
    closing: str
    totals_first: bool

    def head(self, totals: dict[str, int]) -> str: ...

    def piece(self, report: ReportResult) -> Piece: ...

    def tail(self, totals: dict[str, int]) -> str: ...


def streams(name: str) -> bool:
    """Whether the format can be written report by report."""
    return name in STREAMING


STREAMING = ("concise", "json", "sarif", "junit")


def open_stream(name: str, options: RenderOptions, tool_version: str) -> Stream:
    module = importlib.import_module(FORMATS[name])
    stream: Stream = module.stream(options, tool_version)
    return stream


def render_stream(stream: Stream, reports: tuple[ReportResult, ...]) -> str:
    """A streamed format's whole output for reports held in memory: what `render` returns."""
    pieces = [stream.piece(r) for r in reports]
    totals = add_numbers({"reports": len(reports)}, pieces)
    out = [stream.head(totals).encode("utf-8")]
    written = False
    for p in pieces:
        if p.data:
            out.append(((stream.separator if written else "") + stream.lead).encode("utf-8") + p.data)
            written = True
    if written:
        out.append(stream.closing.encode("utf-8"))
    out.append(stream.tail(totals).encode("utf-8"))
    return b"".join(out).decode("utf-8")


def add_numbers(totals: dict[str, int], pieces: list[Piece]) -> dict[str, int]:
    for p in pieces:
        for key, n in p.numbers:
            totals[key] = totals.get(key, 0) + n
    return totals


def get(name: str) -> Reporter:
    if name not in FORMATS:
        raise KeyError(f"unknown format {name!r}; choose one of: {', '.join(FORMATS)}")
    module = importlib.import_module(FORMATS[name])
    reporter: Reporter = module  # a module with a `render` function satisfies the protocol
    return reporter
