"""Any text in, valid RDF and JSON Lines out: generated corpora and a fuzz corpus of nasty strings.

Text reaches the outputs as literals (labels, sentences, titles, triggers) and,
through ids and keys, as IRIs. Whatever the text, the Turtle, TriG and N-Triples
must parse back to the same triples (with rdflib and with Oxigraph, which loads
graph.trig into the store), every IRI must be one a strict parser accepts, and
every JSON Lines record must be one line of valid JSON.
"""

from __future__ import annotations

import codecs
import json
import re
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import Dataset, Graph, Literal, URIRef

from kg.actions import action_types
from kg.export import to_jsonl
from kg.graph import to_dataset, union
from kg.model import ENTITY_KINDS, MODALITY_NAMES, Corpus, Document, Entity, Event, Evidence, Mention

NASTY_FILE = Path(__file__).parent / "data" / "nasty_strings.txt"
ESCAPED = "escaped: "

# RFC 3987 excludes these from IRIs, as do the N-Triples/Turtle IRIREF productions.
BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')
ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def nasty_strings() -> list[str]:
    """The fuzz corpus: literal lines, plus `escaped:` lines decoded for characters a line cannot hold."""
    out = []
    for line in NASTY_FILE.read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        if line.startswith(ESCAPED):
            body = line[len(ESCAPED):]
            out.append(codecs.decode(body.encode("ascii"), "unicode_escape"))
        else:
            out.append(line)
    return out


NASTY = nasty_strings()


def test_fuzz_corpus_holds_the_hard_cases():
    """The file decodes to the characters it promises (a broken decoder would make the tests vacuous)."""
    joined = "".join(NASTY)
    for char in ("\x00", "\n", "\r", "\x0b", "\x1b", "\x85", "\u2028", "\u202e", "\u200f", "\ud800", "\ufeff", '"""', "\\", ">", "\U0001F469"):
        assert char in joined, repr(char)
    assert len(NASTY) > 60


# ---------------------------------------------------------------- generated corpora

# Any code point but lone surrogates (pipeline.extract replaces those; tested below), with the
# nasty strings mixed in so that every run also tries the known-hard cases.
TEXT = st.one_of(st.text(max_size=30), st.sampled_from([s for s in NASTY if not re.search("[\ud800-\udfff]", s)]))
DATES = st.builds(lambda d, n: d.isoformat()[:n], st.dates(date(1, 1, 1), date(9999, 12, 31)), st.sampled_from([4, 7, 10]))
ACTIONS = st.sampled_from(sorted(action_types()))


@st.composite
def corpora(draw) -> Corpus:
    """A small corpus whose every free-text field, id and key is hostile text."""
    doc_ids = draw(st.lists(TEXT, min_size=1, max_size=3, unique=True))
    docs = tuple(
        Document(i, draw(TEXT), draw(st.none() | DATES), draw(st.none() | TEXT), draw(st.none() | TEXT), draw(st.none() | TEXT))
        for i in doc_ids
    )
    keys = draw(st.lists(TEXT, min_size=1, max_size=4, unique=True))
    ents = tuple(
        Entity(k, draw(TEXT), draw(st.sampled_from(ENTITY_KINDS)), draw(st.none() | st.sampled_from(keys)),
               draw(st.none() | st.from_regex(r"Q[1-9][0-9]{0,8}", fullmatch=True)))
        for k in keys
    )
    ints = st.integers(0, 10**6)
    mentions = tuple(Mention(draw(st.sampled_from(doc_ids)), draw(ints), draw(ints), draw(TEXT), draw(st.sampled_from(keys)))
                     for _ in range(draw(st.integers(0, 4))))
    events = {}
    for _ in range(draw(st.integers(0, 3))):
        evidence = tuple(
            Evidence(draw(st.sampled_from(doc_ids)), draw(TEXT), draw(ints), draw(ints), draw(TEXT),
                     draw(st.none() | st.sampled_from(keys)), draw(st.none() | TEXT))
            for _ in range(draw(st.integers(1, 2)))
        )
        event = Event(draw(st.sampled_from(keys)), draw(ACTIONS), draw(st.none() | st.sampled_from(keys)),
                      draw(st.sampled_from(MODALITY_NAMES)), draw(st.none() | DATES), draw(st.none() | TEXT),
                      draw(st.none() | st.integers(-(10**30), 10**30)), evidence)
        events.setdefault(event.key, event)
    return Corpus(docs, ents, mentions, tuple(events.values()))


def assert_valid_iris(graph: Graph) -> None:
    for term in graph.all_nodes() | set(graph.predicates()):
        if isinstance(term, URIRef):
            assert ABSOLUTE_IRI.match(term), repr(term)
            assert not BAD_IRI_CHARS.search(term), repr(term)


def quads(ds: Dataset) -> set[tuple]:
    """(s, p, o, graph name) of every quad; rdflib yields the graph or its name depending on the store."""
    return {(s, p, o, getattr(c, "identifier", c)) for s, p, o, c in ds.quads((None, None, None, None))}


def assert_rdf_round_trips(corpus: Corpus) -> None:
    """Every RDF text we write parses back to exactly the triples/quads we meant, in rdflib and Oxigraph."""
    ds = to_dataset(corpus)
    g = union(ds)
    assert_valid_iris(g)
    triples = set(g)
    for fmt, oxfmt in (("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES)):
        text = g.serialize(format=fmt)
        assert set(Graph().parse(data=text, format=fmt)) == triples, fmt
        assert len(set(ox.parse(text.encode("utf-8"), format=oxfmt))) == len(triples), fmt

    expected = quads(ds)
    for fmt, oxfmt in (("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS)):
        text = ds.serialize(format=fmt)
        back = Dataset().parse(data=text, format=fmt)
        assert quads(back) == expected, fmt
        assert len(set(ox.parse(text.encode("utf-8"), format=oxfmt))) == len(expected), fmt


# How each `kg export` format (and graph.trig, written by kg.formats.to_trig) is read back.
EXPORT_READERS = {
    "nt": ("nt", ox.RdfFormat.N_TRIPLES, False),
    "nq": ("nquads", ox.RdfFormat.N_QUADS, True),
    "trig": ("trig", ox.RdfFormat.TRIG, True),
    "ttl": ("turtle", ox.RdfFormat.TURTLE, False),
    "jsonld": ("json-ld", ox.RdfFormat.JSON_LD, True),
}
EMPTY = Literal("")
"""rdflib 7's JSON-LD writer, given a context, drops an empty-string value when a property has several values."""


def assert_export_round_trips(corpus: Corpus, fmt: str) -> None:
    """`kg export FORMAT` text parses back (rdflib and Oxigraph) to exactly the quads (or triples) of the corpus."""
    from kg.formats import EXPORTS

    ds = to_dataset(corpus)
    rdflib_format, oxfmt, named = EXPORT_READERS[fmt]
    expected = quads(ds) if named else set(union(ds))
    text = EXPORTS[fmt](ds)
    back = Dataset().parse(data=text, format=rdflib_format)
    got = quads(back) if named else {q[:3] for q in quads(back)}
    parsed = set(ox.parse(text.encode("utf-8"), format=oxfmt))
    if fmt == "jsonld":
        got, expected = ({q for q in qs if q[2] != EMPTY} for qs in (got, expected))
        parsed = {q for q in parsed if q.object != ox.Literal("")}
    assert got == expected, fmt
    assert len(parsed) == len(expected), fmt


def assert_jsonl_parses(corpus: Corpus) -> list[dict]:
    """One record a line, by `\\n` and by `str.splitlines`, each valid JSON."""
    text = to_jsonl(corpus)
    assert text.endswith("\n") or text == ""
    lines = text.split("\n")[:-1]
    assert text.splitlines() == lines
    records = [json.loads(line) for line in lines]
    assert len(records) == len(corpus.entities) + len(corpus.events)
    return records


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corpora())
def test_any_text_gives_rdf_that_parses_back_identically(corpus):
    assert_rdf_round_trips(corpus)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corpora())
def test_any_text_gives_json_lines_that_parse_with_the_same_values(corpus):
    records = assert_jsonl_parses(corpus)
    by_key = {r["key"]: r for r in records if r["type"] == "entity"}
    for entity in corpus.entities:
        assert by_key[entity.key]["label"] == entity.label
    nodes = {str(i) for i in union(to_dataset(corpus)).all_nodes() if isinstance(i, URIRef)}
    mentioned = {m.key for m in corpus.mentions}
    for record in records:
        if record["type"] == "event" or record["key"] in mentioned:
            assert record["id"] in nodes  # the JSON and the graph name the same node


@pytest.mark.parametrize("fmt", list(EXPORT_READERS))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corpus=corpora())
def test_any_text_survives_every_export_format(fmt, corpus):
    assert_export_round_trips(corpus, fmt)


def test_jsonld_export_of_a_quantity_beyond_64_bits(sample_corpus):
    """The pipeline makes 99999999999999991611392 from 'sent 99999999999999999999999 troops': exported as
    an xsd:integer string, so no JSON writer's integer limit applies (test_formats tries both writers)."""
    from dataclasses import replace

    event = replace(sample_corpus.events[1], quantity=10**23)
    assert_export_round_trips(replace(sample_corpus, events=(sample_corpus.events[0], event)), "jsonld")


def nasty_corpus() -> Corpus:
    """One document per nasty string, the string in every free-text field and in its id."""
    docs = []
    for n, text in enumerate(NASTY):
        clean = re.sub("[\ud800-\udfff]", "\ufffd", text)
        docs.append(Document(f"{n}-{clean}", clean, "2024-11-14", clean, clean, clean))
    return Corpus(tuple(docs), (), (), ())


@pytest.mark.parametrize("fmt", list(EXPORT_READERS))
def test_nasty_strings_survive_every_export_format(fmt):
    assert_export_round_trips(nasty_corpus(), fmt)


@pytest.mark.parametrize("text", NASTY, ids=lambda s: ascii(s)[:40])
def test_each_nasty_string_in_every_field_round_trips(text):
    """Each fuzz string alone, as id, key, label, sentence, title and trigger."""
    clean = re.sub("[\ud800-\udfff]", "\ufffd", text)  # a str with lone surrogates cannot be UTF-8 (see the pipeline test)
    doc = Document(clean, clean, "2024-11-14", clean, clean, clean)
    ent = Entity(clean, clean, "Person", None, None)
    other = Entity(clean + "2", clean, "Country", clean, "Q1")
    event = Event(clean, "Aid", other.key, "asserted", "2024", clean, 1,
                  (Evidence(clean, clean, 0, len(clean), clean, other.key, clean),))
    corpus = Corpus((doc,), (ent, other), (Mention(clean, 0, 1, clean, clean),), (event,))
    assert_rdf_round_trips(corpus)
    assert_jsonl_parses(corpus)


# ---------------------------------------------------------------- the real pipeline


@pytest.fixture(scope="module")
def nasty_build(tmp_path_factory):
    """One batch through kg.pipeline.extract and write_outputs: every nasty string as id, title, url, source and text."""
    from kg.pipeline import extract, write_outputs

    docs = []
    for n, s in enumerate(NASTY):
        text = f"North Korea sent troops to Russia. {s} South Korea sanctioned {s} on Monday. “{s}”, said {s}.\n{s}"
        docs.append(Document(f"{n}-{s}", text, "2024-11-14", s, s, s))
    corpus = extract(docs)
    out = tmp_path_factory.mktemp("nasty")
    write_outputs(corpus, out, html=True)
    return corpus, out


def test_pipeline_outputs_parse_whatever_the_text(nasty_build):
    corpus, out = nasty_build
    assert len(corpus.documents) == len(NASTY)
    assert corpus.events, "the fixed sentence around the nasty strings should still give events"
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert_valid_iris(g)
    assert len(g) == len(set(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)))
    text = (out / "events.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines()]
    assert len(records) == len(corpus.entities) + len(corpus.events)


def test_pipeline_trig_holds_the_same_triples_as_the_turtle(nasty_build):
    _, out = nasty_build
    g = Graph().parse(out / "graph.ttl", format="turtle")
    ds = Dataset().parse(out / "graph.trig", format="trig")
    assert {q[:3] for q in quads(ds)} == set(g)
    assert len(set(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))) == len(quads(ds))


def test_pipeline_keeps_document_ids_and_titles_exactly(nasty_build):
    """Ids and titles come back from graph.ttl as the strings given (lone surrogates as U+FFFD)."""
    from rdflib.namespace import DCTERMS

    corpus, out = nasty_build
    g = Graph().parse(out / "graph.ttl", format="turtle")
    titles = {str(o) for o in g.objects(None, DCTERMS.title)}
    ids = {str(o) for o in g.objects(None, DCTERMS.identifier)}
    for n, s in enumerate(NASTY):
        expected = re.sub("[\ud800-\udfff]", "\ufffd", s)
        assert f"{n}-{expected}" in ids
        assert expected in titles


def test_lone_surrogates_become_replacement_characters_with_offsets_kept():
    """A JSON `\\ud800` escape gives a str that cannot be written as UTF-8; extract replaces it one for one."""
    from kg.pipeline import encodable

    doc = encodable(Document("a\ud800", "x\udfffy North Korea", title="\ud83d"))
    assert (doc.id, doc.text, doc.title) == ("a\ufffd", "x\ufffdy North Korea", "\ufffd")
    assert len(doc.text) == len("x\udfffy North Korea")


def test_page_never_carries_nasty_markup_raw(nasty_build):
    _, out = nasty_build
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x onerror" not in page
