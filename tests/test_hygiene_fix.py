"""`laibin-check fix` run as a user runs it: repaired copy, dry run, --in-place with a backup, bad input."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from laibin_check.hygiene.fix import apply_edits, repaired

ROOT = Path(__file__).parent.parent
LAIBIN = ROOT / "facts" / "laibin-2021q1" / "report.txt"
CLI = Path(sys.executable).parent / "laibin-check"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [str(CLI), "fix", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8")


def _expected_repair(text: str) -> str:
    """The Laibin repair computed independently: every lower-case pinyin in parentheses dropped, the garbled
    span of paragraph 2 replaced; paragraph 17's span, which has no sure repair, left as it is."""
    without = re.sub(r"\(([a-zà-ǜ]+)\)", "", text)
    assert without.count("?qū)嵤┲卮箜椖拷ㄔO") == 1
    return without.replace("?qū)嵤┲卮箜椖拷ㄔO", "實施重大項目建設")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    copy = tmp_path / "report.txt"
    shutil.copyfile(LAIBIN, copy)
    return copy


def test_fix_output_differs_only_by_the_repairs(report: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    before = report.read_bytes()
    result = _run(report, "--output", clean)
    assert result.returncode == 0, result.stderr
    assert report.read_bytes() == before
    text = LAIBIN.read_text(encoding="utf-8")
    assert clean.read_text(encoding="utf-8") == _expected_repair(text)
    assert "有序實施重大項目建設、持續優化營商環境" in clean.read_text(encoding="utf-8")
    assert result.stdout.startswith(f"--- {report.as_posix()}\n+++ {clean.as_posix()}\n")
    assert "356 converter artifacts removed, 1 garbled spans repaired" in result.stderr
    assert "garbled text left as it is" in result.stderr


def test_mixed_script_is_not_rewritten(report: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    _run(report, "-o", clean)
    assert "黨員和干部" in clean.read_text(encoding="utf-8")


def test_dry_run_writes_nothing(report: Path) -> None:
    before = report.read_bytes()
    result = _run(report)
    assert result.returncode == 0
    assert report.read_bytes() == before
    assert not report.with_name("report.txt.bak").exists()
    assert "-有序?qū)嵤┲卮箜椖拷ㄔO(shè)" not in result.stdout  # lines are whole: check the + side
    assert "+" in result.stdout and "有序實施重大項目建設" in result.stdout
    assert "dry run" in result.stderr


def test_output_equal_to_the_report_needs_in_place(report: Path) -> None:
    before = report.read_bytes()
    result = _run(report, "--output", report)
    assert result.returncode == 2
    assert "--in-place" in result.stderr
    assert report.read_bytes() == before


def test_in_place_keeps_a_backup_and_refuses_to_overwrite_it(report: Path) -> None:
    original = report.read_bytes()
    result = _run(report, "--in-place")
    assert result.returncode == 0, result.stderr
    backup = report.with_name("report.txt.bak")
    assert backup.read_bytes() == original
    assert report.read_text(encoding="utf-8") == _expected_repair(original.decode("utf-8"))
    again = _run(report, "--in-place")
    assert again.returncode == 2 and "backup already exists" in again.stderr
    assert backup.read_bytes() == original
    forced = _run(report, "--in-place", "--overwrite-backup")
    assert forced.returncode == 0
    assert backup.read_text(encoding="utf-8") == _expected_repair(original.decode("utf-8"))


def test_fixing_a_fixed_report_changes_nothing(report: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    _run(report, "-o", clean)
    again = tmp_path / "again.txt"
    result = _run(clean, "-o", again)
    assert result.stdout == ""
    assert again.read_bytes() == clean.read_bytes()


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = _run(tmp_path / "nope.txt")
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "not found" in missing.stderr
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    bad = _run(binary)
    assert bad.returncode == 2 and bad.stderr.startswith("laibin-check: error:")
    both = _run(LAIBIN, "--in-place", "--output", tmp_path / "x.txt")
    assert both.returncode == 2


def test_crlf_and_bom_survive(tmp_path: Path) -> None:
    report = tmp_path / "crlf.txt"
    report.write_bytes("\ufeff地區(qū)生產(chǎn)總值\r\n增長18%\r\n".encode())
    clean = tmp_path / "clean.txt"
    assert _run(report, "-o", clean).returncode == 0
    assert clean.read_bytes() == "\ufeff地區生產總值\r\n增長18%\r\n".encode()


def test_apply_edits_rejects_overlaps() -> None:
    assert apply_edits("abcdef", [(1, 2, "X"), (4, 6, "")]) == "aXcd"
    with pytest.raises(ValueError):
        apply_edits("abcdef", [(1, 4, ""), (3, 5, "")])


def test_repaired_leaves_clean_text_alone() -> None:
    text = "全市地區生產總值增長18%,干部群眾幹勁十足。\n"
    assert repaired(text)[0] == text
