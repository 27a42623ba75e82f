"""target: an annual target implied by progress against it, which must be a whole number of items (LC105)."""

from __future__ import annotations

from laibin_check.kinds._expression import FormulaKind


class Target(FormulaKind):
    """Progress against a target (完成年度目標任務的N%) implies the target, usually not printed
    (`printed = false`); a count target must be a whole number.

    "竣工項目19個, 完成年度目標任務的31.7%" needs a target between 59.84 and 60.03: 60 fits. At 31.9% it would
    need 59.47 to 59.65, which holds no whole number: the figures contradict each other.
    """

    name = "target"
    code = "LC105"
    summary = "a target implied by progress against it (usually printed = false)"
    example = '''[[fact]]
id = "new_projects_target"
printed = false
unit = "個"
measure = "新開工項目年度目標"

[fact.derive]
kind = "target"
formula = "new_projects / new_projects_share"'''


KIND = Target()
