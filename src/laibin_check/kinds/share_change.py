"""share_change: a share's change (佔比提高N個百分點) is the difference of two shares (LC118)."""

from __future__ import annotations

from laibin_check.kinds._expression import FormulaKind


class ShareChange(FormulaKind):
    """佔比提高 (or 下降) N個百分點: this period's share minus the earlier one, in 個百分點. When the earlier share
    is not printed, write it from the levels or from the two growth rates: the part's share grows by the factor
    (1 + part growth) / (1 + whole growth).

    "佔比由25.1%提高到27.3%, 提高了2.5個百分點": 27.3 - 25.1 = 2.2 points, inconsistent.
    """

    name = "share_change"
    code = "LC118"
    summary = "a change of share, in 個百分點"
    example = '''[fact.derive]
kind = "share_change"
formula = "share_2021 - share_2020"'''


KIND = ShareChange()
