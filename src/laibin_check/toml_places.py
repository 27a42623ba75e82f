"""Where tables and keys sit in a TOML text, so errors in facts, config and waiver files can name a line.

tomllib keeps no positions, so the text is scanned once more, by regular expressions. The scan understands
what people write in these small files (`[table]`, `[[array]]`, quoted header parts, `key = value`,
`"quoted key" = value`); anything it cannot place falls back to the table's line, which is still the right
neighbourhood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Self

_HEADER = re.compile(r"\[\[?(?P<name>[^\[\]#\n]+)\]\]?[ \t]*(?:\#[^\r\n]*)?\r?$", re.MULTILINE)
"""A `[table]` or `[[array]]` header, to the end of its line; the scan keeps those with only blanks before them
on their line. Opening on the bracket, not on `^[ \t]*`, lets the search skip to each `[` in C (a tenth of
the time on a facts file). No part can backtrack over another (a name holds no bracket), and a match never
passes its line's end, so a hostile line costs time linear in its length."""
_KEY = re.compile(r"""^[ \t]*(?P<key>"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_\-]+)[ \t]*=[ \t]*""", re.MULTILINE)
"""The start of a `key = value` line. A header line never matches it (a header starts with a bracket, a key
cannot), so the keys between two headers are the keys of the first."""


@dataclass(slots=True)
class TablePlace:
    """One `[table]` or one `[[array]]` element: its header line, and where each of its keys was written."""

    line: int
    text: str = field(default="", repr=False, compare=False)
    """The whole TOML text, and the offsets of this table's body in it (after its header, before the next)."""
    start: int = 0
    end: int = 0
    _keys: dict[str, tuple[int, int]] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def keys(self) -> dict[str, tuple[int, int]]:
        """key -> (line, column of the value's first character), 1-based.

        Scanned on first use, as only an error or a formula's place asks for them: most tables of a valid file
        are never asked (a facts file has hundreds). Kept in a slot, not a cached_property: a facts file makes
        a place for each of its tables, and slots make that cheaper."""
        if self._keys is None:
            self._keys = self._scan_keys()
        return self._keys

    def _scan_keys(self) -> dict[str, tuple[int, int]]:
        keys: dict[str, tuple[int, int]] = {}
        text, number, counted = self.text, self.line, self.start
        for m in _KEY.finditer(text, self.start, self.end):
            start = m.start()
            number += text.count("\n", counted, start)
            counted = start
            keys.setdefault(m.group("key").strip("\"'"), (number, m.end() - start + 1))
        return keys

    def key(self, name: str) -> tuple[int, int]:
        """The place of a key's value, or the table's header when the key cannot be found."""
        return self.keys.get(name, (self.line, 1))


@dataclass
class TomlPlaces:
    tables: dict[str, list[TablePlace]] = field(default_factory=dict)
    """Dotted table name ("" for the top level) -> its places in order (several for an array of tables)."""

    @classmethod
    def scan(cls, text: str) -> Self:
        places = cls()
        tables = places.tables
        current = TablePlace(1, text, 0, len(text))
        tables[""] = [current]
        number, counted, size = 1, 0, len(text)
        for m in _HEADER.finditer(text):
            start = m.start()
            # A bracket inside a line (x = [1]) opens no table; most headers start their line, told by one char.
            if start and text[start - 1] != "\n" and text[text.rfind("\n", 0, start) + 1 : start].strip(" \t"):
                continue
            current.end = start
            number += text.count("\n", counted, start)
            counted = start
            current = TablePlace(number, text, m.end(), size)
            name = _normalise(m.group(1))
            if name in tables:
                tables[name].append(current)
            else:
                tables[name] = [current]
        return places

    def table(self, name: str, index: int = 0) -> TablePlace:
        found = self.tables.get(name, [])
        return found[index] if index < len(found) else TablePlace(1)


@lru_cache(maxsize=1024)
def _normalise(name: str) -> str:
    # [tool."laibin-check".severity] and [ tool . laibin-check ] name the same table. Cached: a facts file
    # repeats a handful of names ([[fact]], [fact.derive]) hundreds of times.
    parts = [p.strip().strip("\"'") for p in name.split(".")]
    return ".".join(parts)
