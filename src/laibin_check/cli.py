"""The command line: options, load, check, pick a reporter, exit code. Nothing else."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from laibin_check.errors import InputError

if TYPE_CHECKING:
    from laibin_check.findings import RunResult

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


FACTS_OPTION = typer.Option(None, "--facts", help="Folder of report folders (default: ./facts, or the config).")


@app.command()
def verify(
    reports: list[str] = typer.Argument(None, help="Report ids (folder names under facts/); default: all."),
    facts: Path | None = FACTS_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table | concise | json | sarif | junit | github | "
                            "markdown"),
    output: list[str] = typer.Option(None, "--output", "-o", metavar="FORMAT:PATH",
                                     help="Also write FORMAT to PATH (repeatable), e.g. sarif:out.sarif."),
    fail_on: str = typer.Option("error", "--fail-on", help="error | warning | never: what makes the exit code 1."),
    show: str = typer.Option("info", "--show", help="Lowest severity listed: error | warning | info."),
    color: str = typer.Option("auto", "--color", help="auto | always | never."),
    hygiene: bool = typer.Option(True, "--hygiene/--no-hygiene", help="Check pinyin artifacts, garbled text, "
                                 "mixed scripts."),
    coverage: bool = typer.Option(True, "--coverage/--no-coverage", help="Require every figure to be claimed."),
) -> None:
    """Recompute every derivable figure and flag contradictions. Exit 0 clean, 1 failing findings, 2 bad input."""
    from laibin_check import engine
    from laibin_check.reporters import FORMATS, RenderOptions, get

    formats = {fmt, *(_split_output(o)[0] for o in output or [])}
    for name in sorted(formats):
        if name not in FORMATS:
            raise InputError("--format", f"unknown format {name!r}; choose one of: {', '.join(FORMATS)}")
    _choice("--fail-on", fail_on, ("error", "warning", "never"))
    _choice("--show", show, ("error", "warning", "info"))
    _choice("--color", color, ("auto", "always", "never"))
    result = engine.run(facts or Path("facts"), reports or None, engine.Settings(hygiene=hygiene, coverage=coverage))
    use_color = _use_color(color)
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120
    options = RenderOptions(color=use_color, width=width, show=show)
    for item in output or []:
        name, path = _split_output(item)
        text = get(name).render(result, RenderOptions(color=False, width=120, show=show))
        Path(path).write_text(text, encoding="utf-8")
    sys.stdout.write(get(fmt).render(result, options))
    sys.stdout.flush()
    raise typer.Exit(_exit_code(result, fail_on))


@app.command()
def explain(
    fact_id: str = typer.Argument(..., help="A fact id, or REPORT_ID/FACT_ID."),
    facts: Path | None = FACTS_OPTION,
) -> None:
    """Show one figure's derivation chain: what it rests on, how each input was read, and the verdict."""
    from laibin_check.explain import render_explanation

    report_id, _, fid = fact_id.rpartition("/")
    sys.stdout.write(render_explanation(facts or Path("facts"), fid, report_id or None, color=_use_color("auto")))


@app.command(name="facts")
def list_facts(
    reports: list[str] = typer.Argument(None, help="Report ids; default: all."),
    facts: Path | None = FACTS_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table | json"),
) -> None:
    """List the facts: id, value as printed, unit, period, what it measures, and how it is derived."""
    from laibin_check.explain import render_facts

    _choice("--format", fmt, ("table", "json"))
    sys.stdout.write(render_facts(facts or Path("facts"), reports or None, fmt, color=_use_color("auto")))


@app.command()
def rule(code: str = typer.Argument(None, help="A rule code (LC101) or name (ratio); none lists all.")) -> None:
    """Document a finding code: what it checks, an example that fails and one that passes."""
    from laibin_check.rules import RULES
    from laibin_check.rules import rule as find_rule

    if not code:
        for r in RULES.values():
            sys.stdout.write(f"{r.code}  {r.name:<18} {r.severity:<8} {r.summary}\n")
        return
    try:
        found = find_rule(code)
    except KeyError as exc:
        raise InputError("rule", str(exc.args[0])) from None
    sys.stdout.write(f"{found.code} {found.name} (default severity: {found.severity})\n\n{found.summary}\n\n"
                     f"{found.doc}\n")


def _split_output(item: str) -> tuple[str, str]:
    name, sep, path = item.partition(":")
    if not sep or not path:
        raise InputError("--output", f"expected FORMAT:PATH, got {item!r}")
    return name, path


def _choice(option: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise InputError(option, f"{value!r} is not one of: {', '.join(allowed)}")


def _use_color(mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _exit_code(result: RunResult, fail_on: str) -> int:
    from laibin_check.findings import SEVERITY_ORDER

    if fail_on == "never":
        return 0
    floor = SEVERITY_ORDER[fail_on]
    failing = [f for f in result.findings if not f.waived and f.severity != "none"
               and SEVERITY_ORDER[f.severity] >= floor]
    return 1 if failing else 0


def main() -> None:
    """Console entry point: exit 0 clean, 1 findings at the failing level, 2 bad input or usage."""
    debug = "--debug" in sys.argv[1:]
    try:
        code = app(standalone_mode=False)
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
    sys.exit(code if isinstance(code, int) else 0)
