"""Exports of the graph: N-Triples, N-Quads, TriG, Turtle, JSON-LD and a CAMEO/PLOVER-coded event table.

rdflib serialises; quads are sorted first so the same graph always gives the
same bytes. The event table is the shipped `event-table` query written as CSV,
one row per event in the spirit of a GDELT event file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph
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


def to_trig(ds: Dataset) -> str:
    """The named graphs as TriG, graphs in IRI order: rdflib's own TriG writer orders them by set
    iteration, which changes with PYTHONHASHSEED, so each graph is written as Turtle here instead."""
    graphs: dict = {}
    for s, p, o, g in _quads(ds):
        graphs.setdefault(g, []).append((s, p, o))
    prefixes: set[str] = set()
    blocks = []
    for name in sorted(graphs, key=lambda g: "" if g is None else str(g)):
        sub = Graph()
        for prefix, ns in PREFIXES.items():
            sub.bind(prefix, ns)
        for triple in graphs[name]:
            sub.add(triple)
        # split on "\n" only and indent nothing: literals may hold U+2028 or span lines in """ quotes
        lines = sub.serialize(format="turtle").split("\n")
        n = 0
        while n < len(lines) and lines[n].startswith("@prefix"):
            prefixes.add(lines[n])
            n += 1
        body = "\n".join(lines[n:]).strip("\n")
        label = "" if name is None else f"{name.n3()} "
        blocks.append(f"{label}{{\n{body}\n}}\n")
    return "".join(line + "\n" for line in sorted(prefixes)) + "\n" + "\n".join(blocks)


def to_turtle(ds: Dataset) -> str:
    """The union of all graphs as Turtle (what graph.ttl holds)."""
    return _union(ds).serialize(format="turtle")


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
