"""Measure names as the genre shortens them (社零 for 社会消费品零售总额, 外贸 for 进出口, 固投 for 固定资产投资),
and the whole places they belong to as the genre names them (全市, 我市, 本市 are one).

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


SAME_ENTITY: dict[str, tuple[str, ...]] = {
    "全市": ("全市", "我市", "本市", "该市"), "全省": ("全省", "我省", "本省", "该省"),
    "全区": ("全区", "我区", "本区", "该区"), "全县": ("全县", "我县", "本县", "该县"),
    "全国": ("全国", "我国", "中国"),
}
"""The spellings of each whole place: a report says 全市 and 我市 of one city."""
_ENTITY_OF = {spelling: entity for entity, spellings in SAME_ENTITY.items() for spelling in spellings}


def leading_entity(words: str) -> tuple[str, str]:
    """The whole place `words` open with, in one spelling (我市进出口 -> ("全市", "进出口")), or ("", words)."""
    entity = _ENTITY_OF.get(words[:2], "")
    return (entity, words[2:]) if entity else ("", words)
