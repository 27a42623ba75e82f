"""The code's own rules: layering contracts, no eval/exec on input, lazy imports on the start-up path."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "laibin_check"


def test_layering_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    proc = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_no_eval_or_exec_anywhere_in_the_package() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if re.search(r"(?<![\w.])(eval|exec)\s*\(", code):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_every_module_opens_with_a_line_saying_what_it_is_for() -> None:
    missing = [str(p.relative_to(ROOT)) for p in SRC.rglob("*.py")
               if not p.read_text(encoding="utf-8").lstrip().startswith('"""')]
    assert missing == []


def test_help_does_not_import_pint_or_the_text_libraries() -> None:
    code = ("import sys; from laibin_check import cli\n"
            "try:\n    sys.argv = ['laibin-check', '--help']; cli.main()\nexcept SystemExit: pass\n"
            "print(sorted(m for m in ('pint', 'opencc', 'pypinyin', 'laibin_check.engine') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_rules_page_is_generated_from_the_catalogue() -> None:
    from laibin_check.rules import catalogue_markdown

    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == catalogue_markdown(), "run: laibin-check rule --markdown > docs/rules.md"


def test_rule_command_documents_a_code() -> None:
    proc = subprocess.run([sys.executable, "-m", "laibin_check", "rule", "LC101"], capture_output=True,
                          text=True, encoding="utf-8", check=False)
    assert proc.returncode == 0
    assert proc.stdout.startswith("LC101 ratio (default severity: error)")
    bad = subprocess.run([sys.executable, "-m", "laibin_check", "rule", "LC999"], capture_output=True,
                         text=True, encoding="utf-8", check=False)
    assert bad.returncode == 2 and "unknown rule" in bad.stderr


@pytest.mark.parametrize("tool", [["ruff", "check", "src", "tests"], ["mypy"]], ids=["ruff", "mypy"])
def test_lint_and_types_are_clean(tool: list[str]) -> None:
    exe = shutil.which(tool[0], path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip(f"{tool[0]} is not installed (pip install -e '.[test]')")
    proc = subprocess.run([exe, *tool[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]
