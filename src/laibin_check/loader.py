"""facts/ on disk -> facts in memory: the only module that reads fact files, and the one that validates them.

Every problem is an InputError naming the file, line and column, because facts files come from many hands and an
editor must be able to go straight to the mistake.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any, cast

from laibin_check import formula as formula_mod
from laibin_check import kinds, tomlfile
from laibin_check.errors import InputError
from laibin_check.facts import (
    CLAIM_KINDS,
    Check,
    ClaimKind,
    Derivation,
    Fact,
    Group,
    NotClaim,
    Origin,
    ReportFacts,
)
from laibin_check.limits import MAX_DIGITS, MAX_RESULT_DIGITS
from laibin_check.toml_places import TablePlace, TomlPlaces

if TYPE_CHECKING:
    from laibin_check.kinds._base import Kind, Table
    from laibin_check.report import ReportText

FACTS_FILE = "facts.toml"
_MISSING: Any = object()
_ID = re.compile(r"^[a-z_][a-z0-9_]*$")

_REPORT_KEYS = {"id", "title", "file", "sha256", "script", "note"}
_GROUP_KEYS = {"id", "title"}
_FACT_KEYS = {"id", "quote", "value", "unit", "period", "measure", "group", "claim", "printed", "note", "derive"}
_DERIVE_COMMON = {"kind", "note", "suggested"}
_CHECK_COMMON = {"id", "kind", "quote", "group", "note", "suggested"}
_NOT_CLAIM_KEYS = {"text", "reason", "quote", "note"}
_TABLES = {"fact": _FACT_KEYS, "check": _CHECK_COMMON, "not_claim": _NOT_CLAIM_KEYS, "group": _GROUP_KEYS}


@lru_cache(maxsize=256)
def _own_keys(table: Table, name: str) -> frozenset[str]:
    """The keys the kind `name` of this table takes (none for a kind that does not exist)."""
    kind = kinds.of(table, name)
    return frozenset(k.name for k in kind.keys) if kind is not None else frozenset()


@cache
def _kind_keys(table: str) -> frozenset[str]:
    """Every key some kind of this table takes: a key outside them all is unknown whatever the kind.

    It imports every kind module, so it is asked only about a key the named kind does not take (a file with
    an error in it): a valid facts file imports the kinds it uses and no others (start-up)."""
    return frozenset(k.name for kind in kinds.all_kinds() if kind.table == table for k in kind.keys)


# -- positions ----------------------------------------------------------------------------------------------------

@dataclass
class _Positions(TomlPlaces):
    """Where each table and key of a facts file was written (tomllib keeps no positions), and which
    [fact.derive] belongs to which [[fact]]."""

    def derive_table(self, fact_line: int) -> TablePlace | None:
        """The [fact.derive] table that follows the [[fact]] starting at fact_line (before the next [[fact]]).

        Both kinds of table are listed in line order, so two bisections find it: every derived fact asks."""
        facts, derives = self._lines
        at = bisect.bisect_right(facts, fact_line)
        end = facts[at] if at < len(facts) else 10**9
        first = bisect.bisect_right(derives, fact_line)
        tables = self.tables.get("fact.derive", [])
        return tables[first] if first < len(tables) and tables[first].line < end else None

    @cached_property
    def _lines(self) -> tuple[list[int], list[int]]:
        """The lines of the [[fact]] and of the [fact.derive] tables (asked for once the scan is complete)."""
        return ([t.line for t in self.tables.get("fact", [])], [t.line for t in self.tables.get("fact.derive", [])])


# -- loading ------------------------------------------------------------------------------------------------------

def discover(facts_dir: Path) -> list[Path]:
    """Report folders under facts_dir, sorted by name; facts_dir itself when it holds a facts.toml."""
    if not facts_dir.exists():
        raise InputError(_display(facts_dir), "facts folder not found")
    if not facts_dir.is_dir():
        raise InputError(_display(facts_dir), "not a folder")
    if (facts_dir / FACTS_FILE).is_file():
        return [facts_dir]
    folders = sorted(p for p in facts_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    with_facts = [p for p in folders if (p / FACTS_FILE).is_file()]
    if not with_facts:
        raise InputError(_display(facts_dir), f"no report folders with a {FACTS_FILE} here")
    return with_facts


def load_report(folder: Path) -> ReportFacts:
    path = folder / FACTS_FILE
    shown = _display(folder)
    display = f"{shown}/{FACTS_FILE}"
    text = tomlfile.read_text(path, display, "facts file")
    data = tomlfile.parse(text, display)
    return _Builder(folder, display, _Positions.scan(text), display_folder=shown).build(data)


def load_from_text(toml_text: str, report_text: str, display: str = "facts.toml") -> tuple[ReportFacts, ReportText]:
    """A facts file and its report held in memory (what `check` proposes): the same validation as on disk, with
    errors naming `display`; no file is read. Give the result to engine.check_facts."""
    from laibin_check.report import ReportText

    data = tomlfile.parse(toml_text, display)
    rf = _Builder(Path(""), display, _Positions.scan(toml_text), display_folder=Path(display).parent.as_posix(),
                  in_memory=True).build(data)
    return rf, ReportText.from_string(report_text, rf.display_report)


def _display(path: Path) -> str:
    try:
        rel = path.resolve().relative_to(Path.cwd().resolve())
        return rel.as_posix() or "."
    except ValueError:
        return path.as_posix()


class _Builder:
    def __init__(self, folder: Path, display: str, pos: _Positions, display_folder: str,
                 in_memory: bool = False) -> None:
        self.folder = folder
        self.display = display
        self.display_folder = display_folder
        self.pos = pos
        self.in_memory = in_memory
        """The report text is held in memory (load_from_text): no report file to find next to the facts."""

    def error(self, message: str, table: TablePlace, key: str | None = None) -> InputError:
        if key and key in table.keys:
            line, col = table.keys[key]
            return InputError(self.display, message, line, col)
        return InputError(self.display, message, table.line, 1)

    # generic field access ---------------------------------------------------------------------------------------
    def _get(self, entry: Mapping[str, Any], table: TablePlace, key: str, kind: type, required: bool,
             default: Any = None) -> Any:
        value = entry.get(key, _MISSING)
        if value.__class__ is kind and kind is not list:  # the common case first: a thousand keys a file
            return value
        if value is _MISSING:
            if required:
                raise self.error(f"missing required key {key!r}", table)
            return default
        if kind is list:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise self.error(f"{key!r} must be a list of strings", table, key)
            return tuple(value)
        if kind is str and not isinstance(value, str):
            hint = ' (write figures as strings, e.g. value = "83.4")' if isinstance(value, int | float) else ""
            raise self.error(f"{key!r} must be a string{hint}", table, key)
        if kind is bool and not isinstance(value, bool):
            raise self.error(f"{key!r} must be true or false", table, key)
        return value

    def _unknown(self, entry: Mapping[str, Any], allowed: set[str], table: TablePlace, what: str,
                 kind_table: Table | None = None) -> None:
        """A key outside `allowed` and, for a derive or check table (`kind_table`), outside every kind's keys is
        unknown; the keys of the kind the entry names are tried first, so that valid files never list them all."""
        if entry.keys() <= allowed:  # a set comparison in C: most entries use the common keys alone
            return
        name = entry.get("kind") if kind_table is not None else None
        own = _own_keys(kind_table, name) if kind_table is not None and isinstance(name, str) else frozenset()
        for key in entry:
            if key in allowed or key in own or (kind_table is not None and key in _kind_keys(kind_table)):
                continue
            every = allowed | _kind_keys(kind_table) if kind_table is not None else allowed
            raise self.error(f"unknown key {key!r} in {what}; allowed: {', '.join(sorted(every))}", table, key)

    def _array(self, data: Mapping[str, Any], name: str) -> list[tuple[Mapping[str, Any], TablePlace]]:
        entries = data.get(name, [])
        if not isinstance(entries, list):
            raise InputError(self.display, f"{name!r} must be an array of tables: write [[{name}]]", 1, 1)
        out: list[tuple[Mapping[str, Any], TablePlace]] = []
        for i, entry in enumerate(entries):
            table = self.pos.table(name, i)
            if not isinstance(entry, dict):
                raise self.error(f"each {name} must be a table", table)
            self._unknown(entry, _TABLES[name], table, f"[[{name}]]", "check" if name == "check" else None)
            out.append((entry, table))
        return out

    # the whole file ----------------------------------------------------------------------------------------------
    def build(self, data: Mapping[str, Any]) -> ReportFacts:
        top_allowed = {"report", *_TABLES}
        for key in data:
            if key not in top_allowed:
                raise InputError(self.display, f"unknown table {key!r}; allowed: "
                                 f"{', '.join(sorted(top_allowed))}", self._top_line(key), 1)
        report = data.get("report")
        rtable = self.pos.table("report", 0)
        if not isinstance(report, dict):
            raise InputError(self.display, "missing [report] table (id, title, file, sha256)", 1, 1)
        self._unknown(report, _REPORT_KEYS, rtable, "[report]")
        report_id = self._get(report, rtable, "id", str, True)
        if report_id != self.folder.name and self.folder.name:
            raise self.error(f"report id {report_id!r} must equal its folder name {self.folder.name!r}",
                             rtable, "id")
        title = self._get(report, rtable, "title", str, False, report_id)
        file_name = self._get(report, rtable, "file", str, False, "report.txt")
        sha = self._get(report, rtable, "sha256", str, False, "")
        if sha and not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise self.error("sha256 must be 64 lowercase hex digits", rtable, "sha256")
        report_file = self._report_file(file_name, rtable)

        groups = self._groups(data)
        group_ids = {g.id for g in groups}
        facts = self._facts(data, group_ids)
        checks = self._checks(data, group_ids)
        not_claims = self._not_claims(data)
        self._references(facts, checks)
        return ReportFacts(
            id=report_id, title=title, folder=self.folder, report_file=report_file,
            facts_file=self.folder / FACTS_FILE, sha256=sha, groups=tuple(groups), facts=tuple(facts),
            checks=tuple(checks), not_claims=tuple(not_claims),
            display_folder=self.display_folder,
        )

    def _report_file(self, name: str, table: TablePlace) -> Path:
        """[report] file: a file inside the report's folder. Its lines are quoted in findings (and so in SARIF
        uploaded to a code host), so an absolute path, `..` or a link leading out of the folder is refused."""
        if not name.strip() or any(ch in name for ch in "\x00\r\n"):
            raise self.error("report file must be a file name", table, "file")
        relative = PurePosixPath(name.replace("\\", "/"))
        if relative.is_absolute() or ".." in relative.parts or PureWindowsPath(name).drive:
            raise self.error(f"report file {name!r} must lie inside the report folder (no absolute path, no '..')",
                             table, "file")
        path = self.folder / relative
        if self.in_memory:  # load_from_text: the report is held in memory, there is no file to confine
            return path
        if not path.is_file():
            raise self.error(f"report file {name!r} not found next to {FACTS_FILE}", table, "file")
        try:
            inside = path.resolve().is_relative_to(self.folder.resolve())
        except (OSError, RuntimeError):
            inside = False
        if not inside:
            raise self.error(f"report file {name!r} is a link to a file outside the report folder", table, "file")
        return path

    def _top_line(self, key: str) -> int:
        for name, tables in self.pos.tables.items():
            if name == key and tables:
                return tables[0].line
        return 1

    def _groups(self, data: Mapping[str, Any]) -> list[Group]:
        groups: list[Group] = []
        seen: set[str] = set()
        for entry, table in self._array(data, "group"):
            gid = self._get(entry, table, "id", str, True)
            if gid in seen:
                raise self.error(f"duplicate group id {gid!r}", table, "id")
            seen.add(gid)
            groups.append(Group(gid, self._get(entry, table, "title", str, False, gid)))
        return groups

    def _facts(self, data: Mapping[str, Any], group_ids: set[str]) -> list[Fact]:
        from laibin_check import numbers, units

        facts: list[Fact] = []
        seen: dict[str, int] = {}
        for entry, table in self._array(data, "fact"):
            fid = self._get(entry, table, "id", str, True)
            if not _ID.match(fid):
                raise self.error(f"fact id {fid!r} must match [a-z_][a-z0-9_]*", table, "id")
            if fid in seen:
                raise self.error(f"duplicate fact id {fid!r} (first at line {seen[fid]})", table, "id")
            seen[fid] = table.line
            printed = self._get(entry, table, "printed", bool, False, True)
            unit_name = self._get(entry, table, "unit", str, True)
            try:
                unit = units.resolve(unit_name)
            except KeyError:
                raise self.error(f"unknown unit {unit_name!r}; known units: {', '.join(units.known_units())}",
                                 table, "unit") from None
            value = self._get(entry, table, "value", str, printed)
            quote = self._get(entry, table, "quote", str, printed)
            if printed:
                if len(value) > MAX_DIGITS and _digits(value) > MAX_DIGITS:
                    raise self.error(f"value has more than {MAX_DIGITS} digits", table, "value")
                try:
                    numbers.parse_printed(value, integer=unit.integer)
                except ValueError as exc:
                    raise self.error(f"value cannot be read: {exc}", table, "value") from None
                if not quote.strip():
                    raise self.error("quote must not be empty", table, "quote")
            elif value:
                raise self.error("an implied fact (printed = false) has no value: the engine computes it",
                                 table, "value")
            claim = self._get(entry, table, "claim", str, False, "figure")
            if claim not in CLAIM_KINDS:
                raise self.error(f"claim must be one of {', '.join(CLAIM_KINDS)}, not {claim!r}", table, "claim")
            group = self._get(entry, table, "group", str, False, "")
            if group and group_ids and group not in group_ids:
                raise self.error(f"unknown group {group!r}; groups: {', '.join(sorted(group_ids))}",
                                 table, "group")
            measure = self._get(entry, table, "measure", str, True)
            derive = self._derive(entry, table)
            if not printed and derive is None:
                raise self.error("an implied fact (printed = false) needs a [fact.derive]", table, "printed")
            facts.append(Fact(
                id=fid, measure=measure, unit=unit_name, origin=Origin(self.display, table.line),
                value=value or "", quote=quote or "", period=self._get(entry, table, "period", str, False, ""),
                group=group, claim=cast(ClaimKind, claim), printed=printed,
                note=self._get(entry, table, "note", str, False, ""), derive=derive,
            ))
        return facts

    def _derive(self, entry: Mapping[str, Any], fact_table: TablePlace) -> Derivation | None:
        raw = entry.get("derive")
        if raw is None:
            return None
        table = self.pos.derive_table(fact_table.line) or fact_table
        if not isinstance(raw, dict):
            raise self.error("derive must be a table: write [fact.derive] after the fact", fact_table, "derive")
        self._unknown(raw, _DERIVE_COMMON, table, "[fact.derive]", "derive")
        name = self._get(raw, table, "kind", str, True)
        kind = kinds.of("derive", name)
        if kind is None:
            raise self.error(f"derive kind must be one of {', '.join(kinds.names('derive'))}, not {name!r}",
                             table, "kind")
        values = self._kind_values(raw, table, kind, "derivation")
        origin = self._formula_origin(table, values.get("formula", ""))
        return Derivation(
            kind=name, **values,
            note=self._get(raw, table, "note", str, False, ""),
            suggested=self._get(raw, table, "suggested", bool, False, False),
            origin=Origin(self.display, table.line), formula_origin=origin,
        )

    def _kind_values(self, raw: Mapping[str, Any], table: TablePlace, kind: Kind, what: str) -> dict[str, Any]:
        """The keys `kind` takes, read and checked by its key table; a key of another kind is named as such."""
        own = {k.name for k in kind.keys}
        common = _DERIVE_COMMON if kind.table == "derive" else _CHECK_COMMON
        for key in raw:
            if key not in own and key not in common:
                takes = ", ".join(sorted(own)) or "none of its own"
                raise self.error(f"a {kind.name} {what} has no {key} (its keys: {takes})", table, key)
        values = {k.name: self._get(raw, table, k.name, k.type, k.required, k.default) for k in kind.keys}
        if "formula" in own:  # an empty formula is an error here, not a surprise for the engine
            text = values["formula"]
            self._parse(text, self._formula_origin(table, text), comparison=kind.comparison)

        def fail(message: str, key: str | None = None) -> InputError:
            return self.error(message, table, key)

        kind.validate(values, fail)
        return values

    def _formula_origin(self, table: TablePlace, text: str) -> Origin:
        if "formula" in table.keys:
            line, col = table.keys["formula"]
            return Origin(self.display, line, col + 1)  # +1: past the opening quote
        return Origin(self.display, table.line)

    def _parse(self, text: str, origin: Origin, comparison: bool) -> formula_mod.Comparison:
        try:
            parsed = formula_mod.parse(text)
        except formula_mod.FormulaError as exc:
            raise InputError(self.display, str(exc), origin.line, origin.column + exc.column) from None
        for side in (parsed.left, parsed.right):
            for num in formula_mod.constants(side):
                from laibin_check import units

                try:
                    units.resolve(num.unit)
                except KeyError:
                    raise InputError(self.display, f"unknown unit {num.unit!r} after {num.text!r} in formula; "
                                     "write a unit of the unit table (億元, 萬億元, 個百分點 ...)",
                                     origin.line, origin.column + num.column) from None
        if comparison and not parsed.op:
            raise InputError(self.display, "a bound or equal check needs a comparison (<=, <, ==, >=, >)",
                             origin.line, origin.column)
        if not comparison and parsed.op:
            raise InputError(self.display, "a derivation is an expression, not a comparison",
                             origin.line, origin.column)
        return parsed

    def _checks(self, data: Mapping[str, Any], group_ids: set[str]) -> list[Check]:
        checks: list[Check] = []
        seen: set[str] = set()
        for entry, table in self._array(data, "check"):
            cid = self._get(entry, table, "id", str, True)
            if not _ID.match(cid):
                raise self.error(f"check id {cid!r} must match [a-z_][a-z0-9_]*", table, "id")
            if cid in seen:
                raise self.error(f"duplicate check id {cid!r}", table, "id")
            seen.add(cid)
            name = self._get(entry, table, "kind", str, True)
            kind = kinds.of("check", name)
            if kind is None:
                raise self.error(f"check kind must be one of {', '.join(kinds.names('check'))}, not {name!r}",
                                 table, "kind")
            values = self._kind_values(entry, table, kind, "check")
            group = self._get(entry, table, "group", str, False, "")
            if group and group_ids and group not in group_ids:
                raise self.error(f"unknown group {group!r}", table, "group")
            checks.append(Check(
                id=cid, kind=name, origin=Origin(self.display, table.line), **values,
                quote=self._get(entry, table, "quote", str, False, ""),
                group=group, note=self._get(entry, table, "note", str, False, ""),
                suggested=self._get(entry, table, "suggested", bool, False, False),
                formula_origin=self._formula_origin(table, values.get("formula", "")),
            ))
        return checks

    def _not_claims(self, data: Mapping[str, Any]) -> list[NotClaim]:
        out = []
        for entry, table in self._array(data, "not_claim"):
            out.append(NotClaim(
                text=self._get(entry, table, "text", str, True),
                reason=self._get(entry, table, "reason", str, True),
                origin=Origin(self.display, table.line),
                quote=self._get(entry, table, "quote", str, False, ""),
                note=self._get(entry, table, "note", str, False, ""),
            ))
        return out

    # references and cycles -----------------------------------------------------------------------------------------
    def _references(self, facts: list[Fact], checks: list[Check]) -> None:
        ids = {f.id for f in facts}
        graph: dict[str, list[str]] = {}

        def refs_of(text: str, origin: Origin | None) -> list[str]:
            assert origin is not None
            parsed = formula_mod.parse(text)  # cached: _kind_values parsed it, checked its units and form
            names = []
            for ref in formula_mod.references(parsed.left) + formula_mod.references(parsed.right):
                if ref.name not in ids:
                    raise InputError(self.display, f"unknown fact id {ref.name!r} in formula",
                                     origin.line, origin.column + ref.column)
                names.append(ref.name)
            return names

        def listed(names: list[str], where: str, line: int) -> list[str]:
            for fid in names:
                if fid not in ids:
                    raise InputError(self.display, f"unknown fact id {fid!r} in {where}", line, 1)
            return names

        for fact in facts:
            d = fact.derive
            graph[fact.id] = []
            if d is not None:
                if d.formula:
                    refs_of(d.formula, d.formula_origin)
                graph[fact.id] = listed(kinds.get(d.kind).refs(d), f"the derivation of {fact.id!r}",
                                        d.origin.line if d.origin else fact.origin.line)
        for check in checks:
            if check.formula:
                refs_of(check.formula, check.formula_origin)
            listed(kinds.get(check.kind).refs(check), f"check {check.id!r}", check.origin.line)
        by_id = {f.id: f for f in facts}
        _find_cycle(graph, lambda fid, path: InputError(
            self.display, "derivations form a cycle: " + " -> ".join(path),
            _derive_line(by_id[fid]), 1))
        self._result_sizes(facts, checks)

    def _result_sizes(self, facts: list[Fact], checks: list[Check]) -> None:
        """Refuse a formula whose result could run past MAX_RESULT_DIGITS digits, before any arithmetic.

        Exact fractions grow: a product has up to the digits of both factors, and so does a sum of fractions
        (a/b + c/d = (ad + bc)/bd). So a bound of each fact's digits is its value's digits for a printed fact
        (plus a margin for its rounding interval and unit), and the sum over the leaves of its formula for a
        derived one. Facts are taken inputs first, so a chain of derived facts that doubles at each step is
        stopped where it would pass the limit, not after 2**n digits."""
        size: dict[str, int] = {}

        def bound(node: formula_mod.Node | None, origin: Origin) -> int:
            if node is None:
                return 0
            names, constants = _leaves(node)
            total = sum(size[name] for name in names) + constants
            if total > MAX_RESULT_DIGITS:
                raise InputError(self.display, f"the result of this formula could have more than "
                                 f"{MAX_RESULT_DIGITS} digits", origin.line, origin.column)
            return total

        for fact in topological(tuple(facts)):
            d = fact.derive
            if d and d.formula:
                size[fact.id] = bound(formula_mod.parse(d.formula).left, d.formula_origin or fact.origin)
            else:
                size[fact.id] = _digits(fact.value) + _LEAF_MARGIN
        for check in checks:
            if check.formula:
                parsed = formula_mod.parse(check.formula)
                for side in (parsed.left, parsed.right):
                    bound(side, check.formula_origin or check.origin)


_LEAF_MARGIN = 20
"""Digits a figure may gain beyond those printed: its rounding half-unit, its unit's scale (億 is 10**8)."""


@lru_cache(maxsize=4096)
def _digits(value: str) -> int:
    """Digits in a printed value (cached: the loader asks twice for each fact, and reports repeat values)."""
    return sum(ch.isdigit() for ch in value)


@lru_cache(maxsize=1024)
def _leaves(node: formula_mod.Node) -> tuple[tuple[str, ...], int]:
    """The facts a formula's side uses (each time it uses them) and the digits its constants may bring
    (cached per parsed side: formulas repeat across reports and are asked about once per report)."""
    names = tuple(r.name for r in formula_mod.references(node))
    return names, sum(len(n.text) + _LEAF_MARGIN for n in _constants(node))


def _constants(node: formula_mod.Node) -> list[formula_mod.Num]:
    found: list[formula_mod.Num] = []
    stack: list[tuple[object, ...]] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, formula_mod.Num):
            found.append(current)
        else:
            stack.extend(c for c in current if isinstance(c, tuple) and hasattr(c, "_fields"))
    return found


def _derive_line(fact: Fact) -> int:
    d = fact.derive
    if d and d.formula_origin:
        return d.formula_origin.line
    return fact.origin.line


def _find_cycle(graph: dict[str, list[str]], make_error: Callable[[str, list[str]], InputError]) -> None:
    """graph: fact -> the facts its formula uses. A cycle is reported from its smallest id, in the direction
    of use (a -> b: a's formula uses b), so the same file always gives the same message."""
    derived = {fid for fid, uses in graph.items() if uses}
    if not any(use in derived for fid in derived for use in graph[fid]):
        return  # no derived fact uses another: no cycle (most files; graphlib builds a node per fact)
    import graphlib

    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as exc:
        found: list[str] = list(reversed(exc.args[1][:-1]))  # graphlib lists each node before its users
        first = found.index(min(found))
        cycle = found[first:] + found[:first]
        raise make_error(cycle[0], [*cycle, cycle[0]]) from None


def topological(facts: tuple[Fact, ...]) -> list[Fact]:
    """Facts ordered so that each comes after the facts its formula uses (the loader has ruled out cycles)."""
    by_id = {f.id: f for f in facts}
    done: set[str] = set()
    order: list[Fact] = []
    # Depth first without recursion (a chain of a thousand derived facts is legal): each stack entry is a fact
    # and the inputs still to visit; a fact is placed once all its inputs are.
    for root in facts:
        if root.id in done:
            continue
        done.add(root.id)
        stack = [(root, iter(_inputs(root)))]
        while stack:
            fact, pending = stack[-1]
            nxt = next((n for n in pending if n not in done), None)
            if nxt is None:
                stack.pop()
                order.append(fact)
                continue
            done.add(nxt)
            stack.append((by_id[nxt], iter(_inputs(by_id[nxt]))))
    return order


def _inputs(fact: Fact) -> list[str]:
    return list(kinds.get(fact.derive.kind).refs(fact.derive)) if fact.derive else []
