"""Benchmark (run by hand): `check` on texts written outside the project, clean and with planted mutations.

The held-out rounds of the README's Validity section: texts of the genre written by people who did not read the
rules, every figure consistent, kept outside the project (like news-dev). Each folder holds:

* `*.txt` and `variants/v*.txt`: clean texts (one paragraph a line);
* `mutations.json` (optional): a list of single-figure mutations that break a relation the text states,
  `{"file": "a1.txt", "line": 12, "old": "占21.5%", "new": "占22.0%", "relation": "r15", "why": "..."}`, where
  `old` occurs once on its line.

It prints the errors and warnings `check` raises on each clean text (every one is a false alarm: the texts are
consistent) and, per folder, how many mutated texts raise an error the clean text did not (recall).

    python scripts/bench_heldout.py /tmp/ho5-a /tmp/ho5-b        # a summary, with every false alarm
    python scripts/bench_heldout.py --missed /tmp/ho5-a           # also each mutation not caught
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any


def run_check(paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """Errors and warnings by report path, from one `check --format json` run over all of them."""
    if not paths:
        return {}
    out = subprocess.run([sys.executable, "-m", "laibin_check", "check", *map(str, paths), "--format", "json",
                          "--show", "warning", "--fail-on", "never"], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"check failed ({out.returncode}): {out.stderr.strip()[-400:]}")
    doc = json.loads(out.stdout)
    return {r["path"]: [f for f in r["findings"] if f["severity"] in ("error", "warning")] for r in doc["reports"]}


def _errors(findings: list[dict[str, Any]]) -> set[tuple[str, int, str]]:
    return {(f["rule"], f["line"], f["message"]) for f in findings if f["severity"] == "error"}


def bench_folder(folder: Path, missed: bool) -> tuple[int, int, int, int]:
    """(clean texts, clean texts with a false alarm, mutations caught, mutations) for one folder."""
    texts = sorted(folder.glob("*.txt")) + sorted((folder / "variants").glob("v*.txt"))
    clean = run_check(texts)
    alarmed = 0
    for t in texts:
        found = clean.get(str(t), [])
        alarmed += bool(found)
        errors = sum(f["severity"] == "error" for f in found)
        print(f"{t}: {errors} errors, {len(found) - errors} warnings")
        for f in found:
            print(f"    {f['severity']} {f['rule']} line {f['line']}: {f['message'][:200]}")
    mutations_file = folder / "mutations.json"
    if not mutations_file.exists():
        return len(texts), alarmed, 0, 0
    mutations = json.loads(mutations_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        planted: list[tuple[dict[str, Any], Path]] = []
        for i, m in enumerate(mutations):
            lines = (folder / m["file"]).read_text(encoding="utf-8").split("\n")
            line = lines[m["line"] - 1]
            if line.count(m["old"]) != 1:
                print(f"  skipped: {m['old']!r} does not occur once on {m['file']} line {m['line']}")
                continue
            lines[m["line"] - 1] = line.replace(m["old"], m["new"])
            path = Path(tmp) / f"m{i:04d}-{Path(m['file']).name}"
            path.write_text("\n".join(lines), encoding="utf-8")
            planted.append((m, path))
        results = run_check([p for _, p in planted])
        caught = 0
        for m, path in planted:
            base = _errors(clean.get(str(folder / m["file"]), []))
            hit = bool(_errors(results.get(str(path), [])) - base)
            caught += hit
            if missed and not hit:
                print(f"  missed {m['file']} line {m['line']}: {m['old']} -> {m['new']} ({m.get('why', '')[:100]})")
    print(f"== {folder}: recall {caught}/{len(planted)}; clean texts with a false alarm {alarmed}/{len(texts)}")
    return len(texts), alarmed, caught, len(planted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--missed", action="store_true", help="list each mutation not caught")
    args = parser.parse_args()
    totals = [bench_folder(f, args.missed) for f in args.folders]
    texts, alarmed, caught, planted = (sum(t[i] for t in totals) for i in range(4))
    print(f"TOTAL: clean texts with a false alarm {alarmed}/{texts}; recall on planted mutations "
          f"{caught}/{planted}" + (f" = {caught / planted:.2f}" if planted else ""))


if __name__ == "__main__":
    main()
