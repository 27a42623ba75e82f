"""Converter artifacts: a character followed by its own pinyin, 區(qū), confirmed by pypinyin."""

from __future__ import annotations

import re
from typing import NamedTuple

from laibin_check.hygiene.charclass import is_cjk
from laibin_check.hygiene.readings import is_reading

# One lower-case syllable in ASCII or full-width parentheses: letters, tone-marked vowels, ü, or a tone digit.
# Capitalised romanisations (來賓(Laibin)) never match: converters write pinyin in lower case, names do not.
# pypinyin writes a few readings with combining tone marks (嘸 m̄, 欸 ê̄), so U+0300-U+030C count as letters too.
_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ\u0300-\u030c"
SHAPE = re.compile(rf"[(\uff08]([a-z{_VOWELS}]{{1,8}}[1-5]?)[)\uff09]")


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
