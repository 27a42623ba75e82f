"""`check`: the contradictions of a report nobody has written facts for, found from its wording alone.

The pipeline: a model of every figure (check/model.py), relations proposed by the rules of the genre
(check/rules/), judged by the engine `verify` uses (check/evaluate.py), with a stated certainty: an error only
when the wording pins the relation and no other reading holds; otherwise a review suggestion (LC120).

The Python API for a CMS or a notebook::

    from laibin_check import check_text
    for finding in check_text(text):
        print(finding["line"], finding["severity"], finding["message"])
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from laibin_check.records import FigureRecord, FindingRecord

if TYPE_CHECKING:
    from laibin_check.check.evaluate import Claim, Judged
    from laibin_check.check.model import Model
    from laibin_check.check.relation import Relation
    from laibin_check.findings import Finding, ReportResult, RunResult
    from laibin_check.numbers import Readings
    from laibin_check.report import ReportText


def check_text(text: str, *, name: str = "report.txt", include_passed: bool = False,
               readings: Readings | None = None) -> list[FindingRecord]:
    """The contradictions `check` finds in one report held in memory, sorted by place.

    Problems only (errors and suggestions) unless `include_passed`; each record says why, with the arithmetic
    in `message` and `receipt`, and lists in `figures` every printed figure it rests on. An empty text raises
    InputError, as an empty report file does: it is never a clean pass."""
    from laibin_check.errors import InputError
    from laibin_check.report import ReportText

    if not text.strip():
        raise InputError(name, "report is empty")
    report = ReportText.from_string(text, name)
    findings, relations = _check(report, Path(name).stem or name, name, readings)
    records = [_record(f, relations.get(f.key)) for f in findings]
    return [r for r in records if include_passed or r["severity"] != "none"]


def check_report(report: ReportText, report_id: str, readings: Readings | None = None) -> ReportResult:
    """One report's findings as the record every reporter reads."""
    from laibin_check.check.evaluate import fig_id
    from laibin_check.findings import ReportResult

    findings, relations = _check(report, report_id, report.display_path, readings)
    # The text and each judged figure's place (by the id its receipt names it) let the html page mark them.
    figures = {(fig_id(f), f.mention.start, f.mention.end) for r in relations.values() for f in r.figs}
    return ReportResult(report_id=report_id, title=_title(report), path=report.display_path, groups=(),
                        findings=tuple(findings), facts_count=0, sha256=report.sha256, text=report.text,
                        figures=tuple(sorted(figures)))


def check_files(paths: Iterable[Path], readings: Readings | None = None) -> RunResult:
    """Check report files as given on the command line: each read in whatever encoding it came in."""
    from laibin_check import __version__
    from laibin_check.findings import RunResult
    from laibin_check.report import ReportText

    results = []
    for path in paths:
        display = path.as_posix()
        report = ReportText.read(path, display)
        results.append(check_report(report, display, readings))
    return RunResult(tuple(results), __version__)


def judged_claims(report: ReportText, report_id: str, display_path: str, readings: Readings | None = None,
                  model: Model | None = None) -> tuple[list[Judged], list[Claim]]:
    """Every relation the rules propose, judged by the engine, and the claims they make: what `check` reports,
    and what `extract` and `--write-facts` write down, so the three never disagree on a verdict. `model`: the
    report's figure model, when the caller has built it already."""
    from laibin_check.check.evaluate import claims, judge
    from laibin_check.check.model import Model
    from laibin_check.check.rules import propose

    model = model or Model(report, readings)
    judged = judge(model, propose(model), report_id, display_path)
    return judged, claims(judged)


def _check(report: ReportText, report_id: str, display_path: str,
           readings: Readings | None) -> tuple[list[Finding], dict[str, Relation]]:
    from laibin_check.check.evaluate import relation_key

    judged, claims = judged_claims(report, report_id, display_path, readings)
    findings = sorted((c.finding for c in claims), key=lambda f: f.sort_key)
    by_key: dict[str, Relation] = {}
    for j in judged:
        by_key.setdefault(relation_key(j.relation), j.relation)
    return findings, by_key


def _title(report: ReportText) -> str:
    first = report.text.lstrip("\ufeff").split("\n", 1)[0].strip()
    return first[:40]


def _record(f: Finding, relation: Relation | None) -> FindingRecord:
    from laibin_check.reporters.selection import receipt_record

    extra = dict(f.extra)
    figures: list[FigureRecord] = []
    if relation is not None:
        for fig in relation.figs:
            figures.append(FigureRecord(
                role="stated" if fig is relation.target else "operand", printed=fig.shown, line=fig.line,
                column=fig.column, end_column=fig.column + fig.mention.phrase_end - fig.mention.phrase_start))
    return FindingRecord(
        code=f.code, rule=f.rule, severity=f.severity, verdict=f.verdict, message=f.message, path=f.path,
        line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column, quote=f.quote,
        sentence=f.sentence, fingerprint=f.fingerprint, certainty=extra.get("certainty", ""),
        check_rule=extra.get("check_rule", ""), figures=figures,
        receipt=None if f.receipt is None else receipt_record(f.receipt))


__all__ = ["FigureRecord", "FindingRecord", "check_files", "check_report", "check_text"]
