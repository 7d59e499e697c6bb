"""Corpus -> RDF: one named graph per document, events as n-ary nodes with PROV mentions.

IRIs come from keys only (entity keys, document ids, event keys), so the same
input always gives the same graph and re-loading a document replaces its graph.
Triples are made as N-Triples text, which the outputs are sorted and written
from (kg.formats.SortedQuads); `to_dataset` parses that text into rdflib for a
corpus held in memory.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date as _date
from functools import lru_cache
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


@lru_cache(maxsize=65_536)
def _safe(part: str) -> str:
    """Percent-encode anything that is not an unreserved IRI character; an empty id is '""' encoded,
    so that no IRI is a bare namespace (JSON-LD would compact it to the prefix alone). Kept for the
    keys met last: an entity's or a document's key is encoded again in every graph that names it."""
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


@lru_cache(maxsize=4096)
def _key_digest(key: tuple[str, ...]) -> str:
    """The SHA-1 of an event's identity key, in hex: kept for the events met last (an event's IRI and each of
    its mentions' are made from it, in every graph and every output that names it)."""
    return hashlib.sha1("|".join(key).encode("utf-8")).hexdigest()


def event_iri(event: Event) -> URIRef:
    """IRI of an event from its identity key (actor, action, target, modality, date)."""
    return EVT[_key_digest(event.key)[:16]]


def mention_iri(doc_id: str, start: int, end: int, event: Event) -> URIRef:
    """IRI of one mention of one event: a sentence can tell several events."""
    return MEN[f"{_safe(doc_id)}/{start}-{end}-{_key_digest(event.key)[:8]}"]


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_literal(value: str) -> Literal:
    """A partial ISO date typed at its own granularity: xsd:gYear, xsd:gYearMonth or xsd:date."""
    return Literal(value, datatype=date_type(value))


@lru_cache(maxsize=4096)  # (the same few dates recur in every graph: documents', events', roles')
def date_type(value: str) -> URIRef:
    """The datatype of a partial ISO date (xsd:gYear, xsd:gYearMonth or xsd:date); ValueError if it is not a real one."""
    m = _PARTIAL_DATE.match(value)
    try:
        if m is None:
            raise ValueError
        year, month, day = m.groups()
        _date(int(year), int(month or 1), int(day or 1))  # a real calendar day: no 2024-13, no 02-30
    except ValueError:
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {value!r}") from None
    return {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]


# ---------------------------------------------------------------- N-Triples text
# The outputs are written from N-Triples text kept in SQLite, so the triples are made as that text
# straight away: building an rdflib term per triple cost more than the rest of the writing.

Triple = tuple[str, str, str]
"""A triple as the N-Triples text of its subject, predicate and object (what the quad sorter keeps)."""

_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)} | {
    0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
"""How Oxigraph writes a string in N-Triples: the same escapes, so the text sorts and reads back as before."""


def nt_iri(iri: str) -> str:
    """The N-Triples form of an IRI (kg's IRIs are built from percent-encoded keys: nothing to escape)."""
    return f"<{iri}>"


_XSD_STRING, _XSD_INTEGER, _XSD_DATE = str(XSD.string), str(XSD.integer), str(XSD.date)


_ESCAPED = re.compile('[\x00-\x1f\x7f"\\\\]')
"""The characters `_ESCAPES` escapes: most literals have none, and a search is faster than translating."""


def nt_literal(value: str, datatype: str | None = None) -> str:
    """The N-Triples form of a literal, as pyoxigraph writes it (a plain string has no datatype)."""
    text = '"' + (value.translate(_ESCAPES) if _ESCAPED.search(value) else value) + '"'
    return text if datatype is None or datatype == _XSD_STRING else f"{text}^^<{datatype}>"


def _int(value: int) -> str:
    return f'"{int(value)}"^^<{_XSD_INTEGER}>'


def _date_text(value: str) -> str:
    return nt_literal(value, date_type(value))


A, LABEL, PREF_LABEL, ALT_LABEL, SAME_AS = map(nt_iri, (RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, OWL.sameAs))
IDENTIFIER, DATE, TITLE, PUBLISHER, URL = map(nt_iri, (DCTERMS.identifier, DCTERMS.date, DCTERMS.title, DCTERMS.publisher, SCHEMA.url))
_KG = {name: nt_iri(KG[name]) for name in (
    "Document", "Event", "Mention", "key", "countryCode", "actsFor", "actor", "target", "modality", "ploverCode",
    "cameoCode", "interactsWith", "date", "dateText", "quantity", "mention", "document", "sentence", "start", "end",
    "trigger", "attributedTo", "attributionText", "sourceCount", "sector", "role", "Role", "roleCountry", "startDate",
    "endDate", "dateSource", "superseded", "supersededBy")}
_TRUE = f'"true"^^<{XSD.boolean}>'
_KIND = {kind: nt_iri(cls) for kind, cls in KIND_CLASS.items()}
_MODALITY = {name: nt_iri(iri) for name, iri in MODALITIES.items()}
_ANY_URI = str(XSD.anyURI)
_ACTION: dict[str, str] = {}


def _action_text(action: str) -> str:
    if action not in _ACTION:
        _ACTION[action] = nt_iri(KG[action])
    return _ACTION[action]


def _entity_text(key: str) -> str:
    return f"<{ENT}{_safe(key)}>"


def _document_triples(doc: Document) -> Iterator[Triple]:
    node = nt_iri(document_iri(doc.id))
    yield node, A, _KG["Document"]
    yield node, IDENTIFIER, nt_literal(doc.id)
    yield node, LABEL, nt_literal(doc.label)
    if doc.date:
        yield node, DATE, _date_text(doc.date)
    if doc.title:
        yield node, TITLE, nt_literal(doc.title)
    if doc.url:
        yield node, URL, nt_literal(doc.url, _ANY_URI)
    if doc.source:
        yield node, PUBLISHER, nt_literal(doc.source)


def _entity_triples(entity: Entity, surface: set[str]) -> Iterator[Triple]:
    node = _entity_text(entity.key)
    label = nt_literal(entity.label)
    yield node, A, _KIND.get(entity.kind, nt_iri(KG.Entity))
    yield node, LABEL, label
    yield node, PREF_LABEL, label
    yield node, _KG["key"], nt_literal(entity.key)
    if entity.country:
        yield node, _KG["countryCode"], nt_literal(entity.country)
        yield node, _KG["actsFor"], _entity_text(entity.country)
    if entity.sector:
        yield node, _KG["sector"], nt_literal(entity.sector)
    if entity.wikidata:
        yield node, SAME_AS, nt_iri(WD[entity.wikidata])
    for n, role in enumerate(entity.roles, 1):
        r = nt_iri(role_iri(entity.key, n))
        yield node, _KG["role"], r
        yield r, A, _KG["Role"]
        if role.country:
            yield r, _KG["roleCountry"], nt_literal(role.country)
        if role.sector:
            yield r, _KG["sector"], nt_literal(role.sector)
        if role.start:
            yield r, _KG["startDate"], nt_literal(role.start, _XSD_DATE)
        if role.end:
            yield r, _KG["endDate"], nt_literal(role.end, _XSD_DATE)
    for text in sorted(surface - {entity.label}):
        yield node, ALT_LABEL, nt_literal(text)


def _event_triples(event: Event, doc_id: str, label: Callable[[str], str]) -> Iterator[Triple]:
    node = nt_iri(event_iri(event))
    plover, cameo = coded(event.action, event.modality, event.cameo)
    actor = _entity_text(event.actor)
    yield node, A, _KG["Event"]
    yield node, A, _action_text(event.action)
    yield node, _KG["actor"], actor
    yield node, _KG["modality"], _MODALITY[event.modality]
    yield node, _KG["ploverCode"], nt_literal(plover)
    yield node, _KG["cameoCode"], nt_literal(cameo)
    title = f"{label(event.actor)} {event.action}"
    if event.target:
        target = _entity_text(event.target)
        yield node, _KG["target"], target
        yield actor, _KG["interactsWith"], target
        title += f" {label(event.target)}"
    yield node, LABEL, nt_literal(f"{title} ({event.modality})")
    if event.when:  # the text's date, else the earliest article's, and which it is
        yield node, _KG["date"], _date_text(event.when)
        yield node, _KG["dateSource"], nt_literal(event.date_source)
    if event.superseded:
        yield node, _KG["superseded"], _TRUE
    if event.date_text:
        yield node, _KG["dateText"], nt_literal(event.date_text)
    if event.quantity is not None:
        yield node, _KG["quantity"], _int(event.quantity)
    document = nt_iri(document_iri(doc_id))  # (each mention below is in this document)
    for ev in event.evidence:
        if ev.doc_id != doc_id:
            continue
        m = nt_iri(mention_iri(ev.doc_id, ev.start, ev.end, event))
        yield node, _KG["mention"], m
        yield m, A, _KG["Mention"]
        yield m, _KG["document"], document
        yield m, _KG["sentence"], nt_literal(ev.sentence)
        yield m, _KG["start"], _int(ev.start)
        yield m, _KG["end"], _int(ev.end)
        if ev.trigger:
            yield m, _KG["trigger"], nt_literal(ev.trigger)
        if ev.attributed_to:
            yield m, _KG["attributedTo"], _entity_text(ev.attributed_to)
        if ev.attribution_text:
            yield m, _KG["attributionText"], nt_literal(ev.attribution_text)
        if ev.superseded_by in _MODALITY:
            yield m, _KG["supersededBy"], _MODALITY[ev.superseded_by]


def document_triples(part: DocumentPart, entity: Callable[[str], Entity | None]) -> Iterator[Triple]:
    """The triples of one document's named graph, as N-Triples text, self-contained so that replacing the
    graph in a store is exact.

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
    """The corpus graph, as N-Triples text: how many documents tell each event (its sourceCount)."""
    for event, count in counts:
        yield nt_iri(event_iri(event)), _KG["sourceCount"], _int(count)


def _parse_into(g: Graph, triples: Iterable[Triple]) -> None:
    g.parse(data="".join(f"{s} {p} {o} .\n" for s, p, o in triples), format="nt")


def to_dataset(corpus: Corpus) -> Dataset:
    """An in-memory corpus as an RDF dataset: a named graph per document plus the corpus graph."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    merged = CorpusView(corpus)
    for part in merged.document_parts():
        _parse_into(ds.graph(document_iri(part.document.id)), document_triples(part, merged.entity))
    _parse_into(ds.graph(CORPUS_GRAPH), corpus_triples(merged.source_counts()))
    return ds


def union(ds: Dataset) -> Graph:
    """All quads of a dataset as one graph (what graph.ttl holds), with the prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
