"""The limits of the input formats: what a facts file, config, waiver file or report may hold at most.

Files come from many hands and run in CI with the repository's permissions, so every size that could make a run
slow, deep or huge has a documented ceiling; going over one is bad input (one line naming the place, exit 2),
never a hang or an `internal error`. README "Security" lists them; tests/test_limits.py holds each.
"""

from __future__ import annotations

MAX_FORMULA_LENGTH = 10_000
"""Characters in one formula (a sum of a hundred facts with long ids is well under it)."""
MAX_FORMULA_DEPTH = 100
"""Levels of the formula's tree: each pair of parentheses, each minus sign and each term of a chain counts one."""
MAX_DIGITS = 50
"""Digits in one number written in a facts file or a config (a value, a formula's constant, a band)."""
MAX_RESULT_DIGITS = 1_000
"""Digits in a computed figure (numerator or denominator): more means a formula that multiplies without end."""
MAX_TOML_NESTING = 32
"""Levels of arrays and inline tables inside one another in a TOML file."""
MAX_TOML_BYTES = 10_000_000
"""Size of a facts file, config or waiver file."""
MAX_REPORT_BYTES = 2_000_000
"""Size of a report file (a long statistical bulletin is under 200 KB): a larger file is refused, not read."""
MAX_FIGURES = 10_000
"""Figures read in one report (a long bulletin holds a few thousand)."""
