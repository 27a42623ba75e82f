"""`laibin-check fix`: a report's repaired copy (artifacts removed, garbled text repaired) and its diff."""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import sys
from pathlib import Path
from typing import TextIO

from laibin_check.atomic import write_atomic
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
    InputError, before anything is printed. The report is written in the encoding (and byte order) it was read
    in. Every write goes through write_atomic: a kill at any moment leaves the report and its backup whole.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    shown = report_path.as_posix()
    if output is not None and in_place:
        raise InputError(shown, "give either --output or --in-place, not both")
    if output is not None:
        _refuse_same_file(report_path, output, shown)
    backup = report_path.with_name(report_path.name + ".bak") if in_place else None
    if backup is not None:
        _check_in_place(report_path, backup, overwrite_backup, shown)
    report = ReportText.read(report_path, shown)
    fixed, result = repaired(report.text)
    target = report_path if in_place else output
    messages: list[str] = []
    repairs = [g for g in result.garbled if g.replacement is not None]
    messages.append(f"{len(result.artifacts)} converter artifacts removed, {len(repairs)} garbled spans repaired")
    for g in result.garbled:
        if g.replacement is None:
            line, column = report.place(g.suspect.start)
            messages.append(f"{shown}:{line}:{column}: garbled text left as it is ({g.outcome.reason})")
    if result.misscripts:
        messages.append(f"{len(result.misscripts)} mixed-script characters left for an editor (see verify)")
    if target is None:
        messages.append("dry run: nothing written; use --output CLEAN or --in-place")
    else:
        original = report_path.read_bytes() if backup is not None else b""
        data = _encode(fixed, report.encoding, original or _head(report_path), target.as_posix())
        if backup is not None:
            mode = stat.S_IMODE(report_path.stat().st_mode)
            write_atomic(backup, original, mode=mode)
            messages.append(f"backup kept as {backup.as_posix()}")
            write_atomic(report_path, data, mode=mode)
        else:
            write_atomic(target, data)
        messages.append(f"wrote {target.as_posix()}")
    # Only now, with every write done: a run that ends in an error prints its one line and nothing else.
    out.write(unified_diff(report.text, fixed, shown, (target or report_path).as_posix()))
    err.write("".join(m + "\n" for m in messages))
    return 0


def _refuse_same_file(report: Path, output: Path, shown: str) -> None:
    """--output may go anywhere but over the report: the same path, a symbolic link to it or a hard link."""
    try:
        same = output.resolve() == report.resolve() or (output.exists() and os.path.samefile(output, report))
    except (OSError, ValueError):
        same = False
    if same:
        raise InputError(shown, "--output is the report itself (or a link to it); use --in-place, which keeps "
                                "a backup")


def _check_in_place(report: Path, backup: Path, overwrite: bool, shown: str) -> None:
    if report.is_symlink():
        raise InputError(shown, "the report is a symbolic link; fix the file it points to")
    if backup.is_symlink():
        raise InputError(backup.as_posix(), "the backup path is a symbolic link; remove it first")
    if backup.exists():
        if not backup.is_file():
            raise InputError(backup.as_posix(), "the backup path exists and is not a file; remove it first")
        if not overwrite:
            raise InputError(backup.as_posix(), "backup already exists; remove it or pass --force")
        try:
            if os.path.samefile(backup, report):
                raise InputError(backup.as_posix(), "the backup path is a hard link to the report itself")
        except OSError:
            pass


_BIG_ENDIAN = ((codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(4)


def _encode(text: str, encoding: str, original: bytes, shown: str) -> bytes:
    """The text in the report's own encoding; a byte-order mark says which order, and is kept as it was (the
    utf-16 and utf-32 codecs would write the machine's own order, turning a big-endian report little-endian)."""
    try:
        if encoding in ("utf-16", "utf-32"):
            for bom, codec in _BIG_ENDIAN:
                if original.startswith(bom) and codec.startswith(encoding):
                    return bom + text.encode(codec)
        return text.encode(encoding)
    except UnicodeEncodeError:
        raise InputError(shown, f"the repaired text cannot be written in {encoding}") from None
