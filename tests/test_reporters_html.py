"""The `html` reporter without a browser: valid HTML, escaped input, deterministic, small, accessible colours.

What the page does once its script runs (marks at the right text, receipts on click, the screenshot) is tested in
a real browser in test_html_browser.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import html5lib
import pytest

from html_pages import HOSTILE, PATH, TEXT, hostile_result, sample_result
from laibin_check.findings import RunResult
from laibin_check.reporters import RenderOptions, get
from laibin_check.reporters.html import ERROR_BACKGROUND, PALETTE

ROOT = Path(__file__).resolve().parents[1]
NS = "{http://www.w3.org/1999/xhtml}"


def render(result: RunResult | None = None, show: str = "info") -> str:
    return get("html").render(result or sample_result(), RenderOptions(show=show))


def parse(page: str):  # type: ignore[no-untyped-def]
    """html5lib's strict mode raises on any parse error the HTML standard defines."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def text_of(element) -> str:  # type: ignore[no-untyped-def]
    return "".join(element.itertext())


@pytest.fixture(scope="module")
def bundled() -> tuple[str, dict]:  # type: ignore[type-arg]
    """The bundled report's page and JSON, from the CLI as a user runs it."""
    def run(fmt: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "laibin_check", "verify", "--format", fmt], cwd=ROOT,
                              capture_output=True, text=True, encoding="utf-8", check=False)
        assert proc.returncode == 1, proc.stderr
        return proc.stdout

    return run("html"), json.loads(run("json"))


def test_golden(golden: Callable[[str, str], None]) -> None:
    golden("reporters/sample.html", render())


def test_valid_html_and_self_contained() -> None:
    tree = parse(render())
    assert tree.find(f"{NS}head/{NS}meta").get("charset") == "utf-8"
    assert tree.find(f"{NS}body") is not None
    # Offline: nothing is fetched, no font, script or stylesheet from elsewhere.
    for element in tree.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute)
            assert value is None or value.startswith("#"), (element.tag, value)
    assert len(tree.findall(f".//{NS}script")) == 1 and len(tree.findall(f".//{NS}style")) == 1


def test_the_text_reads_as_the_report_with_every_span_marked() -> None:
    tree = parse(render())
    text = tree.find(f".//{NS}div[@class='text']")
    paragraphs = ["".join(text_of(p)) for p in text.findall(f"{NS}p")]
    badges = "✗✓≈?○➜"
    assert [p.translate({ord(c): None for c in badges}) for p in paragraphs] == [
        line.rstrip("\r") for line in TEXT.splitlines() if line
    ]
    def marked(n: int) -> str:
        return "".join(text_of(m) for m in text.iter(f"{NS}mark") if str(n) in m.get("data-f").split())

    # Findings in the JSON order: the ratio, the artifact, the growth, the rank, the waived quote, the count.
    assert [marked(n) for n in range(6)] == ["問題辦結率83.4%", "(qū)", "167.14億元", "增長18%", "增速排全區第四位",
                                             "新開工項目55個"]
    ratio = next(m for m in text.iter(f"{NS}mark") if m.get("data-first") == "0")
    assert "k-inconsistent" in ratio.get("class") and ratio.get("tabindex") == "0" and ratio.get("role") == "button"
    assert ratio.get("aria-describedby") == "d-inconsistent-error"
    assert tree.find(".//*[@id='d-inconsistent-error']").text == "inconsistent, error"


def test_receipt_is_in_the_page() -> None:
    tree = parse(render())
    item = tree.find(f".//{NS}li[@id='r1-f0']")
    assert item.get("data-k") == "inconsistent" and item.get("data-s") == "error"
    body = text_of(item)
    for part in ("solve_rate = solved / collected = 316個 / 380多個", "exactly 316 (a count)",
                 "[81.23, 82.94]%", "[83.35, 83.45)%", "379個", "line 1, column 25"):
        assert part in body
    # The inputs link to their figures in the text.
    links = [a.get("href") for a in item.iter(f"{NS}a") if "fig-link" in a.get("class", "")]
    assert len(links) == 2 and all(tree.find(f".//*[@id='{h[1:]}']") is not None for h in links)


def test_header_has_the_summary_and_jumps_to_the_error() -> None:
    tree = parse(render())
    header = tree.find(f".//{NS}header")
    assert "1 error, 1 warning, 2 info, 1 waived; 1 check passed in 1 report" in text_of(header)
    assert "sample: 7 facts; 1 inconsistent, 1 consistent, 1 implied, 1 unverifiable; text: 0 errors, 1 warnings" \
        in text_of(header)
    jump = header.find(f".//{NS}section[@class='errors']//{NS}a")
    assert tree.find(f".//*[@id='{jump.get('href')[1:]}']").get("data-first") == "0"


def test_hostile_text_is_shown_never_parsed_or_run() -> None:
    page = render(hostile_result())
    tree = parse(page)
    scripts = tree.findall(f".//{NS}script")
    assert len(scripts) == 1 and "pwned" not in text_of(scripts[0])
    assert tree.find(f".//{NS}img") is None
    assert not [e for e in tree.iter() if any(k.startswith("on") for k in e.keys())]
    title = tree.find(f"{NS}head/{NS}title")
    assert HOSTILE in text_of(title)
    first = tree.find(f".//{NS}div[@class='text']/{NS}p")
    assert text_of(first).startswith(HOSTILE[:30])
    assert page.count("<script>") == 1 and "</script>" not in page.split("<script>")[0]


def test_characters_html_forbids_still_give_a_valid_page() -> None:
    text = "\x00\x07控制\x85字符\ufffe 問題辦結率83.4%\n" + TEXT
    parse(render(sample_result(text)))


def test_a_report_without_its_text_still_lists_its_findings() -> None:
    result = sample_result()
    result = result._replace(reports=(result.reports[0]._replace(text="", figures=()),))
    tree = parse(render(result))
    assert tree.find(f".//{NS}div[@class='text']") is None
    assert len(tree.findall(f".//{NS}li[@data-f]")) == 6


def test_several_reports_get_a_contents_list() -> None:
    one = sample_result().reports[0]
    two = one._replace(report_id="second", title="第二篇")
    tree = parse(render(RunResult(reports=(one, two), tool_version="0.1.0")))
    contents = tree.find(f".//{NS}nav[@class='contents']")
    assert [a.get("href") for a in contents.iter(f"{NS}a")] == ["#r1", "#r2"]
    assert tree.find(".//*[@id='r2-f0']") is not None
    assert "2 reports: 2 inconsistent figures, 2 errors in all" in text_of(tree.find(f".//{NS}header"))


def test_show_unticks_the_lower_severities_at_first() -> None:
    tree = parse(render(show="warning"))
    boxes = {i.get("data-hide"): i.get("checked") is not None for i in tree.iter(f"{NS}input")}
    assert boxes["s-info"] is False and boxes["s-error"] and boxes["s-warning"] and boxes["s-none"]


def test_deterministic_valid_and_small_for_the_bundled_report(bundled: tuple[str, dict]) -> None:  # type: ignore[type-arg]
    page, doc = bundled
    parse(page)
    assert len(page.encode("utf-8")) < 1_000_000
    assert page == render_bundled_again()
    # Every finding of the JSON output is in the page, in the same order.
    findings = doc["reports"][0]["findings"]
    tree = parse(page)
    items = tree.findall(f".//{NS}li[@data-f]")
    assert sorted(int(i.get("data-f")) for i in items) == list(range(len(findings)))
    for item in items:
        f = findings[int(item.get("data-f"))]
        assert f["code"] in text_of(item) and f["message"] in text_of(item)


def render_bundled_again() -> str:
    proc = subprocess.run([sys.executable, "-m", "laibin_check", "verify", "--format", "html"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", check=False)
    return proc.stdout


def test_output_option_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "proof" / "laibin.html"
    proc = subprocess.run([sys.executable, "-m", "laibin_check", "verify", "--format", "concise", "--output",
                           f"html:{out}"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 1, proc.stderr
    parse(out.read_text(encoding="utf-8"))


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("role", sorted(PALETTE))
def test_colours_meet_wcag_aa(role: str) -> None:
    fg, bg = PALETTE[role]
    assert contrast(fg, bg) >= 4.5, (role, fg, bg, contrast(fg, bg))


def test_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0 and contrast("#777777", "#ffffff") < 4.5
    assert ERROR_BACKGROUND == PALETTE["inconsistent"][1] and PATH.endswith("report.txt")


def test_check_gives_the_same_page_from_its_own_findings(tmp_path: Path) -> None:
    report = tmp_path / "brief.txt"
    report.write_text("一季度，全市收集問題380多個，已解決316個，問題辦結率83.4%。\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "laibin_check", "check", str(report), "--format", "html"],
                          cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 1, proc.stderr
    tree = parse(proc.stdout)
    marks = [m for m in tree.iter(f"{NS}mark") if "k-inconsistent" in m.get("class", "")]
    assert "83.4" in "".join(text_of(m) for m in marks)
    receipt = tree.find(f".//{NS}li[@data-k='inconsistent']")
    assert "380多" in text_of(receipt) and receipt.find(f".//{NS}a[@class='fig-link']") is not None


def test_check_suggestions_are_listed_to_review() -> None:
    result = sample_result()
    report = result.reports[0]
    suggestion = report.findings[-1]._replace(code="LC120", rule="check-suggestion", severity="warning",
                                              verdict="inconsistent", message="read as a share of the total?")
    tree = parse(render(result._replace(reports=(report._replace(findings=(*report.findings, suggestion)),))))
    box = tree.find(f".//{NS}section[@class='suggestions']")
    assert "1 suggestion to review" in text_of(box) and "read as a share of the total?" in text_of(box)
    assert box.find(f".//{NS}a[@class='jump']") is not None
    assert any(li.get("data-k") == "suggestion" for li in tree.iter(f"{NS}li"))
