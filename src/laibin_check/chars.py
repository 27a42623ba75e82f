"""The character classes every reading shares: what a CJK character is, and the shape of a converter artifact.

One definition each, so the report's normalisation, the figure scanner, extract and the hygiene checks never
disagree about them. Pure and import-free: report.py loads it on every run.
"""

from __future__ import annotations

import re

CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # the unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x3FFFF),  # Extensions B to H (planes 2 and 3)
)
"""The CJK ideographs: Extension A, the unified block, compatibility ideographs, and planes 2 and 3."""

CJK_CLASS = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in CJK_RANGES)
"""The same ranges as the inside of a regex character class: f"[{CJK_CLASS}]"."""


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


# A converter artifact is a CJK character followed by one lower-case pinyin syllable in ASCII or full-width
# parentheses: tone-marked vowels (區(qū)), a tone digit (區(qu1)) or none (區(qu)). pypinyin writes a few readings with
# combining tone marks (嘸 m̄, 欸 ê̄), so U+0300-U+030C count as letters too, and two as precomposed letters (欸
# ế, ề). Capitalised romanisations (來賓(Laibin)) never match: converters write pinyin in lower case, names do not.
# The report's normalisation drops every match after a CJK character (so a quote matches with or without it); the
# hygiene check flags the matches that pypinyin confirms as a reading of that character. One shape, so what is
# flagged is always what is dropped.
PINYIN_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêếềńňǹḿ\u0300-\u030c"
ARTIFACT_SHAPE = re.compile(rf"[(\uff08]([a-z{PINYIN_VOWELS}]{{1,8}}[1-5]?)[)\uff09]")


_OPENING, _REST = ARTIFACT_SHAPE.pattern.split("]", 1)
_AFTER_CJK = re.compile(f"{_OPENING}](?<=[{CJK_CLASS}]{_OPENING}]){_REST}")
"""ARTIFACT_SHAPE with the CJK character before it asked by the regex engine: its parenthesis first, so the
engine skips to the next one in C, then a look behind it. Testing each match's preceding character in Python
(is_cjk) cost a third of the search on a report with hundreds of artifacts."""


def artifacts(text: str) -> list[re.Match[str]]:
    """Every match of ARTIFACT_SHAPE right after a CJK character (a match holds no parenthesis, so dropping one
    never lets another start inside it, and none is skipped for one that was not after a CJK character)."""
    return list(_AFTER_CJK.finditer(text))


def occurrences(text: str, part: str) -> list[int]:
    """Every offset of `part` (a character, or a few) in `text`, ascending, overlapping ones included: found by
    str.find in C, for something a text holds a few times (a pass over the text in Python costs a thousand
    times more per character)."""
    found = []
    at = text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found
