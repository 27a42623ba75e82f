"""The genre rules `check` proposes relations by: one module each, found through RULES.

Each rule reads how statistical releases and the news written from them state a relation (占…的, 合计, 其中,
比…多, 由…提高到, 分别, 净增…达到) and proposes it only between figures whose role, unit, period and measure
words fit; it states its certainty (check/relation.py). A rule never looks at particular texts or values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from laibin_check.check.model import Model
from laibin_check.check.relation import Relation

Proposer = Callable[[Model], Iterator[Relation]]


def _load() -> dict[str, Proposer]:
    from laibin_check.check.rules import (
        average,
        average_per_year,
        average_span,
        balance,
        breakdown,
        change,
        change_since,
        conversion,
        count,
        count_listed,
        count_parts,
        crop_yield,
        defined_rate,
        difference,
        fall,
        gap,
        gap_named,
        gap_overall,
        growth_of_increase,
        growth_years,
        income_ratio,
        increase,
        increase_growth,
        multiple,
        natural_growth,
        partition,
        per_day,
        per_unit,
        percent_of,
        perunit,
        price_growth,
        price_parts,
        pull,
        rate,
        repeat,
        share,
        share_named,
        slip,
        structure,
        target,
        total,
        trade_balance,
        urbanisation,
        weighted,
        years_total,
    )

    return {
        "rate-of-counts": rate.propose,
        "share-of-total": share.propose,
        "gap-in-points": gap.propose,
        "change-between-levels": change.propose,
        "difference-of-named": difference.propose,
        "total-of-parts": total.propose,
        "unit-slip": slip.propose,
        "level-plus-increase": increase.propose,
        "average-over-years": average.propose,
        "count-of-named": count.propose,
        "parts-of-a-breakdown": partition.propose,
        "per-unit": perunit.propose,
        "per-unit-reach": per_unit.propose,
        "multiple-of": multiple.propose,
        "count-listed": count_listed.propose,
        "price-growth": price_growth.propose,
        "average-over-span": average_span.propose,
        "gap-to-named": gap_named.propose,
        "fall-beyond-whole": fall.propose,
        "same-figure-twice": repeat.propose,
        "change-since-year": change_since.propose,
        "balance-sheet": balance.propose,
        "total-over-years": years_total.propose,
        "counts-within-whole": count_parts.propose,
        "price-index-parts": price_parts.propose,
        # The fixed forms of a statistical bulletin (统计公报): relations that hold by definition.
        "industrial-structure": structure.propose,
        "urbanisation-rate": urbanisation.propose,
        "urban-rural-ratio": income_ratio.propose,
        "gap-to-overall": gap_overall.propose,
        "trade-balance": trade_balance.propose,
        "share-of-target": target.propose,
        "natural-growth": natural_growth.propose,
        "share-of-named": share_named.propose,
        "breakdown-halves": breakdown.propose,
        "growth-from-increase": increase_growth.propose,
        "defined-rate": defined_rate.propose,
        "pull-on-growth": pull.propose,
        "growth-over-year": growth_years.propose,
        "average-per-year": average_per_year.propose,
        "percent-of-named": percent_of.propose,
        "growth-of-increase": growth_of_increase.propose,
        "weighted-average": weighted.propose,
        "daily-average": per_day.propose,
        "one-quantity-two-units": conversion.propose,
        "yield-per-area": crop_yield.propose,
    }


def propose(model: Model) -> list[Relation]:
    """Every relation every rule proposes, in rule order, then text order."""
    out: list[Relation] = []
    for proposer in _load().values():
        out.extend(proposer(model))
    return out


def rule_names() -> list[str]:
    return list(_load())
