"""The registry of kinds: every kind is found by name, declares what the docs and the loader need, and the
kinds' section of docs/facts-format.md is generated from the modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from laibin_check import kinds
from laibin_check.kinds import _docs
from laibin_check.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "facts-format.md"


def test_facts_format_page_holds_the_generated_kinds_section(request: pytest.FixtureRequest) -> None:
    page = PAGE.read_text(encoding="utf-8")
    fresh = _docs.replace_section(page)
    if request.config.getoption("--update-golden"):
        PAGE.write_text(fresh, encoding="utf-8")
        return
    assert page == fresh, "the kinds' section is stale: run pytest --update-golden and review the diff"


@pytest.mark.parametrize("kind", kinds.all_kinds(), ids=lambda k: k.name)
def test_every_kind_declares_itself(kind: kinds._base.Kind) -> None:
    assert kinds.get(kind.name) is kind
    assert kind.code in RULES, f"{kind.name}: its rule {kind.code} is not in rules.py"
    assert kind.table in ("derive", "check")
    assert kind.summary and kind.example and kind.doc, kind.name
    assert f'kind = "{kind.name}"' in kind.example, kind.name


def test_unknown_kind_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        kinds.get("guess")
    assert kinds.of("check", "ratio") is None


def test_no_kind_is_tested_by_name_outside_the_kinds() -> None:
    """The loader, the engine and explain ask the registry; a `kind == "ratio"` elsewhere is a kind leaking."""
    import re

    pattern = re.compile(r"\b(?:derive|check|d)\.kind\s*(?:==|!=|in\b)")
    offenders = []
    for path in (ROOT / "src" / "laibin_check").glob("*.py"):
        if path.name == "extract.py":  # extract proposes relations by kind; it reads no facts file
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []
