"""`explain` and `facts`: one figure's derivation chain, and the list of facts, for an editor at a terminal."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from laibin_check import engine, kinds, loader
from laibin_check.errors import InputError
from laibin_check.facts import Fact, ReportFacts
from laibin_check.findings import Finding
from laibin_check.numbers import fmt_interval, parse_printed
from laibin_check.units import resolve


def _console(buffer: io.StringIO, color: bool) -> Console:
    return Console(file=buffer, width=120, color_system="standard" if color else None, force_terminal=color,
                   no_color=not color, highlight=False, emoji=False, soft_wrap=False)


def _find(facts_dir: Path, fact_id: str, report_id: str | None) -> ReportFacts:
    folders = loader.discover(facts_dir)
    if report_id:
        folders = [f for f in folders if f.name == report_id]
        if not folders:
            raise InputError(str(facts_dir), f"no report {report_id!r} here")
    matches = []
    for folder in folders:
        rf = loader.load_report(folder)
        if any(f.id == fact_id for f in rf.facts):
            matches.append(rf)
    if not matches:
        raise InputError(str(facts_dir), f"no fact {fact_id!r}; `laibin-check facts` lists them")
    if len(matches) > 1:
        raise InputError(str(facts_dir), f"fact {fact_id!r} is in several reports ("
                         f"{', '.join(m.id for m in matches)}); write REPORT_ID/{fact_id}")
    return matches[0]


def render_explanation(facts_dir: Path, fact_id: str, report_id: str | None, color: bool) -> str:
    rf = _find(facts_dir, fact_id, report_id)
    result = engine.check_report(rf, engine.Settings(hygiene=False, coverage=False))
    by_fact: dict[str, list[Finding]] = {}
    for f in result.findings:
        for fid in f.fact_ids[:1]:
            by_fact.setdefault(fid, []).append(f)
    buffer = io.StringIO()
    console = _console(buffer, color)
    fact = rf.fact(fact_id)
    tree = Tree(Text(_describe(fact), style="bold"))
    _grow(tree, fact, rf, set())
    console.print(tree)
    related = [f for f in result.findings if fact_id in f.fact_ids]
    for f in related:
        console.print()
        style = {"inconsistent": "bold red", "consistent": "green", "implied": "cyan"}.get(f.verdict or "", "")
        console.print(Text(f"{f.code} {f.rule} · {f.verdict or f.severity} · {f.path}:{f.line}:{f.column}",
                           style=style))
        console.print(Text(f"  {f.message}"))
        if f.sentence:
            console.print(Text(f"  sentence: {f.sentence}"))
        if f.receipt:
            console.print(Text(f"  formula: {f.receipt.formula}"))
            console.print(Text(f"  recomputed: {f.receipt.recomputed}" +
                               (f" · stated: {f.receipt.stated}" if f.receipt.stated else "")))
            for s in f.receipt.suggestions:
                console.print(Text(f"  fix: {s}"))
            for n in f.receipt.notes:
                console.print(Text(f"  note: {n}"))
    if not related:
        console.print(Text("No derivation or check uses this figure: it is stated, not recomputed."))
    return buffer.getvalue()


def _describe(fact: Fact) -> str:
    if not fact.printed:
        return f"{fact.id}: {fact.measure} (implied, {fact.unit})"
    unit = resolve(fact.unit)
    p = parse_printed(fact.value, integer=unit.integer)
    return (f"{fact.id}: {fact.measure} = {fact.value}{fact.unit} · {fmt_interval(p.interval, p.decimals + 1)} · "
            f"{p.reading} · “{fact.quote}”")


def _grow(tree: Tree, fact: Fact, rf: ReportFacts, seen: set[str]) -> None:
    d = fact.derive
    if d is None or fact.id in seen:
        return
    seen = seen | {fact.id}
    kind = kinds.get(d.kind)
    branch = tree.add(Text(kind.describe(d)))
    for item in d.items:
        branch.add(item)
    for ref in dict.fromkeys(kind.refs(d)):
        child = rf.fact(ref)
        sub = branch.add(Text(_describe(child)))
        _grow(sub, child, rf, seen)


def render_facts(facts_dir: Path, report_ids: list[str] | None, fmt: str, color: bool) -> str:
    folders = loader.discover(facts_dir)
    if report_ids:
        folders = [f for f in folders if f.name in report_ids]
    reports = [loader.load_report(f) for f in folders]
    if fmt == "json":
        data = [{
            "report": rf.id,
            "facts": [{
                "id": f.id, "group": f.group, "value": f.value, "unit": f.unit, "period": f.period,
                "measure": f.measure, "claim": f.claim, "printed": f.printed, "quote": f.quote,
                "derive": None if f.derive is None else {
                    "kind": f.derive.kind, "formula": f.derive.formula, "items": list(f.derive.items),
                    "partial": f.derive.partial},
            } for f in rf.facts],
        } for rf in reports]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    console = _console(buffer, color)
    for rf in reports:
        table = Table(title=f"{rf.id} · {rf.title} · {len(rf.facts)} facts", title_justify="left")
        for col in ("id", "value", "unit", "period", "measure", "derived by"):
            table.add_column(col)
        for f in rf.facts:
            how = ""
            if f.derive is not None:
                how = kinds.get(f.derive.kind).describe(f.derive)
            elif f.claim != "figure":
                how = f"{f.claim} (unverifiable)"
            table.add_row(f.id, f.value or "(implied)", f.unit, f.period, f.measure, how)
        console.print(table)
    return buffer.getvalue()
