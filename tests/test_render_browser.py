"""The HTML network in a real headless Chromium (Debian's, never a downloaded one): draws, filters, tooltips, XSS, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from kg.graph import to_dataset, union
from kg.render import render_html

try:
    from test_render import DEPLOY, IMG, SCRIPT, SENTENCE_XSS, make_render_corpus
except ImportError:  # when tests/ is a package
    from tests.test_render import DEPLOY, IMG, SCRIPT, SENTENCE_XSS, make_render_corpus

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")

# Records what a page tries to run or fetch; installed before any page script.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_html(union(to_dataset(make_render_corpus())), tmp_path_factory.mktemp("render") / "graph.html")


class Opened:
    """A page plus everything it tried behind our back: off-machine requests, dialogs, errors."""

    def __init__(self, browser, path: Path) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.add_init_script(WATCH)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("document.body.dataset.ready === '1'", timeout=30_000)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg: object = None):
        return self.page.evaluate(expression, arg)

    def visible(self) -> tuple[int, int]:
        v = self.js("window.kg.visible()")
        return v["nodes"], v["edges"]

    def hover_node(self, node_id: str) -> None:
        self._hover("(id) => window.kg.network.canvasToDOM(window.kg.network.getPositions([id])[id])", node_id)

    def hover_edge(self, edge_id: str) -> None:
        # the middle of the drawn (curved) edge
        self._hover("(id) => window.kg.network.canvasToDOM(window.kg.network.body.edges[id].edgeType.getPoint(0.5))", edge_id)

    def _hover(self, where: str, item: str) -> None:
        box = self.page.locator("#kg-network").bounding_box()
        point = self.js(where, item)
        self.page.mouse.move(box["x"] + 2, box["y"] + 2)
        self.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"], steps=4)
        self.page.wait_for_selector("#kg-tooltip:not([hidden])", timeout=5_000)

    def click_at(self, kind: str, item: str) -> None:
        where = {
            "node": "(id) => window.kg.network.canvasToDOM(window.kg.network.getPositions([id])[id])",
            "edge": "(id) => window.kg.network.canvasToDOM(window.kg.network.body.edges[id].edgeType.getPoint(0.5))",
        }[kind]
        box = self.page.locator("#kg-network").bounding_box()
        point = self.js(where, item)
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def edge_id(self, action: str) -> str:
        return self.js("(a) => window.kg.edges.get({filter: e => e.kg.action === a})[0].id", action)

    def assert_clean(self) -> None:
        """Nothing left the machine, nothing popped up, nothing was blocked or broke."""
        assert self.requests == []
        assert self.dialogs == []
        assert self.js("window.__xss") is None
        assert self.js("window.__csp") == []
        assert self.errors == []

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser, page_file: Path) -> Iterator[Opened]:
    o = Opened(browser, page_file)
    yield o
    o.close()


def test_network_draws_every_actor_and_event(opened: Opened) -> None:
    assert opened.visible() == (8, 8)
    assert opened.js("Object.keys(window.kg.network.getPositions()).length") == 8
    assert opened.page.locator("#kg-network canvas").count() == 1
    assert opened.page.locator("#kg-status").inner_text() == "Showing 8 of 8 actors, 8 of 8 events"
    legend = opened.page.locator("#kg-legend").inner_text()
    for words in ("country", "armed group", "material conflict", "considered", "planned", "negated", "sources"):
        assert words in legend
    opened.assert_clean()


def test_filters_change_what_is_shown(opened: Opened) -> None:
    page = opened.page
    page.select_option("#kg-action", "DeployTroops")
    assert opened.visible() == (2, 1)
    page.select_option("#kg-action", "")
    page.select_option("#kg-actor", "UKR")
    assert opened.visible() == (3, 2)  # KOR supplies, Wagner assaults
    page.select_option("#kg-actor", "")
    page.uncheck("input.kg-modality[value=asserted]")
    assert opened.visible() == (5, 3)  # considered supply, planned treaty, negated aid; NATO's planned mobilisation
    page.check("input.kg-modality[value=asserted]")
    page.fill("#kg-date-from", "2024-11")
    # four events from November on, the supply the text does not date (its article's date, 14 November), NATO's plan
    assert opened.visible() == (7, 5)
    page.uncheck("#kg-undated")
    assert opened.visible() == (7, 5)  # every event has a date: the text's or its article's
    page.uncheck("#kg-article-dated")
    assert opened.visible() == (6, 4)  # Ukraine only took part in the event dated by its article
    page.fill("#kg-date-to", "2024-11-10")
    assert opened.visible() == (4, 3)  # the two accusations of 7 November and the treaty planned for November
    page.fill("#kg-min-sources", "2")
    assert opened.visible() == (0, 0)
    page.click("#kg-reset")
    assert opened.visible() == (8, 8)
    opened.assert_clean()


def test_search_highlights_an_actor_and_its_neighbourhood(opened: Opened) -> None:
    opened.page.fill("#kg-search", "north korea")
    opened.page.press("#kg-search", "Enter")
    assert opened.js("window.kg.highlighted()") == ["KOR", "PRK", "RUS", "yoon"]
    colours = opened.js("Object.fromEntries(window.kg.nodes.get().map(n => [n.id, n.color]))")
    assert colours["UKR"] == colours["evil"] == "#dddddd" != colours["PRK"]
    assert "North Korea" in opened.page.locator("#kg-details h2").inner_text()
    opened.page.click("#kg-search-clear")
    assert opened.js("window.kg.highlighted()") == []
    opened.assert_clean()


def test_tooltips_and_details_show_evidence(opened: Opened) -> None:
    opened.hover_node("wagner")
    tip = opened.page.locator("#kg-tooltip").inner_text()
    assert "Wagner attacked Ukraine." in tip and "armed group, acts for Russia" in tip
    deploy = opened.edge_id("DeployTroops")
    opened.hover_edge(deploy)
    tip = opened.page.locator("#kg-tooltip").inner_text()
    assert DEPLOY in tip and "2 independent sources" in tip and "Troops sent" in tip
    opened.click_at("edge", deploy)
    details = opened.page.locator("#kg-details")
    assert "Pyongyang sent troops to Russia." in details.inner_text()
    assert details.locator("a").get_attribute("href") == "https://example.org/news/2"
    opened.hover_node("nato")  # an event without a target is shown in its actor's details
    assert "NATO will mobilise." in opened.page.locator("#kg-tooltip").inner_text()
    opened.assert_clean()


def test_article_payloads_show_as_text_and_run_nothing(opened: Opened) -> None:
    supply = opened.edge_id("SupplyWeapons")
    opened.hover_edge(supply)
    opened.click_at("edge", supply)
    details = opened.page.locator("#kg-details").inner_text()
    assert SENTENCE_XSS in details  # the sentence as written, markup and all
    assert f"Seoul weighs arms {SCRIPT}" in details  # the document title
    assert "javascript:" not in details and opened.page.locator("#kg-details a").count() == 0
    opened.hover_node("evil")
    opened.click_at("node", "evil")
    assert f"{IMG}Evil Corp" in opened.page.locator("#kg-details h2").inner_text()
    assert f"{IMG} protested." in opened.page.locator("#kg-details").inner_text()
    opened.page.fill("#kg-search", "evil corp")
    opened.page.press("#kg-search", "Enter")
    assert opened.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert opened.js("document.querySelectorAll('script').length") == 3
    opened.page.wait_for_timeout(300)  # give any injected handler its chance to fire
    opened.assert_clean()


def test_a_bounded_page_says_what_it_left_out_and_counts_every_sentence(browser, tmp_path: Path) -> None:
    from dataclasses import replace

    from kg.model import Document, Evidence

    corpus = make_render_corpus()
    many = tuple(Evidence(f"x{i:02d}", f"Sentence {i}.", 0, 10) for i in range(25))
    docs = corpus.documents + tuple(Document(f"x{i:02d}", "...", "2024-11-01") for i in range(25))
    events = tuple(replace(e, evidence=e.evidence + many) if e.action == "DeployTroops" else e for e in corpus.events)
    path = render_html(union(to_dataset(replace(corpus, documents=docs, events=events))), tmp_path / "g.html", max_actors=3)
    o = Opened(browser, path)
    try:
        assert o.page.inner_text("#kg-left-out").startswith("Left out: 5 less busy actors and 5 events")
        assert o.js("window.kg.nodes.length") == 3
        o.click_at("edge", o.edge_id("DeployTroops"))  # 27 sentences, 20 on the page: the panel counts the rest
        assert "… 7 more sentences" in o.page.inner_text("#kg-details")
        o.assert_clean()
    finally:
        o.close()
