"""The command line: options, load, check, pick a reporter, exit code. Nothing else."""

from __future__ import annotations

import copy
import errno
import gc
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import typer

from laibin_check.errors import InputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Fact-check the figures of Chinese economic news reports.",
    pretty_exceptions_enable=False,
)

@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show a traceback for errors instead of one line."),
) -> None:
    # Declared here for --help and parsing; main() reads it from argv itself, so that it also covers errors
    # raised before this callback runs.
    del debug


FACTS_OPTION = typer.Option(None, "--facts", help="Folder of report folders (default: ./facts, or the config).")


@app.command()
def verify(
    reports: list[str] = typer.Argument(None, help="Report ids (folder names under facts/); default: all."),
    facts: Path | None = FACTS_OPTION,
    fmt: str | None = typer.Option(None, "--format", "-f", help="table | concise | json | sarif | junit | "
                                   "github | markdown | html (default: table on a terminal, concise otherwise)."),
    output: list[str] = typer.Option(None, "--output", "-o", metavar="FORMAT:PATH",
                                     help="Also write FORMAT to PATH (repeatable), e.g. sarif:out.sarif."),
    fail_on: str | None = typer.Option(None, "--fail-on", help="error | warning | never: what makes the "
                                       "exit code 1 (default: error)."),
    show: str | None = typer.Option(None, "--show", help="Lowest severity listed: error | warning | info."),
    color: str | None = typer.Option(None, "--color", help="auto | always | never."),
    waivers: Path | None = typer.Option(None, "--waivers", help="A waivers file for all reports, besides "
                                        "each report folder's waivers.toml."),
    config: Path | None = typer.Option(None, "--config", help="Read this config file instead of searching "
                                       "for laibin-check.toml / pyproject.toml upward."),
    hygiene: bool = typer.Option(True, "--hygiene/--no-hygiene", help="Check pinyin artifacts, garbled text, "
                                 "mixed scripts."),
    coverage: bool = typer.Option(True, "--coverage/--no-coverage", help="Require every figure to be claimed."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for several reports "
                                    "(default: the machine's cores); the output is the same for any number."),
) -> None:
    """Recompute every derivable figure and flag contradictions. Exit 0 clean, 1 failing findings, 2 bad input."""
    from laibin_check import engine
    from laibin_check.config import load_config, load_config_file
    from laibin_check.gate import default_format, use_color
    from laibin_check.outputs import check_outputs
    from laibin_check.reporters import RenderOptions
    from laibin_check.waivers import find_waivers

    settings = (load_config_file(config) if config else load_config(Path.cwd())).merged(
        facts=facts, format=fmt, output=output, fail_on=fail_on, show=show, color=color, waivers=waivers)
    check_outputs(settings.output, settings.facts, (settings.source, settings.waivers))
    isatty = sys.stdout.isatty()
    fmt_name = settings.format or default_format(isatty=isatty)
    engine_settings = engine.Settings(readings=settings.readings(), hygiene=hygiene, coverage=coverage)
    folders = engine.report_folders(settings.facts, reports or None)
    entries = find_waivers(settings.facts, [f.name for f in folders], settings.waivers)
    width = shutil.get_terminal_size((120, 24)).columns if isatty else 120
    options = RenderOptions(color=use_color(settings.color, isatty=isatty), width=width, show=settings.show,
                            fail_on=settings.fail_on)
    raise typer.Exit(run_batch([(f, engine_settings) for f in folders], [f.name for f in folders],
                               engine.check_folder, settings, entries, fmt_name, options, jobs))


def run_batch(items: list[Any], report_ids: list[str], check_one: Any, settings: Any, waiver_entries: Any,
              fmt_name: str, options: Any, jobs: int | None) -> int:
    """Check every item (a pure, module-level `check_one(item) -> ReportResult`), write the outputs report by
    report, and return the exit code: `verify` and `check` both run through here (laibin_check.batch)."""
    from laibin_check import __version__, batch
    from laibin_check.reporters.selection import summary_of
    from laibin_check.waivers import Waiving, today_from_env

    gate = batch.Gate(Waiving(waiver_entries, today_from_env(), report_ids), settings.severity_overrides(),
                      settings.fail_on, ((fmt_name, None), *((o.format, o.path) for o in settings.output)),
                      options, __version__)
    totals, failing = batch.run(items, check_one, gate, jobs, progress=sys.stderr.isatty())
    sys.stdout.flush()
    if fmt_name == "concise":  # the one format without its own totals; stderr keeps stdout parseable
        print(f"laibin-check: {summary_of(totals, totals['reports'])}", file=sys.stderr)
    return 1 if failing else 0


@app.command()
def check(
    report_files: list[Path] = typer.Argument(..., help="Report texts (any encoding the tool reads)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="As verify: table | concise | json | sarif | "
                                   "junit | github | markdown | html."),
    output: list[str] = typer.Option(None, "--output", "-o", metavar="FORMAT:PATH", help="Also write FORMAT."),
    fail_on: str | None = typer.Option(None, "--fail-on", help="error | warning | never (default: error)."),
    show: str | None = typer.Option(None, "--show", help="Lowest severity listed: error | warning | info."),
    color: str | None = typer.Option(None, "--color", help="auto | always | never."),
    waivers: Path | None = typer.Option(None, "--waivers", help="A waivers file (matched by fingerprint)."),
    config: Path | None = typer.Option(None, "--config", help="Read this config file."),
    write_facts: Path | None = typer.Option(None, "--write-facts", metavar="DIR", help="Save the facts used: "
                                            "DIR/<name>/facts.toml and report.txt, a starting point for verify."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for several reports "
                                    "(default: the machine's cores); the output is the same for any number."),
) -> None:
    """Find contradictions in reports nobody has written facts for, from their wording alone."""
    from laibin_check.check.command import run_check
    from laibin_check.config import load_config, load_config_file

    settings = (load_config_file(config) if config else load_config(Path.cwd())).merged(
        format=fmt, output=output, fail_on=fail_on, show=show, color=color, waivers=waivers)
    raise typer.Exit(run_check(report_files, settings, write_facts, jobs))


@app.command()
def explain(
    fact_id: str = typer.Argument(..., help="A fact id, or REPORT_ID/FACT_ID."),
    facts: Path | None = FACTS_OPTION,
) -> None:
    """Show one figure's derivation chain: what it rests on, how each input was read, and the verdict."""
    from laibin_check.explain import render_explanation

    report_id, _, fid = fact_id.rpartition("/")
    sys.stdout.write(render_explanation(_facts_dir(facts), fid, report_id or None, color=_use_color("auto")))


@app.command(name="facts")
def list_facts(
    reports: list[str] = typer.Argument(None, help="Report ids; default: all."),
    facts: Path | None = FACTS_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table | json"),
) -> None:
    """List the facts: id, value as printed, unit, period, what it measures, and how it is derived."""
    from laibin_check.explain import render_facts

    _choice("--format", fmt, ("table", "json"))
    sys.stdout.write(render_facts(_facts_dir(facts), reports or None, fmt, color=_use_color("auto")))


@app.command()
def rule(
    code: str = typer.Argument(None, help="A rule code (LC101) or name (ratio); none lists all."),
    markdown: bool = typer.Option(False, "--markdown", help="Print the whole catalogue as Markdown."),
) -> None:
    """Document a finding code: what it checks, an example that fails and one that passes."""
    from laibin_check.rules import RULES, catalogue_markdown
    from laibin_check.rules import rule as find_rule

    if markdown:
        sys.stdout.write(catalogue_markdown())
        return
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


def _facts_dir(facts: Path | None) -> Path:
    """--facts, else the configuration's `facts`, else ./facts: the same folder verify would check."""
    if facts is not None:
        return facts
    from laibin_check.config import load_config

    return load_config(Path.cwd()).facts


def _choice(option: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise InputError(option, f"{value!r} is not one of: {', '.join(allowed)}")


def _use_color(mode: str) -> bool:
    from laibin_check.gate import use_color

    return use_color(mode, isatty=sys.stdout.isatty())


@app.command()
def fix(
    report: Path = typer.Argument(..., help="The report text to repair."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the repaired copy here."),
    in_place: bool = typer.Option(False, "--in-place", help="Rewrite the report itself, keeping REPORT.bak."),
    overwrite_backup: bool = typer.Option(False, "--force", "--overwrite-backup",
                                          help="Replace an existing REPORT.bak."),
) -> None:
    """Remove converter artifacts and repair garbled text; print the diff (a dry run without --output)."""
    from laibin_check.hygiene.fix import run_fix

    raise typer.Exit(run_fix(report, output, in_place, overwrite_backup=overwrite_backup))


@app.command()
def extract(
    report_file: Path = typer.Argument(..., help="The report text to draft facts for."),
    report_id: str = typer.Option(None, "--id", help="Report id (default: folder name, or file name)."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the draft here instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing --output file."),
    config: Path | None = typer.Option(None, "--config", help="Read this config file (its qualifier readings)."),
) -> None:
    """Draft a facts.toml for a new report: every figure, the not-claims, the relations as check judges them."""
    from laibin_check.config import load_config, load_config_file
    from laibin_check.extract import run_extract

    # The relations are judged with the readings verify will use, so the draft agrees with it.
    settings = load_config_file(config) if config else load_config(Path.cwd())
    raise typer.Exit(run_extract(report_file, report_id, output, force, settings.readings()))


def main() -> None:
    """Console entry point: exit 0 clean, 1 findings at the failing level, 2 bad input or usage."""
    # No cyclic collection during the run: the process is short and keeps what it builds until it exits, so the
    # ~45 collections a verify run would trigger (~9 ms, re-traversing pint's and the run's young objects) free
    # next to nothing. Reference counting still frees everything acyclic as it goes.
    gc.disable()
    try:
        _main()
    finally:
        # The process ends here. Freezing moves every object out of the cyclic collector's reach, so the
        # interpreter's collections at shutdown do not traverse the hundreds of thousands of objects typer, pint
        # and the run leave behind: ~35 ms, over a tenth of a verify run. The OS reclaims the memory either way;
        # every file is closed by then, and no object of ours relies on a finaliser.
        gc.freeze()


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command `args` name, when they name one after the root's only option (--debug).

    Typer builds a click command from every registered command's signature on each run (~0.4 ms each) though
    one runs. The command's own options, help and usage errors come out the same; root help, no command and
    an unknown command get the whole app."""
    from typer.main import get_command_name

    name = next((a for a in args if a != "--debug"), None)
    if name is None or name.startswith("-"):
        return app
    named = [c for c in app.registered_commands
             if c.callback is not None and (c.name or get_command_name(c.callback.__name__)) == name]
    if not named:
        return app
    one = copy.copy(app)
    one.registered_commands = named
    return one


def _main() -> None:
    debug = "--debug" in sys.argv[1:]
    try:
        code = _app_for(sys.argv[1:])(standalone_mode=False)
    except InputError as exc:
        if debug:  # the traceback, but the documented exit code all the same
            import traceback

            traceback.print_exc()
        print(f"laibin-check: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:
        # typer vendors click (typer._click) in recent releases; match its exceptions by shape, not by class.
        if type(exc).__name__ == "Abort":
            sys.exit(130)
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):
            exc.show()
            sys.exit(2)
        if isinstance(exc, BrokenPipeError):  # the reader of standard output went away (`| head`): no message
            _silence_stdout()
            sys.exit(_BROKEN_PIPE)
        if isinstance(exc, OSError) and exc.filename is None and exc.errno in _WRITE_ERRORS:
            # A write that names no file: standard output's (every file the tool writes names itself).
            _silence_stdout()
            print(f"laibin-check: error: standard output: cannot write: {exc.strerror or exc}", file=sys.stderr)
            sys.exit(2)
        if debug:
            import traceback

            traceback.print_exc()
        print(f"laibin-check: internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)",
              file=sys.stderr)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


_BROKEN_PIPE = 141
"""Exit code when the reader of standard output goes away: 128 + SIGPIPE, what a shell's own tools give."""

_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF})
"""Errors of a write to standard output: a full disk or /dev/full, a quota, a file too large, a device error, a
closed descriptor (a closed pipe, EPIPE, is BrokenPipeError, handled before)."""


def _silence_stdout() -> None:
    """Point standard output at the null device: what is still buffered would fail again when the interpreter
    flushes it at exit, with a second message."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
