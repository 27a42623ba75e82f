"""The formula grammar of fact files: tokens, a recursive-descent parser, and the syntax tree it builds.

Facts files come from many hands, so a formula is only ever parsed by this grammar, never handed to eval:

    check   := expr [ ("==" | "<=" | "<" | ">=" | ">") expr ]
    expr    := term { ("+" | "-") term }
    term    := factor { ("*" | "/") factor }
    factor  := "-" factor | atom
    atom    := NUMBER | FACT_ID | "(" expr ")"
    NUMBER  := digits [ "." digits ] [ "%" ]
    FACT_ID := [A-Za-z_][A-Za-z0-9_]*
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple


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
    r"\s*(?:(?P<num>\d+(?:\.\d+)?%?)|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>==|<=|>=|[-+*/()<>]))"
)


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if m is None:
            col = pos + (len(text[pos:]) - len(text[pos:].lstrip()))
            raise FormulaError(f"unexpected character {text[col]!r} in formula", col)
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind), m.start(kind)))
        pos = m.end()
    tokens.append(("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.i = 0

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
            return Neg(self.factor(), col)
        return self.atom()

    def atom(self) -> Node:
        kind, value, col = self.take()
        if kind == "num":
            percent = value.endswith("%")
            number = Fraction(value.rstrip("%"))
            return Num(number / 100 if percent else number, percent, value, col)
        if kind == "id":
            return Ref(value, col)
        if kind == "op" and value == "(":
            node = self.expr()
            k, v, c = self.take()
            if (k, v) != ("op", ")"):
                raise FormulaError("missing ')' in formula", c)
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
    return _Parser(text).check()


def references(node: Node | None) -> list[Ref]:
    """Fact references in source order (a name may appear more than once)."""
    if node is None or isinstance(node, Num):
        return []
    if isinstance(node, Ref):
        return [node]
    if isinstance(node, Neg):
        return references(node.operand)
    return references(node.left) + references(node.right)


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
