"""Printed figures as exact intervals: rounding half up, qualifiers, numerals, and interval arithmetic.

Property tests (hypothesis) check soundness: every value a print stands for lies in its interval, and every
pointwise result of interval members lies in the result interval. Explicit tables pin the qualifier readings.
"""

from __future__ import annotations

import math
from fractions import Fraction as Fr

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from laibin_check.derivations import hull
from laibin_check.numbers import (
    INF,
    Ext,
    Interval,
    Readings,
    fmt_interval,
    parse_chinese_numeral,
    parse_printed,
    round_half_up,
)

FAST = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])


# -- strategies -------------------------------------------------------------------------------------

def small_fractions(lo: int = -20, hi: int = 20) -> st.SearchStrategy[Fr]:
    return st.fractions(min_value=lo, max_value=hi, max_denominator=12)


@st.composite
def intervals(draw: st.DrawFn, unbounded: bool = False) -> Interval:
    """A non-empty interval, ends open or closed; with `unbounded`, either end may be infinite."""
    a, b = draw(small_fractions()), draw(small_fractions())
    lo: Ext = min(a, b)
    hi: Ext = max(a, b)
    lo_open, hi_open = draw(st.booleans()), draw(st.booleans())
    if lo == hi:
        lo_open = hi_open = False
    if unbounded:
        if draw(st.booleans()):
            lo = -INF
        if draw(st.booleans()):
            hi = INF
    iv = Interval(lo, hi, lo_open, hi_open)
    assert not iv.empty
    return iv


# Ends are hit often: that is where open and closed flags matter.
positions = st.one_of(st.sampled_from([Fr(0), Fr(1), Fr(1, 2)]), st.fractions(0, 1, max_denominator=16))
offsets = st.fractions(0, 50, max_denominator=8)


def member(iv: Interval, t: Fr, k: Fr) -> Fr | None:
    """A value of the interval picked by position t in [0, 1] (or offset k from a finite end), or None."""
    if iv.bounded:
        x = Fr(iv.lo) + t * (Fr(iv.hi) - Fr(iv.lo))
    elif iv.lo != -INF:
        x = Fr(iv.lo) + k
    elif iv.hi != INF:
        x = Fr(iv.hi) - k
    else:
        x = k - 25
    return x if iv.contains(x) else None


# -- rounding half up and printed precision ---------------------------------------------------------

@FAST
@given(x=st.fractions(min_value=0, max_value=10_000, max_denominator=2000), d=st.integers(0, 3))
def test_a_printed_value_lies_in_its_interval(x: Fr, d: int) -> None:
    printed = round_half_up(x, d)
    p = parse_printed(printed)
    assert p.decimals == d
    assert p.interval.contains(x), (x, printed, p.interval)


@FAST
@given(x=st.fractions(min_value=0, max_value=10_000, max_denominator=2000), d=st.integers(0, 3),
       t=positions)
def test_every_member_of_a_printed_interval_rounds_back_to_the_print(x: Fr, d: int, t: Fr) -> None:
    printed = round_half_up(x, d)
    iv = parse_printed(printed).interval
    y = member(iv, t, Fr(0))
    assume(y is not None)
    assert y is not None
    assert round_half_up(y, d) == printed


@pytest.mark.parametrize(("x", "d", "expected"), [
    (Fr(1, 2), 0, "1"),
    (Fr(5, 2), 0, "3"),
    (Fr(7, 2), 0, "4"),  # half up, not to even
    (Fr(2, 5), 0, "0"),
    (Fr(125, 1000), 2, "0.13"),
    (Fr(8345, 100), 1, "83.5"),
    (Fr(83449, 1000), 1, "83.4"),
    (Fr(8335, 100), 1, "83.4"),
    (Fr(123, 10), 2, "12.30"),
    (Fr(0), 2, "0.00"),
    (Fr(1, 3), 3, "0.333"),
    (Fr(2, 3), 0, "1"),
    (Fr(-1, 2), 0, "-1"),  # magnitudes round half up: -0.5 -> -1
    (Fr(-5, 2), 0, "-3"),
    (Fr(-2, 5), 0, "0"),  # no "-0"
    (Fr(-125, 1000), 2, "-0.13"),
    (Fr(-83449, 1000), 1, "-83.4"),
    (316, 0, "316"),
])
def test_round_half_up(x: Fr | int, d: int, expected: str) -> None:
    assert round_half_up(x, d) == expected


@pytest.mark.parametrize(("x", "d"), [(Fr(-5, 2), 0), (Fr(-1, 2), 0), (Fr(-8345, 100), 1)])
def test_negative_half_lies_in_the_interval_of_its_print(x: Fr, d: int) -> None:
    printed = round_half_up(x, d)
    assert parse_printed(printed).interval.contains(x), (x, printed, parse_printed(printed).interval)


@pytest.mark.parametrize(("text", "lo", "hi", "decimals"), [
    ("83.4", Fr("83.35"), Fr("83.45"), 1),
    ("18", Fr("17.5"), Fr("18.5"), 0),
    ("167.14", Fr("167.135"), Fr("167.145"), 2),
    ("12.30", Fr("12.295"), Fr("12.305"), 2),
    ("12.3", Fr("12.25"), Fr("12.35"), 1),
    ("0.5", Fr("0.45"), Fr("0.55"), 1),
    ("1,234", Fr("1233.5"), Fr("1234.5"), 0),
])
def test_printed_precision_is_half_a_unit_of_the_last_place(text: str, lo: Fr, hi: Fr, decimals: int) -> None:
    p = parse_printed(text)
    assert p.decimals == decimals
    assert p.qualifier is None
    assert p.interval == Interval(lo, hi, False, True)
    assert p.half_unit == Fr(1, 2 * 10**decimals)


def test_trailing_zeros_keep_precision() -> None:
    assert parse_printed("12.30").interval != parse_printed("12.3").interval
    assert parse_printed("12.30").number == parse_printed("12.3").number
    assert parse_printed("12.3").interval.contains(Fr("12.34"))
    assert not parse_printed("12.30").interval.contains(Fr("12.34"))


def test_counts_are_exact() -> None:
    p = parse_printed("316", integer=True)
    assert p.interval == Interval.point(Fr(316))
    assert p.interval.is_point
    assert "count" in p.reading
    # A count printed with decimals is not exact: it is still rounded.
    assert parse_printed("2.5", integer=True).interval == Interval(Fr("2.45"), Fr("2.55"), False, True)
    # Not a count: 316 stands for [315.5, 316.5).
    assert parse_printed("316").interval == Interval(Fr("315.5"), Fr("316.5"), False, True)


# -- qualifiers -------------------------------------------------------------------------------------

QUALIFIERS: list[tuple[str, bool, Ext, Ext, bool, bool, str]] = [
    # text, integer, lo, hi, lo_open, hi_open, qualifier
    ("380多", False, Fr(380), Fr(390), True, True, "多"),
    ("380多", True, Fr(380), Fr(390), True, True, "多"),
    ("30多", False, Fr(30), Fr(40), True, True, "多"),
    ("900多", False, Fr(900), Fr(1000), True, True, "多"),
    ("5多", False, Fr(5), Fr(6), True, True, "多"),
    ("1.5多", False, Fr("1.5"), Fr("1.6"), True, True, "多"),
    ("380餘", False, Fr(380), Fr(390), True, True, "餘"),
    ("380余", False, Fr(380), Fr(390), True, True, "余"),
    ("近400", False, Fr(360), Fr(400), False, True, "近"),
    ("將近400", False, Fr(360), Fr(400), False, True, "將近"),
    ("接近400", False, Fr(360), Fr(400), False, True, "接近"),
    ("近400", True, Fr(360), Fr(400), False, True, "近"),
    ("超過380", False, Fr(380), INF, True, True, "超過"),
    ("逾380", False, Fr(380), INF, True, True, "逾"),
    ("突破380", False, Fr(380), INF, True, True, "突破"),
    ("380以上", False, Fr(380), INF, False, True, "以上"),
    ("380以下", False, -INF, Fr(380), True, False, "以下"),
    ("380以下", True, Fr(0), Fr(380), False, False, "以下"),  # a count is never negative
    ("不到380", False, -INF, Fr(380), True, True, "不到"),
    ("不到380", True, Fr(0), Fr(380), False, True, "不到"),
    ("不足380", False, -INF, Fr(380), True, True, "不足"),
    ("不足380", True, Fr(0), Fr(380), False, True, "不足"),
    ("約400", False, Fr(380), Fr(420), False, False, "約"),  # ± 5% by default
    ("大約400", False, Fr(380), Fr(420), False, False, "大約"),
    ("400左右", False, Fr(380), Fr(420), False, False, "左右"),
    ("400上下", False, Fr(380), Fr(420), False, False, "上下"),
    ("380左右", True, Fr(361), Fr(399), False, False, "左右"),
    ("約0.1", False, Fr("0.05"), Fr("0.15"), False, False, "約"),  # never narrower than the rounding
]


@pytest.mark.parametrize(("text", "integer", "lo", "hi", "lo_open", "hi_open", "qualifier"), QUALIFIERS,
                         ids=[f"{q[0]}{'-count' if q[1] else ''}" for q in QUALIFIERS])
def test_qualifier_readings(text: str, integer: bool, lo: Ext, hi: Ext, lo_open: bool, hi_open: bool,
                            qualifier: str) -> None:
    p = parse_printed(text, integer=integer)
    assert p.qualifier == qualifier
    iv = p.interval
    assert (iv.lo, iv.hi, iv.lo_open, iv.hi_open) == (lo, hi, lo_open, hi_open)
    assert qualifier in p.reading


def test_qualifier_bare_number() -> None:
    assert parse_printed("380多").number == 380
    assert parse_printed("近400").number == 400
    assert parse_printed("超過380").number == 380


def test_more_on_a_count_holds_381_to_389() -> None:
    assert parse_printed("380多", integer=True).interval.integers() == list(range(381, 390))


def test_readings_are_settable() -> None:
    r = Readings(near_band=Fr(1, 5), about_tolerance=Fr(1, 10))
    assert parse_printed("近400", readings=r).interval == Interval(Fr(320), Fr(400), False, True)
    assert parse_printed("約400", readings=r).interval == Interval(Fr(360), Fr(440))
    assert "20%" in parse_printed("近400", readings=r).reading
    assert "10%" in parse_printed("約400", readings=r).reading


def test_default_readings() -> None:
    assert Readings().near_band == Fr(1, 10)
    assert Readings().about_tolerance == Fr(1, 20)


@pytest.mark.parametrize("text", ["", "abc", "近", "多", "超過380多", "1.2.3", "三a", "三十多個"])
def test_unreadable_values_raise(text: str) -> None:
    with pytest.raises(ValueError):
        parse_printed(text)


# -- full-width digits and Chinese numerals ---------------------------------------------------------

def test_full_width_digits() -> None:
    p = parse_printed("８３．４")
    assert (p.number, p.decimals) == (Fr("83.4"), 1)
    assert p.interval == parse_printed("83.4").interval
    assert parse_printed("３８０多").interval == Interval(Fr(380), Fr(390), True, True)
    assert parse_printed("３１６", integer=True).interval == Interval.point(Fr(316))


@pytest.mark.parametrize(("text", "value"), [
    ("三", 3), ("十", 10), ("十四", 14), ("二十", 20), ("一百零五", 105), ("兩萬", 20_000), ("两万", 20_000),
    ("一千零一", 1001), ("兩千零二十一", 2021), ("一億五千萬", 150_000_000), ("〇", 0), ("九十九", 99),
])
def test_chinese_numerals(text: str, value: int) -> None:
    assert parse_chinese_numeral(text) == value
    p = parse_printed(text, integer=True)
    assert p.interval == Interval.point(Fr(value))
    assert p.decimals == 0


@pytest.mark.parametrize("text", ["", "三a", "abc", "3"])
def test_not_chinese_numerals(text: str) -> None:
    with pytest.raises(ValueError):
        parse_chinese_numeral(text)


def test_chinese_numeral_with_qualifier_and_rank() -> None:
    assert parse_printed("三十多").interval == Interval(Fr(30), Fr(40), True, True)
    assert parse_printed("三").interval == Interval(Fr("2.5"), Fr("3.5"), False, True)  # 三成 = [25%, 35%)
    assert parse_printed("第四", integer=True).number == 4


# -- interval arithmetic: soundness -----------------------------------------------------------------

@FAST
@given(a=intervals(unbounded=True), b=intervals(unbounded=True), ta=positions, tb=positions, ka=offsets,
       kb=offsets)
def test_add_and_sub_contain_every_pointwise_result(a: Interval, b: Interval, ta: Fr, tb: Fr, ka: Fr,
                                                    kb: Fr) -> None:
    x, y = member(a, ta, ka), member(b, tb, kb)
    assume(x is not None and y is not None)
    assert x is not None and y is not None
    assert (a + b).contains(x + y), (a, b, x, y, a + b)
    assert (a - b).contains(x - y), (a, b, x, y, a - b)
    assert (-a).contains(-x)


@FAST
@given(a=intervals(), b=intervals(), ta=positions, tb=positions)
def test_mul_contains_every_pointwise_result(a: Interval, b: Interval, ta: Fr, tb: Fr) -> None:
    x, y = member(a, ta, Fr(0)), member(b, tb, Fr(0))
    assume(x is not None and y is not None)
    assert x is not None and y is not None
    assert (a * b).contains(x * y), (a, b, x, y, a * b)


@FAST
@given(a=intervals(), b=intervals(), ta=positions, tb=positions)
def test_div_contains_every_pointwise_result(a: Interval, b: Interval, ta: Fr, tb: Fr) -> None:
    assume(not b.contains(0) and not (b.lo < 0 < b.hi))
    x, y = member(a, ta, Fr(0)), member(b, tb, Fr(0))
    assume(x is not None and y is not None)
    assert x is not None and y is not None
    assert (a / b).contains(x / y), (a, b, x, y, a / b)


@FAST
@given(a=intervals(), b=intervals())
def test_closed_products_reach_their_ends(a: Interval, b: Interval) -> None:
    """Tightness: with all ends closed, the product's ends are products of ends, and are closed."""
    a, b = Interval(a.lo, a.hi), Interval(b.lo, b.hi)
    ends = [Fr(p) * Fr(q) for p in (a.lo, a.hi) for q in (b.lo, b.hi)]
    assert a * b == Interval(min(ends), max(ends))


@pytest.mark.parametrize(("a", "b", "expected"), [
    (Interval(Fr(0), Fr(1)), Interval(Fr(2), Fr(3), True, True), Interval(Fr(0), Fr(3), False, True)),
    (Interval(Fr(-1), Fr(0)), Interval(Fr(0), INF, True, True), Interval(-INF, Fr(0), True, False)),
    (Interval(Fr(1), Fr(2), True, True), Interval(Fr(0), INF), Interval(Fr(0), INF, False, True)),
])
def test_mul_with_a_closed_zero_end_keeps_zero(a: Interval, b: Interval, expected: Interval) -> None:
    assert (a * b).contains(0)
    assert a * b == expected


@pytest.mark.parametrize("iv", [
    Interval(Fr(0), Fr(1)),
    Interval(Fr(-1), Fr(0)),
    Interval(Fr(-1), Fr(1), True, True),
    Interval(Fr(-1), Fr(0), False, False),
    Interval.point(Fr(0)),
    Interval(-INF, INF),
    Interval(Fr(2), Fr(1)),  # empty
])
def test_reciprocal_of_an_interval_holding_zero_raises(iv: Interval) -> None:
    with pytest.raises(ZeroDivisionError):
        iv.reciprocal()
    with pytest.raises(ZeroDivisionError):
        Interval.point(Fr(1)) / iv


@pytest.mark.parametrize(("iv", "expected"), [
    (Interval(Fr(2), Fr(4)), Interval(Fr(1, 4), Fr(1, 2))),
    (Interval(Fr(2), Fr(4), True, False), Interval(Fr(1, 4), Fr(1, 2), False, True)),
    (Interval(Fr(0), Fr(2), True, False), Interval(Fr(1, 2), INF, False, True)),
    (Interval(Fr(-2), Fr(0), False, True), Interval(-INF, Fr(-1, 2), True, False)),
    (Interval(Fr(1), INF, True, True), Interval(Fr(0), Fr(1), True, True)),
    (Interval(-INF, Fr(-2)), Interval(Fr(-1, 2), Fr(0), False, True)),
])
def test_reciprocal(iv: Interval, expected: Interval) -> None:
    assert iv.reciprocal() == expected


def test_exact_arithmetic_has_no_float_error() -> None:
    diff = parse_printed("95.3").interval - parse_printed("28").interval
    assert diff == Interval(Fr("66.75"), Fr("67.85"), True, True)
    point = Interval.point(Fr("95.3")) - Interval.point(Fr("28"))
    assert point == Interval.point(Fr("67.3"))


def test_infinite_ends_are_always_open() -> None:
    iv = Interval(-INF, INF, False, False)
    assert iv.lo_open and iv.hi_open
    assert not iv.bounded
    assert iv.midpoint is None


# -- whole numbers and hull -------------------------------------------------------------------------

@pytest.mark.parametrize(("iv", "expected"), [
    (Interval(Fr(1), Fr(3)), [1, 2, 3]),
    (Interval(Fr(1), Fr(3), True, True), [2]),
    (Interval(Fr(1), Fr(3), False, True), [1, 2]),
    (Interval(Fr("0.5"), Fr("0.9")), []),
    (Interval(Fr("59.84"), Fr("60.03"), True, False), [60]),
    (Interval(Fr("59.47"), Fr("59.65"), True, False), []),
    (Interval(Fr(-2), Fr("-0.5")), [-2, -1]),
    (Interval(Fr(2), Fr(1)), []),
    (Interval(Fr(1), INF), None),
    (Interval(-INF, Fr(1)), None),
    (Interval(Fr(0), Fr(10**6)), None),  # more than the limit
])
def test_integers(iv: Interval, expected: list[int] | None) -> None:
    assert iv.integers() == expected


def test_integers_limit() -> None:
    assert Interval(Fr(0), Fr(9)).integers(limit=10) == list(range(10))
    assert Interval(Fr(0), Fr(10)).integers(limit=10) is None


@pytest.mark.parametrize(("iv", "expected"), [
    (Interval(Fr("59.84"), Fr("60.03"), True, False), True),
    (Interval(Fr("59.47"), Fr("59.65"), True, False), False),
    (Interval(Fr(60), Fr(61), True, True), False),
    (Interval(Fr(60), Fr(61), False, True), True),
    (Interval(Fr(0), Fr(10**6)), True),
    (Interval(Fr(0), INF, True), True),
    (Interval(Fr(2), Fr(1)), False),
])
def test_has_integer(iv: Interval, expected: bool) -> None:
    assert iv.has_integer() is expected


@FAST
@given(iv=intervals())
def test_integers_agree_with_contains(iv: Interval) -> None:
    ints = iv.integers()
    assert ints is not None
    lo, hi = math.floor(iv.lo) - 1, math.ceil(iv.hi) + 1
    assert ints == [n for n in range(lo, hi + 1) if iv.contains(n)]
    assert iv.has_integer() is bool(ints)


def test_hull() -> None:
    assert hull([]) is None
    one = Interval(Fr(1), Fr(2), True, False)
    assert hull([one]) == one
    assert hull([Interval(Fr(1), Fr(2), False, True), Interval(Fr(2), Fr(3), True, False)]) == Interval(
        Fr(1), Fr(3))
    # at equal ends the closed one wins
    assert hull([Interval(Fr(1), Fr(2), True, False), Interval(Fr(1), Fr(2), False, True)]) == Interval(
        Fr(1), Fr(2))
    assert hull([Interval(Fr(1), Fr(2)), Interval(Fr(1), Fr(3), True, True)]) == Interval(
        Fr(1), Fr(3), False, True)
    assert hull([Interval.point(Fr(5)), Interval(-INF, Fr(0))]) == Interval(-INF, Fr(5), True, False)


@FAST
@given(ivs=st.lists(intervals(unbounded=True), min_size=1, max_size=5), t=positions, k=offsets)
def test_hull_contains_every_member(ivs: list[Interval], t: Fr, k: Fr) -> None:
    h = hull(ivs)
    assert h is not None
    for iv in ivs:
        x = member(iv, t, k)
        if x is not None:
            assert h.contains(x)
        assert h.lo <= iv.lo and h.hi >= iv.hi


# -- printing intervals -----------------------------------------------------------------------------

@pytest.mark.parametrize(("iv", "decimals", "expected"), [
    (Interval(Fr(380), Fr(390), True, True), 0, "(380, 390)"),
    (Interval(Fr(380), Fr(390), True, True), 2, "(380, 390)"),  # whole ends are not padded
    (Interval(Fr("83.35"), Fr("83.45"), False, True), 2, "[83.35, 83.45)"),
    (Interval(Fr("66.75"), Fr("67.85"), True, True), 2, "(66.75, 67.85)"),
    (Interval(Fr(316, 389), Fr(316, 381)), 4, "[0.8123, 0.8294]"),
    (Interval.point(Fr(316)), 2, "316"),
    (Interval.point(Fr("12.5")), 1, "12.5"),
    (Interval.point(Fr(1, 3)), 2, "0.33"),
    (Interval(Fr(380), INF, True, True), 0, "(380, ∞)"),
    (Interval(-INF, Fr(380), True, False), 0, "(-∞, 380]"),
    (Interval(Fr(0), Fr(380), False, True), 0, "[0, 380)"),
    (Interval(Fr(2), Fr(1)), 0, "∅"),
    (Interval(Fr(1), Fr(1), True, False), 0, "∅"),
])
def test_fmt_interval(iv: Interval, decimals: int, expected: str) -> None:
    assert fmt_interval(iv, decimals) == expected


def test_reading_text_shows_the_interval() -> None:
    assert parse_printed("83.4").reading == "83.4 rounded half up: [83.35, 83.45)"
    assert parse_printed("380多").reading == "多: more than 380, less than 390"
    assert parse_printed("316", integer=True).reading == "exactly 316 (a count)"


_ENDS = st.fractions(min_value=-50, max_value=50, max_denominator=12) | st.sampled_from([Fr(0), Fr(1), Fr(-1)])


@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    lo, hi = sorted((draw(_ENDS), draw(_ENDS)))
    lo_end: Ext = -math.inf if draw(st.integers(0, 9)) == 0 else lo
    hi_end: Ext = math.inf if draw(st.integers(0, 9)) == 0 else hi
    return Interval(lo_end, hi_end, draw(st.booleans()), draw(st.booleans()))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_intervals(), _intervals(), _ENDS)
def test_fast_products_are_the_general_product(x: Interval, y: Interval, factor: Fr) -> None:
    # The closed, bounded product and the positive scale skip the general case analysis; they must agree.
    assert x * y == x._product(y)
    assert x.scale(factor) == x._product(Interval.point(factor))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_intervals(), _intervals(), _ENDS, _ENDS)
def test_fast_quotients_and_points_are_the_general_case(x: Interval, y: Interval, p: Fr, q: Fr) -> None:
    # Points (one object for both ends) multiply, divide and scale with one exact operation, and a divisor on one
    # side of zero inverts without the case analysis; each must give what the general case gives.
    px, py = Interval.point(p), Interval.point(q)
    assert px * py == px._product(py)
    assert px.scale(q) == px._product(Interval.point(q))
    if q != 0:
        assert px / py == px._product(py._reciprocal())
        assert px / py == Interval(p / q, p / q)
    else:
        with pytest.raises(ZeroDivisionError):
            px / py
    try:
        general = y._reciprocal()
    except ZeroDivisionError:
        with pytest.raises(ZeroDivisionError):
            y.reciprocal()
    else:
        assert y.reciprocal() == general
        assert x / y == x._product(general)
    assert x.meets(y) == (not x.intersect(y).empty)
    assert px.meets(y) == (not px.intersect(y).empty)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_ENDS, st.integers(0, 4), st.booleans(), st.booleans())
def test_a_point_prints_exactly_when_it_has_no_more_places(x: Fr, decimals: int, lo_open: bool,
                                                            hi_open: bool) -> None:
    # fmt_interval tells an exact print by the denominator instead of reading the text back.
    text = fmt_interval(Interval.point(x), decimals)
    if Fr(round_half_up(x, decimals)) == x:
        assert Fr(text) == x and (text == str(int(x)) if x.denominator == 1 else True)
    else:
        assert text == round_half_up(x, decimals)
    assert Interval(x, x, lo_open, hi_open).is_point == (not (lo_open or hi_open))


@FAST
@given(iv=intervals(unbounded=True), data=st.data())
def test_contains_is_the_comparison_of_ends(iv: Interval, data: st.DataObject) -> None:
    """contains' whole-number fast path (exact ends and value) answers as comparing the ends does, at the ends
    too, where the open and closed flags decide."""
    x = data.draw(st.one_of(small_fractions(-25, 25), st.integers(-25, 25),
                            st.sampled_from([e for e in (iv.lo, iv.hi) if type(e) is Fr] or [Fr(0)])))
    above = x > iv.lo or (x == iv.lo and not iv.lo_open)
    below = x < iv.hi or (x == iv.hi and not iv.hi_open)
    assert iv.contains(x) == (above and below)


@FAST
@given(a=intervals(unbounded=True), b=intervals(unbounded=True))
def test_meets_and_empty_are_the_comparisons_of_ends(a: Interval, b: Interval) -> None:
    """meets, intersect and empty order exact ends by whole-number products (numbers._order): they answer as the
    comparisons of the ends do, equal ends included."""
    lo, lo_open = max((a.lo, not a.lo_open), (b.lo, not b.lo_open))
    hi, hi_open = min((a.hi, a.hi_open), (b.hi, b.hi_open))
    lo_open = not lo_open
    if a.lo == b.lo:
        lo_open = a.lo_open or b.lo_open
    if a.hi == b.hi:
        hi_open = a.hi_open or b.hi_open
    empty = lo > hi or (lo == hi and (lo_open or hi_open))
    assert a.meets(b) == (not empty)
    both = a.intersect(b)
    assert (both.lo, both.hi, both.lo_open, both.hi_open) == (lo, hi, lo_open or type(lo) is float,
                                                              hi_open or type(hi) is float)
    assert both.empty == empty
