"""kg.merge: one entity and one event per key across documents, the same in memory and on disk, whatever the arrival order."""

from __future__ import annotations

import itertools

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
