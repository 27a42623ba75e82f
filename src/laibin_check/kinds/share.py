"""share: a part's share of its whole (佔…的N%), checked exactly as a ratio is (LC101)."""

from __future__ import annotations

from laibin_check.kinds._expression import FormulaKind


class Share(FormulaKind):
    """A part of a whole, 佔…的N%: the part over the whole, under the ratio rule.

    "規上工業增加值45億元, 佔GDP的27%" with GDP 167.14億元 gives 26.9%, which rounds to 27%: consistent.
    """

    name = "share"
    code = "LC101"
    summary = "a part's share of its whole"
    example = '''[fact.derive]
kind = "share"
formula = "industry_value_added / gdp"'''


KIND = Share()
