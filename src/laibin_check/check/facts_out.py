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
    from laibin_check.extract import default_id, draft, render
    from laibin_check.report import ReportText

    written: list[Path] = []
    for path in report_files:
        report_id = default_id(path)
        folder = out / report_id
        if folder.exists():
            raise InputError(folder.as_posix(), "already exists; --write-facts never overwrites a folder")
        report = ReportText.read(path, path.as_posix())
        drafted = draft(report, report_id, "report.txt", readings)
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
