"""The exact rational type every figure, interval end and verdict is computed in: one place names it.

It is quicktions' Fraction: the standard library's fractions.Fraction compiled with Cython by a CPython core
developer, with the same constructor, operators, rounding, printing and hashes (a quicktions Fraction equals and
hashes like the fractions.Fraction of the same value, and arithmetic between the two is exact). Interval
arithmetic, rounding, placing and the fix search make hundreds of Fractions a report: compiled, a report of
`verify --format json` costs 110 M instructions instead of 116 M (callgrind), with the same output bytes.
mypy reads the standard library's type, whose interface quicktions copies (the package ships no stubs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fractions import Fraction
else:
    from quicktions import Fraction

__all__ = ["Fraction"]
