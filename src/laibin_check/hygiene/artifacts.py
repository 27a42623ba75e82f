"""Converter artifacts: a character followed by its own pinyin, 區(qū), confirmed by pypinyin."""

from __future__ import annotations

from typing import NamedTuple

from laibin_check.chars import ARTIFACT_SHAPE, is_cjk
from laibin_check.hygiene.readings import is_reading

SHAPE = ARTIFACT_SHAPE
"""One lower-case syllable in parentheses: chars.ARTIFACT_SHAPE, the one definition (report.py drops what it
matches)."""


class Artifact(NamedTuple):
    """`(syllable)` at [start, end) of the text, glued to `char`, of which it is a reading."""

    start: int
    end: int
    char: str
    syllable: str


def find_artifacts(text: str) -> list[Artifact]:
    """Every `(syllable)` right after a CJK character that the syllable is a reading of.

    That is the converter's fingerprint. Deliberate pinyin differs: a word glossed by its syllables
    (拼音(pīnyīn)) has several syllables, which are no single reading of the last character, and a name's
    romanisation (來賓(Laibin)) is capitalised. Real parentheticals ((市、區), (項目)) hold no pinyin at all.
    """
    found = []
    for m in SHAPE.finditer(text):
        start = m.start()
        if start == 0 or not is_cjk(text[start - 1]):
            continue
        char, syllable = text[start - 1], m.group(1)
        if is_reading(char, syllable):
            found.append(Artifact(start, m.end(), char, syllable))
    return found


def artifact_after(text: str, end: int, char: str) -> Artifact | None:
    """The artifact at `end` read against `char`: pinyin left after a garbled span, checked on its repair."""
    m = SHAPE.match(text, end)
    if m is None or not is_reading(char, m.group(1)):
        return None
    return Artifact(m.start(), m.end(), char, m.group(1))
