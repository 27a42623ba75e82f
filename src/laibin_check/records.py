"""The typed records the Python API returns (`laibin_check.check_text`): a finding as the JSON format writes it,
and the printed figures it rests on. Plain TypedDicts, importing nothing, so `import laibin_check` can name them
for type checkers without loading `check`."""

from __future__ import annotations

from typing import Any, TypedDict


class FigureRecord(TypedDict):
    """One printed figure a finding rests on."""

    role: str
    """"stated" (the figure the relation recomputes) or "operand"."""
    printed: str
    """As printed, qualifier and unit included: "380多个"."""
    line: int
    column: int
    """1-based, in characters, where the figure's phrase starts."""
    end_column: int


class FindingRecord(TypedDict):
    """A finding as the JSON format writes it (docs/json-format.md), plus the figures it rests on."""

    code: str
    rule: str
    severity: str
    """error | warning | info | none (a check that passed)."""
    verdict: str | None
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    quote: str
    sentence: str
    fingerprint: str
    certainty: str
    """error (the wording pins the relation) or suggestion (a reading to confirm)."""
    check_rule: str
    """The genre rule that proposed the relation: share-of-total, unit-slip ..."""
    figures: list[FigureRecord]
    receipt: dict[str, Any] | None
