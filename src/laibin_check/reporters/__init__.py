"""Output formats, registered by name; each module has `render(result, options) -> str` and reads findings only."""

from __future__ import annotations

import importlib
from typing import NamedTuple, Protocol

from laibin_check.findings import RunResult

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


def get(name: str) -> Reporter:
    if name not in FORMATS:
        raise KeyError(f"unknown format {name!r}; choose one of: {', '.join(FORMATS)}")
    module = importlib.import_module(FORMATS[name])
    reporter: Reporter = module  # a module with a `render` function satisfies the protocol
    return reporter
