"""Benchmark (run by hand): how right `check` is on a corpus of real reports, measured against a gold annotation.

Judged the way statcheck's validity study judges statcheck: precision of the error-level findings against the
contradictions a statistician found by reading every text (bench/news-dev.gold.toml), the hand-found
contradictions caught, recall on planted mutations (one printed figure of a relation that holds, moved beyond its
rounding), false alarms per clean article, crashes and time.

    python scripts/bench_corpus.py [CORPUS_DIR] [--gold bench/news-dev.gold.toml] [--json] [--verbose]
                                   [--mutations-per-relation 1] [--seed 10] [--tool auto|check|extract-verify]

CORPUS_DIR (default ../shared/corpus/news-dev) holds texts/NN.txt; the texts stay outside the project. The tool is
`laibin_check.check_text` when the installed package has it; otherwise the 0.1.0 procedure a data desk would
follow with no effort (`extract` each text, accept the draft as it is, `verify` it), which is the BEFORE column
of the README's validity table.

Matching is by place, not by wording: a finding is true when one of the figures it names (its own, or an
operand's: line and number as printed) is a figure of a gold contradiction. A mutation is caught when an
error-level finding names the mutated figure (its line and its new number).

The gold's arithmetic is redone here with exact fractions and rounding intervals (四捨五入 to the printed digit,
多/近/約 as the README's Qualifiers table reads them): `--check-gold` lists every relation whose recorded `holds`
disagrees with the recomputation, and a mutation is planted only where the recomputation shows the changed
figure breaks the relation.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "bench" / "news-dev.gold.toml"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news-dev"

# -- figures as printed ------------------------------------------------------------------------------------------

_NUM = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9, "十": 10}
_MULTIPLIERS = (("万亿", 10**12), ("萬億", 10**12), ("亿", 10**8), ("億", 10**8), ("万", 10**4), ("萬", 10**4),
                ("千", 10**3), ("百", 10**2))
_PERCENT = ("%", "％", "百分点", "百分點")
_EXACT_COUNTS = ("年", "个", "個", "家", "座", "城", "省", "名", "项", "項", "位")


@dataclass(frozen=True)
class Ref:
    """A figure of the gold: its line and its text as printed ("17613.2亿元", "380多个", "近100万")."""

    line: int
    figure: str
    sign: int = 1

    @classmethod
    def parse(cls, ref: str) -> Ref:
        sign = -1 if ref.startswith("-") else 1
        line, _, figure = ref.lstrip("-").partition(":")
        if not line.isdigit() or not figure:
            raise ValueError(f"figure reference {ref!r} must be LINE:FIGURE")
        return cls(int(line), figure, sign)

    @property
    def key(self) -> tuple[int, str]:
        return (self.line, number_key(self.figure))


def number_key(figure: str) -> str:
    """The number of a printed figure, the part findings and the gold agree on: "17,613.2亿元" -> "17613.2"."""
    m = _NUM.search(figure)
    if m:
        return m.group().replace(",", "")
    return "".join(ch for ch in figure if ch in _CN_DIGITS) or figure


def number_keys(text: str) -> set[str]:
    return {m.group().replace(",", "") for m in _NUM.finditer(text)}


def interval(figure: str) -> tuple[Fraction, Fraction]:
    """What a printed figure stands for, in base units (亿 and 万 applied; % and 百分点 as fractions of one)."""
    m = _NUM.search(figure)
    frac = re.search(r"(\d+)/(\d+)", figure)
    if frac:  # 近2/3: an exact fraction, no rounding
        value = Fraction(int(frac.group(1)), int(frac.group(2)))
        head, rest = figure[:frac.start()], figure[frac.end():]
        decimals = -1
    elif m:
        digits = m.group().replace(",", "")
        value = Fraction(digits)
        decimals = len(digits.partition(".")[2])
        rest = figure[m.end():]
        head = figure[:m.start()]
    else:
        cn = [ch for ch in figure if ch in _CN_DIGITS]
        if not cn:
            raise ValueError(f"no number in figure {figure!r}")
        value = Fraction(_cn_int("".join(cn)))
        decimals = 0
        start = figure.index(cn[0])
        head, rest = figure[:start], figure[start + len(cn):]
    half = Fraction(1, 2 * 10**decimals) if decimals >= 0 else Fraction(0)
    lo, hi = value - half, value + half
    scale = Fraction(1)
    unit = rest
    for word, mult in _MULTIPLIERS:  # 337亿多元: the multiplier may come before the qualifier
        if unit.startswith(word) or (unit.startswith(("多", "余", "餘")) and unit[1:].startswith(word)):
            scale = Fraction(mult)
            unit = unit.replace(word, "", 1)
            break
    if unit.startswith(("多", "余", "餘")):
        step = Fraction(1, 10**decimals)
        if decimals == 0:
            n = int(value)
            step = Fraction(1)
            while n and n % 10 == 0:
                n //= 10
                step *= 10
        lo, hi = value, value + step
        unit = unit[1:]
    elif any(q in head for q in ("近", "接近", "将近", "將近")):
        lo, hi = value * Fraction(9, 10), value
    elif any(q in head for q in ("约", "約", "大约", "大約")) or any(q in rest for q in ("左右", "上下")):
        lo, hi = min(lo, value * Fraction(95, 100)), max(hi, value * Fraction(105, 100))
    elif any(q in head for q in ("超过", "超過", "逾", "超", "突破")) or "以上" in rest:
        lo, hi = value, Fraction(10**30)
    elif any(q in head for q in ("不到", "不足")) or "以下" in rest:
        lo, hi = Fraction(0), value
    if decimals == 0 and scale == 1 and lo == value - half and unit.startswith(_EXACT_COUNTS):
        lo, hi = value, value  # 10年, 41个行业: a count of periods or things is exact, not rounded
    if unit.startswith(_PERCENT) or any(unit.startswith("个" + p) or unit.startswith("個" + p) for p in _PERCENT):
        scale = Fraction(1, 100)
    elif unit.startswith("成"):
        scale = Fraction(1, 10)
    return lo * scale, hi * scale


def _cn_int(s: str) -> int:
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    n = 0
    for ch in s:
        n = n * 10 + _CN_DIGITS[ch]
    return n


# -- relations of the gold ---------------------------------------------------------------------------------------

Iv = tuple[Fraction, Fraction]


def _corners(fn: Callable[..., Fraction], ivs: list[Iv]) -> Iv | None:
    """The range of a function monotone in each argument over a box: its values at the corners."""
    values = []
    for corner in itertools.product(*ivs):
        try:
            values.append(fn(*corner))
        except ZeroDivisionError:
            return None
    return min(values), max(values)


def _sum(ivs: list[Iv]) -> Iv:
    return sum((iv[0] for iv in ivs), Fraction(0)), sum((iv[1] for iv in ivs), Fraction(0))


def _mean(ivs: list[Iv]) -> Iv:
    lo, hi = _sum(ivs)
    return lo / len(ivs), hi / len(ivs)


def _two(fn: Callable[[Fraction, Fraction], Fraction]) -> Callable[[list[Iv]], Iv | None]:
    def compute(ivs: list[Iv]) -> Iv | None:
        if len(ivs) != 2:
            raise ValueError("needs exactly two operands")
        return _corners(fn, ivs)
    return compute


def _pull(ivs: list[Iv]) -> Iv | None:
    """Points a part's growth adds to the total's: the part's increase over the total's earlier level."""
    if len(ivs) != 4:
        raise ValueError("pull needs [part, part growth, total, total growth]")
    return _corners(lambda p, gp, t, gt: (p - p / (1 + gp)) / (t / (1 + gt)), ivs)


def _signed(iv: Iv, sign: int) -> Iv:
    """A "-" reference is the negative of its print: a 下降4% in a gap, a 减少 in a sum."""
    return iv if sign > 0 else (-iv[1], -iv[0])


def _weighted(ivs: list[Iv]) -> Iv | None:
    """A two-part average weighted by the parts' sizes (an average term from the terms of two kinds of bond)."""
    if len(ivs) != 4:
        raise ValueError("weighted_average needs [x1, w1, x2, w2]")
    return _corners(lambda x1, w1, x2, w2: (x1 * w1 + x2 * w2) / (w1 + w2), ivs)


# kind -> how the stated figure follows from the operands (`of`, in the order the kind documents).
KINDS: dict[str, Callable[[list[Iv]], Iv | None]] = {
    "sum": _sum,                                        # stated = of[0] + of[1] + ... (a "-" ref subtracts)
    "equal": _sum,                                      # stated = of[0]: one quantity printed twice
    "level_change": _sum,                               # stated level = earlier level + change (signed)
    "difference": _two(lambda a, b: a - b),             # stated = of[0] - of[1] (比…多/少/高, 净增)
    "pp": _two(lambda a, b: a - b),                     # percentage-point gap: of[0] - of[1], in points
    "share": _two(lambda a, b: a / b),                  # stated % = of[0] / of[1] (占)
    "ratio": _two(lambda a, b: a / b),                  # stated = of[0] / of[1] (倍, per head, 人均)
    "growth": _two(lambda a, b: a / b - 1),             # stated rate = of[0] / of[1] - 1 (two printed levels)
    "rate_ratio": _two(lambda a, b: (1 + a) / (1 + b) - 1),  # a growth net of another: price = value / volume
    "gain_rate": _two(lambda a, c: c / (a - c)),        # 增加c (增长X%) to a: X = c / (a - c)
    "fall_rate": _two(lambda a, c: c / (a + c)),        # 下降X%至a, 减少c: X = c / (a + c)
    "average": _mean,                                   # stated = mean of the operands
    "product": _two(lambda a, b: a * b),                # stated = of[0] * of[1] (贡献率 × growth = 拉动)
    "pull": _pull,                                      # 拉动: of = [part, its growth, total, its growth]
    "weighted_average": _weighted,                      # of = [x1, w1, x2, w2]: (x1*w1 + x2*w2) / (w1 + w2)
}
COUNT_KINDS = ("count", "respectively")
CAGR = "cagr"
"""Average annual growth over n years (两年平均, geometric): (1 + stated)^n = 1 + of[0], of[0] the growth over n."""
"""count: a stated count against the `n` items the text names; respectively: `n` items against `m` figures."""


@dataclass(frozen=True)
class Relation:
    text: str
    kind: str
    stated: Ref | None
    operands: tuple[Ref, ...]
    holds: bool
    n: int = 0
    m: int = 0
    note: str = ""
    scale: int = 1
    """The computed value times this before comparing (每百元: 100)."""
    hand: bool = False
    """One of the contradictions of contradictions-found-by-hand.json."""
    index: int = 0

    @property
    def refs(self) -> tuple[Ref, ...]:
        return ((self.stated,) if self.stated else ()) + self.operands

    @property
    def keys(self) -> set[tuple[int, str]]:
        return {r.key for r in self.refs}

    def recompute(self, replace: dict[Ref, str] | None = None) -> bool | None:
        """Whether the relation holds on the printed figures (None: the gold's kind is not arithmetic)."""
        replace = replace or {}
        fig = lambda r: replace.get(r, r.figure)  # noqa: E731
        if self.kind == "count":
            assert self.stated is not None
            lo, hi = interval(fig(self.stated))
            return lo <= self.n <= hi
        if self.kind == "respectively":
            return self.n == self.m
        if self.stated is None:
            return None
        signed = lambda r: _signed(interval(fig(r)), r.sign)  # noqa: E731
        slo, shi = signed(self.stated)
        if self.kind == CAGR:
            glo, ghi = signed(self.operands[0])
            return (1 + glo) <= (1 + shi) ** self.n and (1 + slo) ** self.n <= (1 + ghi)
        if self.kind not in KINDS:
            return None
        got = KINDS[self.kind]([signed(r) for r in self.operands])
        if got is None:
            return None
        lo, hi = got[0] * self.scale, got[1] * self.scale
        return lo <= shi and slo <= hi


@dataclass
class Gold:
    texts: dict[str, str] = field(default_factory=dict)
    """text id -> "full" | "partial"."""
    relations: list[Relation] = field(default_factory=list)

    def of(self, text: str) -> list[Relation]:
        return [r for r in self.relations if r.text == text]

    def contradictions(self, text: str) -> list[Relation]:
        return [r for r in self.relations if r.text == text and not r.holds]


def load_gold(path: Path) -> Gold:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    gold = Gold()
    for text, body in data.get("text", {}).items():
        gold.texts[text] = body.get("status", "full")
        for i, row in enumerate(body.get("relations", [])):
            kind = row["kind"]
            if kind not in KINDS and kind not in COUNT_KINDS and kind != CAGR:
                raise ValueError(f"{path}: text {text}: unknown kind {kind!r}")
            gold.relations.append(Relation(
                text=text, kind=kind, stated=Ref.parse(row["stated"]) if "stated" in row else None,
                operands=tuple(Ref.parse(o) for o in row.get("of", ())), holds=bool(row["holds"]),
                n=int(row.get("n", 0)), m=int(row.get("m", 0)), note=row.get("note", ""),
                scale=int(row.get("scale", 1)), hand=bool(row.get("hand", False)), index=i))
    return gold


# -- mutations ---------------------------------------------------------------------------------------------------

FACTORS = (Fraction(7, 10), Fraction(13, 10), Fraction(1, 2), Fraction(3, 2), Fraction(1, 4), Fraction(3))


@dataclass(frozen=True)
class Mutation:
    relation: Relation
    ref: Ref
    new_figure: str
    text: str
    """The whole text with the one figure changed."""

    @property
    def key(self) -> tuple[int, str]:
        return (self.ref.line, number_key(self.new_figure))


def _rescale(figure: str, factor: Fraction) -> str | None:
    m = _NUM.search(figure)
    if not m:
        return None
    digits = m.group().replace(",", "")
    decimals = len(digits.partition(".")[2])
    value = Fraction(digits) * factor
    q = round(value * 10**decimals)
    if q <= 0:
        return None
    new = f"{q // 10**decimals}.{q % 10**decimals:0{decimals}d}" if decimals else str(q)
    if new == digits:
        return None
    return figure[:m.start()] + new + figure[m.end():]


def plant(text: str, relation: Relation, rng: random.Random, count: int = 1) -> list[Mutation]:
    """Up to `count` mutations of a relation that holds: one printed figure moved so that it no longer does.

    The figure (stated or operand) and the factor are drawn from `rng`; a factor is kept only when the gold's own
    arithmetic shows the relation broken and the figure is found as printed on its line."""
    if not relation.holds or relation.kind == "respectively":
        return []
    lines = text.split("\n")
    refs = [r for r in relation.refs if _NUM.search(r.figure) and 0 < r.line <= len(lines)
            and r.figure in lines[r.line - 1]]
    rng.shuffle(refs)
    out: list[Mutation] = []
    for ref in refs:
        if len(out) >= count:
            break
        factors = list(FACTORS)
        for factor in factors:
            new = _rescale(ref.figure, factor)
            if new is None or new in lines[ref.line - 1]:
                continue
            if relation.recompute({ref: new}) is not False:
                continue
            line = lines[ref.line - 1]
            at = _find_token(line, ref.figure)
            if at < 0:
                break
            mutated = [*lines]
            mutated[ref.line - 1] = line[:at] + new + line[at + len(ref.figure):]
            out.append(Mutation(relation, ref, new, "\n".join(mutated)))
            break
    return out


def _find_token(line: str, figure: str) -> int:
    """The first place the figure is printed as a whole number (not inside a longer one)."""
    start = 0
    while (at := line.find(figure, start)) >= 0:
        before = line[at - 1] if at else ""
        if not (before.isdigit() or before == "."):
            return at
        start = at + 1
    return -1


# -- running the tool --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One error-level finding, reduced to what the benchmark compares: the figures it names."""

    code: str
    line: int
    message: str
    keys: frozenset[tuple[int, str]]
    severity: str = "error"


def figure_keys(record: Any) -> set[tuple[int, str]]:
    """Every (line, number) a finding record names: its own figure and each figure it rests on that has a line of
    its own (`figures: [{line, printed}]`), wherever nested. A receipt's inputs, which carry no line, are not
    guessed at."""
    keys: set[tuple[int, str]] = set()
    if isinstance(record, dict):
        here = record.get("line")
        for name in ("figure", "quote", "printed", "shown", "stated"):
            value = record.get(name)
            if isinstance(here, int) and isinstance(value, str):
                keys |= {(here, k) for k in number_keys(value)}
        for value in record.values():
            if isinstance(value, dict | list | tuple):
                keys |= figure_keys(value)
    elif isinstance(record, list | tuple):
        for item in record:
            keys |= figure_keys(item)
    return keys


def _record(finding: Any) -> dict[str, Any]:
    if isinstance(finding, dict):
        return finding
    if hasattr(finding, "_asdict"):
        return dict(finding._asdict())
    if hasattr(finding, "__dataclass_fields__"):
        import dataclasses
        return dataclasses.asdict(finding)
    return dict(vars(finding))


def run_check(text: str, name: str) -> list[Hit]:
    """`check` through its Python API."""
    import laibin_check

    hits = []
    for f in laibin_check.check_text(text, name=name):  # type: ignore[attr-defined]
        rec = _record(f)
        if rec.get("severity") not in ("error", "warning"):
            continue
        hits.append(Hit(rec.get("code", ""), int(rec.get("line", 0)), rec.get("message", ""),
                        frozenset(figure_keys(rec)), str(rec["severity"])))
    return hits


def run_extract_verify(text: str, name: str) -> list[Hit]:
    """The 0.1.0 zero-effort procedure: `extract` the text, accept the draft, `verify` it (default settings)."""
    from laibin_check import engine
    from laibin_check.extract import extract

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "facts" / "r"
        folder.mkdir(parents=True)
        (folder / "report.txt").write_text(text, encoding="utf-8")
        rendered, draft = extract(folder / "report.txt", "report.txt", "r")
        (folder / "facts.toml").write_text(rendered, encoding="utf-8")
        result = engine.run(Path(tmp) / "facts", ["r"], engine.Settings())
    figures = {f.id: f for f in draft.figures}
    hits = []
    for f in result.findings:
        if f.severity != "error":
            continue
        keys = {(f.line, k) for k in number_keys(f.quote)}
        for fid in f.fact_ids:
            fig = figures.get(fid)
            if fig is not None:
                keys |= {(fig.line, k) for k in number_keys(fig.shown)}
        hits.append(Hit(f.code, f.line, f.message, frozenset(keys)))
    return hits


def pick_tool(name: str) -> tuple[str, Callable[[str, str], list[Hit]]]:
    import laibin_check

    if name == "check" or (name == "auto" and hasattr(laibin_check, "check_text")):
        return "check", run_check
    return "extract-verify", run_extract_verify


# -- the measurement ---------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    ok: bool
    hits: list[Hit]
    seconds: float
    error: str = ""


def _safe(tool: Callable[[str, str], list[Hit]], text: str, name: str) -> Outcome:
    start = time.perf_counter()
    try:
        hits = tool(text, name)
    except BaseException as exc:  # a crash of any kind is what is counted, SystemExit and InputError included
        if isinstance(exc, KeyboardInterrupt):
            raise
        return Outcome(False, [], time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
    return Outcome(True, hits, time.perf_counter() - start)


def matches(hit: Hit, relation: Relation) -> bool:
    """A finding is about a relation when it names the relation's stated figure, or two of its figures (a finding
    may blame an operand); one shared figure alone (a total many shares divide by) is not enough."""
    if relation.stated is not None and relation.stated.key in hit.keys:
        return True
    return len(hit.keys & relation.keys) >= 2


@dataclass
class Summary:
    tool: str
    texts: int = 0
    errors: int = 0
    true: int = 0
    false: int = 0
    contradictions: int = 0
    contradictions_caught: int = 0
    contradictions_suggested: int = 0
    """Missed at error level but named by a warning (check's review suggestions)."""
    hand: int = 0
    hand_caught: int = 0
    clean_texts: int = 0
    false_on_clean: int = 0
    mutations: int = 0
    mutations_caught: int = 0
    crashes: int = 0
    seconds: float = 0.0
    mutation_seconds: float = 0.0
    per_text: dict[str, dict[str, Any]] = field(default_factory=dict)
    true_alarms: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    missed_contradictions: list[dict[str, Any]] = field(default_factory=list)
    crash_list: list[dict[str, Any]] = field(default_factory=list)
    cli: dict[str, Any] = field(default_factory=dict)
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    """kind -> [planted, caught]."""

    @property
    def precision(self) -> float | None:
        return self.true / self.errors if self.errors else None

    @property
    def recall(self) -> float | None:
        return self.mutations_caught / self.mutations if self.mutations else None

    def as_json(self) -> dict[str, Any]:
        keys = ("tool", "texts", "errors", "true", "false", "contradictions", "contradictions_caught",
                "contradictions_suggested", "hand",
                "hand_caught", "clean_texts", "false_on_clean", "mutations", "mutations_caught", "crashes")
        out: dict[str, Any] = {k: getattr(self, k) for k in keys}
        out["precision"] = self.precision
        out["mutation_recall"] = self.recall
        out["false_alarms_per_clean_text"] = self.false_on_clean / self.clean_texts if self.clean_texts else None
        out["seconds_total"] = round(self.seconds, 3)
        out["seconds_per_text"] = round(self.seconds / self.texts, 4) if self.texts else None
        out["seconds_mutations"] = round(self.mutation_seconds, 3)
        out["per_text"] = self.per_text
        out["true_alarm_list"] = self.true_alarms
        out["false_alarm_list"] = self.false_alarms
        out["missed_mutations"] = self.missed
        out["missed_contradictions"] = self.missed_contradictions
        out["crash_list"] = self.crash_list
        out["cli"] = self.cli
        out["mutations_by_kind"] = {k: {"planted": v[0], "caught": v[1]} for k, v in sorted(self.by_kind.items())}
        return out


def _describe(r: Relation) -> str:
    stated = f"{r.stated.line}:{r.stated.figure}" if r.stated else ""
    ops = ", ".join(("-" if o.sign < 0 else "") + f"{o.line}:{o.figure}" for o in r.operands)
    extra = f" n={r.n}" + (f" m={r.m}" if r.kind == "respectively" else "") if r.kind in COUNT_KINDS else ""
    return f"{r.kind} {stated} <- [{ops}]{extra}" + (f" ({r.note})" if r.note else "")


def measure(texts: dict[str, str], gold: Gold, tool_name: str, tool: Callable[[str, str], list[Hit]], *,
            per_relation: int = 1, seed: int = 10, mutate: bool = True) -> Summary:
    """Run the tool on every text with a gold annotation, then on every planted mutation."""
    s = Summary(tool_name)
    for tid in sorted(texts):
        if tid not in gold.texts:
            continue
        text = texts[tid]
        s.texts += 1
        base = _safe(tool, text, f"{tid}.txt")
        s.seconds += base.seconds
        suggestions = [h for h in base.hits if h.severity != "error"]
        base.hits = [h for h in base.hits if h.severity == "error"]
        bad = gold.contradictions(tid)
        info: dict[str, Any] = {"errors": len(base.hits), "seconds": round(base.seconds, 4),
                                "gold_relations": len(gold.of(tid)), "gold_contradictions": len(bad),
                                "status": gold.texts[tid]}
        if not base.ok:
            s.crashes += 1
            s.crash_list.append({"text": tid, "mutation": None, "error": base.error})
            info["crash"] = base.error
        true = [h for h in base.hits if any(matches(h, r) for r in bad)]
        false = [h for h in base.hits if h not in true]
        s.errors += len(base.hits)
        s.true += len(true)
        s.false += len(false)
        info["true"], info["false"] = len(true), len(false)
        s.true_alarms += [{"text": tid, "line": h.line, "code": h.code, "message": h.message} for h in true]
        s.false_alarms += [{"text": tid, "line": h.line, "code": h.code, "message": h.message} for h in false]
        if not bad:
            s.clean_texts += 1
            s.false_on_clean += len(false)
        for r in bad:
            s.contradictions += 1
            caught = any(matches(h, r) for h in base.hits)
            s.contradictions_caught += caught
            if r.hand:
                s.hand += 1
                s.hand_caught += caught
            if not caught:
                suggested = any(matches(h, r) for h in suggestions)
                s.contradictions_suggested += suggested
                s.missed_contradictions.append({"text": tid, "relation": _describe(r), "hand": r.hand,
                                                "suggested": suggested})
        if not mutate or not base.ok:
            s.per_text[tid] = info
            continue
        caught_here = planted_here = 0
        for r in gold.of(tid):
            rng = random.Random(f"{seed}:{tid}:{r.index}")
            for mut in plant(text, r, rng, per_relation):
                out = _safe(tool, mut.text, f"{tid}.txt")
                s.mutation_seconds += out.seconds
                s.mutations += 1
                planted_here += 1
                tally = s.by_kind.setdefault(r.kind, [0, 0])
                tally[0] += 1
                if not out.ok:
                    s.crashes += 1
                    s.crash_list.append({"text": tid, "mutation": f"{mut.ref.line}:{mut.ref.figure}->"
                                         f"{mut.new_figure}", "error": out.error})
                if any(mut.key in h.keys for h in out.hits if h.severity == "error"):
                    s.mutations_caught += 1
                    caught_here += 1
                    tally[1] += 1
                else:
                    s.missed.append({"text": tid, "line": mut.ref.line, "figure": mut.ref.figure,
                                     "mutated": mut.new_figure, "relation": _describe(r)})
        info["mutations"], info["mutations_caught"] = planted_here, caught_here
        s.per_text[tid] = info
    return s


def run_cli(paths: list[Path]) -> dict[str, Any]:
    """`laibin-check check` over every text in one run, as a newsroom's CI would: its exit code (2, or an
    `internal error` on stderr, counts as a crash) and its wall time."""
    import os
    import subprocess

    cmd = [sys.executable, "-m", "laibin_check", "check", *[p.resolve().as_posix() for p in paths], "--format", "json"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as cwd:  # no laibin-check.toml / pyproject.toml of ours is picked up
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env, check=False)
    seconds = time.perf_counter() - start
    crashed = done.returncode not in (0, 1) or "internal error" in done.stderr or "Traceback" in done.stderr
    return {"exit_code": done.returncode, "seconds": round(seconds, 3), "crashed": crashed,
            "stderr": done.stderr.strip().splitlines()[-1:] if crashed else []}


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def render(s: Summary, gold: Gold, verbose: bool) -> str:
    partial = sorted(t for t, st in gold.texts.items() if st != "full")
    rows = [
        ("tool", s.tool),
        ("texts (gold: full / partial)", f"{s.texts} ({s.texts - len(partial)} / {len(partial)})"),
        ("gold relations / contradictions", f"{len(gold.relations)} / {sum(1 for r in gold.relations if not r.holds)}"),
        ("error-level findings", str(s.errors)),
        ("  true (a gold contradiction's figure)", str(s.true)),
        ("  false", str(s.false)),
        ("precision", _pct(s.precision)),
        ("gold contradictions caught", f"{s.contradictions_caught}/{s.contradictions}"),
        ("  missed, but shown as a suggestion", str(s.contradictions_suggested)),
        ("hand-found contradictions caught", f"{s.hand_caught}/{s.hand}"),
        ("planted mutations caught (recall)", f"{s.mutations_caught}/{s.mutations} = {_pct(s.recall)}"),
        ("false alarms per clean article",
         f"{s.false_on_clean}/{s.clean_texts} = {_pct(s.false_on_clean / s.clean_texts if s.clean_texts else None)}"),
        ("crashes", str(s.crashes)),
        *([("CLI, all texts in one run", f"exit {s.cli['exit_code']}, {s.cli['seconds']:.2f} s"
            + (f" CRASHED {s.cli['stderr']}" if s.cli["crashed"] else ""))] if s.cli else []),
        ("time per article (mean)", f"{s.seconds / s.texts:.3f} s" if s.texts else "n/a"),
        ("time, all articles", f"{s.seconds:.2f} s (+ {s.mutation_seconds:.2f} s for the mutations)"),
    ]
    width = max(len(k) for k, _ in rows)
    lines = [f"{k.ljust(width)}  {v}" for k, v in rows]
    if partial:
        lines.append(f"gold partial for: {', '.join(partial)}")
    if s.by_kind:
        lines.append("mutations caught by kind: " + ", ".join(
            f"{k} {c}/{n}" for k, (n, c) in sorted(s.by_kind.items(), key=lambda kv: -kv[1][0])))
    if verbose:
        lines.append("")
        lines.append(f"true alarms ({len(s.true_alarms)}):")
        lines += [f"  {f['text']}:{f['line']} {f['code']} {f['message']}" for f in s.true_alarms]
        lines.append(f"false alarms ({len(s.false_alarms)}):")
        lines += [f"  {f['text']}:{f['line']} {f['code']} {f['message']}" for f in s.false_alarms]
        lines.append(f"missed contradictions ({len(s.missed_contradictions)}):")
        lines += [f"  {m['text']} {m['relation']}" + (" [hand-found]" if m["hand"] else "")
                  + (" [shown as a suggestion]" if m["suggested"] else "") for m in s.missed_contradictions]
        lines.append(f"missed mutations ({len(s.missed)}):")
        lines += [f"  {m['text']}:{m['line']} {m['figure']} -> {m['mutated']}: {m['relation']}" for m in s.missed]
        lines.append(f"crashes ({len(s.crash_list)}):")
        lines += [f"  {c['text']} {c['mutation'] or ''} {c['error']}" for c in s.crash_list]
    return "\n".join(lines) + "\n"


def check_gold(gold: Gold, texts: dict[str, str]) -> list[str]:
    """Relations whose recorded verdict the recomputation does not confirm, and figures not found as printed."""
    problems = []
    for r in gold.relations:
        lines = texts.get(r.text, "").split("\n")
        for ref in r.refs:
            if texts and (ref.line > len(lines) or ref.figure not in lines[ref.line - 1]):
                problems.append(f"{r.text}: {ref.line}:{ref.figure} not printed on that line")
        try:
            got = r.recompute()
        except (ValueError, KeyError) as exc:
            problems.append(f"{r.text}: {_describe(r)}: {exc}")
            continue
        if got is not None and got != r.holds:
            problems.append(f"{r.text}: recorded holds={r.holds}, recomputed {got}: {_describe(r)}")
    return problems


def read_texts(corpus: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((corpus / "texts").glob("*.txt"))}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--json", action="store_true", help="print a machine-readable summary")
    parser.add_argument("--verbose", action="store_true", help="list false alarms and missed mutations")
    parser.add_argument("--tool", choices=("auto", "check", "extract-verify"), default="auto")
    parser.add_argument("--mutations-per-relation", type=int, default=1)
    parser.add_argument("--no-mutations", action="store_true")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--no-cli", action="store_true", help="skip the one CLI run over all texts")
    parser.add_argument("--check-gold", action="store_true", help="recompute the gold's verdicts and stop")
    args = parser.parse_args(list(argv) if argv is not None else None)

    gold = load_gold(args.gold)
    texts = read_texts(args.corpus)
    if not texts:
        print(f"bench_corpus: no texts under {args.corpus / 'texts'}", file=sys.stderr)
        return 2
    if args.check_gold:
        problems = check_gold(gold, texts)
        print("\n".join(problems) if problems else f"gold: {len(gold.relations)} relations confirmed")
        return 1 if problems else 0
    name, tool = pick_tool(args.tool)
    s = measure(texts, gold, name, tool, per_relation=args.mutations_per_relation, seed=args.seed,
                mutate=not args.no_mutations)
    if name == "check" and not args.no_cli:
        s.cli = run_cli([args.corpus / "texts" / f"{t}.txt" for t in sorted(texts) if t in gold.texts])
        s.crashes += s.cli["crashed"]
    if args.json:
        print(json.dumps(s.as_json(), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(render(s, gold, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
