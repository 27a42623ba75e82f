"""difference: a gap between two figures; a gap between two rates is in percentage points (LC102)."""

from __future__ import annotations

from laibin_check.kinds._expression import FormulaKind


class Difference(FormulaKind):
    """A gap between two figures is their difference, and a gap between two rates is in 個百分點.

    "重大項目投資增長95.3%, 超過增長28%目標任務67.3個百分點": 95.3 - 28 = 67.3 exactly, consistent. Printed as
    "67.3%", the same gap is a unit error (LC110).
    """

    name = "difference"
    code = "LC102"
    summary = "a gap between two figures (in 個百分點 when both are rates)"
    example = '''[fact.derive]
kind = "difference"
formula = "major_investment_growth - major_investment_target"'''


KIND = Difference()
