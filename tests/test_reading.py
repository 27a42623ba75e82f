"""Reading as a statistician reads: the reading test set (tests/data/reading), Chinese numerals against cn2an, signs
in facts files, and one artifact shape for hygiene and quotes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laibin_check.figures import scan_figures
from laibin_check.numbers import parse_chinese_numeral, parse_printed
from reading_format import reading_of

DATA = Path(__file__).resolve().parent / "data" / "reading"
CASES = [case for f in sorted(DATA.glob("*.toml")) for case in tomllib.loads(f.read_text("utf-8"))["case"]]


def test_the_set_is_large_enough() -> None:
    assert sum(len(c["read"]) for c in CASES) >= 300


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:12] for c in CASES])
def test_every_number_token_is_read_right(case: dict[str, object]) -> None:
    text = str(case["text"])
    mentions = scan_figures(text)
    assert [reading_of(m) for m in mentions] == case["read"]
    for digits in re.finditer(r"\d+", text):  # every Arabic number is a token of the set
        assert any(m.start <= digits.start() < m.end or m.phrase_start <= digits.start() < m.phrase_end
                   for m in mentions), digits.group()


# -- Chinese numerals, with cn2an (a test dependency only) as the oracle ------------------------------------------
_DIGITS = "一二三四五六七八九"


@st.composite
def numerals(draw: st.DrawFn) -> str:
    """Numerals as statistics texts write them: positional with 零, optional 萬 sections, and the abbreviated last
    digit (一萬二, 三千五, 一百二)."""
    def section(top: int) -> str:
        places = [("千", 1000), ("百", 100), ("十", 10), ("", 1)]
        out, gap = "", False
        started = False
        for word, value in places:
            if value > top:
                continue
            d = draw(st.integers(0, 9))
            if d == 0:
                gap = started
                continue
            if gap:
                out += "零"
                gap = False
            out += _DIGITS[d - 1] + word
            started = True
        return out or "一"

    head = section(1000)
    if draw(st.booleans()):
        tail = section(1000)
        if draw(st.booleans()) and len(tail) == 2 and tail[1] == "千":
            return head + "萬" + tail[0]  # 一萬二
        thousands = len(tail) >= 2 and tail[1] == "千"
        return head + "萬" + ("" if thousands else "零") + tail  # 一萬零五百, 三萬四千
    if draw(st.booleans()) and len(head) == 2 and head[1] in "千百":
        return head + draw(st.sampled_from(_DIGITS))  # 三千五, 一百二
    return head


@settings(max_examples=300, deadline=None, derandomize=True)
@given(numerals())
def test_chinese_numerals_agree_with_cn2an(text: str) -> None:
    import cn2an

    assert parse_chinese_numeral(text) == cn2an.cn2an(text, "smart")


@pytest.mark.parametrize(("text", "value"), [
    ("一萬二", 12000), ("三千五", 3500), ("一百二", 120), ("兩萬三千五", 23500), ("一百零二", 102), ("倆", 2),
    ("〇", 0), ("一億二", 120_000_000), ("十二", 12),
])
def test_abbreviated_numerals(text: str, value: int) -> None:
    assert parse_chinese_numeral(text) == value


def test_chinese_decimal_and_signs() -> None:
    assert parse_printed("二點五").number * 2 == 5
    assert parse_printed("−19.4").number < 0 and parse_printed("－0.5").number < 0


# -- one artifact shape ----------------------------------------------------------------------------------------------
def test_a_flagged_artifact_is_dropped_for_quotes() -> None:
    from laibin_check.hygiene.artifacts import find_artifacts
    from laibin_check.report import ReportText

    text = "全區(qu1)生產總值增長5%。"
    assert [a.syllable for a in find_artifacts(text)] == ["qu1"]
    assert ReportText.from_string(text).find("全區生產總值增長5%")
