"""Tests for kg.evaluate: each scoring rule on hand-made gold and records, then the real gold files."""

from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import EvalError, InputError
from kg.evaluate import (
    PloverGold,
    SeedGold,
    evaluate,
    format_report,
    gold_documents,
    load_gold,
    read_records,
    report_json,
    score,
)
from tests.conftest import PLOVER_DEV, SEEDS, SEEDS_GOLD, make_sample_corpus, require

# ---------------------------------------------------------------- hand-made gold and records

SEED = {
    "docs": {"d1": {"date": "2024-11-14"}, "d2": {"date": "2024-11-01"}},
    "entities": [
        {"key": "KOR", "label": "South Korea", "kind": "Country", "country": "KOR", "aliases": ["South Korea", "Seoul"]},
        {"key": "UKR", "label": "Ukraine", "kind": "Country", "country": "UKR", "aliases": ["Ukraine", "Kyiv"]},
        {"key": "PRK", "label": "North Korea", "kind": "Country", "country": "PRK", "aliases": ["North Korea", "Pyongyang"]},
        {"key": "RUS", "label": "Russia", "kind": "Country", "country": "RUS", "aliases": ["Russia", "Moscow"]},
        {"key": "yoon", "label": "Yoon Suk Yeol", "kind": "Person", "country": "KOR", "aliases": ["Yoon"]},
        {"key": "kimjung", "label": "Kim Jung", "kind": "Person", "country": "KOR", "aliases": ["Kim Jung"]},
        {"key": "kimjongun", "label": "Kim Jong Un", "kind": "Person", "country": "PRK", "aliases": ["Kim Jong Un", "Kim"]},
    ],
    "not_same": [["kimjung", "kimjongun"], ["KOR", "PRK"]],
    "events": [
        {"id": "d1-1", "doc": "d1", "actor": "KOR", "action": ["SupplyWeapons"], "target": "UKR",
         "modality": "considered", "required": True, "evidence": "Seoul weighs arming Kyiv"},
        {"id": "d1-2", "doc": "d1", "actor": "RUS", "action": ["SignAgreement"], "target": "PRK", "symmetric": True,
         "modality": "asserted", "date": "2024-06", "required": True, "evidence": "a pact signed in June"},
        {"id": "d1-o1", "doc": "d1", "actor": "UKR", "action": ["Request"], "target": "KOR", "required": False,
         "evidence": "Kyiv asks Seoul"},
        {"id": "d2-1", "doc": "d2", "actor": "PRK", "action": ["DeployTroops"], "target": "RUS", "modality": "asserted",
         "quantity": 12000, "date": "2024-10", "required": True, "evidence": "12,000 troops sent to Russia"},
        {"id": "d2-2", "doc": "d2", "actor": "yoon", "action": ["Consult", "Request"], "target": "UKR", "modality": "planned",
         "required": True, "evidence": "Yoon will call Kyiv"},
    ],
    "dates": [{"doc": "d1", "text": "in June", "value": "2024-06"}, {"doc": "d2", "text": "on Tuesday", "value": "2024-10-29"}],
}


def ref(country: str | None, label: str | None = None) -> dict[str, Any] | None:
    """An actor/target reference of an event record."""
    return None if country is None and label is None else {"id": f"urn:x:{label or country}", "label": label or country, "country": country}


def event(docs: str | list[str], actor: str | None, action: str, target: str | None, modality: str = "asserted",
          date: str | None = None, quantity: int | None = None, plover: str | None = None,
          actor_label: str | None = None, sentence: str = "a sentence") -> dict[str, Any]:
    """An event record of shared/spec/events-jsonl.md mentioned in one or more documents."""
    docs = [docs] if isinstance(docs, str) else docs
    return {
        "type": "event", "id": f"urn:x:{actor}-{action}-{target}", "actor": ref(actor, actor_label), "action": action,
        "modality": modality, "target": ref(target), "date": date, "quantity": quantity, "plover": plover or action.upper(),
        "mentions": [{"doc": d, "sentence": sentence, "start": 0, "end": 10} for d in docs],
    }


def entity(key: str, kind: str, country: str | None, mentions: list[tuple[str, str]]) -> dict[str, Any]:
    """An entity record with (doc, text) mentions."""
    return {"type": "entity", "id": f"urn:x:{key}", "key": key, "label": key, "kind": kind, "country": country,
            "mentions": [{"doc": d, "text": t, "start": i, "end": i + len(t)} for i, (d, t) in enumerate(mentions)]}


def perfect_seed_records(gold: SeedGold, texts: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Records built from the gold itself: every gold event, every alias found in the texts in its row."""
    country = {e.key: e.country for e in gold.entities}
    out = []
    for e in gold.entities:
        mentions = []
        for doc, text in (texts or {}).items():
            for alias in e.aliases:
                mentions += [(doc, alias)] * len(re.findall(re.escape(alias), text))
        out.append(entity(e.key, e.kind, e.country, mentions))
    for g in gold.events:
        out.append(event(g.doc, country[g.actor], g.actions[0], country[g.target] if g.target else None,
                         g.modality or "asserted", g.date, g.quantity, sentence=g.evidence))
    return out


def perfect_plover_records(gold: PloverGold) -> list[dict[str, Any]]:
    """One record per gold event with a state source, typed by its PLOVER code."""
    return [event(g.doc, g.actor, "Whatever", g.target, plover=g.actions[0]) for g in gold.events if g.actor]


@pytest.fixture
def seed_gold(tmp_path: Path) -> SeedGold:
    path = tmp_path / "eval" / "gold.json"
    path.parent.mkdir()
    path.write_text(json.dumps(SEED), encoding="utf-8")
    gold = load_gold(path)
    assert isinstance(gold, SeedGold)
    return gold


def doc_score(report, doc):
    return next(d for d in report.docs if d.doc == doc)


# ---------------------------------------------------------------- seed events


def test_perfect_seed_records_score_one(seed_gold: SeedGold) -> None:
    report = score(seed_gold, perfect_seed_records(seed_gold))
    assert (report.counts.precision, report.counts.recall, report.counts.f1) == (1.0, 1.0, 1.0)
    assert report.counts.gold == 4 and report.counts.system == 4  # the optional one is excused
    assert [report.modality.value, report.date.value, report.quantity.value] == [1.0, 1.0, 1.0]
    assert (report.date.total, report.quantity.total, report.modality.total) == (2, 1, 4)


def test_no_records_scores_zero(seed_gold: SeedGold) -> None:
    report = score(seed_gold, [])
    assert (report.counts.system, report.counts.gold, report.counts.f1) == (0, 4, 0.0)
    assert [len(d.missed) for d in report.docs] == [2, 2]


def test_symmetric_event_matches_either_direction(seed_gold: SeedGold) -> None:
    report = score(seed_gold, [event("d1", "PRK", "SignAgreement", "RUS")])
    assert doc_score(report, "d1").counts.matched_system == 1
    assert [g.id for g in doc_score(report, "d1").missed] == ["d1-1"]


def test_asymmetric_event_does_not_match_reversed(seed_gold: SeedGold) -> None:
    report = score(seed_gold, [event("d1", "UKR", "SupplyWeapons", "KOR")])
    d1 = doc_score(report, "d1")
    assert (d1.counts.system, d1.counts.matched_system, d1.counts.matched_gold) == (1, 0, 0)
    assert d1.false[0].triple == ("UKR", "SupplyWeapons", "KOR")


def test_action_must_be_one_of_the_acceptable_ones(seed_gold: SeedGold) -> None:
    ok = score(seed_gold, [event("d2", "KOR", "Request", "UKR")])
    wrong = score(seed_gold, [event("d2", "KOR", "Aid", "UKR")])
    assert doc_score(ok, "d2").counts.matched_gold == 1
    assert doc_score(wrong, "d2").counts.matched_gold == 0 and len(doc_score(wrong, "d2").false) == 1


def test_optional_event_is_left_out_of_both_counts(seed_gold: SeedGold) -> None:
    report = score(seed_gold, [event("d1", "KOR", "SupplyWeapons", "UKR", "considered"), event("d1", "UKR", "Request", "KOR")])
    d1 = doc_score(report, "d1")
    assert (d1.counts.system, d1.counts.matched_system, d1.excused, d1.counts.gold) == (1, 1, 1, 2)
    assert d1.counts.precision == 1.0


def test_false_event_lowers_precision(seed_gold: SeedGold) -> None:
    report = score(seed_gold, [event("d1", "KOR", "SupplyWeapons", "UKR"), event("d1", "RUS", "Assault", "UKR")])
    assert report.counts.precision == 0.5 and report.counts.recall == 0.25
    assert report.counts.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_duplicates_of_one_triple_count_once(seed_gold: SeedGold) -> None:
    records = [event("d1", "RUS", "Assault", "UKR", "asserted"), event("d1", "RUS", "Assault", "UKR", "planned"),
               event("d1", "KOR", "SupplyWeapons", "UKR", "considered"), event("d1", "KOR", "SupplyWeapons", "UKR", "asserted")]
    d1 = doc_score(score(seed_gold, records), "d1")
    assert (d1.counts.system, d1.counts.matched_system, len(d1.false)) == (2, 1, 1)


def test_event_counts_in_each_document_it_is_mentioned_in(seed_gold: SeedGold) -> None:
    report = score(seed_gold, [event(["d1", "d2", "elsewhere"], "KOR", "SupplyWeapons", "UKR", "considered")])
    assert doc_score(report, "d1").counts.matched_system == 1
    assert doc_score(report, "d2").counts.system == 1 and len(doc_score(report, "d2").false) == 1
    assert report.counts.system == 2  # the non-gold document is ignored


def test_person_acts_for_their_country(seed_gold: SeedGold) -> None:
    # the record's actor is a person; its country (KOR) is what is scored, against gold actor "yoon" -> KOR
    records = [event("d2", "KOR", "Consult", "UKR", "planned", actor_label="Yoon Suk Yeol"),
               event("d1", "KOR", "SupplyWeapons", "UKR", "considered", actor_label="Yoon Suk Yeol")]
    report = score(seed_gold, records)
    assert report.counts.matched_gold == 2 and report.counts.precision == 1.0


def test_event_without_country_or_target_is_false(seed_gold: SeedGold) -> None:
    report = score(seed_gold, [event("d1", None, "SupplyWeapons", "UKR", actor_label="someone"),
                               event("d1", "KOR", "SupplyWeapons", None)])
    assert (report.counts.system, report.counts.matched_system) == (2, 0)


def test_modality_date_and_quantity_accuracy(seed_gold: SeedGold) -> None:
    records = [
        event("d1", "KOR", "SupplyWeapons", "UKR", "asserted"),  # modality wrong
        event("d1", "RUS", "SignAgreement", "PRK", "asserted", date="2024-06-15"),  # finer than the gold's 2024-06: wrong
        event("d2", "PRK", "DeployTroops", "RUS", "asserted", date="2024-10", quantity=10000),
        event("d2", "PRK", "DeployTroops", "RUS", "asserted", quantity=12000),  # another record of it has the number
    ]
    report = score(seed_gold, records)
    assert report.counts.f1 == pytest.approx(2 * 1 * 0.75 / 1.75)
    assert (report.modality.correct, report.modality.total) == (2, 3)
    assert (report.date.correct, report.date.total) == (1, 2)
    assert (report.quantity.correct, report.quantity.total) == (1, 1)
    assert report.modality.wrong == ("d1-1: modality considered, system asserted",)


def test_an_article_date_is_not_a_date_the_text_gave(seed_gold: SeedGold) -> None:
    """The gold's 2024-06 treaty, dated only by an article of that day: no text date, so wrong, never right by luck."""
    dated_by_article = event("d1", "RUS", "SignAgreement", "PRK", date="2024-06") | {"date_source": "article"}
    report = score(seed_gold, [dated_by_article])
    assert (report.date.correct, report.date.total) == (0, 1)
    assert report.date.wrong == ("d1-2: date 2024-06, system None",)
    report = score(seed_gold, [dated_by_article | {"date_source": "text"}])
    assert (report.date.correct, report.date.total) == (1, 1)


def test_story_modality_counts_only_what_each_document_says_happened(seed_gold: SeedGold) -> None:
    weighed = event("d1", "KOR", "SupplyWeapons", "UKR", "considered")
    told = event("d1", "KOR", "SupplyWeapons", "UKR", "asserted")  # the document's story: it outranks the weighing
    weighed["mentions"][0]["superseded_by"] = "asserted"
    report = score(seed_gold, [weighed, told])
    assert (report.modality.correct, report.modality.total) == (1, 1)  # some record carries the gold's modality
    assert (report.story_modality.correct, report.story_modality.total) == (0, 1)
    assert report.story_modality.wrong == ("d1-1: modality considered, system asserted",)
    assert "Story modality accuracy: 0.0% (0/1)" in format_report(report)
    assert report_json(report)["story_modality"]["total"] == 1


# ---------------------------------------------------------------- seed entities


def test_aliases_in_their_rows_are_right(seed_gold: SeedGold) -> None:
    records = [entity("KOR", "Country", "KOR", [("d1", "South Korea"), ("d1", "Seoul"), ("other", "Pyongyang")]),
               entity("kim-jong-un", "Person", "PRK", [("d1", "Kim Jong Un"), ("d2", "Kim")]),
               entity("kim-jung", "Person", "KOR", [("d1", "Kim Jung")]),
               entity("xyz", "Person", None, [("d1", "Somebody")])]
    e = score(seed_gold, records).entities
    assert (e.found, e.correct, e.merged, e.not_same_merged) == (5, 5, (), ())
    assert e.resolved == {"KOR": "KOR", "kimjongun": "kim-jong-un", "kimjung": "kim-jung"}


def test_capital_may_resolve_to_a_location_of_its_country(seed_gold: SeedGold) -> None:
    ok = score(seed_gold, [entity("KOR", "Country", "KOR", [("d1", "South Korea")]),
                           entity("seoul", "Location", "KOR", [("d1", "Seoul")])]).entities
    wrong = score(seed_gold, [entity("KOR", "Country", "KOR", [("d1", "South Korea"), ("d2", "South Korea")]),
                              entity("seoul", "Location", "PRK", [("d1", "Seoul")])]).entities
    assert (ok.found, ok.correct) == (2, 2)
    assert (wrong.found, wrong.correct) == (3, 2)
    assert (wrong.errors[0].text, wrong.errors[0].system_key, wrong.errors[0].expected_key) == ("Seoul", "seoul", "KOR")


def test_alias_in_another_entity_is_an_error(seed_gold: SeedGold) -> None:
    records = [entity("kim-jong-un", "Person", "PRK", [("d1", "Kim Jong Un"), ("d1", "Kim")]),
               entity("kim-jung", "Person", "KOR", [("d1", "Kim Jung"), ("d2", "Kim")])]
    e = score(seed_gold, records).entities
    assert (e.found, e.correct) == (4, 3)
    assert [(x.doc, x.text, x.row, x.system_key) for x in e.errors] == [("d2", "Kim", "kimjongun", "kim-jung")]
    assert e.not_same_merged == ()


def test_merged_not_same_rows_are_detected(seed_gold: SeedGold) -> None:
    records = [entity("kim", "Person", "PRK", [("d1", "Kim Jong Un"), ("d1", "Kim Jung"), ("d2", "Kim")]),
               entity("korea", "Country", "KOR", [("d1", "South Korea"), ("d2", "North Korea")]),
               entity("RUS", "Country", "RUS", [("d1", "Russia"), ("d1", "Moscow")])]
    e = score(seed_gold, records).entities
    assert set(e.not_same_merged) == {("kimjung", "kimjongun"), ("KOR", "PRK")}
    assert {(a, b) for a, b, _ in e.merged} == {("kimjongun", "kimjung"), ("KOR", "PRK")}
    assert "2 not_same pair(s) merged" in format_report(score(seed_gold, records))


def test_people_are_mapped_by_alias_not_by_key(seed_gold: SeedGold) -> None:
    e = score(seed_gold, [entity("yoon-suk-yeol", "Person", "KOR", [("d1", "Yoon"), ("d2", "Yoon")])]).entities
    assert e.resolved == {"yoon": "yoon-suk-yeol"} and e.correct == 2


# ---------------------------------------------------------------- date expressions


def test_date_expressions_use_temporal_normalise(seed_gold: SeedGold, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("kg.temporal")
    calls = []
    fake.normalise = lambda text, doc_date: calls.append((text, doc_date)) or ("2024-06" if text == "in June" else None)
    monkeypatch.setitem(sys.modules, "kg.temporal", fake)
    dates = score(seed_gold, []).dates
    assert (dates.correct, dates.total) == (1, 2)
    assert calls == [("in June", "2024-11-14"), ("on Tuesday", "2024-11-01")]
    assert dates.wrong == ("d2: 'on Tuesday' -> None, expected 2024-10-29",)


def test_date_expressions_are_skipped_without_temporal(seed_gold: SeedGold, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "kg.temporal", types.ModuleType("kg.temporal"))
    report = score(seed_gold, [])
    assert report.dates is None
    assert "Date expressions: skipped" in format_report(report)


# ---------------------------------------------------------------- PLOVER


def plover_line(sid: str, events: list[tuple[str | None, str, str | None]], reciprocal: bool = False) -> dict[str, Any]:
    return {"id": sid, "text": f"Sentence {sid}.", "reciprocal": reciprocal, "event_text": "did",
            "events": [{"source": s or "IGO", "target": t, "source_country": s, "target_country": t, "plover_2021": p}
                       for s, p, t in events]}


@pytest.fixture
def plover_gold(tmp_path: Path) -> PloverGold:
    lines = [
        plover_line("s1", [("USA", "AGREE", None), ("JOR", "AGREE", None)], reciprocal=True),
        plover_line("s2", [("FRA", "THREATEN", "DEU")]),
        plover_line("s3", [(None, "AGREE", "JPN")]),
        plover_line("s4", [("GBR", "REQUEST", "SDN"), ("GBR", "REQUEST", "SDN")]),
        plover_line("s5", [("ISR", "CONSULT", "PSE")], reciprocal=True),
    ]
    path = tmp_path / "plover.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    gold = load_gold(path)
    assert isinstance(gold, PloverGold)
    return gold


def test_perfect_plover_records_score_one(plover_gold: PloverGold) -> None:
    report = score(plover_gold, perfect_plover_records(plover_gold))
    assert (report.counts.precision, report.counts.recall, report.counts.f1) == (1.0, 1.0, 1.0)
    assert report.counts.gold == 5  # s3 (non-state source) is not required; s4's duplicate counts once
    assert report.modality is None and report.entities is None


def test_plover_no_target_matches_on_source_and_type(plover_gold: PloverGold) -> None:
    report = score(plover_gold, [event("s1", "USA", "SignAgreement", "JOR", plover="AGREE")])
    s1 = doc_score(report, "s1")
    # reciprocal and target-less: USA as actor matches USA's event, JOR as target matches JOR's
    assert (s1.counts.matched_system, s1.counts.matched_gold) == (1, 2)


def test_plover_no_target_still_needs_source_and_type(plover_gold: PloverGold) -> None:
    report = score(plover_gold, [event("s1", "EGY", "Agree", "ISR", plover="AGREE"),
                                 event("s1", "USA", "Consult", "JOR", plover="CONSULT")])
    assert doc_score(report, "s1").counts.matched_gold == 0 and report.counts.system == 2


def test_plover_direction_matters_unless_reciprocal(plover_gold: PloverGold) -> None:
    report = score(plover_gold, [event("s2", "DEU", "Threaten", "FRA", plover="THREATEN"),
                                 event("s5", "PSE", "Consult", "ISR", plover="CONSULT")])
    assert doc_score(report, "s2").counts.matched_gold == 0
    assert doc_score(report, "s5").counts.matched_gold == 1


def test_plover_type_comes_from_the_plover_field(plover_gold: PloverGold) -> None:
    # a planned Consult is coded AGREE: the plover field decides, not the action
    report = score(plover_gold, [event("s2", "FRA", "Threaten", "DEU", plover="COERCE")])
    assert report.counts.matched_system == 0


def test_plover_non_state_source_is_optional(plover_gold: PloverGold) -> None:
    report = score(plover_gold, [event("s3", "UN", "Agree", "JPN", plover="AGREE")])
    s3 = doc_score(report, "s3")
    assert (s3.counts.gold, s3.counts.system, s3.excused) == (0, 0, 1)


# ---------------------------------------------------------------- loading


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all\n", r"bad\.json: line 1: not JSON"),
        ('{"id": "a", "text": "t", "events": [], "reciprocal": false}\n{"id": "b"}\n', r"bad\.json: line 2: missing text, events, reciprocal"),
        ('{"docs": {}, "events": []}', r"bad\.json: not a gold file.*missing entities"),
        ('{"docs": {"d": {}}, "entities": [], "events": [{"doc": "d", "actor": "KOR", "action": ["Aid"]}]}',
         r"events\[0\].*actor 'KOR' is not an entity key"),
        ('{"docs": {}, "entities": [], "events": [{"doc": "d", "actor": "KOR", "action": ["Aid"]}]}',
         r"doc 'd' is not in docs"),
        ('{"docs": {}, "entities": [{"key": "A", "aliases": ["X"]}, {"key": "B", "aliases": ["X"]}], "events": []}',
         r"alias 'X' belongs to both A and B"),
        # Python refuses to convert an integer of more than 4,300 digits: a bad file, not a traceback
        ('{"docs": {"d": ' + "9" * 5000 + '}, "entities": [], "events": []}', r"bad\.json: line 1: not JSON.*digits"),
        ('{"id": "a", "text": "t", "events": [], "reciprocal": ' + "1" * 5000 + '}\n', r"bad\.json: line 1: not JSON"),
    ],
)
def test_bad_gold_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=message):
        load_gold(path)


def test_missing_gold_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="nope.json"):
        load_gold(tmp_path / "nope.json")


def test_read_records_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text('{"type": "entity"}\n\n[1]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"events\.jsonl: line 3"):
        read_records(path)


# ---------------------------------------------------------------- documents


def test_seed_documents_from_default_dir_with_gold_dates(seed_gold: SeedGold) -> None:
    seeds = seed_gold.path.parent.parent / "seeds"
    seeds.mkdir()
    (seeds / "d1.txt").write_text("One.", encoding="utf-8")
    (seeds / "d2.txt").write_text("Two.", encoding="utf-8")
    docs = gold_documents(seed_gold)
    assert [(d.id, d.text, d.date) for d in docs] == [("d1", "One.", "2024-11-14"), ("d2", "Two.", "2024-11-01")]


def test_seed_documents_from_jsonl_take_the_gold_dates(seed_gold: SeedGold, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "d2", "text": "Two.", "date": "1999-01-01"}\n{"id": "d1", "text": "One."}\n', encoding="utf-8")
    docs = gold_documents(seed_gold, corpus)
    assert [(d.id, d.text, d.date) for d in docs] == [("d1", "One.", "2024-11-14"), ("d2", "Two.", "2024-11-01")]


def test_missing_seed_text_is_a_clear_error(seed_gold: SeedGold, tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "d1.txt").write_text("One.", encoding="utf-8")
    with pytest.raises(EvalError, match=r"no text for gold document d2: .*d2\.txt not found"):
        gold_documents(seed_gold, folder)
    with pytest.raises(EvalError, match="no such directory"):
        gold_documents(seed_gold, tmp_path / "missing")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "d1", "text": "One."}\n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"c\.jsonl: no text for gold document\(s\) d2"):
        gold_documents(seed_gold, corpus)


def test_plover_documents_are_the_sentences(plover_gold: PloverGold) -> None:
    docs = gold_documents(plover_gold)
    assert [(d.id, d.text, d.date) for d in docs][:2] == [("s1", "Sentence s1.", None), ("s2", "Sentence s2.", None)]


# ---------------------------------------------------------------- reports and CLI


def test_verbose_report_lists_misses_and_false_events_with_evidence(seed_gold: SeedGold) -> None:
    report = score(seed_gold, [event("d1", "RUS", "Assault", "UKR", sentence="Russia struck Kyiv again.")])
    text = format_report(report, verbose=True)
    assert "missed d1-1: KOR SupplyWeapons -> UKR" in text
    assert "missed d1-2: RUS SignAgreement <-> PRK" in text
    assert 'false: RUS Assault -> UKR [asserted]  "Russia struck Kyiv again."' in text
    assert "precision 0.0% (0/1)" in text and "missed" not in format_report(report)


def test_report_json_is_plain_data(seed_gold: SeedGold) -> None:
    data = json.loads(json.dumps(report_json(score(seed_gold, perfect_seed_records(seed_gold)))))
    assert data["f1"] == 1.0 and data["kind"] == "seeds" and data["quantity"]["accuracy"] == 1.0
    assert [d["doc"] for d in data["docs"]] == ["d1", "d2"]


def test_cli_scores_an_events_file(seed_gold: SeedGold, tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(r) + "\n" for r in perfect_seed_records(seed_gold)), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--gold", str(seed_gold.path), "--events", str(events), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["f1"] == 1.0
    text = CliRunner().invoke(app, ["eval", "--gold", str(seed_gold.path), "--events", str(events), "-v"])
    assert text.exit_code == 0 and "F1 100.0%" in text.stdout


def test_cli_bad_gold_prints_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--gold", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}: not a gold file") and "Traceback" not in result.output


def test_cli_runs_the_pipeline_without_events(seed_gold: SeedGold, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = seed_gold.path.parent.parent / "seeds"
    seeds.mkdir()
    for doc in ("d1", "d2"):
        (seeds / f"{doc}.txt").write_text("text", encoding="utf-8")
    seen = {}

    def extract(documents, *, model=None, workers=1, progress=False, lexicon=True):
        seen["docs"], seen["model"], seen["lexicon"] = [(d.id, d.date) for d in documents], model, lexicon
        return make_sample_corpus()  # documents d1, d2: KOR SupplyWeapons UKR considered; PRK DeployTroops RUS

    fake = types.ModuleType("kg.pipeline")
    fake.extract = extract
    monkeypatch.setitem(sys.modules, "kg.pipeline", fake)
    result = CliRunner().invoke(app, ["eval", "--gold", str(seed_gold.path), "--model", "m", "--json"])
    assert result.exit_code == 0, result.output
    assert seen == {"docs": [("d1", "2024-11-14"), ("d2", "2024-11-01")], "model": "m", "lexicon": True}
    data = json.loads(result.stdout)
    assert (data["matched_gold"], data["gold"], data["precision"]) == (2, 4, 1.0)
    assert data["entities"]["found"] == 5  # South Korea, Ukraine, Seoul, North Korea, Russia in the sample corpus


# ---------------------------------------------------------------- the real gold files


def test_real_seed_gold_loads_with_its_documents() -> None:
    gold = load_gold(require(SEEDS_GOLD, "the seed gold set"))
    assert isinstance(gold, SeedGold) and len(gold.docs) == 5 and gold.events and gold.dates
    docs = gold_documents(gold)
    assert [d.id for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all(d.date and len(d.text) > 1000 for d in docs)
    report = score(gold, perfect_seed_records(gold, {d.id: d.text for d in docs}))
    assert (report.counts.precision, report.counts.recall, report.counts.f1) == (1.0, 1.0, 1.0)
    assert report.modality.value == report.date.value == report.quantity.value == 1.0
    assert report.entities.found > 100 and report.entities.accuracy == 1.0
    assert report.entities.merged == () and report.entities.not_same_merged == ()


def test_real_plover_gold_loads_and_perfect_records_score_one() -> None:
    gold = load_gold(PLOVER_DEV)
    assert isinstance(gold, PloverGold) and len(gold.sentences) == 100
    assert len(gold_documents(gold)) == 100
    report = score(gold, perfect_plover_records(gold))
    assert (report.counts.precision, report.counts.recall, report.counts.f1) == (1.0, 1.0, 1.0)
    assert 0 < report.counts.gold < len(gold.events)  # non-state sources and duplicates left out


def test_evaluate_scores_an_events_file(seed_gold: SeedGold, tmp_path: Path) -> None:
    events = tmp_path / "e.jsonl"
    events.write_text(json.dumps(event("d1", "KOR", "SupplyWeapons", "UKR", "considered")) + "\n", encoding="utf-8")
    report = evaluate(seed_gold.path, events=events)
    assert (report.counts.matched_gold, report.counts.gold, report.counts.precision) == (1, 4, 1.0)


# ---------------------------------------------------------------- news-dev fields: alt, optional, date


NEWS_LINE = {
    "id": "N1", "text": "Chad praised Mali and Niger.", "date": "2020-03-04", "reciprocal": False,
    "events": [
        {"source_country": "TCD", "target_country": "MLI", "plover_2021": "AGREE", "alt": ["SUPPORT"]},
        {"source_country": "TCD", "target_country": "NER", "plover_2021": "SUPPORT", "optional": True},
    ],
}


def _news_gold(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(NEWS_LINE) + "\n", encoding="utf-8")
    return path


def _event(doc: str, actor: str, plover: str, target: str) -> dict:
    return {"type": "event", "actor": {"country": actor}, "target": {"country": target}, "plover": plover,
            "action": plover.title(), "mentions": [{"doc": doc, "sentence": "s"}]}


def test_alt_types_count_as_right_and_optional_events_are_excused(tmp_path: Path) -> None:
    gold = load_gold(_news_gold(tmp_path))
    assert [(g.actions, g.required) for g in gold.events] == [(("AGREE", "SUPPORT"), True), (("SUPPORT",), False)]
    report = score(gold, [_event("N1", "TCD", "SUPPORT", "MLI"), _event("N1", "TCD", "SUPPORT", "NER")])
    c = report.counts
    assert (c.system, c.matched_system, c.gold, c.matched_gold) == (1, 1, 1, 1)  # the optional match is left out
    assert sum(d.excused for d in report.docs) == 1


def test_the_sentence_date_reaches_the_document(tmp_path: Path) -> None:
    gold = load_gold(_news_gold(tmp_path))
    assert [(d.id, d.date) for d in gold_documents(gold)] == [("N1", "2020-03-04")]


def test_by_type_counts_recall_under_the_first_type_and_precision_under_the_system_type(tmp_path: Path) -> None:
    from kg.evaluate import by_type

    report = score(load_gold(_news_gold(tmp_path)), [_event("N1", "TCD", "SUPPORT", "MLI"), _event("N1", "TCD", "REJECT", "MLI")])
    table = {t: ((r.matched_gold, r.gold), (p.matched_system, p.system)) for t, (r, p) in by_type(report).items()}
    assert table == {"AGREE": ((1, 1), (0, 0)), "SUPPORT": ((0, 0), (1, 1)), "REJECT": ((0, 0), (0, 1))}
    assert "by type" in format_report(report)


def test_cli_no_lexicon_runs_the_hand_written_rules_only(seed_gold: SeedGold, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}

    def extract(documents, *, model=None, lexicon=True, **_):
        seen["lexicon"] = lexicon
        list(documents)
        return make_sample_corpus()

    fake = types.ModuleType("kg.pipeline")
    fake.extract = extract
    monkeypatch.setitem(sys.modules, "kg.pipeline", fake)
    seeds = seed_gold.path.parent.parent / "seeds"
    seeds.mkdir()
    for doc in ("d1", "d2"):
        (seeds / f"{doc}.txt").write_text("text", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--gold", str(seed_gold.path), "--no-lexicon"])
    assert result.exit_code == 0, result.output
    assert seen == {"lexicon": False}
