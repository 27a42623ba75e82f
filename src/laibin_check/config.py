"""Configuration: `[tool.laibin-check]` in pyproject.toml or a `laibin-check.toml`, found upward, CLI over it.

Search starts in the working folder and walks up to the filesystem root; the nearest folder holding either
file wins. In one folder `laibin-check.toml` wins over `pyproject.toml`, and a pyproject.toml without a
`[tool.laibin-check]` table is passed over. Paths in the file (facts, waivers, output) are relative to the
file's folder. Every key is checked: an unknown key, a wrong type or a bad value is an InputError naming the
file and line, never silently ignored. Keys may be written `fail_on` or `fail-on`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any, NamedTuple

from laibin_check.errors import InputError
from laibin_check.limits import MAX_DIGITS
from laibin_check.numbers import Readings
from laibin_check.outputs import OutputSpec, parse_output
from laibin_check.reporters import FORMATS
from laibin_check.rules import RULES

if TYPE_CHECKING:
    from laibin_check.toml_places import TablePlace, TomlPlaces

CONFIG_FILE = "laibin-check.toml"
PYPROJECT = "pyproject.toml"
TOOL_TABLE = "tool.laibin-check"

FAIL_ON = ("error", "warning", "never")
SHOW = ("error", "warning", "info")
COLOR = ("auto", "always", "never")
SEVERITY_OVERRIDES = ("error", "warning", "info", "off")
"""What `[tool.laibin-check.severity]` may set a rule to; `off` drops the rule's findings."""

KEYS = (
    "facts",
    "format",
    "output",
    "fail_on",
    "show",
    "color",
    "waivers",
    "near_band",
    "about_tolerance",
    "severity",
)


class Config(NamedTuple):
    """The settings of a run, from defaults, a config file and the command line, in that order."""

    source: Path | None = None
    """The file the settings were read from, or None when no file was found."""
    facts: Path = Path("facts")
    """The facts folder (one folder a report)."""
    format: str | None = None
    """The stdout format; None lets the CLI choose (`table` on a terminal)."""
    output: tuple[OutputSpec, ...] = ()
    """Extra outputs written from the same run."""
    fail_on: str = "error"
    """Lowest severity that fails the gate (exit 1): error | warning | never."""
    show: str = "info"
    """Lowest severity listed by the human formats: error | warning | info."""
    color: str = "auto"
    waivers: Path | None = None
    """A waivers file for all reports, besides each report folder's own waivers.toml."""
    near_band: str | None = None
    """近N reads as N × (1 - near_band) up to N; None keeps the built-in reading."""
    about_tolerance: str | None = None
    """約N reads as N × (1 ± about_tolerance); None keeps the built-in reading."""
    severity: tuple[tuple[str, str], ...] = ()
    """(rule code, error | warning | info | off), sorted by code."""

    def severity_overrides(self) -> dict[str, str]:
        return dict(self.severity)

    def readings(self) -> Readings:
        """The qualifier readings for the engine, the built-in ones where the config is silent."""
        base = Readings()
        near = Fraction(self.near_band) if self.near_band is not None else base.near_band
        about = Fraction(self.about_tolerance) if self.about_tolerance is not None else base.about_tolerance
        return replace(base, near_band=near, about_tolerance=about)

    def merged(
        self,
        *,
        facts: Path | None = None,
        format: str | None = None,
        output: list[str] | tuple[str, ...] | None = None,
        fail_on: str | None = None,
        show: str | None = None,
        color: str | None = None,
        waivers: Path | None = None,
        near_band: str | None = None,
        about_tolerance: str | None = None,
    ) -> Config:
        """Command-line options over the file: None (or an empty `output`) means "not given".

        Values are checked like the file's, so the CLI can pass raw strings; a bad one is an InputError naming
        the option. `output` given on the command line replaces the file's list.
        """
        changes: dict[str, Any] = {}
        if facts is not None:
            changes["facts"] = facts
        if format is not None:
            changes["format"] = _choice("--format", format, tuple(FORMATS))
        if output:
            changes["output"] = tuple(parse_output(spec) for spec in output)
        if fail_on is not None:
            changes["fail_on"] = _choice("--fail-on", fail_on, FAIL_ON)
        if show is not None:
            changes["show"] = _choice("--show", show, SHOW)
        if color is not None:
            changes["color"] = _choice("--color", color, COLOR)
        if waivers is not None:
            changes["waivers"] = waivers
        if near_band is not None:
            changes["near_band"] = _fraction("--near-band", near_band)
        if about_tolerance is not None:
            changes["about_tolerance"] = _fraction("--about-tolerance", about_tolerance)
        return self._replace(**changes)


def _choice(where: str, value: str, allowed: tuple[str, ...]) -> str:
    v = value.strip().lower()
    if v not in allowed:
        raise InputError(where, f"{value!r} is not one of: {', '.join(allowed)}")
    return v


def _fraction(where: str, value: str) -> str:
    """A decimal string in [0, 1): readings are shares of N, kept as strings so no float ever rounds them."""
    try:
        d = Decimal(value.strip())
    except InvalidOperation:
        raise InputError(where, f'{value!r} is not a decimal number such as "0.05"') from None
    if not d.is_finite() or d < 0 or d >= 1:
        raise InputError(where, f'{value!r} must be at least 0 and below 1 (a share of N, e.g. "0.05")')
    _, digits, exponent = d.as_tuple()
    if len(digits) > MAX_DIGITS or (isinstance(exponent, int) and exponent < -MAX_DIGITS):
        # Fraction("1e-999999999") would build 10**999999999: refused before any arithmetic.
        raise InputError(where, f"the value has more than {MAX_DIGITS} digits (the limit of a number)")
    return str(d)


# -- finding and reading the file ----------------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest laibin-check.toml, or pyproject.toml with [tool.laibin-check], from start upward."""
    folder = start.resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


_TOOL_MENTION = re.compile(r"""\btool\s*\.\s*["']?laibin-check\b""")
"""How [tool.laibin-check] (or a dotted key under it) must appear in the text before tomllib is asked."""


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if not _TOOL_MENTION.search(text):  # most pyproject.toml files: no need to parse them (~1.5 ms)
        return False
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        # Somebody else's broken pyproject is not ours to report, unless it is meant for us.
        return "laibin-check" in text
    tool = data.get("tool")
    return isinstance(tool, dict) and "laibin-check" in tool


def load_config(start: Path) -> Config:
    """Defaults, overlaid by the nearest config file from start upward (if any)."""
    path = find_config(start)
    return Config() if path is None else load_config_file(path)


def load_config_file(path: Path) -> Config:
    """Read one config file (an explicit --config, or the one find_config chose)."""
    # Imported here: a run without a config file needs neither (~1.5 ms to import).
    from laibin_check import tomlfile
    from laibin_check.toml_places import TomlPlaces

    shown = path.as_posix()
    text = tomlfile.read_text(path, shown)
    data = tomlfile.parse(text, shown)
    places = TomlPlaces.scan(text)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("laibin-check", {}) if isinstance(tool, dict) else {}
        prefix = TOOL_TABLE
    else:
        table, prefix = data, ""
    if not isinstance(table, dict):
        raise InputError(shown, f"[{TOOL_TABLE}] must be a table", places.table(prefix).line)
    return _Reader(path, shown, places, prefix).read(table)


class _Reader:
    """Checks one file's table key by key, so each error can point at the line that holds the key."""

    def __init__(self, path: Path, shown: str, places: TomlPlaces, prefix: str) -> None:
        self.path = path
        self.shown = shown
        self.places = places
        self.prefix = prefix
        self.root = path.parent

    def _sub(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def error(self, table: TablePlace, key: str, message: str) -> InputError:
        line, column = table.key(key)
        return InputError(self.shown, message, line, column)

    def read(self, data: Mapping[str, Any]) -> Config:
        top = self.places.table(self.prefix)
        values: dict[str, tuple[str, Any]] = {}
        for raw_key, value in data.items():
            name = raw_key.replace("-", "_")
            if name not in KEYS:
                if isinstance(value, dict):  # an unknown sub-table: point at its header
                    line, column = self.places.table(self._sub(raw_key)).line, 1
                else:
                    line, column = top.key(raw_key)
                known = ", ".join(KEYS)
                raise InputError(self.shown, f"unknown key {raw_key!r}; known keys: {known}", line, column)
            if name in values:
                raise self.error(top, raw_key, f"{raw_key!r} is given twice (as {values[name][0]!r} too)")
            values[name] = (raw_key, value)

        changes: dict[str, Any] = {"source": self.path}
        for name, (key, value) in values.items():
            if name == "severity":
                changes[name] = self._severity(key, value)
            elif name == "output":
                changes[name] = self._output(top, key, value)
            elif name in ("facts", "waivers"):
                changes[name] = self.root / self._inside(top, key, self._string(top, key, value))
            elif name == "format":
                changes[name] = self._one_of(top, key, value, tuple(FORMATS))
            elif name == "fail_on":
                changes[name] = self._one_of(top, key, value, FAIL_ON)
            elif name == "show":
                changes[name] = self._one_of(top, key, value, SHOW)
            elif name == "color":
                changes[name] = self._one_of(top, key, value, COLOR)
            else:  # near_band, about_tolerance
                text = self._string(top, key, value, hint='a decimal string such as "0.05"')
                try:
                    changes[name] = _fraction(key, text)
                except InputError as exc:
                    raise self.error(top, key, exc.message) from None
        return Config()._replace(**changes)

    def _string(self, table: TablePlace, key: str, value: Any, hint: str = "a string") -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.error(table, key, f"{key!r} must be {hint}, not {_describe(value)}")
        return value.strip()

    def _one_of(self, table: TablePlace, key: str, value: Any, allowed: tuple[str, ...]) -> str:
        text = self._string(table, key, value, hint=f"one of {', '.join(allowed)}")
        if text.lower() not in allowed:
            raise self.error(table, key, f"{key!r} is {text!r}; choose one of: {', '.join(allowed)}")
        return text.lower()

    def _output(self, table: TablePlace, key: str, value: Any) -> tuple[OutputSpec, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(
                table, key, f'{key!r} must be a list of "FORMAT:PATH" strings, not {_describe(value)}'
            )
        specs = []
        for spec in value:
            try:
                parsed = parse_output(spec, key)
            except InputError as exc:
                raise self.error(table, key, exc.message) from None
            relative = self._inside(table, key, parsed.path.as_posix())
            specs.append(OutputSpec(parsed.format, self.root / relative, self.root))
        return tuple(specs)

    def _inside(self, table: TablePlace, key: str, text: str) -> PurePosixPath:
        """A path from the file: relative to the project (the file's folder), and inside it. A config comes
        from the repository, so it may not point a run at, or make it write, files elsewhere on the machine."""
        if any(ch in text for ch in "\x00\r\n"):
            raise self.error(table, key, f"{key!r} holds a control character")
        path = PurePosixPath(text.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or PureWindowsPath(text).drive:
            raise self.error(table, key, f"{key!r} must be a path inside the project, relative to "
                             f"{self.path.name}'s folder (no absolute path, no '..'): {text!r}")
        return path

    def _severity(self, key: str, value: Any) -> tuple[tuple[str, str], ...]:
        table = self.places.table(self._sub(key))
        if not isinstance(value, dict):
            raise self.error(
                self.places.table(self.prefix),
                key,
                f'{key!r} must be a table of rule codes, e.g. [{self._sub(key)}] LC301 = "info"',
            )
        out: dict[str, str] = {}
        for code, level in value.items():
            if code.upper() not in RULES:
                raise self.error(table, code, f"unknown rule code {code!r}; known: {', '.join(RULES)}")
            if not isinstance(level, str) or level.strip().lower() not in SEVERITY_OVERRIDES:
                raise self.error(
                    table, code, f"{code} = {level!r}: choose one of: {', '.join(SEVERITY_OVERRIDES)}"
                )
            out[code.upper()] = level.strip().lower()
        return tuple(sorted(out.items()))


def _describe(value: Any) -> str:
    kinds = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
        str: "a string",
    }
    return kinds.get(type(value), type(value).__name__)
