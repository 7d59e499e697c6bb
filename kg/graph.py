"""Corpus -> RDF: one named graph per document, events as n-ary nodes with PROV mentions.

IRIs come from keys only (entity keys, document ids, event keys), so the same
input always gives the same graph and re-loading a document replaces its graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date as _date
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

from kg.actions import coded
from kg.merge import CorpusView
from kg.model import Corpus, Document, DocumentPart, Entity, Event
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


def role_iri(key: str, n: int) -> URIRef:
    """IRI of the n-th role (from 1, in gazetteer order) of the entity with this key: ENT['ban-ki-moon/role/2']."""
    return URIRef(f"{entity_iri(key)}/role/{n}")


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


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def _document_triples(doc: Document) -> Iterator[Triple]:
    node = document_iri(doc.id)
    yield node, RDF.type, KG.Document
    yield node, DCTERMS.identifier, Literal(doc.id)
    if doc.date:
        yield node, DCTERMS.date, date_literal(doc.date)
    if doc.title:
        yield node, DCTERMS.title, Literal(doc.title)
    if doc.url:
        yield node, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)
    if doc.source:
        yield node, DCTERMS.publisher, Literal(doc.source)


def _entity_triples(entity: Entity, surface: set[str]) -> Iterator[Triple]:
    node = entity_iri(entity.key)
    yield node, RDF.type, KIND_CLASS.get(entity.kind, KG.Entity)
    yield node, RDFS.label, Literal(entity.label)
    yield node, SKOS.prefLabel, Literal(entity.label)
    yield node, KG.key, Literal(entity.key)
    if entity.country:
        yield node, KG.countryCode, Literal(entity.country)
        yield node, KG.actsFor, entity_iri(entity.country)
    if entity.sector:
        yield node, KG.sector, Literal(entity.sector)
    if entity.wikidata:
        yield node, OWL.sameAs, WD[entity.wikidata]
    for n, role in enumerate(entity.roles, 1):
        r = role_iri(entity.key, n)
        yield node, KG.role, r
        yield r, RDF.type, KG.Role
        if role.country:
            yield r, KG.roleCountry, Literal(role.country)
        if role.sector:
            yield r, KG.sector, Literal(role.sector)
        if role.start:
            yield r, KG.startDate, Literal(role.start, datatype=XSD.date)
        if role.end:
            yield r, KG.endDate, Literal(role.end, datatype=XSD.date)
    for text in sorted(surface - {entity.label}):
        yield node, SKOS.altLabel, Literal(text)


def _event_triples(event: Event, doc_id: str, label: Callable[[str], str]) -> Iterator[Triple]:
    node = event_iri(event)
    plover, cameo = coded(event.action, event.modality, event.cameo)
    actor = entity_iri(event.actor)
    yield node, RDF.type, KG.Event
    yield node, RDF.type, KG[event.action]
    yield node, KG.actor, actor
    yield node, KG.modality, MODALITIES[event.modality]
    yield node, KG.ploverCode, Literal(plover)
    yield node, KG.cameoCode, Literal(cameo)
    title = f"{label(event.actor)} {event.action}"
    if event.target:
        target = entity_iri(event.target)
        yield node, KG.target, target
        yield actor, KG.interactsWith, target
        title += f" {label(event.target)}"
    yield node, RDFS.label, Literal(f"{title} ({event.modality})")
    if event.date:
        yield node, KG.date, date_literal(event.date)
    if event.date_text:
        yield node, KG.dateText, Literal(event.date_text)
    if event.quantity is not None:
        yield node, KG.quantity, Literal(event.quantity, datatype=XSD.integer)
    for ev in event.evidence:
        if ev.doc_id != doc_id:
            continue
        m = mention_iri(ev.doc_id, ev.start, ev.end, event)
        yield node, KG.mention, m
        yield m, RDF.type, KG.Mention
        yield m, KG.document, document_iri(ev.doc_id)
        yield m, KG.sentence, Literal(ev.sentence)
        yield m, KG.start, Literal(ev.start, datatype=XSD.integer)
        yield m, KG.end, Literal(ev.end, datatype=XSD.integer)
        if ev.trigger:
            yield m, KG.trigger, Literal(ev.trigger)
        if ev.attributed_to:
            yield m, KG.attributedTo, entity_iri(ev.attributed_to)
        if ev.attribution_text:
            yield m, KG.attributionText, Literal(ev.attribution_text)


def document_triples(part: DocumentPart, entity: Callable[[str], Entity | None]) -> Iterator[Triple]:
    """The triples of one document's named graph, self-contained so that replacing the graph in a store is exact.

    It holds the document node, the entities the document names (and the
    countries they act for), and the events it tells with their mentions in it.
    `entity` looks up the merged entity of a key (None for a key no entity has).
    """
    doc = part.document
    surfaces: dict[str, set[str]] = {}
    for m in part.mentions:
        surfaces.setdefault(m.key, set()).add(m.text)
    keys = set(surfaces)
    for event in part.events:
        keys.update(k for k in (event.actor, event.target) if k)
        keys.update(ev.attributed_to for ev in event.evidence if ev.doc_id == doc.id and ev.attributed_to)
    known = {k: e for k in keys if (e := entity(k)) is not None}
    # the countries entities act for, so actsFor never dangles within a graph
    for e in list(known.values()):
        if e.country and e.country not in known and (country := entity(e.country)) is not None:
            known[e.country] = country

    def label(key: str) -> str:
        found = known.get(key) or entity(key)
        return found.label if found else key

    yield from _document_triples(doc)
    for key in sorted(known):
        yield from _entity_triples(known[key], surfaces.get(key, set()))
    for event in part.events:
        yield from _event_triples(event, doc.id, label)


def corpus_triples(counts: Iterable[tuple[Event, int]]) -> Iterator[Triple]:
    """The corpus graph: how many documents tell each event (its sourceCount)."""
    for event, count in counts:
        yield event_iri(event), KG.sourceCount, Literal(count, datatype=XSD.integer)


def to_dataset(corpus: Corpus) -> Dataset:
    """An in-memory corpus as an RDF dataset: a named graph per document plus the corpus graph."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    merged = CorpusView(corpus)
    for part in merged.document_parts():
        g = ds.graph(document_iri(part.document.id))
        for triple in document_triples(part, merged.entity):
            g.add(triple)
    counts = ds.graph(CORPUS_GRAPH)
    for triple in corpus_triples(merged.source_counts()):
        counts.add(triple)
    return ds


def union(ds: Dataset) -> Graph:
    """All quads of a dataset as one graph (what graph.ttl holds), with the prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
