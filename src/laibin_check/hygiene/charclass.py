"""Kinds of characters, to tell garbled text from prose: common, rare, or a mark of bad decoding."""

from __future__ import annotations

from functools import lru_cache

from laibin_check.chars import is_cjk, occurrences

__all__ = ["is_bad_mark", "is_cjk", "is_common_cjk", "is_rare_cjk", "occurrences", "ordinariness"]

# Common characters are those of the first, most frequent level of the two national standards: GB 2312 level 1
# (3,755 simplified characters, lead bytes B0-D7) and Big5 level 1 (5,401 traditional characters, A440-C67E).
# Python's codecs carry both tables, so commonness costs no data file and no import.
_GB_LEVEL1 = range(0xB0, 0xD8)
_BIG5_LEVEL1 = range(0xA440, 0xC67F)


@lru_cache(maxsize=8192)
def is_common_cjk(ch: str) -> bool:
    """A character an ordinary news report uses: in GB 2312 level 1 or in Big5 level 1."""
    if not is_cjk(ch):
        return False
    try:
        gb = ch.encode("gb2312")
        if len(gb) == 2 and gb[0] in _GB_LEVEL1:
            return True
    except UnicodeEncodeError:
        pass
    try:
        big5 = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(big5) == 2 and int.from_bytes(big5, "big") in _BIG5_LEVEL1


def is_bad_mark(ch: str) -> bool:
    """A character that ordinary Chinese prose never holds but wrong decodings produce in numbers.

    Box drawing and block elements, bopomofo, kana, Greek and Cyrillic letters, vertical and compatibility
    punctuation (︽), private-use characters and the replacement character are what GBK and Big5 bytes read
    at the wrong offset turn into.
    """
    code = ord(ch)
    return (
        code == 0xFFFD
        or 0x2500 <= code <= 0x259F
        or 0x3100 <= code <= 0x312F
        or 0x31A0 <= code <= 0x31BF
        or 0x3040 <= code <= 0x30FF
        or 0x0370 <= code <= 0x03FF
        or 0x0400 <= code <= 0x04FF
        or 0xE000 <= code <= 0xF8FF
        or 0xFF61 <= code <= 0xFF9F
        or 0xFE10 <= code <= 0xFE1F
        or 0xFE30 <= code <= 0xFE4F
    )


def is_rare_cjk(ch: str) -> bool:
    return is_cjk(ch) and not is_common_cjk(ch)


_ORDINARY_MARKS = set("，。、；：？！“”‘’（）《》〈〉「」『』—…·%,.;:!()0123456789 \n")


def ordinariness(text: str) -> float:
    """Share of `text` that is common characters or ordinary punctuation and digits: 1.0 for clean prose."""
    if not text:
        return 0.0
    return sum(map(_is_ordinary, text)) / len(text)


@lru_cache(maxsize=8192)
def _is_ordinary(ch: str) -> bool:
    return ch in _ORDINARY_MARKS or is_common_cjk(ch)

