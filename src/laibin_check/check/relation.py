"""A relation the wording of a report claims between its figures, and how certain the reading of it is.

A relation is proposed by a rule of the genre (check/rules/) and judged by the engine `verify` uses: it is
written as a fact (a derived figure) or a check, over the printed figures, in the facts-file formula language.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from laibin_check.check.model import Fig

Certainty = Literal["error", "suggestion"]
"""`error`: the wording pins the relation and no other reasonable reading holds. `suggestion`: a likely reading
that an editor should confirm; shown below the failing level."""


class Relation(NamedTuple):
    rule: str
    """The genre rule that proposed it: "share-of-total", "unit-slip" ..."""
    kind: str
    """A derivation kind (share, ratio, difference, sum, growth) or a check kind (equal, bound)."""
    target: Fig | None
    """The stated figure the relation derives (None for a check)."""
    operands: tuple[Fig, ...]
    formula: str
    """Over operand positions: "{0} / {1}", "{0} + {1} <= {2}"; {t} is the target."""
    certainty: Certainty
    why: str
    """The words that name the relation, for the receipt: "占…的 after 17613.2亿元; whole 外贸总值"."""
    confirm: str = ""
    """For a suggestion: what an editor would check to confirm it."""
    claim: str = ""
    """Readings of one claim share this key; the claim fails only when every reading fails."""
    approximate: str = ""
    message: str = ""
    """A lead for the finding's message, replacing the evaluator's generic one when given."""
    items: tuple[str, ...] = ()
    """For a count: the items the text names."""
    partial: bool = False
    """For a count: the list ends in 等, so it may name fewer items than it counts."""
    plain: tuple[int, ...] = ()
    """Operands read as plain numbers, without their unit (a population divided into a total: 897 of 897万人);
    the formula multiplies in their magnitude."""

    @property
    def figs(self) -> tuple[Fig, ...]:
        return ((self.target,) if self.target is not None else ()) + self.operands
