"""formula: a figure derived by any formula the grammar can say, when no named kind fits (LC112)."""

from __future__ import annotations

from laibin_check.kinds._expression import FormulaKind


class Formula(FormulaKind):
    """Any expression of the report's figures that recomputes this one, when no named kind says it better.

    "每畝產值1.2萬元" from 產值 and 面積: `output / area`.
    """

    name = "formula"
    code = "LC112"
    summary = "any other expression of the report's figures"
    example = '''[fact.derive]
kind = "formula"
formula = "(a + b) / c"'''


KIND = Formula()
