"""ratio: a rate printed in the report is the quotient of the figures it is computed from (LC101)."""

from __future__ import annotations

from laibin_check.kinds._expression import FormulaKind


class Ratio(FormulaKind):
    """A rate such as 問題辦結率 is solved / collected. Every printed figure stands for the interval of values that
    round to it, widened by its qualifier; where a count takes part, some whole number must make the rate round to
    the printed figure (the GRIM test).

    "收集問題380多個, 已解決316個, 問題辦結率83.4%": 380多 is 381 to 389, so 316/380多 is at most 82.9%;
    83.4% needs 379 problems. Inconsistent, with that fix in the receipt.
    """

    name = "ratio"
    code = "LC101"
    summary = "a rate of two figures"
    example = '''[[fact]]
id = "resolution_rate"
quote = "問題辦結率83.4%"
value = "83.4"
unit = "%"
measure = "問題辦結率"

[fact.derive]
kind = "ratio"
formula = "problems_solved / problems_collected"'''


KIND = Ratio()
