"""The formula grammar of fact files: tokens, a recursive-descent parser, and the syntax tree it builds.

Facts files come from many hands, so a formula is only ever parsed by this grammar, never handed to eval:

    check   := expr [ ("==" | "<=" | "<" | ">=" | ">") expr ]
    expr    := term { ("+" | "-") term }
    term    := factor { ("*" | "/") factor }
    factor  := "-" factor | atom
    atom    := NUMBER | FACT_ID | "(" expr ")"
    NUMBER  := digits [ "." digits ] [ "%" | UNIT ]
    UNIT    := a unit of the unit table, written right after the digits: 2萬億元, 0.5個百分點, 30％
    FACT_ID := [A-Za-z_][A-Za-z0-9_]*

The minus sign may be written − (U+2212), as statistics print it. A constant is exact: 2萬億元 is 2 × 10^12 元.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from laibin_check.limits import MAX_DIGITS, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH


class FormulaError(ValueError):
    """A formula that is not in the grammar; `column` is 0-based within the formula text."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


class Num(NamedTuple):
    value: Fraction
    percent: bool
    text: str
    column: int
    unit: str = ""
    """A constant's unit as written after it (2萬億元 -> "萬億元"); "" for a plain number or a percent."""


class Ref(NamedTuple):
    name: str
    column: int


class Neg(NamedTuple):
    operand: Node
    column: int


class BinOp(NamedTuple):
    op: str
    left: Node
    right: Node
    column: int


Node = Num | Ref | Neg | BinOp


class Comparison(NamedTuple):
    """`left op right`; a plain expression is held as a Comparison with op "" and right None."""

    left: Node
    op: str
    right: Node | None


_TOKEN = re.compile(
    r"(?P<space>\s+)|(?P<num>\d+(?:\.\d+)?(?:%|[\u3400-\u9fff\uf900-\ufaff％‰]+)?)"
    r"|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>==|<=|>=|[-−+*/()<>])|(?P<bad>.)",
    re.DOTALL,
)
"""Every character starts exactly one match, so one scan reads a formula in time linear in its length."""


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    if len(text) > MAX_FORMULA_LENGTH:
        raise FormulaError(f"formula is longer than {MAX_FORMULA_LENGTH} characters", 0)
    tokens: list[tuple[str, str, int]] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or ""
        if kind == "space":
            continue
        if kind == "bad":
            raise FormulaError(f"unexpected character {m.group()!r} in formula", m.start())
        if kind == "num" and len(m.group()) > MAX_DIGITS + 2 and sum(c.isdigit() for c in m.group()) > MAX_DIGITS:
            raise FormulaError(f"number has more than {MAX_DIGITS} digits", m.start())
        # − (U+2212), the minus sign statistics print, is the same operator as the ASCII hyphen-minus.
        tokens.append((kind, "-" if m.group() == "−" else m.group(), m.start()))
    tokens.append(("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.i = 0
        self.nesting = 0
        """Open parentheses and minus signs around the current token: bounded, as the parser recurses."""

    def deeper(self, column: int) -> None:
        self.nesting += 1
        if self.nesting > MAX_FORMULA_DEPTH:
            raise FormulaError(f"formula nests deeper than {MAX_FORMULA_DEPTH} levels", column)

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def check(self) -> Comparison:
        left = self.expr()
        kind, value, _ = self.peek()
        if kind == "op" and value in ("==", "<=", ">=", "<", ">"):
            self.take()
            right = self.expr()
            self.expect_end()
            return Comparison(left, value, right)
        self.expect_end()
        return Comparison(left, "", None)

    def expect_end(self) -> None:
        kind, value, col = self.peek()
        if kind != "end":
            raise FormulaError(f"unexpected {value!r} in formula", col)

    def expr(self) -> Node:
        node = self.term()
        while self.peek()[0] == "op" and self.peek()[1] in "+-" and self.peek()[1]:
            _, op, col = self.take()
            node = BinOp(op, node, self.term(), col)
        return node

    def term(self) -> Node:
        node = self.factor()
        while self.peek()[0] == "op" and self.peek()[1] in ("*", "/"):
            _, op, col = self.take()
            node = BinOp(op, node, self.factor(), col)
        return node

    def factor(self) -> Node:
        kind, value, col = self.peek()
        if kind == "op" and value == "-":
            self.take()
            self.deeper(col)
            node = Neg(self.factor(), col)
            self.nesting -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        kind, value, col = self.take()
        if kind == "num":
            percent = value.endswith("%")
            digits = value.rstrip("%")
            end = len(digits)
            while end and not (digits[end - 1].isdigit() or digits[end - 1] == "."):
                end -= 1
            number = Fraction(digits[:end])
            return Num(number / 100 if percent else number, percent, value, col, digits[end:])
        if kind == "id":
            return Ref(value, col)
        if kind == "op" and value == "(":
            self.deeper(col)
            node = self.expr()
            k, v, c = self.take()
            if (k, v) != ("op", ")"):
                raise FormulaError("missing ')' in formula", c)
            self.nesting -= 1
            return node
        if kind == "end":
            raise FormulaError("formula ends too early", col)
        raise FormulaError(f"unexpected {value!r} in formula", col)


@lru_cache(maxsize=1024)
def parse(text: str) -> Comparison:
    """Parse a formula or a comparison; FormulaError names the 0-based column at fault.

    Memoised: the engine asks for the same few formulas many times (references, labels, receipts), and the
    tree is immutable."""
    if not text.strip():
        raise FormulaError("empty formula", 0)
    parsed = _Parser(text).check()
    for side in (parsed.left, parsed.right):
        if side is not None and depth(side) > MAX_FORMULA_DEPTH:
            raise FormulaError(f"formula nests deeper than {MAX_FORMULA_DEPTH} levels (each term of a chain "
                               "counts one)", 0)
    return parsed


def depth(node: Node) -> int:
    """Levels of the tree, counted without recursion: every walk over a tree (evaluation, rendering) recurses,
    so the parser refuses a tree deeper than MAX_FORMULA_DEPTH before any of them sees it."""
    deepest = 0
    stack: list[tuple[tuple[object, ...], int]] = [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        for child in current:
            if isinstance(child, tuple) and hasattr(child, "_fields"):
                stack.append((child, level + 1))
    return deepest


def references(node: Node | None) -> list[Ref]:
    """Fact references in source order (a name may appear more than once)."""
    if node is None or isinstance(node, Num):
        return []
    if isinstance(node, Ref):
        return [node]
    if isinstance(node, Neg):
        return references(node.operand)
    return references(node.left) + references(node.right)


def constants(node: Node | None) -> list[Num]:
    """The constants written with a unit (2萬億元), which the loader resolves against the unit table."""
    out: list[Num] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, Num):
            if current.unit:
                out.append(current)
        elif isinstance(current, Neg):
            stack.append(current.operand)
        elif isinstance(current, BinOp):
            stack += [current.right, current.left]
    return out


def render(node: Node) -> str:
    """The expression as text, with only the parentheses it needs."""
    return _render(node, 0)


_PREC = {"+": 1, "-": 1, "*": 2, "/": 2}


def _render(node: Node, outer: int) -> str:
    if isinstance(node, Num):
        return node.text
    if isinstance(node, Ref):
        return node.name
    if isinstance(node, Neg):
        return "-" + _render(node.operand, 3)
    prec = _PREC[node.op]
    right_prec = prec + 1 if node.op in "-/" else prec
    text = f"{_render(node.left, prec)} {node.op} {_render(node.right, right_prec)}"
    return f"({text})" if prec < outer else text
