"""Corpus -> RDF: one named graph per document, events as n-ary nodes with PROV mentions.

IRIs come from keys only (entity keys, document ids, event keys), so the same
input always gives the same graph and re-loading a document replaces its graph.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date as _date
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

from kg.actions import coded
from kg.model import Corpus, Document, Entity, Event
from kg.vocab import DOC, ENT, EVT, GRAPH, KG, MEN, MODALITIES, WD

SCHEMA = Namespace("https://schema.org/")

KIND_CLASS: dict[str, URIRef] = {
    "Country": KG.Country,
    "Organization": KG.Organization,
    "Person": KG.Person,
    "ArmedGroup": KG.ArmedGroup,
    "Location": KG.Location,
}

PREFIXES = {
    "kg": KG._NS,
    "ent": ENT,
    "evt": EVT,
    "doc": DOC,
    "men": MEN,
    "kgg": GRAPH,
    "wd": WD,
    "prov": PROV,
    "skos": SKOS,
    "owl": OWL,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "xsd": XSD,
}

CORPUS_GRAPH = GRAPH["corpus"]
"""Named graph of corpus-wide facts (source counts), replaced whole on every load."""


def _safe(part: str) -> str:
    """Percent-encode anything that is not an unreserved IRI character; an empty id is '""' encoded,
    so that no IRI is a bare namespace (JSON-LD would compact it to the prefix alone)."""
    return quote(part, safe="-._~") if part else "%22%22"


def entity_iri(key: str) -> URIRef:
    """IRI of the entity with this key: ENT['KOR'], ENT['yoon-suk-yeol']."""
    return ENT[_safe(key)]


def document_iri(doc_id: str) -> URIRef:
    """IRI of a document, which is also the name of its graph."""
    return DOC[_safe(doc_id)]


def event_iri(event: Event) -> URIRef:
    """IRI of an event from its identity key (actor, action, target, modality, date)."""
    digest = hashlib.sha1("|".join(event.key).encode("utf-8")).hexdigest()[:16]
    return EVT[digest]


def mention_iri(doc_id: str, start: int, end: int, event: Event) -> URIRef:
    """IRI of one mention of one event: a sentence can tell several events."""
    digest = hashlib.sha1("|".join(event.key).encode("utf-8")).hexdigest()[:8]
    return MEN[f"{_safe(doc_id)}/{start}-{end}-{digest}"]


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_literal(value: str) -> Literal:
    """A partial ISO date typed at its own granularity: xsd:gYear, xsd:gYearMonth or xsd:date."""
    m = _PARTIAL_DATE.match(value)
    try:
        if m is None:
            raise ValueError
        year, month, day = m.groups()
        _date(int(year), int(month or 1), int(day or 1))  # a real calendar day: no 2024-13, no 02-30
    except ValueError:
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {value!r}") from None
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]
    return Literal(value, datatype=datatype)


def _add_document(g: Graph, doc: Document) -> None:
    node = document_iri(doc.id)
    g.add((node, RDF.type, KG.Document))
    g.add((node, DCTERMS.identifier, Literal(doc.id)))
    if doc.date:
        g.add((node, DCTERMS.date, date_literal(doc.date)))
    if doc.title:
        g.add((node, DCTERMS.title, Literal(doc.title)))
    if doc.url:
        g.add((node, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)))
    if doc.source:
        g.add((node, DCTERMS.publisher, Literal(doc.source)))


def _add_entity(g: Graph, entity: Entity, surface: set[str]) -> None:
    node = entity_iri(entity.key)
    g.add((node, RDF.type, KIND_CLASS.get(entity.kind, KG.Entity)))
    g.add((node, RDFS.label, Literal(entity.label)))
    g.add((node, SKOS.prefLabel, Literal(entity.label)))
    g.add((node, KG.key, Literal(entity.key)))
    if entity.country:
        g.add((node, KG.countryCode, Literal(entity.country)))
        g.add((node, KG.actsFor, entity_iri(entity.country)))
    if entity.wikidata:
        g.add((node, OWL.sameAs, WD[entity.wikidata]))
    for text in sorted(surface - {entity.label}):
        g.add((node, SKOS.altLabel, Literal(text)))


def _add_event(g: Graph, event: Event, doc_id: str, labels: dict[str, str]) -> None:
    node = event_iri(event)
    plover, cameo = coded(event.action, event.modality)
    actor = entity_iri(event.actor)
    g.add((node, RDF.type, KG.Event))
    g.add((node, RDF.type, KG[event.action]))
    g.add((node, KG.actor, actor))
    g.add((node, KG.modality, MODALITIES[event.modality]))
    g.add((node, KG.ploverCode, Literal(plover)))
    g.add((node, KG.cameoCode, Literal(cameo)))
    title = f"{labels.get(event.actor, event.actor)} {event.action}"
    if event.target:
        target = entity_iri(event.target)
        g.add((node, KG.target, target))
        g.add((actor, KG.interactsWith, target))
        title += f" {labels.get(event.target, event.target)}"
    g.add((node, RDFS.label, Literal(f"{title} ({event.modality})")))
    if event.date:
        g.add((node, KG.date, date_literal(event.date)))
    if event.date_text:
        g.add((node, KG.dateText, Literal(event.date_text)))
    if event.quantity is not None:
        g.add((node, KG.quantity, Literal(event.quantity, datatype=XSD.integer)))
    for ev in event.evidence:
        if ev.doc_id != doc_id:
            continue
        m = mention_iri(ev.doc_id, ev.start, ev.end, event)
        g.add((node, KG.mention, m))
        g.add((m, RDF.type, KG.Mention))
        g.add((m, KG.document, document_iri(ev.doc_id)))
        g.add((m, KG.sentence, Literal(ev.sentence)))
        g.add((m, KG.start, Literal(ev.start, datatype=XSD.integer)))
        g.add((m, KG.end, Literal(ev.end, datatype=XSD.integer)))
        if ev.trigger:
            g.add((m, KG.trigger, Literal(ev.trigger)))
        if ev.attributed_to:
            g.add((m, KG.attributedTo, entity_iri(ev.attributed_to)))
        if ev.attribution_text:
            g.add((m, KG.attributionText, Literal(ev.attribution_text)))


def source_count(event: Event) -> int:
    """Number of distinct documents among the event's evidence."""
    return len({ev.doc_id for ev in event.evidence})


def to_dataset(corpus: Corpus) -> Dataset:
    """The corpus as an RDF dataset: a named graph per document plus the corpus graph.

    Each document graph is self-contained: its document node, the entities it
    names (and the countries they act for), and the events it tells with their
    mentions in it, so that replacing one document's graph in a store is exact.
    """
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    entities = corpus.by_key
    labels = {k: e.label for k, e in entities.items()}
    surfaces: dict[tuple[str, str], set[str]] = {}
    named_in: dict[str, set[str]] = {}  # document id -> keys it names, built once (not a scan per document)
    for m in corpus.mentions:
        surfaces.setdefault((m.doc_id, m.key), set()).add(m.text)
        named_in.setdefault(m.doc_id, set()).add(m.key)
    events_by_doc: dict[str, list[Event]] = {}
    for event in corpus.events:
        for doc_id in sorted({ev.doc_id for ev in event.evidence}):
            events_by_doc.setdefault(doc_id, []).append(event)

    for doc in corpus.documents:
        g = ds.graph(document_iri(doc.id))
        _add_document(g, doc)
        keys = set(named_in.get(doc.id, ()))
        for event in events_by_doc.get(doc.id, []):
            keys.update(k for k in (event.actor, event.target) if k)
            for ev in event.evidence:
                if ev.doc_id == doc.id and ev.attributed_to:
                    keys.add(ev.attributed_to)
        # the countries entities act for, so actsFor never dangles within a graph
        keys.update(entities[k].country for k in list(keys) if k in entities and entities[k].country in entities)
        for key in sorted(k for k in keys if k in entities):
            _add_entity(g, entities[key], surfaces.get((doc.id, key), set()))
        for event in events_by_doc.get(doc.id, []):
            _add_event(g, event, doc.id, labels)

    counts = ds.graph(CORPUS_GRAPH)
    for event in corpus.events:
        counts.add((event_iri(event), KG.sourceCount, Literal(source_count(event), datatype=XSD.integer)))
    return ds


def union(ds: Dataset) -> Graph:
    """All quads of a dataset as one graph (what graph.ttl holds), with the prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
