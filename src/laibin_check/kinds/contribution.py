"""contribution: a part's pull on the whole's growth in percentage points (拉動N個百分點) (LC117)."""

from __future__ import annotations

from laibin_check.kinds._expression import FormulaKind


class Contribution(FormulaKind):
    """拉動 N個百分點: a part's growth times its share of the whole in the base period, in 個百分點.
    A contribution rate (貢獻率) is that pull over the whole's growth, in %: write it as a `ratio`.

    "工業增長10%, 佔GDP的40%, 拉動GDP增長5個百分點": 10% × 40% = 4 points, inconsistent. The base period's share
    is rarely printed; with this period's share say `approximate` and give a `tolerance`.
    """

    name = "contribution"
    code = "LC117"
    summary = "a part's pull on the whole's growth, in 個百分點 (拉動)"
    example = '''[[fact]]
id = "industry_pull"
quote = "拉動GDP增長4個百分點"
value = "4"
unit = "個百分點"
measure = "工業拉動GDP增長"

[fact.derive]
kind = "contribution"
formula = "industry_growth * industry_share"
approximate = "this year's share stands in for last year's"
tolerance = "0.3個百分點"'''


KIND = Contribution()
