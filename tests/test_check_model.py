"""check's figure model (check/model.py): how a list of figures after 分别 is read. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from laibin_check.check.model import Model, model_runs
from laibin_check.report import ReportText


def _runs(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    model = Model(ReportText.from_string(text, "t.txt"))
    return [(r.items, tuple(f.shown for f in r.figs), tuple(f.role for f in r.figs)) for r in model_runs(model)]


@pytest.mark.parametrize(("text", "items", "figures"), [
    ("2021年，甲市、乙市和丙市GDP分别为500亿元、600亿元和700亿元。",
     ("甲市", "乙市", "丙市GDP"), ("500亿元", "600亿元", "700亿元")),
    ("1-7月，全省第一、二、三产业和居民生活用电分别同比增长20.0%、17.9%、27.7%和6.3%。",
     ("第一产业", "第二产业", "第三产业", "居民生活用电"), ("20.0%", "17.9%", "27.7%", "6.3%")),
    ("1-7月，全省第一、二、三產業分別增長3.0%、4.0%和5.0%。",
     ("第一产业", "第二产业", "第三产业"), ("3.0%", "4.0%", "5.0%")),
])
def test_a_list_after_fenbie_names_each_figure_once(text: str, items: tuple[str, ...],
                                                    figures: tuple[str, ...]) -> None:
    (run,) = _runs(text)
    assert run[0] == items and run[1] == figures
    assert len(set(run[2])) == 1  # the words before the first name the role of all: 增长 makes each a growth
