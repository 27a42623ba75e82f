"""Cost that grows linearly with the work: quote search by index, and the steps that used to be quadratic."""

from __future__ import annotations

import random

import pytest

from laibin_check import report as report_module
from laibin_check.report import ReportText


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
