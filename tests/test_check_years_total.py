"""check's total-over-years rule (check/rules/years_total.py): a total over N years is the sum of the figures
of its measure printed for the years it spans. Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

YEARS = ("根据市委组织部公布的数据，2017到2019年新增留市大学生共109.5万人。\n"
         "2021年年初公布的数据显示，2020年全市总共留下了30.2万大学生。\n人才净流入率已提升至19.2%。\n"
         "“{n}年新增留市大学生{t}万人”成绩背后，是政策因素。")

CASES = [
    (YEARS.format(n="4", t="139.7"), None, ""),
    (YEARS.format(n="4", t="139.4"), "error", "109.5万人 + 30.2万"),
    (YEARS.format(n="四", t="149.7"), "error", "109.5万人 + 30.2万"),
    (YEARS.format(n="5", t="149.7"), None, ""),  # five years: the printed years do not make up the span
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_total_over_years(text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(("total-over-years",), text, severity, shown)


def test_figures_of_another_measure_are_not_its_years() -> None:
    text = ("2017到2019年新增就业共109.5万人。\n2020年全市总共留下了30.2万大学生。\n"
            "“4年新增留市大学生150万人”成绩背后，是政策因素。")
    assert_rule_case(("total-over-years",), text, None, "")
