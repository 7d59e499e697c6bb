"""kg.validate: the build output conforms to ontology/shapes.ttl and broken graphs are reported readably."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from typer.testing import CliRunner

from kg.cli import app
from kg.graph import document_iri, entity_iri, event_iri, mention_iri, to_dataset, union
from kg.validate import validate
from kg.vocab import KG
from tests.conftest import make_sample_corpus

CORPUS = make_sample_corpus()
CONSIDERED = event_iri(CORPUS.events[0])
EV = CORPUS.events[0].evidence[0]
MENTION = mention_iri(EV.doc_id, EV.start, EV.end, CORPUS.events[0])


def test_the_built_graph_conforms():
    report = validate(to_dataset(CORPUS))
    assert report.conforms and report.violations == () and report.triples == 77


@pytest.mark.slow
def test_a_build_of_real_news_conforms():
    from kg.ingest import read_documents
    from kg.pipeline import extract
    from tests.conftest import NEWS_SAMPLE

    report = validate(to_dataset(extract(read_documents([str(NEWS_SAMPLE)]))))
    assert report.conforms, str(report)


def _remove(g: Graph, s, p) -> None:
    g.remove((s, p, None))


BROKEN = {
    "no modality": (lambda g: _remove(g, CONSIDERED, KG.modality), "kg:modality"),
    "two actors": (lambda g: g.add((CONSIDERED, KG.actor, entity_iri("UKR"))), "kg:actor"),
    "bad CAMEO code": (lambda g: g.set((CONSIDERED, KG.cameoCode, Literal("7"))), "kg:cameoCode"),
    "untyped date": (lambda g: g.add((CONSIDERED, KG.date, Literal("last week"))), "kg:date"),
    "two action types": (lambda g: g.add((CONSIDERED, RDF.type, KG.Assault)), "rdf:type"),
    "no action type": (lambda g: g.remove((CONSIDERED, RDF.type, KG.SupplyWeapons)), "rdf:type"),
    "actor not an entity": (lambda g: g.set((CONSIDERED, KG.actor, URIRef("http://example.org/nobody"))), "kg:actor"),
    "mention without document": (lambda g: _remove(g, MENTION, KG.document), "kg:document"),
    "mention ends before it starts": (lambda g: g.set((MENTION, KG.end, Literal(-1, datatype=XSD.integer))), "kg:end"),
    "document without identifier": (lambda g: _remove(g, document_iri("d1"), URIRef("http://purl.org/dc/terms/identifier")), "dcterms:identifier"),
    "entity without key": (lambda g: _remove(g, entity_iri("KOR"), KG.key), "kg:key"),
    "date from a guess": (lambda g: g.set((CONSIDERED, KG.dateSource, Literal("guess"))), "kg:dateSource"),
    "superseded not a boolean": (lambda g: g.add((CONSIDERED, KG.superseded, Literal("yes"))), "kg:superseded"),
    "mention superseded by an entity": (lambda g: g.add((MENTION, KG.supersededBy, entity_iri("KOR"))), "kg:supersededBy"),
    "document without label": (lambda g: _remove(g, document_iri("d1"), RDFS.label), "rdfs:label"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_graphs_are_reported_by_node_and_property(case):
    g = union(to_dataset(CORPUS))
    change, path = BROKEN[case]
    change(g)
    report = validate(g)
    assert not report.conforms
    assert path in {v.path for v in report.violations}, str(report)
    assert all(v.message and v.focus for v in report.violations)


def test_a_date_that_does_not_say_where_it_comes_from_is_reported():
    g = union(to_dataset(CORPUS))
    assert (CONSIDERED, KG.dateSource, Literal("article")) in g  # the sample's considered event: its article's date
    _remove(g, CONSIDERED, KG.dateSource)
    report = validate(g)
    assert not report.conforms
    assert any("kg:dateSource" in v.message for v in report.violations), str(report)


def test_cli_validate(tmp_path):
    good = tmp_path / "graph.trig"
    good.write_text(to_dataset(CORPUS).serialize(format="trig"), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(good)])
    assert result.exit_code == 0 and result.stdout.startswith("conforms: 77 triples")
    g = union(to_dataset(CORPUS))
    g.remove((CONSIDERED, KG.modality, None))
    bad = tmp_path / "bad.ttl"
    bad.write_text(g.serialize(format="turtle"), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(bad)])
    assert result.exit_code == 7
    assert f"Violation: evt:{str(CONSIDERED).rsplit('/', 1)[1]} kg:modality: an event has exactly one modality" in result.stdout
    assert result.stderr == f"Error: {bad} does not conform to the shapes (1 violation)\n"


def test_a_graph_with_roles_sectors_and_full_cameo_codes_conforms():
    from tests.test_graph import _with_roles

    report = validate(to_dataset(_with_roles()))
    assert report.conforms, str(report)


def test_a_role_that_ends_before_it_starts_is_reported():
    from tests.test_graph import _with_roles

    g = union(to_dataset(_with_roles()))
    role = URIRef(f"{entity_iri('yoon-suk-yeol')}/role/1")
    g.set((role, KG.endDate, Literal("2020-01-01", datatype=XSD.date)))
    report = validate(g)
    assert not report.conforms and "kg:startDate" in str(report)
