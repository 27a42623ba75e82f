"""Coverage of the report by its facts: new figures (LC204), changed reports (LC205), stale not-claims
(LC206)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from laibin_check import coverage, loader
from laibin_check.report import ReportText

ROOT = Path(__file__).resolve().parents[1]
LAIBIN = ROOT / "facts" / "laibin-2021q1"
needs_facts = pytest.mark.skipif(not (LAIBIN / "facts.toml").exists(),
                                 reason="facts/laibin-2021q1/facts.toml is not written yet")

SMALL_REPORT = "收集問題380多個,已解決316個,問題辦結率83.4%。\n2021年,新建廠房3座。\n"


def _small(tmp_path: Path, report: str = SMALL_REPORT, sha: str | None = None,
           not_claims: tuple[str, ...] = ("2021年",)) -> Path:
    folder = tmp_path / "facts" / "small"
    folder.mkdir(parents=True)
    (folder / "report.txt").write_text(report, encoding="utf-8")
    recorded = sha if sha is not None else hashlib.sha256(report.encode("utf-8")).hexdigest()
    facts = [
        "[report]", 'id = "small"', 'title = "t"', 'file = "report.txt"', f'sha256 = "{recorded}"', "",
        "[[group]]", 'id = "main"', 'title = "main"', "",
    ]
    rows = (("collected", "問題380多個", "380多", "個"), ("solved", "已解決316個", "316", "個"),
            ("rate", "問題辦結率83.4%", "83.4", "%"), ("plants", "新建廠房3座", "3", "座"))
    for fid, quote, value, unit in rows:
        facts += ["[[fact]]", f'id = "{fid}"', 'group = "main"', f'quote = "{quote}"', f'value = "{value}"',
                  f'unit = "{unit}"', 'measure = "m"', ""]
    for text in not_claims:
        facts += ["[[not_claim]]", f'text = "{text}"', 'reason = "date"', ""]
    (folder / "facts.toml").write_text("\n".join(facts), encoding="utf-8")
    return folder


def _findings(folder: Path) -> list[tuple[str, int, str]]:
    rf = loader.load_report(folder)
    text = ReportText.read(rf.report_file, rf.display_report)
    return [(f.code, f.line, f.message) for f in coverage.text_findings(rf, text)]


def _verify(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "laibin_check", "verify", "--format", "concise"],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False)


def test_fully_covered_report_has_no_findings(tmp_path: Path) -> None:
    folder = _small(tmp_path)
    assert _findings(folder) == []


def test_new_figure_is_named_with_its_line(tmp_path: Path) -> None:
    folder = _small(tmp_path)
    added = "全市新增就業崗位1200個,同比增長5.6%。\n"
    (folder / "report.txt").write_text(SMALL_REPORT + added, encoding="utf-8")
    found = _findings(folder)
    codes = [(c, line) for c, line, _ in found]
    assert ("LC205", 1) in codes
    new = [(line, msg) for c, line, msg in found if c == "LC204"]
    assert [line for line, _ in new] == [3, 3]
    assert "“1200個” on line 3" in new[0][1] and "“5.6%” on line 3" in new[1][1]
    [changed] = [msg for c, _, msg in found if c == "LC205"]
    assert "4 of 4 facts still match, 0 quotes no longer occur" in changed and "2 figures are new" in changed


def test_changed_figure_reports_a_missing_quote_and_a_new_figure(tmp_path: Path) -> None:
    folder = _small(tmp_path)
    (folder / "report.txt").write_text(SMALL_REPORT.replace("316", "318"), encoding="utf-8")
    found = _findings(folder)
    [changed] = [msg for c, _, msg in found if c == "LC205"]
    assert "3 of 4 facts still match, 1 quote no longer occurs" in changed and "1 figure is new" in changed
    assert next(msg for c, _, msg in found if c == "LC204").startswith("“318個” on line 1")
    rf = loader.load_report(folder)
    places = coverage.locate_facts(rf, ReportText.read(rf.report_file, rf.display_report))
    assert places["solved"].status == "missing" and places["collected"].status == "ok"


def test_unused_not_claim_points_at_the_facts_file(tmp_path: Path) -> None:
    folder = _small(tmp_path, not_claims=("2021年", "十四五"))
    found = _findings(folder)
    [(code, line, message)] = found
    assert code == "LC206" and "十四五" in message and line > 1


def test_not_claim_missing_makes_the_date_uncovered(tmp_path: Path) -> None:
    folder = _small(tmp_path, not_claims=())
    [(code, line, message)] = _findings(folder)
    assert code == "LC204" and line == 2 and "2021年" in message and "a date" in message


def test_engine_spans_are_accepted(tmp_path: Path) -> None:
    folder = _small(tmp_path)
    rf = loader.load_report(folder)
    text = ReportText.read(rf.report_file, rf.display_report)
    places = coverage.locate_facts(rf, text)
    claimed = {fid: p.value for fid, p in places.items() if p.value is not None}
    assert coverage.check(rf, text, claimed) == []
    del claimed["plants"]
    [finding] = coverage.check(rf, text, claimed)
    assert finding.code == "LC204" and (finding.line, finding.column) == (2, 11) and finding.quote == "3座"


def test_missing_fingerprint_is_a_warning(tmp_path: Path) -> None:
    folder = _small(tmp_path, sha="")
    [(code, _, message)] = _findings(folder)
    assert code == "LC205" and "record no sha256" in message


def test_findings_are_deterministic(tmp_path: Path) -> None:
    folder = _small(tmp_path)
    (folder / "report.txt").write_text(SMALL_REPORT + "新增3家,3家,3家。\n", encoding="utf-8")
    rf = loader.load_report(folder)
    first = coverage.text_findings(rf, ReportText.read(rf.report_file, rf.display_report))
    second = coverage.text_findings(rf, ReportText.read(rf.report_file, rf.display_report))
    assert first == second
    keys = [f.key for f in first if f.code == "LC204"]
    assert keys == ["3家#1", "3家#2", "3家#3"]


@needs_facts
def test_laibin_facts_cover_the_report() -> None:
    rf = loader.load_report(LAIBIN)
    text = ReportText.read(rf.report_file, rf.display_report)
    assert coverage.text_findings(rf, text) == []
    assert all(p.status in ("ok", "ambiguous") for p in coverage.locate_facts(rf, text).values())


@needs_facts
def test_verify_names_an_appended_figure_and_its_line(tmp_path: Path) -> None:
    shutil.copytree(LAIBIN, tmp_path / "facts" / "laibin-2021q1")
    report = tmp_path / "facts" / "laibin-2021q1" / "report.txt"
    original = report.read_bytes()
    report.write_bytes(original + "\n全市新增就業崗位1200個。\n".encode())
    line = original.count(b"\n") + 2
    result = _verify(tmp_path)
    assert result.returncode == 1, result.stderr
    assert f"report.txt:{line}:9: LC204 error “1200個” on line {line}" in result.stdout


@needs_facts
def test_verify_names_the_fact_whose_quote_changed(tmp_path: Path) -> None:
    shutil.copytree(LAIBIN, tmp_path / "facts" / "laibin-2021q1")
    report = tmp_path / "facts" / "laibin-2021q1" / "report.txt"
    report.write_bytes(report.read_bytes().replace("已解決316個".encode(), "已解決318個".encode()))
    result = _verify(tmp_path)
    assert result.returncode == 1, result.stderr
    assert "LC201" in result.stdout and "problems_solved" in result.stdout
    assert "LC204 error “318個” on line 10" in result.stdout
    assert "LC205 warning" in result.stdout
