"""Regenerate docs/graph.png: the seed build's output/graph.html in Debian's headless Chromium.

Run after `kg build ../shared/seeds/articles.jsonl -o output/`:  python3 docs/make_screenshot.py
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
PAGE = HERE.parent / "output" / "graph.html"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    page = browser.new_page(viewport={"width": 1400, "height": 860})
    page.goto(PAGE.as_uri())
    page.wait_for_timeout(4000)  # let the short physics run settle
    page.screenshot(path=str(HERE / "graph.png"))
    browser.close()
