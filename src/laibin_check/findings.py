"""The result records every reporter reads: plain, immutable values (strings and ints), no intervals or units.

NamedTuples rather than frozen dataclasses: every run imports this module, and six dataclasses cost ~3 ms to
build at import (generated methods), NamedTuples ~1.5 ms. Change one with `record._replace(field=value)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from hashlib import _Hash

Severity = Literal["error", "warning", "info", "none"]
"""`none` marks a check that passed: shown in tables, JSON and JUnit, never counted against the gate."""

Verdict = Literal["consistent", "inconsistent", "implied", "unverifiable"]

SEVERITY_ORDER: dict[str, int] = {"none": 0, "info": 1, "warning": 2, "error": 3}


class Input(NamedTuple):
    """One input of a recomputation, as the receipt shows it."""

    fact_id: str
    printed: str
    """The figure as printed, with qualifier and unit: "380多個"."""
    interval: str
    """What the printed figure stands for: "(380, 390) 個"."""
    reading: str
    """The rule that turned the print into the interval: "多: more than 380, less than 390"."""


class Receipt(NamedTuple):
    """Why a check came out as it did: enough for an editor to redo it by hand."""

    formula: str
    inputs: tuple[Input, ...]
    recomputed: str
    """The recomputed interval, in the stated figure's unit."""
    stated: str
    """The stated figure's interval, or "" for an implied figure."""
    suggestions: tuple[str, ...] = ()
    """The smallest change to each input (or to the stated figure) that would make the check consistent."""
    notes: tuple[str, ...] = ()
    """Caveats: "GDP growth is real, so the implied level is approximate", "consistent only within rounding"."""


class Waiver(NamedTuple):
    """An editor's deliberate acceptance of one finding, from a reviewed waivers file."""

    reason: str
    accepted_by: str
    expires: str
    source: str
    """Where the waiver is written: "facts/laibin-2021q1/waivers.toml:3"."""


class Finding(NamedTuple):
    """One result of the run: a check with its verdict, or a problem found in the text or the facts."""

    code: str
    """Stable rule code, such as "LC101"; `laibin-check rule CODE` documents it."""
    rule: str
    """Readable rule name, such as "ratio"."""
    severity: Severity
    message: str
    report: str
    """The report id (its folder name under facts/)."""
    path: str
    """The file the place refers to, relative and with forward slashes (usually the report text)."""
    line: int
    column: int
    """1-based; columns are counted in characters (Unicode code points), not bytes."""
    end_line: int = 0
    end_column: int = 0
    """End of the span, exclusive; 0 when unknown."""
    fact_ids: tuple[str, ...] = ()
    verdict: Verdict | None = None
    group: str = ""
    """The section of the report the finding belongs to, so editors read findings in report order."""
    quote: str = ""
    """The exact text at fault."""
    sentence: str = ""
    """The whole sentence of the report that holds the quote."""
    receipt: Receipt | None = None
    suggestion: str | None = None
    """Replacement text for the span, when the tool knows it (text hygiene)."""
    waiver: Waiver | None = None
    key: str = ""
    """A stable identity for findings without facts (hygiene, coverage): "區(qū)#3", the 3rd such artifact."""
    extra: tuple[tuple[str, str], ...] = ()
    """Further key/value facts a reporter may show (sorted pairs, to stay hashable and deterministic)."""

    @property
    def waived(self) -> bool:
        return self.waiver is not None

    @property
    def fingerprint(self) -> str:
        """Stable across edits that move lines: built from the rule, the report and the facts or quote."""
        return _fingerprint(f"{self.code}|{self.report}|{self.key or ','.join(self.fact_ids) or self.quote}")

    @property
    def sort_key(self) -> tuple[str, str, int, int, str, tuple[str, ...]]:
        return (self.report, self.path, self.line, self.column, self.code, self.fact_ids)


class ReportResult(NamedTuple):
    """Everything checked for one report."""

    report_id: str
    title: str
    path: str
    """The report text, relative, forward slashes."""
    groups: tuple[tuple[str, str], ...]
    """(group id, title) in reading order."""
    findings: tuple[Finding, ...]
    facts_count: int
    sha256: str
    text: str = ""
    """The report's text as read (decoded), for formats that show it in place (html); "" when not kept.
    A finding's line and columns index into it: lines split at "\n", columns count code points from 1."""
    figures: tuple[tuple[str, int, int], ...] = ()
    """(fact id, start, end): where each placed fact's printed value lies in `text`, as code-point offsets
    (end exclusive), sorted by fact id; lets a page mark every claimed figure and the ones a check rests on."""


class RunResult(NamedTuple):
    """The whole run: what every reporter renders."""

    reports: tuple[ReportResult, ...]
    tool_version: str

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for r in self.reports for f in r.findings)


def _fingerprint(raw: str) -> str:
    # Not remembered: a run asks once per finding and output (the order asks only to break a last tie), and a
    # cache that misses on every new finding cost more than the sha256 itself (1.0-1.5 against 0.6-0.8 ms for
    # the bundled report's 426 findings, interleaved timing). hashlib loads on the first call: commands that
    # print no finding do not pay for OpenSSL.
    global _sha256
    if _sha256 is None:
        import hashlib

        _sha256 = hashlib.sha256
    return _sha256(raw.encode("utf-8")).hexdigest()[:16]


_sha256: Callable[[bytes], _Hash] | None = None
