"""A fast reader for the plain TOML that facts files are written in; anything else is left to tomllib.

tomllib takes ~7.5 ms on the bundled ~900-line facts.toml, most of a verify run's loading. Facts files are
written (by hand and by `extract`) in a small, line-based part of TOML: `[report]`, `[[fact]]`, `[fact.derive]`
headers, and `key = value` lines whose value is a string without escapes, a boolean, or a one-line array of such
strings. `loads` reads exactly that part, in ~2 ms, and returns None the moment a line is anything else, or would
be an error (a key given twice, a table defined twice), so that tomllib reads the file and reports it as before.
Where it answers, the answer equals tomllib's (tests/test_toml_subset.py).
"""

from __future__ import annotations

import re
from typing import Any

_STRING = r'"[^"\\\x00-\x08\x0a-\x1f\x7f]*"'
_VALUE = rf"{_STRING}|true|false|\[[ \t]*(?:{_STRING}[ \t]*(?:,[ \t]*{_STRING}[ \t]*)*,?[ \t]*)?\]"
_LINE = re.compile(
    rf"[ \t]*(?:"
    rf"(?P<key>[A-Za-z0-9_-]+)[ \t]*=[ \t]*(?P<value>{_VALUE})"
    rf"|(?P<open>\[\[?)(?P<name>[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?)(?P<close>\]\]?)"
    rf")?[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
)
_STRINGS = re.compile(_STRING)
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")
"""Control characters (errors in TOML, or line breaks to str.splitlines but not to TOML): tomllib decides."""


Place = tuple[int, str, str, int]
"""(line, "table" or "key", the table's dotted name or the key, column of the key's value or 0), 1-based."""


def loads(text: str, places: list[Place] | None = None) -> dict[str, Any] | None:
    """The document as tomllib would give it, or None when the text is outside the subset this reads.

    `places`, when given, receives each header and key line read, in order: the loader's positions for error
    messages come from them instead of a second pass over the text."""
    if _UNSAFE.search(text):
        return None
    root: dict[str, Any] = {}
    table = root
    arrays: set[str] = set()
    """Top-level names made by [[name]]: only their last element may take a [name.sub] table."""
    match = _LINE.fullmatch
    for number, line in enumerate(text.split("\n"), start=1):
        m = match(line)
        if m is None:
            return None
        key = m.group("key")
        if key is not None:
            if key in table:
                return None
            if places is not None:
                places.append((number, "key", key, m.start("value") + 1))
            raw = m.group("value")
            if raw[0] == '"':
                table[key] = raw[1:-1]
            elif raw[0] == "[":
                table[key] = [s[1:-1] for s in _STRINGS.findall(raw)]
            else:
                table[key] = raw == "true"
            continue
        name = m.group("name")
        if name is None:
            continue
        opened, closed = m.group("open"), m.group("close")
        if len(opened) != len(closed):
            return None
        if places is not None:
            places.append((number, "table", name, 0))
        head, _, sub = name.partition(".")
        if sub:  # [fact.derive]: a table in the last element of an array of tables
            if len(opened) == 2 or head not in arrays or sub in root[head][-1]:
                return None
            table = root[head][-1][sub] = {}
        elif len(opened) == 2:  # [[fact]]
            if head in root and head not in arrays:
                return None
            arrays.add(head)
            table = {}
            root.setdefault(head, []).append(table)
        else:  # [report]
            if head in root:
                return None
            table = root[head] = {}
    return root
