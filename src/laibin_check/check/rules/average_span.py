"""The average annual growth over a span the text names and the growth over the whole span: 十年间增长46.1%,
年平均增长率为3.9% means (1 + 3.9%)^10 = 1 + 46.1%.

An average annual growth rate (年均增长, 年平均增长率) is the geometric mean of the years' growths by definition
(the 水平法 of statistical releases), so when a sentence prints the span (十年间, 过去5年, 近三年) and the growth
over it just before the average, the pair pins the relation. A text that says it took a simple arithmetic mean
(简单算术平均) states another relation and is left alone, as are the two-year averages against a base year
(two-year averages are average.py's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from laibin_check.check.model import Model
from laibin_check.check.relation import Relation

_AVERAGE = re.compile(r"(?<![两三四五]年)(年平均|年均)(增长率|增长速度|增长|增速|增幅|下降|减少)?(为|达到|达|是)?$")
_YEARS_TEXT = r"\d{1,2}|[两二三四五六七八九十]|十[一二三四五六七八九]"
_SPAN = re.compile(rf"(?:过去|近|这|最近)?(?P<n>{_YEARS_TEXT})年(?:间|来|里|中|内)"
                   rf"|(?:过去|近|最近)(?P<m>{_YEARS_TEXT})年"
                   rf"|(?:的|这)(?P<k>{_YEARS_TEXT})年(?=[,;])")
"""十年间, 过去5年, 近三年; 是…最高的十年, (the decade the sentence speaks of, closed by its clause)."""
_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_ARITHMETIC = ("算术", "简单平均", "简单计算")
_MAX_YEARS = 20


def propose(model: Model) -> Iterator[Relation]:
    for y in model.figs:
        if y.role not in ("growth", "rate") or _AVERAGE.search(y.label) is None:
            continue
        s_start, s_end = model.sentence_span(y.sentence)
        sentence = model.norm[s_start:s_end]
        if any(w in sentence for w in _ARITHMETIC):
            continue
        before = [f for f in model.in_sentence(y) if f.end <= y.start and f.role in ("growth", "rate")]
        if not before:
            continue
        x = before[-1]
        if x.clause < y.clause - 2 or _AVERAGE.search(x.label) or "平均" in x.label:
            continue
        spans = {_years(m) for m in _SPAN.finditer(model.norm[s_start:y.start])}
        if len(spans) != 1:
            continue  # no span named, or two: nothing pins n
        n = spans.pop()
        if not 2 <= n <= _MAX_YEARS:
            continue
        formula = " * ".join(["(1 + {0})"] * n) + " == 1 + {1}"
        yield Relation("average-over-span", "equal", None, (y, x), formula, "error",
                       f"{x.shown} over {n} years, {y.label[-6:]}{y.shown}: (1 + average)^{n} = 1 + growth",
                       message=f"the average annual {y.shown} does not compound to {x.shown} over {n} years")


def _years(m: re.Match[str]) -> int:
    text = m.group("n") or m.group("m") or m.group("k")
    if text.isdigit():
        return int(text)
    if len(text) == 2:
        return 10 + _NUMERALS[text[1]]
    return _NUMERALS[text]
