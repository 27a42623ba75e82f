"""How the reading test set writes what a number token means (tests/data/reading/*.toml).

One line a token: `printed | kind` for a number that is not a figure (a date, a period label, a group bound, a list
number ...), and `printed | figure | interval | unit | magnitude | sign` for a figure: the interval of the value
in its printed unit and magnitude, signed as the text states it (下降5% is (-5.5, -4.5]), the unit without
magnitude, the magnitude word (萬, 億, 千億 ...) or 1, and + or -.
"""

from __future__ import annotations

from laibin_check.figures import Mention
from laibin_check.numbers import fmt_interval, parse_printed
from laibin_check.report import normalise
from laibin_check.units import resolve


def reading_of(m: Mention) -> str:
    printed = normalise(m.value)
    if m.repeat_of >= 0:
        return f"{printed} | repeat"
    if m.kind not in ("figure", "rank", "record"):
        return f"{printed} | {m.reason or m.kind}"
    try:
        integer = resolve(normalise(m.unit) or "个").integer
    except KeyError:
        integer = False
    interval = parse_printed(m.value, integer=integer).interval
    if m.sign < 0 and m.sign_word != "-":
        interval = -interval
    magnitude = normalise(m.unit)[: len(normalise(m.unit)) - len(m.base_unit)] or "1"
    shown = fmt_interval(interval, m.decimals + 1)
    return f"{printed} | {m.kind} | {shown} | {m.base_unit or '-'} | {magnitude} | {'-' if m.sign < 0 else '+'}"
