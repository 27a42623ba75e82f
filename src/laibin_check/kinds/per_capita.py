"""per_capita: a per-capita figure (人均) is a total over a population (LC121)."""

from __future__ import annotations

from laibin_check.derivations import Quantity
from laibin_check.kinds._expression import FormulaKind


class PerCapita(FormulaKind):
    """人均: a total over the population, so 億元 over 萬人 gives 元 per person, stated in 元 or 萬元.
    Statistics divide by the year's average population, which reports rarely print; with the year-end
    population say `approximate` and give a `tolerance`.

    "地區生產總值500億元, 常住人口200萬人, 人均生產總值2.8萬元": 500億 / 200萬 = 2.5萬元, inconsistent.
    """

    name = "per_capita"
    code = "LC121"
    summary = "a total over a population (人均)"
    example = '''[fact.derive]
kind = "per_capita"
formula = "gdp / population"
approximate = "year-end population, not the year's average"
tolerance = "2%"'''

    def dims(self, result: Quantity) -> Quantity:
        """Persons are counted: 元 per person is stated in 元."""
        return result._replace(dims=tuple((k, v) for k, v in result.dims if not (k == "[count]" and v == -1)))


KIND = PerCapita()
