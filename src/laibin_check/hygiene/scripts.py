"""Simplified and traditional script: which one a text is in, conversion between them, and mixed use."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from laibin_check.zhconv import TableConverter
from laibin_check.zhconv import converter as _zhconv

Script = Literal["traditional", "simplified", "unknown"]

# OpenCC's standard traditional forms are checked against Taiwan's and Hong Kong's too (t2tw, t2hk), so
# 群, 核實 and 平台 pass. These few remain where Taiwan's Ministry of Education lists the plain form as
# standard beside OpenCC's choice (家具 beside 傢俱, 了解 beside 瞭解, 公布 beside 公佈); reporting them
# would flag clean text.
ACCEPTED_IN_TRADITIONAL = frozenset("家具了布")


def converter(config: Literal["t2s", "s2t", "t2tw", "t2hk"]) -> TableConverter:
    """OpenCC's conversions, in Python (zhconv), loaded on first use and shared with the quote matcher: t2s, t2tw,
    t2hk are OpenCC's own configurations; s2t is the lean one (see hygiene/build_opencc_data.py)."""
    return _zhconv(config)


@lru_cache(maxsize=8192)
def _script_of(ch: str) -> Script:
    """A character in GB 2312 but not Big5 is simplified-only; in Big5 but not GB 2312, traditional-only."""
    def fits(codec: str) -> bool:
        return bool(ch.encode(codec, "ignore"))  # b"" when the codec lacks it: no exception raised and caught

    gb, big5 = fits("gb2312"), fits("big5")
    if gb and not big5:
        return "simplified"
    if big5 and not gb:
        return "traditional"
    return "unknown"


def dominant_script(text: str) -> Script:
    """The script most script-specific characters of `text` belong to; "unknown" if it has none."""
    counts = {"traditional": 0, "simplified": 0}
    # Each distinct character once, with its count: a report repeats a thousand characters five thousand times.
    for ch, n in Counter(text).items():
        if ch >= "\u3400":
            kind = _script_of(ch)
            if kind != "unknown":
                counts[kind] += n
    if counts["traditional"] == counts["simplified"]:
        return "unknown"
    return "traditional" if counts["traditional"] > counts["simplified"] else "simplified"


def to_script(text: str, script: Script) -> str:
    """`text` written in `script` (phrase-aware), or unchanged for "unknown"."""
    if script == "traditional":
        return converter("s2t").convert(converter("t2s").convert(text))
    if script == "simplified":
        return converter("t2s").convert(text)
    return text


@dataclass(frozen=True)
class Mismatch:
    """One character written in the other script: its index in the text checked and the character expected."""

    index: int
    char: str
    expected: str


def mismatches(text: str, script: Script) -> list[Mismatch]:
    """Characters of `text` that belong to the other script than `script`, with the phrase-aware replacement.

    In a traditional text a character is reported when it is already its own simplified form (t2s leaves
    it alone) yet the phrase-aware s2t of the sentence writes another one there: 干部 -> 幹部, 奮斗 -> 奮鬥.
    Variants that t2s itself changes (裡, 着) are traditional usage and left alone, and so is a character that
    Taiwan's or Hong Kong's standard writes (群, 台). In a simplified text a character is reported when t2s
    changes it.
    """
    if script == "unknown" or not text:
        return []
    simplified = converter("t2s").convert(text)
    if len(simplified) != len(text):  # OpenCC's s2t/t2s dictionaries keep lengths; never misalign a report
        return []
    if script == "simplified":
        return [Mismatch(i, a, b) for i, (a, b) in enumerate(zip(text, simplified, strict=True)) if a != b]
    traditional = converter("s2t").convert(simplified)
    taiwan = converter("t2tw").convert(traditional)
    hong_kong = converter("t2hk").convert(traditional)
    if not len(traditional) == len(taiwan) == len(hong_kong) == len(text):
        return []
    found = []
    for i, (orig, expected) in enumerate(zip(text, traditional, strict=True)):
        if orig == expected:  # nearly every character: nothing more to ask
            continue
        if orig != simplified[i] or orig in ACCEPTED_IN_TRADITIONAL or orig in (taiwan[i], hong_kong[i]):
            continue
        found.append(Mismatch(i, orig, expected))
    return found
