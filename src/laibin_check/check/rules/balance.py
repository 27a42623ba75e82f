"""The balance sheet's identities, as the industrial-enterprise releases print them: 资产总计141.07万亿元；负债合计
79.57万亿元；所有者权益合计61.50万亿元；资产负债率为56.4%.

By definition assets are liabilities plus owners' equity, and the asset-liability ratio is liabilities over
assets. Each item is the one level of its name in the paragraph (资产总计/资产总额/总资产, 负债合计/负债总额/总负债,
所有者权益合计/所有者权益); all of one period and unit. A paragraph that prints one item twice (two sectors' balance
sheets) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period
from laibin_check.check.relation import Relation

_ASSETS = re.compile(r"(资产总计|资产总额|总资产)(为|达|达到)?$")
_LIABILITIES = re.compile(r"(负债合计|负债总额|总负债)(为|达|达到)?$")
_EQUITY = re.compile(r"(所有者权益合计|所有者权益)(为|达|达到)?$")
_RATIO = re.compile(r"资产负债率(为|是|达)?$")


def propose(model: Model) -> Iterator[Relation]:
    by_line: dict[int, list[Fig]] = {}
    for f in model.figs:
        by_line.setdefault(f.line, []).append(f)
    for figs in by_line.values():
        assets, liabilities, equity = (_one(figs, p) for p in (_ASSETS, _LIABILITIES, _EQUITY))
        if assets is None or liabilities is None:
            continue
        if assets.unit.dims != liabilities.unit.dims or same_period(assets, liabilities) is False:
            continue
        if equity is not None and equity.unit.dims == assets.unit.dims and same_period(equity, assets) is not False:
            yield Relation("balance-sheet", "sum", assets, (liabilities, equity), "{0} + {1}", "error",
                           f"资产 {assets.shown} = 负债 {liabilities.shown} + 所有者权益 {equity.shown}",
                           message="assets are liabilities plus owners' equity")
        ratios = [f for f in figs if f.unit.kind == "rate" and _RATIO.search(f.label)]
        if len(ratios) == 1 and same_period(ratios[0], assets) is not False:
            yield Relation("balance-sheet", "share", ratios[0], (liabilities, assets), "{0} / {1}", "error",
                           f"资产负债率 {ratios[0].shown} = 负债 {liabilities.shown} / 资产 {assets.shown}",
                           message="the asset-liability ratio is liabilities over assets")


def _one(figs: list[Fig], pattern: re.Pattern[str]) -> Fig | None:
    found = [f for f in figs if f.role == "level" and pattern.search(f.label)]
    return found[0] if len(found) == 1 else None
