"""Where tables and keys sit in a TOML text, so errors in facts, config and waiver files can name a line.

tomllib keeps no positions, so the text is scanned line by line. The scan understands what people write in
these small files (`[table]`, `[[array]]`, quoted header parts, `key = value`, `"quoted key" = value`);
anything it cannot place falls back to the table's line, which is still the right neighbourhood.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Self

# Patterns for scan(), compiled when first needed: a verify run usually takes its places from toml_subset.
_HEADER = r"^\s*(\[\[?)\s*(?P<name>[^\[\]#]+?)\s*\]\]?\s*(?:#.*)?$"
_KEY = r"""^\s*(?P<key>"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=\s*"""


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
        for number, line in enumerate(text.splitlines(), start=1):
            header = re.match(_HEADER, line)
            if header:
                current = TablePlace(number)
                places.tables.setdefault(_normalise(header.group("name")), []).append(current)
                continue
            key = re.match(_KEY, line)
            if key:
                name = key.group("key").strip("\"'")
                current.keys.setdefault(name, (number, key.end() + 1))
        return places

    @classmethod
    def from_lines(cls, lines: Iterable[tuple[int, str, str, int]]) -> Self:
        """What scan() finds, from (line, "table" or "key", name, value column) entries a reader already made
        (toml_subset does, as it parses facts files), so the text is not scanned a second time."""
        places = cls()
        current = TablePlace(1)
        places.tables[""] = [current]
        for number, kind, name, column in lines:
            if kind == "table":
                current = TablePlace(number)
                places.tables.setdefault(_normalise(name), []).append(current)
            else:
                current.keys.setdefault(name, (number, column))
        return places

    def table(self, name: str, index: int = 0) -> TablePlace:
        found = self.tables.get(name, [])
        return found[index] if index < len(found) else TablePlace(1)


def _normalise(name: str) -> str:
    # [tool."laibin-check".severity] and [ tool . laibin-check ] name the same table.
    parts = [p.strip().strip("\"'") for p in name.split(".")]
    return ".".join(parts)
