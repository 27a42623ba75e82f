"""Bad input, as a user meets it: the real CLI in a subprocess, paths relative to the working folder.

Every bad input gets one line on stderr naming the file and line (and column where it can), nothing on stdout,
exit code 2, and never a traceback; --debug shows the traceback instead.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HEAD = '[report]\nid = "r"\n\n'
FACT_A = '[[fact]]\nid = "a"\nquote = "共5個"\nvalue = "5"\nunit = "個"\nmeasure = "甲"\n\n'
FACT_B = '[[fact]]\nid = "b"\nquote = "佔10%"\nvalue = "10"\nunit = "%"\nmeasure = "乙"\n\n'
MONEY = '[[fact]]\nid = "m"\nquote = "投資3億元"\nvalue = "3"\nunit = "億元"\nmeasure = "投資"\n\n'
REPORT = "共5個,佔10%,投資3億元,不到5個。"
FACTS = "facts/r/facts.toml"


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "laibin_check", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def verify(cwd: Path, *extra: str, facts: str = "facts") -> subprocess.CompletedProcess[str]:
    return cli(cwd, "verify", "--facts", facts, "--no-hygiene", "--no-coverage", *extra)


def place(text: str, line_has: str, at: str | None = None) -> str:
    """"line:col" (1-based) of `at` on the first line of `text` holding `line_has`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line_has in line:
            return f"{number}:{line.index(at if at is not None else line_has) + 1}"
    raise AssertionError(f"{line_has!r} not in the text")


@dataclass
class Bad:
    name: str
    facts: str | None
    """facts/r/facts.toml, or None for none."""
    prefix: str
    """The expected start of stderr after "laibin-check: error: "."""
    words: tuple[str, ...] = ()
    report: str | None = REPORT
    args: tuple[str, ...] = ()
    facts_dir: str = "facts"
    files: dict[str, bytes] = field(default_factory=dict)


def _case_list() -> list[Bad]:
    cases: list[Bad] = []

    t = '[report]\nid = "r"\n\n[[fact]\nid = "a"\n'
    cases.append(Bad("malformed TOML", t, f"{FACTS}:4:7: not valid TOML", ("Expected ']]'",)))

    t = HEAD + FACT_A.replace('unit = "個"', 'unit = "光年"')
    cases.append(Bad("unknown unit", t, f"{FACTS}:{place(t, '光年', chr(34) + '光年')}: unknown unit '光年'"))

    t = HEAD + FACT_A + FACT_B + '[fact.derive]\nkind = "ratio"\nformula = "a / zz"\n'
    cases.append(Bad("unknown fact id in a formula", t,
                     f"{FACTS}:{place(t, 'a / zz', 'zz')}: unknown fact id 'zz' in formula"))

    t = HEAD + FACT_A + FACT_B + '[[check]]\nid = "k"\nkind = "bound"\nformula = "b <= nope"\n'
    cases.append(Bad("unknown fact id in a check", t,
                     f"{FACTS}:{place(t, 'b <= nope', 'nope')}: unknown fact id 'nope' in formula"))

    t = HEAD + FACT_A + (
        '[[fact]]\nid = "b"\nprinted = false\nunit = "個"\nmeasure = "b"\n'
        '[fact.derive]\nkind = "formula"\nformula = "c + a"\n\n'
        '[[fact]]\nid = "c"\nprinted = false\nunit = "個"\nmeasure = "c"\n'
        '[fact.derive]\nkind = "formula"\nformula = "b + a"\n')
    line = place(t, '"c + a"').split(":")[0]
    cases.append(Bad("a cycle of derivations", t, f"{FACTS}:{line}:1: derivations form a cycle: b -> c -> b"))

    t = HEAD + FACT_A + FACT_A
    second = [i for i, ln in enumerate(t.splitlines(), start=1) if ln == 'id = "a"'][1]
    cases.append(Bad("a duplicate id", t, f"{FACTS}:{second}:6: duplicate fact id 'a' (first at line 4)"))

    t = HEAD + FACT_A.replace('value = "5"', 'value = "五個多"')
    cases.append(Bad("a value that cannot be read", t,
                     f"{FACTS}:{place(t, '五個多', chr(34))}: value cannot be read"))

    t = '[report]\nid = "r"\nfile = "missing.txt"\n\n' + FACT_A
    cases.append(Bad("a missing report file", t,
                     f"{FACTS}:{place(t, 'missing.txt', chr(34))}: report file 'missing.txt' not found"))

    t = HEAD + FACT_A.replace('measure = "甲"', 'measure = "甲"\ncolour = "red"')
    cases.append(Bad("an unknown key in a fact", t,
                     f"{FACTS}:{place(t, 'colour', chr(34))}: unknown key 'colour' in [[fact]]"))

    t = HEAD + FACT_A.replace('value = "5"', "value = 5")
    cases.append(Bad("a number instead of a string for value", t,
                     f"{FACTS}:{place(t, 'value = 5', '5')}: 'value' must be a string", ('value = "83.4"',)))

    t = HEAD + FACT_A + FACT_B + '[fact.derive]\nkind = "ratio"\nformula = "a / * b"\n'
    cases.append(Bad("a formula syntax error", t, f"{FACTS}:{place(t, 'a / * b', '*')}: unexpected '*'"))

    t = HEAD + FACT_A + FACT_B + '[fact.derive]\nkind = "ratio"\nformula = \'__import__("os").system("x")\'\n'
    cases.append(Bad("Python in a formula", t,
                     f"{FACTS}:{place(t, '__import__', chr(34) + 'os')}: unexpected character"))

    cases.append(Bad("an empty report", HEAD + FACT_A, "facts/r/report.txt: report is empty", report=""))

    cases.append(Bad("a facts folder that does not exist", None, "nowhere: facts folder not found",
                     facts_dir="nowhere"))

    cases.append(Bad("an unknown report id", HEAD + FACT_A, "facts: no report 'nosuch' here; reports: r",
                     args=("nosuch",)))

    t = HEAD + FACT_A + MONEY + (
        '[[fact]]\nid = "s"\nprinted = false\nunit = "億元"\nmeasure = "s"\n'
        '[fact.derive]\nkind = "sum"\nformula = "m + a"\n')
    cases.append(Bad("adding 個 to 億元", t, f"{FACTS}:{place(t, 'm + a', '+')}: cannot add"))

    t = HEAD + FACT_A + (
        '[[fact]]\nid = "s"\nprinted = false\nunit = "億元"\nmeasure = "s"\n'
        '[fact.derive]\nkind = "formula"\nformula = "a * 2元噸"\n')
    cases.append(Bad("a constant in a unit the table does not know", t,
                     f"{FACTS}:{place(t, 'a * 2元噸', '2元噸')}: unknown unit '元噸' after '2元噸'"))

    t = '[report]\nid = "other"\n\n' + FACT_A
    cases.append(Bad("a report id that is not its folder", t,
                     f"{FACTS}:{place(t, 'other', chr(34))}: report id 'other' must equal its folder "
                     "name 'r'"))

    t = HEAD + FACT_A + FACT_B + '[[check]]\nid = "k"\nkind = "bound"\nformula = "a + b"\n'
    cases.append(Bad("a bound that is no comparison", t,
                     f"{FACTS}:{place(t, 'a + b', 'a + b')}: a bound or equal check needs a comparison"))

    cases.append(Bad("facts file not UTF-8", None, f"{FACTS}:4:3: facts file is not UTF-8",
                     files={FACTS: HEAD.encode() + "# 註釋\n".encode("big5")}))

    cases.append(Bad("an unknown format", HEAD + FACT_A, "--format: 'xml'", args=("-f", "xml")))
    return cases


CASES = _case_list()


def _setup(tmp_path: Path, case: Bad) -> None:
    folder = tmp_path / "facts" / "r"
    folder.mkdir(parents=True)
    if case.report is not None:
        (folder / "report.txt").write_text(case.report, encoding="utf-8")
    if case.facts is not None:
        (folder / "facts.toml").write_text(case.facts, encoding="utf-8")
    for rel, data in case.files.items():
        (tmp_path / rel).write_bytes(data)


def assert_one_line_error(out: subprocess.CompletedProcess[str], prefix: str,
                          words: tuple[str, ...] = ()) -> None:
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    assert out.stderr.endswith("\n") and out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith("laibin-check: error: " + prefix), out.stderr
    for w in words:
        assert w in out.stderr


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every case run once, a few at a time (each run is a fresh interpreter, as a user's is)."""
    from concurrent.futures import ThreadPoolExecutor

    def one(case: Bad) -> subprocess.CompletedProcess[str]:
        cwd = tmp_path_factory.mktemp("bad")
        _setup(cwd, case)
        return verify(cwd, *case.args, facts=case.facts_dir)

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip([c.name for c in CASES], pool.map(one, CASES), strict=True))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_one_line_and_exit_2(outcomes: dict[str, subprocess.CompletedProcess[str]],
                                          case: Bad) -> None:
    assert_one_line_error(outcomes[case.name], case.prefix, case.words)


def test_the_good_input_of_these_cases_runs(tmp_path: Path) -> None:
    """The baseline the bad cases break: it verifies with exit 0 and prints the table."""
    _setup(tmp_path, Bad("good", HEAD + FACT_A + FACT_B + MONEY, ""))
    out = verify(tmp_path)
    assert out.returncode == 0, out.stderr
    assert "error:" not in out.stderr and "Traceback" not in out.stderr


def test_findings_are_not_input_errors(tmp_path: Path) -> None:
    """A contradiction between figures is a finding (exit 1), never a bad-input error."""
    t = HEAD + FACT_A + FACT_B + '[[check]]\nid = "k"\nkind = "bound"\nformula = "b >= 100%"\n'
    _setup(tmp_path, Bad("finding", t, ""))
    out = verify(tmp_path, "-f", "concise")
    assert out.returncode == 1, out.stderr
    assert "LC107" in out.stdout
    assert "laibin-check: error:" not in out.stderr and "Traceback" not in out.stderr


def test_debug_shows_a_traceback(tmp_path: Path) -> None:
    t = HEAD + FACT_A.replace('unit = "個"', 'unit = "光年"')
    _setup(tmp_path, Bad("debug", t, ""))
    out = cli(tmp_path, "--debug", "verify", "--facts", "facts", "--no-hygiene", "--no-coverage")
    assert out.returncode != 0
    assert out.stdout == ""
    assert "Traceback (most recent call last)" in out.stderr
    assert "InputError" in out.stderr
    assert "unknown unit '光年'" in out.stderr


def test_debug_keeps_exit_code_2(tmp_path: Path) -> None:
    t = HEAD + FACT_A.replace('unit = "個"', 'unit = "光年"')
    _setup(tmp_path, Bad("debug", t, ""))
    out = cli(tmp_path, "--debug", "verify", "--facts", "facts", "--no-hygiene", "--no-coverage")
    assert out.returncode == 2


def test_error_paths_are_relative_to_the_working_folder(tmp_path: Path) -> None:
    t = HEAD + FACT_A.replace('unit = "個"', 'unit = "光年"')
    _setup(tmp_path, Bad("relative", t, ""))
    out = cli(tmp_path / "facts", "verify", "--facts", "r", "--no-hygiene", "--no-coverage")
    assert_one_line_error(out, "r/facts.toml:")
    assert str(tmp_path) not in out.stderr
