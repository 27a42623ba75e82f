"""The trade balance: 出口418.50亿元，进口234.30亿元…贸易顺差184.20亿元 (逆差: imports over exports).

By definition a surplus (顺差) is exports less imports and a deficit (逆差) imports less exports; 贸易差额 is
exports less imports. Exports and imports are the one level each the paragraph printed before the balance, in the
same unit and period. A balance that names a trading partner or a category the levels do not (对美顺差, 服务贸易
逆差 after goods figures) is left alone; so is a change in the balance (顺差扩大27亿元).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, same_period
from laibin_check.check.relation import Relation

_BALANCE = re.compile(r"(贸易|进出口)?(顺差|逆差|差额)(为|达|达到|是)?(了)?$")
_EXPORT = re.compile(r"出口(额|总额|总值|值)?(为|达|达到)?$")
_IMPORT = re.compile(r"进口(额|总额|总值|值)?(为|达|达到)?$")
_QUALIFIERS = ("服务", "货物", "对", "一般贸易", "加工贸易", "机电", "高新技术")


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.role != "level" or f.unit.kind != "money":
            continue
        m = _BALANCE.search(f.label)
        if m is None or re.search(r"(扩大|收窄|缩小|增加|减少)", f.label[-6:]):
            continue
        before = [g for g in model.figs[:f.idx] if g.line == f.line and g.role == "level"
                  and g.unit.dims == f.unit.dims and same_period(g, f) is not False]
        exports = [g for g in before if _EXPORT.search(g.label) and "进出口" not in g.label[-6:]]
        imports = [g for g in before if _IMPORT.search(g.label)]
        if len(exports) != 1 or len(imports) != 1:
            continue
        ex, im = exports[0], imports[0]
        if not _same_scope(f, ex, im):
            continue
        deficit = m.group(2) == "逆差"
        hi, lo = (im, ex) if deficit else (ex, im)
        yield Relation("trade-balance", "difference", f, (hi, lo), "{0} - {1}", "error",
                       f"{m.group(2)} {f.shown} = {'进口' if deficit else '出口'} {hi.shown} - "
                       f"{'出口' if deficit else '进口'} {lo.shown}",
                       message="a trade surplus is exports less imports, a deficit imports less exports")


def _same_scope(balance: Fig, ex: Fig, im: Fig) -> bool:
    """The balance names no partner or category that the levels do not name (服务贸易逆差 after goods figures)."""
    head = balance.label
    at = max(head.rfind("顺差"), head.rfind("逆差"), head.rfind("差额"))
    words = head[:at]
    return all(q not in words or (q in ex.context + ex.label and q in im.context + im.label) for q in _QUALIFIERS
               if q != "货物") and not re.search(r"对[\u4e00-\u9fff]{1,6}(的)?(贸易)?$", words)
