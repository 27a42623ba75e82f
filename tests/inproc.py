"""The CLI run in this process, as `laibin-check ARGS` run in `cwd`: exit code, stdout and stderr.

A fresh interpreter costs ~0.3 s; the limit and fuzz tests run hundreds of cases, so they call the entry point's
body (cli._main: the same argument parsing, error lines and exit codes) and keep subprocesses for what needs a
real process (kills, signals).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path
from typing import NamedTuple


class Outcome(NamedTuple):
    code: int
    stdout: str
    stderr: str


def run(cwd: Path, *args: str) -> Outcome:
    from laibin_check import cli

    out, err = io.StringIO(), io.StringIO()
    old_cwd, old_argv = Path.cwd(), sys.argv
    os.chdir(cwd)
    sys.argv = ["laibin-check", *args]
    code: int = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli._main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        os.chdir(old_cwd)
        sys.argv = old_argv
    return Outcome(code, out.getvalue(), err.getvalue())


def one_line_error(outcome: Outcome, starts: str = "") -> str:
    """The single stderr line of an exit-2 run, checked to be one line, no traceback, no internal error."""
    assert outcome.code == 2, outcome
    assert "Traceback" not in outcome.stderr and "internal error" not in outcome.stderr, outcome.stderr
    assert outcome.stderr.count("\n") == 1 and outcome.stderr.endswith("\n"), outcome.stderr
    assert outcome.stderr.startswith("laibin-check: error: " + starts), outcome.stderr
    return outcome.stderr
