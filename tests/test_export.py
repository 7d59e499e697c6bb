"""kg.export: JSON Lines records follow docs/events-jsonl.md (fields, types, codes, source counts)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from kg.export import records, to_jsonl
from kg.graph import entity_iri, event_iri
from kg.model import Corpus, Document, Entity, Event, Evidence
from tests.conftest import REPO, SHARED, require

SPEC = REPO / "docs" / "events-jsonl.md"
"""The fixed interface, as documented for kg's users."""
SHARED_SPEC = SHARED / "spec" / "events-jsonl.md"

NULLABLE_STR = (str, type(None))
ENTITY_FIELDS = {
    "type": str, "id": str, "label": str, "kind": str, "country": NULLABLE_STR, "sector": NULLABLE_STR,
    "wikidata": NULLABLE_STR, "roles": list, "mentions": list,
}
ENTITY_MENTION_FIELDS = {"doc": str, "text": str, "start": int, "end": int}
REF_FIELDS = {"id": str, "label": str, "country": NULLABLE_STR, "sector": NULLABLE_STR}
EVENT_FIELDS = {
    "type": str, "id": str, "actor": dict, "action": str, "modality": str, "target": (dict, type(None)),
    "date": NULLABLE_STR, "date_text": NULLABLE_STR, "date_source": NULLABLE_STR, "quantity": (int, type(None)),
    "plover": str, "cameo": str, "source_count": int, "mentions": list,
}
EVENT_MENTION_FIELDS = {"doc": str, "sentence": str, "start": int, "end": int, "attributed_to": NULLABLE_STR,
                        "superseded_by": NULLABLE_STR}


def _lines(corpus: Corpus) -> list[dict]:
    text = to_jsonl(corpus)
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def _check(record: dict, fields: dict) -> None:
    missing = set(fields) - set(record)
    assert not missing, f"{record.get('type')} record lacks {sorted(missing)}"
    for name, kind in fields.items():
        assert isinstance(record[name], kind) and not isinstance(record[name], bool), (name, record[name])


def test_every_line_is_one_json_record_entities_first_sorted_by_key(sample_corpus):
    lines = _lines(sample_corpus)
    assert len(lines) == len(sample_corpus.entities) + len(sample_corpus.events)
    kinds = [r["type"] for r in lines]
    assert kinds == ["entity"] * 5 + ["event"] * 2
    keys = [r["key"] for r in lines if r["type"] == "entity"]
    assert keys == sorted(keys)


def test_entity_records_have_the_spec_fields_and_types(sample_corpus):
    for record in _lines(sample_corpus):
        if record["type"] != "entity":
            continue
        _check(record, ENTITY_FIELDS)
        for mention in record["mentions"]:
            _check(mention, ENTITY_MENTION_FIELDS)
    kor = next(r for r in _lines(sample_corpus) if r.get("key") == "KOR")
    assert kor["id"] == str(entity_iri("KOR"))
    assert (kor["label"], kor["kind"], kor["country"], kor["wikidata"]) == ("South Korea", "Country", "KOR", "Q884")
    assert kor["mentions"] == [
        {"doc": "d1", "text": "South Korea", "start": 0, "end": 11},
        {"doc": "d1", "text": "Seoul", "start": 51, "end": 56},
    ]
    yoon = next(r for r in _lines(sample_corpus) if r.get("key") == "yoon-suk-yeol")
    assert (yoon["kind"], yoon["country"], yoon["wikidata"], yoon["mentions"]) == ("Person", "KOR", None, [])


def test_event_records_have_the_spec_fields_and_types(sample_corpus):
    events = [r for r in _lines(sample_corpus) if r["type"] == "event"]
    for record in events:
        _check(record, EVENT_FIELDS)
        _check(record["actor"], REF_FIELDS)
        if record["target"] is not None:
            _check(record["target"], REF_FIELDS)
        for mention in record["mentions"]:
            _check(mention, EVENT_MENTION_FIELDS)
    supply, deploy = events
    assert supply["id"] == str(event_iri(sample_corpus.events[0]))
    assert supply["actor"] == {"id": str(entity_iri("KOR")), "label": "South Korea", "country": "KOR", "sector": None}
    assert supply["target"] == {"id": str(entity_iri("UKR")), "label": "Ukraine", "country": "UKR", "sector": None}
    assert (supply["action"], supply["modality"], supply["quantity"]) == ("SupplyWeapons", "considered", None)
    # the text gives no date: its article's, marked as such
    assert (supply["date"], supply["date_text"], supply["date_source"]) == ("2024-11-14", None, "article")
    assert (deploy["date"], deploy["date_text"], deploy["date_source"], deploy["quantity"]) == ("2024-10", "last month", "text", 12000)
    assert supply["superseded"] is deploy["superseded"] is False
    assert deploy["mentions"][0] == {
        "doc": "d2", "sentence": "North Korea sent 12,000 troops to Russia last month.", "start": 0, "end": 52,
        "trigger": "sent", "attributed_to": None, "superseded_by": None,
    }


def _spec_examples(path: Path = SPEC) -> dict[str, dict]:
    """The JSON examples of a spec, by record type."""
    blocks = re.findall(r"```json\n(.*?)```", path.read_text(encoding="utf-8"), re.S)
    examples = [json.loads(b) for b in blocks]
    return {e["type"]: e for e in examples}


def _fields(record: dict, prefix: str = "") -> set[str]:
    """Every field name of a record, nested ones as parent.child (a list's first item stands for all)."""
    out = set()
    for name, value in record.items():
        out.add(prefix + name)
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value = value[0]
        if isinstance(value, dict):
            out |= _fields(value, f"{prefix}{name}.")
    return out


def test_the_documented_examples_have_every_field_of_the_fixed_interface():
    ours = _spec_examples()
    theirs = _spec_examples(require(SHARED_SPEC, "the JSON Lines spec"))
    assert set(ours) == set(theirs) == {"entity", "event"}
    for kind, example in theirs.items():
        assert _fields(example) <= _fields(ours[kind]), kind


def test_records_carry_exactly_the_fields_the_docs_show(sample_corpus):
    examples = _spec_examples()
    assert set(examples) == {"entity", "event"}
    for record in _lines(sample_corpus):
        example = examples[record["type"]]
        assert set(example) == set(record), sorted(set(example) ^ set(record))  # a new field gets documented
        for name, value in example.items():
            if value is not None and record[name] is not None:
                assert type(record[name]) is type(value), name
        assert set(example["mentions"][0]) <= set(record["mentions"][0] if record["mentions"] else example["mentions"][0])
    event = next(r for r in _lines(sample_corpus) if r["type"] == "event")
    assert set(examples["event"]["actor"]) <= set(event["actor"])  # the spec's fields, and "sector" added


@pytest.mark.parametrize(
    "action, modality, plover, cameo",
    [
        ("SupplyWeapons", "asserted", "AID", "07"),
        ("SupplyWeapons", "planned", "AGREE", "03"),
        ("SupplyWeapons", "negated", "REJECT", "12"),
        ("SupplyWeapons", "considered", "AID", "014"),  # weighing an arms supply is no aid: CAMEO 014, consider
        ("Assault", "negated", "ASSAULT", "18"),
        ("DeployTroops", "planned", "MOBILIZE", "15"),
    ],
)
def test_codes_follow_the_modality_rules(sample_corpus, action, modality, plover, cameo):
    event = replace(sample_corpus.events[0], action=action, modality=modality)
    record = [r for r in records(replace(sample_corpus, events=(event,))) if r["type"] == "event"][0]
    assert (record["action"], record["modality"], record["plover"], record["cameo"]) == (action, modality, plover, cameo)


def test_source_count_counts_distinct_documents(sample_corpus):
    sentence = "South Korea is weighing supplying arms to Ukraine."
    evidence = (
        Evidence("d1", sentence, 0, 50, "supplying"),
        Evidence("d1", "Seoul said so.", 51, 65, "said"),
        Evidence("d2", sentence, 0, 50, "supplying"),
    )
    event = replace(sample_corpus.events[0], evidence=evidence)
    record = [r for r in records(replace(sample_corpus, events=(event,))) if r["type"] == "event"][0]
    assert record["source_count"] == 2
    assert len(record["mentions"]) == 3


def test_attribution_is_the_speaker_label_or_the_text_as_written(sample_corpus):
    evidence = (
        Evidence("d1", "Seoul said so.", 51, 65, "said", attributed_to="KOR"),
        Evidence("d2", "Officials said so.", 0, 18, "said", attribution_text="officials in Seoul"),
    )
    event = replace(sample_corpus.events[0], evidence=evidence)
    record = [r for r in records(replace(sample_corpus, events=(event,))) if r["type"] == "event"][0]
    assert [m["attributed_to"] for m in record["mentions"]] == ["South Korea", "officials in Seoul"]


def test_an_event_without_target_has_a_null_target(sample_corpus):
    event = Event("PRK", "Mobilize", None, evidence=(Evidence("d2", "x", 0, 1),))
    record = [r for r in records(replace(sample_corpus, events=(event,))) if r["type"] == "event"][0]
    assert record["target"] is None


def test_line_separators_inside_text_never_split_a_record():
    text = "Seoul\u2028said\u2029so\x85today."
    corpus = Corpus((Document("d", text),), (Entity("KOR", "South Korea", "Country", "KOR"),), (),
                    (Event("KOR", "Consult", None, evidence=(Evidence("d", text, 0, len(text)),)),))
    out = to_jsonl(corpus)
    assert len(out.splitlines()) == 2
    assert json.loads(out.splitlines()[1])["mentions"][0]["sentence"] == text


def test_non_ascii_is_written_as_utf8_not_escaped():
    corpus = Corpus((), (Entity("kyiv-x", "Київ", "Location", "UKR"),), (), ())
    assert "Київ" in to_jsonl(corpus)


@pytest.mark.parametrize("mentions", [0, 1, 3, 5])
@pytest.mark.parametrize("batch", [1000, 2])
def test_streamed_records_are_the_bytes_of_whole_records(mentions, batch, monkeypatch):
    """write_jsonl writes "mentions" a batch at a time; the bytes must be json.dumps of the whole record."""
    import io

    from kg import export
    from kg.export import write_jsonl
    from kg.model import Mention

    monkeypatch.setattr(export, "MENTION_BATCH", batch)

    text = "Seoul\u2028said \"so\"\x85 today, in Київ."
    corpus = Corpus(
        (Document("d", text),),
        (Entity("KOR", "South Korea", "Country", "KOR"), Entity("UKR", "Ukraine", "Country", "UKR")),
        tuple(Mention("d", n, n + 5, text[n:n + 5], "KOR") for n in range(mentions)),
        (Event("KOR", "Consult", "UKR", evidence=tuple(Evidence("d", text, n, len(text), "said", "UKR") for n in range(mentions))),),
    )
    stream = io.StringIO()
    write_jsonl(corpus, stream)
    assert stream.getvalue() == to_jsonl(corpus)
    assert [len(json.loads(line)["mentions"]) for line in stream.getvalue().splitlines()] == [mentions, 0, mentions]


@pytest.mark.parametrize(
    "modality, cameo, expected",
    [("asserted", "0233", ("AID", "0233")), ("considered", "0233", ("AID", "014")),
     ("planned", "0233", ("AGREE", "03")), ("asserted", None, ("AID", "07"))],
)
def test_an_asserted_event_exports_its_full_cameo_code_the_others_the_modality_rules(sample_corpus, modality, cameo, expected):
    event = replace(sample_corpus.events[0], modality=modality, cameo=cameo)
    record = [r for r in records(replace(sample_corpus, events=(event,))) if r["type"] == "event"][0]
    assert (record["plover"], record["cameo"]) == expected


def _envoy_corpus(event_date: str | None, doc_dates: tuple[str | None, ...]) -> Corpus:
    """An envoy who acted for South Korea's government until 2006, then for the UN, meets Ukraine."""
    from kg.model import Role

    envoy = Entity("envoy", "Envoy", "Person", "UN", roles=(Role("KOR", "GOV", "2004-01-17", "2006-12-01"),
                                                            Role("UN", None, "2007-01-01", None)))
    docs = tuple(Document(f"d{n}", "The envoy met Ukraine.", date) for n, date in enumerate(doc_dates))
    evidence = tuple(Evidence(d.id, d.text, 0, 22, "met") for d in docs)
    return Corpus(docs, (envoy, Entity("UKR", "Ukraine", "Country", "UKR")), (),
                  (Event("envoy", "Consult", "UKR", date=event_date, evidence=evidence),))


@pytest.mark.parametrize(
    "event_date, doc_dates, country, sector",
    [("2005-03", ("2010-01-01",), "KOR", "GOV"),           # the event's own date first
     (None, ("2010-01-01", "2005-06-01"), "KOR", "GOV"),  # else the earliest report
     (None, ("2010-01-01",), "UN", None),
     (None, (None,), "UN", None)],                         # no date at all: the latest role
)
def test_an_event_gives_the_country_and_sector_its_actor_acted_for_then(event_date, doc_dates, country, sector):
    corpus = _envoy_corpus(event_date, doc_dates)
    record = [r for r in records(corpus) if r["type"] == "event"][0]
    assert (record["actor"]["country"], record["actor"]["sector"]) == (country, sector)
    assert record["target"]["country"] == "UKR"


def test_the_on_disk_merge_gives_the_same_dated_countries(tmp_path):
    from kg.merge import Merger
    from kg.model import DocResult

    corpus = _envoy_corpus(None, ("2010-01-01", "2005-06-01"))
    with Merger(tmp_path / "m.sqlite") as merger:
        for doc in corpus.documents:
            told = tuple(replace(e, evidence=tuple(x for x in e.evidence if x.doc_id == doc.id)) for e in corpus.events)
            merger.add(DocResult(doc, corpus.entities, (), told))
        merger.finish()
        event = [r for r in records(merger) if r["type"] == "event"][0]
        entity = next(r for r in records(merger) if r.get("key") == "envoy")
    assert (event["actor"]["country"], event["actor"]["sector"]) == ("KOR", "GOV")
    assert entity["country"] == "UN"  # corpus-wide, the role with no date: the latest
    assert entity["roles"] == [{"country": "KOR", "sector": "GOV", "start": "2004-01-17", "end": "2006-12-01"},
                               {"country": "UN", "sector": None, "start": "2007-01-01", "end": None}]
