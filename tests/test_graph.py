"""kg.graph: named graph per document, self-contained graphs, typed dates, key-derived IRIs, golden dataset."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, RDFS, SKOS, XSD

from kg.graph import (
    CORPUS_GRAPH,
    date_literal,
    document_iri,
    document_triples,
    entity_iri,
    event_iri,
    nt_iri,
    nt_literal,
    to_dataset,
    union,
)
from kg.model import Corpus, Document, Entity, Event, Evidence, Mention
from kg.vocab import DOC, ENT, EVT, KG
from tests.conftest import REPO, make_sample_corpus

GOLDEN = REPO / "tests" / "golden" / "sample.trig"


def _named(ds: Dataset) -> dict[URIRef, Graph]:
    """The non-empty graphs of a dataset by name."""
    return {g.identifier: g for g in ds.graphs() if len(g)}


@pytest.fixture
def ds(sample_corpus: Corpus) -> Dataset:
    return to_dataset(sample_corpus)


def test_one_named_graph_per_document_plus_the_corpus_graph(ds):
    assert set(_named(ds)) == {DOC["d1"], DOC["d2"], CORPUS_GRAPH}


def test_the_corpus_graph_holds_only_source_counts(ds, sample_corpus):
    corpus = _named(ds)[CORPUS_GRAPH]
    assert set(corpus.predicates()) == {KG.sourceCount}
    for event in sample_corpus.events:
        assert corpus.value(event_iri(event), KG.sourceCount) == Literal(1, datatype=XSD.integer)


def test_a_document_graph_holds_its_own_document_events_and_mentions(ds, sample_corpus):
    d1, d2 = _named(ds)[DOC["d1"]], _named(ds)[DOC["d2"]]
    supply, deploy = sample_corpus.events
    assert (DOC["d1"], RDF.type, KG.Document) in d1
    assert (DOC["d2"], RDF.type, KG.Document) not in d1
    assert (event_iri(supply), RDF.type, KG.SupplyWeapons) in d1
    assert (event_iri(deploy), None, None) not in d1
    assert (event_iri(deploy), KG.quantity, Literal(12000, datatype=XSD.integer)) in d2
    mention = d1.value(event_iri(supply), KG.mention)
    assert d1.value(mention, KG.document) == DOC["d1"]
    assert d1.value(mention, KG.sentence) == Literal("South Korea is weighing supplying arms to Ukraine.")
    assert d1.value(mention, KG.trigger) == Literal("supplying")
    # entities the document names, with the surface forms it uses; none of another document's
    assert (ENT["KOR"], SKOS.altLabel, Literal("Seoul")) in d1
    assert (ENT["PRK"], None, None) not in d1
    assert (ENT["KOR"], None, None) not in d2


def _dangling(g: Graph) -> set[URIRef]:
    """Entity IRIs used as objects in a graph but not typed in it."""
    used = {o for o in g.objects() if isinstance(o, URIRef) and str(o).startswith(str(ENT))}
    return {o for o in used if (o, RDF.type, None) not in g}


def test_every_document_graph_is_self_contained(ds):
    for name, g in _named(ds).items():
        if name != CORPUS_GRAPH:
            assert not _dangling(g), name


def test_a_document_naming_only_a_person_also_carries_the_country_it_acts_for():
    text = "Yoon Suk Yeol spoke."
    corpus = make_sample_corpus()
    corpus = replace(
        corpus,
        documents=corpus.documents + (Document("d3", text, "2024-11-02"),),
        mentions=corpus.mentions + (Mention("d3", 0, 13, "Yoon Suk Yeol", "yoon-suk-yeol"),),
    )
    d3 = _named(to_dataset(corpus))[DOC["d3"]]
    assert (ENT["yoon-suk-yeol"], KG.actsFor, ENT["KOR"]) in d3
    assert (ENT["KOR"], RDF.type, KG.Country) in d3
    assert not _dangling(d3)


def test_dates_are_typed_at_their_granularity(ds, sample_corpus):
    g = union(ds)
    assert g.value(DOC["d1"], DCTERMS.date) == Literal("2024-11-14", datatype=XSD.date)
    assert g.value(event_iri(sample_corpus.events[1]), KG.date) == Literal("2024-10", datatype=XSD.gYearMonth)
    assert date_literal("2022").datatype == XSD.gYear
    assert date_literal("2024-10").datatype == XSD.gYearMonth
    assert date_literal("2024-10-29").datatype == XSD.date


@pytest.mark.parametrize("bad", ["", "24", "2024-1", "October 2024", "2024/10/29", "abcd", "2024-13", "2024-02-30"])
def test_a_date_that_is_not_partial_iso_is_refused(bad):
    with pytest.raises(ValueError):
        date_literal(bad)


def test_event_iris_are_derived_from_the_event_key_only(sample_corpus):
    event = sample_corpus.events[1]
    iri = event_iri(event)
    assert str(iri).startswith(str(EVT))
    # evidence, quantity and date text are not identity
    assert event_iri(replace(event, evidence=(), quantity=None, date_text=None)) == iri
    # every part of the key is
    for change in ({"actor": "KOR"}, {"action": "Assault"}, {"target": "UKR"}, {"modality": "planned"}, {"date": "2024-11"}):
        assert event_iri(replace(event, **change)) != iri, change


def test_event_iris_are_stable_across_runs(ds, sample_corpus):
    again = to_dataset(make_sample_corpus())
    events = set(union(ds).subjects(RDF.type, KG.Event))
    assert events == {event_iri(e) for e in sample_corpus.events}
    assert events == set(union(again).subjects(RDF.type, KG.Event))


@pytest.mark.parametrize("doc_id", ["a b", "x/y", "q?r#s", "ünï", "100%", "<tag>"])
def test_document_iris_percent_encode_odd_ids(doc_id):
    iri = str(document_iri(doc_id))
    local = iri[len(str(DOC)):]
    assert local.isascii() and not any(c in local for c in " /?#<>"), iri
    assert unquote(local) == doc_id


def test_an_odd_document_id_survives_a_turtle_round_trip():
    corpus = Corpus((Document("dir/odd id#1", "Seoul spoke.", "2024-11-14"),),
                    (Entity("KOR", "South Korea", "Country", "KOR"),),
                    (Mention("dir/odd id#1", 0, 5, "Seoul", "KOR"),), ())
    text = union(to_dataset(corpus)).serialize(format="turtle")
    back = Graph().parse(data=text, format="turtle")
    assert (document_iri("dir/odd id#1"), DCTERMS.identifier, Literal("dir/odd id#1")) in back


def test_entity_iris_come_from_keys():
    assert entity_iri("KOR") == ENT["KOR"]
    assert entity_iri("KOR-national security") == URIRef(str(ENT) + "KOR-national%20security")


def test_actor_and_target_are_linked_directly(ds):
    g = union(ds)
    assert (ENT["KOR"], KG.interactsWith, ENT["UKR"]) in g
    assert (ENT["PRK"], KG.interactsWith, ENT["RUS"]) in g
    assert (ENT["UKR"], KG.interactsWith, ENT["KOR"]) not in g


def test_an_event_without_target_has_no_interacts_with_edge():
    corpus = make_sample_corpus()
    lone = Event("KOR", "Mobilize", None, evidence=(Evidence("d1", "Seoul said so.", 51, 65, "said"),))
    g = union(to_dataset(replace(corpus, events=(lone,))))
    assert g.value(event_iri(lone), KG.target) is None
    assert not set(g.triples((None, KG.interactsWith, None)))


def test_modality_and_codes_follow_the_rules(ds, sample_corpus):
    g = union(ds)
    supply = event_iri(sample_corpus.events[0])
    assert g.value(supply, KG.modality) == KG.Considered
    # weighing an arms supply is coded "consider" (CAMEO 014), not aid (07); PLOVER keeps the type
    assert (g.value(supply, KG.ploverCode), g.value(supply, KG.cameoCode)) == (Literal("AID"), Literal("014"))
    planned = replace(sample_corpus.events[0], modality="planned")
    g2 = union(to_dataset(replace(sample_corpus, events=(planned,))))
    assert g2.value(event_iri(planned), KG.ploverCode) == Literal("AGREE")
    assert g2.value(event_iri(planned), KG.modality) == KG.Planned


def test_the_sample_dataset_matches_the_golden_file(ds, update_golden):
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(ds.serialize(format="trig"), encoding="utf-8")
        pytest.skip(f"rewrote {GOLDEN}")
    assert GOLDEN.exists(), f"{GOLDEN} is missing: run pytest --update-golden"
    golden = Dataset().parse(GOLDEN, format="trig")
    got, want = _named(ds), _named(golden)
    assert set(got) == set(want)
    for name in sorted(want):
        if not isomorphic(got[name], want[name]):
            _, only_got, only_want = graph_diff(to_isomorphic(got[name]), to_isomorphic(want[name]))
            pytest.fail(
                f"graph {name} differs from {GOLDEN.name}\n"
                f"only in output:\n{only_got.serialize(format='nt')}\nonly in golden:\n{only_want.serialize(format='nt')}"
            )


def test_turtle_is_byte_identical_across_runs(ds):
    assert union(ds).serialize(format="turtle") == union(to_dataset(make_sample_corpus())).serialize(format="turtle")


_SERIALISE = (
    "from tests.conftest import make_sample_corpus; from kg.graph import to_dataset, union; "
    "from kg.formats import to_trig; import sys; "
    "ds = to_dataset(make_sample_corpus()); "
    "sys.stdout.write(union(ds).serialize(format='turtle') if sys.argv[1] == 'ttl' else to_trig(ds))"
)


def _serialised_in_fresh_process(fmt: str, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-c", _SERIALISE, fmt], cwd=REPO, env=env, check=True,
                          capture_output=True, text=True).stdout


def test_turtle_is_byte_identical_whatever_the_hash_seed():
    assert _serialised_in_fresh_process("ttl", "1") == _serialised_in_fresh_process("ttl", "2")


def test_trig_is_byte_identical_whatever_the_hash_seed():
    assert len({_serialised_in_fresh_process("trig", seed) for seed in ("1", "2", "3", "4")}) == 1


def _with_roles() -> Corpus:
    """The sample corpus where Yoon has two dated roles and a sector, and an asserted event carries a full CAMEO code."""
    from kg.model import Role

    corpus = make_sample_corpus()
    roles = (Role("KOR", "GOV", "2022-05-10", "2025-04-04"), Role("KOR", "ELI"))
    entities = tuple(replace(e, sector="GOV", roles=roles) if e.key == "yoon-suk-yeol" else e for e in corpus.entities)
    events = tuple(replace(e, cameo="0234") if e.modality == "asserted" else e for e in corpus.events)
    return replace(corpus, entities=entities, events=events,
                   mentions=corpus.mentions + (Mention("d1", 51, 56, "Yoon", "yoon-suk-yeol"),))


def test_an_entity_carries_its_sector_and_dated_roles():
    g = union(to_dataset(_with_roles()))
    yoon = ENT["yoon-suk-yeol"]
    assert (yoon, KG.sector, Literal("GOV")) in g
    first, second = URIRef(f"{yoon}/role/1"), URIRef(f"{yoon}/role/2")
    assert set(g.objects(yoon, KG.role)) == {first, second}
    assert (first, RDF.type, KG.Role) in g
    assert (first, KG.roleCountry, Literal("KOR")) in g
    assert (first, KG.startDate, Literal("2022-05-10", datatype=XSD.date)) in g
    assert (first, KG.endDate, Literal("2025-04-04", datatype=XSD.date)) in g
    assert (second, KG.sector, Literal("ELI")) in g and (second, KG.startDate, None) not in g


def test_an_asserted_event_with_a_full_cameo_code_carries_it():
    corpus = _with_roles()
    g = union(to_dataset(corpus))
    codes = {e.modality: g.value(event_iri(e), KG.cameoCode) for e in corpus.events}
    assert codes == {"asserted": Literal("0234"), "considered": Literal("014")}  # only what is asserted keeps it


# ---------------------------------------------------------------- N-Triples text, without rdflib terms


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_literals_are_written_as_oxigraph_writes_them(text):
    """The sorter keeps N-Triples text and sorts on it: kg's own escaping must be Oxigraph's, byte for byte."""
    assert nt_literal(text) == str(ox.Literal(text))
    integer = ox.NamedNode(str(XSD.integer))
    assert nt_literal(text, XSD.integer) == str(ox.Literal(text, datatype=integer))


def test_document_triples_are_n_triples_text_that_reads_back_as_the_terms():
    corpus = make_sample_corpus()
    from kg.merge import CorpusView

    merged = CorpusView(corpus)
    part = next(merged.document_parts())
    triples = list(document_triples(part, merged.entity))
    assert all(isinstance(t, str) for triple in triples for t in triple)
    parsed = ox.parse("".join(f"{s} {p} {o} .\n" for s, p, o in triples).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    assert [tuple(map(str, (q.subject, q.predicate, q.object))) for q in parsed] == triples
    assert (nt_iri(document_iri("d1")), nt_iri(DCTERMS.date), '"2024-11-14"^^<http://www.w3.org/2001/XMLSchema#date>') in triples


def test_a_document_is_labelled_by_its_title_else_its_first_line():
    corpus = make_sample_corpus()
    titled = replace(corpus.documents[1], title="  Troops\nsent  ")
    long = replace(corpus.documents[0], text="Home » World » " + "word " * 40 + "\nSecond line.")
    g = union(to_dataset(replace(corpus, documents=(long, titled))))
    assert g.value(DOC["d2"], RDFS.label) == Literal("Troops sent")
    assert g.value(DOC["d2"], DCTERMS.title) == Literal("  Troops\nsent  ")  # the title as given stays the title
    label = str(g.value(DOC["d1"], RDFS.label))
    assert label.startswith("word word") and label.endswith("…") and len(label) <= 121  # a breadcrumb trail dropped
    assert g.value(DOC["d1"], DCTERMS.title) is None
    assert Document("x", "\n\n").label == "x"


def test_every_event_has_a_date_and_says_where_it_comes_from(ds, sample_corpus):
    g = union(ds)
    supply, deploy = (event_iri(e) for e in sample_corpus.events)
    assert (g.value(supply, KG.date), g.value(supply, KG.dateSource)) == (Literal("2024-11-14", datatype=XSD.date), Literal("article"))
    assert g.value(supply, KG.dateText) is None
    assert (g.value(deploy, KG.date), g.value(deploy, KG.dateSource)) == (Literal("2024-10", datatype=XSD.gYearMonth), Literal("text"))


def test_an_outranked_telling_is_marked_on_its_mention_and_an_event_no_document_tells_as_its_story():
    """d1 asserts the supply and weighs it: the weighing's mention there is superseded by the assertion."""
    corpus = make_sample_corpus()
    weighed = corpus.events[0]
    done = replace(weighed, modality="asserted", evidence=(Evidence("d1", "Seoul said so.", 51, 65, "said"),))
    g = union(to_dataset(replace(corpus, events=(weighed, done, corpus.events[1]))))
    (mention,) = g.objects(event_iri(weighed), KG.mention)
    assert g.value(mention, KG.supersededBy) == KG.Asserted
    assert g.value(event_iri(weighed), KG.superseded) == Literal(True)
    assert g.value(event_iri(done), KG.superseded) is None
    assert not set(g.triples((None, KG.supersededBy, KG.Considered)))
