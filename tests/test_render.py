"""kg.render without a browser: the view model, the options, escaping, offline HTML, Gephi export, the CLI."""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError, StoreError
from kg.graph import to_dataset, union
from dataclasses import replace

from kg.merge import Merger
from kg.model import Corpus, DocResult, Document, Entity, Event, Evidence, Mention
from kg.render import (
    DASHES,
    QUAD_STYLE,
    SUPERSEDED_OPACITY,
    Actor,
    EventView,
    View,
    bound,
    edge_groups,
    layout,
    load_graph,
    read_merged,
    read_view,
    render,
    render_html,
    select,
    to_html,
    to_network,
    to_networkx,
)

SCRIPT = "<script>window.__xss = 'script'; alert(1)</script>"
IMG = '<img src=x onerror="window.__xss = \'img\'; alert(2)">'
SENTENCE_XSS = f"South Korea is weighing supplying arms to Ukraine {SCRIPT}."
DEPLOY = "North Korea sent thousands of troops to Russia in October."


def _ev(doc: str, sentence: str, by: str | None = None) -> Evidence:
    return Evidence(doc, sentence, 0, len(sentence), "", by)


def make_render_corpus() -> Corpus:
    """Eight actors of every kind, eight events (parallel, reverse, negated, planned, targetless) and XSS payloads."""
    docs = (
        Document("d1", "...", "2024-11-14", f"Seoul weighs arms {SCRIPT}", "javascript:alert('url')", "Outlet A"),
        Document("d2", "...", "2024-11-01", "Troops sent", "https://example.org/news/2", "Outlet B"),
        Document("d3", "...", "2024-11-02", "More on the troops", None, "Outlet C"),
    )
    ents = (
        Entity("KOR", "South Korea", "Country", "KOR"),
        Entity("UKR", "Ukraine", "Country", "UKR"),
        Entity("PRK", "North Korea", "Country", "PRK"),
        Entity("RUS", "Russia", "Country", "RUS"),
        Entity("yoon", "Yoon Suk Yeol", "Person", "KOR"),
        Entity("nato", "NATO", "Organization"),
        Entity("wagner", "Wagner Group", "ArmedGroup", "RUS"),
        Entity("evil", f"{IMG}Evil Corp", "Organization"),
    )
    events = (
        Event("KOR", "SupplyWeapons", "UKR", "considered", None, evidence=(_ev("d1", SENTENCE_XSS, "yoon"),)),
        Event("PRK", "DeployTroops", "RUS", "asserted", "2024-10",
              evidence=(_ev("d2", DEPLOY), _ev("d3", "Pyongyang sent troops to Russia."))),
        Event("yoon", "Accuse", "PRK", "asserted", "2024-11-07", evidence=(_ev("d1", "Yoon accused Pyongyang."),)),
        Event("KOR", "Accuse", "PRK", "asserted", "2024-11-07", evidence=(_ev("d2", "Seoul accused Pyongyang."),)),
        Event("PRK", "SignAgreement", "RUS", "planned", "2024-11", evidence=(_ev("d2", "They will sign a treaty."),)),
        Event("RUS", "Aid", "PRK", "negated", "2024-09", evidence=(_ev("d3", "Russia did not aid North Korea."),)),
        Event("evil", "Protest", "KOR", "asserted", "2024-11-12", evidence=(_ev("d3", f"{IMG} protested."),)),
        Event("wagner", "Assault", "UKR", "asserted", "2024-08", evidence=(_ev("d3", "Wagner attacked Ukraine."),)),
        Event("nato", "Mobilize", None, "planned", "2024-12", evidence=(_ev("d2", "NATO will mobilise."),)),
    )
    # what the documents call the actors: the page's search finds them by these names too
    mentions = (Mention("d2", 0, 9, "Pyongyang", "PRK"), Mention("d3", 0, 9, "Pyongyang", "PRK"),
                Mention("d2", 0, 5, "Seoul", "KOR"), Mention("d1", 0, 14, "President Yoon", "yoon"),
                Mention("d3", 0, 6, "Wagner", "wagner"), Mention("d3", 0, 6, "Russia", "RUS"),
                Mention("d3", 0, 10, f"{IMG} the firm", "evil"))
    return Corpus(docs, ents, mentions, events)


@pytest.fixture
def graph() -> Graph:
    return union(to_dataset(make_render_corpus()))


@pytest.fixture
def sample_graph(sample_corpus: Corpus) -> Graph:
    return union(to_dataset(sample_corpus))


# ------------------------------------------------------------ view model


def test_sample_view_has_its_actors_and_events(sample_graph: Graph) -> None:
    view = read_view(sample_graph)
    assert [a.id for a in view.actors] == ["KOR", "PRK", "RUS", "UKR"]
    assert [(e.actor, e.action, e.target, e.modality, e.date, e.date_source, e.sources) for e in view.edges] == [
        ("KOR", "SupplyWeapons", "UKR", "considered", "2024-11-14", "article", 1),  # the text gives no date
        ("PRK", "DeployTroops", "RUS", "asserted", "2024-10", "text", 1),
    ]
    assert view.edges[1].evidence[0].sentence == "North Korea sent 12,000 troops to Russia last month."
    assert view.edges[1].quad == "material-conflict"


def test_view_reads_kinds_sources_attribution_and_targetless_events(graph: Graph) -> None:
    view = read_view(graph)
    kinds = {a.id: a.kind for a in view.actors}
    assert kinds == {
        "KOR": "Country", "UKR": "Country", "PRK": "Country", "RUS": "Country",
        "yoon": "Person", "nato": "Organization", "wagner": "ArmedGroup", "evil": "Organization",
    }
    assert len(view.events) == 9 and len(view.edges) == 8
    deploy = next(e for e in view.edges if e.action == "DeployTroops")
    assert deploy.sources == 2
    assert [s.doc for s in deploy.evidence] == ["d2", "d3"]
    supply = next(e for e in view.edges if e.action == "SupplyWeapons")
    assert supply.evidence[0].said_by == "Yoon Suk Yeol"
    assert supply.evidence[0].sentence == SENTENCE_XSS
    loose = [e for e in view.events if not e.target]
    assert [(e.actor, e.action) for e in loose] == [("nato", "Mobilize")]
    assert {d.id: d.title for d in view.docs}["d1"] == f"Seoul weighs arms {SCRIPT}"


def test_country_level_aggregates_people_and_bodies_and_merges_events(graph: Graph) -> None:
    view = select(read_view(graph), level="country")
    assert sorted(a.id for a in view.actors) == ["KOR", "PRK", "RUS", "UKR", "evil", "nato"]
    assert len(view.edges) == 7  # Yoon's and Seoul's accusations are one event of South Korea
    accuse = [e for e in view.edges if e.action == "Accuse"]
    assert [(e.actor, e.target, e.sources) for e in accuse] == [("KOR", "PRK", 2)]
    assert {s.sentence for s in accuse[0].evidence} == {"Yoon accused Pyongyang.", "Seoul accused Pyongyang."}
    assert ("RUS", "UKR") in {(e.actor, e.target) for e in view.edges if e.action == "Assault"}


def test_min_sources_hides_weakly_sourced_events(graph: Graph) -> None:
    view = select(read_view(graph), min_sources=2)
    assert [(e.actor, e.action, e.target) for e in view.edges] == [("PRK", "DeployTroops", "RUS")]
    assert sorted(a.id for a in view.actors) == ["PRK", "RUS"]
    # counted on what is drawn: at country level the merged accusation has two sources
    country = select(read_view(graph), level="country", min_sources=2)
    assert sorted(e.action for e in country.edges) == ["Accuse", "DeployTroops"]


def test_focus_and_depth_give_the_ego_network(graph: Graph) -> None:
    one = select(read_view(graph), focus="North Korea", depth=1)
    assert sorted(a.id for a in one.actors) == ["KOR", "PRK", "RUS", "yoon"]
    assert len(one.edges) == 5
    two = select(read_view(graph), focus="prk", depth=2)
    assert sorted(a.id for a in two.actors) == ["KOR", "PRK", "RUS", "UKR", "evil", "yoon"]
    # a person's ego network at country level is their country's
    country = select(read_view(graph), level="country", focus="Yoon Suk Yeol", depth=1)
    assert sorted(a.id for a in country.actors) == ["KOR", "PRK", "UKR", "evil"]


@pytest.mark.parametrize(
    "options, message",
    [
        ({"focus": "Atlantis"}, "Unknown actor 'Atlantis'; choose one of:"),
        ({"level": "region"}, "Unknown level 'region'; choose one of: actor, country"),
        ({"focus": "PRK", "depth": -1}, "--depth must be 0 or more"),
        ({"min_sources": 3}, "--min-sources 3 leaves no event to draw: the most sources any event has is 2"),
        ({"level": "country", "min_sources": 5}, "--min-sources 5 leaves no event to draw: the most sources any event has is 2"),
        ({"focus": "Ukraine", "min_sources": 2}, "--min-sources 2 leaves nothing of --focus Ukraine: its events are told by 1 source at most"),
        ({"focus": "Atlantis", "min_sources": 2}, "Unknown actor 'Atlantis'"),  # the typo is named, not the filter
        ({"focus": "PRK", "depth": 0}, "--focus PRK --depth 0 leaves no event to draw: every event of it has another party"),
    ],
)
def test_bad_options_are_input_errors(graph: Graph, options: dict, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        select(read_view(graph), **options)


def test_a_country_only_its_bodies_act_for_is_named_as_such() -> None:
    """`--focus Russia` on a graph where only Russia's defence ministry acts said "Unknown actor 'Russia'"."""
    view = View(actors=(Actor("mod", "Ministry of Defence of Russia", "Organization", "RUS"), Actor("LTU", "Lithuania", "Country")),
                events=(EventView("e1", "mod", "LTU", "Threaten", "asserted", "", 1),),
                others=(Actor("RUS", "Russia", "Country"),))
    with pytest.raises(InputError, match=re.escape("Russia takes part in no event itself, those acting for it do "
                                                   "(--level country draws theirs as its own); choose one of: Lithuania, ")):
        select(view, focus="russia")
    assert [a.id for a in select(view, level="country", focus="Russia").actors] == ["LTU", "RUS"]


def test_a_filter_that_leaves_something_draws_it(graph: Graph) -> None:
    assert [e.action for e in select(read_view(graph), focus="nato", depth=0).events] == ["Mobilize"]  # no other party
    assert [e.action for e in select(read_view(graph), focus="PRK", min_sources=2).edges] == ["DeployTroops"]


def test_nothing_to_draw_keeps_the_previous_page(graph: Graph, tmp_path: Path) -> None:
    """`kg render --min-sources 2` on data told once replaced graph.html with an empty page, exit 0."""
    ttl = tmp_path / "graph.ttl"
    graph.serialize(ttl, format="turtle")
    page = tmp_path / "graph.html"
    assert CliRunner().invoke(app, ["render", str(ttl), "-o", str(page)]).exit_code == 0
    before = page.read_bytes()
    result = CliRunner().invoke(app, ["render", str(ttl), "-o", str(page), "--min-sources", "3"])
    assert result.exit_code == InputError.exit_code and result.stdout == ""
    assert result.stderr == "Error: --min-sources 3 leaves no event to draw: the most sources any event has is 2\n"
    assert page.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl"]
    # a graph with no events at all draws nothing either, unless asked (a build of articles without events)
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(empty), "-o", str(page)])
    assert result.exit_code == InputError.exit_code and result.stderr.startswith("Error: nothing to draw: the graph holds no events")
    assert page.read_bytes() == before
    render_html(Graph(), tmp_path / "built.html")
    assert _data((tmp_path / "built.html").read_text(encoding="utf-8"))["edges"] == []


# ------------------------------------------------------------ network styling


def test_network_styles_edges_by_quad_modality_and_sources(graph: Graph) -> None:
    net = to_network(read_view(graph))
    nodes = {n["id"]: n for n in net.nodes}
    edges = {e["kg"]["action"]: e for e in net.edges}
    assert len(nodes) == 8 and len(net.edges) == 8
    assert nodes["PRK"]["size"] > nodes["UKR"]["size"] > nodes["nato"]["size"]  # PRK takes part in 5 events
    assert nodes["yoon"]["color"] != nodes["KOR"]["color"] != nodes["wagner"]["color"]
    assert edges["Assault"]["color"] == QUAD_STYLE["material-conflict"][0]
    assert edges["SignAgreement"]["color"] == QUAD_STYLE["verbal-cooperation"][0]
    assert edges["Aid"]["color"] == QUAD_STYLE["material-cooperation"][0]  # the action's class; negation is marked
    assert edges["SignAgreement"]["dashes"] == DASHES["planned"] and edges["SupplyWeapons"]["dashes"] == DASHES["considered"]
    assert edges["Assault"]["dashes"] is False
    assert edges["Aid"]["label"].startswith("✗ not") and edges["Aid"]["arrows"]["to"]["type"] == "bar"
    assert edges["DeployTroops"]["width"] > edges["Assault"]["width"]
    assert "2024-10" in edges["DeployTroops"]["label"]
    # three PRK-RUS events (one of them RUS->PRK): each on its own curve, seen from PRK to RUS
    def bend(e: dict) -> tuple[int, float]:
        side = 1 if e["smooth"]["type"] == "curvedCW" else -1
        return (side if e["from"] == "PRK" else -side, e["smooth"]["roundness"])

    prk_rus = [bend(e) for e in net.edges if {e["from"], e["to"]} == {"PRK", "RUS"}]
    assert len(prk_rus) == 3 and len(set(prk_rus)) == 3
    assert [ev["action"] for ev in nodes["nato"]["loose"]] == ["Mobilize"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in net.nodes)


# ------------------------------------------------------------ HTML: escaping, offline, determinism


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag of the page as a browser's tokenizer sees it (script bodies are not markup)."""
    parser = _TagCollector()
    parser.feed(html)
    return parser.tags


def _data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert block, "no data block"
    return json.loads(block.group(1))


def test_article_text_is_escaped_everywhere(graph: Graph) -> None:
    html = to_html(read_view(graph))
    tags = _tags(html)
    assert [t for t, _ in tags].count("script") == 3  # the data block, vis-network and our script: nothing else
    assert "img" not in {t for t, _ in tags}
    assert not [(t, a) for t, attrs in tags for a, _ in attrs if a.startswith("on")]  # no event handlers at all
    for payload in (SCRIPT, IMG):
        assert payload not in html, payload
    assert "javascript:" not in json.dumps(_data(html))  # only http(s) document URLs reach the page
    assert "\\u003cscript\\u003e" in html  # the text is there, escaped
    data = _data(html)  # and it round-trips to exactly what the article said
    edge = next(e for e in data["edges"] if e["kg"]["action"] == "SupplyWeapons")
    assert edge["kg"]["events"][0]["evidence"][0]["sentence"] == SENTENCE_XSS
    assert data["meta"]["docs"]["d1"]["title"] == f"Seoul weighs arms {SCRIPT}"
    assert {n["label"] for n in data["nodes"]} >= {f"{IMG}Evil Corp"}


def test_page_is_offline_and_locked_down(sample_graph: Graph) -> None:
    html = to_html(read_view(sample_graph))
    tags = _tags(html)
    assert not [(t, a, v) for t, attrs in tags for a, v in attrs if a in ("src", "href", "srcset", "action", "data")]
    assert "link" not in {t for t, _ in tags} and "iframe" not in {t for t, _ in tags}
    assert not re.search(r"cdnjs\.cloudflare|cdn\.jsdelivr|unpkg\.com|bootstrap@|fonts\.googleapis", html)
    assert "vis.Network" in html and "vis-network" in html  # vis-network is in-lined
    csp = next(dict(attrs)["content"] for t, attrs in tags if dict(attrs).get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    script_src = re.search(r"script-src ([^;]+);", csp).group(1)
    assert "unsafe-inline" not in script_src and script_src.count("'sha256-") == 2


def test_html_is_deterministic(graph: Graph) -> None:
    assert to_html(read_view(graph)) == to_html(read_view(graph))


def test_render_html_writes_the_page(graph: Graph, tmp_path: Path) -> None:
    out = render_html(graph, tmp_path / "sub" / "graph.html", level="country")
    data = _data(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 6 and len(data["edges"]) == 7
    assert data["meta"]["physics"] is True


# ------------------------------------------------------------ Gephi export and loading


@pytest.mark.parametrize("fmt, reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_gephi_exports_round_trip(graph: Graph, tmp_path: Path, fmt: str, reader) -> None:
    path = tmp_path / f"g.{fmt}"
    render(graph, path, format=fmt)
    g = reader(path)
    assert g.number_of_nodes() == 8 and g.number_of_edges() == 8
    labels = nx.get_node_attributes(g, "label")
    assert labels["PRK"] == "North Korea" and labels["evil"] == f"{IMG}Evil Corp"
    deploy = [d for _, _, d in g.edges(data=True) if d["action"] == "DeployTroops"]
    assert deploy[0]["sources"] == 2 and DEPLOY in deploy[0]["evidence"]


def test_to_networkx_keeps_parallel_events(graph: Graph) -> None:
    g = to_networkx(read_view(graph))
    assert g.number_of_edges("PRK", "RUS") == 2 and g.number_of_edges("RUS", "PRK") == 1


def test_load_graph_reads_trig_and_store(tmp_path: Path) -> None:
    import pyoxigraph

    ds = to_dataset(make_render_corpus())
    trig = tmp_path / "graph.trig"
    ds.serialize(trig, format="trig")
    assert len(read_view(load_graph(trig)).edges) == 8
    store = pyoxigraph.Store(str(tmp_path / "store"))
    store.load(trig.read_bytes(), format=pyoxigraph.RdfFormat.TRIG)
    store.flush()
    del store
    assert len(read_view(load_graph(tmp_path / "store")).edges) == 8
    assert len(read_view(load_graph(tmp_path)).edges) == 8  # the build folder: its graph.trig
    trig.unlink()
    assert len(read_view(load_graph(tmp_path)).edges) == 8  # a folder with only a store/: that store


def test_load_graph_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such graph file"):
        load_graph(tmp_path / "missing.ttl")
    (tmp_path / "notes").mkdir()
    with pytest.raises(StoreError, match="notes: not an Oxigraph store nor a build folder"):
        load_graph(tmp_path / "notes")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="cannot parse as turtle"):
        load_graph(bad)


# ------------------------------------------------------------ CLI


def test_cli_render(graph: Graph, tmp_path: Path) -> None:
    ttl = tmp_path / "graph.ttl"
    graph.serialize(ttl, format="turtle")
    runner = CliRunner()
    result = runner.invoke(app, ["render", str(ttl), "-o", str(tmp_path / "g.html"), "--focus", "PRK", "--depth", "1"])
    assert result.exit_code == 0, result.output
    assert len(_data((tmp_path / "g.html").read_text(encoding="utf-8"))["edges"]) == 5
    result = runner.invoke(app, ["render", str(ttl), "-o", str(tmp_path / "g.gexf"), "--format", "gexf", "--min-sources", "2"])
    assert result.exit_code == 0 and nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 1
    result = runner.invoke(app, ["render", str(ttl), "-o", str(tmp_path / "x.html"), "--focus", "Atlantis"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1].startswith("Error: Unknown actor 'Atlantis'; choose one of:")


# ------------------------------------------------------------ from the merge database, bounded


def _results(corpus: Corpus) -> list[DocResult]:
    """The corpus as the extraction hands it over: one DocResult per document, each with its own evidence."""
    out = []
    for doc in corpus.documents:
        events = tuple(replace(e, evidence=tuple(x for x in e.evidence if x.doc_id == doc.id)) for e in corpus.events
                       if any(x.doc_id == doc.id for x in e.evidence))
        keys = {k for e in events for k in (e.actor, e.target) if k} | {x.attributed_to for e in events for x in e.evidence if x.attributed_to}
        entities = tuple(sorted((e for e in corpus.entities if e.key in keys), key=lambda e: e.key))
        out.append(DocResult(doc, entities, tuple(m for m in corpus.mentions if m.doc_id == doc.id), events))
    return out


@pytest.fixture
def merger(tmp_path: Path):
    with Merger(tmp_path / "merge.sqlite") as m:
        for result in _results(make_render_corpus()):
            m.add(result)
        yield m.finish()


@pytest.mark.parametrize("n", [1, 2, 3, 5, 200])
def test_the_merge_database_gives_the_view_and_page_the_graph_gives(merger: Merger, n: int) -> None:
    from_graph = bound(read_view(union(to_dataset(merger.corpus()))), n)
    from_db = read_merged(merger, n)
    assert from_db == from_graph
    assert to_html(from_db) == to_html(from_graph)
    whole = read_merged(merger)
    assert (whole.actors, whole.events, whole.docs) == (lambda v: (v.actors, v.events, v.docs))(read_view(union(to_dataset(merger.corpus()))))


@pytest.mark.parametrize("options", [{"level": "country"}, {"focus": "PRK", "depth": 1}, {"min_sources": 2},
                                     {"level": "country", "focus": "Yoon Suk Yeol"}])
def test_the_render_options_give_the_same_view_from_the_merge_database(merger: Merger, options: dict) -> None:
    from kg.render import view_of

    graph = union(to_dataset(merger.corpus()))
    for n in (None, 3):
        assert view_of(merger, max_actors=n, **options) == view_of(graph, max_actors=n, **options)


def test_a_bounded_page_keeps_the_busiest_actors_and_says_what_it_left_out(graph: Graph, tmp_path: Path) -> None:
    view = bound(read_view(graph), 3)
    assert [a.id for a in view.actors] == ["KOR", "PRK", "RUS"]  # 4, 5 and 4 events; UKR has 3
    assert {(e.actor, e.target) for e in view.events} == {("PRK", "RUS"), ("RUS", "PRK"), ("KOR", "PRK")}
    assert (view.left_out_actors, view.left_out_events) == (5, 5)
    html = to_html(view)
    assert "Left out: 5 less busy actors and 5 events" in html
    assert "Left out" not in to_html(bound(read_view(graph), 200))
    page = tmp_path / "g.html"
    assert render(graph, page, max_actors=3).left_out_events == 5 and "kg-left-out" in page.read_text(encoding="utf-8")
    assert render(graph, page, max_actors=0).left_out_events == 0


def test_a_bounded_page_keeps_the_best_sourced_events_and_the_first_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.render as kg_render

    corpus = make_render_corpus()
    many = tuple(Evidence(f"x{i:02d}", f"Sentence {i}.", 0, 10) for i in range(25))
    docs = corpus.documents + tuple(Document(f"x{i:02d}", "...", "2024-11-01") for i in range(25))
    events = tuple(replace(e, evidence=e.evidence + many) if e.action == "Assault" else e for e in corpus.events)
    view = read_view(union(to_dataset(replace(corpus, documents=docs, events=events))))
    assault = next(e for e in bound(view, 200).events if e.action == "Assault")
    assert len(assault.evidence) == 20 and assault.evidence_total == 26 and assault.sources == 26
    data = _data(to_html(bound(view, 200)))
    assert next(e for e in data["edges"] if e["kg"]["action"] == "Assault")["kg"]["events"][0]["evidenceTotal"] == 26
    monkeypatch.setattr(kg_render, "EVENTS_PER_ACTOR", 1)
    three = bound(view, 3)  # PRK, KOR and RUS: four events among them, room for three, the best-sourced first
    assert [(e.actor, e.action) for e in three.events] == [("KOR", "Accuse"), ("PRK", "DeployTroops"), ("PRK", "SignAgreement")]
    assert three.left_out_events == len(view.events) - 3


def _big_view(n_actors: int) -> View:
    """A view of n actors in a chain of hubs and satellites, every actor in at least one event."""
    actors = tuple(Actor(f"a{i:04d}", f"Actor {i}", "Person") for i in range(n_actors))
    events = tuple(EventView(f"e{i}", f"a{i:04d}", f"a{(i * 7 + 1) % 40:04d}" if i >= 40 else f"a{(i + 1) % 40:04d}",
                             "Consult", "asserted", "", 1) for i in range(n_actors))
    return View(actors, events)


def test_a_graph_above_networkx_scipy_threshold_is_laid_out_without_scipy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """networkx's spring layout imports scipy from 500 nodes; kg does not depend on scipy, so a page of 650 actors
    is laid out without it (scipy made unimportable here)."""
    import sys

    for name in [m for m in sys.modules if m == "scipy" or m.startswith("scipy.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "scipy", None)  # `import scipy` now raises ImportError
    with pytest.raises(ImportError):
        import scipy  # noqa: F401
    view = _big_view(650)
    pos = layout(view)
    assert len(pos) == 650 and len(set(pos.values())) == 650
    page = tmp_path / "big.html"
    drawn = render(view_graph := union(to_dataset(_as_corpus(view))), page, max_actors=0)
    assert len(drawn.actors) == 650 and len(_data(page.read_text(encoding="utf-8"))["nodes"]) == 650
    render(view_graph, tmp_path / "big.gexf", format="gexf")
    assert nx.read_gexf(tmp_path / "big.gexf").number_of_nodes() == 650


def _as_corpus(view: View) -> Corpus:
    doc = Document("d", "...", "2024-01-01")
    return Corpus((doc,), tuple(Entity(a.id, a.label, a.kind) for a in view.actors), (),
                  tuple(Event(e.actor, e.action, e.target, e.modality, None, evidence=(Evidence("d", f"{e.id}.", 0, 3),))
                        for e in view.events))


def test_the_build_page_comes_from_the_merge_database_as_kg_render_draws_it(merger: Merger, tmp_path: Path) -> None:
    from kg.pipeline import write_outputs

    write_outputs(merger, tmp_path / "out", work=tmp_path)
    result = CliRunner().invoke(app, ["render", str(tmp_path / "out" / "graph.ttl"), "-o", str(tmp_path / "again.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "graph.html").read_bytes() == (tmp_path / "again.html").read_bytes()
    write_outputs(merger, tmp_path / "small", max_actors=2)
    assert "Left out: 6 less busy actors" in (tmp_path / "small" / "graph.html").read_text(encoding="utf-8")


def test_cli_max_actors(graph: Graph, tmp_path: Path) -> None:
    ttl = tmp_path / "graph.ttl"
    graph.serialize(ttl, format="turtle")
    result = CliRunner().invoke(app, ["render", str(ttl), "-o", str(tmp_path / "g.html"), "--max-actors", "3"])
    assert result.exit_code == 0, result.output
    assert len(_data((tmp_path / "g.html").read_text(encoding="utf-8"))["nodes"]) == 3
    assert "(5 actors, 5 events left out)" in result.stderr
    page = _data((tmp_path / "g.html").read_text(encoding="utf-8"))
    # the summary counts events and the edges the page draws for them, not one as the other
    assert "3 actors, " in result.stderr and f" in {len(page['edges'])} edges -> " in result.stderr
    result = CliRunner().invoke(app, ["render", str(ttl), "-o", str(tmp_path / "g.html"), "--max-actors", "-1"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_the_seed_build_page_is_the_page_kg_render_draws_from_its_graph(tmp_path: Path) -> None:
    """On real articles too, the page the build draws from its merge database is byte for byte the page
    `kg render` draws from graph.ttl, bounded or not."""
    from kg.pipeline import build
    from tests.conftest import SEEDS_JSONL

    if not SEEDS_JSONL.is_file():
        pytest.skip(f"{SEEDS_JSONL} not found (../shared beside the repository)")
    for n in (None, 8):
        out = tmp_path / f"out-{n}"
        build([str(SEEDS_JSONL)], out, max_actors=n)
        again = tmp_path / f"again-{n}.html"
        view = render(load_graph(out / "graph.ttl"), again, max_actors=n)
        assert (out / "graph.html").read_bytes() == again.read_bytes()
        assert len(view.actors) <= (n or 200) and (view.left_out_actors > 0) == (n is not None)


# ------------------------------------------------------------ Gephi files that XML parsers read, whatever the text


@pytest.mark.parametrize("fmt, reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_gephi_files_read_back_whatever_characters_the_text_holds(tmp_path: Path, fmt: str, reader) -> None:
    """Article text can hold U+0001, a form feed or U+FFFE; XML 1.0 allows none of them, even escaped."""
    import xml.etree.ElementTree as ET

    sentence = "North Korea\x01 sent\x0c troops\x1b[31m to Russia\ufffe."
    corpus = Corpus(
        (Document("d\x02", "...", "2024-11-01", "Title\x03", None, "Outlet\x04"),),
        (Entity("PRK", "North\x05Korea", "Country", "PRK"), Entity("RUS", "Russia", "Country", "RUS")),
        (),
        (Event("PRK", "DeployTroops", "RUS", "asserted", "2024-10", evidence=(_ev("d\x02", sentence),)),),
    )
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(union(to_dataset(corpus)).serialize(format="turtle"), encoding="utf-8")
    out = tmp_path / f"g.{fmt}"
    result = CliRunner().invoke(app, ["render", str(ttl), "-o", str(out), "--format", fmt])
    assert result.exit_code == 0, result.output
    ET.parse(out)  # well-formed XML 1.0
    g = reader(out)
    assert nx.get_node_attributes(g, "label")["PRK"] == "North\ufffdKorea"
    (_, _, data), = g.edges(data=True)
    assert data["evidence"] == "North Korea\ufffd sent\ufffd troops\ufffd[31m to Russia\ufffd."
    direct = tmp_path / f"direct.{fmt}"
    render(corpus, direct, format=fmt)  # the library call, from a corpus rather than a graph, is as safe
    ET.parse(direct)
    assert nx.get_node_attributes(reader(direct), "label")["PRK"] == "North\ufffdKorea"


# ------------------------------------------------------------ one story per document, dates and titles on the page


def test_a_telling_its_document_outranks_is_drawn_faint_in_its_own_modality(tmp_path: Path) -> None:
    """Seoul says it supplied arms and also weighs supplying them: the supply is the story, the weighing faint."""
    text = "Seoul supplied arms to Kyiv on 3 May.\nSeoul weighs supplying arms to Kyiv."
    doc = Document("d1", text, "2024-11-14")
    events = (Event("KOR", "SupplyWeapons", "UKR", "asserted", "2024-05-03", evidence=(_ev("d1", text[:37]),)),
              Event("KOR", "SupplyWeapons", "UKR", "considered", None, evidence=(_ev("d1", text[38:]),)))
    corpus = Corpus((doc,), (Entity("KOR", "South Korea", "Country", "KOR"), Entity("UKR", "Ukraine", "Country", "UKR")),
                    (), events)
    with Merger(tmp_path / "m.sqlite") as m:
        for result in _results(corpus):
            m.add(result)
        from_db = read_merged(m.finish())
    view = read_view(union(to_dataset(corpus)))
    assert from_db.events == view.events
    done, weighed = sorted(view.edges, key=lambda e: e.modality)
    assert (done.modality, done.superseded, done.date, done.date_source) == ("asserted", False, "2024-05-03", "text")
    assert (weighed.modality, weighed.superseded, weighed.date, weighed.date_source) == ("considered", True, "2024-11-14", "article")
    edges = {e["kg"]["modality"]: e for e in to_network(view).edges}
    assert edges["considered"]["color"] == {"color": QUAD_STYLE["material-cooperation"][0], "opacity": SUPERSEDED_OPACITY}
    assert edges["considered"]["dashes"] == DASHES["considered"] and edges["considered"]["width"] == 1
    assert edges["asserted"]["color"] == QUAD_STYLE["material-cooperation"][0] and edges["asserted"]["dashes"] is False
    # the text's date labels its edge; the article's stays in the event's data, for its details and the filter
    assert edges["asserted"]["label"] == "supply weapons · 2024-05-03" and edges["considered"]["label"] == "supply weapons"
    (weighing,) = edges["considered"]["kg"]["events"]
    assert (weighing["date"], weighing["dateSource"], weighing["superseded"]) == ("2024-11-14", "article", True)
    assert edges["considered"]["kg"]["superseded"] is True
    # a document without a title is called by its first line
    assert {d.id: d.title for d in view.docs} == {"d1": "Seoul supplied arms to Kyiv on 3 May."}
    assert _data(to_html(view))["meta"]["docs"]["d1"]["title"] == "Seoul supplied arms to Kyiv on 3 May."


# ------------------------------------------------------------ a crowded page: one edge per pair, action and modality


COUNTRIES = ("KOR", "PRK", "RUS", "UKR", "USA")
CROWDED_ACTIONS = ("SignAgreement", "Consult", "Accuse", "SupplyWeapons", "DeployTroops", "Threaten")


def make_crowded_corpus(n_events: int = 360, seed: int = 3) -> Corpus:
    """Five countries and two officials of each telling `n_events` events over a year in 120 articles: the same
    pairs and actions again and again, with every modality, as a few hundred articles about one war do."""
    import random

    rng = random.Random(seed)
    ents = [Entity(c, f"Country {c}", "Country", c) for c in COUNTRIES]
    ents += [Entity(f"{c.lower()}-{i}", f"Official {i} of {c}", "Person", c) for c in COUNTRIES for i in (1, 2)]
    docs = tuple(Document(f"n{i:03d}", "...", f"2024-{i % 12 + 1:02d}-15", f"Article {i}") for i in range(120))
    events: dict[tuple, Event] = {}
    while len(events) < n_events:
        actor, target = rng.sample(ents, 2)
        if actor.country == target.country:
            continue
        told = rng.sample(docs, rng.choice((1, 1, 2, 3)))
        date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.7 else None
        event = Event(actor.key, rng.choice(CROWDED_ACTIONS), target.key,
                      rng.choice(("asserted", "asserted", "asserted", "planned", "considered", "negated")), date,
                      evidence=tuple(_ev(d.id, f"{actor.label} and {target.label}, {len(events)}.") for d in told))
        events.setdefault(event.key, event)
    return Corpus(docs, tuple(ents), (), tuple(events.values()))


@pytest.fixture(scope="module")
def crowded() -> View:
    return read_view(union(to_dataset(make_crowded_corpus())))


@pytest.mark.parametrize("level", ["actor", "country"])
def test_one_edge_per_actor_target_action_and_modality_counts_its_events(crowded: View, level: str) -> None:
    view = select(crowded, level=level)
    groups = Counter((e.actor, e.target, e.action, e.modality) for e in view.edges)
    net = to_network(view)
    assert len(net.edges) == len(groups) == len(edge_groups(view)) < len(view.edges)
    drawn = {(e["from"], e["to"], e["kg"]["action"], e["kg"]["modality"]): e for e in net.edges}
    assert {key: len(e["kg"]["events"]) for key, e in drawn.items()} == dict(groups)
    assert sum(len(e["kg"]["events"]) for e in net.edges) == len(view.edges)
    by_id = {e.id: e for e in view.edges}
    for key, e in drawn.items():
        told = [by_id[t["id"]] for t in e["kg"]["events"]]
        assert {(x.actor, x.target, x.action, x.modality) for x in told} == {key}
        assert [t["sources"] for t in e["kg"]["events"]] == [x.sources for x in told]
        assert all(t["evidence"] for t in e["kg"]["events"])  # each event lists the sentences and documents telling it
        if len(told) > 1:
            assert e["label"].endswith(f" ×{len(told)}") and "·" not in e["label"]
        assert e["label"].startswith("✗ not ") == (key[3] == "negated")
    # width grows with the events and their sources, whatever the modality
    drawn_widths = sorted((sum(t["sources"] for t in e["kg"]["events"]), e["width"]) for e in net.edges
                          if not e["kg"]["superseded"])
    assert [w for _, w in drawn_widths] == sorted(w for _, w in drawn_widths)
    assert drawn_widths[-1][1] > drawn_widths[0][1]
    data = _data(to_html(view))
    assert len(data["edges"]) == len(groups)
    if level == "country":  # five countries: at most one edge per ordered pair, action and modality
        assert {a.id for a in view.actors} == set(COUNTRIES)
        assert max(groups.values()) > 1 and len(groups) <= 5 * 4 * len(CROWDED_ACTIONS) * 4


def test_many_edges_between_two_actors_bend_apart_without_looping(crowded: View) -> None:
    net = to_network(select(crowded, level="country"))
    pair = [e for e in net.edges if {e["from"], e["to"]} == {"KOR", "PRK"}]
    bends = {(e["smooth"]["type"] == "curvedCW") == (e["from"] == "KOR") for e in pair}, [e["smooth"]["roundness"] for e in pair]
    assert len(pair) > 10 and bends[0] == {True, False}
    assert max(bends[1]) <= 0.9 and len(set(bends[1])) > len(pair) // 4


def test_a_crowded_page_labels_edges_only_where_looked_at_or_zoomed_in(graph: Graph, crowded: View) -> None:
    from kg.render import EDGE_FONT, EDGE_LABELS_ALWAYS, LABEL_ZOOM

    few = _data(to_html(read_view(graph)))
    assert few["meta"]["declutter"] is False and len(few["edges"]) <= EDGE_LABELS_ALWAYS
    assert few["options"]["edges"]["scaling"]["label"]["drawThreshold"] == 5  # vis-network's default: always drawn
    html = to_html(crowded)
    many = _data(html)
    assert many["meta"]["declutter"] is True and len(many["edges"]) > EDGE_LABELS_ALWAYS
    # vis-network draws a label when its on-screen size reaches drawThreshold - 1: from LABEL_ZOOM on
    assert many["options"]["edges"]["scaling"]["label"]["drawThreshold"] == EDGE_FONT * LABEL_ZOOM + 1
    assert "Edge labels show on hover" in html and "Edge labels show on hover" not in to_html(read_view(graph))


# ------------------------------------------------------------ search names and the date box


def test_the_page_knows_actors_by_what_the_documents_and_the_gazetteer_call_them(graph: Graph) -> None:
    from kg.render import ALIASES_PER_ACTOR, search_names

    view = read_view(graph)
    actors = {a.id: a for a in view.actors}
    assert actors["PRK"].aliases == ("Pyongyang",) and actors["RUS"].aliases == ()  # "Russia" is its label
    names = search_names(view.actors)
    assert names["KOR"][0] == "Seoul" and "ROK" in names["KOR"] and "South Korea" not in names["KOR"]
    assert names["PRK"][0] == "Pyongyang" and "DPRK" in names["PRK"] and names["PRK"].count("Pyongyang") == 1
    assert names["RUS"][:2] == ("Moscow", "Kremlin")  # capitals before the gazetteer's other names
    assert names["evil"] == (f"{IMG} the firm",) and names["yoon"] == ("President Yoon",)  # no gazetteer entry
    zelensky = Actor("volodymyr-zelensky", "Volodymyr Zelensky", "Person", "UKR")
    assert "Zelenskiy" in search_names([zelensky])["volodymyr-zelensky"]
    many = Actor("UKR", "Ukraine", "Country", "", tuple(f"Ukraine {i:03d}" for i in range(100)))
    assert len(search_names([many])["UKR"]) == ALIASES_PER_ACTOR  # bounded, the documents' names first
    nodes = {n["id"]: n for n in _data(to_html(view))["nodes"]}
    assert nodes["PRK"]["aliases"] == list(names["PRK"])


def test_the_merge_database_gives_the_names_the_graph_gives(merger: Merger) -> None:
    whole = {a.id: a.aliases for a in read_merged(merger).actors}
    assert whole["PRK"] == ("Pyongyang",) and whole["KOR"] == ("Seoul",) and whole["RUS"] == ()
    assert {a.id: a.aliases for a in read_merged(merger, 3).actors} == {k: whole[k] for k in ("KOR", "PRK", "RUS")}


def test_the_date_box_gets_kg_temporal_s_patterns_in_javascript_syntax(graph: Graph) -> None:
    from kg.temporal import ABSOLUTE, MONTHS

    dates = _data(to_html(read_view(graph)))["meta"]["dates"]
    assert dates["months"] == MONTHS and dates["months"]["oct"] == 10
    assert set(dates["patterns"]) == set(ABSOLUTE)
    assert all("(?P<" not in p for p in dates["patterns"].values())
    # the same patterns, named groups aside: what matches in Python matches on the page
    for name, pattern in dates["patterns"].items():
        assert re.compile(pattern.replace("(?<", "(?P<")).pattern == ABSOLUTE[name].pattern
