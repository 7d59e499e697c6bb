"""Regenerate docs/graph-390x844.png, graph-1280x720.png and graph-1920x1080.png: the page `kg build` draws
from the repository's examples/, on a phone, a laptop and a desktop, in Debian's headless Chromium.

One command, from the repository root, with kg installed:  python3 docs/make_screenshot.py
It builds examples/ into a temporary folder (nothing else is touched), opens graph.html at each size,
clicks the edge with the most sources so the details show its evidence, and saves the three PNGs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.pipeline import build

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
SCREENS = [(390, 844), (1280, 720), (1920, 1080)]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
# the edge whose events have the most sources, ties by id: the same one every run
BUSIEST = """() => window.kg.edges.get().map(e => [e.kg.events.reduce((n, t) => n + t.sources, 0), e.id])
  .sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1))[0][1]"""
MIDDLE = "(id) => window.kg.network.canvasToDOM(window.kg.network.body.edges[id].edgeType.getPoint(0.5))"


def shoot(page_file: Path, out_dir: Path) -> list[Path]:
    """One PNG per screen size of `page_file`, its busiest edge clicked."""
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for width, height in SCREENS:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
            page.goto(page_file.as_uri())
            page.wait_for_function("document.body.dataset.ready === '1'", timeout=60_000)
            box = page.locator("#kg-network").bounding_box()
            at = page.evaluate(MIDDLE, page.evaluate(BUSIEST))
            page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
            page.mouse.move(box["x"] + 2, box["y"] + 2)  # no tooltip over the picture
            page.wait_for_timeout(300)
            path = out_dir / f"graph-{width}x{height}.png"
            page.screenshot(path=str(path))
            written.append(path)
            page.close()
        browser.close()
    return written


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kg-screenshot-") as tmp:
        build([str(EXAMPLES)], Path(tmp) / "output")
        for path in shoot(Path(tmp) / "output" / "graph.html", HERE):
            print(f"{path.relative_to(HERE.parent)}: {path.stat().st_size / 1000:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
