"""Simplified and traditional script: which one a text is in, conversion between them, and mixed use."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from laibin_check.hygiene.charclass import occurrences
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


def dominant_script(text: str, chars: Collection[str] | None = None) -> Script:
    """The script most script-specific characters of `text` belong to; "unknown" if it has none.

    A character (U+3400 and above) in GB 2312 but not Big5 is simplified-only; in Big5 but not GB 2312,
    traditional-only. `chars`: the text's distinct characters (or more), when the caller has them."""
    # Traditional-only less simplified-only occurrences = those in Big5 less those in GB 2312 (a character in
    # both counts in neither), counted in C by encoding the text with the others left out: every non-ASCII
    # character either codec holds is two bytes, ASCII is one in both and cancels. The few non-ASCII characters
    # below U+3400 (punctuation) are taken back out. No pass over the text in Python, nor a string per character.
    lead = len(text.encode("big5", "ignore")) - len(text.encode("gb2312", "ignore"))
    for ch in set(text) if chars is None else chars:
        if "\x80" <= ch < "\u3400":
            differs = _in_codec(ch, "big5") - _in_codec(ch, "gb2312")
            if differs:
                lead -= 2 * differs * text.count(ch)
    if lead == 0:
        return "unknown"
    return "traditional" if lead > 0 else "simplified"


@lru_cache(maxsize=4096)
def _in_codec(ch: str, codec: str) -> int:
    """1 when the codec can write the character, else 0."""
    return 1 if ch.encode(codec, "ignore") else 0  # b"" when the codec lacks it: no exception raised and caught


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


def mismatches(text: str, script: Script, chars: Collection[str] | None = None) -> list[Mismatch]:
    """Characters of `text` that belong to the other script than `script`, with the phrase-aware replacement.

    In a traditional text a character is reported when it is already its own simplified form (t2s leaves
    it alone) yet the phrase-aware s2t of the sentence writes another one there: 干部 -> 幹部, 奮斗 -> 奮鬥.
    Variants that t2s itself changes (裡, 着) are traditional usage and left alone, and so is a character that
    Taiwan's or Hong Kong's standard writes (群, 台). In a simplified text a character is reported when t2s
    changes it. `chars`: the text's distinct characters (or more), when the caller has them.
    """
    if script == "unknown" or not text:
        return []
    if script == "simplified":
        simplified = converter("t2s").convert(text)
        if len(simplified) != len(text):  # OpenCC's s2t/t2s dictionaries keep lengths; never misalign a report
            return []
        return [Mismatch(i, a, b) for i, (a, b) in enumerate(zip(text, simplified, strict=True)) if a != b]
    # Only a character that s2t may write as another can be expected otherwise, and no phrase crosses a
    # separator: so only the pieces of text that hold such a character are converted (a third of a
    # traditional report). Every conversion keeps offsets (build_opencc_data asserts it), and a piece converts
    # exactly as it does inside the whole text (tests/test_hygiene_scripts.py checks it against converting the
    # whole text).
    s2t = converter("s2t")
    spots = sorted(i for ch in s2t.changes.intersection(text if chars is None else chars)
                   for i in occurrences(text, ch))
    if not spots:
        return []
    pieces = _pieces(text, spots)
    joined, starts = _joined(text, [(start, end) for start, end, _ in pieces])
    simplified = converter("t2s").convert(joined, chars)
    traditional = s2t.convert(simplified)
    found: dict[int, list[tuple[int, int]]] = {}  # piece -> (offset in text, in joined) of its mismatches
    for n, (start, _, held) in enumerate(pieces):
        for i in held:
            orig, at = text[i], starts[n] + i - start
            if orig == simplified[at] and traditional[at] != orig and orig not in ACCEPTED_IN_TRADITIONAL:
                found.setdefault(n, []).append((i, at))
    if not found:
        return []
    spans = {n: (starts[n], starts[n] + pieces[n][1] - pieces[n][0]) for n in found}
    taiwan = _regional("t2tw", traditional, spans, found)
    hong_kong = _regional("t2hk", traditional, spans, found)
    return [Mismatch(i, text[i], traditional[at]) for held in found.values() for i, at in held
            if text[i] not in (taiwan.get(at, traditional[at]), hong_kong.get(at, traditional[at]))]


def _regional(config: Literal["t2tw", "t2hk"], traditional: str, spans: dict[int, tuple[int, int]],
              found: dict[int, list[tuple[int, int]]]) -> dict[int, str]:
    """What Taiwan's or Hong Kong's standard writes at the mismatches' offsets `at` of `traditional`, where
    it may write another character than OpenCC's (only there can it write the one the report has); only the
    pieces holding one are converted."""
    regional = converter(config)
    asked = {n: ats for n, held in found.items() if (ats := [at for _, at in held if traditional[at] in
                                                            regional.changes])}
    if not asked:
        return {}
    text, starts = _joined(traditional, [spans[n] for n in asked])
    out = regional.convert(text)
    return {at: out[start + at - spans[n][0]] for (n, ats), start in zip(asked.items(), starts, strict=True)
            for at in ats}


SEPARATORS = "\n。，、；：？！,;:?!0123456789.%()（）“”‘’《》…"
"""Characters that no phrase of t2s, s2t, t2tw or t2hk holds and that each leaves as it is (tests/test_zhconv.py
checks it): a text converts piece by piece between them exactly as it does whole."""
_SEPARATOR = re.compile(f"[{SEPARATORS}]")


def _pieces(text: str, spots: list[int]) -> list[tuple[int, int, list[int]]]:
    """The pieces of `text` between separators that hold the ascending `spots`: (start, end, spots inside)."""
    backwards = text[::-1]  # the separator before an offset is the first one after it in the reversed text
    pieces: list[tuple[int, int, list[int]]] = []
    for i in spots:
        if not pieces or i >= pieces[-1][1]:
            before = _SEPARATOR.search(backwards, len(text) - i)
            after = _SEPARATOR.search(text, i)
            pieces.append((len(text) - before.start() if before else 0, after.start() if after else len(text), []))
        pieces[-1][2].append(i)
    return pieces


def _joined(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The spans of `text` joined by newlines (a separator), and where each starts in the result."""
    starts = []
    at = 0
    for start, end in spans:
        starts.append(at)
        at += end - start + 1
    return "\n".join(text[start:end] for start, end in spans), starts
