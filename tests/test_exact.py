"""The package's exact type (quicktions' compiled Fraction) computes, rounds, prints and hashes exactly as the
standard library's fractions.Fraction, on every operation the engine uses: a faster type, never other verdicts."""

from __future__ import annotations

import fractions
import math
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from laibin_check.exact import Fraction

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)

values = st.fractions(min_value=-10**6, max_value=10**6, max_denominator=10**4)
nonzero = values.filter(bool)


def same(ours: object, theirs: object) -> None:
    """Equal values, and a Fraction result of ours is ours: the engine never falls back to the slow type."""
    assert ours == theirs
    assert str(ours) == str(theirs)
    if isinstance(theirs, fractions.Fraction):
        assert type(ours) is Fraction
        assert hash(ours) == hash(theirs)
        assert repr(ours) == repr(theirs)


def test_the_type_is_the_compiled_one() -> None:
    assert Fraction is not fractions.Fraction
    assert Fraction.__module__ == "quicktions"


@SETTINGS
@given(a=values, b=nonzero, n=st.integers(-3, 3))
def test_arithmetic_and_comparison_agree(a: fractions.Fraction, b: fractions.Fraction, n: int) -> None:
    x, y = Fraction(a), Fraction(b)
    same(x + y, a + b)
    same(x - y, a - b)
    same(x * y, a * b)
    same(x / y, a / b)
    same(x // y, a // b)
    same(x % y, a % b)
    same(-x, -a)
    same(abs(x), abs(a))
    same(y**n, b**n)
    same(x + 3, a + 3)
    same(3 * x, 3 * a)
    same(1 / y, 1 / b)
    assert (x < y, x <= y, x == y, x > y, x >= y) == (a < b, a <= b, a == b, a > b, a >= b)
    assert (x < math.inf, x > -math.inf) == (True, True)
    assert (x.numerator, x.denominator) == (a.numerator, a.denominator)
    assert x.as_integer_ratio() == a.as_integer_ratio()


@SETTINGS
@given(a=values, d=st.integers(0, 4), limit=st.integers(1, 1000))
def test_rounding_and_conversion_agree(a: fractions.Fraction, d: int, limit: int) -> None:
    x = Fraction(a)
    assert (math.floor(x), math.ceil(x), math.trunc(x), int(x), round(x)) == (
        math.floor(a), math.ceil(a), math.trunc(a), int(a), round(a))
    same(round(x, d), round(a, d))
    same(x.limit_denominator(limit), a.limit_denominator(limit))
    assert float(x) == float(a)
    assert bool(x) == bool(a)
    same(Fraction(str(a)), a)
    same(Fraction(Decimal(a.numerator) / Decimal(10**d)), fractions.Fraction(Decimal(a.numerator) / Decimal(10**d)))
    same(Fraction(float(a)), fractions.Fraction(float(a)))
    printed = f"{a.numerator % 10**6}.{d:0{d}d}" if d else str(a.numerator)
    same(Fraction(printed), fractions.Fraction(printed))
