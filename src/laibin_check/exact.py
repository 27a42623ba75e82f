"""The exact rational type every figure, interval end and verdict is computed in: one place names it.

It is quicktions' Fraction: the standard library's fractions.Fraction compiled with Cython by a CPython core
developer, with the same constructor, operators, rounding, printing and hashes (a quicktions Fraction equals and
hashes like the fractions.Fraction of the same value, and arithmetic between the two is exact). Interval
arithmetic, rounding and placing make hundreds of Fractions a report; in pure Python they cost ~20% of a
report's check (measured alternately on the bundled report, same output bytes: 25.1-27.5 against 28.2-34.6 ms).
mypy reads the standard library's type, whose interface quicktions copies (the package ships no stubs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fractions import Fraction
else:
    from quicktions import Fraction

__all__ = ["Fraction"]
