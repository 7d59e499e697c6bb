"""kg.query: named queries with bound parameters, refusals, and the four result formats."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import random
import re
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg import query, store
from kg.cli import app
from kg.errors import InputError, QueryError, QueryLimit, StoreError, UnknownQuery
from kg.graph import to_dataset
from kg.model import Corpus, Document, Entity, Event, Evidence, Mention
from kg.paths import queries_dir
from kg.vocab import KG
from tests.conftest import REPO, make_sample_corpus

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
    assert query.run("entities", store=mem, params={"name": INJECTION}).rows == ()  # free text: a string to compare with
    assert query.run("SELECT ?v WHERE {}", store=mem, params={"v": INJECTION}).rows[0][0].value == INJECTION
    for name, param in [("who-did-what", "actor"), ("aliases", "name"), ("actor-profile", "actor"), ("timeline", "until")]:
        with pytest.raises(QueryError):  # no entity has that name, and it is no date: refused, never run
            query.run(name, store=mem, params={param: INJECTION})
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


def varied_corpus(seed: int = 3) -> Corpus:
    """Sixty events of six entities in twelve documents, drawn at random but the same every run: with and
    without a target, date, attribution or second document, every modality, some superseded."""
    rng = random.Random(seed)
    keys = ["KOR", "PRK", "UKR", "RUS", "USA", "yoon-suk-yeol"]
    ents = tuple(Entity(k, f"Name of {k}", "Person" if "-" in k else "Country", None if "-" in k else k,
                        sector="GOV" if "-" in k else None) for k in keys)
    docs = tuple(Document(f"d{i}", f"Text {i}, with a comma.", f"2024-0{1 + i % 9}-1{i % 10}", title=None if i % 3 else f"Title {i}",
                          url=f"https://news.example/{i}" if i % 4 == 0 else None) for i in range(12))
    events, seen = [], set()
    while len(events) < 60:
        actor, target = rng.choice(keys), rng.choice(keys + [None, None])
        action = rng.choice(["SupplyWeapons", "DeployTroops", "Consult", "Threaten", "Aid", "Sanction"])
        modality, date = rng.choice(["asserted", "asserted", "considered", "planned", "negated"]), rng.choice([None, "2024-10", "2023"])
        if (actor, action, target or "", modality, date or "") in seen or actor == target:
            continue
        seen.add((actor, action, target or "", modality, date or ""))
        told = rng.sample(range(12), rng.choice([1, 1, 2]))
        superseded = modality != "asserted" and rng.random() < 0.3
        evidence = tuple(Evidence(f"d{d}", f"Sentence {len(events)} in d{d}, as said.", 0, 30, "did",
                                  attributed_to=rng.choice([None, None, "USA"]), attribution_text=rng.choice([None, "officials"]),
                                  superseded_by="asserted" if superseded else None) for d in told)
        events.append(Event(actor, action, target, modality, date, None, None, evidence, reported=f"2024-0{1 + min(told) % 9}-1{min(told) % 10}",
                            superseded=superseded))
    mentions = tuple(Mention(f"d{i}", 0, 4, f"Name of {k}", k) for i in range(12) for k in keys[i % 3::3])
    return Corpus(docs, ents, mentions, tuple(events))


@pytest.fixture(scope="module")
def varied() -> ox.Store:
    return store.parse(to_dataset(varied_corpus()))


def test_every_event_at_once_gives_the_rows_each_entity_gets_on_its_own(varied):
    """A query that names an entity starts from it, one without lists every event by another way (joins by
    hash); the two must agree: the full list, cut to an entity's rows, is what naming the entity gives."""
    label = {e.key: e.label for e in varied_corpus().entities}
    cases = [("who-did-what", "actor", ("who",)), ("who-did-what", "target", ("whom",)), ("timeline", "actor", ("who", "whom")),
             ("sources", "actor", ("who",)), ("considered", "actor", ("who",))]
    for name, param, columns in cases:
        for extra in ({}, {"modality": "asserted"}, {"action": "Consult"}) if name == "who-did-what" else ({},):
            every = query.run(name, store=varied, params=extra)
            assert len(every.rows) >= 5, name
            for key, name_of in label.items():
                named = query.run(name, store=varied, params={param: key, **extra})
                mine = [row for row in every.rows if any(row[every.variables.index(c)] == ox.Literal(name_of) for c in columns)]
                assert named.rows == tuple(mine), (name, param, key, extra)
    every = query.run("who-did-what", store=varied)
    for actor, actor_name in label.items():
        for target, target_name in label.items():
            both = query.run("who-did-what", store=varied, params={"actor": actor, "target": target})
            assert both.rows == tuple(r for r in every.rows if r[0] == ox.Literal(actor_name) and r[2] == ox.Literal(target_name))


def _first_of(store_: ox.Store, name: str, rows: int, params: dict[str, str]) -> query.Result | None:
    """`query.first_rows` as `run` calls it for the listing `name` with its other parameters bound."""
    named = query.named_queries()[name]
    subs = {ox.Variable(k): ox.Literal(v) for k, v in params.items()}
    found = query.first_rows(store_, named.text, named.lead, rows, subs)
    if found is None:
        return None
    keep = [i for i, v in enumerate(found.variables) if v not in {p.name for p in named.params}]  # as run shows them
    return query.Result(tuple(found.variables[i] for i in keep), tuple(tuple(r[i] for i in keep) for r in found.rows))


def test_the_first_rows_of_a_listing_by_actor_are_its_first_rows_found_an_actor_at_a_time(varied, monkeypatch):
    """With a row limit, who-did-what and considered find their first rows from the actors with the first labels;
    for every limit they are the listing's first rows, in its order, with one more when the list goes on."""
    assert {name for name, q in query.named_queries().items() if q.lead} == {"who-did-what", "considered", "timeline", "event-table",
                                                                                    "sources"}
    cases = [("who-did-what", {}), ("who-did-what", {"modality": "asserted"}), ("who-did-what", {"action": "Consult"}),
             ("considered", {}), ("timeline", {}), ("timeline", {"since": "2024"}), ("timeline", {"until": "2023-12"}),
             ("event-table", {}), ("sources", {}), ("sources", {"min_sources": "2"})]
    for name, extra in cases:
        every = query.run(name, store=varied, params=extra)
        assert len(every.rows) >= 5, name
        checked = query.check_value  # the values as run binds them
        bound = {k: checked(k, {"modality": "modality", "action": "action", "since": "date", "until": "date",
                                    "min_sources": "count"}[k], v)
                 for k, v in extra.items()}
        for n in range(1, len(every.rows) + 2):
            first = _first_of(varied, name, n + 1, bound)
            assert first is not None and first.rows == every.rows[:n + 1], (name, extra, n)
            limited = query.run(name, store=varied, params=extra, limit=n)
            assert limited.rows == every.rows[:n + 1], (name, extra, n)
    # named entities: the query already starts from them, and the whole answer comes as before
    calls = []
    monkeypatch.setattr(query, "first_rows", lambda *args, **kwargs: calls.append(args))
    assert query.run("who-did-what", store=varied, params={"target": "KOR"}, limit=1).rows == \
        query.run("who-did-what", store=varied, params={"target": "KOR"}).rows
    assert calls == []


def test_first_rows_take_every_entity_of_a_label_and_an_entity_under_each_of_its_labels():
    """Two actors named alike have their rows interleaved by the rest of the order, and an actor with a second
    label has rows under it later in the list: the first rows are still the listing's."""
    mem = store.parse(to_dataset(varied_corpus()))
    entity = "https://w3id.org/kg-geo/entity/"
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    mem.add(ox.Quad(ox.NamedNode(entity + "RUS"), label, ox.Literal("Name of KOR")))
    mem.add(ox.Quad(ox.NamedNode(entity + "KOR"), label, ox.Literal("Zeta")))
    every = query.run("who-did-what", store=mem)
    assert {row[0].value for row in every.rows} >= {"Name of KOR", "Zeta"}
    for n in range(1, len(every.rows) + 2):
        first = _first_of(mem, "who-did-what", n, {})
        assert first is not None and first.rows == every.rows[:n], n


def test_the_first_rows_of_the_timeline_come_a_date_at_a_time_in_its_own_date_order():
    """The timeline is ordered by date first: kg binds the first dates into its `# @slot when` lines and gets
    the timeline's first rows. Dates of a day, a month and a year order as the store orders them, in the lead's
    query and in the listing alike, and a date that two events share gives both."""
    mem = store.parse(to_dataset(varied_corpus()))
    kg_date = ox.NamedNode("https://w3id.org/kg-geo/ontology#date")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    dated = sorted({q.subject for q in mem.quads_for_pattern(None, kg_date, None)}, key=str)
    for event, day in zip(dated[::4], ["2024-10-15", "2023-01-01", "2024-10-15", "2024-09-30", "2022-12-31"]):
        mem.add(ox.Quad(event, kg_date, ox.Literal(day, datatype=ox.NamedNode(xsd + "date"))))
    every = query.run("timeline", store=mem)
    whens = [row[0] for row in every.rows]
    assert {w.datatype.value.rsplit("#")[1] for w in whens} == {"date", "gYearMonth", "gYear"}  # type: ignore[union-attr]
    for n in range(1, len(every.rows) + 2):
        first = _first_of(mem, "timeline", n, {})
        assert first is not None and first.rows == every.rows[:n], n
    assert query.run("timeline", store=mem, limit=3).rows == every.rows[:4]


def _kg(name: str) -> ox.NamedNode:
    """A term of the project's closed ontology namespace as a store term (a misspelt name fails)."""
    return ox.NamedNode(KG[name])


def test_the_first_rows_of_the_event_table_come_a_date_at_a_time_in_its_own_order():
    """The event table is ordered by ?date, the text of the event's kg:date: kg binds the kg:date literals of the
    first dates into its `# @slot date` lines. A day, a month and a year, the same month typed and as a plain
    string (one lead value, two slot values), an event with two dates, a superseded one, two action types and
    an actor with a second label all give the table's own first rows, for every row count."""
    mem = store.parse(to_dataset(varied_corpus()))
    xsd = "http://www.w3.org/2001/XMLSchema#"
    dated = sorted({q.subject for q in mem.quads_for_pattern(None, _kg("date"), None)}, key=str)
    for event, day in zip(dated[::5], ["2024-10-15", "2023-01-01", "2024-10-15", "2024-09-30", "2022-12-31"]):
        mem.remove(next(iter(mem.quads_for_pattern(event, _kg("date"), None))))
        mem.add(ox.Quad(event, _kg("date"), ox.Literal(day, datatype=ox.NamedNode(xsd + "date"))))
    mem.add(ox.Quad(dated[1], _kg("date"), ox.Literal("2024-10")))  # a second date, as a plain string
    mem.add(ox.Quad(dated[2], _kg("date"), ox.Literal("2023", datatype=ox.NamedNode(xsd + "gYear"))))
    mem.add(ox.Quad(dated[3], ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), _kg("Threaten")))
    mem.add(ox.Quad(ox.NamedNode("https://w3id.org/kg-geo/entity/RUS"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                    ox.Literal("Another name")))
    every = query.run("event-table", store=mem)
    dates = [row[0] for row in every.rows]
    assert dates == sorted(dates, key=lambda d: d.value) and len(set(dates)) >= 5  # type: ignore[union-attr]
    assert any(q.object == ox.Literal(True) for q in mem.quads_for_pattern(None, _kg("superseded"), None))
    for n in range(1, len(every.rows) + 2):
        first = _first_of(mem, "event-table", n, {})
        assert first is not None and first.rows == every.rows[:n], n
    assert query.run("event-table", store=mem, limit=3).rows == every.rows[:4]
    assert query.format_result(query.run("event-table", store=mem, limit=len(every.rows))) == query.format_result(every)


def test_the_event_table_is_listed_whole_when_an_event_has_no_kg_date():
    """An event without a kg:date takes its ?date from its earliest dated document (a graph written before
    kg:dateSource), or "" with none, which no kg:date says where to put: the lead then lists nothing, and a table
    of the first rows is the whole listing's first rows all the same. So is a blank node as a date."""
    for undated_doc in (False, True):
        mem = store.parse(to_dataset(varied_corpus()))
        event = sorted({q.subject for q in mem.quads_for_pattern(None, _kg("date"), None)}, key=str)[7]
        for quad in list(mem.quads_for_pattern(event, _kg("date"), None)) + list(mem.quads_for_pattern(event, _kg("dateSource"), None)):
            mem.remove(quad)
        if undated_doc:  # its documents undated too: its ?date is "", first in the table
            for mention in [q.object for q in mem.quads_for_pattern(event, _kg("mention"), None)]:
                for doc in [q.object for q in mem.quads_for_pattern(mention, _kg("document"), None)]:
                    for quad in list(mem.quads_for_pattern(doc, ox.NamedNode("http://purl.org/dc/terms/date"), None)):
                        mem.remove(quad)
        every = query.run("event-table", store=mem)
        mine = [row for row in every.rows if row[-1] == event]
        assert mine and all(row[0] == ox.Literal("" if undated_doc else row[0].value) and row[1] != ox.Literal("text") for row in mine)
        assert (every.rows[0][-1] == event) == undated_doc
        assert _first_of(mem, "event-table", 3, {}) is None
        assert query.run("event-table", store=mem, limit=2).rows == every.rows
    mem = store.parse(to_dataset(varied_corpus()))
    event = next(iter(mem.quads_for_pattern(None, _kg("date"), None))).subject
    mem.add(ox.Quad(event, _kg("date"), ox.BlankNode("odd")))
    assert _first_of(mem, "event-table", 3, {}) is None
    assert query.run("event-table", store=mem, limit=2).rows == query.run("event-table", store=mem).rows


def test_the_first_rows_of_sources_come_by_count_then_actor_and_give_way_for_a_count_written_otherwise():
    """`sources` is ordered by the source count (highest first), then the actor's label: kg binds one label's actors
    at a time and keeps their rows of one count, for each count from the highest down, 0 (no count) included. A
    count that is not an xsd:integer (a decimal 2.0, a string) could sort as the number it shares with another
    term, or apart from the numbers: then the lead lists nothing, and the first rows are the whole listing's all the same;
    so too when the highest count has fewer events than there are actors."""
    mem = store.parse(to_dataset(varied_corpus()))
    counted = sorted({q.subject for q in mem.quads_for_pattern(None, _kg("sourceCount"), None)}, key=str)
    mem.remove(next(iter(mem.quads_for_pattern(counted[0], _kg("sourceCount"), None))))  # no count: 0
    one = next(iter(mem.quads_for_pattern(counted[1], _kg("sourceCount"), None))).object
    mem.add(ox.Quad(counted[1], _kg("sourceCount"), ox.Literal(3 - int(one.value))))  # a second count for one event
    mem.add(ox.Quad(ox.NamedNode("https://w3id.org/kg-geo/entity/UKR"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                    ox.Literal("Name of KOR")))  # two actors with one label
    every = query.run("sources", store=mem)
    counts = [int(row[every.variables.index("sources")].value) for row in every.rows]  # type: ignore[union-attr]
    assert counts == sorted(counts, reverse=True) and {0, 1, 2} <= set(counts)
    for n in range(1, len(every.rows) + 2):
        first = _first_of(mem, "sources", n, {})
        assert first is not None and first.rows == every.rows[:n], n
    xsd = "http://www.w3.org/2001/XMLSchema#"
    # and a highest count with fewer events than there are actors: an actor at a time would look most up for nothing
    for odd in (ox.Literal("2.0", datatype=ox.NamedNode(xsd + "decimal")), ox.Literal("2"), ox.Literal(9)):  # (the store writes "03" as 3)
        mem.add(ox.Quad(counted[2], _kg("sourceCount"), odd))
        assert _first_of(mem, "sources", 3, {}) is None
        assert query.run("sources", store=mem, limit=2).rows == query.run("sources", store=mem).rows
        mem.remove(ox.Quad(counted[2], _kg("sourceCount"), odd))


def test_first_rows_give_way_to_the_whole_listing_when_rows_are_few_per_event(varied, monkeypatch):
    monkeypatch.setattr(query, "LEAD_EVENTS", 0)
    assert _first_of(varied, "who-did-what", 3, {}) is not None  # the first actor's events are always looked at
    monkeypatch.setattr(query, "LEAD_EVENTS", -1)
    assert _first_of(varied, "who-did-what", 3, {}) is None
    assert query.run("who-did-what", store=varied, limit=2).rows == query.run("who-did-what", store=varied).rows


def test_a_lead_must_be_an_entity_parameter(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("# Bad.\n# @param actor (text): a name\n# @lead actor ?who (lead/actors.rq): first actors\n"
                    "SELECT ?who WHERE { ?a <x:label> ?who FILTER(STR(?who) = ?actor) }\n", encoding="utf-8")
    with pytest.raises(QueryError, match="@lead actor"):
        query._parse_named(path)


def test_a_lead_takes_only_parameters_of_its_listing(tmp_path):
    (tmp_path / "lead").mkdir()
    (tmp_path / "lead" / "days.rq").write_text("# @param since (date): from\nSELECT ?slot ?lead ?events ?since WHERE { }\n",
                                               encoding="utf-8")
    path = tmp_path / "bad.rq"
    path.write_text("# Bad.\n# @lead when ?when (lead/days.rq): first dates\n"
                    "SELECT ?when WHERE { VALUES ?d { }  # @slot when\n ?e <x:date> ?d BIND(?d AS ?when) }\n", encoding="utf-8")
    with pytest.raises(QueryError, match="takes since"):
        query._parse_named(path)
    path.write_text(path.read_text(encoding="utf-8").replace("# Bad.\n", "# Bad.\n# @param since (date): from\n"), encoding="utf-8")
    assert query._parse_named(path).lead == query.Lead("when", "when", (tmp_path / "lead" / "days.rq").read_text(encoding="utf-8"),
                                                        frozenset({"since"}))


def test_a_table_of_a_listing_shows_its_first_rows_and_says_more_were_cut(varied):
    every = query.format_result(query.run("considered", store=varied), "csv").splitlines()
    out = io.StringIO()
    written = query.write_result(query.run("considered", store=varied, limit=3), "csv", out.write, limit=3)
    assert out.getvalue().splitlines() == every[:4] and written == query.Written(3, True)


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
    # the way that starts from the entity, and the guard of the way that lists every event
    assert bound.count(f"VALUES ?a {{ {kor} {prk} }}  # @entity actor") == text.count("VALUES ?a { UNDEF }  # @entity actor") == 2
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


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("who-did-what", {"actor": "Atlantis"}, "Unknown actor 'Atlantis' (--param actor): no entity has that label, alias "
                                                "or key; choose one of: North Korea, Russia, South Korea, Ukraine"),
        ("who-did-what", {"actor": "Seoul", "target": "Kyiv?"}, "Unknown target 'Kyiv?' (--param target): no entity"),
        ("aliases", {"name": "Atlantis"}, "Unknown name 'Atlantis' (--param name): no entity"),
        ("who-did-what", {"action": "Fly"}, "Unknown action 'Fly' (--param action); choose one of: Accuse, Agree, Aid, "),
        ("who-did-what", {"modality": "maybe"},
         "Unknown modality 'maybe' (--param modality); choose one of: asserted, considered, negated, planned"),
        ("timeline", {"since": "Oct"}, "--param since=Oct: not a date; give YYYY, YYYY-MM or YYYY-MM-DD, or a month or day "
                                       'in words with its year ("Oct 2024", "14 October 2024")'),
        ("timeline", {"until": "2024-13"}, "--param until=2024-13: not a date"),
        ("timeline", {"until": "last month"}, "--param until=last month: not a date"),
        ("sources", {"min_sources": "two"}, "--param min_sources=two: not a whole number; give one such as 2"),
    ],
)
def test_a_value_that_cannot_match_is_an_error_naming_the_choices(mem, name, params, message):
    """An unknown actor, action or modality, or a date kg cannot read, would give an empty table: it is refused instead."""
    with pytest.raises(QueryError) as info:
        query.run(name, store=mem, params=params)
    assert str(info.value).startswith(message)


def test_dates_in_words_action_labels_and_any_case_are_understood(mem):
    # the sample's events: North Korea's dated 2024-10 by its text, South Korea's 2024-11-14 by its article
    for since in ("2024-10", "Oct 2024", "October 2024", "1 October 2024", "2024"):
        assert rows(query.run("timeline", store=mem, params={"since": since}), "who") == [("North Korea",), ("South Korea",)], since
    for since in ("2024-11", "Nov 2024", "14 November 2024"):
        assert rows(query.run("timeline", store=mem, params={"since": since}), "who") == [("South Korea",)], since
    assert query.run("timeline", store=mem, params={"until": "Sep 2024"}).rows == ()
    assert rows(query.run("timeline", store=mem, params={"until": "oct 2024"}), "when") == [("2024-10",)]
    for action in ("supply weapons", "supplyweapons", "SupplyWeapons"):
        assert rows(query.run("who-did-what", store=mem, params={"action": action}), "who") == [("South Korea",)]
    assert rows(query.run("who-did-what", store=mem, params={"modality": "Asserted "}), "who") == [("North Korea",)]
    assert rows(query.run("sources", store=mem, params={"min_sources": "01"}), "who") == [("North Korea",), ("South Korea",)]


def test_a_bad_value_is_refused_before_any_store_is_made(tmp_path):
    with pytest.raises(QueryError, match="not a date"):
        query.run("timeline", store_dir=tmp_path / "store", params={"since": "someday"})
    assert not (tmp_path / "store").exists()


def test_parameters_are_declared_with_their_kind_in_the_query_files():
    kinds = {(q.name, p.name): p.kind for q in query.named_queries().values() for p in q.params}
    assert kinds[("who-did-what", "action")] == "action" and kinds[("timeline", "since")] == "date"
    assert kinds[("sources", "min_sources")] == "count" and kinds[("entities", "name")] == "text"
    # every parameter bound into a VALUES line is declared an entity, and only those
    assert {k for k, kind in kinds.items() if kind == "entity"} == {
        (q.name, p) for q in query.named_queries().values() for p in query.entity_params(q.text)}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("# @param when (time): a date", "q.rq: @param when: unknown tag 'time'; use required and one of: text, entity,"),
        ("# @param actor (text): a name", "q.rq: @param actor is 'text' but the query has a `VALUES ... # @entity actor` line"),
    ],
)
def test_a_malformed_declaration_is_named(tmp_path, line, message):
    path = tmp_path / "q.rq"
    path.write_text(f"# A query.\n{line}\nSELECT * WHERE {{ VALUES ?a {{ UNDEF }}  # @entity actor\n}}\n", encoding="utf-8")
    with pytest.raises(QueryError) as info:
        query._parse_named(path)
    assert str(info.value).startswith(message)


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


def _table(result: query.Result, width: int | None) -> list[str]:
    parts: list[str] = []
    query.write_result(result, "table", parts.append, width=width)
    return "".join(parts).splitlines()


def test_a_table_fits_the_terminal_by_cutting_the_widest_columns(mem):
    from rich.cells import cell_len

    result = query.run("who-did-what", store=mem)
    assert _table(result, 200) == _table(result, None)  # room enough: as without a width
    lines = _table(result, 76)
    assert max(cell_len(line) for line in lines) <= 76 and lines[-1] == "(2 rows)"
    assert re.match(r"who\s+did\s+whom\s+how\s+when\s+sources\s+event$", lines[0])
    # the widest columns (action, event IRI) are cut to one width; the narrow ones keep theirs
    assert re.match(r"North Kor…  DeployTro…  Russia   asserted    2024-10 +1 +evt:", lines[2]) and lines[2].endswith("…")


def test_a_table_too_wide_to_cut_is_written_as_records(mem):
    from rich.cells import cell_len

    result = query.run("sources", store=mem)
    lines = _table(result, 40)
    assert max(cell_len(line) for line in lines) <= 40
    assert lines[0] == "-[ 1 ]" + "-" * 34 and re.match(r"event +evt:", lines[1])
    assert any(re.match(r"sentence +North Korea sent 12,000 .*…$", line) for line in lines)
    assert lines[-1] == "(2 rows)" and sum(line.startswith("-[ ") for line in lines) == 2


def test_wide_characters_count_as_two_cells():
    from rich.cells import cell_len

    result = query.Result(("name", "note"), ((ox.Literal("北朝鮮" * 10), ox.Literal("x" * 50)),))
    assert max(cell_len(line) for line in _table(result, 40)) <= 40


@pytest.mark.parametrize("name", ["event-table", "sources", "who-did-what", "aliases"])
def test_cli_tables_fit_an_80_column_terminal(graph_dir, name):
    """`kg query` printed tables of 128 and 237 columns on an 80-column terminal."""
    from rich.cells import cell_len

    result = CliRunner().invoke(app, ["query", name, "--store", str(graph_dir / "store"), "-f", "table"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 3 and max(cell_len(line) for line in lines) <= 80


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
        (["who-did-what", "-p", "actor=Atlantis"], 5, "Error: Unknown actor 'Atlantis' (--param actor): no entity has"),
        (["who-did-what", "-p", "modality=maybe"], 5, "Error: Unknown modality 'maybe' (--param modality); choose one of:"),
        (["timeline", "-p", "since=Oct"], 5, "Error: --param since=Oct: not a date; give YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_cli_query_errors_are_one_line_and_write_nothing(graph_dir, args, code, message):
    result = CliRunner().invoke(app, ["query", *args, "--store", str(graph_dir / "store")])
    assert result.exit_code == code
    assert result.stderr.startswith(message) and len(result.stderr.splitlines()) == 1
    assert result.stdout == "" and "Traceback" not in result.output


def test_store_may_name_the_build_folder_and_nothing_is_written_among_the_outputs(tmp_path):
    """`kg query triple-count --store output` printed 0 and wrote database files among the build outputs."""
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("North Korea sent troops to Russia on Monday, officials in Seoul said.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["build", str(article), "-o", str(out), "--no-cache", "-q"]).exit_code == 0
    outputs = sorted(p.name for p in out.iterdir())
    by_folder = CliRunner().invoke(app, ["query", "triple-count", "--store", str(out), "-f", "csv"])
    by_store = CliRunner().invoke(app, ["query", "triple-count", "--store", str(out / "store"), "-f", "csv"])
    assert by_folder.exit_code == by_store.exit_code == 0, by_folder.output
    assert by_folder.stdout == by_store.stdout and int(by_folder.stdout.split()[1]) > 0
    assert sorted(p.name for p in out.iterdir()) == sorted(outputs + ["store"])  # the store in store/, nothing else
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["query", "triple-count", "--store", str(notes)])
    assert result.exit_code == StoreError.exit_code and result.stdout == ""
    assert result.stderr == (f"Error: {notes}: not an Oxigraph store nor a build folder (no graph.trig, graph.ttl or store/ "
                             "in it); name the folder `kg build -o` wrote, or its store/\n")
    assert [p.name for p in notes.iterdir()] == ["todo.txt"]


def test_cli_query_list(graph_dir):
    result = CliRunner().invoke(app, ["query", "--list"])
    assert result.exit_code == 0 and "who-did-what: Who did what to whom" in result.stdout
    assert "--param actor=NAME (required)" in result.stdout
    assert "--param modality=asserted|considered|planned|negated" in result.stdout and "--param since=DATE" in result.stdout


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


# ---------------------------------------------------------------- bounded queries: Ctrl-C, --timeout, memory, rows streamed

CROSS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?q ?r . ?c ?s ?t }"
"""On 2,000 triples: 8e9 combinations counted in native code, with no row to return before the end."""
CROSS_ROWS = "SELECT ?a ?b ?c WHERE { ?a ?p ?o . ?b ?q ?r . ?c ?s ?t }"


@pytest.fixture(scope="module")
def long_store(tmp_path_factory):
    """An embedded store of 2,000 triples, where a three-way cross join runs for minutes."""
    folder = tmp_path_factory.mktemp("long")
    source = folder / "data.nt"
    source.write_text("".join(f'<http://example.org/{i}> <http://example.org/p> "{i}" .\n' for i in range(2000)), encoding="utf-8")
    store.load(source, folder / "store")
    return folder / "store"


def kg_process(*args: object) -> subprocess.Popen:
    """`python -m kg ARGS` as a separate process, as a user runs it."""
    return subprocess.Popen([sys.executable, "-m", "kg", *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=REPO)


def count_triples(store_dir) -> int:
    result = CliRunner().invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(store_dir), "-f", "csv"])
    assert result.exit_code == 0, result.output
    return int(result.stdout.split()[1])


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_or_sigterm_stops_a_running_query_at_once_and_the_store_reads_back_whole(long_store, sig, code):
    """The count runs inside Oxigraph's native code, where Python never sees a signal; kg runs it in a child
    process it kills. Before, Ctrl-C waited for the query to end (minutes here)."""
    proc = kg_process("query", CROSS_COUNT, "--store", long_store, "-f", "csv")
    try:
        time.sleep(2)  # well into the query
        assert proc.poll() is None
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=15)  # "within a second or two", with room for a loaded machine
    finally:
        proc.kill()
    assert proc.returncode == code and "Traceback" not in err and out == ""
    assert count_triples(long_store) == 2000


def test_rows_are_written_as_they_come_not_collected_first(long_store):
    """8e9 rows can never be collected; the first ones must still reach the reader at once."""
    proc = kg_process("query", CROSS_ROWS, "--store", long_store, "-f", "csv")
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout.readline() for _ in range(3)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    proc.kill()
    proc.communicate()
    assert lines[0] == "a,b,c\n" and lines[1].startswith("http://example.org/")


def test_a_query_past_its_timeout_is_stopped_with_a_clear_error(long_store):
    result = CliRunner().invoke(app, ["query", CROSS_COUNT, "--store", str(long_store), "-f", "csv", "--timeout", "1"])
    assert result.exit_code == QueryLimit.exit_code
    assert result.stderr == "Error: the query ran longer than --timeout 1s and was stopped; narrow it (a LIMIT, fewer joins) or give it more time\n"
    assert count_triples(long_store) == 2000


def test_a_query_that_needs_too_much_memory_is_stopped(long_store):
    """ORDER BY over a cross join must hold every row: 4 million here, more than 200 MB."""
    result = CliRunner().invoke(app, ["query", "SELECT ?a ?b WHERE { ?a ?p ?o . ?b ?q ?r } ORDER BY ?b ?a", "--store", str(long_store),
                                      "-f", "csv", "--max-memory", "200"])
    assert result.exit_code == QueryLimit.exit_code
    assert result.stderr.startswith("Error: the query needed more than --max-memory 200 MB and was stopped")


def test_a_table_shows_at_most_limit_rows_and_says_what_was_cut(long_store):
    every = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"
    result = CliRunner().invoke(app, ["query", every, "--store", str(long_store), "-f", "table", "--limit", "5"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) == 2 + 5 + 1
    assert lines[-1] == "(the first 5 rows; more were cut at --limit 5: raise it, or use -f csv to write every row)"
    result = CliRunner().invoke(app, ["query", every, "--store", str(long_store), "-f", "table"])
    assert len(result.stdout.splitlines()) == 2 + query.TABLE_LIMIT + 1 and "more were cut at --limit 1000" in result.stdout
    result = CliRunner().invoke(app, ["query", every, "--store", str(long_store), "-f", "csv", "--limit", "3"])
    assert len(result.stdout.splitlines()) == 1 + 3 and result.stderr == "Warning: output cut at 3 rows by --limit 3\n"
    result = CliRunner().invoke(app, ["query", every, "--store", str(long_store), "-f", "json", "--limit", "2"])
    assert len(json.loads(result.stdout)["results"]["bindings"]) == 2


def test_streamed_output_is_what_format_result_gives(mem, tmp_path):
    """The batch writer gives the same bytes as formatting the whole result, in every format."""
    for name in ("who-did-what", "sources", "aliases"):
        whole = query.run(name, store=mem)
        for fmt in query.FORMATS:
            parts: list[str] = []
            written = query.write_result(whole, fmt, parts.append)
            assert "".join(parts) == query.format_result(whole, fmt) and written.rows == len(whole.rows)
            parts = []
            query.run(name, store=mem, sink=lambda answer, hidden: query.write_result(answer, fmt, parts.append, hidden=hidden))
            assert "".join(parts) == query.format_result(whole, fmt)


AWKWARD = ["", "plain", "a,b", 'say "hi"', "two\r\nlines", "cr\ronly", "lf\nonly", "=1+2", "+1.5", "-3", "-x", "@here",
           "\tTab", "\rCR", " lead", "é ünï 漢字", '"', ",", "=a,b", "1e5"]
"""CSV cells that need quoting, neutralising, both, or neither."""


def native_and_python(make_answer, hidden: frozenset[str] = frozenset()) -> tuple[tuple[str, query.Written], tuple[str, query.Written]]:
    """A query's CSV written by pyoxigraph and checked (native) and a term at a time, each with what it wrote."""
    out = []
    for native in (True, False):
        parts: list[str] = []
        written = query.write_result(make_answer(), "csv", parts.append, hidden=hidden, native=native)
        out.append(("".join(parts), written))
    return out[0], out[1]


@pytest.mark.parametrize("chunk", [100, 1 << 20])
def test_native_csv_is_the_csv_kg_writes_a_term_at_a_time(monkeypatch, chunk):
    """pyoxigraph's CSV of a shipped query, with its parameters' columns dropped and formula cells neutralised,
    is byte for byte what the term-at-a-time writer gives, whatever the cells hold and wherever a chunk ends
    (pyoxigraph writes 8 KB at a time: 300 rows are cut in many places, inside quoted line breaks too)."""
    monkeypatch.setattr(query, "NATIVE_CHUNK", chunk)
    mem_store = ox.Store()
    every = [str(ox.Literal(v)) for v in AWKWARD] + ["<http://example.org/a;b>", "UNDEF"]
    one_line = [str(ox.Literal(v)) for v in AWKWARD if not set(v) & set("\r\n=+-@\t")] + ["-3", "UNDEF"]
    for values in (every, one_line, one_line + ['"@x"']):  # the slow way, the fast way, and a formula cell in it
        rows = [f"({a} {b} {n})" for n in range(300 // len(values) + 1) for a, b in zip(values, values[3:] + values[:3])]
        quoted = str(ox.Literal('say "hi"'))
        for h1, h2 in [("UNDEF", "UNDEF"), ('"asserted"', "UNDEF"), ('"x,y"', quoted), ("UNDEF", '"=1"'), ("UNDEF", "3")]:
            text = (f"SELECT ?a ?b ?n ?h1 ?h2 WHERE {{ VALUES (?a ?b ?n) {{ {' '.join(rows)} }} "
                    f"VALUES (?h1 ?h2) {{ ({h1} {h2}) }} }} ORDER BY ?n")
            native, python = native_and_python(lambda: mem_store.query(text), frozenset({"h1", "h2"}))
            assert native == python and python[1].rows == len(rows)
            native, python = native_and_python(lambda: mem_store.query(text))
            assert native == python
    # what would make cutting the hidden cells off each row's text wrong: a quoted cell holding what they look
    # like and a line break, a hidden value that differs from row to row; a column one cell wide, no row at all
    tricky = [str(ox.Literal(v)) for v in ("x,,\r\ny", "p,\r\n", "plain")]
    text = f"SELECT ?a ?b ?h ?i WHERE {{ VALUES (?a ?b) {{ {' '.join(f'({v} {v})' for v in tricky)} }} }}"
    assert len(set(native_and_python(lambda: mem_store.query(text), frozenset({"h", "i"})))) == 1
    text = f"SELECT ?a ?b ?h WHERE {{ VALUES (?a ?b ?h) {{ {' '.join(f'({v} {v} {v})' for v in one_line)} }} }}"
    assert len(set(native_and_python(lambda: mem_store.query(text), frozenset({"h"})))) == 1
    for text in [f"SELECT ?a WHERE {{ VALUES ?a {{ {' '.join(every)} }} }}", "SELECT ?a ?b WHERE { FILTER(false) }"]:
        assert len(set(native_and_python(lambda: mem_store.query(text)))) == 1
    # hidden columns before kept ones: written a term at a time, the same
    text = f"SELECT ?h ?a ?b ?n WHERE {{ VALUES (?a ?b ?n) {{ {' '.join(rows)} }} BIND(1 AS ?h) }}"
    native, python = native_and_python(lambda: mem_store.query(text), frozenset({"h"}))
    assert native == python and native[0].startswith("a,b,n\r\n")


def test_native_csv_passes_on_whole_rows_wherever_pyoxigraph_cuts_its_output(monkeypatch):
    """A row is passed on only once its last cell is in: a line break inside a quoted cell ends nothing."""
    monkeypatch.setattr(query, "NATIVE_CHUNK", 1)
    values = " ".join(str(ox.Literal(v)) for v in ("a\r\nb", '"\r\n"', "c,d", "plain", "e\r\n\r\nf"))
    data = ox.Store().query(f"SELECT ?x ?y WHERE {{ VALUES ?x {{ {values} }} BIND(?x AS ?y) }}").serialize(format=ox.QueryResultsFormat.CSV)
    whole: list[str] = []
    query._NativeCsv(whole.append, 2, 2).write(data)
    for cut in range(1, len(data)):
        parts: list[str] = []
        sink = query._NativeCsv(parts.append, 2, 2)
        sink.write(data[:cut])
        sink.write(data[cut:])
        sink.flush(last=True)
        assert "".join(parts) == "".join(whole) and sink.rows == 5
        assert all(len(row) == 2 for part in parts for row in csv.reader(io.StringIO(part, newline=""), strict=True))


def test_native_csv_refuses_what_pyoxigraph_cannot_write_and_other_queries_never_take_it(graph_dir):
    """pyoxigraph writes an IRI unquoted, a comma in it too, and a quoted triple as no CSV reader reads it back:
    the first is an error, never a row with a cell too many; the second only a query of the user's can ask for,
    and those are written a term at a time."""
    text = "SELECT ?a ?b WHERE { VALUES (?a ?b) { (<http://example.org/a,b> 1) } }"
    with pytest.raises(QueryError, match="an IRI with a comma"):
        query.write_result(ox.Store().query(text), "csv", lambda part: None, native=True)
    triple = "SELECT ?t ?n WHERE { BIND(TRIPLE(<http://example.org/s>, <http://example.org/p>, 1) AS ?t) BIND(2 AS ?n) }"
    result = CliRunner().invoke(app, ["query", triple, "--store", str(graph_dir / "store"), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["t,n", '"<http://example.org/s> <http://example.org/p> ""1""^^<http://www.w3.org/2001/XMLSchema#integer>",2']


@pytest.mark.parametrize("chunk", [7, 1 << 20])
def test_every_shipped_query_writes_the_same_csv_natively(varied, monkeypatch, chunk):
    monkeypatch.setattr(query, "NATIVE_CHUNK", chunk)
    for name, params in [("who-did-what", {}), ("who-did-what", {"actor": "KOR", "modality": "planned"}), ("timeline", {"since": "2024"}),
                         ("sources", {}), ("sources", {"min_sources": "2"}), ("considered", {}), ("event-table", {}), ("aliases", {}),
                         ("actor-profile", {"actor": "PRK"}), ("triple-count", {}), ("entities", {"name": "UKR"})]:
        out = []
        for native in (True, False):
            parts: list[str] = []
            written = query.run(name, store=varied, params=params,
                                sink=lambda answer, hidden: query.write_result(answer, "csv", parts.append, hidden=hidden, native=native))
            out.append(("".join(parts), written))
        assert out[0] == out[1] and out[1][1].rows > 0, (name, params)


# ---------------------------------------------------------------- what is a query, and what reaches the network


def test_text_that_starts_like_sparql_is_a_query_never_a_file(graph_dir):
    describe = "DESCRIBE <https://w3id.org/kg-geo/entity/PRK>"
    result = CliRunner().invoke(app, ["query", describe, "--store", str(graph_dir / "store"), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert "https://w3id.org/kg-geo/entity/PRK,http://www.w3.org/2000/01/rdf-schema#label,North Korea" in result.stdout
    for text in ["# a comment\nselect * where { ?s ?p ?o } limit 1", "PREFIX kg: <https://w3id.org/kg-geo/ontology#>\nASK { ?e a kg:Event }",
                 "BASE <https://w3id.org/kg-geo/> CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"]:
        assert query.looks_like_sparql(text) and query.resolve(text) == (text, None)
    assert not query.looks_like_sparql("selections.rq") and not query.looks_like_sparql("queries/ask-me.rq")


def test_a_missing_query_file_is_named_as_given(graph_dir):
    result = CliRunner().invoke(app, ["query", "https://example.org/queries/q.rq", "--store", str(graph_dir / "store")])
    assert result.exit_code == InputError.exit_code
    assert result.stderr == "Error: https://example.org/queries/q.rq: no such query file\n"


class Listener:
    """A loopback HTTP server that answers every request with an empty SPARQL result and counts them."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        seen = self.requests

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                seen.append(f"{self.command} {self.path}")
                body = b'{"head": {"vars": []}, "results": {"bindings": []}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.mark.parametrize(("text", "names"), [
    ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", True),
    ("select * from <http://example.org/g> where { ?s ?p ?o }", True),
    ("SELECT * FROM NAMED <http://example.org/g> WHERE { graph ?g { ?s ?p ?o } }", True),
    ("PREFIX kgg: <https://w3id.org/kg-geo/graph/> SELECT * WHERE { ?s ?p kgg:union }", False),  # a prefix's name
    ("SELECT ?graph WHERE { ?graph ?p 'FROM the GRAPH' } # GRAPH in a comment", False),
    ("SELECT * WHERE { ?s <http://example.org/graph/from> ?o . ?s ex:GRAPH ?x }", False),
    (query.named_queries()["who-did-what"].text, False),
])
def test_a_query_names_its_dataset_only_with_from_or_graph_keywords(text, names):
    """On a server kg gives a query its union graph as default graph unless the query itself says which graphs it reads."""
    assert query.names_dataset(text) is names


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o . FILTER EXISTS {{ service silent <{url}> {{ ?s ?p ?o }} }} }}",
    "PREFIX r: <{url}#> SELECT * WHERE {{ SERVICE r: {{ ?s ?p ?o }} }}",
    "ASK {{ ?s ?p 1SERVICE <{url}> {{ ?a ?b ?c }} }}",
])
def test_service_is_refused_and_no_request_leaves_the_machine(graph_dir, listener, template):
    text = template.format(url=listener.url)
    (graph_dir / "shared.rq").write_text(text, encoding="utf-8")
    for arg in (text, str(graph_dir / "shared.rq")):
        result = CliRunner().invoke(app, ["query", arg, "--store", str(graph_dir / "store"), "-f", "csv"])
        assert result.exit_code == QueryError.exit_code and result.stderr.startswith("Error: SERVICE"), result.output
        assert "--allow-service" in result.stderr
    with pytest.raises(QueryError, match="^SERVICE"):
        query.run(text, store_dir=graph_dir / "store")
    assert listener.requests == []


def test_load_and_service_in_updates_are_refused_too(graph_dir, listener):
    for text in (f"LOAD <{listener.url}> INTO GRAPH <http://example.org/g>",
                 f"INSERT {{ GRAPH <http://example.org/g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"):
        result = CliRunner().invoke(app, ["query", text, "--update", "--store", str(graph_dir / "store")])
        assert result.exit_code == QueryError.exit_code and "--allow-service" in result.stderr, result.output
    assert listener.requests == []


def test_allow_service_lets_the_named_endpoint_be_called_once(graph_dir, listener):
    text = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    result = CliRunner().invoke(app, ["query", text, "--store", str(graph_dir / "store"), "-f", "csv",
                                      "--allow-service", listener.url])
    assert result.exit_code == 0, result.output
    assert listener.requests == ["POST /sparql"]  # the query's own call, none from the syntax check
    other = CliRunner().invoke(app, ["query", text, "--store", str(graph_dir / "store"), "--allow-service", "http://127.0.0.1:1/x"])
    assert other.exit_code == QueryError.exit_code and len(listener.requests) == 1


# ---------------------------------------------------------------- output a terminal or a spreadsheet can take


def test_a_table_prints_control_characters_escaped(tmp_path):
    nasty = "\x1b]0;owned\x07\x1b[31mred\x1b[0m \u202eevil\x00"
    mem = ox.Store()
    mem.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/says"), ox.Literal(nasty)))
    table = query.format_result(query.run("SELECT ?o WHERE { ?s ?p ?o }", store=mem), "table")
    assert "\x1b" not in table and "\u202e" not in table and "\x00" not in table and "\x07" not in table
    assert "\\x1b[31mred\\x1b[0m \\u202eevil\\x00" in table
    assert json.loads(query.format_result(query.run("SELECT ?o WHERE { ?s ?p ?o }", store=mem), "json"))[
        "results"]["bindings"][0]["o"]["value"] == nasty  # data formats keep the value exact


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    mem = ox.Store()
    for n, value in enumerate(["=1+2", "@SUM(1)", "-2+3", "+cmd", "-3", "plain"]):
        mem.add(ox.Quad(ox.NamedNode(f"http://example.org/{n}"), ox.NamedNode("http://example.org/v"), ox.Literal(value)))
    text = query.format_result(query.run("SELECT ?v WHERE { ?s ?p ?v } ORDER BY ?s", store=mem), "csv")
    assert [row[0] for row in csv.reader(io.StringIO(text))][1:] == ["'=1+2", "'@SUM(1)", "'-2+3", "'+cmd", "-3", "plain"]
