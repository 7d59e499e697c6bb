"""The HTML network in a real headless Chromium (Debian's, never a downloaded one): draws, filters, tooltips, XSS, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from kg.graph import to_dataset, union
from kg.render import render_html

try:
    from test_render import DEPLOY, IMG, SCRIPT, SENTENCE_XSS, make_crowded_corpus, make_render_corpus
except ImportError:  # when tests/ is a package
    from tests.test_render import DEPLOY, IMG, SCRIPT, SENTENCE_XSS, make_crowded_corpus, make_render_corpus

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

    def __init__(self, browser, path: Path, width: int = 1400, height: int = 900) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
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


# ------------------------------------------------------------ screens: a phone, a laptop, a desktop

SCREENS = [(390, 844), (1280, 720), (1920, 1080)]
"""A phone, a laptop and a desktop; on a screen under 700 px high the legend starts folded too."""


def _box(o: Opened, selector: str) -> dict:
    return o.js("(s) => { const r = document.querySelector(s).getBoundingClientRect(); "
                "return {x: r.left, y: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height}; }",
                selector)


EVERY_INSIDE = """(s) => [...document.querySelectorAll(s)].filter(e => e.getClientRects().length).every(e => {
  const r = e.getBoundingClientRect(); return r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1; })"""
"""Every element the selector names that is displayed lies wholly on the screen."""


def _inside(box: dict, width: int, height: int) -> bool:
    """The whole box is on the screen (a pixel of rounding allowed)."""
    return box["x"] >= -1 and box["y"] >= -1 and box["right"] <= width + 1 and box["bottom"] <= height + 1


@pytest.mark.parametrize("width, height", SCREENS)
def test_the_graph_and_the_legend_fit_the_screen(browser, page_file: Path, width: int, height: int) -> None:
    """The canvas is on screen with room to see (half the width or more, 300 px high or more) and the page never
    scrolls; the legend is checked fully inside the viewport: open from the start on a laptop and a desktop,
    one tap on its summary away on a phone, where it starts folded so the graph gets the screen."""
    o = Opened(browser, page_file, width, height)
    try:
        canvas = _box(o, "#kg-network canvas")
        assert _inside(canvas, width, height), canvas
        assert canvas["width"] >= width / 2 and canvas["height"] >= 300, canvas
        assert o.js("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]") == [width, height]
        assert o.js(EVERY_INSIDE, "#kg-header *")  # the title, counts and search box: none cut off either
        phone = width < 700
        assert o.js("document.getElementById('kg-legend').open") is not (phone or height < 700)
        if not o.js("document.getElementById('kg-legend').open"):
            assert _inside(_box(o, "#kg-legend summary"), width, height)
            o.page.click("#kg-legend summary")
        assert o.js("document.getElementById('kg-legend').open") is True
        legend = _box(o, "#kg-legend")
        assert _inside(legend, width, height) and legend["height"] > 40, legend
        assert o.js(EVERY_INSIDE, "#kg-legend li, #kg-legend p")
        assert _box(o, "#kg-network canvas")["height"] >= 250  # the open legend leaves the graph its room
        o.assert_clean()
    finally:
        o.close()


@pytest.mark.parametrize("width, height", SCREENS)
def test_filters_and_details_are_reachable_on_every_screen(browser, page_file: Path, width: int, height: int) -> None:
    o = Opened(browser, page_file, width, height)
    try:
        phone = width < 700
        assert o.page.locator("#kg-controls").is_visible() is not phone
        assert o.page.locator("#kg-controls-toggle").is_visible() is phone
        if phone:  # the filters open in a drawer over the graph, and close again
            o.page.click("#kg-controls-toggle")
            assert o.page.locator("#kg-controls").is_visible()
        assert _inside(_box(o, "#kg-controls"), width, height) and _inside(_box(o, "#kg-search"), width, height)
        o.page.select_option("#kg-action", "DeployTroops")
        assert o.visible() == (2, 1)
        if phone:
            o.page.click("#kg-controls-close")
            assert not o.page.locator("#kg-controls").is_visible()
        o.click_at("edge", o.edge_id("DeployTroops"))
        assert DEPLOY in o.page.inner_text("#kg-details")
        details = _box(o, "#kg-details")
        assert _inside(details, width, height) and details["height"] > 50, details
        canvas = _box(o, "#kg-network canvas")
        assert _inside(canvas, width, height) and canvas["height"] >= 250, canvas  # details never squeeze the graph away
        o.assert_clean()
    finally:
        o.close()


# ------------------------------------------------------------ a crowded page: merged edges, labels where looked at


@pytest.fixture(scope="module")
def crowded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_html(make_crowded_corpus(), tmp_path_factory.mktemp("crowded") / "graph.html", level="country")


DRAWN_LABELS = """() => { const es = window.kg.network.body.edges;
  return Object.keys(es).filter(id => es[id].options.hidden !== true && es[id].labelModule.visible()).sort(); }"""


def test_a_crowded_page_draws_labels_where_looked_at_and_counts_what_the_filters_leave(browser, crowded_file: Path) -> None:
    o = Opened(browser, crowded_file, 1280, 720)
    try:
        assert o.js("window.kg.network.getScale()") <= 1  # fitted, never zoomed in beyond 1
        assert o.js(DRAWN_LABELS) == []  # the whole picture: no label at all
        found = o.js("(id) => window.kg.highlight(id)", "KOR")
        assert found[0] == "KOR"
        incident = sorted(o.js("window.kg.network.getConnectedEdges('KOR')"))
        assert o.js(DRAWN_LABELS) == incident == o.js("window.kg.labelled()")  # the found actor's edges, only
        o.js("window.kg.clearHighlight()")
        assert o.js(DRAWN_LABELS) == []
        o.click_at("node", "USA")  # a click selects the actor and its edges: their labels show
        assert o.js(DRAWN_LABELS) == sorted(o.js("window.kg.network.getConnectedEdges('USA')")) != []
        box = o.page.locator("#kg-network").bounding_box()
        o.page.mouse.click(box["x"] + 3, box["y"] + 3)  # on nothing: nothing selected, no label
        assert o.js("window.kg.network.getSelectedNodes()") == [] and o.js(DRAWN_LABELS) == []
        o.js("window.kg.network.moveTo({scale: 0.5})")
        assert o.js(DRAWN_LABELS) == []
        edge = o.js("window.kg.edges.get({filter: e => e.kg.events.length > 2 && e.kg.events.filter(t => t.date).length > 1})[0]")
        o.hover_edge(edge["id"])
        assert o.js(DRAWN_LABELS) == [edge["id"]]
        assert o.page.inner_text("#kg-tooltip").count("Article ") >= 2  # the events' documents, by title
        o.js("window.kg.network.moveTo({scale: 1.6})")  # zoomed in beyond LABEL_ZOOM: every label
        assert len(o.js(DRAWN_LABELS)) == o.js("window.kg.edges.length")
        # the count on a label is the count of events the filters leave
        n = len(edge["kg"]["events"])
        assert edge["label"].endswith(f" ×{n}")
        day = next(t["date"] for t in edge["kg"]["events"] if t["date"] and t["dateSource"] == "text")
        o.page.fill("#kg-date-from", day)
        o.page.fill("#kg-date-to", day)
        label = o.js("(id) => window.kg.edges.get(id).label", edge["id"])
        left = [t for t in edge["kg"]["events"] if t["date"] and day.startswith(t["date"]) or t["date"] == day]
        assert label == (edge["label"].rsplit(" ×", 1)[0] + (f" ×{len(left)}" if len(left) > 1 else f" · {day}"))
        o.page.click("#kg-reset")
        assert o.js("(id) => window.kg.edges.get(id).label", edge["id"]) == edge["label"]
        assert o.js("window.kg.visible().events") == sum(len(e["kg"]["events"]) for e in o.js("window.kg.edges.get()"))
        o.assert_clean()
    finally:
        o.close()


# ------------------------------------------------------------ search by alias, dates as kg.temporal reads them


@pytest.fixture(scope="module")
def alias_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dataclasses import replace

    from kg.model import Entity, Event, Evidence

    corpus = make_render_corpus()
    zelensky = Entity("volodymyr-zelensky", "Volodymyr Zelensky", "Person", "UKR")
    plea = Event("volodymyr-zelensky", "Request", "KOR", "asserted", "2024-11-10",
                 evidence=(Evidence("d1", "Zelensky asked Seoul for arms.", 0, 30),))
    corpus = replace(corpus, entities=corpus.entities + (zelensky,), events=corpus.events + (plea,))
    return render_html(union(to_dataset(corpus)), tmp_path_factory.mktemp("alias") / "graph.html")


@pytest.mark.parametrize("typed, key, label", [
    ("Seoul", "KOR", "South Korea"),  # a capital, from the gazetteer
    ("pyongyang", "PRK", "North Korea"),  # what the documents call it, any case
    ("Zelenskiy", "volodymyr-zelensky", "Volodymyr Zelensky"),  # a spelling the gazetteer knows
    ("President Yoon", "yoon", "Yoon Suk Yeol"),  # what a document calls a person the gazetteer does not know
    ("DPRK", "PRK", "North Korea"),
])
def test_search_finds_an_actor_by_its_aliases_on_a_phone(browser, alias_file: Path, typed: str, key: str, label: str) -> None:
    o = Opened(browser, alias_file, 390, 844)
    try:
        o.page.fill("#kg-search", typed)
        o.page.press("#kg-search", "Enter")
        assert o.js("window.kg.network.getSelectedNodes()") == [key]
        assert o.js("window.kg.highlighted()")[0:1] == sorted(o.js("window.kg.highlighted()"))[0:1]
        assert key in o.js("window.kg.highlighted()")
        # focused: the node is drawn inside the graph's box
        box = o.page.locator("#kg-network").bounding_box()
        at = o.js("(id) => window.kg.network.canvasToDOM(window.kg.network.getPositions([id])[id])", key)
        assert 0 <= at["x"] <= box["width"] and 0 <= at["y"] <= box["height"]
        assert o.page.inner_text("#kg-details h2") == label
        assert o.js("document.getElementById('kg-search').getAttribute('aria-invalid')") == "false"
        o.assert_clean()
    finally:
        o.close()


def test_search_says_when_no_actor_has_the_name(opened: Opened) -> None:
    opened.page.fill("#kg-search", "Atlantis")
    opened.page.press("#kg-search", "Enter")
    assert opened.js("window.kg.network.getSelectedNodes()") == []
    assert opened.js("document.getElementById('kg-search').getAttribute('aria-invalid')") == "true"
    opened.assert_clean()


def test_the_date_box_reads_what_kg_temporal_reads_and_says_when_it_cannot(opened: Opened) -> None:
    page = opened.page
    page.fill("#kg-date-from", "Nov 2024")  # the same as 2024-11 (test_filters_change_what_is_shown)
    assert opened.visible() == (7, 5)
    assert page.inner_text("#kg-date-message") == "Events from 2024-11."
    page.fill("#kg-date-to", "10 November 2024")
    assert opened.visible() == (4, 3)  # the two accusations of 7 November and the treaty planned for November
    assert page.inner_text("#kg-date-message") == "Events from 2024-11 to 2024-11-10."
    page.fill("#kg-date-from", "Octobre 2024")  # not a date: said, next to the box, and no filter on it
    message = page.locator("#kg-date-message")
    assert "\u201cOctobre 2024\u201d: not a date this page reads" in message.inner_text()
    assert "kg-error" in message.get_attribute("class") and message.is_visible()
    assert page.get_attribute("#kg-date-from", "aria-invalid") == "true"
    assert page.get_attribute("#kg-date-to", "aria-invalid") == "false"
    assert opened.visible() == (6, 6)  # only the 'to' date filters: no protest of 12 November, no supply of the 14th
    page.click("#kg-reset")
    assert "kg-error" not in message.get_attribute("class") and opened.visible() == (8, 8)
    opened.assert_clean()


DATES = ["Oct 2024", "October 2024", "oct. 2024", "October, 2024", "7 October 2024", "October 7, 2024", "7th of October 2024",
         "Oct 7 2024", "mid-October 2024", "late Oct 2024", "the end of October 2024", "in 2024", "early 2024", "since Oct 2024",
         "2024", "2024-10", "2024-10-07", "Sept 2024", "29 February 2024", "29 Feb 2023", "31 April 2024", "October 7",
         "October", "Octobre 2024", "last month", "yesterday", "1850", "2024-13", "Oct 2024.", "  OCT   2024 ", "7 Oct. 2024",
         "1 January 0000", "2024\u20131", "abc"]


def test_the_date_box_reads_exactly_what_kg_temporal_reads_without_an_article_date(opened: Opened) -> None:
    from kg.temporal import normalise

    read = opened.js("(dates) => dates.map(d => window.kg.readDate(d))", DATES)
    assert dict(zip(DATES, read)) == {d: normalise(d, None) for d in DATES}
    assert read[0] == "2024-10" and read[DATES.index("Octobre 2024")] is None
    opened.assert_clean()
