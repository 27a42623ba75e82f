"""sum: a total is the sum of its printed parts (LC103)."""

from __future__ import annotations

from laibin_check.kinds._expression import FormulaKind


class Sum(FormulaKind):
    """A total equals the sum of its printed parts, each within its rounding.

    "合計10個, 其中甲4個、乙5個": 4 + 5 = 9, not 10: inconsistent.
    """

    name = "sum"
    code = "LC103"
    summary = "a total of printed parts"
    example = '''[fact.derive]
kind = "sum"
formula = "part_a + part_b + part_c"'''


KIND = Sum()
