"""scripts/bench_corpus.py's own logic: reading gold figures, planting mutations, matching, the arithmetic of the
summary. On sentences written here (the news-dev texts stay outside the project and are not needed)."""

from __future__ import annotations

import importlib.util
import random
import sys
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "scripts" / "bench_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


bc = _load()

TEXT = "\n".join([
    "甲市经济简报",
    "甲市上半年进出口500亿元，其中出口300亿元，进口200亿元。",
    "出口占进出口总值的60.0%，比上年同期提高2.5个百分点，上年同期为57.5%。",
    "乙市进出口380多亿元，比甲市少近100亿元。",
])

GOLD = """
[text."t1"]
status = "full"
relations = [
  { kind = "sum", stated = "2:500亿元", of = ["2:300亿元", "2:200亿元"], holds = true },
  { kind = "share", stated = "3:60.0%", of = ["2:300亿元", "2:500亿元"], holds = true },
  { kind = "pp", stated = "3:2.5个百分点", of = ["3:60.0%", "3:57.5%"], holds = true },
  { kind = "difference", stated = "4:近100亿元", of = ["2:500亿元", "4:380多亿元"], holds = false, note = "110-120" },
]
"""


@pytest.fixture()
def gold(tmp_path: Path) -> object:
    path = tmp_path / "gold.toml"
    path.write_text(GOLD, encoding="utf-8")
    return bc.load_gold(path)


@pytest.mark.parametrize(("figure", "lo", "hi"), [
    ("53.5%", Fraction("0.5345"), Fraction("0.5355")),
    ("17613.2亿元", Fraction("17613.15") * 10**8, Fraction("17613.25") * 10**8),
    ("380多个", Fraction(380), Fraction(390)),
    ("30多亿元", Fraction(30 * 10**8), Fraction(40 * 10**8)),
    ("近100万", Fraction(90 * 10**4), Fraction(100 * 10**4)),
    ("约400人", Fraction(380), Fraction(420)),
    ("3.3个百分点", Fraction("0.0325"), Fraction("0.0335")),
    ("四个", Fraction(4), Fraction(4)),  # a count of things or years is exact
    ("10年", Fraction(10), Fraction(10)),
    ("337亿多元", Fraction(337 * 10**8), Fraction(338 * 10**8)),
    ("近2/3", Fraction(6, 10), Fraction(2, 3)),
])
def test_a_printed_figure_stands_for_its_rounding_interval(figure: str, lo: Fraction, hi: Fraction) -> None:
    assert bc.interval(figure) == (lo, hi)


def test_the_gold_arithmetic_confirms_what_holds_and_what_does_not(gold: object) -> None:
    assert [r.recompute() for r in gold.relations] == [True, True, True, False]  # type: ignore[attr-defined]
    assert bc.check_gold(gold, {"t1": TEXT}) == []


def test_a_wrong_verdict_in_the_gold_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gold.toml"
    path.write_text(GOLD.replace('"2:200亿元"], holds = true', '"2:200亿元"], holds = false'), encoding="utf-8")
    problems = bc.check_gold(bc.load_gold(path), {"t1": TEXT})
    assert len(problems) == 1 and "recorded holds=False, recomputed True" in problems[0]


def test_a_mutation_changes_one_figure_beyond_rounding_and_keeps_its_precision(gold: object) -> None:
    share = gold.relations[1]  # type: ignore[attr-defined]
    (mut,) = bc.plant(TEXT, share, random.Random("seed"), 1)
    before, after = TEXT.split("\n"), mut.text.split("\n")
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [mut.ref.line - 1]
    assert after[mut.ref.line - 1].count(mut.new_figure) == 1
    assert mut.new_figure != mut.ref.figure
    # the same number of decimals as printed, and the relation now fails on the gold's own arithmetic
    assert len(bc.number_key(mut.new_figure).partition(".")[2]) == len(bc.number_key(mut.ref.figure).partition(".")[2])
    assert share.recompute({mut.ref: mut.new_figure}) is False
    # deterministic: the same seed plants the same mutation
    (again,) = bc.plant(TEXT, share, random.Random("seed"), 1)
    assert again == mut


def test_no_mutation_is_planted_in_a_contradiction(gold: object) -> None:
    assert bc.plant(TEXT, gold.relations[3], random.Random(1), 1) == []  # type: ignore[attr-defined]


def test_a_finding_matches_by_the_stated_figure_or_two_figures_not_by_a_shared_total(gold: object) -> None:
    diff = gold.relations[3]  # type: ignore[attr-defined]
    hit = lambda *keys: bc.Hit("LC1", 4, "", frozenset(keys))  # noqa: E731
    assert bc.matches(hit((4, "100")), diff)
    assert bc.matches(hit((2, "500"), (4, "380")), diff)
    assert not bc.matches(hit((2, "500")), diff)
    assert not bc.matches(hit((3, "100")), diff)


def test_figure_keys_reads_operands_nested_in_a_finding_record() -> None:
    record = {"code": "LC101", "line": 3, "quote": "占进出口总值的60.0%",
              "operands": [{"line": 2, "figure": "300亿元"}, {"line": 2, "figure": "1,500亿元"}]}
    assert bc.figure_keys(record) == {(3, "60.0"), (2, "300"), (2, "1500")}


PRINTED = {(2, "500"), (2, "300"), (2, "200"), (3, "60.0"), (3, "2.5"), (3, "57.5"), (4, "380"), (4, "100")}


def _fake_tool(text: str, name: str) -> list[object]:
    """One true alarm (the difference), one false (on the 300), and any figure not in TEXT flagged."""
    hits = [bc.Hit("LC102", 4, "wrong difference", frozenset({(4, "100"), (2, "500")})),
            bc.Hit("LC101", 2, "false alarm", frozenset({(2, "300")}))]
    for n, line in enumerate(text.split("\n"), 1):
        moved = [k for k in bc.number_keys(line) if (n, k) not in PRINTED]
        hits += [bc.Hit("LC103", n, "moved", frozenset({(n, k)})) for k in moved]
    return hits


def test_the_summary_counts_precision_recall_and_false_alarms(gold: object) -> None:
    s = bc.measure({"t1": TEXT, "other": "no gold for this one"}, gold, "fake", _fake_tool, per_relation=1, seed=3)
    assert s.texts == 1
    assert (s.errors, s.true, s.false) == (2, 1, 1)
    assert s.precision == 0.5
    assert (s.contradictions, s.contradictions_caught) == (1, 1)
    assert (s.clean_texts, s.crashes) == (0, 0)
    assert (s.mutations, s.mutations_caught, s.recall) == (3, 3, 1.0)
    out = bc.render(s, gold, verbose=True)
    assert "precision" in out and "0.50" in out and "3/3 = 1.00" in out


def test_a_tool_that_catches_nothing_has_no_recall_and_a_crash_is_counted(gold: object) -> None:
    def quiet(text: str, name: str) -> list[object]:
        return []

    def crashing(text: str, name: str) -> list[object]:
        raise SystemExit(2)

    s = bc.measure({"t1": TEXT}, gold, "quiet", quiet)
    assert (s.errors, s.precision, s.mutations_caught, s.recall) == (0, None, 0, 0.0)
    assert s.missed_contradictions and s.missed_contradictions[0]["text"] == "t1"
    c = bc.measure({"t1": TEXT}, gold, "crashing", crashing)
    assert c.crashes == 1 and "SystemExit" in c.crash_list[0]["error"]


def test_a_receipt_input_without_a_line_of_its_own_is_not_placed_on_the_finding_line() -> None:
    record = {"line": 3, "quote": "60.0%", "receipt": {"inputs": [{"printed": "300亿元"}], "stated": "60.0%"}}
    assert bc.figure_keys(record) == {(3, "60.0")}


def test_mutations_are_tallied_by_kind(gold: object) -> None:
    s = bc.measure({"t1": TEXT}, gold, "fake", _fake_tool, per_relation=1, seed=3)
    assert s.by_kind == {"sum": [1, 1], "share": [1, 1], "pp": [1, 1]}
    assert "mutations caught by kind: " in bc.render(s, gold, verbose=False)


def test_a_suggestion_is_not_an_error_but_is_reported_when_it_names_a_missed_contradiction(gold: object) -> None:
    def suggesting(text: str, name: str) -> list[object]:
        return [bc.Hit("LC120", 4, "review", frozenset({(4, "100")}), "warning")]

    s = bc.measure({"t1": TEXT}, gold, "suggesting", suggesting, mutate=False)
    assert (s.errors, s.contradictions_caught, s.contradictions_suggested) == (0, 0, 1)
    assert s.missed_contradictions[0]["suggested"] is True
