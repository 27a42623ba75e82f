"""Printed figures as exact intervals: precision, qualifiers (多, 近, 約 ...), Chinese numerals, interval arithmetic.

Every figure a report prints stands for the set of values that round to it (四捨五入, round half up), widened by its
qualifier. Arithmetic is exact (fractions.Fraction); the only float ever used is math.inf, as the end of an
unbounded interval ("超過380" has no upper end).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

Ext = Fraction | float
"""An interval end: an exact Fraction, or ±math.inf for an unbounded end."""

INF = math.inf


@dataclass(frozen=True)
class Interval:
    """A set of reals between lo and hi; each end is closed unless flagged open. Ends may be ±inf (always open)."""

    lo: Ext
    hi: Ext
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self) -> None:
        # Ends are Fractions or ±inf floats; testing the type first spares Fraction.__eq__ a float conversion.
        if type(self.lo) is float and not self.lo_open:
            object.__setattr__(self, "lo_open", True)
        if type(self.hi) is float and not self.hi_open:
            object.__setattr__(self, "hi_open", True)

    # -- construction -------------------------------------------------------------------------------------
    @staticmethod
    def point(x: Fraction | int) -> Interval:
        # One object for both ends: products and quotients of points (every GRIM combination) tell a point by
        # identity, without comparing Fractions.
        f = x if type(x) is Fraction else Fraction(x)
        return Interval(f, f)

    # -- predicates ---------------------------------------------------------------------------------------
    @property
    def empty(self) -> bool:
        if self.lo is self.hi:
            return self.lo_open or self.hi_open
        order = _order(self.lo, self.hi)
        return order > 0 or (order == 0 and (self.lo_open or self.hi_open))

    @property
    def bounded(self) -> bool:
        return type(self.lo) is not float and type(self.hi) is not float

    @property
    def is_point(self) -> bool:
        if self.lo is self.hi:
            return not (self.lo_open or self.hi_open)
        return _order(self.lo, self.hi) == 0 and not (self.lo_open or self.hi_open)

    def contains(self, x: Ext | int) -> bool:
        above = _order(x, self.lo)  # exact ends and value (every GRIM result) by whole-number products
        if above < 0 or (above == 0 and self.lo_open):
            return False
        below = _order(self.hi, x)
        return below > 0 or (below == 0 and not self.hi_open)

    def intersect(self, other: Interval) -> Interval:
        return Interval(*self._common_bounds(other))

    def meets(self, other: Interval) -> bool:
        """`not self.intersect(other).empty`, without building the intersection (asked thousands of times)."""
        if self.lo is self.hi and not (self.lo_open or self.hi_open):
            return other.contains(self.lo)  # a point (every GRIM result) meets what holds it: two comparisons
        lo, hi, lo_open, hi_open = self._common_bounds(other)
        order = _order(lo, hi)
        return order < 0 or (order == 0 and not (lo_open or hi_open))

    def _common_bounds(self, other: Interval) -> tuple[Ext, Ext, bool, bool]:
        """(lo, hi, lo_open, hi_open) of the intersection: the higher low end and the lower high end, an end open
        where either interval's is."""
        order = _order(self.lo, other.lo)
        if order > 0:
            lo, lo_open = self.lo, self.lo_open
        elif order < 0:
            lo, lo_open = other.lo, other.lo_open
        else:
            lo, lo_open = self.lo, self.lo_open or other.lo_open
        order = _order(self.hi, other.hi)
        if order < 0:
            hi, hi_open = self.hi, self.hi_open
        elif order > 0:
            hi, hi_open = other.hi, other.hi_open
        else:
            hi, hi_open = self.hi, self.hi_open or other.hi_open
        return lo, hi, lo_open, hi_open

    def integers(self, limit: int = 100_000) -> list[int] | None:
        """The whole numbers inside, or None when unbounded or more than `limit` of them."""
        if not self.bounded or self.empty:
            return None if not self.bounded else []
        first = math.ceil(self.lo)
        if first == self.lo and self.lo_open:
            first += 1
        last = math.floor(self.hi)
        if last == self.hi and self.hi_open:
            last -= 1
        if last - first + 1 > limit:
            return None
        return list(range(first, last + 1))

    def has_integer(self) -> bool:
        ints = self.integers(limit=1)
        if ints is None:  # unbounded or wide: some integer is surely inside unless empty
            return not self.empty
        return bool(ints)

    @property
    def midpoint(self) -> Fraction | None:
        if not self.bounded:
            return None
        return (Fraction(self.lo) + Fraction(self.hi)) / 2

    # -- arithmetic ---------------------------------------------------------------------------------------
    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, self.hi_open, self.lo_open)

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            _add(self.lo, other.lo), _add(self.hi, other.hi),
            self.lo_open or other.lo_open, self.hi_open or other.hi_open,
        )

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        a, b, c, d = self.lo, self.hi, other.lo, other.hi
        if (a is b and c is d and type(a) is Fraction and type(c) is Fraction
                and not (self.lo_open or self.hi_open or other.lo_open or other.hi_open)):
            # Two points (Interval.point: one object for both ends): one product instead of four.
            p = a * c
            return Interval(p, p)
        if (type(a) is Fraction and type(b) is Fraction and type(c) is Fraction and type(d) is Fraction
                and not (self.lo_open or self.hi_open or other.lo_open or other.hi_open)):
            # Closed and bounded, nearly every product the engine takes: every end is reached, none is open.
            products = (a * c, a * d, b * c, b * d)
            return Interval(min(products), max(products))
        if (type(a) is Fraction and type(b) is Fraction and type(c) is Fraction and type(d) is Fraction
                and a.numerator and b.numerator and c.numerator and d.numerator):
            # Bounded with an open end and no zero end (380多 in a quotient): an end of the product is open
            # unless some pair of closed ends reaches it, as in the general case, without its zero and ∞ tests.
            lo_open, hi_open, olo_open, ohi_open = self.lo_open, self.hi_open, other.lo_open, other.hi_open
            ends = ((a * c, lo_open or olo_open), (a * d, lo_open or ohi_open),
                    (b * c, hi_open or olo_open), (b * d, hi_open or ohi_open))
            lo = min(v for v, _ in ends)
            hi = max(v for v, _ in ends)
            return Interval(lo, hi, all(o for v, o in ends if v == lo), all(o for v, o in ends if v == hi))
        return self._product(other)

    def _product(self, other: Interval) -> Interval:
        """The product of any two intervals (open ends, unbounded ends, zeros)."""
        candidates = [
            (_mul(a, b), ao or bo, a, ao, b, bo)
            for a, ao in ((self.lo, self.lo_open), (self.hi, self.hi_open))
            for b, bo in ((other.lo, other.lo_open), (other.hi, other.hi_open))
        ]
        lo = min(c[0] for c in candidates)
        hi = max(c[0] for c in candidates)
        # An end is closed when some pair of ends reaches it: both closed, or a closed zero (0 times any member of
        # the other, non-empty interval is 0).
        lo_open = all(_open_product(o, a, ao, b, bo) for v, o, a, ao, b, bo in candidates if v == lo)
        hi_open = all(_open_product(o, a, ao, b, bo) for v, o, a, ao, b, bo in candidates if v == hi)
        return Interval(lo, hi, lo_open, hi_open)

    def reciprocal(self) -> Interval:
        lo, hi = self.lo, self.hi
        if (type(lo) is Fraction and type(hi) is Fraction and (lo.numerator > 0 or hi.numerator < 0)
                and not self.empty):
            # Bounded, non-empty and on one side of zero, nearly every divisor: the ends swap, each inverted
            # exactly; the integer signs spare the comparisons with zero below.
            return Interval(_recip(hi), _recip(lo), self.hi_open, self.lo_open)
        return self._reciprocal()

    def _reciprocal(self) -> Interval:
        """The reciprocal of any interval (unbounded ends, a zero end); ZeroDivisionError when it holds zero."""
        if self.contains(0) or (self.lo < 0 < self.hi) or self.empty:
            raise ZeroDivisionError("interval contains zero")
        if self.lo == 0 or self.hi == 0:
            # (0, h] -> [1/h, inf); [l, 0) -> (-inf, 1/l]
            if self.lo == 0:
                return Interval(_recip(self.hi), INF, self.hi_open, True)
            return Interval(-INF, _recip(self.lo), True, self.lo_open)
        return Interval(_recip(self.hi), _recip(self.lo), self.hi_open, self.lo_open)

    def __truediv__(self, other: Interval) -> Interval:
        a, c = self.lo, other.lo
        if (a is self.hi and c is other.hi and type(a) is Fraction and type(c) is Fraction and c.numerator
                and not (self.lo_open or self.hi_open or other.lo_open or other.hi_open)):
            # A point by a non-zero point (every GRIM combination): one exact quotient.
            q = a / c
            return Interval(q, q)
        return self * other.reciprocal()

    def scale(self, factor: Fraction) -> Interval:
        f = factor if type(factor) is Fraction else Fraction(factor)
        if (self.lo is self.hi and type(self.lo) is Fraction and f.numerator > 0
                and not (self.lo_open or self.hi_open)):
            p = self.lo * f  # a point stays one object (see `point`)
            return Interval(p, p)
        if (f.numerator > 0 and type(self.lo) is Fraction and type(self.hi) is Fraction
                and (not (self.lo_open or self.hi_open) or self.lo < self.hi)):
            # A positive factor keeps each end where it is, open or closed (what the product below gives); a
            # factor of 1 (every unit without a magnitude) keeps the interval itself.
            if f.numerator == f.denominator:
                return self
            return Interval(self.lo * f, self.hi * f, self.lo_open, self.hi_open)
        return self._product(Interval.point(f))


def _order(a: Ext, b: Ext) -> int:
    """The sign of a - b (1, 0 or -1). Two Fractions by whole-number products, denominators being positive: a
    Fraction comparison first asks whether the other side is a numbers.Rational, an abstract-class check that cost
    more than the products (meets and empty order ends thousands of times a report)."""
    if type(a) is Fraction and type(b) is Fraction:
        d = a.numerator * b.denominator - b.numerator * a.denominator
        return (d > 0) - (d < 0)
    return (a > b) - (a < b)


def _open_product(either_open: bool, a: Ext, a_open: bool, b: Ext, b_open: bool) -> bool:
    if (a == 0 and not a_open) or (b == 0 and not b_open):
        return False
    return either_open


def _inf(x: Ext) -> bool:
    """Whether an end is ±inf: the only floats an interval holds (math.isinf would convert every Fraction)."""
    return type(x) is float


def _add(a: Ext, b: Ext) -> Ext:
    if _inf(a) or _inf(b):
        return a if _inf(a) else b
    return _exact(a) + _exact(b)


def _mul(a: Ext, b: Ext) -> Ext:
    if a == 0 or b == 0:
        return Fraction(0)
    if _inf(a) or _inf(b):
        return INF if (a > 0) == (b > 0) else -INF
    return _exact(a) * _exact(b)


def _exact(x: Ext) -> Fraction:
    """A finite end as a Fraction; ends nearly always are one already, and Fraction(x) would copy it (the
    engine multiplies thousands of ends)."""
    return x if type(x) is Fraction else Fraction(x)


def _recip(a: Ext) -> Ext:
    if _inf(a):
        return Fraction(0)
    if type(a) is Fraction:
        return Fraction(a.denominator, a.numerator)  # 1/a exactly; the constructor moves the sign up
    return 1 / Fraction(a)


# -- reading printed figures -----------------------------------------------------------------------------------

# Full-width digits and marks, and the minus signs a report prints (U+2212 −, full-width －), to ASCII.
FULLWIDTH = str.maketrans("０１２３４５６７８９．％－＋\u2212", "0123456789.%-+-")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "倆": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"萬": 10_000, "万": 10_000, "億": 100_000_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "".join(_CN_LARGE)

MAGNITUDES: dict[str, int] = {
    "萬億": 10**12, "万亿": 10**12, "千億": 10**11, "千亿": 10**11, "百億": 10**10, "百亿": 10**10,
    "億": 10**8, "亿": 10**8, "千萬": 10**7, "千万": 10**7, "百萬": 10**6, "百万": 10**6,
    "萬": 10**4, "万": 10**4,
}
"""The magnitudes a unit may carry (4.8億臺, 7千億元, 1260萬人), in either script: the one table of them.
Longest first, so 萬億 is read before 億 and 千億 before 億."""
MAGNITUDE_WORDS: tuple[str, ...] = tuple(sorted(MAGNITUDES, key=lambda w: -len(w)))


def split_magnitude(unit: str) -> tuple[int, str]:
    """(factor, the unit without it): "億元" -> (10**8, "元"), "千億元" -> (10**11, "元"), "元" -> (1, "元").
    A bare magnitude (1260萬 after a count noun) gives (10**4, "")."""
    for word in MAGNITUDE_WORDS:
        if unit.startswith(word):
            return MAGNITUDES[word], unit[len(word):]
    return 1, unit


def parse_chinese_numeral(text: str) -> int:
    """三 -> 3, 十一 -> 11, 二十 -> 20, 一百零五 -> 105, 兩萬 -> 20000. ValueError when it is not one.

    A trailing digit right after 百, 千, 萬 or 億 is one place lower, as statistics texts abbreviate:
    一百二 = 120, 三千五 = 3500, 一萬二 = 12000 (after 零 it is not: 一百零二 = 102)."""
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, section, digit = 0, 0, None
    last_unit = 0  # the place of the unit just read, for the abbreviated last digit
    for ch in text:
        if ch in _CN_DIGITS:
            if digit is not None:
                if digit == 0:  # 零 before a digit: a gap, 一百零五
                    last_unit = 0
                else:
                    raise ValueError(f"not a Chinese numeral: {text!r}")
            digit = _CN_DIGITS[ch]
            if digit == 0:
                last_unit = 0
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit, last_unit = None, _CN_SMALL[ch]
        else:
            section += digit or 0
            total += (section or 1) * _CN_LARGE[ch]
            section, digit, last_unit = 0, None, _CN_LARGE[ch]
    if digit and last_unit >= 100:
        # 一萬二: the bare last digit stands for the next place down (千), not for units.
        return total + section + digit * last_unit // 10
    return total + section + (digit or 0)


@dataclass(frozen=True)
class Readings:
    """The user-settable readings of vague qualifiers (see the README's table)."""

    near_band: Fraction = Fraction(1, 10)
    """近N: at least N × (1 - near_band), below N."""
    about_tolerance: Fraction = Fraction(1, 20)
    """約N / N左右: within N × (1 ± about_tolerance), and never narrower than N's rounding."""

    def __hash__(self) -> int:
        # Computed once: every parse_printed call hashes its readings as part of the memo key, and a Fraction's
        # hash costs a modular inverse (3.6 µs a call, more than the memo's look-up itself).
        try:
            return self.__dict__["_hash"]  # type: ignore[no-any-return]
        except KeyError:
            value = hash((self.near_band, self.about_tolerance))
            self.__dict__["_hash"] = value  # frozen: written past __setattr__, as functools.cached_property does
            return value


_DEFAULT_READINGS = Readings()

# The one table of qualifiers, in simplified script (the figure scanner reads normalised text; a fact's value is
# folded with _QUALIFIER_FOLD first). word -> (where it is printed, its reading):
#   before: 超过380, 近400;  right: 380多 (right after the number);  after: 5%左右, 七成以上 (after the unit).
# Readings: near | over (more than) | at_least | at_most | under (less than) | about | more (N多) | exact.
QUALIFIERS: dict[str, tuple[str, str]] = {
    "将近": ("before", "near"), "接近": ("before", "near"), "近": ("before", "near"),
    "超过了": ("before", "over"), "超过": ("before", "over"), "突破": ("before", "over"),
    "逾": ("before", "over"), "超": ("before", "over"),
    "迈上": ("before", "at_least"), "站上": ("before", "at_least"), "跨上": ("before", "at_least"),
    "大约": ("before", "about"), "约": ("before", "about"),
    "不到": ("before", "under"), "不足": ("before", "under"), "不超过": ("before", "at_most"),
    "高达": ("before", "exact"),  # emphasis, kept so the quote reads naturally: the figure is exact
    "多": ("right", "more"), "余": ("right", "more"),
    "及以上": ("after", "at_least"), "以上": ("after", "at_least"),
    "及以下": ("after", "at_most"), "以下": ("after", "at_most"), "以内": ("after", "at_most"),
    "左右": ("after", "about"), "上下": ("after", "about"),
}
QUALIFIER_WORDS: tuple[str, ...] = tuple(sorted(QUALIFIERS, key=lambda w: -len(w)))
"""Longest first: 超过了 before 超过 before 超, 及以上 before 以上."""
_QUALIFIER_FOLD = str.maketrans("過將約餘邁達內", "过将约余迈达内")

# The older two views, in both scripts, for callers that want them.
PREFIXES: dict[str, str] = {w: k for w, (where, k) in QUALIFIERS.items() if where == "before" and k != "exact"}
SUFFIXES: dict[str, str] = {w: k for w, (where, k) in QUALIFIERS.items() if where != "before"}

_ARABIC = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_CN_DECIMAL = re.compile("^[零〇一二兩两三四五六七八九十百千萬万億亿]{1,12}[點点][零〇一二三四五六七八九]{1,8}$")


class Printed(NamedTuple):
    """A figure as printed, and what it stands for."""

    text: str
    """Exactly as written in the fact: "380多", "83.4", "三"."""
    number: Fraction
    """The bare number printed: 380 for "380多"."""
    decimals: int
    """Decimal places printed ("12.30" has 2); 0 for integers and Chinese numerals."""
    qualifier: str | None
    """The qualifier word as written (多, 近, 超過 ...), or None."""
    interval: Interval
    """Every value the print stands for, in the printed unit."""
    reading: str
    """The rule applied, in words, for the receipt."""

    @property
    def half_unit(self) -> Fraction:
        return Fraction(1, 2 * 10**self.decimals)


def parse_printed(text: str, *, integer: bool = False, readings: Readings | None = None) -> Printed:
    """Read a printed figure. `integer` marks a count (個, 家, 名 ...): a bare count is exact, not rounded.

    Raises ValueError with a short reason when the text is not a figure.
    """
    return _parse_printed(text, integer, readings or _DEFAULT_READINGS)


@lru_cache(maxsize=4096)
def _parse_printed(text: str, integer: bool, readings: Readings) -> Printed:
    # Memoised: the loader validates each value, the engine reads it again, and the suggestion search reads
    # the same candidate prints over and over; a Printed is immutable.
    raw = text
    body = text.strip().translate(FULLWIDTH).replace(",", "").replace("，", "")
    if body.startswith("第"):
        body = body[1:]
    qualifier: str | None = None
    kind: str | None = None
    folded = body.translate(_QUALIFIER_FOLD)
    for word in QUALIFIER_WORDS:
        where, k = QUALIFIERS[word]
        if where == "before" and folded.startswith(word) and len(body) > len(word):
            qualifier, kind, body, folded = body[:len(word)], k, body[len(word):], folded[len(word):]
            break
    for word in QUALIFIER_WORDS:
        where, k = QUALIFIERS[word]
        if where != "before" and folded.endswith(word) and len(body) > len(word):
            if qualifier is not None:
                raise ValueError(f"two qualifiers in {raw!r}")
            qualifier, kind, body = body[-len(word):], k, body[: -len(word)]
            break
    if kind == "exact":
        kind = None
    if _ARABIC.match(body):
        number = Fraction(body)
        decimals = len(body.split(".")[1]) if "." in body else 0
    elif _CN_DECIMAL.match(body):
        # 二點五 (百分之二點五): a Chinese whole part and digits after 點, rounded like 2.5
        whole, frac = re.split("[點点]", body)
        digits = "".join(str(_CN_DIGITS[c]) for c in frac)
        number = parse_chinese_numeral(whole) + Fraction(int(digits), 10 ** len(digits))
        decimals = len(digits)
    else:
        try:
            number = Fraction(parse_chinese_numeral(body))
        except ValueError:
            magnitude = next((m for m in MAGNITUDE_WORDS if body.endswith(m)), None)
            if magnitude and _ARABIC.match(body[: -len(magnitude)]):
                # The magnitude belongs to the unit, where its rounding is read correctly: 1.2萬人 is
                # [1.15, 1.25) 萬人, not 1.2 of something rounded to the unit.
                raise ValueError(f"cannot read {raw!r} as a figure: write the magnitude in the unit "
                                 f"(value = \"{raw.replace(magnitude, '')}\", unit = \"{magnitude}…\", "
                                 f"such as {magnitude}元 or {magnitude}人)") from None
            raise ValueError(f"cannot read {raw!r} as a figure") from None
        decimals = 0
    half = Fraction(1, 2 * 10**decimals)
    exact = integer and decimals == 0
    rounded = Interval.point(number) if exact else _rounding_interval(number, half)
    floor: Ext = Fraction(0) if integer else -INF
    shown = _show(number, decimals)

    if kind is None:
        interval = rounded
        reading = f"exactly {shown} (a count)" if exact else (
            f"{shown} rounded half up: {fmt_interval(interval, decimals + 1)}"
        )
    elif kind == "more":
        step = _last_place(number, decimals)
        interval = Interval(number, number + step, True, True)
        reading = f"{qualifier}: more than {shown}, less than {_show(number + step, decimals)}"
    elif kind == "near":
        interval = Interval(number * (1 - readings.near_band), number, False, True)
        reading = (f"{qualifier}: nearly {shown}, from {_show(number * (1 - readings.near_band), decimals)} "
                   f"up to but not {shown} (near band {_pct(readings.near_band)})")
    elif kind == "over":
        interval = Interval(number, INF, True, True)
        reading = f"{qualifier}: more than {shown}"
    elif kind == "at_least":
        interval = Interval(number, INF, False, True)
        reading = f"{qualifier}: at least {shown}"
    elif kind == "at_most":
        interval = Interval(floor, number, floor == -INF, False)
        reading = f"{qualifier}: at most {shown}"
    elif kind == "under":
        interval = Interval(floor, number, floor == -INF, True)
        reading = f"{qualifier}: less than {shown}"
    else:  # about
        tol = max(abs(number) * readings.about_tolerance, half)
        interval = Interval(number - tol, number + tol)
        reading = f"{qualifier}: about {shown}, ± {_pct(readings.about_tolerance)} (tolerance)"
    return Printed(raw, number, decimals, qualifier, interval, reading)


def _rounding_interval(number: Fraction, half: Fraction) -> Interval:
    """The values that round half up (away from zero, symmetric) to `number`: [n-h, n+h) above zero,
    (n-h, n+h] below it, and (-h, h) for zero, since -0.5 prints as -1 and 0.5 as 1."""
    if number > 0:
        return Interval(number - half, number + half, False, True)
    if number < 0:
        return Interval(number - half, number + half, True, False)
    return Interval(-half, half, True, True)


def _last_place(number: Fraction, decimals: int) -> Fraction:
    """One unit of the last non-zero place: 380 -> 10, 30 -> 10, 900 -> 100, 5 -> 1, 1.5 -> 0.1."""
    if decimals:
        return Fraction(1, 10**decimals)
    n = abs(int(number))
    if n == 0:
        return Fraction(1)
    step = 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return Fraction(step)


def _pct(x: Fraction) -> str:
    return f"{_show(x * 100, 2).rstrip('0').rstrip('.')}%"


def _show(x: Fraction, decimals: int) -> str:
    return round_half_up(x, decimals)


def round_half_up(x: Fraction | int, decimals: int) -> str:
    """Round as Chinese statistics do (四捨五入) and print with exactly `decimals` places."""
    if type(x) is not Fraction:
        x = Fraction(x)
    scale = 10**decimals
    num, den = x.numerator, x.denominator
    n = (2 * abs(num) * scale + den) // (2 * den)  # floor(|x| * scale + 1/2), in whole numbers
    sign = "-" if num < 0 and n != 0 else ""
    whole, frac = divmod(n, scale)
    if decimals == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{frac:0{decimals}d}"


def fmt_end(x: Ext, decimals: int) -> str:
    if _inf(x):
        return "∞" if x > 0 else "-∞"
    return round_half_up(_exact(x), decimals)


def fmt_interval(iv: Interval, decimals: int) -> str:
    """[83.35, 83.45) — brackets show which ends belong; a point shows as a single number."""
    if iv.empty:
        return "∅"
    if iv.is_point:
        text = fmt_end(iv.lo, decimals)
        # The print is exact when the point has at most `decimals` places: 10**decimals is a multiple of its
        # denominator (what reading the text back as a Fraction told, without the parse).
        return _trim(text) if _whole(iv.lo) or 10**decimals % _exact(iv.lo).denominator == 0 else text
    left = "(" if iv.lo_open else "["
    right = ")" if iv.hi_open else "]"
    lo, hi = fmt_end(iv.lo, decimals), fmt_end(iv.hi, decimals)
    if _whole(iv.lo) and _whole(iv.hi):  # (380, 390), not (380.0, 390.0)
        lo, hi = _trim(lo), _trim(hi)
    return f"{left}{lo}, {hi}{right}"


def _whole(x: Ext) -> bool:
    return _inf(x) or _exact(x).denominator == 1


def _trim(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def iter_integer_points(ivs: list[Interval], limit: int) -> Iterator[tuple[int, ...]] | None:
    """All combinations of whole numbers inside the given intervals, or None when there would be over `limit`."""
    import itertools

    sets: list[list[int]] = []
    total = 1
    for iv in ivs:
        ints = iv.integers(limit)
        if ints is None:
            return None
        total *= max(len(ints), 1)
        if total > limit:
            return None
        sets.append(ints)
    return itertools.product(*sets)
