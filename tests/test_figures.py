"""The figure scanner: every Arabic figure, Chinese numerals that count or measure, never names or idioms."""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laibin_check.figures import Mention, claimable, find_value, scan_figures, scan_report
from laibin_check.report import ReportText

ROOT = Path(__file__).resolve().parents[1]
LAIBIN = ROOT / "facts" / "laibin-2021q1" / "report.txt"


@pytest.fixture(scope="module")
def laibin() -> tuple[str, list[Mention]]:
    text = LAIBIN.read_text(encoding="utf-8")
    return text, scan_figures(text)


def _figures(mentions: list[Mention], text: str) -> list[str]:
    return [text[m.phrase_start:m.phrase_end] for m in mentions if m.kind in ("figure", "rank", "record")]


def test_every_arabic_digit_in_laibin_is_a_mention(laibin: tuple[str, list[Mention]]) -> None:
    text, mentions = laibin
    for match in re.finditer(r"\d+", text):
        assert any(m.start <= match.start() < m.end for m in mentions), (match.group(), match.start())
    assert all(m.needs_claim for m in mentions if not m.chinese)


def test_laibin_chinese_figures_found(laibin: tuple[str, list[Mention]]) -> None:
    text, mentions = laibin
    phrases = _figures(mentions, text)
    for expected in ("三張", "三單", "第四位", "第二位", "第一位", "第三位", "十年", "一個"):
        assert expected in phrases, expected
    ranks = [m for m in mentions if m.kind == "rank"]
    assert [m.value for m in ranks] == ["四", "二", "一", "一", "四", "三", "四", "2", "2"]
    records = [m for m in mentions if m.kind == "record"]
    assert [m.value for m in records] == ["11", "十"]  # 近N年 is "the recent N years": no qualifier


def test_laibin_names_slogans_and_idioms_are_not_figures(laibin: tuple[str, list[Mention]]) -> None:
    text, mentions = laibin
    claimed = [m for m in claimable(mentions) if m.chinese]
    for name in ("十四五", "兩高一超", "三江口", "一對一", "一對多", "一言以蔽之", "一個個", "一批批",
                 "一項項", "一名", "一面", "一線", "一季度", "四上", "二期", "第一書記", "零跑腿", "兩新",
                 "一體化"):
        occurrences = [mt.start() for mt in re.finditer(re.escape(name), text)]
        assert occurrences, name
        for at in occurrences:
            assert not any(at <= m.start < at + len(name) for m in claimed), (name, at)
    slogans = {m.text for m in mentions if m.reason == "slogan"}
    assert {"十四五", "兩高一超", "一對一", "四上"} <= slogans
    names = {m.text for m in mentions if m.kind == "name" and not m.chinese}
    assert names == {"2+6", "1+1>2", "1+8"}
    dates = {text[m.phrase_start:m.phrase_end] for m in mentions if m.kind == "date"}
    assert dates == {"2021年", "2020年"}


def test_qualifiers_magnitudes_and_units() -> None:
    text = ("收集問題380多個,新增工業總產值30多億元,年產80萬噸,增長95.3%,超過增長28%目標任務67.3個百分點;"
            "接待遊客近800萬人次,新增就業1.2萬餘人,突破1.2萬億元,增長10%左右,七成以上,是上年的2.3倍,"
            "逾200家,約六成,百分之三十")
    by_value = {m.value: m for m in scan_figures(text)}
    assert by_value["380多"].unit == "個" and by_value["380多"].qualifier == "多"
    assert by_value["30多"].unit == "億元"
    assert by_value["80"].unit == "萬噸"
    assert by_value["67.3"].unit == "個百分點"
    assert by_value["近800"].unit == "萬人次" and by_value["近800"].qualifier == "近"
    assert by_value["1.2餘"].unit == "萬人"
    assert by_value["突破1.2"].unit == "萬億元"
    assert by_value["10左右"].unit == "%"
    assert by_value["七以上"].unit == "成"
    assert by_value["2.3"].unit == "倍"
    assert by_value["逾200"].unit == "家"
    assert by_value["約六"].unit == "成"
    assert by_value["三十"].unit == "%"


def test_one_is_a_figure_only_as_rank_fraction_or_distributive_count() -> None:
    text = "排全區第一位,增長一倍,一成企業,分別組建一個同盟,一個個企業,一名黨員就是一面旗幟,統一思想,第一書記"
    values = [(m.value, m.kind) for m in claimable(scan_figures(text))]
    assert values == [("一", "rank"), ("一", "figure"), ("一", "figure"), ("一", "figure")]


def test_full_width_digits_and_separators() -> None:
    [m] = [m for m in scan_figures("總投資９００億元,個體戶1,236戶") if m.unit == "億元"]
    assert m.number == "900" and m.text == "９００"
    [n] = [m for m in scan_figures("個體戶1,236戶") if m.unit == "戶"]
    assert n.number == "1236"


def test_codes_dates_and_hotlines_are_names_or_dates() -> None:
    mentions = scan_figures("推進5G基站建設,撥打12345熱線,3月15日,2019-2021年,1-3月")
    kinds = {m.text: m.kind for m in mentions}
    assert kinds["5G"] == "name" and kinds["12345"] == "name"
    assert kinds["3"] == "date" and kinds["15"] == "date" and kinds["2019"] == "date"


def test_a_figure_right_after_a_measure_acronym_is_a_figure() -> None:
    mentions = scan_figures("運城GDP1643億元，人均GDP3.44萬元；G72高速，PM2.5濃度")
    kinds = {m.text: m.kind for m in mentions}
    assert kinds["3.44"] == "figure" and kinds["1643"] == "figure"
    assert kinds["G72"] == "name" and kinds["PM2.5"] == "name"


def test_same_mentions_in_simplified_and_traditional(laibin: tuple[str, list[Mention]]) -> None:
    text, mentions = laibin
    simplified = opencc.OpenCC("t2s").convert(text)
    assert len(simplified) == len(text)
    other = scan_figures(simplified)
    assert [(m.value, m.kind, m.start) for m in claimable(other)] == [
        (opencc.OpenCC("t2s").convert(m.value), m.kind, m.start) for m in claimable(mentions)]


def test_other_reports_scan_cleanly() -> None:
    for name in ("qingchuan-2022h1", "nanxi-2023q1"):
        text = (ROOT / "tests" / "data" / "reports" / f"{name}.txt").read_text(encoding="utf-8")
        mentions = scan_figures(text)
        for match in re.finditer(r"[\d０-９]+", text):
            assert any(m.start <= match.start() < m.end for m in mentions), (name, match.group())


def test_find_value_inside_a_quote() -> None:
    report = ReportText.from_string("收集問題380多個,已解決316個,問題辦結率83.4%。")
    [quote] = report.find("收集問題380多個")
    found = find_value(report, quote, "380多")
    assert found is not None and found.text == "380多"
    assert find_value(report, quote, "380") is None  # the qualifier is part of the claim
    [solved] = report.find("已解決316個")
    assert find_value(report, solved, "31") is None
    assert scan_report(report) is scan_report(report)  # computed once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789０１.%,、多餘近超過約萬億元個成倍第位年月日一二三四十百兩“”()qū",
               max_size=40))
def test_scanner_never_fails_and_spans_stay_inside(text: str) -> None:
    for m in scan_figures(text):
        assert 0 <= m.start <= m.end <= len(text)
        assert m.phrase_start <= m.start and m.end <= m.phrase_end <= len(text)
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("text", "figure"), [("簽約項目近百個", "近百"), ("近千家企業", "近千"), ("逾萬人", "逾萬")])
def test_a_qualified_bare_hundred_or_thousand_is_a_figure(text: str, figure: str) -> None:
    assert [m.text for m in scan_figures(text)] == [figure]


@pytest.mark.parametrize("text", ["百姓生活", "千家萬戶", "老百姓", "千萬不要"])
def test_a_bare_hundred_or_thousand_in_a_word_is_not(text: str) -> None:
    assert scan_figures(text) == []


@pytest.mark.parametrize("text", ["臺南市政府今（15）日公布", "市政府今(3)日召開會議"])
def test_the_day_of_a_press_release_is_a_date(text: str) -> None:
    assert [m.kind for m in scan_figures(text)] == ["date"]


@pytest.mark.parametrize(("text", "read"), [
    # List marks at the start and after a stop; a number right after a CJK character or a point is no list mark.
    ("1、收入增長5%。（2）支出3億元；3.利潤2.5萬元",
     [("1、", "ordinal"), ("5", ""), ("2）", "ordinal"), ("3", ""), ("3.", "ordinal"), ("2.5", "")]),
    ("1、2、3月營收增長4.5%，4季度增長5%",
     [("1", "period"), ("2", "period"), ("3", "period"), ("4.5", ""), ("4", "period"), ("5", "")]),
    ("全市16-24歲人口30萬，60歲及以上人口12萬", [("16", "group"), ("24", "group"), ("30", ""), ("60", "group"),
                                            ("12", "")]),
    ("市場價12.5.3元，1,234.5萬元和1,23個", [("12.5", ""), ("1,234.5", ""), ("1", ""), ("23", "")]),
])
def test_labels_and_numbers_start_where_a_digit_run_starts(text: str, read: list[tuple[str, str]]) -> None:
    # The number and label patterns open with the digit and look behind it (figures._ARABIC): a number starts only
    # where no digit or point stands before it, a list mark only at a line's start or after a stop.
    assert [(m.text, m.reason) for m in scan_figures(text)] == read
