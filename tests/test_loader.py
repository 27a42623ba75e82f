"""The loader's API: discovering report folders, reading a facts file into facts, and every validation error
as an InputError with the file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from laibin_check.errors import InputError
from laibin_check.loader import discover, load_report, topological

HEAD = '[report]\nid = "r"\ntitle = "測試"\n\n'
FACT_A = '[[fact]]\nid = "a"\nquote = "共5個"\nvalue = "5"\nunit = "個"\nmeasure = "甲"\n\n'
FACT_B = '[[fact]]\nid = "b"\nquote = "佔10%"\nvalue = "10"\nunit = "%"\nmeasure = "乙"\n\n'
REPORT = "共5個,佔10%,其中3個。"


def write(tmp_path: Path, facts: str, report: str | None = REPORT, name: str = "r") -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True)
    if report is not None:
        (folder / "report.txt").write_text(report, encoding="utf-8")
    (folder / "facts.toml").write_text(facts, encoding="utf-8")
    return folder


def place(text: str, line_has: str, at: str | None = None) -> tuple[int, int]:
    """1-based (line, column) of `at` on the first line holding `line_has`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line_has in line:
            return number, line.index(at if at is not None else line_has) + 1
    raise AssertionError(f"{line_has!r} not in the text")


def load_error(tmp_path: Path, facts: str, report: str | None = REPORT) -> InputError:
    folder = write(tmp_path, facts, report)
    with pytest.raises(InputError) as info:
        load_report(folder)
    return info.value


# -- discover ------------------------------------------------------------------------------------------------

def test_discover_a_report_folder_itself(tmp_path: Path) -> None:
    folder = write(tmp_path, HEAD + FACT_A)
    assert discover(folder) == [folder]


def test_discover_report_folders_sorted_skipping_hidden_and_empty(tmp_path: Path) -> None:
    write(tmp_path, HEAD.replace('"r"', '"zeta"') + FACT_A, name="zeta")
    write(tmp_path, HEAD.replace('"r"', '"alpha"') + FACT_A, name="alpha")
    write(tmp_path, HEAD + FACT_A, name=".hidden")
    (tmp_path / "notes").mkdir()
    assert [p.name for p in discover(tmp_path)] == ["alpha", "zeta"]


def test_discover_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="facts folder not found"):
        discover(tmp_path / "nowhere")
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder"):
        discover(tmp_path / "file.txt")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no report folders"):
        discover(tmp_path / "empty")


# -- a good file ---------------------------------------------------------------------------------------------

def test_load_a_report(tmp_path: Path) -> None:
    text = HEAD + FACT_A + FACT_B + (
        '[[fact]]\nid = "c"\nprinted = false\nunit = "個"\nmeasure = "丙"\n\n'
        '[fact.derive]\nkind = "formula"\nformula = "a * b"\napproximate = "roughly"\n\n'
        '[[check]]\nid = "k"\nkind = "bound"\nformula = "b <= 100%"\n\n'
        '[[not_claim]]\ntext = "2021"\nreason = "date"\n'
    )
    folder = write(tmp_path, text)
    rf = load_report(folder)
    assert rf.id == "r" and rf.title == "測試"
    assert rf.report_file == folder / "report.txt"
    assert [f.id for f in rf.facts] == ["a", "b", "c"]
    a, c = rf.fact("a"), rf.fact("c")
    assert (a.value, a.unit, a.measure, a.claim, a.printed) == ("5", "個", "甲", "figure", True)
    assert a.origin.line == place(text, 'id = "a"')[0] - 1  # the [[fact]] header line
    assert not c.printed and c.value == "" and c.derive is not None
    assert c.derive.kind == "formula" and c.derive.approximate == "roughly"
    assert c.derive.formula_origin is not None
    # the formula's origin is the first character inside its quotes
    origin = c.derive.formula_origin
    assert (origin.line, origin.column) == place(text, 'formula = "a * b"', "a *")
    assert rf.checks[0].kind == "bound" and rf.checks[0].formula == "b <= 100%"
    assert rf.not_claims[0].text == "2021" and rf.not_claims[0].reason == "date"
    with pytest.raises(KeyError):
        rf.fact("zz")


def test_defaults(tmp_path: Path) -> None:
    folder = write(tmp_path, '[report]\nid = "r"\n\n' + FACT_A)
    rf = load_report(folder)
    assert rf.title == "r"
    assert rf.report_file.name == "report.txt"
    assert rf.sha256 == ""
    assert rf.groups == () and rf.checks == () and rf.not_claims == ()


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    folder = write(tmp_path, HEAD + FACT_A)
    (folder / "facts.toml").write_bytes(b"\xef\xbb\xbf" + (HEAD + FACT_A).encode("utf-8"))
    assert load_report(folder).facts[0].id == "a"


def test_topological_order(tmp_path: Path) -> None:
    text = (HEAD + '[[fact]]\nid = "z"\nprinted = false\nunit = "個"\nmeasure = "z"\n'
            '[fact.derive]\nkind = "sum"\nformula = "y + a"\n\n'
            '[[fact]]\nid = "y"\nprinted = false\nunit = "個"\nmeasure = "y"\n'
            '[fact.derive]\nkind = "sum"\nformula = "a + a"\n\n' + FACT_A)
    rf = load_report(write(tmp_path, text))
    order = [f.id for f in topological(rf.facts)]
    assert order.index("a") < order.index("y") < order.index("z")


# -- validation errors, each with its place ------------------------------------------------------------------

def _assert_at(err: InputError, text: str, line_has: str, at: str | None, *words: str) -> None:
    line, column = place(text, line_has, at)
    assert (err.line, err.column) == (line, column), str(err)
    assert err.path.endswith("r/facts.toml")
    for w in words:
        assert w in err.message, err.message


@pytest.mark.parametrize(("body", "line_has", "at", "words"), [
    (FACT_A.replace('unit = "個"', 'unit = "光年"'), 'unit = "光年"', '"光年"', ["unknown unit '光年'"]),
    (FACT_A.replace('value = "5"', 'value = "五個多"'), "value =", '"五個多"', ["value cannot be read"]),
    (FACT_A.replace('value = "5"', "value = 5"), "value = 5", "5", ["must be a string", 'value = "83.4"']),
    (FACT_A.replace('measure = "甲"', 'measure = "甲"\ncolour = "red"'), "colour", '"red"',
     ["unknown key 'colour'"]),
    (FACT_A + FACT_A.replace('quote = "共5個"', 'quote = "其中3個"'), "其中3個", None,
     ["duplicate fact id 'a'"]),
    (FACT_A.replace('id = "a"', 'id = "Bad-Id"'), "Bad-Id", '"Bad-Id"', ["must match"]),
    (FACT_A.replace('measure = "甲"', 'claim = "guess"\nmeasure = "甲"'), "claim", '"guess"',
     ["claim must be"]),
    (FACT_A.replace('measure = "甲"', 'group = "nowhere"\nmeasure = "甲"'), "group =", '"nowhere"',
     ["unknown group"]),
    (FACT_A.replace('quote = "共5個"', 'quote = "  "'), "quote =", '"  "', ["quote must not be empty"]),
])
def test_fact_errors(tmp_path: Path, body: str, line_has: str, at: str | None, words: list[str]) -> None:
    text = HEAD + '[[group]]\nid = "g"\n\n' + body
    err = load_error(tmp_path, text)
    if "duplicate" in words[0]:
        # the second fact's id line
        lines = text.splitlines()
        second = [i for i, ln in enumerate(lines, start=1) if ln == 'id = "a"'][1]
        assert (err.line, err.column) == (second, 6)
        assert "first at line" in err.message
        return
    _assert_at(err, text, line_has, at, *words)


def test_missing_required_key_points_at_the_table(tmp_path: Path) -> None:
    text = HEAD + FACT_A.replace('measure = "甲"\n', "")
    err = load_error(tmp_path, text)
    assert (err.line, err.column) == (place(text, "[[fact]]")[0], 1)
    assert "missing required key 'measure'" in err.message


def test_implied_fact_rules(tmp_path: Path) -> None:
    text = HEAD + '[[fact]]\nid = "c"\nprinted = false\nunit = "個"\nmeasure = "丙"\n'
    err = load_error(tmp_path, text)
    assert "needs a [fact.derive]" in err.message
    assert (err.line, err.column) == place(text, "printed = false", "false")
    text2 = HEAD + FACT_A + ('[[fact]]\nid = "c"\nprinted = false\nvalue = "3"\nunit = "個"\nmeasure = "丙"\n'
                            '[fact.derive]\nkind = "sum"\nformula = "a + a"\n')
    err2 = load_error(tmp_path / "2", text2)
    assert "has no value" in err2.message
    assert (err2.line, err2.column) == place(text2, 'value = "3"', '"3"')


@pytest.mark.parametrize(("derive", "line_has", "at", "words"), [
    ('kind = "guess"\nformula = "a"', 'kind = "guess"', '"guess"', ["derive kind must be one of"]),
    ('kind = "count"\nitems = ["x"]\nformula = "a"', 'formula = "a"', '"a"', ["has no formula"]),
    ('kind = "ratio"\nformula = "a"\nitems = ["x"]', "items =", "[", ["a ratio derivation has no items"]),
    ('kind = "ratio"\nformula = "a <= a"', "formula =", "a <= a", ["not a comparison"]),
    ('kind = "ratio"\nformula = "a / zz"', "formula =", "zz", ["unknown fact id 'zz'"]),
    ('kind = "ratio"\nformula = "a / (a + "', "formula =", '"\n', ["ends too early"]),
    ('kind = "ratio"\nformula = "a $ a"', "formula =", "$", ["unexpected character '$'"]),
    ('kind = "ratio"\nformula = \'__import__("os").system("x")\'', "formula =", '"os"',
     ["unexpected character"]),
    ('kind = "ratio"\nformula = "a"\nweight = "1"', "weight", '"1"',
     ["unknown key 'weight' in [fact.derive]"]),
    ('kind = "count"', 'kind = "count"', None, ["missing required key 'items'"]),
    ('kind = "count"\nitems = "x"', "items =", '"x"', ["must be a list of strings"]),
    ('kind = "count"\nitems = ["x"]\npartial = "yes"', "partial", '"yes"', ["must be true or false"]),
])
def test_derive_errors(tmp_path: Path, derive: str, line_has: str, at: str | None, words: list[str]) -> None:
    text = HEAD + FACT_A + FACT_B.rstrip("\n") + "\n\n[fact.derive]\n" + derive + "\n"
    err = load_error(tmp_path, text)
    if at == '"\n':  # the end of the formula: its closing quote
        line, _ = place(text, line_has)
        row = text.splitlines()[line - 1]
        assert (err.line, err.column) == (line, row.rindex('"') + 1), str(err)
        for w in words:
            assert w in err.message
        return
    if at is None:
        assert err.line == place(text, "[fact.derive]")[0] and err.column == 1, str(err)
        for w in words:
            assert w in err.message
        return
    _assert_at(err, text, line_has, at, *words)


@pytest.mark.parametrize(("check", "line_has", "at", "words"), [
    ('id = "k"\nkind = "bound"\nformula = "a + b"', "formula =", "a + b", ["needs a comparison"]),
    ('id = "k"\nkind = "guess"\nformula = "a <= b"', "guess", '"guess"', ["check kind must be one of"]),
    ('id = "k"\nkind = "bound"\nformula = "a <= zz"', "formula =", "zz", ["unknown fact id 'zz'"]),
    ('id = "k"\nkind = "respectively"\nitems = ["x"]\nfacts = ["a", "zz"]', 'id = "k"', None,
     ["unknown fact id 'zz' in check 'k'"]),
    ('id = "k"\nkind = "respectively"\nitems = ["x"]', 'id = "k"', None, ["missing required key 'facts'"]),
])
def test_check_errors(tmp_path: Path, check: str, line_has: str, at: str | None, words: list[str]) -> None:
    text = HEAD + FACT_A + FACT_B + "[[check]]\n" + check + "\n"
    err = load_error(tmp_path, text)
    if at is None:
        assert err.line == place(text, "[[check]]")[0] and err.column == 1, str(err)
        for w in words:
            assert w in err.message
        return
    _assert_at(err, text, line_has, at, *words)


def test_cycle(tmp_path: Path) -> None:
    text = HEAD + FACT_A + (
        '[[fact]]\nid = "b"\nprinted = false\nunit = "個"\nmeasure = "b"\n'
        '[fact.derive]\nkind = "formula"\nformula = "c + a"\n\n'
        '[[fact]]\nid = "c"\nprinted = false\nunit = "個"\nmeasure = "c"\n'
        '[fact.derive]\nkind = "formula"\nformula = "b + a"\n')
    err = load_error(tmp_path, text)
    assert "derivations form a cycle: b -> c -> b" in err.message
    assert (err.line, err.column) == (place(text, 'formula = "c + a"')[0], 1)


def test_self_reference_is_a_cycle(tmp_path: Path) -> None:
    text = HEAD + FACT_A + ('[[fact]]\nid = "b"\nprinted = false\nunit = "個"\nmeasure = "b"\n'
                            '[fact.derive]\nkind = "formula"\nformula = "b + a"\n')
    err = load_error(tmp_path, text)
    assert "cycle: b -> b" in err.message


def test_report_table_errors(tmp_path: Path) -> None:
    text = '[report]\nid = "other"\n\n' + FACT_A
    err = load_error(tmp_path / "1", text)
    assert "must equal its folder name 'r'" in err.message
    assert (err.line, err.column) == place(text, 'id = "other"', '"other"')

    text = '[report]\nid = "r"\nfile = "missing.txt"\n\n' + FACT_A
    err = load_error(tmp_path / "2", text)
    assert "report file 'missing.txt' not found" in err.message
    assert (err.line, err.column) == place(text, "file =", '"missing.txt"')

    text = '[report]\nid = "r"\nsha256 = "abc"\n\n' + FACT_A
    err = load_error(tmp_path / "3", text)
    assert "sha256 must be 64 lowercase hex digits" in err.message

    text = '[report]\nid = "r"\nauthor = "x"\n'
    err = load_error(tmp_path / "4", text)
    assert "unknown key 'author' in [report]" in err.message

    text = FACT_A
    err = load_error(tmp_path / "5", text)
    assert "missing [report] table" in err.message

    text = HEAD + "[[facts]]\nid = 1\n"
    err = load_error(tmp_path / "6", text)
    assert "unknown table 'facts'" in err.message
    assert err.line == place(text, "[[facts]]")[0]

    text = HEAD + '[[group]]\nid = "g"\n\n[[group]]\nid = "g"\n'
    err = load_error(tmp_path / "7", text)
    assert "duplicate group id 'g'" in err.message


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    text = '[report]\nid = "r"\n[[fact]\nid = "a"\n'
    err = load_error(tmp_path, text)
    assert err.message.startswith("not valid TOML")
    assert (err.line, err.column) == (3, 7)
    assert "(at line" not in err.message


def test_facts_file_not_utf8(tmp_path: Path) -> None:
    folder = write(tmp_path, HEAD)
    (folder / "facts.toml").write_bytes(HEAD.encode("utf-8") + "# 註釋\n".encode("big5"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_report(folder)


def test_input_error_text() -> None:
    assert str(InputError("f.toml", "bad", 3, 7)) == "f.toml:3:7: bad"
    assert str(InputError("f.toml", "bad", 3)) == "f.toml:3: bad"
    assert str(InputError("f.toml", "bad")) == "f.toml: bad"
