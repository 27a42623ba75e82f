"""Chinese script conversion in Python, exactly as OpenCC converts, from tables generated from its dictionaries.

A verify run needs four conversions: t2s (quotes are matched in simplified script), and for the mixed-script check
t2tw, t2hk and a lean s2t. Through OpenCC they cost ~9 ms a run (its C extension's import, and the dictionaries'
load: ~3.5 ms for t2s, ~11 ms for the lean s2t); these tables load in ~1-2.5 ms each and a report converts in
about a millisecond. The algorithm is OpenCC's for its configurations: normalise CJK compatibility ideographs
(t2s, t2tw, t2hk), then at each position the longest phrase of the dictionary group that starts there, else the
character's own mapping, else the character itself. tests/test_zhconv.py checks every configuration against
OpenCC itself; hygiene/build_opencc_data.py regenerates the tables after an OpenCC upgrade.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import cache, cached_property
from operator import add
from pathlib import Path
from typing import Literal

from laibin_check.chars import occurrences

Config = Literal["t2s", "t2tw", "t2hk", "s2t"]

DATA = Path(__file__).parent / "opencc_data"
TABLES: dict[Config, Path] = {name: DATA / f"{name}.tables" for name in ("t2s", "t2tw", "t2hk")}
TABLES["s2t"] = DATA / "s2t_lean.tables"
"""Seven lines each: the normalised characters and what they become; the dictionary's characters and their
conversions (one code point each, concatenated); the phrases' two-character prefixes (joined by spaces); for
each prefix its phrases, longest first, as key TAB value TAB key TAB value ... (joined by spaces); every
character the conversion may write as another (normalised, mapped, or changed inside a phrase). Phrases keep
their length, so every conversion keeps offsets."""


_FEW = 64
"""Below this many prefixes, looking for each (~6 µs on a report) beats listing the text's pairs (~0.9 ms)."""


class TableConverter:
    """One OpenCC configuration as tables; `convert` has OpenCC's converter's signature."""

    def __init__(self, normal: dict[int, int], chars: dict[int, int], groups: dict[str, str],
                 changes: frozenset[str]) -> None:
        self.normal = normal
        """code point -> code point, for str.translate: OpenCC's normalization step."""
        self._normal_chars = frozenset(map(chr, normal))
        self.chars = chars
        """code point -> code point, for str.translate: the group's character dictionaries."""
        self.groups = groups
        """two-character prefix -> its phrases and their conversions, longest first, tab-separated."""
        self.changes = changes
        """Every character `convert` may write as another; any other character it always leaves as it is."""
        self._phrases: dict[str, list[tuple[str, str]]] = {}

    def convert(self, text: str, alphabet: Collection[str] | None = None) -> str:
        """`text` converted. `alphabet`: a superset of the text's characters, when the caller has one (a
        report's distinct characters, for a piece of it): phrases are then looked for only where a character
        that starts one occurs, instead of among all the text's pairs."""
        # Compatibility ideographs are rare: translate only for them (and never look for them without a table).
        if self.normal and not self._normal_chars.isdisjoint(text if alphabet is None else alphabet):
            text = text.translate(self.normal)  # one code point for one
            alphabet = None  # the normalised characters may be outside it
        # A phrase can only start where one of the phrases' prefixes occurs: found with set and string
        # operations in C instead of a dictionary lookup at every position (or, for a dictionary of a few dozen
        # prefixes, by looking for each).
        starts: list[int] = []
        if alphabet is not None:
            starts = [at for ch in self._firsts.intersection(alphabet) for at in occurrences(text, ch)
                      if text[at : at + 2] in self.groups]
        else:
            if len(self.groups) < _FEW:
                grams: Iterable[str] = (gram for gram in self.groups if gram in text)
            else:
                grams = filter(self.groups.__contains__, set(map(add, text, text[1:])))
            for gram in grams:
                starts += occurrences(text, gram)
        base = text.translate(self.chars)  # one code point for one: offsets hold
        out: list[str] = []
        done = 0
        for start in sorted(starts):
            if start < done:  # inside the phrase just converted
                continue
            for key, value in self._group(text[start : start + 2]):
                if text.startswith(key, start):
                    out += (base[done:start], value)
                    done = start + len(key)
                    break
        out.append(base[done:])
        return "".join(out)

    @cached_property
    def _firsts(self) -> frozenset[str]:
        """The characters a phrase starts with."""
        return frozenset(prefix[0] for prefix in self.groups)

    def _group(self, prefix: str) -> list[tuple[str, str]]:
        if prefix not in self._phrases:
            fields = self.groups[prefix].split("\t")
            self._phrases[prefix] = list(zip(fields[0::2], fields[1::2], strict=True))
        return self._phrases[prefix]


@cache
def converter(config: Config) -> TableConverter:
    """The converter for an OpenCC configuration (s2t: the lean one, see build_opencc_data), loaded once."""
    normal_keys, normal_values, keys, values, prefixes, groups, changes = (
        TABLES[config].read_bytes().decode("utf-8").split("\n")[:7])
    # Joined strings split and zipped in C: no Python loop over the thousands of entries.
    return TableConverter(str.maketrans(normal_keys, normal_values), str.maketrans(keys, values),
                          dict(zip(prefixes.split(" "), groups.split(" "), strict=True)) if prefixes else {},
                          frozenset(changes))
