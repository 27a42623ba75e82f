"""Reading a TOML file (facts, config, waivers): bytes to text to data, each failure an InputError with its place."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from functools import cache
from itertools import chain, compress
from pathlib import Path
from typing import Any

from laibin_check.errors import InputError
from laibin_check.limits import MAX_DIGITS, MAX_TOML_BYTES, MAX_TOML_NESTING

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_AT_END = re.compile(r"\s*\(at end of document\)")

_LEXEME = re.compile(
    r'"""(?:[^\\]|\\.)*?"""{0,2}|\'\'\'.*?\'\'\'\'{0,2}|"(?:[^"\\\n]|\\.)*"?|\'[^\'\n]*\'?|#[^\n]*'
    r"|(?P<open>[\[{])|(?P<close>[\]}])|(?P<digits>[0-9][0-9_]{" + str(MAX_DIGITS) + ",})",
    re.DOTALL,
)
"""What the limits scan tells apart: strings and comments (skipped), brackets, long digit runs."""
_LONG_DIGITS = re.compile(r"[0-9][0-9_]{" + str(MAX_DIGITS) + ",}")


def read_text(path: Path, shown: str, what: str = "file") -> str:
    """The file's text (UTF-8, a byte-order mark allowed); `shown` is the path as the user should see it."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_TOML_BYTES + 1)
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror}") from None
    if len(raw) > MAX_TOML_BYTES:
        raise InputError(shown, f"{what} is larger than {MAX_TOML_BYTES:,} bytes")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start:exc.start].decode("utf-8-sig", errors="replace")) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(shown, f"{what} is not UTF-8 (byte 0x{raw[exc.start]:02x})", line, column) from None


def parse(text: str, shown: str) -> dict[str, Any]:
    """tomllib's reading of the text; a syntax error or an exceeded limit names its line and column.

    toml-rs reads it first where it is installed: a compiled (Rust) reader told to read TOML 1.0, which is what
    tomllib reads (TOML 1.1 would accept texts tomllib refuses; a file must mean the same whichever reads it).
    A text it refuses, or any failure, is read again by tomllib, so that errors and their messages are
    tomllib's whatever is installed.

    The limits are checked before tomllib reads (it would recurse too deep), but after toml-rs has read: the
    data it returns bound the nesting of the text, so the scan that names the place runs only when a limit
    could be exceeded. toml-rs recurses on the machine stack (about 2 KB a level: a text nested 4,500 deep
    crashes the process with an 8 MB stack), so a text with more brackets than _FAST_BRACKETS is scanned first,
    and never reaches it deeper than MAX_TOML_NESTING."""
    fast = _fast_reader()
    # A text that still starts with a byte-order mark (it had two): toml-rs skips it, tomllib refuses it.
    if fast is not None and not text.startswith("\ufeff"):
        brackets = text.count("[") + text.count("{")
        if brackets > _FAST_BRACKETS:
            _check_limits(text, shown)
        try:
            data: dict[str, Any] = fast(text)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # a decode error, or a Rust panic (a BaseException in pyo3): tomllib below
            pass               # reads the text again and names the error
        else:
            if brackets <= _FAST_BRACKETS and _may_exceed_limits(text, data, brackets):
                _check_limits(text, shown)
            return data
    _check_limits(text, shown)
    import tomllib  # ~1.5 ms, paid only by a run that reads a TOML file

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column, message = error_place(str(exc), text)
        raise InputError(shown, f"not valid TOML: {message}", line, column) from None
    except (ValueError, RecursionError) as exc:  # what the limits scan should already have refused
        raise InputError(shown, f"not valid TOML: {exc}") from None


_FAST_BRACKETS = 500
"""Brackets a text may hold and reach toml-rs unscanned: nesting at most this deep needs about 1 MB of stack."""


@cache
def _fast_reader() -> Callable[[str], dict[str, Any]] | None:
    """toml-rs's loads for TOML 1.0 when it is installed, else None (tomllib reads)."""
    try:
        import toml_rs
    except ImportError:
        return None
    return functools.partial(toml_rs.loads, toml_version="1.0.0")


def _may_exceed_limits(text: str, data: dict[str, Any], brackets: int) -> bool:
    """Whether a text that was read into `data` could break a limit, told without the scan.

    Nesting: every bracket the scan counts opens an array or table inside the ones still open, so the data nest
    at least as deep as the brackets do (`[[fact]]` counts two: a list of tables); a dotted key nests data
    without brackets, and is then scanned. Long digit runs: outside strings and comments (all the scan looks
    at), TOML writes digits only in numbers, dates and times, and bare keys. So data that hold none of the
    first three and no key longer than MAX_DIGITS come from a text with no run to find, and the search of the
    whole text (a third of a millisecond on a facts file, which holds no numbers: its figures are strings) is
    left for the others. The data are walked a level at a time by C-level calls (chain, map, set, compress):
    a facts file has a thousand values, and a Python loop over each cost more than the search it saves."""
    if brackets <= MAX_TOML_NESTING:
        return _LONG_DIGITS.search(text) is not None
    numbers = False
    dicts: list[dict[str, Any]] = [data]  # what TOML reads is plain dicts and lists
    lists: list[list[Any]] = []
    depth = 0
    while dicts or lists:
        if depth > MAX_TOML_NESTING:
            return True
        if not _SHORT_KEYS.issuperset(chain.from_iterable(dicts)) and _long_key(dicts):
            numbers = True
        values = [*chain.from_iterable(map(dict.values, dicts)), *chain.from_iterable(lists)]
        kinds: list[type] = [*map(type, values)]
        types = set(kinds)
        if not types <= _READ:
            numbers = True
        dicts, lists = [], []
        if dict in types or list in types:
            for child in compress(values, map(_CONTAINER.get, kinds)):
                (dicts if type(child) is dict else lists).append(child)
        depth += 1
    return numbers and _LONG_DIGITS.search(text) is not None


def _long_key(tables: list[dict[str, Any]]) -> bool:
    """Whether a key of the tables is longer than MAX_DIGITS (a bare key may be a digit run); the short ones
    are remembered (a facts file uses the same few dozen keys a thousand times; the set is bounded)."""
    if max(map(len, chain.from_iterable(tables))) > MAX_DIGITS:
        return True
    if len(_SHORT_KEYS) < 4096:
        _SHORT_KEYS.update(chain.from_iterable(tables))
    return False


_SHORT_KEYS: set[str] = set()
_READ = {str, bool, dict, list}
"""What a value of a TOML text without numbers, dates or times can be."""
_CONTAINER: dict[type, bool] = {dict: True, list: True}


def _check_limits(text: str, shown: str) -> None:
    """Nesting deeper than MAX_TOML_NESTING (tomllib recurses, and fails with RecursionError near 1,000) and
    numbers longer than MAX_DIGITS (int() refuses 4,301 digits with a ValueError that has no place).

    One linear scan, and only when the text could break a limit: most files have fewer brackets than the limit
    and no long digit run, and are not scanned at all."""
    if text.count("[") + text.count("{") <= MAX_TOML_NESTING and not _LONG_DIGITS.search(text):
        return
    depth = 0
    for m in _LEXEME.finditer(text):  # line breaks are counted only for the error: a file has thousands
        kind = m.lastgroup
        if kind is None:
            continue
        if kind == "open":
            depth += 1
            if depth > MAX_TOML_NESTING:
                raise InputError(shown, f"arrays and tables nest deeper than {MAX_TOML_NESTING} levels",
                                 *_line_column(text, m.start()))
        elif kind == "close":
            depth = max(depth - 1, 0)
        else:
            raise InputError(shown, f"a number has more than {MAX_DIGITS} digits", *_line_column(text, m.start()))


def _line_column(text: str, at: int) -> tuple[int, int]:
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def error_place(message: str, text: str = "") -> tuple[int | None, int | None, str]:
    """Split tomllib's "… (at line 3, column 5)" into line, column and the message without it; "(at end of
    document)" becomes the place just after the text's last character."""
    m = _AT.search(message)
    if m:
        return int(m.group(1)), int(m.group(2)), message[: m.start()] + message[m.end() :]
    m = _AT_END.search(message)
    if m:
        line = text.count("\n") + 1
        column = len(text) - (text.rfind("\n") + 1) + 1
        return line, column, message[: m.start()] + " at the end of the file" + message[m.end() :]
    return None, None, message
