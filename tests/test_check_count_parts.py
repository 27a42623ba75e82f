"""check's counts-within-whole rule (check/rules/count_parts.py): counts of items that each did something
different are at most the counted whole they are among. Sentences written for these tests."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

AMONG = "1-11月份，在{w}个工业大类行业中，33个行业利润总额同比增长，1个行业减亏，7个行业下降。"

CASES = [
    (AMONG.format(w="41"), None, ""),
    (AMONG.format(w="45"), None, ""),  # at most: some may be flat and not counted
    (AMONG.format(w="29"), "error", "33个 + 1个 + 7个 <= 29个"),
]


@pytest.mark.parametrize(("text", "severity", "shown"), CASES)
def test_counts_within_whole(text: str, severity: str | None, shown: str) -> None:
    found = assert_rule_case(("counts-within-whole",), text, severity, shown)
    if severity is not None:
        assert found[0]["code"] == "LC107"


@pytest.mark.parametrize("text", [
    # both parts grew, in different measures: the same industry can be in both
    "全市37个工业行业大类中，33个行业增加值同比增长，28个行业两年平均增速正增长。",
    "全市20个工业行业大类中，33个行业增加值同比增长，28个行业两年平均增速正增长。",
])
def test_parts_that_may_overlap_are_left_alone(text: str) -> None:
    assert_rule_case(("counts-within-whole",), text, None, "")
