"""growth: a growth rate links two levels, this = last × (1 + g) (LC106)."""

from __future__ import annotations

from laibin_check.kinds._expression import FormulaKind


class Growth(FormulaKind):
    """A growth rate links two levels: this = last × (1 + g). A level the report does not print is implied
    from the other and the rate; printed, it is checked.

    "財政收入22.04億元, 增長20.6%" implies last year's revenue of about 18.28億元. GDP growth is in real
    terms, so a GDP level implied from it is only approximate (say so with `approximate`).
    """

    name = "growth"
    code = "LC106"
    summary = "a level linked to another by a growth rate"
    example = '''[[fact]]
id = "fiscal_revenue_2020"
printed = false
unit = "億元"
measure = "2020年一季度財政收入"

[fact.derive]
kind = "growth"
formula = "fiscal_revenue / (1 + fiscal_revenue_growth)"'''


KIND = Growth()
