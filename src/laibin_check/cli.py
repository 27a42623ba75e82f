"""The command line: options, load, check, pick a reporter, exit code. Nothing else."""

from __future__ import annotations

import sys

import typer

from laibin_check.errors import InputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Fact-check the figures of Chinese economic news reports.",
    pretty_exceptions_enable=False,
)

_debug = False


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show a traceback for errors instead of one line."),
) -> None:
    global _debug
    _debug = debug


def main() -> None:
    """Console entry point: exit 0 clean, 1 findings at the failing level, 2 bad input or usage."""
    debug = "--debug" in sys.argv[1:]
    try:
        app(standalone_mode=False)
    except InputError as exc:
        if debug:
            raise
        print(f"laibin-check: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # click's usage errors
        import click

        if isinstance(exc, click.exceptions.Abort):
            sys.exit(130)
        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(2)
        if debug:
            raise
        print(f"laibin-check: internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)",
              file=sys.stderr)
        sys.exit(2)
    sys.exit(0)
