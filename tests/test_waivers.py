"""Waivers: matching by code and fact or key, marked not removed, expired and unused waivers as findings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fixtures_gate import pinyin_artifact, ratio_failure, sample_result
from laibin_check.errors import InputError
from laibin_check.findings import Finding, ReportResult, RunResult
from laibin_check.gate import exit_code
from laibin_check.waivers import apply_waivers, find_waivers, load_waivers, today_from_env

TODAY = dt.date(2021, 5, 1)

WAIVERS = """\
# Reviewed by the desk.

[[waiver]]
code = "LC101"
fact = "solve_rate"
reason = "the bureau's release says 83.4%; asked the bureau to confirm the count"
accepted_by = "Li Hua"
expires = 2021-06-30

[[waiver]]
code = "LC301"
key = "區(qū)#1"
reason = "kept until the converter is fixed"
accepted_by = "Wang Fang"
expires = 2021-04-30

[[waiver]]
code = "LC108"
fact = "clusters"
reason = "fixed since"
accepted_by = "Li Hua"
expires = 2021-12-31
"""


def run_with(*findings: Finding) -> RunResult:
    base = sample_result().reports[0]
    return RunResult(
        (ReportResult(base.report_id, base.title, base.path, base.groups, findings, 3, ""),), "0.1.0"
    )


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_waivers(root: Path, text: str = WAIVERS, report: str = "laibin-2021q1") -> Path:
    folder = root / "facts" / report
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "waivers.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_reads_entries_with_their_lines(in_tmp: Path) -> None:
    write_waivers(in_tmp)
    entries = find_waivers(in_tmp / "facts", ["laibin-2021q1"])
    assert [(w.code, w.subject, w.line) for w in entries] == [
        ("LC101", "solve_rate", 3),
        ("LC301", "區(qū)#1", 10),
        ("LC108", "clusters", 17),
    ]
    assert entries[0].path == "facts/laibin-2021q1/waivers.toml"
    assert entries[0].report == "laibin-2021q1" and entries[0].expires == dt.date(2021, 6, 30)


def test_live_waiver_marks_the_finding_and_the_gate_passes(in_tmp: Path) -> None:
    write_waivers(in_tmp)
    entries = find_waivers(in_tmp / "facts", ["laibin-2021q1"])
    before = run_with(ratio_failure())
    assert exit_code(before, "error") == 1
    after = apply_waivers(before, entries[:1], TODAY)
    (finding,) = after.findings
    assert finding.waived and finding.code == "LC101"  # still there, marked
    assert finding.waiver is not None
    assert finding.waiver.accepted_by == "Li Hua" and finding.waiver.expires == "2021-06-30"
    assert finding.waiver.source == "facts/laibin-2021q1/waivers.toml:3"
    assert exit_code(after, "error") == 0
    assert before.findings[0].waiver is None  # the input is not changed


def test_expired_waiver_does_not_waive_and_is_a_finding(in_tmp: Path) -> None:
    write_waivers(in_tmp)
    entries = find_waivers(in_tmp / "facts", ["laibin-2021q1"])
    after = apply_waivers(run_with(pinyin_artifact()), entries[1:2], TODAY)
    hygiene, expired = after.findings
    assert not hygiene.waived
    assert (expired.code, expired.severity, expired.path, expired.line) == (
        "LC401",
        "warning",
        "facts/laibin-2021q1/waivers.toml",
        10,
    )
    assert "expired on 2021-04-30" in expired.message
    # The last day of a waiver still waives.
    still = apply_waivers(run_with(pinyin_artifact()), entries[1:2], dt.date(2021, 4, 30))
    assert [f.code for f in still.findings] == ["LC301"] and still.findings[0].waived


def test_unused_waiver_is_a_finding(in_tmp: Path) -> None:
    write_waivers(in_tmp)
    entries = find_waivers(in_tmp / "facts", ["laibin-2021q1"])
    after = apply_waivers(run_with(ratio_failure()), entries, TODAY)
    codes = sorted((f.code, f.line) for f in after.findings if f.code.startswith("LC4"))
    assert codes == [("LC401", 10), ("LC402", 17)]
    unused = next(f for f in after.findings if f.code == "LC402")
    assert "matches no finding" in unused.message and unused.fact_ids == ("clusters",)


def test_passing_checks_are_not_waived(in_tmp: Path) -> None:
    write_waivers(in_tmp)
    entries = find_waivers(in_tmp / "facts", ["laibin-2021q1"])
    passing = ratio_failure()._replace(severity="none", verdict="consistent")
    after = apply_waivers(run_with(passing), entries[:1], TODAY)
    assert not after.findings[0].waived
    assert [f.code for f in after.findings][1:] == ["LC402"]  # fixed figure: the waiver should go


def test_other_reports_waivers_are_left_alone(in_tmp: Path) -> None:
    shared = in_tmp / "shared-waivers.toml"
    shared.write_text(WAIVERS.replace('code = "LC108"', 'report = "other"\ncode = "LC108"'), encoding="utf-8")
    entries = find_waivers(in_tmp / "facts", [], extra=shared)
    assert entries[2].report == "other" and entries[0].report == ""
    after = apply_waivers(run_with(ratio_failure()), entries, TODAY)
    assert sorted(f.code for f in after.findings) == ["LC101", "LC401"]
    assert after.findings[0].waived


def test_deterministic_with_injected_today(in_tmp: Path) -> None:
    write_waivers(in_tmp)
    entries = find_waivers(in_tmp / "facts", ["laibin-2021q1"])
    assert apply_waivers(sample_result(), entries, TODAY) == apply_waivers(sample_result(), entries, TODAY)


def test_today_from_env() -> None:
    assert today_from_env({"LAIBIN_CHECK_TODAY": "2021-05-01"}) == TODAY
    assert today_from_env({}) == dt.date.today()
    with pytest.raises(InputError, match="LAIBIN_CHECK_TODAY"):
        today_from_env({"LAIBIN_CHECK_TODAY": "May 1st"})


HEAD = '[[waiver]]\ncode = "LC101"\nfact = "x"\nreason = "r"\naccepted_by = "a"\n'


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            HEAD + 'expires = "2021-06-30"\n',
            6,
            "without quotes",
        ),
        ('[[waiver]]\ncode = "LC101"\nfact = "x"\nreason = "r"\naccepted_by = "a"\n', 1, "expires"),
        (
            '[[waiver]]\ncode = "LC101"\nreason = "r"\naccepted_by = "a"\nexpires = 2021-06-30\n',
            1,
            "exactly one",
        ),
        ('[[waiver]]\ncode = "LC101"\nfact = "x"\naccepted_by = "a"\nexpires = 2021-06-30\n', 1, "'reason'"),
        ('[[waiver]]\ncode = "LC101"\nfact = "x"\nreason = "r"\nexpires = 2021-06-30\n', 1, "'accepted_by'"),
        (
            '[[waiver]]\ncode = "LC999"\nfact = "x"\nreason = "r"\naccepted_by = "a"\nexpires = 2021-06-30\n',
            2,
            "unknown rule code",
        ),
        (
            '[[waiver]]\ncode = "LC402"\nfact = "x"\nreason = "r"\naccepted_by = "a"\nexpires = 2021-06-30\n',
            2,
            "cannot be waived",
        ),
        (
            '[[waiver]]\ncode = "LC101"\nfact = "x"\nreason = "r"\naccepted_by = "a"\nexpires = 2021-06-30\n'
            'who = "me"\n',
            7,
            "unknown key 'who'",
        ),
        ('[waivers]\ncode = "LC101"\n', 1, "unknown key 'waivers'"),
        ('[[waiver]]\ncode = "LC101"\nfact = "x"\nfact = "y"\n', 4, "not valid TOML"),
    ],
)
def test_bad_waivers_are_errors_at_their_line(in_tmp: Path, text: str, line: int, words: str) -> None:
    path = write_waivers(in_tmp, text)
    with pytest.raises(InputError) as info:
        load_waivers(path, report="laibin-2021q1")
    assert info.value.path == "facts/laibin-2021q1/waivers.toml"
    assert info.value.line == line, info.value
    assert words in info.value.message, info.value.message


def test_missing_shared_file_is_an_error(in_tmp: Path) -> None:
    with pytest.raises(InputError, match="waivers file not found"):
        find_waivers(in_tmp / "facts", [], extra=in_tmp / "nope.toml")
