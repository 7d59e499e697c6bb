"""Check a graph against the SHACL shapes in ontology/shapes.ttl (pyshacl) and report violations readably."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.errors import OntologyError
from kg.formats import read_dataset
from kg.graph import PREFIXES
from kg.paths import ontology_dir


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the property path, the shape's message, the offending value."""

    focus: str
    path: str
    message: str
    severity: str
    value: str | None = None

    def __str__(self) -> str:
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus} {self.path}: {self.message}{value}"


@dataclass(frozen=True)
class Report:
    """Whether the graph conforms, its violations sorted by node and path, and the number of triples checked."""

    conforms: bool
    violations: tuple[Violation, ...]
    triples: int

    def __str__(self) -> str:
        if self.conforms:
            return f"conforms: {self.triples} triples, no violations"
        lines = [str(v) for v in self.violations]
        lines.append(f"{len(self.violations)} violation{'s' if len(self.violations) != 1 else ''} in {self.triples} triples")
        return "\n".join(lines)


def shapes_path() -> Path:
    """The shipped shapes file."""
    return ontology_dir() / "shapes.ttl"


@lru_cache(maxsize=4)
def _load(path: str) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib's parsers raise many types
        raise OntologyError(f"{path}: cannot parse: {exc}") from exc


def _short(node: object) -> str:
    if node is None:
        return ""
    text = str(node)
    if isinstance(node, URIRef):
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
            if text.startswith(str(ns)):
                return f"{prefix}:{text[len(str(ns)):]}"
        for prefix, ns in (("rdf", str(RDF)), ("rdfs", "http://www.w3.org/2000/01/rdf-schema#")):
            if text.startswith(ns):
                return f"{prefix}:{text[len(ns):]}"
    return text


def _violations(results: Graph) -> tuple[Violation, ...]:
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        out.append(
            Violation(
                focus=_short(results.value(result, SH.focusNode)),
                path=_short(path) if isinstance(path, URIRef) else "(complex path)" if path is not None else "",
                message="; ".join(messages) or _short(results.value(result, SH.sourceConstraintComponent)),
                severity=_short(severity).split("#")[-1] if severity is not None else "Violation",
                value=_short(results.value(result, SH.value)) or None,
            )
        )
    return tuple(sorted(set(out), key=lambda v: (v.focus, v.path, v.message, v.value or "")))


def validate(source: Path | str | Graph, shapes: Path | str | None = None) -> Report:
    """Validate the union of a graph's named graphs against the shapes, with kg.ttl added to the data.

    Example: `validate(Path("output/graph.trig")).conforms`.
    """
    data = Graph()
    for s, p, o, _ in read_dataset(source).quads((None, None, None, None)):
        data.add((s, p, o))
    triples = len(data)
    shapes_graph = _load(str(shapes or shapes_path()))
    # the ontology joins the data so sh:class sees subclasses and the action vocabulary
    # (pyshacl's ont_graph does not carry the kg:ActionType instances over)
    data += _load(str(ontology_dir() / "kg.ttl"))
    conforms, results, _ = shacl_validate(
        data, shacl_graph=shapes_graph, inference="none", abort_on_first=False, allow_warnings=True
    )
    return Report(bool(conforms), _violations(results), triples)
