"""check's proportions of counted units (rate-of-counts: 率, 增长面, 占比 after the two counts) and a target printed
in brackets (share-of-target: 完成全年目标任务（75万人）的91.3%). Sentences written for these tests, in both scripts;
each row states what a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_rule_case

CASES = [
    # (rules, text, severity or None when it holds or is not read, what the message shows)
    (("rate-of-counts",), "全省41个工业大类行业中，有29个行业增加值保持增长，增长面为70.7%。", None, ""),
    (("rate-of-counts",), "全省41个工业大类行业中，有29个行业增加值保持增长，增长面为72.7%。", "error", "29个 / 41个"),
    (("rate-of-counts",), "全省41個工業大類行業中，有31個行業增加值保持增長，增長面為70.7%。", "error", "31個 / 41個"),
    (("rate-of-counts",), "全市24个重点项目中，有18个已开工，开工率为75%。", None, ""),
    (("rate-of-counts",), "全市24个重点项目中，有18个已开工，开工率为80%。", "error", "18个 / 24个"),
    (("rate-of-counts",), "全市共有36个乡镇，其中27个乡镇实现通车，占比为75%。", None, ""),
    # a growth rate after two counts is not their proportion
    (("rate-of-counts",), "全市有120家企业，新增15家，增长14.3%。", None, ""),
    # 城镇化率 is defined by its name (urban over the whole population), not as the later of two counts over the
    # earlier: 1857.4 / 3004.9 (61.81%) is no reading of it, even where it comes close.
    (("rate-of-counts",), "年末常住人口4862.3万人。其中，城镇常住人口3004.9万人，乡村常住人口1857.4万人，"
     "常住人口城镇化率为61.80%。", None, ""),
    # 占…的 names its own whole: share.py reads it, not this rule
    (("rate-of-counts",), "全省41个行业中，有29个行业增长，占全部行业的比重为80%。", None, ""),
    (("share-of-target",), "全省城镇新增就业68.5万人，完成全年目标任务（75万人）的91.3%。", None, ""),
    (("share-of-target",), "全省城镇新增就业68.5万人，完成全年目标任务（75万人）的81.3%。", "error",
     "68.5万人 / 75万人"),
    (("share-of-target",), "全省城鎮新增就業68.5萬人，完成全年目標任務(75萬人)的81.3%。", "error", "68.5萬人 / 75萬人"),
]


@pytest.mark.parametrize(("rules", "text", "severity", "shown"), CASES)
def test_proportion(rules: tuple[str, ...], text: str, severity: str | None, shown: str) -> None:
    assert_rule_case(rules, text, severity, shown)
