"""Judging proposed relations with the engine `verify` uses: relations become facts, findings come back.

Each relation is written as facts (its figures, and a derived copy of its stated figure) or as a check, in the
facts-file formula language, and evaluated by engine.check_facts, so `check`, `extract` and `verify` agree on
every verdict (intervals, qualifier readings, GRIM). What this module adds is certainty: readings of one claim
are alternatives, and a claim is a contradiction only when every reading fails; a failing claim is an error
only when its rule pinned it, otherwise a review suggestion (LC120).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from laibin_check.check.model import Fig, Model
from laibin_check.check.relation import Relation
from laibin_check.errors import InputError
from laibin_check.facts import Check, Derivation, Fact, Origin, ReportFacts
from laibin_check.findings import Finding, ReportResult
from laibin_check.report import ReportText

SUGGESTION_CODE = "LC120"
PLAIN_UNIT = ""
"""The unit table's plain number (scale 1, no dimension, no name): a figure read without its unit, shown bare
(7.45 - 6.85, not 7.45倍 - 6.85倍: 倍 is a unit of its own, a multiple)."""


class Judged(NamedTuple):
    """One relation and the finding the engine made of it, with the certainty applied."""

    relation: Relation
    finding: Finding


class Written(NamedTuple):
    """The relations as facts and checks: what `--write-facts` saves and the engine evaluates."""

    facts: tuple[Fact, ...]
    checks: tuple[Check, ...]
    subject: dict[str, int]
    """Fact or check id -> index of the relation it states."""


def fig_id(f: Fig) -> str:
    return f"f{f.idx + 1}"


def write(model: Model, relations: Sequence[Relation], origin_path: str) -> Written:
    facts: dict[str, Fact] = {}
    extra: list[Fact] = []
    checks: list[Check] = []
    subject: dict[str, int] = {}
    quotes = _Quotes(model)

    def fact_of(f: Fig, fid: str, derive: Derivation | None = None) -> Fact:
        line, column = model.report.place(f.mention.phrase_start)
        return Fact(id=fid, measure=_measure(model, f), unit=f.unit.name, origin=Origin(origin_path, line, column),
                    value=f.value, quote=quotes.of(f), period=f.period, derive=derive,
                    claim="rank" if f.role == "rank" else "figure")

    for n, r in enumerate(relations):
        ids = []
        for i, f in enumerate(r.operands):
            if i in r.plain:
                fid = fig_id(f) + "_n"
                facts.setdefault(fid, fact_of(f, fid)._replace(unit=PLAIN_UNIT, measure=_measure(model, f)))
            else:
                fid = fig_id(f)
                facts.setdefault(fid, fact_of(f, fid))
            ids.append(fid)
        formula = r.formula.format(*ids, t=fig_id(r.target) if r.target is not None else "")
        rid = f"r{n + 1}"
        subject[rid] = n
        if r.target is not None and r.kind == "count":
            extra.append(fact_of(r.target, rid, Derivation(kind="count", items=r.items, partial=r.partial,
                                                          note=r.why)))
        elif r.target is not None:
            derive = Derivation(kind=r.kind, formula=formula, approximate=r.approximate,
                                note=r.why)
            extra.append(fact_of(r.target, rid, derive))
        else:
            line, column = model.report.place(r.operands[0].mention.phrase_start)
            checks.append(Check(id=rid, kind=r.kind, origin=Origin(origin_path, line, column),
                                formula=formula, note=r.why))
    return Written(tuple(facts.values()) + tuple(extra), tuple(checks), subject)


def judge(model: Model, relations: Sequence[Relation], report_id: str, display_path: str) -> list[Judged]:
    """Evaluate every relation; one Judged per relation the engine could place and evaluate."""
    from laibin_check import engine

    if not relations:
        return []
    written = write(model, relations, display_path)
    rf = _report_facts(report_id, display_path, model.report, written)
    try:
        result = engine.check_facts(rf, model.report, engine.Settings(readings=model.readings, hygiene=False,
                                                                      coverage=False))
    except (InputError, ZeroDivisionError, ValueError):
        if len(relations) == 1:
            return []  # a relation the evaluator cannot state (units that do not combine): not a claim we judge
        mid = len(relations) // 2
        return (judge(model, relations[:mid], report_id, display_path)
                + judge(model, relations[mid:], report_id, display_path))
    return _collect(relations, written, result, display_path)


def _collect(relations: Sequence[Relation], written: Written, result: ReportResult,
             display_path: str) -> list[Judged]:
    out: list[tuple[int, Judged]] = []
    for finding in result.findings:
        if not finding.fact_ids or finding.code.startswith("LC2"):
            continue  # placement problems are ours, not the report's
        n = written.subject.get(finding.fact_ids[0])
        if n is None or finding.verdict not in ("consistent", "inconsistent"):
            continue
        out.append((n, Judged(relations[n], finding._replace(path=display_path))))
    # In the order the rules proposed them: a rule lists a claim's most likely reading first, and a failed
    # claim is shown by its first reading (the engine's order is by fact id, where r10 sorts before r9).
    out.sort(key=lambda p: p[0])
    return [j for _, j in out]


class Claim(NamedTuple):
    """One claim of the text, judged on all its readings: the reading that decides it, and its outcome."""

    reading: Judged
    """The first reading that holds, or (when none does) the first reading."""
    readings: int
    """How many readings the claim had."""
    finding: Finding
    """What `check` reports: passed (severity none), an error, or a review suggestion (LC120)."""

    @property
    def outcome(self) -> str:
        """holds | error | suggestion."""
        if self.finding.severity == "none":
            return "holds"
        return "error" if self.finding.code != SUGGESTION_CODE else "suggestion"


def claims(judged: list[Judged]) -> list[Claim]:
    """Claims, each judged on all its readings: a claim holds when one reading holds; a failing claim is an
    error only when its rule pinned it. The one place that decides, for `check`, `extract` and `--write-facts`."""
    by_claim: dict[str, list[Judged]] = {}
    for j in judged:
        key = j.relation.claim or f"{j.relation.rule}:{j.finding.fact_ids[0]}"
        by_claim.setdefault(key, []).append(j)
    out: list[Claim] = []
    for readings in by_claim.values():
        holding = [j for j in readings if j.finding.verdict == "consistent"]
        if holding:
            out.append(Claim(holding[0], len(readings), _passed(holding[0])))
            continue
        out.append(Claim(readings[0], len(readings), _failed(readings[0], others=len(readings) - 1)))
    return _once(out)


def _once(claims: list[Claim]) -> list[Claim]:
    """Each relation decided once. Two rules may read one relation (其中 and its two halves; a breakdown by
    经营地), each as its own claim: the editor must see one finding for it, not two. Kept: the first, unless a
    later one is more severe (an error over a review suggestion)."""
    rank = {"error": 2, "suggestion": 1, "holds": 0}
    out: list[Claim] = []
    at: dict[tuple[object, ...], int] = {}
    for c in claims:
        r = c.reading.relation
        key = (r.kind, r.formula, r.plain, tuple(f.idx for f in r.figs), c.outcome == "holds")
        i = at.get(key)
        if i is None:
            at[key] = len(out)
            out.append(c)
        elif rank[c.outcome] > rank[out[i].outcome]:
            out[i] = c
    return out


def certain(judged: list[Judged]) -> list[Finding]:
    """The findings to report, one per claim, with severity set by certainty."""
    return [c.finding for c in claims(judged)]


def _passed(j: Judged) -> Finding:
    return j.finding._replace(message=_plain(j.finding.message), key=relation_key(j.relation), extra=_extra(j))


def _plain(message: str) -> str:
    """Drop the evaluator's internal id (r12: …) from a check's message: it names nothing in the report."""
    import re

    return re.sub(r"^r\d+: ", "", message)


def _failed(j: Judged, *, others: int) -> Finding:
    r, f = j.relation, j.finding
    notes = [f"read from the wording: {r.why}"]
    if others:
        notes.append(f"{others} other reading(s) of the same claim fail too")
    message = (r.message + ": " if r.message else "") + _plain(f.message)
    if r.certainty == "error" and f.code != "LC110":
        receipt = f.receipt._replace(notes=f.receipt.notes + tuple(notes)) if f.receipt else None
        return f._replace(severity="error", message=message, receipt=receipt, key=relation_key(r), extra=_extra(j))
    from laibin_check.rules import RULES

    if r.confirm:
        notes.append(f"to confirm: {r.confirm}")
    receipt = f.receipt._replace(notes=f.receipt.notes + tuple(notes)) if f.receipt else None
    rule = RULES[SUGGESTION_CODE]
    return f._replace(code=SUGGESTION_CODE, rule=rule.name, severity=rule.severity,
                      message=f"review: {message}" + (f" (to confirm: {r.confirm})" if r.confirm else ""),
                      receipt=receipt, key=relation_key(r), extra=_extra(j))


def _extra(j: Judged) -> tuple[tuple[str, str], ...]:
    r = j.relation
    figures = "; ".join(f"{f.line}:{f.mention.phrase_start} {f.shown}" for f in r.figs)
    pairs = dict(j.finding.extra)
    pairs.update({"check_rule": r.rule, "figures": figures, "certainty": r.certainty})
    return tuple(sorted(pairs.items()))


def relation_key(r: Relation) -> str:
    """A stable identity for the fingerprint: the rule and the figures as printed, with the words before them,
    so a waiver survives edits that move lines."""
    raw = r.rule + "|" + "|".join(f"{f.label[-6:]}{f.shown}" for f in r.figs)
    return f"{r.rule}#{hashlib.sha256(raw.encode('utf-8')).hexdigest()[:12]}"


def _measure(model: Model, f: Fig) -> str:
    """The words before the figure in its clause, in the report's own script."""
    a = f.start - len(f.label)
    start = model.offsets[a] if a < len(model.offsets) else f.mention.phrase_start
    words = model.report.text[start:f.mention.phrase_start].strip()
    from laibin_check.report import strip_artifacts

    words = strip_artifacts(words)[-16:].strip(" \u3000,，:：")
    return words or f.shown


class _Quotes:
    """A short quote for each figure that occurs once in the report: its phrase, widened over its clause."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.cache: dict[int, str] = {}

    def of(self, f: Fig) -> str:
        if f.idx in self.cache:
            return self.cache[f.idx]
        text = self.model.report.text
        m = f.mention
        line_start = text.rfind("\n", 0, m.phrase_start) + 1
        line_end = text.find("\n", m.phrase_end)
        line_end = len(text) if line_end < 0 else line_end
        start, end = m.phrase_start, m.phrase_end
        quote = text[start:end]
        for _ in range(64):
            if len(self.model.report.find(quote)) == 1:
                break
            if start > line_start:
                start = max(line_start, start - 2)
            elif end < line_end:
                end = min(line_end, end + 2)
            else:
                break
            start, end = self._snap(start, end)
            quote = text[start:end]
        self.cache[f.idx] = quote
        return quote


    def _snap(self, start: int, end: int) -> tuple[int, int]:
        """Never cut inside a converter artifact's parenthesis: 區(qū) is matched whole or not at all."""
        import bisect

        spans = self.model.report.artifact_spans
        at = bisect.bisect_right(spans, (start, 1 << 62)) - 1
        if at >= 0 and spans[at][0] < start < spans[at][1]:
            start = spans[at][0] - 1
        at = bisect.bisect_right(spans, (end, 1 << 62)) - 1
        if at >= 0 and spans[at][0] < end < spans[at][1]:
            end = spans[at][1]
        return start, end


def _report_facts(report_id: str, display_path: str, report: ReportText, written: Written) -> ReportFacts:
    path = Path(display_path)
    return ReportFacts(id=report_id, title="", folder=path.parent, report_file=path, facts_file=path,
                       sha256=report.sha256, groups=(), facts=written.facts, checks=written.checks, not_claims=(),
                       display_folder=path.parent.as_posix())
