"""The `json` reporter: versioned, complete (passing checks too), stable key order, UTF-8 as is."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures_gate import sample_result
from laibin_check.reporters import RenderOptions, get, jsonstream


def render(show: str = "info") -> str:
    return get("json").render(sample_result(), RenderOptions(show=show))


def test_golden(golden: Callable[[str, str], None]) -> None:
    golden("reporters/sample.json", render())


def test_versioned_and_complete() -> None:
    doc = json.loads(render())
    assert doc["version"] == 2
    assert doc["tool"] == {"name": "laibin-check", "version": "0.1.0"}
    findings = doc["reports"][0]["findings"]
    assert len(findings) == 6
    verdicts = {f["code"]: f["verdict"] for f in findings}
    assert verdicts["LC102"] == "consistent" and verdicts["LC105"] == "implied"
    assert doc["summary"] == {
        "reports": 1,
        "findings": 6,
        "error": 1,
        "warning": 1,
        "info": 1,
        "waived": 1,
        "passed": 2,
    }


def test_receipt_is_complete() -> None:
    doc = json.loads(render())
    ratio = next(f for f in doc["reports"][0]["findings"] if f["code"] == "LC101")
    receipt = ratio["receipt"]
    assert receipt["stated"] == "[83.35%, 83.45%]"
    assert [i["fact_id"] for i in receipt["inputs"]] == ["problems_solved", "problems_collected"]
    assert receipt["suggestions"][0].startswith("problems_collected: 379")
    assert ratio["fingerprint"] == sample_result().reports[0].findings[-1].fingerprint


def test_show_does_not_filter_the_record() -> None:
    assert render(show="error") == render()


def test_non_ascii_is_written_as_is() -> None:
    assert "來賓市" in render() and "\\u" not in render()


def test_key_order_is_fixed() -> None:
    finding = json.loads(render())["reports"][0]["findings"][0]
    assert list(finding)[:4] == ["code", "rule", "severity", "verdict"]


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),  # integers past 64 bits and lone surrogates included
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(_JSON_VALUES)
def test_fast_encoder_writes_the_standard_librarys_bytes(value: object) -> None:
    # Elements are written by orjson for speed; the document must stay what json.dumps(indent=2) writes.
    assert jsonstream.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=200, deadline=None)
@given(_JSON_VALUES, st.integers(min_value=0, max_value=3))
def test_a_streamed_element_is_what_the_whole_document_holds(value: object, depth: int) -> None:
    # An element is dumped nested in lists and cut out, already indented: the document written in pieces must
    # be the bytes json.dumps writes for the whole, at any depth of the streamed array.
    def document(inner: object) -> dict[str, object]:
        doc: dict[str, object] = {"streamed": inner, "after": 1}
        for _ in range(depth):
            doc = {"before": 0, "k": doc}
        return doc

    split = jsonstream.ArraySplit(document(jsonstream.marker()))
    whole = json.dumps(document([value]), ensure_ascii=False, indent=2) + "\n"
    element = split.element(value).decode("utf-8", "surrogatepass")
    assert split.head + "\n" + element + split.closing + split.tail == whole


def test_without_orjson_the_standard_library_writes_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = render()
    monkeypatch.setattr(jsonstream, "orjson", None)
    assert render() == fast
