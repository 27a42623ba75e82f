"""Measure names as the genre shortens them: 社零 for 社会消费品零售总额, 外贸 for 进出口, 固投 for 固定资产投资.

A share names its whole by a short form (占社零总额比重, 占我国外贸总值的) of a measure the report printed in
full (社会消费品零售总额, 货物贸易进出口总值). Matching the two needs one spelling: `canonical` writes every short
form as the long one, in normalised (simplified) text, so rules compare names and never spell these out again.
"""

from __future__ import annotations

_LONG_FORMS = (
    ("社零", "社会消费品零售"),
    ("外贸", "进出口"),
    ("贸易", "进出口"),
    ("固投", "固定资产投资"),
    ("规上", "规模以上"),
    ("社融", "社会融资"),
)


def canonical(words: str) -> str:
    """`words` with each short form of a measure written out: 我与欧盟贸易规模 -> 我与欧盟进出口规模."""
    for short, long in _LONG_FORMS:
        words = words.replace(short, long)
    while "进出口进出口" in words:  # 外贸进出口, 货物贸易进出口: one measure
        words = words.replace("进出口进出口", "进出口")
    return words
