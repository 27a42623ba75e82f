"""Reading a TOML file (facts, config, waivers): bytes to text to data, each failure an InputError with its place."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from laibin_check.errors import InputError

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def read_text(path: Path, shown: str, what: str = "file") -> str:
    """The file's text (UTF-8, a byte-order mark allowed); `shown` is the path as the user should see it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(shown, f"{what} is not UTF-8 (byte {exc.start})") from None


def parse(text: str, shown: str) -> dict[str, Any]:
    """tomllib's reading of the text; a syntax error names its line and column."""
    import tomllib  # ~1.5 ms: facts files usually go through toml_subset instead

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column, message = error_place(str(exc))
        raise InputError(shown, f"not valid TOML: {message}", line, column) from None


def error_place(message: str) -> tuple[int | None, int | None, str]:
    """Split tomllib's "… (at line 3, column 5)" into line, column and the message without it."""
    m = _AT.search(message)
    if not m:
        return None, None, message
    return int(m.group(1)), int(m.group(2)), message[: m.start()] + message[m.end() :]
