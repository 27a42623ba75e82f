"""One pass over a report's text: converter artifacts, garbled spans and mixed-script characters, as data."""

from __future__ import annotations

import bisect
from typing import NamedTuple

from laibin_check.hygiene.artifacts import SHAPE, Artifact, artifact_after, find_artifacts
from laibin_check.hygiene.charclass import is_cjk, ordinariness
from laibin_check.hygiene.garbled import Suspect, find_garbled
from laibin_check.hygiene.redecode import Context, Outcome, search
from laibin_check.hygiene.scripts import Mismatch, Script, dominant_script, mismatches, to_script


class Garbled(NamedTuple):
    """A garbled span and what the repair search made of it; `replacement` is None when it gave up."""

    suspect: Suspect
    outcome: Outcome
    replacement: str | None


class Misscript(NamedTuple):
    """A character of the other script at `offset` of the text, with the character expected there."""

    offset: int
    mismatch: Mismatch
    script: Script


class Scan(NamedTuple):
    artifacts: tuple[Artifact, ...]
    garbled: tuple[Garbled, ...]
    misscripts: tuple[Misscript, ...]
    script: Script

    def edits(self) -> list[tuple[int, int, str]]:
        """(start, end, replacement) that `fix` applies: artifacts removed, garbled spans repaired."""
        edits = [(a.start, a.end, "") for a in self.artifacts]
        edits += [(g.suspect.start, g.suspect.end, g.replacement)
                  for g in self.garbled if g.replacement is not None]
        return sorted(edits)


def scan(text: str) -> Scan:
    # Cheap before dear: pinyin data is read only for a text with an `X(syllable)` candidate, the repair
    # search runs only on suspects, and OpenCC loads only for a text with script-specific characters.
    artifacts = find_artifacts(text) if SHAPE.search(text) else []
    chars = set(text)  # the text's characters, each once: what the checks below ask about
    suspects = find_garbled(text, [(a.start, a.end) for a in artifacts], chars)
    script = dominant_script(text, chars)
    context = _context(text, suspects, chars) if suspects else None
    garbled = []
    for found in suspects:
        assert context is not None
        suspect, outcome = _widened_search(text, found, context)
        replacement = None
        if outcome.repair is not None:
            replacement = to_script(outcome.repair.text, script)
            # Pinyin glued to the span's last (garbled) character is an artifact of the repaired one.
            orphan = artifact_after(text, suspect.end, replacement[-1])
            if orphan is not None:
                artifacts.append(orphan)
        garbled.append(Garbled(suspect, outcome, replacement))
    artifacts.sort(key=lambda a: a.start)
    skipped = [(a.start, a.end) for a in artifacts] + [(s.start, s.end) for s in suspects]
    view = _view(text, skipped)
    misscripts = tuple(Misscript(view.offset(m.index), m, script)
                       for m in mismatches(view.text, script, chars))
    return Scan(tuple(artifacts), tuple(garbled), misscripts, script)


_WIDEN = 2
"""Characters a suspect may grow by on each side: a wrong decoding's edge characters can be common."""


def _widened_search(text: str, suspect: Suspect, context: Context) -> tuple[Suspect, Outcome]:
    """The repair search on the suspect, and if that fails on the suspect grown over up to two neighbouring
    characters (CJK or letters) each side; the most ordinary repair wins, the narrowest span on a tie."""
    def growable(i: int) -> bool:
        return 0 <= i < len(text) and (is_cjk(text[i]) or (text[i].isalpha() and text[i] < "\u0370"))

    narrow = search(text[suspect.core_start : suspect.end], suspect.lost_byte, context)
    if narrow.repair is not None:
        return suspect, narrow
    lefts = [0]
    if not suspect.lost_byte:  # a lost byte already marks where the garbling starts
        while len(lefts) <= _WIDEN and growable(suspect.start - len(lefts)):
            lefts.append(len(lefts))
    rights = [0]
    while len(rights) <= _WIDEN and growable(suspect.end + len(rights) - 1):
        rights.append(len(rights))
    best: tuple[float, Suspect, Outcome] | None = None
    for left in lefts:
        for right in rights:
            if left == right == 0:
                continue
            grown = Suspect(suspect.start - left, suspect.end + right, suspect.core_start - left,
                            suspect.lost_byte)
            outcome = search(text[grown.core_start : grown.end], grown.lost_byte, context)
            if outcome.repair is None:
                continue
            score = ordinariness(outcome.repair.text)
            if best is None or score > best[0]:
                best = (score, grown, outcome)
    return (best[1], best[2]) if best is not None else (suspect, narrow)


class _View(NamedTuple):
    """A text with spans left out: `text`, and for each kept piece where it starts in it and in the original."""

    text: str
    starts: list[int]
    origins: list[int]

    def offset(self, index: int) -> int:
        """The offset in the original text of the character at `index` of the view."""
        k = bisect.bisect_right(self.starts, index) - 1
        return self.origins[k] + index - self.starts[k]


def _view(text: str, skipped: list[tuple[int, int]]) -> _View:
    """The text without the skipped spans, and a map back to the original offsets.

    Mixed-script conversion must see 制造 whole even when the report writes 制(zhì)造, and must not read the
    characters of a garbled span as prose.
    """
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    length = 0
    pos = 0
    for start, end in [*sorted(skipped), (len(text), len(text))]:
        if start > pos:
            pieces.append(text[pos:start])
            starts.append(length)
            origins.append(pos)
            length += start - pos
        pos = max(pos, end)
    return _View("".join(pieces), starts, origins)


def _context(text: str, suspects: list[Suspect], chars: set[str]) -> Context:
    """The text without the suspects, for the repair search. Its characters are the text's, less those only
    the suspects hold (they never overlap): no pass over the text."""
    spans = [(s.start, s.end) for s in suspects]
    rest = _view(text, spans).text
    inside = set("".join(text[start:end] for start, end in spans))
    return Context(rest, frozenset(chars - {ch for ch in inside if ch not in rest}))
