"""A relation two genre rules both read (其中 and its two halves, a breakdown by 经营地) is one finding, not two:
the editor sees the error once, at the more certain reading. Sentences written for this test."""

from __future__ import annotations

from laibin_check import check_text

TEXT = "1-10月，全省进出口总值6843.2亿元，同比增长3.8%。其中，出口4512.9亿元，增长6.2%；进口2033.3亿元，下降1.1%。"


def test_one_relation_one_finding() -> None:
    errors = [r for r in check_text(TEXT) if r["severity"] == "error"]
    assert len(errors) == 1, errors
    assert "4512.9亿元 + 2033.3亿元" in str(errors[0]["message"])


def test_every_relation_once() -> None:
    records = check_text(TEXT)
    keys = [(r["message"], r["line"], r["column"]) for r in records]
    assert len(keys) == len(set(keys)), keys
