"""One quantity printed in two units: 粮食总产量1268.4万吨，合253.7亿斤; 播种面积62.48万亩（折合4.17万公顷）;
单产398.1公斤/亩（每公顷5971公斤）.

The second figure follows the first at once, after 合, 折合, 约合, 相当于 or 即, or in brackets right after it,
and its unit is another of the same dimension (万吨 and 亿斤, 万亩 and 万公顷): the two are one quantity, equal
within the rounding of each (a 约 widens the second as the Qualifiers table says). Currencies are different
dimensions (港元, 美元, 元): a conversion at a rate is not read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from laibin_check.check.model import Model
from laibin_check.check.relation import Relation

_LINK = re.compile(r"^(?P<open>[,(]?)(合|折合|约合|折|相当于|即|约)?\(?(每公顷|每亩)?$")
"""The words between the two prints, normalised: ，合 / （折合 / （每公顷 (the bracket opens the second)."""


def propose(model: Model) -> Iterator[Relation]:
    for a, b in itertools.pairwise(model.figs):
        if a.sentence != b.sentence or a.role != b.role or a.unit.dims != b.unit.dims or not a.unit.dims:
            continue
        if a.unit.name == b.unit.name or a.unit.scale == b.unit.scale:
            continue  # the same unit twice is two figures, not one quantity converted
        link = model.between(a, b).strip()
        m = _LINK.match(link)
        if m is None or not (m.group(2) or "(" in link or m.group(3)):
            continue
        yield Relation("one-quantity-two-units", "equal", None, (a, b), "{0} == {1}", "error",
                       f"{a.shown} {m.group(0)}{b.shown}: one quantity in two units",
                       message="one quantity printed in two units must convert")
