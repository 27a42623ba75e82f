"""Converter artifacts (LC301) on the Laibin report, on deliberate pinyin, and the reading rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from laibin_check.hygiene import check
from laibin_check.hygiene.artifacts import find_artifacts
from laibin_check.hygiene.readings import is_reading, normalise, readings
from laibin_check.report import ReportText

ROOT = Path(__file__).parent.parent
LAIBIN = ROOT / "facts" / "laibin-2021q1" / "report.txt"
DATA = Path(__file__).parent / "data" / "hygiene"

# Counted by hand in the report: the parentheses that are prose, not pinyin. (市、區(qū)) holds an artifact
# inside a real parenthetical.
REAL_PARENTHETICALS = {"(市、區(qū))": 2, "(象州)": 1, "(項目)": 3}

# Every (character, syllable) pair the converter left, read off the report and checked against a dictionary by
# hand. O(shè) is the 設 of the garbled span in paragraph 2: the garbling ate the character, not its pinyin.
HAND_CHECKED = (
    "O(shè) 優(yōu) 創(chuàng) 務(wù) 區(qū) 協(xié) "
    "導(dǎo) 態(tài) 戰(zhàn) 數(shù) 業(yè) 構(gòu) "
    "標(biāo) 準(zhǔn) 現(xiàn) 環(huán) 產(chǎn) 當(dāng) "
    "發(fā) 礎(chǔ) 穩(wěn) 節(jié) 結(jié) 統(tǒng) "
    "經(jīng) 續(xù) 聯(lián) 規(guī) 設(shè) 認(rèn) "
    "調(diào) 責(zé) 質(zhì) 轉(zhuǎn) 農(nóng) 鄉(xiāng) "
    "鎮(zhèn) 關(guān) 領(lǐng) 風(fēng) 養(yǎng) 驅(qū) "
).split()

_PINYIN_PAREN = re.compile(r"\(([a-zà-ǜ]+)\)")


@pytest.fixture(scope="module")
def laibin() -> ReportText:
    return ReportText.read(LAIBIN, "facts/laibin-2021q1/report.txt")


def test_every_artifact_found_at_its_place(laibin: ReportText) -> None:
    text = laibin.text
    expected = [laibin.place(m.start()) for m in _PINYIN_PAREN.finditer(text)]
    assert len(expected) == text.count("(") - sum(REAL_PARENTHETICALS.values()) == 356
    found = [f for f in check(laibin, "laibin-2021q1") if f.code == "LC301"]
    assert [(f.line, f.column) for f in found] == expected
    lines = text.split("\n")
    for f in found:
        assert lines[f.line - 1][f.column - 1 : f.end_column - 1] == f.quote
        assert f.suggestion == ""
        assert f.severity == "warning"


def test_pairs_match_the_hand_checked_list(laibin: ReportText) -> None:
    pairs = {f"{laibin.text[m.start() - 1]}({m.group(1)})" for m in _PINYIN_PAREN.finditer(laibin.text)}
    assert pairs == set(HAND_CHECKED)


def test_no_real_parenthetical_is_reported(laibin: ReportText) -> None:
    found = [f for f in check(laibin, "laibin-2021q1") if f.code == "LC301"]
    for paren, count in REAL_PARENTHETICALS.items():
        starts = [m.start() for m in re.finditer(re.escape(paren), laibin.text)]
        assert len(starts) == count
        for start in starts:
            line, column = laibin.place(start)
            assert not any(f.line == line and f.column == column for f in found)
    assert all(f.quote not in ("(象州)", "(項目)") for f in found)


def test_keys_count_each_pair(laibin: ReportText) -> None:
    found = [f for f in check(laibin, "laibin-2021q1") if f.code == "LC301"]
    keys = [f.key for f in found]
    assert len(set(keys)) == len(keys)
    assert keys[0] == "區(qū)#1" and "區(qū)#3" in keys
    assert next(f for f in found if f.key == "設(shè)#1").line == 2  # the one after the repaired span


def test_deliberate_pinyin_is_not_an_artifact() -> None:
    report = ReportText.read(DATA / "deliberate-pinyin.txt", "deliberate-pinyin.txt")
    assert check(report, "t") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("地區(qū)生產(chǎn)", ["區(qū)", "產(chǎn)"]),
        ("地區(qu)", ["區(qu)"]),  # toneless: any tone of the same letters
        ("綠(lǜ)色 綠(lv4)色", ["綠(lǜ)", "綠(lv4)"]),
        ("地區\uff08qū\uff09", ["區\uff08qū\uff09"]),  # full-width parentheses
        ("地區(qǔ)", []),  # not a tone 區 has
        ("來賓(Laibin)", []),  # a capitalised romanisation
        ("拼音(pīnyīn)", []),  # several syllables: a gloss of the word
        ("東融(dōngróng)", []),
        ("(市、區)", []),
        ("重大項目(項目)", []),
        ("增長(zeng)", []),  # a syllable, but not 長's
        ("x(shè)", []),  # nothing CJK before it
    ],
)
def test_artifact_rules(text: str, expected: list[str]) -> None:
    assert [text[a.start - 1 : a.end] for a in find_artifacts(text)] == expected


def test_normalise() -> None:
    assert normalise("qū") == ("qu", 1)
    assert normalise("lv4") == ("lü", 4)
    assert normalise("lǜ") == ("lü", 4)
    assert normalise("de") == ("de", 0)


def test_readings_come_from_pypinyin() -> None:
    from pypinyin.pinyin_dict import pinyin_dict

    for ch in "區產業一〇乐":
        assert readings(ch) == tuple(pinyin_dict[ord(ch)].split(","))
    assert readings("A") == ()


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0x4E00, max_value=0x9FA5))
@example(0x6B38)  # 欸: readings ế and ề are precomposed letters (found by this test on a clean clone)
def test_every_reading_of_a_character_is_an_artifact(code: int) -> None:
    ch = chr(code)
    for reading in readings(ch):
        text = f"在{ch}({reading})中"
        found = find_artifacts(text)
        assert len(found) == 1 and found[0].char == ch
        assert is_reading(ch, reading)
