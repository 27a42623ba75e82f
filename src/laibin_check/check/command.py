"""The `check` command: bare report texts in, the gate's formats, waivers and exit codes out, as `verify`.

Reports run through the batch runner `verify` uses (laibin_check.batch via cli.run_batch): `--jobs` worker
processes, findings written report by report, the same bytes whatever the number of workers."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from laibin_check.config import Config
from laibin_check.findings import ReportResult
from laibin_check.numbers import Readings


def run_check(report_files: list[Path], settings: Config, write_facts: Path | None, jobs: int | None = None) -> int:
    from laibin_check.cli import run_batch
    from laibin_check.gate import default_format, use_color
    from laibin_check.outputs import check_outputs
    from laibin_check.reporters import RenderOptions
    from laibin_check.waivers import find_waivers

    check_outputs(settings.output, None, (settings.source, settings.waivers, *report_files))
    isatty = sys.stdout.isatty()
    fmt_name = settings.format or default_format(isatty=isatty)
    # Only a shared --waivers file applies: a bare report has no folder of its own. Waivers match by
    # fingerprint (rule, report path, and the figures as printed), so they survive edits that move lines.
    entries = find_waivers(Path("."), [], settings.waivers)
    width = shutil.get_terminal_size((120, 24)).columns if isatty else 120
    options = RenderOptions(color=use_color(settings.color, isatty=isatty), width=width, show=settings.show,
                            fail_on=settings.fail_on)
    readings = settings.readings()
    code = run_batch([(path, readings) for path in report_files], [path.as_posix() for path in report_files],
                     check_file, settings, entries, fmt_name, options, jobs)
    if write_facts is not None:
        from laibin_check.check.facts_out import write_folders

        write_folders(report_files, write_facts, readings)
    return code


def check_file(job: tuple[Path, Readings]) -> ReportResult:
    """One report file's check, as a worker runs it: a pure function of the file (read in whatever encoding it
    came in) and the readings."""
    from laibin_check.check import check_report
    from laibin_check.report import ReportText

    path, readings = job
    display = path.as_posix()
    return check_report(ReportText.read(path, display), display, readings)
