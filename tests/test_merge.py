"""kg.merge: one entity and one event per key across documents, the same in memory and on disk, whatever the arrival order."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from kg.errors import InputError
from kg.merge import CorpusView, Merger, merge
from kg.model import DocResult, Document, Entity, Event, Evidence, Mention


def _result(doc_id: str, entities=(), mentions=(), events=()) -> DocResult:
    return DocResult(Document(doc_id, f"text of {doc_id}", "2024-11-14"), tuple(entities), tuple(mentions), tuple(events))


def _ev(doc_id: str, start: int, trigger: str = "sent", **kw) -> Evidence:
    return Evidence(doc_id, f"sentence {start} of {doc_id}", start, start + 10, trigger, **kw)


def _results() -> list[DocResult]:
    """Three documents that disagree on labels, countries, quantities and date texts of the same keys."""
    return [
        _result(
            "b",
            [Entity("PRK", "DPRK", "Country", "PRK"), Entity("kim", "Kim", "Person", "PRK")],
            [Mention("b", 0, 4, "DPRK", "PRK"), Mention("b", 9, 12, "Kim", "kim")],
            [Event("PRK", "DeployTroops", "RUS", "asserted", "2024-10", "in October", 12000, (_ev("b", 0),)),
             Event("kim", "Meet", "RUS", "asserted", None, None, None, (_ev("b", 40, "met"),))],
        ),
        _result(
            "a",
            [Entity("PRK", "North Korea", "Country", "PRK"), Entity("kim", "Kim Jong Un", "Person", None)],
            [Mention("a", 0, 11, "North Korea", "PRK")],
            [Event("PRK", "DeployTroops", "RUS", "asserted", "2024-10", None, None, (_ev("a", 0), _ev("a", 0))),
             Event("PRK", "DeployTroops", "RUS", "asserted", "2024-10", "last month", 10000, (_ev("a", 30),))],
        ),
        _result(
            "c",
            [Entity("PRK", "Pyongyang", "Country", "PRK")],
            [Mention("c", 5, 14, "Pyongyang", "PRK")],
            [Event("PRK", "DeployTroops", "RUS", "asserted", "2024-10", "in the autumn", 11000, (_ev("c", 7),))],
        ),
    ]


@pytest.fixture(params=["memory", "disk"])
def merger(request, tmp_path):
    """A finished Merger over the three results, in memory or in a database file."""
    with Merger(None if request.param == "memory" else tmp_path / "merge.sqlite") as m:
        for result in _results():
            m.add(result)
        yield m.finish()


def test_an_entity_takes_the_first_label_by_document_id_and_the_first_country_given(merger):
    kim = merger.entity("kim")
    assert (kim.label, kim.country) == ("Kim Jong Un", "PRK")  # "a" sorts first but has no country; "b" gives it
    assert merger.entity("PRK").label == "North Korea"


def test_referred_keys_come_from_the_gazetteer(merger):
    """RUS is only ever a target, never listed by a document: it still gets its entity, from the gazetteer."""
    russia = merger.entity("RUS")
    assert russia is not None and russia.kind == "Country" and russia.label == "Russia"
    assert [e.key for e in merger.entities()] == ["PRK", "RUS", "kim"]


def test_an_event_keeps_the_first_quantity_and_date_text_and_all_distinct_evidence(merger):
    deploy = next(e for e in merger.events() if e.action == "DeployTroops")
    assert deploy.quantity == 10000 and deploy.date_text == "last month"  # "a": its second occurrence gives both
    assert [(x.doc_id, x.start) for x in deploy.evidence] == [("a", 0), ("a", 30), ("b", 0), ("c", 7)]
    assert dict((e.action, n) for e, n in merger.source_counts()) == {"DeployTroops": 3, "Meet": 1}


def test_document_parts_hold_only_their_own_evidence(merger):
    parts = {p.document.id: p for p in merger.document_parts()}
    assert list(parts) == ["a", "b", "c"]
    (deploy,) = parts["c"].events
    assert [x.doc_id for x in deploy.evidence] == ["c"] and deploy.quantity == 10000
    assert [m.text for m in parts["b"].mentions] == ["DPRK", "Kim"]
    assert {e.action for e in parts["b"].events} == {"DeployTroops", "Meet"}


def test_entities_come_with_all_their_mentions(merger):
    got = {e.key: [(m.doc_id, m.text) for m in ms] for e, ms in merger.entities_with_mentions()}
    assert got == {"PRK": [("a", "North Korea"), ("b", "DPRK"), ("c", "Pyongyang")], "RUS": [], "kim": [("b", "Kim")]}


def test_mention_texts_are_the_distinct_names_of_each_key_asked_for(merger):
    assert merger.mention_texts(["PRK", "kim", "RUS", "nobody"]) == {"PRK": ["DPRK", "North Korea", "Pyongyang"], "kim": ["Kim"]}
    assert merger.mention_texts([]) == {}


def test_the_merge_does_not_depend_on_arrival_order(tmp_path):
    corpora = {merge(order) for order in itertools.permutations(_results())}
    assert len(corpora) == 1


def test_memory_and_disk_merges_are_equal(tmp_path):
    assert merge(_results()) == merge(_results(), tmp_path / "m.sqlite")


def test_the_view_of_a_merged_corpus_reads_like_the_merger(merger):
    corpus = merge(_results())
    view = CorpusView(corpus)
    assert list(view.events()) == list(merger.events())
    assert [(e, list(ms)) for e, ms in view.entities_with_mentions()] == [(e, list(ms)) for e, ms in merger.entities_with_mentions()]
    assert [(e, n, list(xs)) for e, n, xs in view.events_with_evidence()] == [(e, n, list(xs)) for e, n, xs in merger.events_with_evidence()]
    assert [(e.key, n) for e, n in view.source_counts()] == [(e.key, n) for e, n in merger.source_counts()]
    assert list(view.document_parts()) == list(merger.document_parts())
    for table in ("documents", "merged_entities", "merged_events"):
        assert view.count(table) == merger.count(table)


def test_a_document_id_given_twice_is_an_input_error():
    with Merger() as m:
        m.add(_result("a"))
        with pytest.raises(InputError, match="document id 'a' given twice"):
            m.add(_result("a"))


def test_reading_before_finish_is_refused():
    with Merger() as m:
        m.add(_result("a"))
        with pytest.raises(RuntimeError, match="before finish"):
            list(m.events())


# ---------------------------------------------------------------- one story per actor, action and target per document

def _told(doc_id: str, date: str | None, *tellings: tuple[str, str | None]) -> DocResult:
    """A document (dated `date`) telling South Korea -> Ukraine SupplyWeapons with these (modality, text date)s."""
    return DocResult(Document(doc_id, f"text of {doc_id}", date), (), (), tuple(
        Event("KOR", "SupplyWeapons", "UKR", modality, when, evidence=(_ev(doc_id, 10 * n),))
        for n, (modality, when) in enumerate(tellings)))


def _merged(results: list[DocResult], where: str, tmp_path) -> list:
    """The merged events, from the on-disk merge or from a view of the same results' corpus (computed in memory)."""
    if where == "view":
        corpus = merge(results)
        corpus = replace(corpus, events=tuple(replace(e, reported=None, superseded=False, evidence=tuple(
            replace(x, superseded_by=None) for x in e.evidence)) for e in corpus.events))  # as if made by hand
        return list(CorpusView(corpus).events())
    with Merger(tmp_path / "m.sqlite") as m:
        for r in results:
            m.add(r)
        return list(m.finish().events())


def _stories(events) -> dict:
    """(modality, date) -> (superseded, {doc: superseded_by})."""
    return {(e.modality, e.date): (e.superseded, {x.doc_id: x.superseded_by for x in e.evidence}) for e in events}


@pytest.mark.parametrize("where", ["disk", "view"])
def test_a_document_tells_one_story_the_strongest_commitment(where, tmp_path):
    """Weighed, planned and refused in one document: it says it is planned; the others stay, marked."""
    got = _stories(_merged([_told("a", "2024-11-14", ("considered", None), ("planned", None), ("negated", None))],
                           where, tmp_path))
    assert got == {("planned", None): (False, {"a": None}),
                   ("considered", None): (True, {"a": "planned"}),
                   ("negated", None): (True, {"a": "planned"})}


@pytest.mark.parametrize("where", ["disk", "view"])
def test_asserted_wins_only_where_a_document_asserts_it(where, tmp_path):
    """"a" asserts the supply and weighs it; "b" only weighs it: the weighing is b's story, outranked in a alone."""
    results = [_told("a", "2024-11-14", ("considered", None), ("asserted", None)),
               _told("b", "2024-11-15", ("considered", None), ("negated", None))]
    got = _stories(_merged(results, where, tmp_path))
    assert got == {("asserted", None): (False, {"a": None}),
                   ("considered", None): (False, {"a": "asserted", "b": None}),
                   ("negated", None): (True, {"b": "considered"})}


@pytest.mark.parametrize("where", ["disk", "view"])
def test_a_text_date_makes_another_story_an_undated_telling_joins_any(where, tmp_path):
    """Supplied in 2022, weighed for 2025: two stories. An undated refusal is outranked by the strongest of them."""
    got = _stories(_merged([_told("a", "2024-11-14", ("asserted", "2022"), ("considered", "2025"), ("negated", None))],
                           where, tmp_path))
    assert got == {("asserted", "2022"): (False, {"a": None}),
                   ("considered", "2025"): (False, {"a": None}),
                   ("negated", None): (True, {"a": "asserted"})}


@pytest.mark.parametrize("where", ["disk", "view"])
def test_an_event_the_text_does_not_date_takes_its_earliest_article_date(where, tmp_path):
    results = [_told("b", "2024-11-15", ("considered", None)), _told("a", "2024-11-20", ("considered", None)),
               _told("c", None, ("considered", None), ("asserted", "2024-10"))]
    events = {e.modality: e for e in _merged(results, where, tmp_path)}
    weighed, done = events["considered"], events["asserted"]
    assert (weighed.date, weighed.reported, weighed.when, weighed.date_source) == (None, "2024-11-15", "2024-11-15", "article")
    assert (done.date, done.when, done.date_source) == ("2024-10", "2024-10", "text")
    assert weighed.superseded is False  # outranked in c only: b and a tell it as their story


def test_an_undated_event_of_undated_documents_has_no_date():
    (event,) = merge([_told("a", None, ("considered", None))]).events
    assert (event.when, event.date_source) == (None, None)


def test_the_view_of_a_merged_corpus_keeps_what_the_merge_decided(tmp_path):
    results = [_told("a", "2024-11-14", ("considered", None), ("asserted", None)), _told("b", "2024-11-01", ("negated", None))]
    corpus = merge(results, tmp_path / "m.sqlite")
    assert CorpusView(corpus).corpus == corpus
    assert list(CorpusView(corpus).events()) == list(corpus.events)
