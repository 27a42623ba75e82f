"""Mixed scripts (LC303): a converter's one-to-many mistakes found, clean text of either script let be."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from laibin_check.hygiene import check
from laibin_check.hygiene.scripts import ACCEPTED_IN_TRADITIONAL, converter, dominant_script, mismatches
from laibin_check.report import ReportText

ROOT = Path(__file__).parent.parent
LAIBIN = ROOT / "facts" / "laibin-2021q1" / "report.txt"
DATA = Path(__file__).parent / "data" / "hygiene"


def _mixed(report: ReportText) -> list[tuple[str, str | None]]:
    return [(f.quote, f.suggestion) for f in check(report, "t") if f.code == "LC303"]


def test_laibin_mistakes_are_reported_with_the_character_to_write() -> None:
    report = ReportText.read(LAIBIN, "r")
    found = [f for f in check(report, "t") if f.code == "LC303"]
    pairs = {(f.quote, f.suggestion) for f in found}
    assert {("干", "幹"), ("斗", "鬥"), ("制", "製"), ("并", "並"), ("后", "後"), ("范", "範")} <= pairs
    assert len(found) == 38
    first = found[0]  # 其中制(zhì)造業: the artifact between 制 and 造 does not hide the phrase
    assert (first.line, first.column, first.quote, first.suggestion) == (1, 89, "制", "製")
    assert all(f.quote != "陆" for f in found)  # inside the garbled span: that is LC302's business
    assert len({f.key for f in found}) == len(found)


@pytest.mark.parametrize("name", [*sorted(p.name for p in DATA.glob("clean-*.txt")), "deliberate-pinyin.txt"])
def test_clean_reports_have_no_finding_at_all(name: str) -> None:
    report = ReportText.read(DATA / name, name)
    assert check(report, "t") == []


@pytest.mark.parametrize(("name", "script"), [
    ("clean-simplified-1.txt", "simplified"), ("clean-simplified-2.txt", "simplified"),
    ("clean-traditional-1.txt", "traditional"), ("clean-traditional-2.txt", "traditional"),
    ("clean-traditional-3.txt", "traditional"),
])
def test_dominant_script(name: str, script: str) -> None:
    assert dominant_script((DATA / name).read_text(encoding="utf-8")) == script


def _dominant_by_character(text: str) -> str:
    """The rule as written, one character at a time: U+3400 and above, GB 2312 but not Big5 is simplified,
    Big5 but not GB 2312 traditional; the script with more occurrences wins."""
    counts = {"traditional": 0, "simplified": 0}
    for ch in text:
        if ch >= "\u3400":
            gb, big5 = bool(ch.encode("gb2312", "ignore")), bool(ch.encode("big5", "ignore"))
            if gb != big5:
                counts["simplified" if gb else "traditional"] += 1
    if counts["traditional"] == counts["simplified"]:
        return "unknown"
    return max(counts, key=counts.__getitem__)


def test_dominant_script_counted_by_encoding_is_the_rule_by_character() -> None:
    # dominant_script counts by encoding the whole text in C; punctuation below U+3400 that only one of the
    # codecs holds (•, ‧, ·, §) must not count, a lone surrogate or an Extension B character counts for neither.
    rng = random.Random(11)
    pieces = ("來賓区區发發干幹台臺后後里裡•‧—…“”、。·§°±×÷\u3400\u4dbf\U00020000\ud800aZ9 \n，"
              + "".join(chr(rng.randint(0x80, 0x9FFF)) for _ in range(300)))
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        assert dominant_script(text) == _dominant_by_character(text), repr(text)
        assert dominant_script(text, set(text)) == dominant_script(text)
    laibin = LAIBIN.read_text(encoding="utf-8")
    assert dominant_script(laibin) == _dominant_by_character(laibin) == "traditional"


@pytest.mark.parametrize(("text", "expected"), [
    ("黨員和干部奮斗在製造業第一線,發揮了戰斗堡壘作用。", [("干", "幹"), ("斗", "鬥"), ("斗", "鬥")]),
    ("全市干涉、干擾企業經營的行為一律查處,產品質量。", []),
    ("这些企业的發展很快,经济总量不断扩大。", [("發", "发")]),
])
def test_mixed_script(text: str, expected: list[tuple[str, str]]) -> None:
    assert _mixed(ReportText.from_string(text)) == expected


def test_lean_s2t_agrees_with_opencc() -> None:
    import opencc

    full = opencc.OpenCC("s2t")
    for path in [LAIBIN, *sorted(DATA.glob("clean-*.txt"))]:
        simplified = converter("t2s").convert(path.read_text(encoding="utf-8"))
        assert converter("s2t").convert(simplified) == full.convert(simplified), path.name


def test_checking_never_imports_pypinyin() -> None:
    # Importing pypinyin costs ~200 ms; its data is read as a file instead.
    code = (
        "import sys; from pathlib import Path; from laibin_check.report import ReportText; "
        "from laibin_check.hygiene import check; "
        f"check(ReportText.read(Path({str(LAIBIN)!r}), 'r'), 'r'); "
        "assert 'pypinyin' not in sys.modules, 'pypinyin imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _whole_text_mismatches(text: str) -> list[tuple[int, str, str]]:
    """The traditional check done the plain way, on the whole text converted four times: the oracle for the
    piecewise conversion `mismatches` does."""
    simplified = converter("t2s").convert(text)
    traditional = converter("s2t").convert(simplified)
    taiwan, hong_kong = converter("t2tw").convert(traditional), converter("t2hk").convert(traditional)
    return [(i, a, traditional[i]) for i, a in enumerate(text)
            if a != traditional[i] and a == simplified[i] and a not in ACCEPTED_IN_TRADITIONAL
            and a not in (taiwan[i], hong_kong[i])]


def test_piecewise_conversion_finds_what_the_whole_text_does() -> None:
    rng = random.Random(11)
    laibin = LAIBIN.read_text(encoding="utf-8")
    texts = [laibin, *(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("clean-*.txt")))]
    # Traditional text with simplified characters left here and there, cut anywhere (pieces at the text's ends).
    simplified = converter("t2s").convert(laibin)
    traditional = converter("s2t").convert(simplified)
    for share in (0.05, 0.3, 0.9):
        mixed = "".join(s if rng.random() < share else t for s, t in zip(simplified, traditional, strict=True))
        texts += [mixed, mixed[rng.randrange(50):-rng.randrange(1, 50)]]
    texts += ["干部", "。干部", "干部。", "\n\n", "党员和干部奋斗", "黨員和干部,奮斗在一線;干一行"]
    total = 0
    for text in texts:
        found = [(m.index, m.char, m.expected) for m in mismatches(text, "traditional")]
        assert found == _whole_text_mismatches(text), text[:40]
        total += len(found)
    assert total > 500  # the mixtures hold many: the comparison is not between two empty lists
