"""Garbled text (LC302): the Laibin spans, the repair search on made-up damage, and when it gives up."""

from __future__ import annotations

from pathlib import Path

import pytest

from laibin_check.hygiene import check
from laibin_check.hygiene.redecode import search
from laibin_check.report import ReportText

ROOT = Path(__file__).parent.parent
LAIBIN = ROOT / "facts" / "laibin-2021q1" / "report.txt"
DATA = Path(__file__).parent / "data" / "hygiene"


def _garbled(path: Path) -> list[tuple[int, int, str, str | None]]:
    report = ReportText.read(path, path.name)
    return [(f.line, f.column, f.quote, f.suggestion) for f in check(report, "t") if f.code == "LC302"]


def test_laibin_paragraph_two_is_repaired() -> None:
    found = _garbled(LAIBIN)
    line, column, quote, suggestion = found[0]
    assert (line, quote, suggestion) == (2, "?qū)嵤┲卮箜椖拷ㄔO", "實施重大項目建設")
    text = LAIBIN.read_text(encoding="utf-8").split("\n")[line - 1]
    assert text[column - 1 : column - 1 + len(quote)] == quote
    repaired = text.replace(quote, suggestion).replace("(shè)", "", 1)
    assert "有序實施重大項目建設、持續" in repaired


def test_laibin_second_span_is_found_but_not_guessed() -> None:
    # Paragraph 17 holds a second span made the same way (發展潛力的兩新組織 read one byte late); the
    # character whose first byte was lost fits several ways, and the report writes none of them before 力.
    found = _garbled(LAIBIN)
    assert len(found) == 2
    assert found[1][:3] == (17, 156, "?jié)摿Φ膬尚陆M") and found[1][3] is None
    report = ReportText.read(LAIBIN, "r")
    finding = [f for f in check(report, "t") if f.code == "LC302"][1]
    assert dict(finding.extra)["partial"] == "?力的兩新組"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("garbled-utf8-as-gbk.txt", [
            (1, 12, "绋充腑姹傝繘", "稳中求进"),
            (1, 19, "鍏ㄥ姏鎺ㄨ繘", "全力推进"),
        ]),
        ("garbled-utf8-as-gbk-traditional.txt", [(1, 18, "瀵︽柦閲嶅ぇ闋呯洰寤鸿ō", "實施重大項目建設")]),
        ("garbled-gbk-offset.txt", [(1, 7, "?卮箜椖客顿Y", "重大項目投資")]),
        ("garbled-junk.txt", [(1, 20, "╳┲ㄔ╳┲ㄔ╳", None)]),
    ],
)
def test_made_up_damage(name: str, expected: list[tuple[int, int, str, str | None]]) -> None:
    assert _garbled(DATA / name) == expected


@pytest.mark.parametrize("name", [*sorted(p.name for p in DATA.glob("clean-*.txt")), "deliberate-pinyin.txt"])
def test_no_garbled_text_in_clean_reports(name: str) -> None:
    assert _garbled(DATA / name) == []


def test_a_question_mark_ending_a_question_is_not_garbling() -> None:
    report = ReportText.from_string("這些措施見效了嗎?從數據看,答案是肯定的。\n")
    assert check(report, "t") == []


def test_repair_reads_in_the_reports_script() -> None:
    # UTF-8 of simplified text read as GBK, inside a traditional report: the repair is written traditional.
    moji = "实施重大项目建设".encode()[:18].decode("gbk")
    report = ReportText.from_string(f"來賓市有序{moji}項目,實施重大項目建設三年行動,持續推進。\n")
    suggestions = [f.suggestion for f in check(report, "t") if f.code == "LC302"]
    assert suggestions == ["實施重大項目"]


def test_search_gives_up_on_readings_foreign_to_the_report() -> None:
    # Box drawing re-read as Big5 gives 拄拄拄肓肓肓: common characters all, but none this report uses.
    assert search("┲┲┲╳╳╳", False, "一季度,全區工業增加值增長12.3%。").repair is None
    assert search("┲┲┲╳╳╳", False, "拄肓").repair is not None
