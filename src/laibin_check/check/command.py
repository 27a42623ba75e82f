"""The `check` command: bare report texts in, the gate's formats, waivers and exit codes out, as `verify`."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from laibin_check.config import Config


def run_check(report_files: list[Path], settings: Config, write_facts: Path | None) -> int:
    from laibin_check.check import check_files
    from laibin_check.gate import apply_severity, default_format, exit_code, use_color
    from laibin_check.outputs import write_outputs
    from laibin_check.reporters import RenderOptions, get
    from laibin_check.reporters.selection import summary_line
    from laibin_check.waivers import apply_waivers, find_waivers, today_from_env

    isatty = sys.stdout.isatty()
    fmt_name = settings.format or default_format(isatty=isatty)
    result = check_files(report_files, settings.readings())
    if write_facts is not None:
        from laibin_check.check.facts_out import write_folders

        write_folders(report_files, write_facts, settings.readings())
    # Only a shared --waivers file applies: a bare report has no folder of its own. Waivers match by
    # fingerprint (rule, report path, and the figures as printed), so they survive edits that move lines.
    entries = find_waivers(Path("."), [], settings.waivers)
    result = apply_severity(apply_waivers(result, entries, today_from_env()), settings.severity_overrides())
    width = shutil.get_terminal_size((120, 24)).columns if isatty else 120
    options = RenderOptions(color=use_color(settings.color, isatty=isatty), width=width, show=settings.show,
                            fail_on=settings.fail_on)
    write_outputs(result, settings.output, options)
    sys.stdout.write(get(fmt_name).render(result, options))
    sys.stdout.flush()
    if fmt_name == "concise":
        print(f"laibin-check: {summary_line(result)}", file=sys.stderr)
    return exit_code(result, settings.fail_on)
