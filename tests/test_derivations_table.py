"""One table of cases per derivation kind (tests/cases/<kind>.toml), run through the real engine.

Each case is a tiny report, its facts, and the findings expected of them. The facts are written to a
report folder in tmp_path as an ordinary facts.toml, so the cases also exercise the loader and the quote
placing; text checks (hygiene, coverage) are off, so only arithmetic is under test.

Case file format:

    [[case]]
    name = "what the case shows"
    report = "收集問題380多個,已解決316個,問題辦結率83.4%。"
    xfail = "engine bug: ..."          # optional: strict xfail, for a known engine bug
    fact = [                # [[fact]] tables; `measure` defaults to the id; `derive` is [fact.derive]
      {id = "c", quote = "收集問題380多個", value = "380多", unit = "個"},
      {id = "r", quote = "辦結率83.4%", value = "83.4", unit = "%",
       derive = {kind = "ratio", formula = "s / c"}},   # (one line in a real case file: TOML 1.0)
    ]
    check = [ {id = "b", kind = "bound", formula = "s <= c"} ]     # optional [[check]] tables
    expect = [                         # every finding of the run, no more, no fewer
      {subject = "r", code = "LC101", verdict = "inconsistent", severity = "error",
       message = ["substring", ...], receipt = ["substring", ...], absent = ["substring", ...]},
    ]

`subject` is the finding's first fact id (the derived fact, or the check's id). `receipt` substrings are
looked for in the receipt's formula, inputs, recomputed and stated intervals, suggestions and notes; `absent`
ones must appear in neither the message nor the receipt.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from laibin_check import engine, kinds
from laibin_check.findings import Finding, Receipt

CASES = Path(__file__).parent / "cases"
KINDS = (*(k.name for k in kinds.all_kinds()), "rate_unit", "claims")
"""A table per kind of the registry, and two for what every kind shares (units of rates, unverifiable claims)."""


@dataclass(frozen=True)
class Case:
    kind: str
    name: str
    data: Mapping[str, Any]


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("case", []):
            cases.append(Case(path.stem, entry["name"], entry))
    return cases


ALL = load_cases()


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} to TOML")


def _table(header: str, entry: Mapping[str, Any]) -> list[str]:
    lines = [header]
    lines += [f"{key} = {_toml_value(value)}" for key, value in entry.items() if not isinstance(value, dict)]
    return lines


def facts_toml(report_id: str, facts: Sequence[Mapping[str, Any]],
               checks: Sequence[Mapping[str, Any]]) -> str:
    lines = ["[report]", f"id = {_toml_value(report_id)}", 'file = "report.txt"', ""]
    for fact in facts:
        entry = dict(fact)
        entry.setdefault("measure", entry["id"])
        lines += _table("[[fact]]", entry)
        if "derive" in entry:
            lines += ["", *_table("[fact.derive]", entry["derive"])]
        lines.append("")
    for check in checks:
        lines += [*_table("[[check]]", check), ""]
    return "\n".join(lines)


def build(tmp_path: Path, report: str, facts: Sequence[Mapping[str, Any]],
          checks: Sequence[Mapping[str, Any]] = ()) -> Path:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "report.txt").write_text(report, encoding="utf-8")
    (folder / "facts.toml").write_text(facts_toml("case", facts, checks), encoding="utf-8")
    return folder


def run(folder: Path) -> list[Finding]:
    result = engine.run(folder, settings=engine.Settings(hygiene=False, coverage=False))
    return list(result.findings)


def receipt_text(receipt: Receipt | None) -> str:
    if receipt is None:
        return ""
    parts = [receipt.formula, receipt.recomputed, receipt.stated, *receipt.suggestions, *receipt.notes]
    for item in receipt.inputs:
        parts += [item.fact_id, item.printed, item.interval, item.reading]
    return "\n".join(parts)


def describe(findings: list[Finding]) -> str:
    return "\n".join(f"  {f.code} {f.fact_ids} {f.verdict} {f.severity}: {f.message}\n    receipt: "
                     + receipt_text(f.receipt).replace("\n", " | ") for f in findings)


def check_case(findings: list[Finding], expect: Sequence[Mapping[str, Any]]) -> None:
    got = sorted((f.code, f.fact_ids[0]) for f in findings)
    wanted = sorted((e["code"], e["subject"]) for e in expect)
    assert got == wanted, f"findings differ from the expected ones:\n{describe(findings)}"
    for e in expect:
        (f,) = [f for f in findings if f.code == e["code"] and f.fact_ids[0] == e["subject"]]
        where = f"{e['code']} {e['subject']}:\n{describe([f])}"
        assert f.verdict == e["verdict"], where
        assert f.severity == e["severity"], where
        for text in e.get("message", []):
            assert text in f.message, f"{text!r} not in the message of {where}"
        rt = receipt_text(f.receipt)
        for text in e.get("receipt", []):
            assert text in rt, f"{text!r} not in the receipt of {where}"
        for text in e.get("absent", []):
            assert text not in f.message and text not in rt, f"{text!r} should not be in {where}"


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=f"{c.kind}: {c.name}",
                  marks=[pytest.mark.xfail(strict=True, reason=c.data["xfail"])] if "xfail" in c.data else [])
     for c in ALL],
)
def test_case(case: Case, tmp_path: Path) -> None:
    folder = build(tmp_path, case.data["report"], case.data.get("fact", []), case.data.get("check", []))
    check_case(run(folder), case.data["expect"])


def test_every_kind_has_a_table_with_passing_and_failing_cases() -> None:
    files = sorted(p.stem for p in CASES.glob("*.toml"))
    assert files == sorted(KINDS)
    for kind in KINDS:
        verdicts = {e["verdict"] for c in ALL if c.kind == kind for e in c.data["expect"]}
        assert "inconsistent" in verdicts, kind
        assert verdicts & {"consistent", "implied", "unverifiable"}, kind


def test_case_names_are_unique() -> None:
    names = [(c.kind, c.name) for c in ALL]
    assert len(names) == len(set(names))


def test_facts_writer_round_trips(tmp_path: Path) -> None:
    """The helper writes ordinary facts files: the loader reads back what the case says."""
    from laibin_check.loader import load_report

    folder = build(tmp_path, "共5個,佔“10%”。", [
        {"id": "a", "quote": "共5個", "value": "5", "unit": "個", "measure": "甲"},
        {"id": "b", "quote": "“10%”", "value": "10", "unit": "%",
         "derive": {"kind": "ratio", "formula": "a / a"}},
    ], [{"id": "c", "kind": "bound", "formula": "b <= 100%"}])
    rf = load_report(folder)
    assert [f.id for f in rf.facts] == ["a", "b"]
    assert rf.fact("a").measure == "甲" and rf.fact("b").measure == "b"
    assert rf.fact("b").quote == "“10%”"
    derive = rf.fact("b").derive
    assert derive is not None and derive.formula == "a / a"
    assert rf.checks[0].formula == "b <= 100%"
