"""A daily average and the total it averages: 集装箱吞吐量862.57万标箱…日均4.77万标箱 (862.57 / 181 for 上半年
of 2025); 按上半年181天计算，日均实现社会消费品零售额18.06亿元; 五一假期5天…日均接待游客122.5万人次.

The days are those the text prints for it (按181天计算, 假期5天, 共7天) in its sentence or the one before, or
else the calendar days of the period the figure is read in: a year (2024 has 366), a half, a quarter, 1-N月, a
month; a February of an unnamed year is either length, and 全年 with no year is the report's year (its first
period) or, failing one, 365 or 366 days. The total is an earlier level of the same unit, in the sentence or
the two before it in the paragraph (a part after 其中 only in the average's own sentence), not itself an
average, a plan or a compared level, and a change exactly when the average is of one (平均每天新增存款);
when the average names its measure (日均接待国内游客), the one sharing most of it. Averages over trading or
working days (日均成交额, 交易日, 工作日) divide by days the text does not give, and are left alone.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from laibin_check.check.model import Fig, Model, averaged, changed, compared, longest_common, planned, words_only
from laibin_check.check.relation import Relation
from laibin_check.numbers import parse_chinese_numeral

_DAILY = re.compile(r"(日均|平均每天|平均每日|每天平均|每日平均)([^,;。]{0,16})$")
_TRADING = re.compile(r"(成交|交易|换手|工作日|营业日)")
_DAYS = re.compile(r"(按|以)[^,;。]{0,8}?(?P<n>\d{1,3}|[一二三四五六七八九十百]+)天计(算)?"
                   r"|(假期|长假|小长假|共|历时|为期)(?P<m>\d{1,3}|[一二三四五六七八九十]+)天")
_PERIOD = re.compile(r"^(?P<y>\d{4})?(?:M(?P<a>\d{1,2})(?:-(?P<b>\d{1,2}))?|Q(?P<q>[1-4])|(?P<h>H2))?$")
_WHOLE_YEAR = re.compile(r"(全年|年度|全年度)")
"""全年 with no year named: the report's year (its first period), or 365 or 366 days."""
_OF_CHANGE = re.compile(r"^(新增|增加|净增)")
"""平均每天新增存款: the average of a change, whose total is the change (比年初增加412.35亿元), not the balance."""
_MAX_BACK = 8


def propose(model: Model) -> Iterator[Relation]:
    for f in model.figs:
        if f.role != "level":
            continue
        m = _DAILY.search(f.label)
        if m is None or _TRADING.search(f.context[-24:]):
            continue
        # the measure around 日均 (全市公共交通日均客运量: 全市公共交通客运量)
        measure = words_only(f.label[:m.start()] + m.group(2))
        total = _total(model, f, measure, _OF_CHANGE.search(m.group(2)) is not None)
        if total is None:
            continue
        printed = _printed_days(model, f)
        period = f.period or total.period
        if not period and _WHOLE_YEAR.search(model.norm[model.norm.rfind("\n", 0, f.start) + 1:f.start]):
            period = model.first_period[:4] if model.first_period[:4].isdigit() else "year"
        readings = [printed] if printed else _calendar_days(period)
        for days in readings:
            yield Relation("daily-average", "ratio", f, (total,), f"{{0}} / {days}", "error",
                           f"{m.group(1)}{f.shown}: {total.shown} over {days} days"
                           + (" (printed)" if printed else f" (the days of {period})"),
                           claim=f"daily:{f.idx}", message="a daily average is the total over the days")


def _total(model: Model, f: Fig, measure: str, of_change: bool) -> Fig | None:
    """The level the average divides: of those before it, the one whose words share the most of the average's
    measure (日均接待国内游客: 国内游客, not the 入境游客 printed nearer), the nearest of equals."""
    best: tuple[int, Fig] | None = None
    for t in reversed(model.figs[max(0, f.idx - _MAX_BACK):f.idx]):
        if t.line != f.line or t.sentence < f.sentence - 2:
            break
        if t.sentence != f.sentence and "其中" in t.context:
            continue  # 其中，城市轨道交通客运量4.38亿人次…。全市公共交通日均客运量: a part, not the whole averaged
        if t.role != "level" or t.unit.dims != f.unit.dims or t.mention.base_unit != f.mention.base_unit:
            continue
        if averaged(t) or changed(t) != of_change or compared(t) or planned(t):
            continue
        # a change's clause names no measure (较年初增加412.35亿元): its sentence does
        words = words_only(t.label) if len(words_only(t.label)) >= 3 and not of_change else words_only(t.context[-24:])
        score = longest_common(measure, words) if len(measure) >= 2 else 2
        if score >= 2 and (best is None or score > best[0]):
            best = (score, t)
    return best[1] if best else None


def _printed_days(model: Model, f: Fig) -> int:
    start, _ = model.sentence_span(max(0, f.sentence - 1))
    found = 0
    for m in _DAYS.finditer(model.norm, start, f.start):
        n = m.group("n") or m.group("m")
        found = int(n) if n.isdigit() else parse_chinese_numeral(n)
    return found


def _calendar_days(period: str) -> list[int]:
    """The days of a period key (model._period_key): one count, or two when the year is not named and the
    span holds a February."""
    if period == "year":
        return [365, 366]
    m = _PERIOD.match(period)
    if m is None or not period:
        return []
    if m.group("q"):
        months = range(3 * int(m.group("q")) - 2, 3 * int(m.group("q")) + 1)
    elif m.group("h"):
        months = range(7, 13)
    elif m.group("a"):
        a = int(m.group("a"))
        months = range(a, int(m.group("b") or a) + 1)
    elif m.group("y"):
        months = range(1, 13)
    else:
        return []
    if not all(1 <= mo <= 12 for mo in months):
        return []
    years = [int(m.group("y"))] if m.group("y") else [2023, 2024]  # a common and a leap year
    counts = sorted({sum(calendar.monthrange(y, mo)[1] for mo in months) for y in years})
    return counts
