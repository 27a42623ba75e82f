"""Hostile or careless input (issue 13): each case is one `file:line:col` line and exit 2 within seconds, or is
refused, never an `internal error`, a traceback or a hang. The limits are laibin_check.limits (README "Security")."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from inproc import one_line_error, run
from laibin_check import formula as F
from laibin_check.limits import MAX_DIGITS, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH

HEAD = '[report]\nid = "r"\n\n'
FACT_A = '[[fact]]\nid = "a"\nquote = "共5個"\nvalue = "5"\nunit = "個"\nmeasure = "甲"\n\n'
FACT_B = '[[fact]]\nid = "b"\nquote = "共10個"\nvalue = "10"\nunit = "個"\nmeasure = "乙"\n\n'
REPORT = "共5個,共10個。"
FACTS = "facts/r/facts.toml"


def derived(formula: str) -> str:
    return HEAD + FACT_A + FACT_B + (
        '[[fact]]\nid = "s"\nprinted = false\nunit = "個"\nmeasure = "s"\n'
        f'[fact.derive]\nkind = "formula"\nformula = "{formula}"\n')


def setup(tmp: Path, facts: str, report: str = REPORT) -> Path:
    folder = tmp / "facts" / "r"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.txt").write_text(report, encoding="utf-8")
    (folder / "facts.toml").write_text(facts, encoding="utf-8")
    return tmp


def verify(tmp: Path, *extra: str):  # type: ignore[no-untyped-def]
    return run(tmp, "verify", "--facts", "facts", "--no-hygiene", "--no-coverage", "-f", "concise", *extra)


def formula_line(text: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("formula"))


# -- formulas ---------------------------------------------------------------------------------------------------

FORMULAS = {
    "nested 250 deep": ("(" * 250 + "a" + ")" * 250, f"nests deeper than {MAX_FORMULA_DEPTH}"),
    "a chain of 1,000 terms": (" + ".join(["a"] * 1000), f"nests deeper than {MAX_FORMULA_DEPTH}"),
    "1,000 unary minus": ("-" * 1000 + "a", f"nests deeper than {MAX_FORMULA_DEPTH}"),
    "a literal of 4,301 digits": ("a * " + "7" * 4301, f"more than {MAX_DIGITS} digits"),
    "a formula over the length limit": ("a" + " " * MAX_FORMULA_LENGTH + "+ b", "longer than"),
    "an empty formula": ("", "empty formula"),
    "a blank formula": ("   ", "empty formula"),
}


@pytest.mark.parametrize("name", FORMULAS)
def test_a_hostile_formula_is_one_line(tmp_path: Path, name: str) -> None:
    formula, words = FORMULAS[name]
    facts = derived(formula)
    started = time.perf_counter()
    line = one_line_error(verify(setup(tmp_path, facts)), f"{FACTS}:{formula_line(facts)}:")
    assert time.perf_counter() - started < 5
    assert words in line


def test_an_empty_formula_in_a_check_is_one_line(tmp_path: Path) -> None:
    facts = HEAD + FACT_A + FACT_B + '[[check]]\nid = "k"\nkind = "bound"\nformula = ""\n'
    line = one_line_error(verify(setup(tmp_path, facts)), f"{FACTS}:{formula_line(facts)}:")
    assert "empty formula" in line


def test_the_tokenizer_is_linear() -> None:
    """A 400 KB formula took 10 s with the old tokenizer (a copy of the rest of the text per token)."""
    big = "a + " * 99_999 + "a"
    started = time.perf_counter()
    with pytest.raises(F.FormulaError, match="longer than"):
        F.parse(big)
    assert time.perf_counter() - started < 1
    text = " + ".join(["a"] * MAX_FORMULA_DEPTH) + " " * 5000
    started = time.perf_counter()
    assert F._tokenize(text)[-1][0] == "end"
    assert time.perf_counter() - started < 0.5


def test_formulas_within_the_limits_still_parse() -> None:
    chain = " + ".join(["a"] * (MAX_FORMULA_DEPTH - 1))
    assert len(F.references(F.parse(chain).left)) == MAX_FORMULA_DEPTH - 1
    nested = "(" * (MAX_FORMULA_DEPTH - 1) + "a" + ")" * (MAX_FORMULA_DEPTH - 1)
    assert F.render(F.parse(nested).left) == "a"
    assert F.parse("1" * MAX_DIGITS + " * a").left.left.value == int("1" * MAX_DIGITS)


# -- TOML --------------------------------------------------------------------------------------------------------

def test_toml_arrays_nested_1000_deep(tmp_path: Path) -> None:
    facts = HEAD + "x = " + "[" * 1000 + "]" * 1000 + "\n"
    line = one_line_error(verify(setup(tmp_path, facts)), f"{FACTS}:4:")
    assert "nest deeper than" in line


def test_a_toml_integer_of_5001_digits(tmp_path: Path) -> None:
    facts = HEAD + FACT_A.replace('value = "5"', "value = " + "9" * 5001)
    row = facts[: facts.index("9" * 50)].count("\n") + 1
    line = one_line_error(verify(setup(tmp_path, facts)), f"{FACTS}:{row}:9:")
    assert "more than" in line


def test_long_digit_runs_inside_strings_are_not_numbers(tmp_path: Path) -> None:
    facts = HEAD + FACT_A.replace('measure = "甲"', 'measure = "甲", note = "' + "1" * 300 + '"').replace(
        'measure = "甲", note', 'measure = "甲"\nnote')
    out = verify(setup(tmp_path, facts))
    assert out.code == 0, out


def test_a_toml_error_at_the_end_of_the_document_names_its_place(tmp_path: Path) -> None:
    facts = HEAD + 'x = "open'
    line = one_line_error(verify(setup(tmp_path, facts)), f"{FACTS}:4:")
    assert "end of" in line


def test_a_facts_file_that_is_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    setup(tmp_path, "")
    (tmp_path / FACTS).write_bytes(HEAD.encode() + 'k = "甲'.encode() + "乙".encode("big5") + b'"\n')
    one_line_error(verify(tmp_path), f"{FACTS}:4:7: facts file is not UTF-8")
