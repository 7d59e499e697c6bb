"""Exports of the graph: N-Triples, N-Quads, TriG, Turtle, JSON-LD and a CAMEO/PLOVER-coded event table.

rdflib serialises; quads are sorted first so the same graph always gives the
same bytes. The event table is the shipped `event-table` query written as CSV,
one row per event in the spirit of a GDELT event file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Dataset, Graph, URIRef
from rdflib.term import Node

from kg import query as kg_query
from kg import store as kg_store
from kg.files import text_writer, write_all
from kg.errors import InputError
from kg.graph import PREFIXES

RDFLIB_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".n3": "n3",
}


def read_dataset(source: Path | str | Graph) -> Dataset:
    """A graph file (named graphs kept) or an rdflib graph as a Dataset; InputError if unreadable."""
    if isinstance(source, Dataset):
        return source
    ds = Dataset()
    if isinstance(source, Graph):
        for triple in source:
            ds.add(triple)
        return ds
    path = Path(source)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = RDFLIB_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file extension; use one of {', '.join(sorted(RDFLIB_FORMATS))}")
    try:
        ds.parse(path, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many types
        raise InputError(f"{path}: cannot parse as {fmt}: {exc}") from exc
    return ds


def _quads(ds: Dataset) -> list[tuple[Node, Node, Node, Node | None]]:
    default = ds.default_graph.identifier
    out = [(s, p, o, None if g == default else g) for s, p, o, g in ds.quads((None, None, None, None))]
    return sorted(out, key=lambda q: tuple(t.n3() if t is not None else "" for t in q))


def _sorted_dataset(ds: Dataset) -> Dataset:
    """A copy of the dataset with quads inserted in sorted order, so serialisers write them in that order."""
    out = Dataset()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    for s, p, o, g in _quads(ds):
        if g is None:
            out.add((s, p, o))
        else:
            out.graph(g).add((s, p, o))
    return out


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in _quads(ds):
        g.add((s, p, o))
    return g


def _sorted_lines(text: str) -> str:
    """Distinct lines of a line-based RDF serialisation, sorted; split on "\n" only, since
    literals may hold U+2028 and other characters str.splitlines() would cut at."""
    lines = {line for line in text.split("\n") if line.strip()}
    return "".join(line + "\n" for line in sorted(lines))


def to_ntriples(ds: Dataset) -> str:
    """All triples of all graphs once each, as sorted N-Triples lines (rdflib's escaping)."""
    return _sorted_lines(_union(ds).serialize(format="nt"))


def to_nquads(ds: Dataset) -> str:
    """Every quad with its named graph (one per document), as sorted N-Quads lines (rdflib's escaping)."""
    return _sorted_lines(_sorted_dataset(ds).serialize(format="nquads"))


def _ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


_SIMPLE_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_-]*)$")


def _iris(statements: list) -> set[str]:
    """Every IRI of a list of quads or triples."""
    out = set()
    for q in statements:
        terms = (q.subject, q.predicate, q.object, q.graph_name) if isinstance(q, ox.Quad) else tuple(q)
        out.update(t.value for t in terms if isinstance(t, ox.NamedNode))
    return out


def ox_quads(ds: Dataset) -> list[ox.Quad]:
    """The dataset's quads as pyoxigraph quads, sorted by graph, subject, predicate and object."""
    default = ds.default_graph.identifier
    quads = [
        ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), ox.DefaultGraph() if g == default else _ox_term(g))
        for s, p, o, g in ds.quads((None, None, None, None))
    ]
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return quads


def _write(quads: list, fmt: ox.RdfFormat) -> str:
    """Oxigraph's serialisation of sorted quads or triples, with the prefixes that read back anywhere."""
    namespaces = {prefix: str(ns) for prefix, ns in PREFIXES.items()} | {"rdf": str(RDF), "rdfs": str(RDFS)}
    # an IRI made from a user's id ("doc/0-%3Cb%3E") would need "\\%" local-name escapes, which
    # Oxigraph writes and rdflib cannot read: such a namespace is written with full IRIs instead
    iris = _iris(quads)
    plain = {prefix: all(_SIMPLE_LOCAL.match(iri[len(ns):]) for iri in iris if iri.startswith(ns))
             for prefix, ns in namespaces.items()}
    prefixes = {prefix: ns for prefix, ns in namespaces.items() if plain[prefix]}
    text = ox.serialize(quads, format=fmt, prefixes=prefixes).decode("utf-8")
    # the prefix lines come first but in hash order: sort them, the data after them is already sorted
    lines = text.split("\n")
    n = 0
    while n < len(lines) and lines[n].startswith("@prefix"):
        n += 1
    return "\n".join(sorted(lines[:n]) + lines[n:])


def to_trig(ds: Dataset, quads: list[ox.Quad] | None = None) -> str:
    """The named graphs as TriG, one block per graph in IRI order, written by Oxigraph.

    rdflib's TriG writer orders graphs by set iteration (it changes with PYTHONHASHSEED) and is
    slow; Oxigraph writes quads in the order given, so sorted quads give the same bytes every time.
    """
    return _write(ox_quads(ds) if quads is None else quads, ox.RdfFormat.TRIG)


def to_turtle(ds: Dataset, quads: list[ox.Quad] | None = None) -> str:
    """The union of all graphs as Turtle (what graph.ttl holds): each triple once, sorted."""
    quads = ox_quads(ds) if quads is None else quads
    triples = sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return _write(triples, ox.RdfFormat.TURTLE)


def to_jsonld(ds: Dataset) -> str:
    """The named graphs as JSON-LD, with the kg prefixes as context."""
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    return _sorted_dataset(ds).serialize(format="json-ld", context=context, indent=1)


def events_csv(ds: Dataset) -> str:
    """One CSV row per event: date, actor, actor country, CAMEO/PLOVER codes, target, target country, sources."""
    mem = kg_store.parse(ds)
    return kg_query.format_result(kg_query.run("event-table", store=mem), "csv")


EXPORTS: dict[str, Callable[[Dataset], str]] = {
    "nt": to_ntriples,
    "nq": to_nquads,
    "trig": to_trig,
    "ttl": to_turtle,
    "jsonld": to_jsonld,
    "events-csv": events_csv,
}
"""Export formats by name (the names `kg export` takes)."""


def export(source: Path | str | Graph, fmt: str) -> str:
    """The graph in one export format; InputError names the formats for an unknown one.

    Example: `export(Path("output/graph.trig"), "events-csv")`.
    """
    if fmt not in EXPORTS:
        raise InputError(f"unknown export format {fmt!r}; choose one of: {', '.join(EXPORTS)}")
    return EXPORTS[fmt](read_dataset(source))


def write_export(source: Path | str | Graph, fmt: str, out: Path) -> Path:
    """Write an export to a file atomically: on any error nothing is written."""
    text = export(source, fmt)
    write_all({out: text_writer(text)})
    return out
