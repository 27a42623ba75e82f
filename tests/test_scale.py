"""Cost that grows linearly with the work: quote search by index, and the steps that used to be quadratic."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fixtures_gate import NoWaivers
from laibin_check import report as report_module
from laibin_check.report import ReportText

LAIBIN = Path(__file__).resolve().parents[1] / "facts" / "laibin-2021q1"


def _plain_find(text: ReportText, quote: str) -> list[tuple[int, int]]:
    """Every occurrence by scanning the normalised text, overlapping ones included: what the index must give."""
    norm, offsets = text.normalised
    needle = report_module.normalise(quote).strip()
    out = []
    i = norm.find(needle)
    while needle and i >= 0:
        out.append((offsets[i], offsets[i + len(needle) - 1] + 1))
        i = norm.find(needle, i + 1)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_indexed_quote_search_finds_what_a_scan_finds(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # A long text of few distinct characters, so needles repeat, overlap (“啊啊啊” in “啊啊啊啊”) and cross
    # converter artifacts and full-width digits; the index is forced from the first search on.
    monkeypatch.setattr(report_module, "_SCANS", 0)
    monkeypatch.setattr(report_module, "_SMALL", 0)
    rng = random.Random(seed)
    alphabet = ["增", "長", "长", "１", "1", "8", "%", "，", "區(qū)", "啊", "\n"]
    text = ReportText.from_string("".join(rng.choice(alphabet) for _ in range(3000)))
    needles = ["增長18%", "啊啊啊", "区1", "18", "長１", "啊", "，增", "沒有", "增長1８%，區(qū)啊", "8%"]
    needles += [text.text[a:a + n] for a, n in ((rng.randrange(2900), rng.randrange(1, 12)) for _ in range(200))]
    for needle in needles:
        found = [(s.start, s.end) for s in text.find(needle)]
        assert found == _plain_find(text, needle), needle
        assert text.occurs_once(needle) == (len(found) == 1), needle
    assert text._grams is not None  # the index was used


def test_sentence_at_is_the_sentence_around_a_place() -> None:
    text = ReportText.from_string("第一句。第二句有1個數字;第三句\n第四句!")
    assert text.sentence_at(8) == "第二句有1個數字;"
    assert text.sentence_at(0) == "第一句。"
    assert text.sentence_at(14, 16) == "第三句"
    assert text.sentence_at(19) == "第四句!"


def _folders(root: Path, n: int) -> Path:
    facts = root / "facts"
    toml = (LAIBIN / "facts.toml").read_text(encoding="utf-8")
    for i in range(n):
        folder = facts / f"r{i}"
        folder.mkdir(parents=True)
        shutil.copy(LAIBIN / "report.txt", folder / "report.txt")
        (folder / "facts.toml").write_text(toml.replace('id = "laibin-2021q1"', f'id = "r{i}"', 1), encoding="utf-8")
    return facts


def _verify(facts: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "laibin_check", "verify", "--facts", str(facts), *args],
                          capture_output=True, check=False, cwd=facts.parent)


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _folders(tmp_path_factory.mktemp("batch"), 3)


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "concise"])
def test_jobs_do_not_change_a_byte(three: Path, fmt: str) -> None:
    one = _verify(three, "--format", fmt, "--jobs", "1")
    two = _verify(three, "--format", fmt, "--jobs", "2")
    assert one.returncode == two.returncode == 1, two.stderr
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert b"r0" in one.stdout and b"r2" in one.stdout


def test_streamed_json_is_the_document_json_writes(three: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "run.sarif"
    proc = _verify(three, "--format", "json", "--jobs", "2", "--output", f"sarif:{out}")
    text = proc.stdout.decode("utf-8")
    doc = json.loads(text)
    assert json.dumps(doc, ensure_ascii=False, indent=2) + "\n" == text  # byte for byte, as if written whole
    assert [r["id"] for r in doc["reports"]] == ["r0", "r1", "r2"]
    assert doc["summary"]["reports"] == 3 and doc["summary"]["error"] == 3
    report = doc["reports"][0]
    assert all(f["sentence"] is None or 0 <= f["sentence"] < len(report["sentences"]) for f in report["findings"])
    assert len(set(report["sentences"])) == len(report["sentences"])  # each sentence once
    sarif = json.loads(out.read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 3 * len([f for f in report["findings"] if f["severity"] != "none"])
    assert not list(out.parent.glob(".*.tmp"))


def test_an_unused_shared_waiver_is_reported_on_the_last_report(three: Path, tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.toml"
    waivers.write_text('[[waiver]]\ncode = "LC101"\nfact = "no_such_fact"\nreason = "r"\naccepted_by = "a"\n'
                       "expires = 2099-01-01\n", encoding="utf-8")
    for jobs in ("1", "2"):
        doc = json.loads(_verify(three, "--format", "json", "--jobs", jobs, "--waivers", str(waivers)).stdout)
        unused = [(r["id"], f["code"]) for r in doc["reports"] for f in r["findings"] if f["code"] == "LC402"]
        assert unused == [("r2", "LC402")]


def test_bad_input_in_a_worker_is_one_line(tmp_path: Path) -> None:
    facts = _folders(tmp_path, 3)
    (facts / "r1" / "facts.toml").write_text('[report]\nid = "r1"\nfile = "report.txt"\n[[fact]\n', encoding="utf-8")
    proc = _verify(facts, "--format", "json", "--jobs", "2")
    assert proc.returncode == 2
    err = proc.stderr.decode("utf-8")
    assert "r1/facts.toml" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def _check(files: list[Path], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "laibin_check", "check", *(f.name for f in files), *args],
                          capture_output=True, check=False, cwd=files[0].parent)


@pytest.mark.parametrize("fmt", ["json", "concise"])
def test_check_jobs_do_not_change_a_byte(tmp_path: Path, fmt: str) -> None:
    files = []
    for i in range(3):
        path = tmp_path / f"r{i}.txt"
        shutil.copy(LAIBIN / "report.txt", path)
        files.append(path)
    clean = tmp_path / "clean.txt"
    clean.write_text("全市共有企業120家，其中工業企業80家，服務業企業40家。\n", encoding="utf-8")
    files.insert(1, clean)
    one = _check(files, "--format", fmt, "--jobs", "1")
    two = _check(files, "--format", fmt, "--jobs", "2")
    assert one.returncode == two.returncode == 1, two.stderr
    assert one.stdout == two.stdout and one.stderr == two.stderr
    out = one.stdout.decode("utf-8")
    assert out.index("r0.txt") < out.index("r2.txt")  # run order
    if fmt == "json":
        doc = json.loads(out)
        assert [r["id"] for r in doc["reports"]] == ["r0.txt", "clean.txt", "r1.txt", "r2.txt"]
        assert doc["summary"]["reports"] == 4 and doc["summary"]["error"] == 3  # 83.4% in each copy


# -- linear cost: a guard on the whole pipeline ---------------------------------------------------------------

def _long_report(k: int) -> str:
    """The bundled report written k times with renumbered figures (scripts/bench_scale.py's generator)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_scale", LAIBIN.parents[1] / "scripts" / "bench_scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module.long_report(k)
    return text


def _steps(tmp_path: Path, k: int) -> dict[str, Any]:
    """extract, verify (of extract's draft) and check of one report k times the bundled length, each a thunk."""
    from laibin_check import engine
    from laibin_check.check import check_report
    from laibin_check.extract import extract

    folder = tmp_path / f"k{k}"
    folder.mkdir()
    report = folder / "report.txt"
    report.write_text(_long_report(k), encoding="utf-8")
    (folder / "facts.toml").write_text(extract(report, "report.txt", f"k{k}")[0], encoding="utf-8")
    return {
        "extract": lambda: extract(report, "report.txt", f"k{k}"),
        "verify": lambda: engine.check_folder((folder, engine.Settings())),
        "check": lambda: check_report(ReportText.read(report, "report.txt"), f"k{k}"),
    }


def test_cost_grows_linearly_with_the_reports_length(tmp_path: Path) -> None:
    # A report ten times longer must cost about ten times as much: a loop over the whole text for each figure,
    # quote or 其中 (quadratic) makes it 30 to 100 times. CPU time of this process, the least of a few runs
    # interleaved between the two lengths, so that a loaded machine slows both alike; 20 leaves room for noise.
    import time

    one, ten = _steps(tmp_path, 1), _steps(tmp_path, 10)
    for step in one:
        one[step]()  # imports, compiled patterns and tables: paid once, not per length
        best = {1: float("inf"), 10: float("inf")}
        for _ in range(3):
            for k, steps in ((1, one), (10, ten)):
                start = time.process_time()
                steps[step]()
                best[k] = min(best[k], time.process_time() - start)
        assert best[10] <= 20 * best[1], f"{step}: {best[10]:.3f} s at k=10 against {best[1]:.3f} s at k=1"


def test_a_reports_check_leaves_no_reference_cycles() -> None:
    # Workers run with the automatic collector off: a report's records must be freed by refcounting alone.
    import gc

    from laibin_check import engine

    engine.check_folder((LAIBIN, engine.Settings()))  # caches and lazily built tables are made once
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        result = engine.check_folder((LAIBIN, engine.Settings()))
        assert any(f.receipt is not None for f in result.findings)  # receipts (once a cycle) were written
        del result
        gc.collect()
        left = [type(o).__qualname__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()
    assert left == []


class _Cyclic:
    """A stand-in for a report's record caught in a reference cycle."""

    alive = 0

    def __init__(self) -> None:
        self.me = self
        _Cyclic.alive += 1

    def __del__(self) -> None:
        _Cyclic.alive -= 1


def test_a_batch_collects_cycles_every_few_reports() -> None:
    # Should a check leave cycles after all, a long run holds at most a few reports' worth of them.
    import gc

    from laibin_check import batch
    from laibin_check.findings import ReportResult
    from laibin_check.reporters import RenderOptions

    held: list[int] = []

    def cyclic_check(item: int) -> ReportResult:
        _Cyclic()
        held.append(_Cyclic.alive)
        return ReportResult(f"r{item}", "", "", (), (), 0, "")

    gate = batch.Gate(waiving=NoWaivers(), overrides={}, fail_on="error", outputs=(("concise", Path("/dev/null")),),
                      options=RenderOptions(), tool_version="t")
    was = gc.isenabled()
    batch.run(list(range(100)), cyclic_check, gate, jobs=1)
    assert gc.isenabled() == was  # the caller's collector is put back
    assert max(held) <= min(batch._COLLECT_EVERY + 1, 50)  # not the whole run's 100
    assert len(held) == 100


def test_bench_scale_reports_each_runs_pace(tmp_path: Path) -> None:
    """The benchmark as its reader runs it: each repeated run is a row, with the machine's pace before and after
    (a virtual machine's speed changes within minutes; the pace says which moment a row was measured at)."""
    script = LAIBIN.parents[1] / "scripts" / "bench_scale.py"
    done = subprocess.run([sys.executable, str(script), "--n", "2", "--k", "", "--repeat", "2", "--jobs", "1",
                           "--work", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    header = [line for line in done.stdout.splitlines() if line.split()[:2] == ["N", "time"]]
    rows = [cells for cells in map(str.split, done.stdout.splitlines()) if len(cells) == 10 and cells[0] == "2"]
    assert len(header) == 2 and header[0].split()[-2:] == ["pace", "ms"]
    assert len(rows) == 2
    for row in rows:
        wall, size, code, before, after = row[1], row[6], row[7], row[8], row[9]
        assert code == "1"  # the bundled report's one error, in each copy
        assert float(wall) > 0 and float(size) > 0.5  # two reports' JSON, ~0.8 MB
        assert 0 < float(before) < 1000 and 0 < float(after) < 1000
