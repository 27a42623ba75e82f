"""The html page in a real headless browser (Debian's chromium, driven by Playwright): what an editor sees.

One browser for the module; each test opens a page from a file, as a reader opens the CI artifact. Skipped only
on a developer's machine without chromium; under CI (CI=true) a missing browser or driver fails.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from html_pages import HOSTILE, hostile_result
from laibin_check.reporters import RenderOptions, get
from laibin_check.reporters.html import ERROR_BACKGROUND

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    # As root in a sandboxless container, and on a machine whose only network is the package registries.
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 860}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason}: CI must run the browser tests (.ci/run installs chromium)")
    pytest.skip(reason)


def chromium_path() -> str | None:
    return os.environ.get("LAIBIN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        _unavailable("chromium is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def laibin(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The bundled report's page and its JSON output, both from the CLI as a user runs it."""
    out = tmp_path_factory.mktemp("laibin")
    page = out / "laibin.html"
    proc = subprocess.run([sys.executable, "-m", "laibin_check", "verify", "--format", "json", "--output",
                           f"html:{page}"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 1, proc.stderr
    return page, json.loads(proc.stdout)


def open_page(browser: Any, path: Path) -> Any:
    page = browser.new_page(viewport=VIEWPORT)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri())
    page.errors = errors
    return page


def report_text(doc: dict[str, Any]) -> str:
    return (ROOT / doc["reports"][0]["path"]).read_text(encoding="utf-8")


def span_text(text: str, f: dict[str, Any]) -> str:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    start = starts[f["line"] - 1] + f["column"] - 1
    end = starts[f["end_line"] - 1] + f["end_column"] - 1
    return text[start:end].replace("\r\n", "").replace("\n", "")


def test_every_finding_of_the_json_output_is_marked_at_its_text(browser: Any, laibin: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    path, doc = laibin
    page = open_page(browser, path)
    # What the DOM holds after the script ran: per finding, its list item and the text of its marks.
    seen = page.evaluate("""() => {
      const sec = document.querySelector("section.report"), out = {};
      sec.querySelectorAll("li.rc").forEach(li => {
        const n = li.dataset.f;
        const marks = [...sec.querySelectorAll("mark.m")].filter(m => m.dataset.f.split(" ").includes(n));
        out[n] = {kind: li.dataset.k, sev: li.dataset.s, text: li.innerText,
                  marked: marks.map(m => m.textContent).join(""),
                  first: marks.length ? marks[0].hasAttribute("tabindex") : null,
                  visible: marks.length ? marks[0].getBoundingClientRect().width > 0 : null};
      });
      return out;
    }""")
    findings = doc["reports"][0]["findings"]
    text = report_text(doc)
    assert len(seen) == len(findings)
    for n, f in enumerate(findings):
        got = seen[str(n)]
        assert f["code"] in got["text"] and f["message"].split("\n")[0][:40] in got["text"]
        assert got["sev"] == ("waived" if f["waived"] else f["severity"])
        if f["verdict"]:
            assert got["kind"] == f["verdict"]
        if f["path"] == doc["reports"][0]["path"] and f["end_line"]:
            assert got["marked"] == span_text(text, f), (n, f["code"], f["quote"])
            assert got["first"] is True and got["visible"] is True
        if f["quote"] and f["path"] == doc["reports"][0]["path"]:
            assert got["marked"] == f["quote"].replace("\n", "")
    assert page.errors == []
    page.close()


def _ratio_mark(page: Any) -> Any:
    mark = page.locator("mark.m.k-inconsistent", has_text="83.4")  # the figure; "%" and the label are marks too
    assert mark.count() == 1
    return mark


def test_clicking_the_83_4_mark_shows_its_receipt_and_lights_its_inputs(browser: Any,
                                                                      laibin: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    path, _ = laibin
    page = open_page(browser, path)
    panel = page.locator("#panel")
    assert "problems_solved / problems_collected" not in panel.inner_text()
    _ratio_mark(page).click()
    receipt = panel.inner_text()
    for part in ("inconsistent", "LC101", "problem_resolution_rate = problems_solved / problems_collected",
                 "316個", "380多個", "多: more than 380, less than 390", "[81.23, 82.94]%", "[83.35, 83.45)%",
                 "379個"):
        assert part in receipt, part
    related = page.eval_on_selector_all(".rel", "els => els.map(e => e.textContent)")
    assert "316" in related and "380多" in related
    # The input's link jumps to its figure in the text.
    panel.locator("a.fig-link", has_text="380多個").click()
    assert page.eval_on_selector(".flash", "e => e.textContent") == "380多"
    page.keyboard.press("Escape")
    assert page.locator(".rel").count() == 0
    assert page.errors == []
    page.close()


def test_keyboard_reaches_the_mark_and_the_header_jumps_to_it(browser: Any, laibin: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    path, _ = laibin
    page = open_page(browser, path)
    page.locator(".errors a.jump").click()
    focused = page.evaluate("() => document.activeElement.textContent")
    assert focused and "83.4%" in "".join(page.eval_on_selector_all(
        "mark.sel", "els => els.map(e => e.textContent)"))
    assert "LC101" in page.locator("#panel").inner_text()
    # Tab moves from mark to mark, and focus alone opens the receipts there: next is the converter artifact
    # inside the rate's label, 問題辦結(jié)率, where both findings apply.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName + document.activeElement.textContent") == "MARK(jié)"
    panel = page.locator("#panel").inner_text()
    assert "LC301" in panel and "LC101" in panel
    page.close()


def test_filters_hide_a_kind_and_keep_the_rest(browser: Any, laibin: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    path, _ = laibin
    page = open_page(browser, path)
    before = page.locator("mark.m.k-artifact").count()
    assert before > 100
    page.locator("input[data-hide='k-artifact']").uncheck()
    assert page.locator("mark.m.k-artifact").count() == 0
    assert page.locator("li.rc.k-artifact:not([hidden])").count() == 0
    # The contradiction, whose label holds an artifact, stays marked whole.
    joined = "".join(page.eval_on_selector_all("mark.m.k-inconsistent", "els => els.map(e => e.textContent)"))
    assert joined == "問題辦結(jié)率83.4%"
    page.locator("input[data-hide='s-error']").uncheck()
    assert page.locator("mark.m.k-inconsistent").count() == 0
    page.close()


def test_screenshot_shows_the_error_colour_at_the_mark(browser: Any, laibin: tuple[Path, dict],
                                                       tmp_path: Path) -> None:  # type: ignore[type-arg]
    from PIL import Image

    path, _ = laibin
    page = open_page(browser, path)
    mark = _ratio_mark(page)
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    shot = tmp_path / "laibin.png"
    page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert 20_000 < len(data) < 3_000_000
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == (VIEWPORT["width"], VIEWPORT["height"])
    want = tuple(int(ERROR_BACKGROUND[i:i + 2], 16) for i in (1, 3, 5))
    region = image.crop((int(box["x"]), int(box["y"]), int(box["x"] + box["width"]), int(box["y"] + box["height"])))
    pixels = rgb(region.tobytes())
    share = sum(1 for px in pixels if all(abs(a - b) <= 3 for a, b in zip(px, want, strict=True))) / len(pixels)
    assert share > 0.3, share
    # And not in the page's title bar: the colour means an error.
    assert want not in set(rgb(image.crop((0, 0, VIEWPORT["width"], 40)).tobytes()))
    page.close()


def rgb(data: bytes) -> list[tuple[int, int, int]]:
    return [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]




def test_prints_as_a_marked_up_proof(browser: Any, laibin: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    path, _ = laibin
    page = open_page(browser, path)
    page.emulate_media(media="print")
    assert not page.locator("#panel").is_visible() and not page.locator(".filters").is_visible()
    style = page.eval_on_selector("mark.m.k-inconsistent", "e => [getComputedStyle(e).backgroundColor, "
                                  "getComputedStyle(e).printColorAdjust, getComputedStyle(e).fontFamily]")
    want = tuple(int(ERROR_BACKGROUND[i:i + 2], 16) for i in (1, 3, 5))
    assert style[0] == "rgb({}, {}, {})".format(*want) and style[1] == "exact"
    assert "Songti" in style[2] or "SimSun" in style[2]  # the text in a serif Chinese face, as a proof
    assert page.locator("li.rc.k-inconsistent").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.close()


def test_hostile_report_runs_no_script(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(get("html").render(hostile_result(), RenderOptions()), encoding="utf-8")
    page = open_page(browser, path)
    assert page.evaluate("() => window.pwned === undefined")
    assert page.locator("img").count() == 0
    assert page.locator(".text p").first.inner_text().startswith(HOSTILE[:30])
    page.locator("mark.m.k-inconsistent").first.click()
    assert HOSTILE in page.locator("#panel").inner_text()
    assert page.evaluate("() => window.pwned === undefined") and page.errors == []
    page.close()
