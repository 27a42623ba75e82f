"""Relations over a list of figures: which of them pass a threshold, surely or possibly, in exact intervals."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from laibin_check import formula as F
from laibin_check import receipts as R
from laibin_check.derivations import Quantity, UnitMismatch, dims_text, evaluate
from laibin_check.errors import InputError
from laibin_check.kinds._base import Context, Key
from laibin_check.kinds._expression import possible

OPS = (">", ">=", "<", "<=")
NEGATION = {">": "<=", ">=": "<", "<": ">=", "<=": ">"}

THRESHOLD_KEYS = (
    Key("facts", list, True, (), "the listed figures, one fact each"),
    Key("op", str, True, "", "how each is compared: >, >=, < or <="),
    Key("than", str, True, "", "what each is compared with: a fact, a constant with its unit (1萬億元, 0, "
        "5%) or an expression"),
)


def validate_threshold(entry: Mapping[str, Any], fail: Any) -> None:
    if entry.get("op") not in OPS:
        raise fail(f"op must be one of {', '.join(OPS)}, not {entry.get('op')!r}", "op")
    try:
        F.parse(entry["than"])
    except F.FormulaError as exc:
        raise fail(f"than: {exc}", "than") from None


class Tally(NamedTuple):
    """Which listed figures pass `op than` for every value they stand for, and which only for some."""

    surely: tuple[str, ...]
    possibly: tuple[str, ...]
    """Those that may pass or fail: the interval straddles the threshold."""
    never: tuple[str, ...]
    threshold: Quantity


def tally(ctx: Context, facts: tuple[str, ...], op: str, than: str, origin: Any) -> Tally:
    try:
        threshold = evaluate(F.parse(than).left, ctx.env)
    except UnitMismatch as exc:
        raise InputError(origin.path, f"than: {exc}", origin.line, origin.column) from None
    surely: list[str] = []
    maybe: list[str] = []
    never: list[str] = []
    node = F.parse(than).left
    bare = isinstance(node, F.Num) and not node.percent and not node.unit  # 0 compares with any unit
    for fid in facts:
        q = ctx.env[fid]
        if q.dims != threshold.dims and not bare:
            raise InputError(origin.path, f"cannot compare {fid} ({dims_text(q.dims)}) with {than} "
                             f"({dims_text(threshold.dims)})", origin.line, origin.column)
        can_pass = possible(q.iv, op, threshold.iv)
        can_fail = possible(q.iv, NEGATION[op], threshold.iv)
        (surely if not can_fail else never if not can_pass else maybe).append(fid)
    return Tally(tuple(surely), tuple(maybe), tuple(never), threshold)


def figures(ctx: Context, facts: tuple[str, ...]) -> str:
    return "、".join(R.printed_text(ctx, f) if f in ctx.printed else f for f in facts) or "none"
