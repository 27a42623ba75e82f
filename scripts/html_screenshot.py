"""Regenerate the README's screenshots of the html page for the bundled report (docs/html-*.png).

    python scripts/html_screenshot.py            # needs chromium and the test extra (playwright)

The first is the page as a new reader opens it; the second after a click on the 83.4% mark. Chinese text
needs a CJK font installed (Debian: fonts-noto-cjk), or the screenshots show boxes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "laibin.html"
        subprocess.run([sys.executable, "-m", "laibin_check", "verify", "--format", "concise", "--output",
                        f"html:{page_file}"], cwd=ROOT, capture_output=True, check=False)
        executable = shutil.which("chromium")
        if executable is None:
            sys.exit("chromium is not installed")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(page_file.as_uri())
            page.screenshot(path=str(ROOT / "docs" / "html-report.png"))
            page.locator(".errors a.jump").click()
            page.screenshot(path=str(ROOT / "docs" / "html-receipt.png"))
            browser.close()


if __name__ == "__main__":
    main()
