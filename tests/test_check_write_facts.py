"""`check --write-facts` and `extract` write the facts `check` used, and `verify` on them agrees with `check`.

A draft keeps its own promises: on the unchanged text, `verify` finds no quote or coverage problem (LC2xx) and
reports exactly the errors `check` reports; a reading `check` only suggests is written commented out, and once
an editor uncomments it, `verify` judges it as `check` did. Every sentence is written for these tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from laibin_check import engine, loader
from laibin_check.check import check_files
from laibin_check.check.facts_out import write_folders
from laibin_check.extract import draft
from laibin_check.findings import ReportResult
from laibin_check.report import ReportText

ROOT = Path(__file__).resolve().parent.parent

TEXTS = {
    # name: (text, errors `check` reports)
    "rate": ("一季度，全市共收集企业问题120多个，已解决100个，问题办结率84.0%。\n", 1),
    "rate-trad": ("一季度，全市共收集企業問題120多個，已解決100個，問題辦結率84.0%。\n", 1),
    "total": ("今年以来，全县新开工工业项目23个、服务业项目17个、农业项目8个，合计50个。\n", 1),
    "share": ("上半年，全市外贸进出口总值1200亿元，同比增长10.2%。其中，出口720亿元，占外贸总值的62.0%；"
              "进口480亿元，占外贸总值的40.0%。\n", 1),
    "gap": ("1-5月，全市规模以上工业增加值同比增长9.5%，比上年同期的7.2%加快2.6个百分点。\n", 1),
    "consistent": ("今年以来，全县新开工工业项目23个、服务业项目17个、农业项目8个，合计48个。"
                   "规模以上工业增加值同比增长9.5%，比上年同期的7.2%加快2.3个百分点。\n", 0),
    # A figure per head over a total and a population: a suggestion (the population may be another one).
    "per-head": ("2020年，某市地区生产总值3000亿元，常住人口600万人，人均GDP为6万元。\n", 0),
    "per-head-holds": ("2020年，某市地区生产总值3000亿元，常住人口600万人，人均GDP为5万元。\n", 0),
    # One measure for two periods: not the same quantity printed twice.
    "periods": ("1-6月，全市工业用电量120.5亿千瓦时。6月，全市工业用电量22.3亿千瓦时。\n", 0),
    # A figure per area the sentence prints in 萬美元 and the relation reads in 萬美元/平方公里.
    "per-area": ("2020年，某國經濟總量1.00萬億美元（國土面積10.0萬平方公里），每平方公里GDP產出1200萬美元。\n", 1),
    # One figure printed twice, the title's with a bare magnitude (read as a plain number in 倍).
    "bare-magnitude": ("上半年某省GDP达8.9万亿\n上半年，某省地区生产总值88123亿元，同比增长5.1%。\n", 1),
    "bare-magnitude-holds": ("上半年某省GDP达8.8万亿\n上半年，某省地区生产总值88123亿元，同比增长5.1%。\n", 0),
    # A title printed twice, then a body with a contradiction.
    "title": ("前5月全县工业产值增长12.4%\n前5月全县工业产值增长12.4%\n"
              "1-5月，全县共收集企业问题120多个，已解决100个，问题办结率84.0%。\n", 1),
}


def _verify(folder: Path) -> ReportResult:
    return engine.check_report(loader.load_report(folder), engine.Settings(hygiene=False))


def _errors(result: ReportResult) -> list[tuple[int, str]]:
    return sorted((f.line, f.code) for f in result.findings if f.severity == "error")


def _round_trip(tmp_path: Path, name: str, text: str) -> tuple[ReportResult, ReportResult]:
    """`check` on the text, and `verify` on the folder `check --write-facts` wrote for it."""
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    checked = check_files([source]).reports[0]
    (folder,) = write_folders([source], tmp_path / "facts")
    return checked, _verify(folder)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_verify_on_the_written_facts_reports_what_check_reports(tmp_path: Path, name: str) -> None:
    text, expected = TEXTS[name]
    checked, verified = _round_trip(tmp_path, name, text)
    assert [f"{f.code} {f.message}" for f in verified.findings if f.code.startswith("LC2")] == []
    assert len(_errors(checked)) == expected
    assert _errors(verified) == _errors(checked)


def test_the_bundled_report_round_trips_with_only_the_resolution_rate(tmp_path: Path) -> None:
    text = (ROOT / "facts" / "laibin-2021q1" / "report.txt").read_text(encoding="utf-8")
    checked, verified = _round_trip(tmp_path, "laibin", text)
    assert [f.code for f in verified.findings if f.code.startswith("LC2")] == []
    assert _errors(verified) == _errors(checked) and len(_errors(checked)) == 1
    (finding,) = [f for f in verified.findings if f.severity == "error"]
    assert "83.4%" in finding.message


def test_the_draft_says_holds_exactly_where_verify_does(tmp_path: Path) -> None:
    """Every relation the draft writes carries the engine's verdict, and `verify` on the draft agrees."""
    for name, (text, _) in TEXTS.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / "report.txt").write_text(text, encoding="utf-8")
        d = draft(ReportText.read(folder / "report.txt", "report.txt"), name)
        from laibin_check.extract import render

        (folder / "facts.toml").write_text(render(d), encoding="utf-8")
        verdicts = {f.fact_ids[0]: f.verdict for f in _verify(folder).findings if f.fact_ids}
        for s in d.suggestions:
            if s.written:
                assert verdicts[s.id] == ("consistent" if s.holds else "inconsistent"), (name, s)
            else:
                assert s.id not in verdicts and not s.holds  # commented out: verify does not judge it


def test_a_relation_that_reads_a_figure_in_another_unit_is_written_on_a_copy_in_that_unit() -> None:
    d = draft(ReportText.from_string(TEXTS["per-area"][0], "per-area.txt"), "per-area")
    (s,) = d.suggestions
    (per_area,) = [f for f in d.figures if f.mention.value == "1200"]
    assert per_area.unit == "萬美元" and s.copy and s.target == per_area.id and s.unit == "萬美元/平方公里"
    assert s.outcome == "error" and not s.holds


def test_a_suggestion_is_commented_out_and_uncommenting_it_checks_it(tmp_path: Path) -> None:
    text, _ = TEXTS["per-head"]
    checked, verified = _round_trip(tmp_path, "per-head", text)
    assert [f.code for f in checked.findings if f.severity != "none"] == ["LC120"]
    assert _errors(verified) == []
    facts = tmp_path / "facts" / "per-head" / "facts.toml"
    written = facts.read_text(encoding="utf-8")
    assert "# review (per-unit" in written and "# [fact.derive]" in written
    # The editor confirms the reading: remove the `# ` of the block under the review line.
    lines = written.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("# review"))
    end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith("#"))
    lines[at + 1:end] = [line[2:] for line in lines[at + 1:end]]
    facts.write_text("\n".join(lines), encoding="utf-8")
    confirmed = _verify(facts.parent)
    assert [f.code for f in confirmed.findings if f.severity == "error"] == ["LC101"]
    assert "3000亿元" in next(f.message for f in confirmed.findings if f.severity == "error")


def test_check_write_facts_then_verify_as_a_user_runs_them(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("rate-trad", "total", "consistent"):
        (drafts / f"{name}.txt").write_text(TEXTS[name][0], encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "laibin_check", *args], cwd=tmp_path, capture_output=True,
                              text=True, encoding="utf-8", env=env, check=False)

    checked = run("check", *sorted(str(p) for p in drafts.iterdir()), "--format", "json",
                  "--write-facts", "facts")
    assert checked.returncode == 1, checked.stderr
    verified = run("verify", "--facts", "facts", "--format", "json", "--no-hygiene")
    assert verified.returncode == 1, verified.stderr

    def errors(out: str) -> list[tuple[str, int, str]]:
        return sorted((Path(f["path"]).stem if Path(f["path"]).stem != "report" else Path(f["path"]).parent.name,
                       f["line"], f["code"])
                      for r in json.loads(out)["reports"] for f in r["findings"] if f["severity"] == "error")

    assert errors(verified.stdout) == errors(checked.stdout) == [("rate-trad", 1, "LC101"), ("total", 1, "LC103")]


def test_the_python_api_is_typed_and_refuses_an_empty_text() -> None:
    import typing

    import laibin_check
    from laibin_check.errors import InputError

    record = laibin_check.FindingRecord
    assert typing.is_typeddict(record)
    assert {"code", "severity", "certainty", "check_rule", "figures", "receipt"} <= set(typing.get_type_hints(record))
    (found,) = laibin_check.check_text(TEXTS["rate-trad"][0], name="draft.txt")
    assert (found["severity"], found["code"], found["certainty"], found["path"]) == ("error", "LC101", "error",
                                                                                     "draft.txt")
    assert [(g["role"], g["printed"]) for g in found["figures"]] == [
        ("stated", "84.0%"), ("operand", "100個"), ("operand", "120多個")]
    with pytest.raises(InputError, match="report is empty"):
        laibin_check.check_text(" \n")


def test_extract_judges_with_the_readings_verify_will_use(tmp_path: Path) -> None:
    """近120個 read with the config's near_band: the draft's verdict changes with it, as verify's does."""
    (tmp_path / "r").mkdir()
    report = tmp_path / "r" / "report.txt"
    report.write_text("一季度，全市共收集企业问题近120个，已解决100个，问题办结率87.0%。\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "laibin_check", *args], cwd=tmp_path, capture_output=True,
                              text=True, encoding="utf-8", env=env, check=False)

    for band, errors, code in (("", "0 errors", 0), ('near_band = "0.02"\n', "1 error", 1)):
        (tmp_path / "laibin-check.toml").write_text(band, encoding="utf-8")
        drafted = run("extract", "r/report.txt", "--output", "r/facts.toml", "--force")
        assert drafted.returncode == 0 and f"({errors}," in drafted.stderr, drafted.stderr
        verified = run("verify", "--facts", ".", "--format", "concise", "--no-hygiene")
        assert verified.returncode == code, verified.stdout + verified.stderr


def test_write_facts_refuses_two_reports_that_would_share_a_folder_before_writing_any(tmp_path: Path) -> None:
    from laibin_check.errors import InputError

    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "draft.txt").write_text(TEXTS["rate"][0], encoding="utf-8")
    with pytest.raises(InputError, match=r"would be written to .*facts/draft"):
        write_folders([tmp_path / "a" / "draft.txt", tmp_path / "b" / "draft.txt"], tmp_path / "facts")
    assert not (tmp_path / "facts").exists()


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "data").glob("*/*.txt")), ids=lambda p: p.stem)
def test_every_report_in_the_test_data_round_trips(tmp_path: Path, path: Path) -> None:
    """A new rule whose relation the draft cannot write, or writes differently, fails here for the genre's own
    texts (bulletins, economic-operation reports, in either script)."""
    checked, verified = _round_trip(tmp_path, path.stem, path.read_text(encoding="utf-8"))
    assert [f"{f.code} {f.message}" for f in verified.findings if f.code.startswith("LC2")] == []
    assert _errors(verified) == _errors(checked)
