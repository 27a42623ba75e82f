"""The registry of relation kinds: each derivation or check kind is one module of this package, found by name.

A module `kinds/NAME.py` that defines `KIND` is the kind NAME; modules whose names start with `_` are shared
machinery. Modules are imported when first asked for, so importing the registry costs nothing at start-up.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from laibin_check.kinds._base import Kind, Table


@cache
def _module_names() -> tuple[str, ...]:
    import pkgutil

    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


@cache
def get(name: str) -> Kind:
    """The kind called `name`; KeyError when there is none."""
    if name not in _module_names():
        raise KeyError(name)
    import importlib

    kind: Kind = importlib.import_module(f"{__name__}.{name}").KIND
    return kind


def all_kinds() -> list[Kind]:
    """Every kind, in the order of their rule codes (then names): the order of the docs."""
    return sorted((get(n) for n in _module_names()), key=lambda k: (k.code, k.name))


def names(table: Table) -> tuple[str, ...]:
    """The kinds a `[fact.derive]` (table "derive") or a `[[check]]` (table "check") may name."""
    return tuple(k.name for k in all_kinds() if k.table == table)


def of(table: Table, name: str) -> Kind | None:
    """The kind `name` if it belongs in that table, else None."""
    try:
        kind = get(name)
    except KeyError:
        return None
    return kind if kind.table == table else None
