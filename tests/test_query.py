"""kg.query: named queries with bound parameters, refusals, and the four result formats."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg import query, store
from kg.cli import app
from kg.errors import InputError, QueryError, UnknownQuery
from kg.graph import to_dataset
from kg.model import Event, Evidence, Mention
from kg.paths import queries_dir
from tests.conftest import make_sample_corpus

SHIPPED = {"who-did-what", "actor-profile", "timeline", "sources", "considered", "aliases", "entities", "event-table",
           "triple-count"}
INJECTION = '"} ; DROP ALL ; {'


@pytest.fixture(scope="module")
def mem() -> ox.Store:
    return store.parse(to_dataset(make_sample_corpus()))


def rows(result: query.Result, *columns: str) -> list[tuple[str | None, ...]]:
    """Chosen columns of a result as plain strings (IRIs and literals by value)."""
    idx = [result.variables.index(c) for c in columns]
    return [tuple(None if row[i] is None else row[i].value for i in idx) for row in result.rows]


# ---------------------------------------------------------------- the shipped queries


def test_every_shipped_query_is_listed_with_a_description():
    listed = dict(query.list_queries())
    assert set(listed) == SHIPPED
    assert all(desc and not desc.startswith("#") for desc in listed.values())
    for path in queries_dir().glob("*.rq"):
        assert path.read_text(encoding="utf-8").startswith("# "), path


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_shipped_query_runs_and_hides_its_parameters(mem, name):
    named = query.named_queries()[name]
    params = {p.name: "KOR" for p in named.params if p.required}
    result = query.run(name, store=mem, params=params)
    assert result.variables and not {p.name for p in named.params} & set(result.variables)


@pytest.mark.parametrize("actor", ["South Korea", "south korea", "Seoul", "KOR"])
def test_who_did_what_matches_actor_by_label_alias_or_key(mem, actor):
    result = query.run("who-did-what", store=mem, params={"actor": actor})
    assert rows(result, "who", "did", "whom", "how") == [("South Korea", "SupplyWeapons", "Ukraine", "considered")]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["North Korea", "South Korea"]),
        ({"action": "supply weapons"}, ["South Korea"]),
        ({"action": "DeployTroops"}, ["North Korea"]),
        ({"target": "Russia"}, ["North Korea"]),
        ({"modality": "asserted"}, ["North Korea"]),
        ({"actor": "Ukraine"}, []),
    ],
)
def test_who_did_what_filters(mem, params, expected):
    assert [r[0] for r in rows(query.run("who-did-what", store=mem, params=params), "who")] == expected


def test_a_value_is_only_ever_a_value(mem):
    before = len(mem)
    for name, param in [("who-did-what", "actor"), ("aliases", "name"), ("actor-profile", "actor"), ("timeline", "until")]:
        assert query.run(name, store=mem, params={param: INJECTION}).rows == ()
    assert len(mem) == before


def test_actor_profile_lists_both_roles(mem):
    result = query.run("actor-profile", store=mem, params={"actor": "Russia"})
    assert rows(result, "role", "did", "other", "when") == [("target", "DeployTroops", "North Korea", "2024-10")]


def test_timeline_is_dated_and_bounded(mem):
    # the text dates North Korea's deployment; South Korea's weighing is dated by its article
    assert rows(query.run("timeline", store=mem), "when", "date_source", "who") == [
        ("2024-10", "text", "North Korea"), ("2024-11-14", "article", "South Korea")]
    assert query.run("timeline", store=mem, params={"until": "2024-09"}).rows == ()
    assert len(query.run("timeline", store=mem, params={"until": "2024-10", "since": "2024"}).rows) == 1


def test_timeline_and_event_table_give_every_event_the_same_date(mem):
    timeline = {(r[2], r[0], r[1]) for r in rows(query.run("timeline", store=mem), "when", "date_source", "event")}
    table = {(r[2], r[0], r[1]) for r in rows(query.run("event-table", store=mem), "date", "date_source", "event")}
    assert timeline == table and len(table) == 2


def test_sources_give_document_sentence_and_count(mem):
    result = query.run("sources", store=mem, params={"actor": "North Korea"})
    # a document is shown by its title, here its first line (the sample's documents have no title)
    assert rows(result, "document", "sources", "sentence") == [
        ("North Korea sent 12,000 troops to Russia last month.", "1", "North Korea sent 12,000 troops to Russia last month.")
    ]
    assert query.run("sources", store=mem, params={"min_sources": "2"}).rows == ()


def test_considered_excludes_actions_that_were_done():
    corpus = make_sample_corpus()
    mem = store.parse(to_dataset(corpus))
    assert rows(query.run("considered", store=mem), "who", "did", "how") == [("South Korea", "SupplyWeapons", "considered")]
    done = Event("KOR", "SupplyWeapons", "UKR", "asserted", "2024-12", None, None,
                 (Evidence("d1", "Seoul said so.", 51, 65, "said"),))
    elsewhere = dataclasses.replace(done, target="RUS")  # done, but to someone else: still only considered for Ukraine
    mem = store.parse(to_dataset(dataclasses.replace(corpus, events=corpus.events + (elsewhere,))))
    assert rows(query.run("considered", store=mem), "whom") == [("Ukraine",)]
    mem = store.parse(to_dataset(dataclasses.replace(corpus, events=corpus.events + (done,))))
    assert query.run("considered", store=mem).rows == ()


def test_aliases(mem):
    assert rows(query.run("aliases", store=mem, params={"name": "seoul"}), "key", "label", "aliases") == [
        ("KOR", "South Korea", "Seoul")
    ]


# ---------------------------------------------------------------- names resolved to entities first


def test_entities_resolves_a_label_alias_or_key_in_any_case(mem):
    for name in ("South Korea", "SEOUL", "kor"):
        assert rows(query.run("entities", store=mem, params={"name": name}), "entity", "key") == [
            ("https://w3id.org/kg-geo/entity/KOR", "KOR")
        ]
    assert query.resolve_entities(mem, "Atlantis") == ()


def test_every_query_that_filters_by_name_binds_the_entities_it_names():
    """Each shipped parameter that names an entity has a VALUES line for kg to bind, none is compared as text."""
    expected = {"who-did-what": {"actor", "target"}, "actor-profile": {"actor"}, "timeline": {"actor"},
                "sources": {"actor"}, "considered": {"actor"}, "aliases": {"name"}}
    found = {name: set(query.entity_params(q.text)) for name, q in query.named_queries().items() if query.entity_params(q.text)}
    assert found == expected
    for name, q in query.named_queries().items():
        assert "LCASE(STR(?an))" not in q.text and "LCASE(STR(?tn))" not in q.text, name


def test_bound_entities_become_the_values_block_and_nothing_else_changes():
    text = query.named_queries()["timeline"].text
    kor, prk = ox.NamedNode("https://w3id.org/kg-geo/entity/KOR"), ox.NamedNode("https://w3id.org/kg-geo/entity/PRK")
    bound = query.bind_entities(text, {"actor": (kor, prk)})
    assert bound.count(f"VALUES ?a {{ {kor} {prk} }}  # @entity actor") == 1
    assert bound.count(f"VALUES ?t {{ {kor} {prk} }}  # @entity actor") == 1
    assert query.bind_entities(text, {}) == text
    assert "VALUES ?a {  }  # @entity actor" in query.bind_entities(text, {"actor": ()})


def test_a_name_of_two_entities_gives_the_events_of_both():
    """An alias shared by two entities (both called "Korea" somewhere) matches the events of each."""
    corpus = make_sample_corpus()
    mentions = corpus.mentions + (Mention("d1", 0, 5, "Korea", "KOR"), Mention("d2", 0, 5, "Korea", "PRK"))
    mem = store.parse(to_dataset(dataclasses.replace(corpus, mentions=mentions)))
    result = query.run("who-did-what", store=mem, params={"actor": "korea"})
    assert rows(result, "who", "did") == [("North Korea", "DeployTroops"), ("South Korea", "SupplyWeapons")]
    assert rows(query.run("timeline", store=mem, params={"actor": "Russia"}), "who", "whom") == [("North Korea", "Russia")]
    assert rows(query.run("who-did-what", store=mem, params={"actor": "korea", "target": "rus"}), "who") == [("North Korea",)]


def test_targetless_events_are_listed_unless_a_target_is_asked_for():
    corpus = make_sample_corpus()
    mobilize = Event("RUS", "Mobilize", None, "planned", None, None, None, (Evidence("d2", "Russia will mobilise.", 0, 20, "mobilise"),))
    mem = store.parse(to_dataset(dataclasses.replace(corpus, events=corpus.events + (mobilize,))))
    assert rows(query.run("who-did-what", store=mem), "who", "did", "whom") == [
        ("North Korea", "DeployTroops", "Russia"), ("Russia", "Mobilize", None), ("South Korea", "SupplyWeapons", "Ukraine"),
    ]
    assert rows(query.run("who-did-what", store=mem, params={"actor": "Russia"}), "did") == [("Mobilize",)]
    assert rows(query.run("who-did-what", store=mem, params={"target": "Russia"}), "did") == [("DeployTroops",)]
    assert rows(query.run("actor-profile", store=mem, params={"actor": "RUS"}), "role", "did") == [
        ("actor", "Mobilize"), ("target", "DeployTroops")]


# ---------------------------------------------------------------- refusals and errors


def test_unknown_query_lists_the_names(mem):
    with pytest.raises(UnknownQuery) as info:
        query.run("alies", store=mem)
    assert str(info.value) == "Unknown query 'alies'; choose one of: " + ", ".join(sorted(SHIPPED))


def test_parameters_are_checked(mem):
    with pytest.raises(QueryError, match="needs --param actor=VALUE"):
        query.run("actor-profile", store=mem)
    with pytest.raises(QueryError, match="no parameter 'who'; its parameters: action, actor, modality, target"):
        query.run("who-did-what", store=mem, params={"who": "x"})
    with pytest.raises(QueryError, match="expected NAME=VALUE"):
        query.parse_params(["actor"])
    assert query.parse_params(["actor=South Korea", "x=a=b"]) == {"actor": "South Korea", "x": "a=b"}


def test_bad_sparql_gives_line_and_column(mem):
    with pytest.raises(QueryError, match=r"invalid SPARQL: error at 2:\d+"):
        query.run("SELECT ?s WHERE {\n ?s ?p }", store=mem)


@pytest.mark.parametrize("update", ["INSERT DATA { <http://a> <http://b> <http://c> }", "PREFIX x: <http://x#>\nDROP ALL", "# note\nCLEAR DEFAULT"])
def test_updates_are_refused_without_the_flag(update):
    mem = store.parse(to_dataset(make_sample_corpus()))
    before = len(mem)
    with pytest.raises(QueryError, match="read-only; add --update"):
        query.run(update, store=mem)
    assert len(mem) == before


def test_updates_run_with_the_flag_and_the_default_graph_stays_the_union():
    mem = store.parse(to_dataset(make_sample_corpus()))
    triples = store.count(mem)
    result = query.run("INSERT DATA { GRAPH <http://g> { <http://a> <http://b> <http://c> } }", store=mem, update=True)
    assert result.message == "update applied" and store.count(mem) == triples + 1
    assert query.run("ASK { <http://a> <http://b> <http://c> }", store=mem).boolean is True
    query.run("DELETE DATA { GRAPH <http://g> { <http://a> <http://b> <http://c> } }", store=mem, update=True)
    assert store.count(mem) == triples and query.run("ASK { <http://a> <http://b> <http://c> }", store=mem).boolean is False


def test_rq_files_run_and_missing_ones_are_named(mem, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?c }", encoding="utf-8")
    assert int(query.run(str(path), store=mem).rows[0][0].value) > 0
    with pytest.raises(InputError, match="no such query file"):
        query.run(str(tmp_path / "missing.rq"), store=mem)


def test_inline_queries_take_parameters_too(mem):
    text = "SELECT ?e ?label WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    assert rows(query.run(text, store=mem, params={"label": "Ukraine"}), "e") == [("https://w3id.org/kg-geo/entity/UKR",)]


# ---------------------------------------------------------------- formats


def test_json_is_the_w3c_results_format(mem):
    text = "SELECT ?e ?label ?n WHERE { ?e <https://w3id.org/kg-geo/ontology#quantity> ?n ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } "
    ours = json.loads(query.format_result(query.run(text, store=mem), "json"))
    theirs = json.loads(mem.query(text).serialize(format=ox.QueryResultsFormat.JSON))
    assert ours == theirs
    assert ours["results"]["bindings"][0]["n"] == {"type": "literal", "value": "12000", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


def test_tsv_and_csv_round_trip(mem):
    result = query.run("who-did-what", store=mem)
    parsed = ox.parse_query_results(query.format_result(result, "tsv"), format=ox.QueryResultsFormat.TSV)
    assert [v.value for v in parsed.variables] == list(result.variables)
    assert [tuple(sol) for sol in parsed] == list(result.rows)
    table = list(csv.reader(io.StringIO(query.format_result(result, "csv"))))
    assert table[0] == list(result.variables) and table[2][:4] == ["South Korea", "SupplyWeapons", "Ukraine", "considered"]


def test_table_is_aligned_with_prefixed_names(mem):
    text = query.format_result(query.run("who-did-what", store=mem), "table")
    lines = text.splitlines()
    assert re.match(r"who\s+did\s+whom\s+how\s+when\s+sources\s+event$", lines[0])
    assert "evt:" in lines[2] and lines[-1] == "(2 rows)"


def test_ask_and_unknown_format(mem):
    result = query.run("ASK { ?s a <https://w3id.org/kg-geo/ontology#Event> }", store=mem)
    assert json.loads(query.format_result(result, "json")) == {"head": {}, "boolean": True}
    assert query.format_result(result, "table") == "true\n"
    with pytest.raises(InputError, match="unknown format 'xml'; choose one of: table, csv, tsv, json"):
        query.format_result(result, "xml")


# ---------------------------------------------------------------- CLI


@pytest.fixture
def graph_dir(tmp_path):
    (tmp_path / "graph.trig").write_text(to_dataset(make_sample_corpus()).serialize(format="trig"), encoding="utf-8")
    return tmp_path


def test_cli_query_named_with_param(graph_dir):
    result = CliRunner().invoke(app, ["query", "who-did-what", "--store", str(graph_dir / "store"), "-p", "actor=Seoul", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("South Korea,SupplyWeapons,Ukraine,considered")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["SELECT ?s WHERE { ?s ?p }"], 5, "Error: invalid SPARQL: error at 1:"),
        (["DROP ALL"], 5, "Error: this is a SPARQL update and kg query is read-only; add --update to change the store"),
        (["alies"], 5, "Error: Unknown query 'alies'; choose one of: "),
        (["aliases", "-f", "xml"], 2, "Error: unknown format 'xml'; choose one of: table, csv, tsv, json"),
    ],
)
def test_cli_query_errors_are_one_line_and_write_nothing(graph_dir, args, code, message):
    result = CliRunner().invoke(app, ["query", *args, "--store", str(graph_dir / "store")])
    assert result.exit_code == code
    assert result.stderr.startswith(message) and len(result.stderr.splitlines()) == 1
    assert result.stdout == "" and "Traceback" not in result.output


def test_cli_query_list(graph_dir):
    result = CliRunner().invoke(app, ["query", "--list"])
    assert result.exit_code == 0 and "who-did-what: Who did what to whom" in result.stdout
    assert '--param actor=... (required)' in result.stdout


def test_invalid_sparql_is_refused_before_any_store_is_made(tmp_path):
    """A typo must not create (or reload) the embedded store before it is reported."""
    from kg.errors import QueryError
    from kg.query import run

    store_dir = tmp_path / "store"
    with pytest.raises(QueryError, match="invalid SPARQL"):
        run("SELEC ?x WHERE {}", store_dir=store_dir)
    assert not store_dir.exists()


def test_triple_count_counts_each_triple_once(mem):
    """The shipped count runs on the union default graph: an entity named in two documents counts once."""
    from kg.graph import union

    assert int(query.run("triple-count", store=mem).rows[0][0].value) == len(union(to_dataset(make_sample_corpus())))
