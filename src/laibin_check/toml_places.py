"""Where tables and keys sit in a TOML text, so errors in facts, config and waiver files can name a line.

tomllib keeps no positions, so the text is scanned once more, by one regular expression. The scan understands
what people write in these small files (`[table]`, `[[array]]`, quoted header parts, `key = value`,
`"quoted key" = value`); anything it cannot place falls back to the table's line, which is still the right
neighbourhood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Self

_LINE = re.compile(
    r"""^[ \t]*(?:\[\[?(?P<name>[^\[\]#\n]+)\]\]?[ \t]*(?:\#[^\r\n]*)?\r?$"""
    r"""|(?P<key>"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_\-]+)[ \t]*=[ \t]*)""",
    re.MULTILINE,
)
"""A `[table]` or `[[array]]` header line, or the start of a `key = value` line, in one pass over the text.
No part can backtrack over another (a name holds no bracket), so a hostile line costs time linear in its length."""


@dataclass
class TablePlace:
    """One `[table]` or one `[[array]]` element: its header line, and where each of its keys was written."""

    line: int
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    """key -> (line, column of the value's first character), 1-based."""

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
        current = TablePlace(1)
        places.tables[""] = [current]
        number, counted = 1, 0
        for m in _LINE.finditer(text):
            start = m.start()
            number += text.count("\n", counted, start)
            counted = start
            if m.group("name") is not None:
                current = TablePlace(number)
                places.tables.setdefault(_normalise(m.group("name")), []).append(current)
            else:
                name = m.group("key").strip("\"'")
                current.keys.setdefault(name, (number, m.end() - start + 1))
        return places

    def table(self, name: str, index: int = 0) -> TablePlace:
        found = self.tables.get(name, [])
        return found[index] if index < len(found) else TablePlace(1)


def _normalise(name: str) -> str:
    # [tool."laibin-check".severity] and [ tool . laibin-check ] name the same table.
    parts = [p.strip().strip("\"'") for p in name.split(".")]
    return ".".join(parts)
