"""Writing a JSON document one array element at a time, byte for byte as `json.dumps(..., indent=2)` writes it
whole: the document is dumped once with a marker where the array goes, and split around it.

Elements are encoded by orjson, whose two-space indentation gives the same bytes as the standard library's
(`ensure_ascii=False`: UTF-8 as is, the same escapes), about twenty times faster: the standard library writes
indented JSON with its pure-Python encoder only, which was a quarter of a `verify --format json` run over many
reports. Values orjson refuses (an integer past 64 bits, a lone surrogate) go to the standard library, so the
output never depends on which encoder wrote it. Findings hold no binary floats (exact arithmetic), the one type
the two would write differently (1e-07 and 1e-7).
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

orjson: ModuleType | None
try:
    import orjson
except ImportError:  # an environment installed before the dependency: the same bytes, only slower
    orjson = None

_MARK = "\x00laibin-check stream\x00"


class ArraySplit:
    """The text before a streamed array (ending in `[`), after it (starting with `]`), and the indentation of
    its elements and of its closing bracket."""

    def __init__(self, document: dict[str, Any]) -> None:
        """`document` holds `[MARK]` (see `marker`) where the streamed array goes."""
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        mark = json.dumps(_MARK, ensure_ascii=False)
        at = text.index(mark)
        line_start = text.rindex("\n", 0, at) + 1
        self.indent = text[line_start:at]
        self.head = text[:line_start - 1]
        after = text[at + len(mark) + 1:]  # past the newline after the marker
        bracket = after.index("]")
        self.closing = "\n" + after[:bracket]
        self.tail = after[bracket:]
        self._cut = _nesting_cut(self.indent)

    def element(self, value: Any) -> bytes:
        """One element, indented as it sits in the array (without the leading newline), as UTF-8."""
        if orjson is not None and self._cut is not None:
            # orjson indents only from the margin: the element is dumped nested in as many lists as its depth
            # and cut out, already indented. A report's element is ~400 KB with ~13,000 lines; re-indenting
            # it with str.replace cost more than encoding it.
            depth, lead, trail = self._cut
            nested = value
            for _ in range(depth):
                nested = [nested]
            try:
                data: bytes = orjson.dumps(nested, option=orjson.OPT_INDENT_2)
                return data[lead:len(data) - trail]
            except orjson.JSONEncodeError:
                pass  # the standard library writes what orjson refuses, as `dumps` does
        return (self.indent + dumps(value).replace("\n", "\n" + self.indent)).encode("utf-8", "surrogatepass")


class ArrayStream:
    """A streamed output that is one JSON document with one streamed array (json's `reports`, sarif's
    `results`): elements one per line after the array's `[`, joined by commas, then the rest of the document.
    A format gives its document split around the array and writes its pieces; the framing is the same for every
    such format."""

    lead = "\n"
    separator = ","
    totals_first = False

    def __init__(self, split: ArraySplit) -> None:
        self.split = split
        self.closing = split.closing

    def head(self, totals: dict[str, int]) -> str:
        return self.split.head

    def tail(self, totals: dict[str, int]) -> str:
        return self.split.tail


def dumps(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, faster."""
    if orjson is not None:
        try:
            text: str = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
            return text
        except (orjson.JSONEncodeError, UnicodeDecodeError):
            pass
    return json.dumps(value, ensure_ascii=False, indent=2)


def _nesting_cut(indent: str) -> tuple[int, int, int] | None:
    """(depth, bytes before the element, bytes after it) for an element at `indent` dumped nested in `depth`
    lists by orjson; None for an indentation that is not a whole number of two-space steps."""
    if orjson is None or not indent or indent.strip(" ") or len(indent) % 2:
        return None
    depth = len(indent) // 2
    value: Any = 0
    for _ in range(depth):
        value = [value]
    sample: bytes = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    at = sample.index(b"0")
    return depth, at - len(indent), len(sample) - at - 1


def marker() -> list[str]:
    """The stand-in for the streamed array in the document given to `ArraySplit`."""
    return [_MARK]
