"""ReportText: reading in every encoding a newsroom sends, and finding quotes despite the report's defects."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laibin_check.errors import InputError
from laibin_check.report import ReportText, decode_report, normalise

LAIBIN = Path(__file__).resolve().parents[1] / "facts" / "laibin-2021q1" / "report.txt"
TRAD = "來賓市地區生產總值167.14億元，同比增長18%，增速排全區第四位。收集企業問題380多個，已解決316個。"
SIMP = "来宾市地区生产总值167.14亿元，同比增长18%，增速排全区第四位。收集企业问题380多个，已解决316个。"


def _write(tmp_path: Path, data: bytes) -> ReportText:
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    return ReportText.read(path, "report.txt")


@pytest.fixture(scope="module")
def laibin() -> ReportText:
    return ReportText.read(LAIBIN, "facts/laibin-2021q1/report.txt")


# -- matching
# --------------------------------------------------------------------------------------------------

def test_quote_matches_with_and_without_artifacts(laibin: ReportText) -> None:
    with_artifacts = laibin.find("地區(qū)生產(chǎn)總值167.14億元")
    without = laibin.find("地區生產總值167.14億元")
    assert len(with_artifacts) == len(without) == 1
    assert with_artifacts == without
    span = without[0]
    # The span points at the original characters, artifacts included.
    assert laibin.text[span.start:span.end] == "地區(qū)生產(chǎn)總值167.14億元"
    assert (span.line, span.column) == (1, 13)


def test_quote_matches_in_simplified_script(laibin: ReportText) -> None:
    spans = laibin.find("来宾市地区生产总值167.14亿元")
    assert len(spans) == 1
    assert laibin.text[spans[0].start:spans[0].end].startswith("來賓市地區(qū)")


def test_quote_matches_across_scripts_and_widths() -> None:
    simplified = ReportText.from_string(SIMP)
    traditional = ReportText.from_string(TRAD)
    assert len(simplified.find("已解決316個")) == 1
    assert len(traditional.find("已解决316个")) == 1
    assert len(traditional.find("已解決３１６個")) == 1  # full-width digits in the quote
    assert len(traditional.find("增長18%,增速")) == 1  # half-width comma against the report's full-width one
    corner = ReportText.from_string("實行「三張清單」管理")
    assert len(corner.find("實行“三張清單”管理")) == 1


def test_quote_occurring_twice_is_found_twice(laibin: ReportText) -> None:
    spans = laibin.find("排全區第一位")
    assert [s.line for s in spans] == [1, 1]
    assert spans[0].start < spans[1].start
    assert laibin.find("no such quote") == []
    assert laibin.find("") == []


def test_offsets_map_back_when_a_conversion_changes_nothing_else() -> None:
    text = ReportText.from_string("第一行\n總投資９００億元")
    [span] = text.find("900亿元")
    assert (span.line, span.column, span.end_column) == (2, 4, 9)
    assert text.text[span.start:span.end] == "９００億元"


def test_normalise_folds_script_width_and_artifacts() -> None:
    assert normalise("地區(qū)１６７．１４億元") == "地区167.14亿元"


def test_sentence_at(laibin: ReportText) -> None:
    [span] = laibin.find("問題辦結率83.4%")
    assert laibin.sentence_at(span.start, span.end).endswith("效率明顯提高。")


# -- encodings
# ---------------------------------------------------------------------------------------------------

def test_utf8_with_and_without_bom(tmp_path: Path) -> None:
    plain = _write(tmp_path, TRAD.encode("utf-8"))
    assert plain.encoding == "utf-8" and plain.text == TRAD
    bom = _write(tmp_path, codecs.BOM_UTF8 + TRAD.encode("utf-8"))
    assert bom.encoding == "utf-8-sig" and bom.text == TRAD
    assert bom.sha256 != plain.sha256  # the fingerprint is over the raw bytes


def test_gbk_is_read_as_gb18030(tmp_path: Path) -> None:
    report = _write(tmp_path, SIMP.encode("gbk"))
    assert report.encoding == "gb18030"
    assert report.text == SIMP
    assert len(report.find("已解决316个")) == 1


def test_gbk_traditional_text_is_read_too(tmp_path: Path) -> None:
    report = _write(tmp_path, TRAD.encode("gbk"))
    assert report.encoding == "gb18030" and report.text == TRAD


def test_big5_is_detected(tmp_path: Path) -> None:
    report = _write(tmp_path, TRAD.encode("big5"))
    assert report.encoding == "big5"
    assert report.text == TRAD
    assert len(report.find("已解决316个")) == 1


def test_utf16_with_bom(tmp_path: Path) -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        report = _write(tmp_path, bom + TRAD.encode(encoding))
        assert report.encoding == "utf-16"
        assert report.text == TRAD


def test_utf16_without_bom_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="without a byte-order mark"):
        _write(tmp_path, TRAD.encode("utf-16-le"))


def test_undecidable_bytes_are_refused_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        _write(tmp_path, bytes(range(0x80, 0x100)) * 4)
    message = str(info.value)
    assert message.startswith("report.txt")
    assert "\n" not in message


def test_ambiguous_legacy_encoding_is_refused() -> None:
    # Two bytes that decode to a common character in both GB18030 and Big5 cannot be told apart.
    data = "中".encode("big5")
    gb = data.decode("gb18030")
    if gb == data.decode("big5"):
        pytest.skip("no ambiguity for this pair")
    try:
        text, encoding = decode_report(data, "x.txt")
    except InputError as exc:
        assert "save it as UTF-8" in str(exc)
    else:
        assert encoding in ("big5", "gb18030") and text


def test_empty_report_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="report is empty"):
        _write(tmp_path, b"")
    with pytest.raises(InputError, match="report is empty"):
        _write(tmp_path, codecs.BOM_UTF8 + b" \n\n")


def test_missing_report_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        ReportText.read(tmp_path / "nope.txt", "nope.txt")


def test_invalid_utf16_points_at_line_and_column(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "第一行\n第二".encode("utf-16-le") + b"\x00\xd8"  # a lone high surrogate
    with pytest.raises(InputError) as info:
        _write(tmp_path, data)
    assert info.value.line == 2


def test_a_character_met_for_the_first_time_is_simplified_in_that_very_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The translate table learns characters as texts bring them (report._Simplified): the text that brings a new
    one is translated again once it is learnt, and a failed conversion leaves nothing half-learnt."""
    from laibin_check import report, zhconv

    rare = "龜鬱"  # characters no other test normalises first
    for ch in rare:
        report._T2S.pop(ord(ch), None)

    def broken(_name: str) -> object:
        raise RuntimeError("converter failed")

    monkeypatch.setattr(zhconv, "converter", broken)
    with pytest.raises(RuntimeError):
        report.normalise_with_offsets("甲" + rare)
    assert all(ord(ch) not in report._T2S for ch in rare) and not report._T2S.new
    monkeypatch.undo()
    text = f"x{rare}y{rare}"
    out, offsets = report.normalise_with_offsets(text)
    assert out == "x龟郁y龟郁"
    assert offsets == [0, 1, 2, 3, 4, 5, 6]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet="區产A1(（)）qūu5 \n𠀋㐀", max_size=40))
def test_artifacts_are_the_shape_right_after_a_cjk_character(text: str) -> None:
    """chars.artifacts asks the regex engine for the CJK character before the parenthesis: it finds exactly the
    shape's matches that follow one (the definition the normalisation and the hygiene check share)."""
    from laibin_check.chars import ARTIFACT_SHAPE, artifacts, is_cjk

    expected = [m.span() for m in ARTIFACT_SHAPE.finditer(text) if m.start() and is_cjk(text[m.start() - 1])]
    assert [m.span() for m in artifacts(text)] == expected


def test_checking_a_report_leaves_the_shared_one_byte_objects_intact(tmp_path: Path) -> None:
    """CPython shares one object per one-byte bytes value. A compiled Fraction once tried (quicktions 1.24) wrote
    the digit of a one-character string it parsed into b'\\x00' (pint parses "1"), and the next GB18030 report in
    the same process then looked like UTF-16: the check of the bundled report must leave all 256 as they are."""
    from laibin_check import engine

    root = Path(__file__).resolve().parents[1]
    engine.check_folder((root / "facts" / "laibin-2021q1", engine.Settings()))
    assert [bytes([i])[0] for i in range(256)] == list(range(256))
    assert _write(tmp_path, "來賓市地區生產總值167.14億元。".encode("gb18030")).encoding == "gb18030"
