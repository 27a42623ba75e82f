"""Finding spans of garbled text: clusters of decoding marks and rare characters inside ordinary prose."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from laibin_check.hygiene.charclass import is_bad_mark, is_cjk, is_rare_cjk, occurrences

# What a lost byte leaves behind: a '?' (a decoder's replacement), sometimes followed by the tail of a
# converter's pinyin whose opening parenthesis was swallowed into the broken character: "?qū)".
_LOST = re.compile(r"[?\ufffd](?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\))?")

_MAX_GAP = 2
"""Ordinary characters allowed between two suspicious ones: a wrong decoding also yields common characters."""


class Suspect(NamedTuple):
    """A garbled span [start, end); its re-decodable characters begin at `core_start`, after a lost byte."""

    start: int
    end: int
    core_start: int
    lost_byte: bool


def _weight(text: str, i: int) -> int:
    """2 for a mark of bad decoding, 1 for a rare character or a stray letter, 0 for ordinary text."""
    ch = text[i]
    if is_bad_mark(ch):
        return 2
    if ch in "?\ufffd":
        nxt = text[i + 1 : i + 2]
        # A '?' ending a question is punctuation; one glued to the next word is a byte the decoder gave up on.
        return 2 if nxt and (nxt.isalpha() or is_cjk(nxt)) else 0
    if is_rare_cjk(ch):
        return 1
    if _is_letter(ch):
        # A lone letter after CJK: the trail byte of a split character ("ㄔO", "鸿ō"), not a word ("GDP").
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        lone = not _is_letter(before) and not _is_letter(after)
        return 1 if lone and (is_cjk(before) or is_bad_mark(before)) else 0
    return 0


def _is_letter(ch: str) -> bool:
    return ch.isalpha() and ch < "\u0370"


@lru_cache(maxsize=8192)
def _may_weigh(ch: str) -> bool:
    return ch in "?\ufffd" or _is_letter(ch) or is_bad_mark(ch) or is_rare_cjk(ch)


def find_garbled(text: str, protected: Sequence[tuple[int, int]] = (), chars: Iterable[str] | None = None
                 ) -> list[Suspect]:
    """Every cluster that holds a mark of bad decoding and at least three suspicious characters in all,
    or four rare characters or more in a row of mostly rare ones. `protected` spans (confirmed converter
    artifacts) are never part of a cluster. `chars`: the text's distinct characters, when the caller has them.
    """
    # Weigh only characters that can weigh something: prose is nearly all common characters and punctuation,
    # and a text holds each of the others a few times, found by str.find in the text with the protected spans
    # blanked (hundreds of artifacts' letters never weigh).
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(protected):
        start = max(start, pos)  # overlapping spans: blank each character once
        if start < end:
            pieces += (text[pos:start], " " * (end - start))
            pos = end
    pieces.append(text[pos:])
    unprotected = "".join(pieces)
    weighed = sorted(i for ch in (set(text) if chars is None else chars) if _may_weigh(ch)
                     for i in occurrences(unprotected, ch))
    suspicious: list[tuple[int, int]] = []
    after = 0  # positions before this were taken by a lost byte's span
    for i in weighed:
        if i < after:
            continue
        lost = _LOST.match(text, i) if text[i] in "?\ufffd" else None
        if lost and _weight(text, i) and lost.end() < len(text) and _weight(text, lost.end()):
            suspicious.append((i, 2))
            suspicious.extend((j, 0) for j in range(i + 1, lost.end()))
            after = lost.end()
            continue
        w = _weight(text, i)
        if w:
            suspicious.append((i, w))
    return [s for s in (_qualify(text, c) for c in _clusters(text, suspicious)) if s is not None]


def _clusters(text: str, marks: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    clusters: list[list[tuple[int, int]]] = []
    for pos, weight in marks:
        if clusters:
            last = clusters[-1][-1][0]
            gap = text[last + 1 : pos]
            if len(gap) <= _MAX_GAP and all(is_cjk(ch) for ch in gap):
                clusters[-1].append((pos, weight))
                continue
        clusters.append([(pos, weight)])
    return clusters


def _qualify(text: str, cluster: list[tuple[int, int]]) -> Suspect | None:
    start, end = cluster[0][0], cluster[-1][0] + 1
    strong = sum(1 for _, w in cluster if w == 2)
    rare = sum(1 for _, w in cluster if w == 1)
    if not ((strong and strong + rare >= 3) or (rare >= 4 and rare * 2 >= end - start)):
        return None
    lost = _LOST.match(text, start)
    if lost and text[start] in "?\ufffd":
        return Suspect(start, end, lost.end(), True)
    return Suspect(start, end, start, False)
