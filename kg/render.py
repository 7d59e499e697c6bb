"""Graph -> an interactive, self-contained HTML network of who did what to whom (pyvis + vis-network).

The page works offline and can be shared as one file: vis-network's JS and CSS
come in-line from the copy pyvis ships, and our own template replaces pyvis's
(which links Bootstrap from a CDN). Everything from articles reaches the page
only as JSON inside a script and is put into the DOM with `textContent`, so an
article cannot inject markup or script. The same view model also exports to
GEXF and GraphML for Gephi when a graph is too big for a browser.

Steps: `read_view(graph)` walks the RDF into a small frozen `View`, or
`read_merged(merger)` reads it straight from the build's merge database;
`select(view, ...)` applies --level/--focus/--depth/--min-sources;
`bound(view, n)` keeps the n busiest actors and their events, counting what
it leaves out (a page holds a bounded amount, whatever the corpus);
`to_network(view)` lays it out (networkx, without scipy) and builds a pyvis
`Network` with one edge per `edge_groups(view)` group (actor, target, action,
modality: the events told of it, counted); `to_html(view)` renders the page;
`render(source, path, ...)` does all.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path
from typing import Callable, Iterable

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.util import guess_format

from kg.actions import action_types
from kg.errors import InputError, StoreError, choose_from
from kg.merge import CorpusView, Merger
from kg.model import Corpus, Entity
from kg.safe import xml_safe_network
from kg.temporal import ABSOLUTE, MONTHS
from kg.vocab import KG

SCHEMA_URL = URIRef("https://schema.org/url")

KIND_CLASSES: dict[URIRef, str] = {
    KG.Country: "Country",
    KG.Organization: "Organization",
    KG.Person: "Person",
    KG.ArmedGroup: "ArmedGroup",
    KG.Location: "Location",
}

MODALITY_OF: dict[URIRef, str] = {
    KG.Asserted: "asserted",
    KG.Considered: "considered",
    KG.Planned: "planned",
    KG.Negated: "negated",
}

KIND_STYLE: dict[str, tuple[str, str]] = {
    # kind: (colour, legend label); Paul Tol's colour-blind-safe "bright"/"high contrast" hues
    "Country": ("#4477AA", "country"),
    "Organization": ("#DDAA33", "organisation"),
    "Person": ("#AA3377", "person"),
    "ArmedGroup": ("#222222", "armed group"),
    "Location": ("#999999", "location"),
    "Entity": ("#66CCEE", "other"),
}

QUAD_STYLE: dict[str, tuple[str, str]] = {
    # PLOVER quad class: (colour, legend label); green cooperates, red fights, pale is verbal
    "verbal-cooperation": ("#5AAE61", "verbal cooperation"),
    "material-cooperation": ("#1B7837", "material cooperation"),
    "verbal-conflict": ("#F4A582", "verbal conflict"),
    "material-conflict": ("#B2182B", "material conflict"),
}

SUPERSEDED_OPACITY = 0.35
"""How faint an edge is drawn whose every document tells a stronger story of the same actor, action and target."""

DASHES: dict[str, list[int] | bool] = {
    # modality: vis-network dash pattern; only what happened is a solid line
    "asserted": False,
    "considered": [2, 6],
    "planned": [10, 6],
    "negated": False,
}

MAX_ROUNDNESS = 0.9
"""How far the outermost of many edges between two actors bends (vis-network roundness)."""
LEVELS = ("actor", "country")
PHYSICS_MAX_NODES = 150
"""Above this many nodes the page draws the precomputed layout with physics off."""
MAX_ACTORS = 200
"""Actors on a page unless told otherwise: the busiest, so the page stays readable and its size bounded."""
EVENTS_PER_ACTOR = 5
"""A bounded page holds at most this many events per actor allowed on it, those told by the most sources."""
MAX_EVIDENCE = 20
"""Evidence sentences a bounded page keeps per event (the details panel shows 20); the rest are counted."""
EDGE_LABELS_ALWAYS = 40
"""Up to this many drawn edges, every edge shows its label. Above, a label shows on hover, on the edges of
the selected or found actor, or once zoomed in to LABEL_ZOOM: 300 articles otherwise pile up into a blot."""
LABEL_ZOOM = 1.5
"""On a page with more than EDGE_LABELS_ALWAYS edges, the zoom from which every edge label is drawn (1: labels at
their own size). Above 1, since the first picture, fitted to the screen, is never zoomed in beyond 1."""
EDGE_FONT = 11
"""Edge label size, in pixels at zoom 1."""
ALIASES_PER_ACTOR = 32
"""Names a page's search knows an actor by besides its label and key: the texts the documents call it by
first, then the gazetteer's (capitals, names, demonyms); the rest are left out to keep the page small."""
ALIAS_MAX_CHARS = 80
"""Longer names are no search terms anyone types: left out."""


@dataclass(frozen=True)
class Doc:
    """A source document as the page shows it: `title` is its label (its title, else its first line)."""

    id: str
    title: str = ""
    url: str = ""
    date: str = ""


@dataclass(frozen=True)
class Source:
    """One evidence sentence of an event: the text, its document and who says so."""

    sentence: str
    doc: str
    said_by: str = ""


@dataclass(frozen=True)
class Actor:
    """A node: an entity that takes part in at least one event."""

    id: str
    label: str
    kind: str
    country: str = ""
    """Id of the country the actor acts for ("" when none or itself)."""
    aliases: tuple[str, ...] = ()
    """The texts the documents name it by, other than its label (sorted; at most ALIASES_PER_ACTOR)."""


@dataclass(frozen=True)
class EventView:
    """An event: an edge from actor to target, or an actor's detail when it has no target."""

    id: str
    actor: str
    target: str
    action: str
    modality: str
    date: str
    sources: int
    evidence: tuple[Source, ...] = ()
    evidence_total: int = 0
    """How many evidence sentences the event has in all, when `evidence` holds only the first of them (0: all held)."""
    date_source: str = ""
    """Where `date` comes from: "text", "article" (the earliest article's date: the text gives none) or "" (no date)."""
    superseded: bool = False
    """Every document that tells it tells a stronger modality of the same actor, action and target (kg.merge)."""

    @property
    def quad(self) -> str:
        """PLOVER quad class of the action ('material-conflict', ...)."""
        at = action_types().get(self.action)
        return at.quad if at else ""


@dataclass(frozen=True)
class View:
    """What the page shows: actors, events and the documents their evidence comes from."""

    actors: tuple[Actor, ...]
    events: tuple[EventView, ...]
    docs: tuple[Doc, ...] = ()
    others: tuple[Actor, ...] = ()
    """Entities that take part in no event but that actors act for: where --level country aggregates to."""
    left_out_actors: int = 0
    """Actors taking part in events that a bounded view does not draw."""
    left_out_events: int = 0
    """Events that a bounded view does not draw."""

    @property
    def edges(self) -> tuple[EventView, ...]:
        """Events with a target: the edges of the network."""
        return tuple(e for e in self.events if e.target)


# ---------------------------------------------------------------- RDF -> view


def _text(g: Graph, s: URIRef, p: URIRef) -> str:
    """The smallest value of a property as a string ('' if none): deterministic when a union holds several."""
    values = sorted(str(o) for o in g.objects(s, p))
    return values[0] if values else ""


def _node_id(g: Graph, node: URIRef) -> str:
    """The entity's key (its IRI if it has none): short, stable node ids."""
    return _text(g, node, KG.key) or str(node)


def _action(g: Graph, event: URIRef) -> str:
    """The most specific action type of an event (SupplyWeapons rather than Aid)."""
    types = action_types()
    ns = str(KG._NS)
    names = {str(t)[len(ns):] for t in g.objects(event, RDF.type) if str(t).startswith(ns)}
    names = {n for n in names if n in types}
    parents = {types[n].parent for n in names}
    specific = sorted(names - parents)
    return specific[0] if specific else "Event"


def read_view(graph: Graph) -> View:
    """Walk a kg graph (graph.ttl) into the view model: every actor and target of an event, every event.

    Example: for the sample corpus, `[e.action for e in read_view(g).edges] == ["SupplyWeapons", "DeployTroops"]`.
    """
    docs: dict[URIRef, Doc] = {}
    for d in graph.subjects(RDF.type, KG.Document):
        docs[d] = Doc(
            id=_text(graph, d, DCTERMS.identifier) or str(d),
            title=_text(graph, d, RDFS.label) or _text(graph, d, DCTERMS.title),
            url=_text(graph, d, SCHEMA_URL),
            date=_text(graph, d, DCTERMS.date),
        )
    labels: dict[URIRef, str] = {}

    def label(node: URIRef) -> str:
        if node not in labels:
            labels[node] = _text(graph, node, RDFS.label) or _node_id(graph, node)
        return labels[node]

    events: list[EventView] = []
    involved: set[URIRef] = set()
    for e in set(graph.subjects(RDF.type, KG.Event)):
        actor = graph.value(e, KG.actor)
        if actor is None:
            continue
        target = graph.value(e, KG.target)
        involved.update(n for n in (actor, target) if n is not None)
        evidence = []
        for m in graph.objects(e, KG.mention):
            d = graph.value(m, KG.document)
            by = graph.value(m, KG.attributedTo)
            evidence.append(
                (
                    docs[d].id if d in docs else str(d or ""),
                    int(graph.value(m, KG.start) or 0),
                    Source(
                        sentence=_text(graph, m, KG.sentence),
                        doc=docs[d].id if d in docs else str(d or ""),
                        said_by=label(by) if by is not None else _text(graph, m, KG.attributionText),
                    ),
                )
            )
        evidence.sort(key=lambda t: (t[0], t[1], t[2].sentence))
        count = graph.value(e, KG.sourceCount)
        n_docs = len({doc for doc, _, _ in evidence})
        date = _text(graph, e, KG.date)
        events.append(
            EventView(
                id=str(e).rsplit("/", 1)[-1],
                actor=_node_id(graph, actor),
                target=_node_id(graph, target) if target is not None else "",
                action=_action(graph, e),
                modality=MODALITY_OF.get(graph.value(e, KG.modality), "asserted"),
                date=date,
                sources=max(int(count.toPython()) if isinstance(count, Literal) else 0, n_docs),
                evidence=tuple(s for _, _, s in evidence),
                # a graph written before kg:dateSource dated events by their text only
                date_source=_text(graph, e, KG.dateSource) or ("text" if date else ""),
                superseded=(e, KG.superseded, Literal(True)) in graph,
            )
        )
    actors = []
    for node in involved:
        kinds = sorted(KIND_CLASSES[t] for t in graph.objects(node, RDF.type) if t in KIND_CLASSES)
        country = graph.value(node, KG.actsFor)
        cid = _node_id(graph, country) if country is not None and country != node else ""
        actors.append(Actor(_node_id(graph, node), label(node), kinds[0] if kinds else "Entity", cid,
                            _seen_names(map(str, graph.objects(node, SKOS.altLabel)), label(node))))
    # countries that actors act for, so --level country can name them even if they do nothing
    known = {a.id for a in actors}
    for node in set(graph.objects(None, KG.actsFor)):
        nid = _node_id(graph, node)
        if nid not in known:
            kinds = sorted(KIND_CLASSES[t] for t in graph.objects(node, RDF.type) if t in KIND_CLASSES)
            actors.append(Actor(nid, label(node), kinds[0] if kinds else "Country", "",
                                _seen_names(map(str, graph.objects(node, SKOS.altLabel)), label(node))))
            known.add(nid)
    view = View(
        actors=tuple(sorted(actors, key=lambda a: a.id)),
        events=tuple(sorted(events, key=lambda e: (e.actor, e.target, e.date, e.action, e.modality, e.id))),
        docs=tuple(sorted(docs.values(), key=lambda d: d.id)),
    )
    return _prune(view)


def _seen_names(texts: Iterable[str], label: str) -> tuple[str, ...]:
    """The texts the documents name an entity by, other than its label: sorted, the first ALIASES_PER_ACTOR
    (what the graph's skos:altLabel holds and the merge database's mentions, read the same way)."""
    return tuple(sorted(set(texts) - {label})[:ALIASES_PER_ACTOR])


def read_merged(merged: Merger, max_actors: int | None = None) -> View:
    """The view read straight from a finished merge database, as `read_view` reads it from the graph;
    with `max_actors`, only what `bound(view, max_actors)` keeps is ever read (the same view), so memory
    stays flat whatever the corpus.

    SQLite ranks the actors and picks the events on disk; no RDF is built.
    """
    from kg.graph import entity_iri, event_iri

    keys, involved = merged.busiest(max_actors) if max_actors else (None, 0)
    limit = EVENTS_PER_ACTOR * max_actors if max_actors else None
    entities: dict[str, Entity | None] = {}

    def entity(key: str) -> Entity | None:
        if key not in entities:
            entities[key] = merged.entity(key)
        return entities[key]

    def node_id(key: str) -> str:  # a key no entity has is only an IRI in the graph
        return key if entity(key) is not None else str(entity_iri(key))

    def label(key: str) -> str:
        found = entity(key)
        return found.label if found is not None else node_id(key)

    seen: dict[str, list[str]] = {}

    def actor(key: str, default_kind: str = "Entity") -> Actor:
        found = entity(key)
        kind = found.kind if found is not None and found.kind in KIND_CLASSES.values() else default_kind
        country = found.country if found is not None and found.country and found.country != key else ""
        # the graph names only known entities by what the documents call them
        names = _seen_names(seen.get(key, ()), label(key)) if found is not None else ()
        return Actor(node_id(key), label(key), kind, node_id(country) if country else "", names)

    events: list[EventView] = []
    taking_part: set[str] = set()
    for event, sources, total, evidence in merged.events_among(keys, limit, MAX_EVIDENCE if max_actors else None):
        taking_part.update(k for k in (event.actor, event.target) if k)
        events.append(EventView(
            id=str(event_iri(event)).rsplit("/", 1)[-1],
            actor=node_id(event.actor),
            target=node_id(event.target) if event.target else "",
            action=event.action if event.action in action_types() else "Event",
            modality=event.modality,
            date=event.when or "",
            sources=sources,
            evidence=tuple(Source(x.sentence, x.doc_id, label(x.attributed_to) if x.attributed_to else x.attribution_text or "")
                           for x in evidence),
            evidence_total=total if total > len(evidence) else 0,
            date_source=event.date_source or "",
            superseded=event.superseded,
        ))
    countries: set[str] = set()
    if not max_actors:  # the countries actors act for, where --level country aggregates to
        countries = {c for key in taking_part if (found := entity(key)) is not None and (c := found.country)}
    seen.update(merged.mention_texts(taking_part | countries))
    actors = {a.id: a for a in map(actor, taking_part)}
    others: dict[str, Actor] = {}
    for country in sorted(countries):
        if node_id(country) not in actors:
            others[node_id(country)] = actor(country, "Country")
    cited = {s.doc for e in events for s in e.evidence}
    docs = [Doc(d.id, d.label, d.url or "", d.date or "") for d in merged.documents_by_id(cited)]
    view = View(
        actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
        events=tuple(sorted(events, key=lambda e: (e.actor, e.target, e.date, e.action, e.modality, e.id))),
        docs=tuple(docs),
        others=tuple(sorted(others.values(), key=lambda a: a.id)),
    )
    if not max_actors:
        return view
    return replace(view, left_out_actors=involved - len(view.actors), left_out_events=merged.count("merged_events") - len(events))


def _prune(view: View) -> View:
    """Keep as nodes only actors that take part in a remaining event, and the documents still cited."""
    used = {e.actor for e in view.events} | {e.target for e in view.events if e.target}
    cited = {s.doc for e in view.events for s in e.evidence}
    everyone = sorted({a.id: a for a in view.others + view.actors}.values(), key=lambda a: a.id)
    return View(
        actors=tuple(a for a in everyone if a.id in used),
        events=view.events,
        docs=tuple(d for d in view.docs if d.id in cited),
        others=tuple(a for a in everyone if a.id not in used),
    )


# ---------------------------------------------------------------- options


def resolve_actor(view: View, name: str) -> str:
    """The id of the actor a user means by key, label or IRI (case-insensitive); InputError lists choices."""
    wanted = name.strip().casefold()
    named = lambda a: wanted in (a.id.casefold(), a.label.casefold(), a.id.rsplit("/", 1)[-1].casefold())  # noqa: E731
    for a in view.actors:
        if named(a):
            return a.id
    choices = choose_from((a.label for a in view.actors), name)
    for a in view.others:  # a country only its people and bodies act for
        if named(a):
            raise InputError(f"{a.label} takes part in no event itself, those acting for it do (--level country draws "
                             f"theirs as its own); {choices}")
    raise InputError(f"Unknown actor {name!r}; {choices}")


def to_country_level(view: View) -> View:
    """Aggregate people and bodies into the countries they act for; identical events merge."""
    by_id = {a.id: a for a in view.actors + view.others}
    up = {a.id: (a.country if a.country in by_id else a.id) for a in by_id.values()}
    merged: dict[tuple[str, str, str, str, str, str], list[EventView]] = defaultdict(list)
    for e in view.events:
        actor, target = up.get(e.actor, e.actor), up.get(e.target, e.target) if e.target else ""
        merged[(actor, e.action, target, e.modality, e.date, e.date_source)].append(e)
    events = []
    for (actor, action, target, modality, date, date_source), group in merged.items():
        evidence = tuple(dict.fromkeys(s for e in group for s in e.evidence))
        sources = max(max(e.sources for e in group), len({s.doc for s in evidence}))
        ids = sorted(e.id for e in group)
        events.append(EventView(ids[0], actor, target, action, modality, date, sources, evidence,
                                date_source=date_source, superseded=all(e.superseded for e in group)))
    events.sort(key=lambda e: (e.actor, e.target, e.date, e.action, e.modality, e.id))
    return _prune(replace(view, events=tuple(events)))


def ego(view: View, focus: str, depth: int = 1) -> View:
    """The ego network: events among actors within `depth` steps of `focus`, either direction."""
    if depth < 0:
        raise InputError(f"--depth must be 0 or more, not {depth}")
    center = resolve_actor(view, focus)
    g = nx.Graph()
    g.add_nodes_from(a.id for a in view.actors)
    g.add_edges_from((e.actor, e.target) for e in view.edges)
    keep = set(nx.single_source_shortest_path_length(g, center, cutoff=depth))
    events = tuple(e for e in view.events if e.actor in keep and (not e.target or e.target in keep))
    return _prune(replace(view, events=events))


def select(
    view: View,
    level: str = "actor",
    focus: str | None = None,
    depth: int = 1,
    min_sources: int = 1,
) -> View:
    """Apply the render options in order: --level, --min-sources (on what is drawn), then --focus/--depth.

    Options that leave nothing of a view that had events are an InputError saying what the data holds:
    a page with nothing on it must never replace one that showed something."""
    if level not in LEVELS:
        raise InputError(f"Unknown level {level!r}; choose one of: {', '.join(LEVELS)}")
    # a misspelt name is named before any filter hides it; at country level a country is drawn when only its
    # people and bodies act
    pool = replace(view, actors=view.actors + view.others) if level == "country" else view
    center = resolve_actor(pool, focus) if focus else None
    if level == "country":
        if center:  # a person's ego network at country level is their country's
            center = next((a.country for a in view.actors if a.id == center and a.country), center)
        view = to_country_level(view)
    if min_sources > 1:
        kept = _prune(replace(view, events=tuple(e for e in view.events if e.sources >= min_sources)))
        most = max((e.sources for e in view.events if not center or center in (e.actor, e.target)), default=0)
        if center and view.events and center not in {a.id for a in kept.actors}:
            raise InputError(f"--min-sources {min_sources} leaves nothing of --focus {focus}: "
                             f"its events are told by {most} source{'s' if most != 1 else ''} at most")
        if view.events and not kept.events:
            raise InputError(f"--min-sources {min_sources} leaves no event to draw: "
                             f"the most sources any event has is {most}")
        view = kept
    if center:
        drawn = ego(view, center, depth)
        if view.events and not drawn.events:
            raise InputError(f"--focus {focus} --depth {depth} leaves no event to draw: every event of it has "
                             "another party; use --depth 1 or more")
        view = drawn
    return view


def bound(view: View, max_actors: int) -> View:
    """The `max_actors` actors that take part in the most events (ties by id) and the events among them,
    at most EVENTS_PER_ACTOR per actor (the best-sourced first), each with at most MAX_EVIDENCE sentences;
    what is left out is counted. The result is what a page draws: `others` is dropped."""
    count = Counter(x for e in view.events for x in {e.actor, e.target} if x)
    keep = set(sorted(count, key=lambda a: (-count[a], a))[:max_actors])
    events = [e for e in view.events if e.actor in keep and (not e.target or e.target in keep)]
    best = sorted(events, key=lambda e: (-e.sources, e.actor, e.target, e.date, e.action, e.modality, e.id))
    chosen = {id(e) for e in best[: EVENTS_PER_ACTOR * max_actors]}
    events = [
        replace(e, evidence=e.evidence[:MAX_EVIDENCE], evidence_total=max(e.evidence_total, len(e.evidence)))
        if len(e.evidence) > MAX_EVIDENCE else e
        for e in events if id(e) in chosen
    ]
    drawn = _prune(replace(view, events=tuple(events)))
    return replace(drawn, others=(), left_out_actors=len(count) - len(drawn.actors),
                   left_out_events=view.left_out_events + len(view.events) - len(events))


# ---------------------------------------------------------------- layout and network


LAYOUT_CORE = 400
"""Nodes laid out by a full spring layout; above this many, the rest are placed beside their neighbours.
networkx needs scipy for a spring layout of 500 nodes or more, and kg does not depend on scipy."""

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def layout(view: View, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions in page pixels, computed before writing so big pages draw at once (deterministic).

    Up to LAYOUT_CORE nodes: networkx's Fruchterman-Reingold spring layout.
    Above: the LAYOUT_CORE best-connected nodes get that layout, then every
    other node, in order of distance from them, goes on a sunflower spiral
    around its best-connected placed neighbour, so none overlap and nothing
    costs more than a pass over the edges (no scipy, at any size).
    """
    g = nx.Graph()
    g.add_nodes_from(a.id for a in view.actors)
    weights: Counter[tuple[str, str]] = Counter(tuple(sorted((e.actor, e.target))) for e in view.edges)
    g.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()) if a != b)
    n = g.number_of_nodes()
    if n == 0:
        return {}
    if n <= 2:
        pos = {node: (float(i), 0.0) for i, node in enumerate(sorted(g.nodes))}
    elif n <= LAYOUT_CORE:
        pos = nx.spring_layout(g, seed=seed, iterations=60, k=1.5 / math.sqrt(n))
    else:
        pos = _big_layout(g, seed)
    scale = 150.0 * math.sqrt(min(n, LAYOUT_CORE))
    return {str(node): (round(float(x) * scale, 1), round(float(y) * scale, 1)) for node, (x, y) in pos.items()}


def _big_layout(g: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Hubs by a full spring layout, then the rest breadth-first, each on a spiral around its busiest placed neighbour."""
    degree = dict(g.degree(weight="weight"))
    order = sorted(g.nodes, key=lambda node: (-degree[node], node))
    hubs = g.subgraph(order[:LAYOUT_CORE])
    k = 1.5 / math.sqrt(LAYOUT_CORE)
    pos = {node: (float(x), float(y)) for node, (x, y) in nx.spring_layout(hubs, seed=seed, iterations=60, k=k).items()}
    step = k / 6  # spiral spacing: a node's own room, in layout units
    placed_around: Counter[str] = Counter()
    frontier = list(order[:LAYOUT_CORE])
    while frontier:  # breadth-first from the hubs: every node reachable from them gets a placed neighbour
        nxt = []
        for node in frontier:
            for m in sorted(g.neighbors(node), key=lambda m: (-degree[m], m)):
                if m in pos:
                    continue
                anchor = max((a for a in g.neighbors(m) if a in pos), key=lambda a: (degree[a], a))
                pos[m] = _spiral(pos[anchor], placed_around[anchor], step, offset=1)
                placed_around[anchor] += 1
                nxt.append(m)
        frontier = nxt
    # nodes no hub reaches (small separate groups): a spiral of their own beyond the rim
    for i, node in enumerate(node for node in order if node not in pos):
        pos[node] = _spiral((1.6, 0.0), i, step, offset=0)
    return pos


def _spiral(center: tuple[float, float], i: int, step: float, offset: int) -> tuple[float, float]:
    """The i-th point of a sunflower spiral around `center`: evenly spread, never on top of each other."""
    r = step * math.sqrt(i + offset + 1)
    angle = (i + offset) * GOLDEN_ANGLE
    return center[0] + r * math.cos(angle), center[1] + r * math.sin(angle)


def _action_label(action: str) -> str:
    at = action_types().get(action)
    return at.label if at else action


def _node_size(events: int) -> float:
    """Radius grows with the square root of the number of events, so area tracks the count."""
    return round(min(10 + 6 * math.sqrt(events), 60), 1)


def _edge_width(sources: int) -> float:
    """Line width grows with the number of independent sources (documents)."""
    return round(min(2 + 2 * math.log2(max(sources, 1)), 10), 2)


def _event_data(e: EventView) -> dict:
    """What the page needs to show and filter an event (article text stays JSON data)."""
    return {
        "from": e.actor,
        "to": e.target,
        "action": e.action,
        "actionLabel": _action_label(e.action),
        "quad": e.quad,
        "modality": e.modality,
        **_telling_data(e),
    }


def _telling_data(e: EventView) -> dict:
    """What sets an event apart from the others of its edge: its date, sources and evidence."""
    return {
        "id": e.id,
        "date": e.date,
        "dateSource": e.date_source,
        "superseded": e.superseded,
        "sources": e.sources,
        "evidence": [{"sentence": s.sentence, "doc": s.doc, "by": s.said_by} for s in e.evidence],
        "evidenceTotal": max(e.evidence_total, len(e.evidence)),
    }


EdgeKey = tuple[str, str, str, str]
"""(actor, target, action, modality): what one drawn edge stands for."""


def edge_groups(view: View) -> list[tuple[EdgeKey, tuple[EventView, ...]]]:
    """The view's targeted events grouped into the edges a page draws, one per actor, target, action and
    modality, each with its events in the view's order (by date).

    Modality stays apart: a planned supply and a supply that happened are different claims, drawn in
    different line styles; the dates, sources and evidence of the events are listed on the edge.
    """
    groups: dict[EdgeKey, list[EventView]] = defaultdict(list)
    for e in view.edges:
        groups[(e.actor, e.target, e.action, e.modality)].append(e)
    return [(key, tuple(events)) for key, events in sorted(groups.items())]


def to_network(view: View, seed: int = 7) -> Network:
    """The view as a pyvis Network: positioned nodes coloured by kind, one edge per `edge_groups` group,
    styled by quad class and modality, as wide as its events' sources add up to, its count on its label."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    pos = layout(view, seed)
    count = Counter(x for e in view.events for x in {e.actor, e.target} if x)
    loose: dict[str, list[dict]] = defaultdict(list)
    for e in view.events:
        if not e.target:
            loose[e.actor].append(_event_data(e))
    labels = {a.id: a.label for a in view.actors}
    names = search_names(view.actors)
    for a in view.actors:
        colour = KIND_STYLE.get(a.kind, KIND_STYLE["Entity"])[0]
        x, y = pos.get(a.id, (0.0, 0.0))
        net.add_node(
            a.id,
            label=a.label,
            color=colour,
            size=_node_size(count[a.id]),
            x=x,
            y=y,
            kind=a.kind,
            kindLabel=KIND_STYLE.get(a.kind, KIND_STYLE["Entity"])[1],
            country=labels.get(a.country, a.country),
            events=count[a.id],
            loose=loose.get(a.id, []),
            aliases=list(names[a.id]),
        )
    groups = edge_groups(view)
    between = Counter((min(actor, target), max(actor, target)) for (actor, target, _, _), _ in groups)
    parallel: Counter[tuple[str, str]] = Counter()
    for (actor, target, action, modality), events in groups:
        pair = (min(actor, target), max(actor, target))
        k = parallel[pair]
        parallel[pair] += 1
        colour = QUAD_STYLE.get(events[0].quad, ("#888888", ""))[0]
        superseded = all(e.superseded for e in events)
        net.add_edge(
            actor,
            target,
            id=min(e.id for e in events),
            label=_edge_label(events),
            # tellings their documents outrank are drawn in their own modality, faint: evidence, not the story
            color={"color": colour, "opacity": SUPERSEDED_OPACITY} if superseded else colour,
            dashes=DASHES.get(modality, False),
            width=1 if superseded else _edge_width(sum(e.sources for e in events)),
            arrows={"to": {"enabled": True, "type": "bar" if modality == "negated" else "arrow"}},
            smooth=_curve(k, between[pair], forward=(actor, target) == pair),
            kg={
                "from": actor,
                "to": target,
                "action": action,
                "actionLabel": _action_label(action),
                "quad": events[0].quad,
                "modality": modality,
                "superseded": superseded,
                "events": [_telling_data(e) for e in events],
            },
        )
    net.set_options(json.dumps(_vis_options(len(view.actors), len(net.edges))))
    return net


def _edge_label(events: tuple[EventView, ...]) -> str:
    """The action, then how many events the edge stands for ("×3"), or for one event the date its text gives
    ("✗ not" first when negated). A date only its article gives stays in the event's details and filters:
    on every undated edge it would only pile up labels. The page redraws the count as filters narrow it."""
    first = events[0]
    text = _action_label(first.action)
    if len(events) > 1:
        text += f" ×{len(events)}"
    elif first.date and first.date_source != "article":
        text += f" · {first.date}"
    return ("✗ not " + text) if first.modality == "negated" else text


def search_names(actors: Iterable[Actor]) -> dict[str, tuple[str, ...]]:
    """The names the page's search finds each actor by, besides its label and key: what the documents call it,
    then the gazetteer's names for its key (capitals first: "Seoul", "Pyongyang"; then names such as
    "Zelenskiy"; then demonyms), without repeats, at most ALIASES_PER_ACTOR of ALIAS_MAX_CHARS or fewer."""
    from kg.gazetteer import load_gazetteer

    forms = load_gazetteer().forms
    order = {"capital": 0, "name": 1, "demonym": 2}
    out: dict[str, tuple[str, ...]] = {}
    for a in actors:
        gazetteer = [text for text, _ in sorted(forms.get(a.id, ()), key=lambda f: order.get(f[1], 3))]
        seen = {_fold(a.label), _fold(a.id)}
        names: list[str] = []
        for text in (*a.aliases, *gazetteer):
            folded = _fold(text)
            if folded in seen or len(text) > ALIAS_MAX_CHARS or len(names) == ALIASES_PER_ACTOR:
                continue
            seen.add(folded)
            names.append(text)
        out[a.id] = tuple(names)
    return out


def _fold(text: str) -> str:
    """A name as the page's search compares it: case and accents folded, spaces collapsed (network.js fold)."""
    decomposed = unicodedata.normalize("NFD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _curve(k: int, n: int, forward: bool) -> dict:
    """The k-th of n edges between two actors bends to alternate sides, further each time, so none overlap;
    however many there are, the outermost bends no further than MAX_ROUNDNESS (beyond, curves become loops).

    Sides are taken for the pair's canonical direction: a reverse edge swaps
    clockwise and counter-clockwise to land on the same side.
    """
    side = 1 if k % 2 == 0 else -1
    if not forward:
        side = -side
    step = min(0.2, (MAX_ROUNDNESS - 0.1) / max(1, (n - 1) // 2))
    return {"enabled": True, "type": "curvedCW" if side > 0 else "curvedCCW", "roundness": round(0.1 + step * (k // 2), 2)}


def _physics(n_nodes: int) -> bool:
    """Let vis-network settle small graphs briefly; big (or empty) ones keep the precomputed layout."""
    return 0 < n_nodes <= PHYSICS_MAX_NODES


def _declutter(n_edges: int) -> bool:
    """Whether a page has too many edges to label them all at once (see EDGE_LABELS_ALWAYS)."""
    return n_edges > EDGE_LABELS_ALWAYS


def _label_threshold(declutter: bool) -> float:
    """vis-network's edge-label drawThreshold: a label is drawn once its size on screen reaches this less one
    pixel, so EDGE_FONT * LABEL_ZOOM + 1 hides labels below LABEL_ZOOM; 5 is vis-network's own default."""
    return EDGE_FONT * LABEL_ZOOM + 1 if declutter else 5


def _vis_options(n_nodes: int, n_edges: int = 0) -> dict:
    """vis-network options: short physics for small graphs, none for big ones (the layout is precomputed);
    edge labels drawn only from LABEL_ZOOM on when there are many edges."""
    physics = _physics(n_nodes)
    return {
        "nodes": {"shape": "dot", "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1},
        "edges": {
            "font": {"size": EDGE_FONT, "align": "horizontal", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": _label_threshold(_declutter(n_edges))}},
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not physics, "navigationButtons": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 160, "avoidOverlap": 0.4},
            "stabilization": {"enabled": physics, "iterations": 150, "fit": True},
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


# ---------------------------------------------------------------- HTML


def _templates_dir() -> Path:
    return Path(str(files("kg.templates")))


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as pyvis ships them, to in-line (no CDN)."""
    lib = Path(str(files("pyvis"))) / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise InputError("pyvis's bundled vis-network cannot be in-lined safely")
    return js, css


def _legend() -> dict:
    return {
        "kinds": [{"colour": c, "label": lab} for c, lab in KIND_STYLE.values()],
        "quads": [{"colour": c, "label": lab} for c, lab in QUAD_STYLE.values()],
    }


def _csp(*scripts: str) -> str:
    """A Content-Security-Policy that allows only our own in-line scripts (by hash) and no network at all.

    Hash sources also forbid in-line event handlers, so even markup that slipped
    into the page could not run `onerror=...`.
    """
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'" for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def to_html(view: View, title: str = "kg: who did what to whom", seed: int = 7) -> str:
    """The self-contained page for a view: vis-network in-line, data as JSON, no external request."""
    net = to_network(view, seed)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    env = Environment(
        loader=FileSystemLoader(str(_templates_dir())),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    vis_js, vis_css = _vis_assets()
    app_js = (_templates_dir() / "network.js").read_text(encoding="utf-8")
    app_css = (_templates_dir() / "network.css").read_text(encoding="utf-8")
    actions = sorted({e.action for e in view.events})
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "meta": {
            "docs": {d.id: {"title": d.title, "url": _web_url(d.url), "date": d.date} for d in view.docs},
            "actions": [{"name": a, "label": _action_label(a)} for a in actions],
            "modalities": list(MODALITY_OF.values()),
            "physics": _physics(len(view.actors)),
            "declutter": _declutter(len(edges)),
            "labelZoom": LABEL_ZOOM,
            "dates": _date_reader(),
        },
    }
    # <, >, & and ' become \u escapes: article text cannot close the data block
    data_json = htmlsafe_json_dumps(data, dumps=_dumps)
    return env.get_template("network.html").render(
        title=title,
        csp=_csp(vis_js, app_js),
        data_json=data_json,
        legend=_legend(),
        vis_js=Markup(vis_js),
        vis_css=Markup(vis_css),
        app_js=Markup(app_js),
        app_css=Markup(app_css),
        counts={"nodes": len(nodes), "events": len(view.edges)},
        declutter=data["meta"]["declutter"],
        left_out={"actors": view.left_out_actors, "events": view.left_out_events},
    )


def _date_reader() -> dict:
    """kg.temporal's month names and the patterns it reads without a document date, in JavaScript syntax:
    the page's date filter reads "Oct 2024" or "7 October 2024" exactly as kg.temporal.normalise does."""
    return {
        "months": MONTHS,
        "patterns": {name: pattern.pattern.replace("(?P<", "(?<") for name, pattern in ABSOLUTE.items()},
    }


def _web_url(url: str) -> str:
    """The URL if it is an http(s) link, else '': a javascript: or data: URL never reaches the page."""
    return url if re.match(r"https?://", url, re.I) else ""


def _dumps(obj: object, **kwargs: object) -> str:
    """Compact, key-sorted JSON: the same graph always gives the same page."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


# ---------------------------------------------------------------- Gephi


def to_networkx(view: View, seed: int = 7) -> nx.MultiDiGraph:
    """The view as a networkx multigraph with plain attributes (for GEXF/GraphML)."""
    g = nx.MultiDiGraph()
    pos = layout(view, seed)
    count = Counter(x for e in view.events for x in {e.actor, e.target} if x)
    for a in view.actors:
        x, y = pos.get(a.id, (0.0, 0.0))
        g.add_node(a.id, label=a.label, kind=a.kind, country=a.country, events=count[a.id], x=x, y=y)
    for e in view.edges:
        g.add_edge(
            e.actor,
            e.target,
            key=e.id,
            label=_action_label(e.action),
            action=e.action,
            quad=e.quad,
            modality=e.modality,
            date=e.date,
            date_source=e.date_source,
            superseded=e.superseded,
            sources=e.sources,
            weight=float(e.sources),
            evidence=" | ".join(s.sentence for s in e.evidence),
            documents=" ".join(sorted({s.doc for s in e.evidence})),
        )
    return g


# ---------------------------------------------------------------- entry points


def _write_html(view: View, path: Path) -> None:
    path.write_text(to_html(view), encoding="utf-8")


def _write_gexf(view: View, path: Path) -> None:
    nx.write_gexf(xml_safe_network(to_networkx(view)), path)


def _write_graphml(view: View, path: Path) -> None:
    nx.write_graphml(xml_safe_network(to_networkx(view)), path)


FORMATS: dict[str, Callable[[View, Path], None]] = {
    "html": _write_html,
    "gexf": _write_gexf,
    "graphml": _write_graphml,
}


Drawable = Graph | Merger | CorpusView | Corpus
"""What a page is drawn from: an rdflib graph, or a merged corpus (the build's merge database, or in memory)."""


def view_of(
    source: Drawable,
    level: str = "actor",
    focus: str | None = None,
    depth: int = 1,
    min_sources: int = 1,
    max_actors: int | None = None,
) -> View:
    """The view to draw: the options applied (see `select`), then bounded to `max_actors` (None: all).

    From a merge database without options only the bounded view is ever read (memory flat in corpus size);
    with options the whole view is read first, as from a graph.
    """
    if isinstance(source, Merger):
        if level == "actor" and not focus and min_sources <= 1:
            return read_merged(source, max_actors)
        view = read_merged(source)
    else:
        if isinstance(source, (Corpus, CorpusView)):
            from kg.graph import to_dataset, union

            source = union(to_dataset(source.corpus if isinstance(source, CorpusView) else source))
        view = read_view(source)
    view = select(view, level=level, focus=focus, depth=depth, min_sources=min_sources)
    return bound(view, max_actors) if max_actors else view


def render(
    source: Drawable,
    path: Path,
    format: str = "html",
    level: str = "actor",
    focus: str | None = None,
    depth: int = 1,
    min_sources: int = 1,
    max_actors: int | None = None,
    allow_empty: bool = False,
) -> View:
    """Write the network to `path` as html, gexf or graphml; returns the view drawn.

    `max_actors`: draw the N busiest actors and their events (0: all; None: MAX_ACTORS for a page,
    all for Gephi). The page says how many actors and events it leaves out. Nothing to draw is an
    InputError before anything is written (options that filter everything out, see `select`, or a graph
    without events) unless `allow_empty`: a build of articles that tell no event still gets its page.

    Example: `render(Graph().parse("output/graph.ttl"), Path("output/graph.html"), level="country")`.
    """
    if format not in FORMATS:
        raise InputError(f"Unknown format {format!r}; choose one of: {', '.join(FORMATS)}")
    if max_actors is not None and max_actors < 0:
        raise InputError(f"--max-actors must be 0 (all) or more, not {max_actors}")
    if max_actors is None:
        max_actors = MAX_ACTORS if format == "html" else 0
    view = view_of(source, level=level, focus=focus, depth=depth, min_sources=min_sources, max_actors=max_actors or None)
    if not view.events and not allow_empty:
        raise InputError("nothing to draw: the graph holds no events (build one with `kg build`, or name another graph)")
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        FORMATS[format](view, path)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    return view


def render_html(source: Drawable, path: Path, **options) -> Path:
    """Write the interactive page (for `kg build`: from its merge database); options as `render`."""
    render(source, Path(path), format="html", allow_empty=True, **options)
    return Path(path)


def load_graph(source: Path) -> Graph:
    """Read a graph file (Turtle, TriG, N-Triples, N-Quads, JSON-LD), an oxigraph store folder, or the folder
    `kg build` wrote (its graph file, else its store) as one graph."""
    from kg.store import SOURCE_NAMES, build_output, store_folder

    source = Path(source)
    if source.is_dir():
        if not any((source / name).is_file() for name in SOURCE_NAMES):
            return _load_store(store_folder(source))  # a store, or a build folder's store/
        source = build_output(source)  # the folder `kg build` wrote: its graph
    if not source.is_file():
        raise InputError(f"{source}: no such graph file or store folder")
    fmt = guess_format(str(source)) or "turtle"
    try:
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            ds.parse(source, format=fmt)
            g = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
            return g
        return Graph().parse(source, format=fmt)
    except Exception as exc:  # rdflib raises many parser types
        raise InputError(f"{source}: cannot parse as {fmt}: {exc}") from exc


def _load_store(folder: Path) -> Graph:
    """All quads of an on-disk oxigraph store (opened read-only) as one rdflib graph."""
    import pyoxigraph

    from kg.store import is_store, not_a_store

    if not is_store(folder):
        raise not_a_store(folder)
    try:
        store = pyoxigraph.Store.read_only(str(folder))
        data = store.dump(format=pyoxigraph.RdfFormat.N_QUADS)
    except (OSError, ValueError) as exc:
        raise StoreError(f"{folder}: cannot open the oxigraph store: {exc}") from exc
    ds = Dataset()
    ds.parse(data=data.decode("utf-8") if isinstance(data, bytes) else data, format="nquads")
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
