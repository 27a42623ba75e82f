"""bound: a part never exceeds its whole, and other inequalities between figures (LC107)."""

from __future__ import annotations

from laibin_check.kinds._expression import ComparisonKind


class Bound(ComparisonKind):
    """An inequality between figures that must be able to hold: solved ≤ collected, a share ≤ 100%.

    "收集問題300個, 已解決316個": `problems_solved <= problems_collected` cannot hold.
    """

    name = "bound"
    code = "LC107"
    summary = "an inequality between figures (a part never exceeds its whole)"
    example = '''[[check]]
id = "solved_within_collected"
kind = "bound"
formula = "problems_solved <= problems_collected"'''


KIND = Bound()
