"""The repair search for a garbled span: re-encode, decode the other ways, keep a clearly ordinary reading."""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import NamedTuple

from laibin_check.hygiene.charclass import is_cjk, is_common_cjk, occurrences, ordinariness

ENCODINGS = ("gbk", "gb18030", "big5", "utf-8")
OFFSETS = range(4)

ORDINARY = 0.9
"""Share of common characters a reading needs to be proposed."""
MARGIN = 0.1
"""How far ahead of any different reading the best one must be; closer than that, the search gives up."""
FAMILIAR = 0.5
"""Share of a reading's characters that the rest of the report must also use. Common characters alone are not
enough: box-drawing junk decoded as Big5 reads 拄拄肓肓, all of them common, none of them news."""


class Context:
    """The rest of the report, as the search asks about it hundreds of times: which characters it uses, and
    which characters it writes before a given one. Made once per report, each answer when first asked."""

    def __init__(self, text: str, chars: frozenset[str] | None = None) -> None:
        self.text = text
        self._before: dict[str, frozenset[str]] = {}
        self.completions: dict[tuple[bytes, str, str], list[str]] = {}
        """_completions' answers: a span widened on the right asks again what its narrower self asked."""
        if chars is not None:  # the caller knows them: no pass over the text
            self.chars = chars

    @cached_property
    def chars(self) -> frozenset[str]:
        """The characters the text uses."""
        return frozenset(self.text)

    def before(self, ch: str) -> frozenset[str]:
        """Every character that `ch` follows somewhere in the text: the pairs the text writes that end in it."""
        found = self._before.get(ch)
        if found is None:
            text = self.text
            found = self._before[ch] = frozenset(text[at - 1] for at in occurrences(text, ch) if at)
        return found


def familiarity(text: str, context: Context) -> float:
    chars = [ch for ch in text if is_cjk(ch)]
    return sum(map(context.chars.__contains__, chars)) / len(chars) if chars else 0.0


class Reading(NamedTuple):
    """A candidate repair: `text`, got by encoding the span as `encoded_as`, decoding from byte `offset`."""

    text: str
    encoded_as: str
    decoded_as: str
    offset: int
    completed: str = ""
    """The character rebuilt from a lost lead byte and the dropped bytes, when there was one."""

    @property
    def how(self) -> str:
        how = f"encoded as {self.encoded_as}, decoded as {self.decoded_as} from byte {self.offset}"
        if self.completed:
            how += f"; {self.completed} rebuilt from its surviving bytes"
        return how


class Outcome(NamedTuple):
    """What the search found: the repair, or None with the best partial reading and why it gave up."""

    repair: Reading | None
    reason: str = ""
    partial: str = ""


@lru_cache(maxsize=64)
def _heads(dropped: bytes, encoding: str) -> tuple[str, ...]:
    """Common characters whose encoding ends in `dropped`: what a lost lead byte may have belonged to."""
    prefixes = [bytes([b]) for b in range(0x81, 0x100)]
    if encoding == "utf-8":
        if not all(0x80 <= b < 0xC0 for b in dropped):  # only continuation bytes can end a character
            return ()
        prefixes = [bytes([b]) for b in range(0xC2, 0xF5)] + [bytes([a, b]) for a in range(0xE0, 0xF0)
                                                               for b in range(0x80, 0xC0)]
    found = set()
    for prefix in prefixes:
        try:
            ch = (prefix + dropped).decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and is_common_cjk(ch):
            found.add(ch)
    return tuple(sorted(found))


def _completions(dropped: bytes, encoding: str, following: str, context: Context) -> list[str]:
    """Heads that form with `following` a pair the report itself writes elsewhere (the only word list at
    hand that is sure to share the report's vocabulary)."""
    asked = (dropped, encoding, following)
    found = context.completions.get(asked)
    if found is None:
        heads = _heads(dropped, encoding)
        if len(following) != 1:
            found = [ch for ch in heads if ch + following in context.text]
        else:  # the heads are sorted, and so is their intersection with the pairs' first characters
            found = sorted(context.before(following).intersection(heads))
        context.completions[asked] = found
    return found


def _readings(core: str, lost_byte: bool, context: Context) -> tuple[list[tuple[float, Reading]], str]:
    scored: list[tuple[float, Reading]] = []
    partial = ""
    for source in ENCODINGS:
        try:
            data = core.encode(source)
        except UnicodeEncodeError:
            continue
        for target in ENCODINGS:
            for offset in OFFSETS:
                if source == target and offset == 0:
                    continue
                text = data[offset:].decode(target, errors="replace")
                if "\ufffd" in text or sum(map(is_cjk, text)) < 2:
                    continue
                completed = ""
                if offset:
                    # The dropped bytes are the tail of a character whose head was lost: only a span that
                    # shows the loss (a leading '?') can get it back, and only if one completion fits.
                    options = _completions(data[:offset], target, text[0], context) if lost_byte else []
                    if len(options) != 1:
                        # Only the first plausible reading is kept: once there is one, no other is weighed.
                        if not partial and ordinariness(text) >= ORDINARY and familiarity(text, context) >= FAMILIAR:
                            partial = "?" + text
                        continue
                    completed = options[0]
                    text = completed + text
                if familiarity(text, context) >= FAMILIAR:
                    scored.append((ordinariness(text), Reading(text, source, target, offset, completed)))
    return scored, partial


def search(core: str, lost_byte: bool, context: str | Context) -> Outcome:
    """The best re-decoding of `core`, when it is clearly ordinary Chinese and clearly ahead of any other.

    `context` is the rest of the report, used to rebuild a character half lost with a byte.
    """
    scored, partial = _readings(core, lost_byte, context if isinstance(context, Context) else Context(context))
    scored.sort(key=lambda pair: (-pair[0], pair[1].offset, ENCODINGS.index(pair[1].encoded_as)))
    if not scored or scored[0][0] < ORDINARY or scored[0][0] < ordinariness(core) + MARGIN:
        if partial:
            return Outcome(None, "a character was lost with its first byte and no single one fits", partial)
        return Outcome(None, "no re-decoding gives ordinary Chinese")
    best_score, best = scored[0]
    rivals = [r for s, r in scored if r.text != best.text and s > best_score - MARGIN]
    if rivals:
        return Outcome(None, f"two readings are as ordinary: {best.text} and {rivals[0].text}")
    return Outcome(best)
