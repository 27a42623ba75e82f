"""check's yield-per-area rule (check/rules/crop_yield.py): a yield (亩产, 单产, 每公顷产量) is the output over the
area. Sentences written for these tests: each consistent one raises nothing, the same one with the yield off
raises the error a user sees."""

from __future__ import annotations

import pytest

from check_cases import assert_right_and_wrong, assert_rule_case

RULE = ("yield-per-area",)
ROWS = [
    # in one sentence, the output and area since the previous yield: 352.7万吨 / 1012.4万亩 = 348.4公斤/亩
    ("夏粮产量352.7万吨，增长1.6%；夏粮播种面积1012.4万亩，亩产{x}公斤。秋粮产量915.7万吨；秋粮播种面积2174.1万亩，"
     "亩产421.2公斤。", "348.4", "368.4", "352.7万吨 / 1012.4万亩"),
    ("夏糧播種面積18.36萬畝，產量6.42萬噸，畝產349.7公斤；秋糧播種面積44.12萬畝，產量19.93萬噸，畝產{x}公斤。",
     "451.7", "471.7", "19.93萬噸 / 44.12萬畝"),
    # a yield that names its crop, over the crop's figures earlier in the paragraph (千公顷: 15 亩 each)
    ("全年粮食播种面积165.84千公顷，比上年增加0.62千公顷。粮食总产量112.36万吨，比上年增长2.1%。其中，夏粮产量38.52万吨；"
     "秋粮产量73.84万吨。全年粮食平均亩产{x}公斤。", "451.7", "471.7", "112.36万吨 / 165.84千公顷"),
    # a yield printed per 亩 as its unit, the output in the paragraph before
    ("2024年，全省粮食总产量1268.4万吨。\n全省粮食播种面积3186.5万亩，比上年增加12.6万亩；粮食单产{x}公斤/亩。",
     "398.1", "418.1", "1268.4万吨 / 3186.5万亩"),
]


@pytest.mark.parametrize(("text", "right", "wrong", "shown"), ROWS)
def test_a_yield_is_the_output_over_the_area(text: str, right: str, wrong: str, shown: str) -> None:
    assert_right_and_wrong(RULE, text, right, wrong, shown)


@pytest.mark.parametrize("text", [
    # a change of the yield is no yield
    "粮食总产量26.35万吨；播种面积62.48万亩；平均亩产比上年提高7.1公斤。",
    # a yield of no named crop with no output and area in its sentence: nothing pins what it divides
    "全省粮食总产量1268.4万吨。播种面积3186.5万亩。亩产500.0公斤。",
])
def test_not_read_as_a_yield(text: str) -> None:
    assert_rule_case(RULE, text, None, "")
