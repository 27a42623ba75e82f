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


@pytest.mark.parametrize("open_, close", [("[", "]"), ("{a = ", "}")])
def test_toml_nested_past_the_limit_but_within_tomlis_is_refused_at_its_place(tmp_path: Path, open_: str,
                                                                                close: str) -> None:
    """33 levels: toml-rs reads them, so the limit is told from the data it returns; the
    message and the place of the 33rd bracket stay those of the scan. A facts file has more brackets than the
    limit ([[fact]] has two), so the bracket count alone does not decide."""
    facts = HEAD + FACT_A + FACT_B + "[[group]]\nid = \"g\"\n" * 10 + "x = " + open_ * 33 + "1" + close * 33 + "\n"
    row = facts.count("\n")
    column = len("x = ") + len(open_) * 32 + 1
    line = one_line_error(verify(setup(tmp_path, facts)), f"{FACTS}:{row}:{column}:")
    assert "nest deeper than 32 levels" in line


def test_toml_nested_to_the_limit_and_dotted_keys_deeper_are_read(tmp_path: Path) -> None:
    """32 levels of brackets, and a dotted key 40 deep (data nest deeper than the brackets: the scan decides)."""
    facts = (HEAD + "x = " + "[" * 32 + "1" + "]" * 32 + "\n" + "y." * 40 + "z = 1\n" + FACT_A + FACT_B
             + "[[group]]\nid = \"g\"\n" * 10)
    one_line_error(verify(setup(tmp_path, facts)), f"{FACTS}:4:5: unknown key 'x' in [report]")


@pytest.mark.parametrize("open_, close", [("[", "]"), ("{a = ", "}"), ("[{a = ", "}]")])
def test_toml_nested_100000_deep_is_one_line_not_a_crash(tmp_path: Path, open_: str, close: str) -> None:
    """toml-rs recurses on the machine stack (it crashes the process past ~4,500 levels), so a text with many
    brackets is scanned before it reads: a real process, for a crash would take pytest with it."""
    import subprocess
    import sys

    setup(tmp_path, HEAD + "x = " + open_ * 100_000 + "1" + close * 100_000 + "\n")
    done = subprocess.run([sys.executable, "-m", "laibin_check", "verify", "--facts", "facts", "-f", "concise"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done
    assert done.stderr.startswith(f"laibin-check: error: {FACTS}:4:"), done.stderr
    assert "nest deeper than 32 levels" in done.stderr and done.stderr.count("\n") == 1


def test_a_toml_integer_of_5001_digits(tmp_path: Path) -> None:
    facts = HEAD + FACT_A.replace('value = "5"', "value = " + "9" * 5001)
    row = facts[: facts.index("9" * 50)].count("\n") + 1
    line = one_line_error(verify(setup(tmp_path, facts)), f"{FACTS}:{row}:9:")
    assert "more than" in line


MANY_BRACKETS = "".join(f'[[group]]\nid = "g{i}"\n' for i in range(20))
"""Forty brackets, more than MAX_TOML_NESTING: the bracket count alone does not rule a limit out."""


@pytest.mark.parametrize("written, column", [
    ("z = 1." + "0" * 60, 7),
    ("z = 1e" + "0" * 60, 7),
    ("z = 0x" + "1" * 60, 7),
    ("z = 1_" + "2" * 60, 5),
    ("z = 1979-05-27T07:32:00." + "9" * 60, 25),
    ("z = 07:32:00." + "9" * 60, 14),
    ("z = [1, 2, 1." + "0" * 60 + "]", 14),
    ("z = {a = 1." + "0" * 60 + "}", 12),
    ("1" * 60 + " = 1", 1),
    ("a" + "2" * 60 + " = 1", 2),
    ("z." + "3" * 60 + " = 1", 3),
])
def test_a_long_digit_run_is_found_in_a_file_with_more_brackets_than_the_nesting_limit(
        tmp_path: Path, written: str, column: int) -> None:
    """A facts file has more brackets than MAX_TOML_NESTING ([[fact]] has two), and toml-rs reads these texts:
    the data tell whether a number, a date or time, or a long key could hold the run, and the scan names it."""
    facts = HEAD + written + "\n\n" + FACT_A + MANY_BRACKETS
    line = one_line_error(verify(setup(tmp_path, facts)), f"{FACTS}:4:{column}:")
    assert "more than 50 digits" in line


@pytest.mark.parametrize("many", ["", MANY_BRACKETS])
def test_long_digit_runs_inside_strings_are_not_numbers(tmp_path: Path, many: str) -> None:
    facts = many + HEAD + FACT_A.replace('measure = "甲"', 'measure = "甲", note = "' + "1" * 300 + '"').replace(
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


# -- config values -----------------------------------------------------------------------------------------------

def config_case(tmp: Path, body: str) -> Path:
    setup(tmp, HEAD + FACT_A + FACT_B)
    (tmp / "laibin-check.toml").write_text(body, encoding="utf-8")
    return tmp


@pytest.mark.parametrize("body", [
    'near_band = "0.' + "0" * 4999 + '1"',
    'near_band = "0.' + "3" * 5000 + '"',
    'about_tolerance = "1e-999999999"',
])
def test_a_config_number_past_the_digit_limit(tmp_path: Path, body: str) -> None:
    started = time.perf_counter()
    out = run(config_case(tmp_path, body), "verify", "--no-hygiene", "--no-coverage", "-f", "concise")
    assert time.perf_counter() - started < 5
    line = one_line_error(out)
    assert "laibin-check.toml:1:" in line and "more than 50 digits" in line


# -- values and results ----------------------------------------------------------------------------------------

def test_a_value_past_the_digit_limit(tmp_path: Path) -> None:
    facts = HEAD + FACT_A.replace('value = "5"', 'value = "' + "5" * 4301 + '"')
    line = one_line_error(verify(setup(tmp_path, facts)), f"{FACTS}:")
    assert "more than 50 digits" in line


def test_a_result_past_4300_digits_is_refused_before_any_arithmetic(tmp_path: Path) -> None:
    big = "9" * 50
    fact = FACT_A.replace('value = "5"', f'value = "{big}"').replace('quote = "共5個"', f'quote = "共{big}個"')
    facts = HEAD + fact + FACT_B + (
        '[[fact]]\nid = "s"\nprinted = false\nunit = "個"\nmeasure = "s"\n'
        '[fact.derive]\nkind = "formula"\nformula = "' + " * ".join(["a"] * 90) + '"\n')
    started = time.perf_counter()
    line = one_line_error(verify(setup(tmp_path, facts, f"共{big}個,共10個。")), f"{FACTS}:{formula_line(facts)}:")
    assert "more than 1000 digits" in line
    assert time.perf_counter() - started < 5


def test_a_chain_of_derived_facts_that_doubles_is_stopped(tmp_path: Path) -> None:
    chain = "".join(
        f'[[fact]]\nid = "d{i}"\nprinted = false\nunit = "個"\nmeasure = "d{i}"\n'
        f'[fact.derive]\nkind = "formula"\nformula = "{"a" if i == 0 else f"d{i - 1}"} * '
        f'{"a" if i == 0 else f"d{i - 1}"}"\n\n' for i in range(40))
    line = one_line_error(verify(setup(tmp_path, HEAD + FACT_A + chain)), f"{FACTS}:")
    assert "more than 1000 digits" in line


# -- reports -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("digits", [20_000, 50_000])
def test_a_long_digit_run_in_a_report_is_no_figure(tmp_path: Path, digits: int) -> None:
    """0.1.0: 11 s of regex backtracking for 20,000 digits (60 s for 50,000), then int()'s ValueError."""
    started = time.perf_counter()
    out = verify(setup(tmp_path, HEAD + FACT_A + FACT_B, "編號" + "7" * digits + "。共5個,共10個。"))
    assert out.code in (0, 1) and "Traceback" not in out.stderr, out
    assert time.perf_counter() - started < 10


def test_5000_figures_on_one_line(tmp_path: Path) -> None:
    report = "，".join(f"{i}個" for i in range(5000)) + "。共5個,共10個。"
    started = time.perf_counter()
    out = run(setup(tmp_path, HEAD + FACT_A + FACT_B, report), "verify", "--facts", "facts", "-f", "concise")
    assert out.code == 1 and "Traceback" not in out.stderr, out.stderr[-500:]
    assert time.perf_counter() - started < 60


def test_a_report_past_the_size_ceiling_is_one_line(tmp_path: Path) -> None:
    from laibin_check.limits import MAX_REPORT_BYTES

    report = "共5個,共10個。" * (MAX_REPORT_BYTES // 10)  # 19 bytes each
    started = time.perf_counter()
    line = one_line_error(verify(setup(tmp_path, HEAD + FACT_A + FACT_B, report)), "facts/r/report.txt:")
    assert "larger than" in line
    assert time.perf_counter() - started < 5


def test_a_report_past_the_figure_ceiling_is_one_line(tmp_path: Path) -> None:
    from laibin_check.limits import MAX_FIGURES

    report = "共5個,共10個。" + "，".join(str(i) for i in range(MAX_FIGURES + 1))
    line = one_line_error(verify(setup(tmp_path, HEAD + FACT_A + FACT_B, report)), "facts/r/report.txt:1:")
    assert f"more than {MAX_FIGURES:,} figures" in line
