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


def test_facts_and_report_held_in_memory_are_checked_without_files(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """`check` (issue 10) writes facts as TOML text and runs them through the same loader and engine."""
    from laibin_check import engine, loader
    from laibin_check.errors import InputError

    monkeypatch.chdir(tmp_path)  # nothing may be read from or written to the working folder
    facts = ('[report]\nid = "mem"\n\n[[fact]]\nid = "c"\nquote = "收集問題380多個"\nvalue = "380多"\nunit = "個"\n'
             'measure = "收集問題"\n\n[[fact]]\nid = "s"\nquote = "已解決316個"\nvalue = "316"\nunit = "個"\n'
             'measure = "已解決"\n\n[[fact]]\nid = "r"\nquote = "辦結率83.4%"\nvalue = "83.4"\nunit = "%"\n'
             'measure = "辦結率"\n\n[fact.derive]\nkind = "ratio"\nformula = "s / c"\n')
    rf, text = loader.load_from_text(facts, "收集問題380多個,已解決316個,問題辦結率83.4%。", "mem/facts.toml")
    result = engine.check_facts(rf, text, engine.Settings(hygiene=False, coverage=False))
    (finding,) = result.findings
    assert (finding.code, finding.verdict, finding.path) == ("LC101", "inconsistent", "mem/report.txt")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(InputError) as err:
        loader.load_from_text(facts.replace('kind = "ratio"', 'kind = "guess"'), "", "mem/facts.toml")
    kind_line = facts.count("\n", 0, facts.index('kind = "ratio"')) + 1
    assert (err.value.path, err.value.line) == ("mem/facts.toml", kind_line)
