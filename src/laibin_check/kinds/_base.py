"""What every relation kind declares: its name, rule code, facts-file keys, the facts it reads, and its check.

A kind is a class with one instance, `KIND`, in its own module of this package. The loader reads a kind's `keys`
to validate a facts file; the engine calls `derive` (for a `[fact.derive]`) or `check` (for a `[[check]]`);
`explain` and `facts` call `describe`; the docs are generated from the class docstring. Nothing outside this
package tests a kind by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NamedTuple, Protocol

if TYPE_CHECKING:
    from laibin_check.derivations import Quantity
    from laibin_check.facts import Check, Derivation, Fact, ReportFacts
    from laibin_check.findings import Finding, Receipt, Severity, Verdict
    from laibin_check.numbers import Printed, Readings
    from laibin_check.report import ReportText, Span
    from laibin_check.units import Unit

Table = Literal["derive", "check"]


class Key(NamedTuple):
    """One key a kind takes in its table of the facts file."""

    name: str
    type: type
    """str, list (of strings) or bool."""
    required: bool = False
    default: Any = None
    doc: str = ""
    """One line for the generated docs."""


class Entry(Protocol):
    """A [fact.derive] (Derivation) or a [[check]] (Check): what a kind reads from the facts file."""

    @property
    def kind(self) -> str: ...
    @property
    def formula(self) -> str: ...
    @property
    def items(self) -> tuple[str, ...]: ...
    @property
    def note(self) -> str: ...


class Context(Protocol):
    """The state of one report's check, as the kinds see it (the engine builds it; kinds read and add)."""

    rf: ReportFacts
    text: ReportText
    readings: Readings
    units: dict[str, Unit]
    printed: dict[str, Printed]
    env: dict[str, Quantity]
    stale: set[str]

    def quote_of(self, fact_id: str) -> Span:
        """The placed quote of a printed fact (only asked for facts not in `stale`)."""
        ...

    def span_of(self, fact_ids: list[str]) -> tuple[Span | None, str]:
        """Where to point for a relation among these facts, and its group."""
        ...

    def quote_span(self, check: Check) -> tuple[Span | None, str]:
        """A check's own quote when it has one, else the place of its facts."""
        ...

    def quote_span_of(self, subject: str, refs: list[str]) -> tuple[Span | None, str]:
        """Where a finding about `subject` (a fact or a check id) points, and its group."""
        ...

    def add(self, code: str, subject: str, span: Span | None, message: str, *,
            severity: Severity | None = None, verdict: Verdict | None = None,
            fact_ids: tuple[str, ...] = (), receipt: Receipt | None = None, group: str = "",
            label: str = "", stated: str = "") -> Finding:
        """Make a finding under `code` and record it."""
        ...


class Kind:
    """Base of every kind; subclasses set the class attributes and override `derive` or `check`."""

    name: ClassVar[str]
    code: ClassVar[str]
    """The rule (rules.py) its findings are filed under."""
    table: ClassVar[Table]
    keys: ClassVar[tuple[Key, ...]] = ()
    """Keys beyond the ones every table has (kind, note, suggested; id, quote, group for a check)."""
    comparison: ClassVar[bool] = False
    """Whether its `formula` is a comparison (a check) rather than an expression."""
    summary: ClassVar[str] = ""
    """One line: what the printed figure or the check is."""
    example: ClassVar[str] = ""
    """A worked example as TOML, for the generated docs/facts-format.md."""

    def validate(self, entry: Mapping[str, Any], fail: Any) -> None:
        """Cross-key rules the key table cannot say; `fail(message, key)` raises at that key."""

    def refs(self, entry: Entry) -> list[str]:
        """The fact ids the relation reads, in order (used for ordering, spans and stale inputs)."""
        return formula_refs(entry.formula) + list(getattr(entry, "facts", ()))

    def derive(self, ctx: Context, fact: Fact) -> None:
        raise NotImplementedError(f"{self.name} is not a derivation kind")

    def check(self, ctx: Context, check: Check) -> None:
        raise NotImplementedError(f"{self.name} is not a check kind")

    def describe(self, entry: Entry) -> str:
        """How `explain` and `facts` show the relation: "ratio: a / b"."""
        return f"{self.name}: {entry.formula}"

    @property
    def doc(self) -> str:
        return _dedent(type(self).__doc__ or "")


def formula_refs(text: str) -> list[str]:
    """Fact ids a formula (or comparison) names, in source order."""
    return list(_formula_refs(text)) if text else []


@lru_cache(maxsize=1024)
def _formula_refs(text: str) -> tuple[str, ...]:
    # Memoised like formula.parse: a run asks for a relation's references in its derivation, its receipt, the
    # stale-input search and the spans, ~26 times per report, and each time walked the parsed tree again.
    from laibin_check import formula as F

    parsed = F.parse(text)
    return tuple(r.name for r in F.references(parsed.left) + F.references(parsed.right))


def derivation_of(fact: Fact) -> Derivation:
    assert fact.derive is not None
    return fact.derive


def _dedent(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)
