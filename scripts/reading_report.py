"""Development report of reading accuracy on news-dev (outside the project: the texts are never copied in).

For each of the 40 texts: `extract` a draft, accept it untouched, `verify` it; then compare the error findings with
the hand review of 0.1.0's run (review-2026-12.jsonl): a reviewed false alarm still raised at the same article,
code and line counts as not fixed. Prints counts per cause before (the review) and now, LC204 (uncovered figure)
and LC106 (whole-number test) errors, units kept as their own ([..]) in the drafts, and the misreadings that
remain with the reviewer's note.

    python scripts/reading_report.py [--corpus ../shared/corpus/news-dev]
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

READING_CAUSES = ("parsing error", "misread qualifier or unit")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    parser.add_argument("--corpus", type=Path, default=here.parent / "shared" / "corpus" / "news-dev")
    args = parser.parse_args()
    corpus: Path = args.corpus
    texts = sorted((corpus / "texts").glob("*.txt"))
    if not texts:
        print(f"no texts under {corpus / 'texts'}", file=sys.stderr)
        return 2
    cli = [sys.executable, "-m", "laibin_check"]
    own_units: collections.Counter[str] = collections.Counter()
    load_failures = []
    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / "facts"
        for text in texts:
            rid = "n" + text.stem
            folder = facts / rid
            folder.mkdir(parents=True)
            (folder / "report.txt").write_bytes(text.read_bytes())
            done = subprocess.run([*cli, "extract", str(folder / "report.txt"), "--id", rid, "-o",
                                   str(folder / "facts.toml")], capture_output=True, text=True)
            if done.returncode:
                load_failures.append(f"{rid}: extract: {done.stderr.strip()}")
                continue
            for line in (folder / "facts.toml").read_text("utf-8").splitlines():
                if line.startswith("unit = ") and "[" in line:
                    own_units[line[8:-1]] += 1
        run = subprocess.run([*cli, "verify", "--facts", str(facts), "--no-hygiene", "--format", "json"],
                             capture_output=True, text=True, cwd=tmp)
        if run.returncode == 2:
            load_failures.append(f"verify: {run.stderr.strip()}")
            print("\n".join(load_failures))
            return 2
        result = json.loads(run.stdout)
    errors: collections.Counter[tuple[str, str, int]] = collections.Counter()
    by_code: collections.Counter[str] = collections.Counter()
    for report in result["reports"]:
        for f in report["findings"]:
            if f["severity"] == "error":
                errors[(report["id"][1:], f["code"], f["line"])] += 1
                by_code[f["code"]] += 1
    rows = [json.loads(line) for line in (corpus / "review-2026-12.jsonl").read_text("utf-8").splitlines() if line]
    before: collections.Counter[str] = collections.Counter(r["cause"] for r in rows)
    after: collections.Counter[str] = collections.Counter()
    remaining = []
    for r in rows:
        key = (r["article"], r["code"], r["line"])
        if errors[key] > 0:
            errors[key] -= 1
            after[r["cause"]] += 1
            if r["cause"] in READING_CAUSES:
                remaining.append(r)
    print(f"texts: {len(texts)}; drafts that failed to load: {len(load_failures)}")
    print(f"error findings on untouched drafts: 0.1.0 {len(rows)}, now {sum(by_code.values())}")
    print("  by code now: " + ", ".join(f"{c} {n}" for c, n in sorted(by_code.items())))
    print(f"  LC204 (uncovered figure): {by_code['LC204']}; LC106 (whole-number test): {by_code['LC106']}")
    print("reviewed false alarms still raised, by cause (0.1.0 -> now):")
    for cause, n in before.most_common():
        print(f"  {cause}: {n} -> {after[cause]}")
    fixed = sum(before[c] for c in READING_CAUSES) - sum(after[c] for c in READING_CAUSES)
    total = sum(before[c] for c in READING_CAUSES)
    print(f"reading misreadings fixed: {fixed}/{total} ({fixed / total:.0%})")
    print("units kept as their own (not in the unit table): "
          + (", ".join(f"{u} x{n}" for u, n in own_units.most_common()) or "none"))
    if remaining:
        print("misreadings that remain (article:line code: the reviewer's note):")
        for r in remaining:
            print(f"  {r['article']}:{r['line']} {r['code']}: {r['note'][:150]}")
    for failure in load_failures:
        print("  " + failure)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
