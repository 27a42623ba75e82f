"""Waivers: findings an editor accepted deliberately, read from reviewed TOML files and applied to a run.

Each report folder may hold a `waivers.toml`; the config's `waivers` key may name one more file for all
reports. A waiver names a finding by rule code and fact id (or code and key, for findings without facts),
says why, who accepted it and until when::

    [[waiver]]
    code = "LC101"
    fact = "solve_rate"             # waives LC101 findings that involve this fact; or key = "區(qū)#1"
    reason = "the bureau's release says 83.4%; the desk asked the bureau to confirm the problem count"
    accepted_by = "Li Hua"
    expires = 2021-06-30            # a TOML date: the waiver holds through this day
    # report = "laibin-2021q1"      # only in the config's shared file: limit the waiver to one report

A waived finding still shows, marked waived, in every format, and no longer fails the gate. A waiver past its
date does not waive and is itself a finding (LC401); a waiver that matches no finding is one too (LC402). Both
point at the waiver's line. "Today" comes from the caller, so runs are reproducible: the CLI reads
`LAIBIN_CHECK_TODAY` (YYYY-MM-DD) when set, else the system date.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from laibin_check.errors import InputError
from laibin_check.findings import Finding, ReportResult, RunResult, Waiver
from laibin_check.rules import RULES

if TYPE_CHECKING:
    from laibin_check.toml_places import TablePlace

WAIVERS_FILE = "waivers.toml"
TODAY_ENV = "LAIBIN_CHECK_TODAY"

_KEYS = ("code", "fact", "key", "report", "reason", "accepted_by", "expires")


class WaiverEntry(NamedTuple):
    """One `[[waiver]]` as written, with its place for findings about the waiver itself."""

    code: str
    fact: str
    key: str
    report: str
    """The report it applies to; "" for any report (only in the config's shared file)."""
    reason: str
    accepted_by: str
    expires: dt.date
    path: str
    """The waivers file, relative to the working folder, forward slashes."""
    line: int

    @property
    def subject(self) -> str:
        return self.fact or self.key

    def matches(self, f: Finding) -> bool:
        if f.code != self.code or f.severity == "none":
            return False
        if self.report and f.report != self.report:
            return False
        return self.fact in f.fact_ids if self.fact else f.key == self.key

    def as_waiver(self) -> Waiver:
        return Waiver(self.reason, self.accepted_by, self.expires.isoformat(), f"{self.path}:{self.line}")


def today_from_env(environ: Mapping[str, str] | None = None) -> dt.date:
    """LAIBIN_CHECK_TODAY (YYYY-MM-DD) when set, for reproducible runs; else the system date."""
    env = os.environ if environ is None else environ
    value = env.get(TODAY_ENV, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(TODAY_ENV, f"{value!r} is not a date written YYYY-MM-DD") from None


# -- reading --------------------------------------------------------------------------------------------


def find_waivers(
    facts_dir: Path, report_ids: Iterable[str], extra: Path | None = None
) -> tuple[WaiverEntry, ...]:
    """Every waiver that applies to the run: each report's waivers.toml, then the shared file."""
    entries: list[WaiverEntry] = []
    for report_id in report_ids:
        folder = facts_dir / report_id
        if not folder.is_dir() and facts_dir.name == report_id:
            folder = facts_dir  # the facts folder given is the report folder itself
        path = folder / WAIVERS_FILE
        if path.is_file():
            entries.extend(load_waivers(path, report=report_id))
    if extra is not None:
        if not extra.is_file():
            raise InputError(_display(extra), "waivers file not found")
        entries.extend(load_waivers(extra))
    return tuple(entries)


def load_waivers(path: Path, report: str = "") -> tuple[WaiverEntry, ...]:
    """Read one waivers file. `report` scopes a report folder's file to that report."""
    # Imported here: most runs have no waivers file, and tomllib and toml_places cost ~1.5 ms to import.
    from laibin_check import tomlfile
    from laibin_check.toml_places import TomlPlaces

    shown = _display(path)
    text = tomlfile.read_text(path, shown)
    data = tomlfile.parse(text, shown)
    places = TomlPlaces.scan(text)
    top = places.table("")
    for key in data:
        if key != "waiver":
            raise InputError(
                shown, f"unknown key {key!r}: a waivers file holds [[waiver]] tables only", *top.key(key)
            )
    raw = data.get("waiver", [])
    if not isinstance(raw, list):
        raise InputError(shown, "waiver must be an array of tables, written [[waiver]]", *top.key("waiver"))
    return tuple(_entry(item, places.table("waiver", i), shown, report) for i, item in enumerate(raw))


def _entry(item: Any, place: TablePlace, shown: str, report: str) -> WaiverEntry:
    def fail(key: str | None, message: str) -> InputError:
        line, column = place.key(key) if key else (place.line, 1)
        return InputError(shown, message, line, column)

    if not isinstance(item, dict):
        raise fail(None, "each waiver must be a table, written [[waiver]]")
    for key in item:
        if key not in _KEYS:
            raise fail(key, f"unknown key {key!r} in a waiver; known keys: {', '.join(_KEYS)}")

    def text(key: str, required: bool) -> str:
        value = item.get(key, "")
        if not isinstance(value, str):
            raise fail(key, f"{key!r} must be a string")
        value = value.strip()
        if required and not value:
            raise fail(key if key in item else None, f"a waiver needs {key!r}")
        return value

    code = text("code", True).upper()
    if code not in RULES:
        raise fail("code", f"unknown rule code {code!r}; see `laibin-check rule` for the list")
    if code.startswith("LC4"):
        raise fail("code", f"{code} is about waivers themselves and cannot be waived; fix the waivers file")
    fact, key = text("fact", False), text("key", False)
    if bool(fact) == bool(key):
        raise fail(
            "fact" if fact else None,
            "a waiver names its finding by `fact` (a fact id) or by `key`, exactly one of them",
        )
    own_report = text("report", False)
    if report and own_report and own_report != report:
        raise fail("report", f"report {own_report!r} in the waivers file of report {report!r}")
    expires = item.get("expires")
    if isinstance(expires, dt.datetime) or not isinstance(expires, dt.date):
        hint = " (write it without quotes: expires = 2021-06-30)" if isinstance(expires, str) else ""
        raise fail("expires" if "expires" in item else None, f"a waiver needs 'expires', a TOML date{hint}")
    return WaiverEntry(
        code=code,
        fact=fact,
        key=key,
        report=own_report or report,
        reason=text("reason", True),
        accepted_by=text("accepted_by", True),
        expires=expires,
        path=shown,
        line=place.line,
    )


def _display(path: Path) -> str:
    # The same convention as the loader's finding paths: relative to the working folder, forward slashes.
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# -- applying -------------------------------------------------------------------------------------------


def apply_waivers(result: RunResult, waivers: Iterable[WaiverEntry], today: dt.date) -> RunResult:
    """A new result where findings matched by a live waiver carry it, plus LC401/LC402 findings about waivers.

    A finding takes the first live waiver that matches it. Waivers scoped to a report that is not in this run
    are skipped (neither applied nor reported unused), so checking one report does not flag others' waivers.
    The same as `Waiving` applied report by report, which is how a run over many reports streams."""
    ids = [r.report_id for r in result.reports]
    waiving = Waiving(waivers, today, ids)
    reports = [waiving.report(r, first=i == 0)[0] for i, r in enumerate(result.reports)]
    if reports:
        reports[-1] = waiving.finish(reports[-1])
    return result._replace(reports=tuple(reports))


class Waiving:
    """Waivers applied one report at a time, in run order, with nothing kept of the reports.

    A waiver scoped to a report is settled with that report: applied, expired (LC401) or unused (LC402). A
    shared waiver's expiry is reported on the run's first report; whether it was used is known only at the
    end, so an unused shared waiver is reported on the last report (`finish`). Workers may apply `report` in
    any order; the used shared waivers they return are gathered with `note_used`."""

    def __init__(self, waivers: Iterable[WaiverEntry], today: dt.date, report_ids: Iterable[str]) -> None:
        run_reports = set(report_ids)
        relevant = [w for w in waivers if not w.report or w.report in run_reports]
        self.today = today
        self.live = [w for w in relevant if w.expires >= today]
        self.expired = [w for w in relevant if w.expires < today]
        self.used_shared: set[int] = set()
        """Indices into `live` of shared waivers some report used."""

    def report(self, report: ReportResult, first: bool) -> tuple[ReportResult, set[int]]:
        """The report with its waivers applied, and the indices (into `live`) of the shared waivers it used."""
        rid = report.report_id
        mine = [(i, w) for i, w in enumerate(self.live) if not w.report or w.report == rid]
        if not mine and not self.expired:  # most reports of an archive: nothing to match, nothing to report
            return report, set()
        used: set[int] = set()

        def waive(f: Finding) -> Finding:
            if f.waived:
                return f
            for i, w in mine:
                if w.matches(f):
                    used.add(i)
                    return f._replace(waiver=w.as_waiver())
            return f

        findings = tuple(waive(f) for f in report.findings)
        # A live waiver counts as used when it matches a problem even if an earlier waiver took the finding.
        for i, w in mine:
            if i not in used and any(w.matches(f) for f in report.findings):
                used.add(i)
        extra = [_expired(w, rid) for w in self.expired if w.report == rid or (not w.report and first)]
        extra += [_unused(w, rid) for i, w in mine if w.report and i not in used]
        shared = {i for i in used if not self.live[i].report}
        self.note_used(shared)
        return _with(report._replace(findings=findings), extra), shared

    def note_used(self, shared: set[int]) -> None:
        self.used_shared |= shared

    def finish(self, last: ReportResult) -> ReportResult:
        """The run's last report, with an LC402 for each shared waiver no report used."""
        unused = [_unused(w, last.report_id) for i, w in enumerate(self.live)
                  if not w.report and i not in self.used_shared]
        return _with(last, unused)


def _with(report: ReportResult, findings: list[Finding]) -> ReportResult:
    return report._replace(findings=report.findings + tuple(findings)) if findings else report


def _about_waiver(w: WaiverEntry, report: str, code: str, message: str) -> Finding:
    rule = RULES[code]
    return Finding(
        code=code,
        rule=rule.name,
        severity=rule.severity,
        message=message,
        report=report,
        path=w.path,
        line=w.line,
        column=1,
        fact_ids=(w.fact,) if w.fact else (),
        key=f"waiver:{w.code}:{w.subject}",
    )


def _expired(w: WaiverEntry, report: str) -> Finding:
    return _about_waiver(
        w,
        report,
        "LC401",
        f"waiver for {w.code} {w.subject} expired on {w.expires.isoformat()} (accepted by {w.accepted_by}: "
        f"{w.reason}); the finding counts again: renew the waiver or fix the figure",
    )


def _unused(w: WaiverEntry, report: str) -> Finding:
    return _about_waiver(
        w,
        report,
        "LC402",
        f"waiver for {w.code} {w.subject} matches no finding (the figure was fixed or the fact renamed); "
        "delete it",
    )
