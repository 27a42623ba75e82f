"""Readings of characters from pypinyin's dictionary, without importing pypinyin (which costs ~200 ms)."""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import lru_cache
from pathlib import Path

# pypinyin keeps its per-character dictionary as JSON, one `"<code point>": "<readings>",` per line in
# ascending code point order. Reading the file's bytes (~0.5 ms) and bisecting them by offset avoids the package
# import, the ~20 ms json.loads and even decoding the whole file (~1.7 ms): only the readings found are
# decoded. Every byte the search looks for is ASCII, which never occurs inside a UTF-8 multi-byte character. A
# linear find is the fallback should a release stop sorting the keys.


@lru_cache(maxsize=1)
def _raw_dictionary() -> bytes:
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pypinyin is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "pinyin_dict.json").read_bytes()


def _entry_at(raw: bytes, pos: int) -> tuple[int, int, int] | None:
    """The first entry starting at or after `pos`: (code point, start of the readings, end of the line)."""
    start = raw.find(b'\n"', pos)
    if start < 0:
        return None
    colon = raw.find(b'"', start + 2)
    line_end = raw.find(b"\n", colon)
    return int(raw[start + 2 : colon]), colon + 4, len(raw) if line_end < 0 else line_end


def _bisect(raw: bytes, code: int) -> bytes | None:
    lo, hi = 0, len(raw)
    while lo < hi:
        mid = (lo + hi) // 2
        entry = _entry_at(raw, mid)
        if entry is None or entry[0] >= code:
            hi = mid
        else:
            lo = mid + 1
    # `lo` may land just past the newline that opens the wanted entry; look from one step earlier too.
    for candidate in (_entry_at(raw, max(lo - 1, 0)), _entry_at(raw, lo)):
        if candidate is not None and candidate[0] == code:
            return raw[candidate[1] : raw.rfind(b'"', candidate[1], candidate[2])]
    return None


@lru_cache(maxsize=4096)
def readings(char: str) -> tuple[str, ...]:
    """Every reading pypinyin knows for `char`, tone-marked ("qū", "ōu", ...); () when it knows none."""
    raw = _raw_dictionary()
    found = _bisect(raw, ord(char))
    if found is None:
        key = f'\n"{ord(char)}": "'.encode("ascii")
        at = raw.find(key)
        if at < 0:
            return ()
        found = raw[at + len(key) : raw.find(b'"', at + len(key))]
    return tuple(found.decode("utf-8").split(","))


_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def normalise(syllable: str) -> tuple[str, int]:
    """A syllable as (toneless letters, tone): "qū" -> ("qu", 1), "lv4" -> ("lü", 4), "de" -> ("de", 0).

    Tone 0 means no tone was written (toneless or neutral), which matches any tone of the same letters.
    """
    text = syllable.strip().lower().replace("v", "ü").replace("u:", "ü")
    tone = 0
    if text[-1:].isdigit():
        tone, text = int(text[-1]) % 5, text[:-1]
    letters: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if ch in _TONE_MARKS:
            tone = _TONE_MARKS[ch]
        elif ch == "\u0308":  # the diaeresis of ü survives decomposition; put it back
            letters[-1] = "ü"
        else:
            letters.append(ch)
    return "".join(letters), tone


@lru_cache(maxsize=4096)
def is_reading(char: str, syllable: str) -> bool:
    """True when `syllable` is a reading of `char`; a toneless syllable matches any tone of its letters."""
    letters, tone = normalise(syllable)
    if not letters:
        return False
    for reading in readings(char):
        known_letters, known_tone = normalise(reading)
        if known_letters == letters and (tone in (0, known_tone)):
            return True
    return False
