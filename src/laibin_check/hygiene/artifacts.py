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
    found: list[Artifact] = []
    # A report repeats a few dozen (character, syllable) pairs hundreds of times: each is judged once.
    judged: dict[tuple[str, str], bool] = {}
    make = tuple.__new__  # Artifact(...) without its Python-level __new__
    for m in SHAPE.finditer(text):
        start, end = m.span()
        if not start:
            continue
        pair = (text[start - 1], m[1])
        artifact = judged.get(pair)
        if artifact is None:
            artifact = judged[pair] = is_cjk(pair[0]) and is_reading(*pair)
        if artifact:
            found.append(make(Artifact, (start, end, *pair)))
    return found


def artifact_after(text: str, end: int, char: str) -> Artifact | None:
    """The artifact at `end` read against `char`: pinyin left after a garbled span, checked on its repair."""
    m = SHAPE.match(text, end)
    if m is None or not is_reading(char, m.group(1)):
        return None
    return Artifact(m.start(), m.end(), char, m.group(1))
