"""Exports of the graph: N-Triples, N-Quads, TriG, Turtle, JSON-LD and a CAMEO/PLOVER-coded event table.

rdflib serialises; quads are sorted first so the same graph always gives the
same bytes. The event table is the shipped `event-table` query written as CSV,
one row per event in the spirit of a GDELT event file.
"""

from __future__ import annotations

import heapq
import io
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.files import spool_db, text_writer, write_all
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

CHUNK = 5_000
"""Statements per call to Oxigraph's writer: bounds the memory the writer needs, whatever the graph's size."""
BLOCK = CHUNK
"""Statements of the largest graph the quad spool keeps as one row (see `SortedQuads`)."""
RECENT = 10_000
"""Triples the quad spool remembers having stored, to skip storing them again (a bounded memo)."""


class SortedQuads:
    """Quads kept on disk by SQLite, written out sorted as TriG or Turtle by Oxigraph a chunk at a time.

    Each term is stored as its N-Triples text, which is also its sort key, so
    both files list graphs, subjects, predicates and objects in code point
    order: the same graph always gives the same bytes, and memory stays flat
    whatever the corpus size (SQLite sorts in temporary files). `path` is
    the database file (the caller removes it), None for memory.

    A graph added whole in one call of up to BLOCK statements (a document's) is one row of its
    sorted lines, since a row per quad cost SQLite more than all the rest of the writing; a larger
    graph, or one added to again, is a row per quad. Turtle's distinct triples are a table of
    their own, kept sorted as they come.
    """

    def __init__(self, path: str | Path | None = None, *, cache_mb: int = 16):
        self.db = spool_db(path, cache_mb)
        self.db.executescript("CREATE TABLE blocks (g TEXT PRIMARY KEY, lines TEXT) WITHOUT ROWID;"
                              "CREATE TABLE quads (g TEXT, s TEXT, p TEXT, o TEXT, PRIMARY KEY (g, s, p, o)) WITHOUT ROWID;"
                              "CREATE TABLE triples (s TEXT, p TEXT, o TEXT, PRIMARY KEY (s, p, o)) WITHOUT ROWID; BEGIN;")
        self.namespaces = {prefix: str(ns) for prefix, ns in PREFIXES.items()} | {"rdf": str(RDF), "rdfs": str(RDFS)}
        self.plain = dict.fromkeys(self.namespaces, True)
        """Prefixes whose IRIs all have simple local names so far: Oxigraph writes others with `\\%`
        escapes ("doc:0-\\%3Cb\\%3E") that rdflib cannot read, so those namespaces get full IRIs."""
        self._checked: set[str] = set()
        self._recent: set[tuple[str, str, str]] = set()
        """Triples stored lately (bounded): an entity's triples recur in every document naming it."""
        self.sealed = False

    def __enter__(self) -> SortedQuads:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()

    def _check(self, terms: Iterable[str]) -> None:
        """Check the IRIs among N-Triples terms against the prefixes, each once (a bounded memo)."""
        for text in set(terms).difference(self._checked):
            if text[0] != "<":
                continue
            iri = text[1:-1]
            for prefix, ns in self.namespaces.items():
                if self.plain[prefix] and iri.startswith(ns) and not _SIMPLE_LOCAL.match(iri[len(ns):]):
                    self.plain[prefix] = False
            if len(self._checked) >= 20_000:
                self._checked.clear()
            self._checked.add(text)

    def add(self, graph: str | None, triples: Iterable[tuple[str, str, str]]) -> None:
        """Add triples, as N-Triples text, to a named graph (its IRI as N-Triples text; None: the default graph);
        a quad added twice is kept once."""
        if self.sealed:
            raise RuntimeError("SortedQuads.add after writing")
        g = "" if graph is None else graph
        self._check([graph] if graph is not None else [])
        triples = iter(triples)
        batch = list(islice(triples, BLOCK + 1))
        known = self.db.execute("SELECT 1 FROM blocks WHERE g = ? UNION ALL SELECT 1 FROM quads WHERE g = ? LIMIT 1",
                                (g, g)).fetchone()
        if len(batch) <= BLOCK and not known:
            self._store(batch)
            self.db.execute("INSERT INTO blocks VALUES (?, ?)", (g, "\n".join(" ".join(t) for t in sorted(set(batch)))))
            return
        self._unblock(g)
        while batch:  # a chunk at a time: the corpus graph is large
            self._store(batch)
            self.db.executemany("INSERT OR IGNORE INTO quads VALUES (?, ?, ?, ?)", [(g, *t) for t in batch])
            batch = list(islice(triples, CHUNK))

    def _store(self, batch: list[tuple[str, str, str]]) -> None:
        """Check a batch's IRIs and keep its triples for Turtle (each term and triple checked once per batch)."""
        self._check(chain.from_iterable(batch))
        new = [t for t in dict.fromkeys(batch) if t not in self._recent]
        if len(self._recent) + len(new) > RECENT:
            self._recent.clear()
        self._recent.update(new)
        self.db.executemany("INSERT OR IGNORE INTO triples VALUES (?, ?, ?)", new)

    def _unblock(self, g: str) -> None:
        """A graph kept as one row becomes a row per quad (it is being added to)."""
        for lines, in self.db.execute("SELECT lines FROM blocks WHERE g = ?", (g,)).fetchall():
            self.db.executemany("INSERT OR IGNORE INTO quads VALUES (?, ?, ?, ?)",
                                ((g, *line.split(" ", 2)) for line in lines.split("\n") if line))
            self.db.execute("DELETE FROM blocks WHERE g = ?", (g,))

    def add_dataset(self, ds: Dataset) -> None:
        """Add every quad of an rdflib dataset (its default graph as the default graph)."""
        default = ds.default_graph.identifier
        for g in sorted({c for *_, c in ds.quads((None, None, None, None))}, key=str):
            self.add(None if g == default else str(_ox_term(g)),
                     ((str(_ox_term(s)), str(_ox_term(p)), str(_ox_term(o))) for s, p, o, _ in ds.quads((None, None, None, g))))

    def _seal(self) -> dict[str, str]:
        if not self.sealed:
            if self.db.in_transaction:
                self.db.execute("COMMIT")
            self.sealed = True
        return {prefix: ns for prefix, ns in self.namespaces.items() if self.plain[prefix]}

    def _trig_lines(self) -> Iterator[tuple[str, str]]:
        """(graph, N-Quads line) of every quad, by graph, subject, predicate and object."""
        blocks = ((g, f"{line} {g} .\n") for g, lines in self.db.execute("SELECT g, lines FROM blocks ORDER BY g")
                  for line in lines.split("\n") if line)
        # (SQLite joins each quad's line: "s p o g .", as N-Quads reads it)
        rows = self.db.execute("SELECT g, s || ' ' || p || ' ' || o || ' ' || g || ' .' || char(10) FROM quads "
                               "ORDER BY g, s, p, o")
        if not self.db.execute("SELECT 1 FROM quads LIMIT 1").fetchone():
            return blocks
        return heapq.merge(blocks, rows, key=itemgetter(0))  # (a graph is in one table or the other)

    def write_trig(self, handle: BinaryIO) -> None:
        """Every graph as TriG, graphs in IRI order (the default graph first), each quad once."""
        prefixes = self._seal()
        _write_chunks(self._trig_lines(), ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, prefixes, handle)

    def write_turtle(self, handle: BinaryIO) -> None:
        """The union of all graphs as Turtle: each triple once, in order."""
        prefixes = self._seal()
        rows = self.db.execute("SELECT s, s || ' ' || p || ' ' || o || ' .' || char(10) FROM triples ORDER BY s, p, o")
        _write_chunks(rows, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE, prefixes, handle)


def _write_chunks(lines: Iterable[tuple[str, str]], parse: ox.RdfFormat, fmt: ox.RdfFormat, prefixes: dict[str, str],
                  handle: BinaryIO) -> None:
    """Serialise (group, line) pairs with Oxigraph a chunk at a time, cutting between groups (graphs
    for TriG, subjects for Turtle) so the bytes are those of one call over everything. A group of
    more than 4 chunks (an event told by thousands of articles) is cut inside too, to keep memory
    flat: the graph block or subject is then restated, which reads back as the same graph."""

    def serialize(chunk: list[str]) -> tuple[list[bytes], bytes]:
        # lenient: the lines are kg's own N-Triples text (IRIs of percent-encoded keys, Oxigraph's escaping),
        # valid as made, so Oxigraph need not check every IRI again (a third of the writing's parse time)
        quads = ox.parse("".join(chunk).encode("utf-8"), format=parse, lenient=True) if chunk else []
        data = ox.serialize(quads, format=fmt, prefixes=prefixes)  # (UTF-8, written as it comes)
        end = 0
        while data.startswith(b"@prefix", end):  # (cut once: the body is large)
            end = data.index(b"\n", end) + 1
        return data[:end].splitlines(keepends=True), data[end:]

    chunk: list[str] = []
    last = None
    first = True
    for group, line in lines:
        if len(chunk) >= CHUNK and (group != last or len(chunk) >= 4 * CHUNK):
            header, body = serialize(chunk)
            if first:  # the prefix lines come in hash order: sort them, the data after them is already sorted
                handle.write(b"".join(sorted(header)))  # (UTF-8 bytes sort as their characters do)
                first = False
            handle.write(body)
            chunk = []
        chunk.append(line)
        last = group
    header, body = serialize(chunk)
    if first:
        handle.write(b"".join(sorted(header)))
    handle.write(body)


def _sorted_text(ds: Dataset, write: Callable[[SortedQuads, BinaryIO], None]) -> str:
    with SortedQuads() as quads:
        quads.add_dataset(ds)
        buffer = io.BytesIO()
        write(quads, buffer)
    return buffer.getvalue().decode("utf-8")


def to_trig(ds: Dataset) -> str:
    """The named graphs as TriG, one block per graph in IRI order, written by Oxigraph.

    rdflib's TriG writer orders graphs by set iteration (it changes with PYTHONHASHSEED) and is
    slow; Oxigraph writes quads in the order given, so sorted quads give the same bytes every time.
    """
    return _sorted_text(ds, SortedQuads.write_trig)


def to_turtle(ds: Dataset) -> str:
    """The union of all graphs as Turtle (what graph.ttl holds): each triple once, sorted."""
    return _sorted_text(ds, SortedQuads.write_turtle)


def _compact(iri: str) -> str:
    """`prefix:local` for an IRI in one of the kg namespaces with a simple local name, else the IRI itself."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(str(ns)) and _SIMPLE_LOCAL.match(iri[len(str(ns)):]):
            return f"{prefix}:{iri[len(str(ns)):]}"
    return iri


def to_jsonld(ds: Dataset) -> str:
    """The named graphs as JSON-LD, with the kg prefixes as context; the same bytes wherever it runs.

    Integers are written as strings that the context types xsd:integer (`"kg:quantity": "12000"`),
    never as JSON numbers: rdflib's writer would turn them into Python ints, which orjson (used
    when installed) refuses beyond 64 bits, and JSON-LD readers take numbers of 10**21 and more
    as xsd:double. Indented by 2, the only width orjson writes, so it and the json module agree.
    """
    data = _sorted_dataset(ds)
    context: dict[str, object] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    integers = {p for _, p, o, _ in data.quads((None, None, None, None)) if isinstance(o, Literal) and o.datatype == XSD.integer}
    for predicate in sorted(integers):
        context[_compact(str(predicate))] = {"@type": str(XSD.integer)}
    return data.serialize(format="json-ld", context=context, indent=2)


def events_csv(ds: Dataset) -> str:
    """One CSV row per event: date, actor, actor country, CAMEO/PLOVER codes, target, target country, sources."""
    # (imported here: kg build writes through this module, and the query code would bring networkx and httpx)
    from kg import query as kg_query
    from kg import store as kg_store

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
