"""Benchmark (run by hand): do the drafts `extract` and `check --write-facts` write keep their own promises?

For each text of a corpus (texts/NN.txt, outside the project) or each report file given: `check --write-facts`
into a temporary folder, then `verify`'s engine on it (hygiene off), and, separately, `extract` into a report
folder and `verify` on that. A draft keeps its promises when `verify` on the unchanged text finds no quote or
coverage problem (LC201-LC204, LC206) and reports exactly the error-level contradictions `check` reports (compared
by line and code).

    python scripts/bench_drafts.py [CORPUS_DIR_OR_REPORT ...]      (default ../shared/corpus/news-dev)

Prints each text that breaks a promise, with the findings, then the counts. Exit 1 when any text breaks one.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from laibin_check import engine, loader
from laibin_check.check import check_files
from laibin_check.check.facts_out import write_folders
from laibin_check.extract import draft, render
from laibin_check.findings import ReportResult
from laibin_check.report import ReportText


def _texts(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for arg in args or ["../shared/corpus/news-dev"]:
        path = Path(arg)
        out.extend(sorted((path / "texts").glob("*.txt")) if path.is_dir() else [path])
    return out


def _verify(folder: Path) -> ReportResult:
    return engine.check_report(loader.load_report(folder), engine.Settings(hygiene=False))


def _placement(result: ReportResult) -> list[str]:
    return [f"{f.code}:{f.line} {f.message[:100]}" for f in result.findings
            if f.code.startswith("LC2") and f.code != "LC205"]


def _errors(result: ReportResult) -> list[tuple[int, str]]:
    return sorted((f.line, f.code) for f in result.findings if f.severity == "error" and not f.code.startswith("LC2"))


def main(args: list[str]) -> int:
    texts = _texts(args)
    broken: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n, text in enumerate(texts):
            checked = check_files([text]).reports[0]
            (written,) = write_folders([text], Path(tmp) / f"w{n}")
            via_check = _verify(written)
            folder = Path(tmp) / f"e{n}" / "r"
            folder.mkdir(parents=True)
            (folder / "report.txt").write_bytes(text.read_bytes())
            report = ReportText.read(folder / "report.txt", "report.txt")
            (folder / "facts.toml").write_text(render(draft(report, "r")), encoding="utf-8")
            via_extract = _verify(folder)
            for name, result in (("write-facts", via_check), ("extract", via_extract)):
                problems = _placement(result)
                codes.update(p.split(":")[0] for p in problems)
                differ = _errors(result) != _errors(checked)
                if problems or differ:
                    broken[name] += 1
                    print(f"{text}: {name}: {len(problems)} quote/coverage problems {problems}"
                          + (f"; errors {_errors(result)} where check has {_errors(checked)}" if differ else ""))
    print(f"{len(texts)} texts in {time.perf_counter() - started:.1f} s: "
          f"check --write-facts then verify: {broken['write-facts']} break a promise; "
          f"extract then verify: {broken['extract']} break a promise; LC2xx findings {dict(codes) or 0}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
