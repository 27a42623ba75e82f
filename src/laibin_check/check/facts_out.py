"""`check --write-facts DIR`: the facts a check used, saved as a report folder `verify` reads.

Each report becomes DIR/<id>/report.txt (its bytes, unchanged) and DIR/<id>/facts.toml: the `extract` draft,
every figure as a fact, the not-claims, and the relations `check` judged, as it judged them (errors active, a
failing reading it only suggests commented out for review), so `verify` on the unchanged text reports what
`check` reports. Nothing is overwritten: an existing folder is an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from laibin_check.errors import InputError
from laibin_check.numbers import Readings


def write_folders(report_files: Iterable[Path], out: Path, readings: Readings | None = None) -> list[Path]:
    """Write a folder for each report, or none: every name is checked first (two reports that would share a
    folder, a folder that exists), so a refused run leaves nothing half written."""
    from laibin_check.extract import default_id, draft, render
    from laibin_check.report import ReportText

    paths = list(report_files)
    folders: dict[Path, Path] = {}
    for path in paths:
        folder = out / default_id(path)
        if folder.exists():
            raise InputError(folder.as_posix(), "already exists; --write-facts never overwrites a folder")
        other = next((p for p, f in folders.items() if f == folder), None)
        if other is not None:
            raise InputError(path.as_posix(), f"would be written to {folder.as_posix()}, as {other.as_posix()} is; "
                             "give the reports different names")
        folders[path] = folder
    written: list[Path] = []
    for path, folder in folders.items():
        report = ReportText.read(path, path.as_posix())
        drafted = draft(report, folder.name, "report.txt", readings)
        drafted.by = "check --write-facts"
        text = render(drafted)
        try:
            folder.mkdir(parents=True)
            (folder / "report.txt").write_bytes(path.read_bytes())
            (folder / "facts.toml").write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(folder.as_posix(), f"cannot write the facts: {exc.strerror}") from None
        written.append(folder)
    return written
