"""What a report printed, as reviewed facts: figures, their derivations, other checks and the not-claims."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal, NamedTuple

ClaimKind = Literal["figure", "rank", "record"]

CLAIM_KINDS: tuple[str, ...] = ("figure", "rank", "record")


class Origin(NamedTuple):
    """Where something was written in a facts file, for error messages: path, line, column (1-based)."""

    path: str
    line: int
    column: int = 1


class Derivation(NamedTuple):
    """A [fact.derive]: the kind (a module of laibin_check.kinds) and the keys that kind takes."""

    kind: str
    formula: str = ""
    """Source text of the formula (empty for count)."""
    items: tuple[str, ...] = ()
    partial: bool = False
    facts: tuple[str, ...] = ()
    """Facts the relation reads besides its formula's (a list of figures: ranks, thresholds)."""
    item: str = ""
    """rank: the entity whose place in `items` is printed."""
    of: str = ""
    """rank: the fact holding the ranked entity's own value, among `facts`."""
    order: str = ""
    """rank: "descending" (the largest is first, the default) or "ascending"."""
    op: str = ""
    """passing: the comparison each listed figure is tested with (>, >=, <, <=)."""
    than: str = ""
    """passing: what the listed figures are compared with: an expression (a fact, 1萬億元, 0)."""
    years: str = ""
    """average_growth: the number of years the total growth is spread over."""
    approximate: str = ""
    """Why the relation only holds roughly, or empty."""
    tolerance: str = ""
    """How far an approximate relation may be off ("0.5個百分點", "5%"); within it a failure is a warning."""
    note: str = ""
    suggested: bool = False
    """Proposed by `laibin-check extract` and not yet reviewed by an editor."""
    origin: Origin | None = None
    formula_origin: Origin | None = None
    """Where the formula string starts, so a parse error can point at its column."""


class Fact(NamedTuple):
    id: str
    measure: str
    unit: str
    origin: Origin
    value: str = ""
    """As printed, qualifier included ("380多"); empty for an implied fact."""
    quote: str = ""
    period: str = ""
    group: str = ""
    claim: ClaimKind = "figure"
    printed: bool = True
    note: str = ""
    derive: Derivation | None = None


class Check(NamedTuple):
    id: str
    kind: str
    """A check kind of laibin_check.kinds."""
    origin: Origin
    formula: str = ""
    items: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    op: str = ""
    than: str = ""
    passing: tuple[str, ...] = ()
    """threshold: the facts that pass (the others must not); empty when every listed fact must pass."""
    quote: str = ""
    group: str = ""
    note: str = ""
    suggested: bool = False
    formula_origin: Origin | None = None


class NotClaim(NamedTuple):
    text: str
    reason: str
    origin: Origin
    quote: str = ""
    note: str = ""


class Group(NamedTuple):
    id: str
    title: str


@dataclass(frozen=True)
class ReportFacts:
    """One report folder: its metadata, groups, facts, checks and not-claims."""

    id: str
    title: str
    folder: Path
    report_file: Path
    facts_file: Path
    sha256: str
    groups: tuple[Group, ...]
    facts: tuple[Fact, ...]
    checks: tuple[Check, ...]
    not_claims: tuple[NotClaim, ...]
    display_folder: str
    """The folder as shown to users: relative to the working directory, forward slashes."""

    def fact(self, fact_id: str) -> Fact:
        return self._by_id[fact_id]

    @cached_property
    def _by_id(self) -> dict[str, Fact]:
        # The engine looks facts up for every finding it places (tens of thousands of lookups on a long
        # report): an index, built once, instead of a scan each time. The first fact of an id wins, as before.
        index: dict[str, Fact] = {}
        for f in self.facts:
            index.setdefault(f.id, f)
        return index

    @property
    def display_report(self) -> str:
        return f"{self.display_folder}/{self.report_file.name}"

    @property
    def display_facts(self) -> str:
        return f"{self.display_folder}/{self.facts_file.name}"
