"""The formula grammar: what it accepts, how it groups, where it points when it rejects, and that it never
hands anything to Python's eval."""

from __future__ import annotations

import re
from fractions import Fraction as Fr
from pathlib import Path

import pytest

from laibin_check import formula as F
from laibin_check.formula import BinOp, Comparison, FormulaError, Neg, Num, Ref, parse, references, render

SRC = Path(__file__).resolve().parents[1] / "src" / "laibin_check"


def tree(node: F.Node | None) -> object:
    """A compact, comparable form of a syntax tree: ("-", "a", "b"), ("neg", "a"), 5, "a"."""
    if node is None:
        return None
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Ref):
        return node.name
    if isinstance(node, Neg):
        return ("neg", tree(node.operand))
    return (node.op, tree(node.left), tree(node.right))


@pytest.mark.parametrize(("text", "expected"), [
    ("a", "a"),
    ("problems_solved / problems_collected", ("/", "problems_solved", "problems_collected")),
    ("a - b - c", ("-", ("-", "a", "b"), "c")),
    ("a / b / c", ("/", ("/", "a", "b"), "c")),
    ("a + b * c", ("+", "a", ("*", "b", "c"))),
    ("a * b + c", ("+", ("*", "a", "b"), "c")),
    ("(a + b) * c", ("*", ("+", "a", "b"), "c")),
    ("a - (b - c)", ("-", "a", ("-", "b", "c"))),
    ("a / (b * c)", ("/", "a", ("*", "b", "c"))),
    ("-a", ("neg", "a")),
    ("--a", ("neg", ("neg", "a"))),
    ("-a * b", ("*", ("neg", "a"), "b")),
    ("a * -b", ("*", "a", ("neg", "b"))),
    ("a - -b", ("-", "a", ("neg", "b"))),
    ("-(a + b)", ("neg", ("+", "a", "b"))),
    ("revenue / (1 + revenue_growth)", ("/", "revenue", ("+", Fr(1), "revenue_growth"))),
    ("1", Fr(1)),
    ("0.5", Fr(1, 2)),
    ("100%", Fr(1)),
    ("28%", Fr(28, 100)),
    ("12.5%", Fr(1, 8)),
    ("  a\t+\tb  ", ("+", "a", "b")),
    ("_x1", "_x1"),
])
def test_expressions(text: str, expected: object) -> None:
    parsed = parse(text)
    assert parsed.op == ""
    assert parsed.right is None
    assert tree(parsed.left) == expected


def test_percent_literal_is_marked() -> None:
    node = parse("28%").left
    assert isinstance(node, Num)
    assert node.percent and node.text == "28%" and node.value == Fr(7, 25)
    plain = parse("28").left
    assert isinstance(plain, Num) and not plain.percent and plain.value == 28


@pytest.mark.parametrize("op", ["==", "<=", "<", ">=", ">"])
def test_comparisons(op: str) -> None:
    parsed = parse(f"a + b {op} c * 2")
    assert parsed.op == op
    assert tree(parsed.left) == ("+", "a", "b")
    assert tree(parsed.right) == ("*", "c", Fr(2))


def test_comparison_type() -> None:
    assert isinstance(parse("solved <= collected"), Comparison)
    assert tree(parse("share <= 100%").right) == Fr(1)


@pytest.mark.parametrize(("text", "column", "words"), [
    ("", 0, "empty"),
    ("   ", 0, "empty"),
    ("a +", 3, "ends too early"),
    ("a + * b", 4, "unexpected '*'"),
    ("(a + b", 6, "missing ')'"),
    ("a + b)", 5, "unexpected ')'"),
    ("a b", 2, "unexpected 'b'"),
    ("2a", 1, "unexpected 'a'"),
    ("1e5", 1, "unexpected 'e5'"),
    ("a = b", 2, "'='"),
    ("a == b == c", 7, "unexpected '=='"),
    ("a < b > c", 6, "unexpected '>'"),
    ("1.", 1, "'.'"),
    (".5", 0, "'.'"),
    ("5%%", 2, "'%'"),
    ("a ** b", 3, "unexpected '*'"),
    ("a ^ b", 2, "'^'"),
    ("a.b", 1, "'.'"),
    ("a[0]", 1, "'['"),
    ("f(a)", 1, "unexpected '('"),
    ("a, b", 1, "','"),
    ("lambda: 0", 6, "':'"),
    ("'a'", 0, "\"'\""),
    ("a / 收集", 4, "'收'"),
    ("a +\n", 4, "ends too early"),
])
def test_rejected_with_column(text: str, column: int, words: str) -> None:
    with pytest.raises(FormulaError) as info:
        parse(text)
    assert info.value.column == column
    assert words in str(info.value)


@pytest.mark.parametrize(("text", "column"), [
    ('__import__("os").system("x")', 11),
    ("__import__('os')", 11),
    ("exec('1')", 5),
    ("eval(a)", 4),
    ("open('/etc/passwd').read()", 5),
    ("a if b else c", 2),
    ("[a for a in b]", 0),
    ("a; b", 1),
    ("a.__class__", 1),
])
def test_python_is_never_evaluated(text: str, column: int) -> None:
    """Python syntax is not the grammar: it is rejected with a column, not evaluated."""
    with pytest.raises(FormulaError) as info:
        parse(text)
    assert info.value.column == column


def test_no_eval_or_exec_in_the_source_tree() -> None:
    pattern = re.compile(r"(?<![\w.])(eval|exec|compile|__import__)\s*\(")  # not re.compile(
    assert pattern.search("x = eval(text)") and pattern.search("exec (code)")
    assert not pattern.search("_TOKEN = re.compile(r'x')") and not pattern.search("evaluate(node)")
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if pattern.search(code):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert offenders == []


def test_references_in_source_order() -> None:
    parsed = parse("a + b * a - c")
    refs = references(parsed.left)
    assert [r.name for r in refs] == ["a", "b", "a", "c"]
    assert [r.column for r in refs] == [0, 4, 8, 12]
    assert references(None) == []
    assert references(parse("1 + 2%").left) == []


def test_columns_of_operators_and_negation() -> None:
    node = parse("a - b").left
    assert isinstance(node, BinOp) and node.column == 2
    neg = parse("  -x").left
    assert isinstance(neg, Neg) and neg.column == 2
    num = parse("1 + 28%").left
    assert isinstance(num, BinOp) and isinstance(num.right, Num) and num.right.column == 4


@pytest.mark.parametrize(("text", "rendered"), [
    ("a - b - c", "a - b - c"),
    ("a - (b - c)", "a - (b - c)"),
    ("(a - b) - c", "a - b - c"),
    ("a / b / c", "a / b / c"),
    ("a / (b / c)", "a / (b / c)"),
    ("a / (b * c)", "a / (b * c)"),
    ("(a + b) * c", "(a + b) * c"),
    ("a + (b * c)", "a + b * c"),
    ("-(a + b)", "-(a + b)"),
    ("-a * b", "-a * b"),
    ("fiscal_revenue/(1+growth)", "fiscal_revenue / (1 + growth)"),
    ("100%-x", "100% - x"),
])
def test_render_keeps_only_needed_parentheses(text: str, rendered: str) -> None:
    assert render(parse(text).left) == rendered
    assert tree(parse(rendered).left) == tree(parse(text).left)  # rendering round-trips
