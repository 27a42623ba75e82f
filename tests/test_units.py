"""Units as printed: scale, dimension and kind through the project's own pint registry."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction as Fr

import pytest

from laibin_check import units
from laibin_check.units import known_units, resolve


@pytest.mark.parametrize(("name", "scale", "kind"), [
    ("元", Fr(1), "money"),
    ("千元", Fr(1000), "money"),
    ("萬元", Fr(10**4), "money"),
    ("億元", Fr(10**8), "money"),
    ("萬億元", Fr(10**12), "money"),
    ("美元", Fr(1), "money"),
    ("億美元", Fr(10**8), "money"),
    ("噸", Fr(1), "quantity"),
    ("萬噸", Fr(10**4), "quantity"),
    ("億噸", Fr(10**8), "quantity"),
    ("畝", Fr(2000, 3), "quantity"),
    ("萬畝", Fr(10**4) * Fr(2000, 3), "quantity"),
    ("公頃", Fr(10**4), "quantity"),
    ("公斤", Fr(1, 1000), "quantity"),
    ("平方米", Fr(1), "quantity"),
    ("萬平方米", Fr(10**4), "quantity"),
    ("公里", Fr(1), "quantity"),
    ("萬千瓦時", Fr(10**4), "quantity"),
    ("億千瓦時", Fr(10**8), "quantity"),
    ("%", Fr(1, 100), "rate"),
    ("個百分點", Fr(1, 100), "points"),
    ("百分點", Fr(1, 100), "points"),
    ("成", Fr(1, 10), "rate"),
    ("倍", Fr(1), "times"),
    ("個", Fr(1), "count"),
    ("家", Fr(1), "count"),
    ("名", Fr(1), "count"),
    ("次", Fr(1), "count"),
    ("項", Fr(1), "count"),
    ("人次", Fr(1), "count"),
    ("萬人", Fr(10**4), "count"),
    ("萬人次", Fr(10**4), "count"),
    ("位", Fr(1), "rank"),
    ("年", Fr(1), "count"),
])
def test_unit_scale_and_kind(name: str, scale: Fr, kind: str) -> None:
    unit = resolve(name)
    assert unit.scale == scale
    assert isinstance(unit.scale, Fr)
    assert unit.kind == kind
    assert unit.name == name


def test_dimensions() -> None:
    assert resolve("億元").dims == resolve("元").dims == resolve("萬元").dims
    assert resolve("億元").dims != resolve("億美元").dims  # yuan and dollars do not add
    assert resolve("萬噸").dims != resolve("億元").dims
    assert resolve("畝").dims == resolve("平方米").dims == resolve("公頃").dims  # one area: 15 畝 = 1 公頃
    assert resolve("畝").scale * 15 == resolve("公頃").scale
    assert resolve("公斤").dims == resolve("噸").dims and resolve("公斤").scale * 1000 == resolve("噸").scale
    assert resolve("%").dims == resolve("個百分點").dims == resolve("成").dims == resolve("倍").dims == ()
    assert resolve("個").dims == resolve("家").dims == resolve("萬人").dims
    assert resolve("個").dims != ()
    assert resolve("%").dimension == "dimensionless"


def test_rate_kinds_keep_percent_and_points_apart() -> None:
    assert resolve("%").rate_kind == "rate"
    assert resolve("成").rate_kind == "rate"
    assert resolve("個百分點").rate_kind == "points"
    assert resolve("倍").rate_kind is None
    assert resolve("億元").rate_kind is None


def test_integer_units() -> None:
    assert resolve("個").integer and resolve("家").integer and resolve("位").integer
    assert not resolve("萬人").integer  # 2.5萬人 is rounded, not a whole count of 萬
    assert not resolve("億元").integer and not resolve("%").integer


@pytest.mark.parametrize(("simplified", "traditional"), [
    ("亿元", "億元"), ("万元", "萬元"), ("万吨", "萬噸"), ("吨", "噸"), ("个", "個"),
    ("个百分点", "個百分點"), ("百分点", "百分點"), ("项", "項"), ("万亿元", "萬億元"),
    ("千瓦时", "千瓦時"), ("张", "張"), ("万人", "萬人"),
])
def test_simplified_aliases(simplified: str, traditional: str) -> None:
    s, t = resolve(simplified), resolve(traditional)
    assert (s.scale, s.dims, s.kind) == (t.scale, t.dims, t.kind)
    assert simplified in known_units() and traditional in known_units()


def test_surrounding_spaces_are_ignored() -> None:
    assert resolve(" 億元 ").scale == Fr(10**8)


@pytest.mark.parametrize("name", ["光年", "meter", "inch", "km", "percent", "百分比", "億 元", "[km]",
                                  "[百分比]x"])
def test_unknown_units_raise_key_error(name: str) -> None:
    with pytest.raises(KeyError):
        resolve(name)


def test_no_unit_is_the_plain_number() -> None:
    """`unit = ""`: a figure read without its unit (出生率7.45‰ as 7.45), shown bare; not a rate, not a count."""
    plain = resolve("")
    assert (plain.name, plain.scale, plain.dims, plain.rate_kind, plain.integer) == ("", Fr(1), (), None, False)
    assert resolve("  ").name == ""


def test_known_units_sorted_and_complete() -> None:
    names = known_units()
    assert names == sorted(names)
    for name in ("億元", "萬噸", "%", "個百分點", "成", "倍", "個", "位"):
        assert name in names


def test_registry_is_the_projects_own() -> None:
    import pint

    reg = units._registry()
    for name in ("meter", "inch", "second", "kilogram", "degC"):
        with pytest.raises(pint.errors.UndefinedUnitError):
            reg.Quantity(1, name)
    # its own names are there, with exact magnitudes
    q = reg.Quantity(Fr(1), "yi * yuan").to_base_units()
    assert Fr(q.magnitude) == 10**8


_LAZY = """
import sys
import laibin_check.units as u
assert "pint" not in sys.modules, "pint imported by laibin_check.units"
u.known_units()
assert "pint" not in sys.modules, "pint imported by known_units()"
assert u.resolve("億元").scale == 10**8
assert "pint" in sys.modules
print("ok")
"""


def test_pint_is_imported_only_on_resolve() -> None:
    out = subprocess.run([sys.executable, "-c", _LAZY], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
