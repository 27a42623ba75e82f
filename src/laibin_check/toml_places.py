"""Where tables and keys sit in a TOML text, so errors in config and waiver files can name a line.

tomllib keeps no positions, so the text is scanned line by line. The scan understands what people write in
these small files (`[table]`, `[[array]]`, quoted header parts, `key = value`, `"quoted key" = value`);
anything it cannot place falls back to the table's line, which is still the right neighbourhood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADER = re.compile(r"^\s*(\[\[?)\s*(?P<name>[^\[\]#]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*(?P<key>"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=\s*""")


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
    def scan(cls, text: str) -> TomlPlaces:
        places = cls()
        current = TablePlace(1)
        places.tables[""] = [current]
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                current = TablePlace(number)
                places.tables.setdefault(_normalise(header.group("name")), []).append(current)
                continue
            key = _KEY.match(line)
            if key:
                name = key.group("key").strip("\"'")
                current.keys.setdefault(name, (number, key.end() + 1))
        return places

    def table(self, name: str, index: int = 0) -> TablePlace:
        found = self.tables.get(name, [])
        return found[index] if index < len(found) else TablePlace(1)


def _normalise(name: str) -> str:
    # [tool."laibin-check".severity] and [ tool . laibin-check ] name the same table.
    parts = [p.strip().strip("\"'") for p in name.split(".")]
    return ".".join(parts)
