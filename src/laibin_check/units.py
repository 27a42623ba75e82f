"""The units a report prints (億元, %, 個百分點, 個 ...): their scale, dimension and kind, through one pint registry.

pint is loaded with the project's own definitions file (units.txt), never its default registry, and only when a
facts file is checked. Percent and percentage points share a scale, so their difference is kept here as a kind:
pint cannot tell "rose by 3%" from "rose by 3 percentage points", and that is the classic error to catch.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from laibin_check.chars import is_cjk
from laibin_check.numbers import split_magnitude

RateKind = Literal["rate", "points", None]

_UNITS_FILE = Path(__file__).with_name("units.txt")

# The unit as printed -> (pint expression, kind). Simplified spellings are aliases of the traditional ones.
_TABLE: dict[str, tuple[str, str]] = {
    "元": ("yuan", "money"),
    "萬元": ("wan * yuan", "money"),
    "億元": ("yi * yuan", "money"),
    "萬億元": ("wanyi * yuan", "money"),
    "千元": ("qian * yuan", "money"),
    "美元": ("us_dollar", "money"),
    "萬美元": ("wan * us_dollar", "money"),
    "億美元": ("yi * us_dollar", "money"),
    "噸": ("ton", "quantity"),
    "萬噸": ("wan * ton", "quantity"),
    "億噸": ("yi * ton", "quantity"),
    "公斤": ("kilogram_size * ton", "quantity"),
    "千克": ("kilogram_size * ton", "quantity"),
    "萬公斤": ("wan * kilogram_size * ton", "quantity"),
    "畝": ("mu_size * square_meter", "quantity"),
    "萬畝": ("wan * mu_size * square_meter", "quantity"),
    "公頃": ("hectare_size * square_meter", "quantity"),
    "萬公頃": ("wan * hectare_size * square_meter", "quantity"),
    "平方米": ("square_meter", "quantity"),
    "萬平方米": ("wan * square_meter", "quantity"),
    "平方公里": ("square_km_size * square_meter", "quantity"),
    "公里": ("kilometer", "quantity"),
    "千米": ("kilometer", "quantity"),
    "米": ("meter_size * kilometer", "quantity"),
    "立方米": ("cubic_meter", "quantity"),
    "萬立方米": ("wan * cubic_meter", "quantity"),
    "千瓦": ("kilowatt", "quantity"),
    "萬千瓦": ("wan * kilowatt", "quantity"),
    "千瓦時": ("kilowatt_hour", "quantity"),
    "萬千瓦時": ("wan * kilowatt_hour", "quantity"),
    "億千瓦時": ("yi * kilowatt_hour", "quantity"),
    "度": ("kilowatt_hour", "quantity"),
    "萬度": ("wan * kilowatt_hour", "quantity"),
    "億度": ("yi * kilowatt_hour", "quantity"),
    "兆瓦": ("qian * kilowatt", "quantity"),
    "萬億美元": ("wanyi * us_dollar", "money"),
    "%": ("percent", "rate"),
    "％": ("percent", "rate"),
    "‰": ("permille", "rate"),
    "個百分點": ("percentage_point", "points"),
    "百分點": ("percentage_point", "points"),
    "成": ("tenth", "rate"),
    "倍": ("times", "times"),
    "年": ("year", "count"),
    "位": ("rank", "rank"),
}
# More measures of the genre: 斤 (half a kilogram), containers (標箱, TEU), other currencies, volumes.
_TABLE.update({
    "斤": ("jin_size * ton", "quantity"), "公噸": ("ton", "quantity"), "克": ("gram_size * ton", "quantity"),
    "標箱": ("teu", "quantity"), "標準箱": ("teu", "quantity"),
    "港元": ("hk_dollar", "money"), "歐元": ("euro", "money"), "日元": ("yen", "money"),
    "升": ("liter_size * cubic_meter", "quantity"), "桶": ("barrel", "quantity"),
    "千公頃": ("qian * hectare_size * square_meter", "quantity"), "萬平方公里": ("wan * square_km_size * square_meter",
                                                                          "quantity"),
    "兆瓦時": ("qian * kilowatt_hour", "quantity"),
    "微克/立方米": ("microgram_per_cubic_meter", "quantity"),
})
# Classifiers of counted things: each is a whole number of items.
_COUNTS = ("個家名次項張單大條所人戶座批支輛臺台套件場期類種隊宗份架艘頭只棵株口門間處篇部屆輪棟幢筆例起床樁列"
           "枚顆根副對匹羽")
for _c in ("人次", "架次", "車次", "艘次", "戶次", *_COUNTS):
    _TABLE.setdefault(_c, ("item", "count"))
# The common magnitudes of counts, listed (any unit takes any magnitude: see resolve).
for _c in ("人", "戶", "人次", "個", "家", "項", "件", "輛", "臺", "台", "套", "張", "株", "頭", "只", "棵", "筆"):
    _TABLE.setdefault("萬" + _c, ("wan * item", "count"))
for _c in ("人", "人次", "件", "筆"):
    _TABLE.setdefault("億" + _c, ("yi * item", "count"))

_SIMPLIFIED = str.maketrans("萬億噸個項張單條戶輛臺時點畝頃處頭門間屆輪筆棟類隊場種裏標準歐樁顆對車",
                            "万亿吨个项张单条户辆台时点亩顷处头门间届轮笔栋类队场种里标准欧桩颗对车")
# No unit at all: a figure read as the plain number it prints (出生率7.45‰ as 7.45, so that 7.45 - 6.85 = 0.60 is
# scaled back to ‰), as `check` and `extract` write such a reading; shown as the bare number.
_TABLE[""] = ("times", "times")
UNIT_NAMES: dict[str, tuple[str, str]] = dict(_TABLE)
for _name, _spec in _TABLE.items():
    UNIT_NAMES.setdefault(_name.translate(_SIMPLIFIED), _spec)


def simplified(name: str) -> str:
    """A unit in simplified script (億元 -> 亿元), as the figure scanner reads units."""
    return name.translate(_SIMPLIFIED)


class Unit(NamedTuple):
    """A printed unit, resolved."""

    name: str
    scale: Fraction
    """Multiply a printed number by this to get base units (元, tonnes, items, or a plain fraction for %)."""
    dimension: str
    """pint's dimensionality, as text: "[currency]", "dimensionless" ..."""
    dims: tuple[tuple[str, int], ...]
    """The same, as sorted (dimension, exponent) pairs, for arithmetic on dimensions."""
    kind: str
    """money | quantity | rate | points | times | count | rank | other (a measure word the table lacks)."""

    @property
    def integer(self) -> bool:
        """Counted things and ranks are whole numbers (at their printed magnitude, 1 for plain 個)."""
        return self.kind in ("count", "rank") and self.scale == 1

    @property
    def rate_kind(self) -> RateKind:
        if self.kind == "rate":
            return "rate"
        if self.kind == "points":
            return "points"
        return None


def known_units() -> list[str]:
    """The unit names, for messages: the empty one (a plain number) is shown as ""."""
    return sorted(name or '""' for name in UNIT_NAMES)


# units.txt holds two shapes of definition only: `name = [dimension]`, a base unit, and `name = N` or
# `name = N / M`, a dimensionless scale. Handed to pint as definition objects they skip pint's text parser
# (flexparser and Python's tokenize, ~12 ms of start-up for 24 lines); a line of any other shape sends the whole
# file through pint's own parser instead, so the file stays pint's format.
_BASE_LINE = re.compile(r"(\w+) = \[(\w+)\]")
_SCALE_LINE = re.compile(r"(\w+) = (\d+)(?: / (\d+))?")


def _definitions(text: str) -> list[tuple[str, str, Fraction]] | None:
    """(name, dimension or "", scale) for each definition of units.txt, or None when one is not of the two
    simple shapes."""
    out: list[tuple[str, str, Fraction]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if m := _BASE_LINE.fullmatch(line):
            out.append((m[1], m[2], Fraction(1)))
        elif m := _SCALE_LINE.fullmatch(line):
            out.append((m[1], "", Fraction(int(m[2]), int(m[3] or 1))))
        else:
            return None
    return out


@cache
def _registry() -> Any:
    import pint

    options: dict[str, Any] = {"non_int_type": Fraction, "autoconvert_offset_to_baseunit": False}
    definitions = _definitions(_UNITS_FILE.read_text(encoding="utf-8"))
    if definitions is not None:
        try:
            from pint.facets.plain import DimensionDefinition, ScaleConverter, UnitDefinition
            from pint.util import UnitsContainer

            # Any: pint's hints name only text for define(), though it takes definition objects too.
            registry: Any = pint.UnitRegistry(None, **options)
            for name, dimension, scale in definitions:
                reference = {}
                if dimension:
                    registry.define(DimensionDefinition(f"[{dimension}]"))
                    reference = {f"[{dimension}]": 1}
                converter = ScaleConverter(scale)  # type: ignore[arg-type]  # Fraction: non_int_type above
                registry.define(UnitDefinition(name, None, (), converter, UnitsContainer(reference)))
            return registry
        except (ImportError, TypeError):  # pragma: no cover - a pint release that moved these classes
            pass
    # A plain path beside the module: the package is always installed as files (pint wants a file name), and
    # importlib.resources costs ~4 ms of imports (tempfile, random ...) at start-up.
    return pint.UnitRegistry(str(_UNITS_FILE), **options)


def _units(expression: str) -> Any:
    """A _TABLE expression for pint: a product of unit names ("wan * yuan") as a UnitsContainer, which pint
    takes without parsing text; anything else as the text itself."""
    names = expression.split(" * ")
    if len(set(names)) != len(names) or not all(n.isidentifier() for n in names):
        return expression
    from pint.util import UnitsContainer

    return UnitsContainer(dict.fromkeys(names, 1))


@cache
def resolve(name: str) -> Unit:
    """Resolve a printed unit; KeyError when it is not one.

    Any known unit may carry a magnitude (萬, 億, 萬億, 千億 ...: 4.8億臺, 39.07億千瓦時, 7千億元), and a bare
    magnitude is a count in that magnitude (1260萬 written for 1260萬人). A unit the table does not know is
    written in brackets, 億[擔]: a unit of its own, with its own dimension and its magnitude, never a whole-number
    count (`extract` writes such a unit for a measure word it does not know, and notes it for review)."""
    name = name.strip()
    spec = UNIT_NAMES.get(name)
    if spec is not None:
        expression, kind = spec
        quantity = _registry().Quantity(Fraction(1), _units(expression)).to_base_units()
        magnitude = Fraction(quantity.magnitude)
        dims = tuple(sorted((str(k), int(v)) for k, v in quantity.dimensionality.items()))
        return Unit(name=name, scale=magnitude, dimension=str(quantity.dimensionality), dims=dims, kind=kind)
    factor, base = split_magnitude(name)
    if factor > 1 and (base == "" or base in UNIT_NAMES):
        inner = resolve(base or "個")
        return inner._replace(name=name, scale=inner.scale * factor)
    if "/" in name:
        return _per(name)
    word = base[1:-1]
    if base[:1] == "[" and base[-1:] == "]" and 1 <= len(word) <= 6 and all(is_cjk(c) for c in word):
        # Its own dimension, named after the word in simplified script so both spellings add up. Only a
        # Chinese measure word in brackets: without them an unknown unit stays an error, so a typo (百分比 for
        # %) never becomes a unit of its own.
        dim = "[" + simplified(word) + "]"
        return Unit(name=name, scale=Fraction(factor), dimension=dim, dims=((dim, 1),), kind="other")
    raise KeyError(name)


def _per(name: str) -> Unit:
    """A unit per unit, as prices and densities are printed (元/平方米, 万元/人): KeyError unless both are units."""
    top, _, bottom = name.partition("/")
    a, b = resolve(top), resolve(bottom)
    exponents = dict(a.dims)
    for dim, power in b.dims:
        exponents[dim] = exponents.get(dim, 0) - power
    dims = tuple(sorted((d, p) for d, p in exponents.items() if p))
    # A count per something (人/平方公里) is no whole number: it is a measure, like a price.
    kind = a.kind if a.kind in ("money", "quantity") else "quantity"
    return Unit(name=name, scale=a.scale / b.scale, dimension=f"{a.dimension} / {b.dimension}", dims=dims,
                kind=kind)


def is_known(name: str) -> bool:
    """Whether the unit (with or without a magnitude) is one of the table's, not a measure word kept as is."""
    try:
        return resolve(name).kind != "other"
    except KeyError:
        return False


def own_unit(word: str) -> str:
    """How a facts file writes a unit the table lacks: the word in brackets, 億斤 of a new measure -> 億[斤]."""
    base = split_magnitude(word)[1]
    return word[: len(word) - len(base)] + "[" + base + "]"
