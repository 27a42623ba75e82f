"""The fast facts-file reader: where it answers, it answers as tomllib does (and places tables and keys as the
loader's scan does); everything else it leaves to tomllib."""

from __future__ import annotations

import random
import tomllib
from pathlib import Path
from typing import Any

import pytest

from laibin_check import toml_subset
from laibin_check.loader import _Positions

ROOT = Path(__file__).resolve().parents[1]
FACTS_FILES = sorted([*ROOT.glob("facts/*/facts.toml"), *ROOT.glob("tests/data/**/facts.toml")])


def tomllib_or_error(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def fast_or_none(text: str) -> dict[str, Any] | None:
    """toml_subset's reading, after checking the places it gives make the loader's positions as its scan does."""
    places: list[toml_subset.Place] = []
    fast = toml_subset.loads(text, places)
    if fast is not None:
        assert _Positions.from_lines(places) == _Positions.scan(text), text
    return fast


@pytest.mark.parametrize("path", FACTS_FILES, ids=lambda p: p.parent.name)
def test_facts_files_read_as_tomllib_reads_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    assert fast_or_none(text) is not None  # the fast path is taken
    assert fast_or_none(text) == tomllib.loads(text)


@pytest.mark.parametrize("text", [
    'a = "x\\ty"',  # escapes
    'a = """x"""',  # multi-line strings
    "a = 'x'",  # literal strings
    "a = 5", "a = 1.5", "a = 1979-05-27", "a = {b = 1}", "a.b = 1", '"a" = 1', "a = [1, 2]",
    'a = [\n"x",\n]', 'a = ["x", ["y"]]', 'a = true\na = false', '[a]\n[a]', '[[a]]\n[a]', '[a]\n[[a]]',
    'a = 1\n[a]', 'a = "x"\n[[a]]', '[a.b]', '[[a]]\n[a.b]\n[a.b]', '[[a]]\nb = "1"\n[a.b]', '[[a.b]]',
    '[ a ]', '[a . b]', '[a.b.c]', 'a = "x"\r\nb = "y"', 'a = "x\x01"', "a = \"\u2028\"", "# \x7f",
    "a =", "= 1", "[a", "a = \"x\" b", "a = TRUE", 'a\u3000= "x"',
])
def test_anything_else_is_left_to_tomllib(text: str) -> None:
    assert toml_subset.loads(text) is None


def test_subset_edges_read_as_tomllib_reads_them() -> None:
    text = ('# c\n\t a-b_1 = "x # not a comment"  # c\nt = true\nf = false\nl = [ "a" , "b", ]\ne = []\n'
            's = ""\nu = "來賓 \t市"\n[[fact]]\nid = "a"\n[fact.derive]\nkind = "sum"\n[[fact]] # c\n'
            '[fact.derive]\n[report]\n[[group]]\n[[group]]\nid = "g"\n')
    assert fast_or_none(text) == tomllib.loads(text)
    odd = '[[fact2]]\nid = "a"\n[[fact]]\n2x = "b"\n-y = "c"\nid = "d"\n[fact.derive]\nkind = "sum"\n'
    assert fast_or_none(odd) == tomllib.loads(odd)


def test_random_edits_never_read_otherwise_than_tomllib() -> None:
    """Lines of the bundled facts file cut, doubled, swapped and spliced with TOML fragments: whenever the fast
    reader answers, tomllib accepts the text and gives the same document."""
    lines = FACTS_FILES[0].read_text(encoding="utf-8-sig").split("\n")[:120]
    fragments = ['"', "'", "[", "]", "[[", "]]", "=", ",", "#", ".", " ", "\\", "{", "}", "1", "true", '"x"',
                 "[fact.derive]", "[[fact]]", "[report]", "id", "\t", "\n"]
    rng = random.Random(7)
    answered = 0
    for _ in range(1500):
        edited = list(lines)
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(edited))
            roll = rng.random()
            if roll < 0.3:
                edited.insert(i, edited[rng.randrange(len(edited))])
            elif roll < 0.5:
                del edited[i]
            else:
                at = rng.randint(0, len(edited[i]))
                edited[i] = edited[i][:at] + rng.choice(fragments) + edited[i][at + rng.randint(0, 2):]
        text = "\n".join(edited)
        fast = fast_or_none(text)
        if fast is not None:
            answered += 1
            assert fast == tomllib_or_error(text), text
    assert answered > 100  # the test exercises the fast path, not only the fallback
