"""`laibin-check fix`: a report's repaired copy (artifacts removed, garbled text repaired) and its diff."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import TextIO

from laibin_check.errors import InputError
from laibin_check.hygiene.scan import Scan, scan
from laibin_check.report import ReportText


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """`text` with each non-overlapping (start, end, replacement) applied; everything else kept as it was."""
    parts: list[str] = []
    pos = 0
    for start, end, replacement in sorted(edits):
        if start < pos:
            raise ValueError(f"overlapping edits at offset {start}")
        parts.append(text[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def repaired(text: str) -> tuple[str, Scan]:
    """The text as `fix` writes it, and the scan it came from. Mixed-script suggestions are never applied:
    whether 干 should be 幹 or 乾 is an editor's call, and the converter that made the mistake cannot tell."""
    result = scan(text)
    return apply_edits(text, result.edits()), result


def unified_diff(before: str, after: str, from_name: str, to_name: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), from_name, to_name)
    # A report's last line may lack a newline; end every diff line with one so the diff stays readable.
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def run_fix(
    report_path: Path,
    output: Path | None,
    in_place: bool,
    overwrite_backup: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Repair `report_path` into `output`, or in place with a backup, or (neither given) only show the diff.

    The diff goes to `out` (stdout), messages to `err` (stderr). Returns the exit code: 0; bad input raises
    InputError. The report is written in the encoding it was read in.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    shown = report_path.as_posix()
    if output is not None and in_place:
        raise InputError(shown, "give either --output or --in-place, not both")
    if output is not None and output.resolve() == report_path.resolve():
        raise InputError(shown, "--output is the report itself; use --in-place (which keeps a backup)")
    report = ReportText.read(report_path, shown)
    fixed, result = repaired(report.text)
    target = report_path if in_place else output
    out.write(unified_diff(report.text, fixed, shown, (target or report_path).as_posix()))
    repairs = [g for g in result.garbled if g.replacement is not None]
    err.write(f"{len(result.artifacts)} converter artifacts removed, {len(repairs)} garbled spans repaired\n")
    for g in result.garbled:
        if g.replacement is None:
            line, column = report.place(g.suspect.start)
            err.write(f"{shown}:{line}:{column}: garbled text left as it is ({g.outcome.reason})\n")
    if result.misscripts:
        err.write(f"{len(result.misscripts)} mixed-script characters left for an editor (see verify)\n")
    if target is None:
        err.write("dry run: nothing written; use --output CLEAN or --in-place\n")
        return 0
    if in_place:
        backup = report_path.with_name(report_path.name + ".bak")
        if backup.exists() and not overwrite_backup:
            raise InputError(backup.as_posix(), "backup already exists; remove it or pass --overwrite-backup")
        backup.write_bytes(report_path.read_bytes())
        err.write(f"backup kept as {backup.as_posix()}\n")
    _write(target, fixed, report.encoding)
    err.write(f"wrote {target.as_posix()}\n")
    return 0


def _write(path: Path, text: str, encoding: str) -> None:
    try:
        # newline="" keeps the report's own line endings: the text still holds any \r it was read with.
        with path.open("w", encoding=encoding, newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise InputError(path.as_posix(), f"cannot write: {exc.strerror}") from None
    except UnicodeEncodeError:
        raise InputError(path.as_posix(), f"the repaired text cannot be written in {encoding}") from None
