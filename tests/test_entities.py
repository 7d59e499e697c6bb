"""kg.entities: which named spans can be actors; names of events and phenomena are left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.entities import entity_spans, load_non_actors
from kg.errors import RulesError


@pytest.mark.parametrize(("text", "names"), [
    # the NER takes storms for people and viruses for organisations: none of them acts
    ("Typhoon Haiyan struck the Philippines. Haiyan killed thousands.", ["Philippines"]),
    ("Hurricane Maria devastated Puerto Rico.", ["Puerto Rico"]),
    ("Tropical Storm Barry approached Louisiana.", ["Louisiana"]),
    ("COVID-19 reached Italy before Spain.", ["Italy", "Spain"]),
    # a name that merely shares a word with a storm's is a name
    ("Maria Zakharova spoke for Russia.", ["Maria Zakharova", "Russia"]),
])
def test_names_of_phenomena_are_no_actors(nlp, text: str, names: list[str]) -> None:
    assert [s.text for s in entity_spans(nlp(text))] == names


@pytest.mark.parametrize(("text", "names"), [
    # a possessive inside a recognised name ends the owner's name: each is resolved on its own
    ("Trump's State Department asked Turkey to stop.", ["Trump", "State Department", "Turkey"]),
    ("The State Department asked Turkey to stop.", ["State Department", "Turkey"]),
])
def test_a_possessive_splits_a_name(nlp, text: str, names: list[str]) -> None:
    assert [s.text for s in entity_spans(nlp(text))] == names


@pytest.mark.parametrize(("text", "names"), [
    # a plural possessive of a common noun is inside an organisation's name, no owner
    ("Turkey bombed the Kurdistan Workers' Party.", ["Turkey", "Kurdistan Workers' Party"]),
    ("Ethiopia fought the Tigray People's Liberation Front.", ["Ethiopia", "Tigray People's Liberation Front"]),
])
def test_a_possessive_inside_a_name_does_not_split_it(nlp, text: str, names: list[str]) -> None:
    assert [s.text for s in entity_spans(nlp(text))] == names


@pytest.mark.parametrize(("text", "names"), [
    # a name after "anti-" or "pro-" tells a stance toward its bearer, not who the modified noun belongs to
    ("An anti-Syria journalist left Lebanon.", ["Lebanon"]),
    ("Pro-Russian separatists attacked Ukrainian troops.", ["Ukrainian"]),
])
def test_a_stance_is_no_mention(nlp, text: str, names: list[str]) -> None:
    assert [s.text for s in entity_spans(nlp(text))] == names


@pytest.mark.parametrize(("text", "names"), [
    # what a party is accused of is no part of its name; an institution's of-phrase is
    ("The BJP accused the Congress party of corruption.", ["BJP", "Congress party"]),
    ("He visited the University of the West Indies.", ["University of the West Indies"]),
])
def test_what_a_name_is_accused_of_is_not_the_name(nlp, text: str, names: list[str]) -> None:
    assert [s.text for s in entity_spans(nlp(text))] == names


@pytest.mark.parametrize(("text", "names"), [
    # a preposition hung outside a name starts a phrase of the clause the NER ran into it: two names
    ("Sanctions imposed by the European Union on Belarus were extended.", ["European Union", "Belarus"]),
    ("The Bank of England raised rates.", ["Bank of England"]),
    ("They rallied for a march organized by Women for America First.", ["Women for America First"]),
])
def test_a_phrase_of_the_clause_is_not_the_name(nlp, text: str, names: list[str]) -> None:
    assert [s.text for s in entity_spans(nlp(text))] == names


@pytest.mark.parametrize(("text", "names"), [
    # a dateline says where the story was filed and by whom: the city and the agency are no actors
    ("Deal agreed\n\nJOHANNESBURG (Reuters) - South Africa's ANC signed a deal.", ["South Africa", "ANC"]),
    ("LA PAZ, Bolivia (AP) — Bolivian police arrested the general.", ["Bolivian"]),
])
def test_names_in_a_dateline_are_no_actors(nlp, text: str, names: list[str]) -> None:
    assert [s.text for s in entity_spans(nlp(text))] == names


def test_an_amount_after_a_name_is_not_the_name(nlp) -> None:
    """The NER runs "Apple 1.8 billion euros" into one name; a number alone may be part of one ("Flight 8501")."""
    from spacy.tokens import Span

    assert [s.text for s in entity_spans(nlp("The European Commission fined Apple 1.8 billion euros."))] == [
        "European Commission", "Apple"]
    doc = nlp("Flight 8501 vanished over the Java Sea.")
    doc.ents = [Span(doc, 0, 2, label="FAC")]
    assert [s.text for s in entity_spans(doc)] == ["Flight 8501"]


@pytest.mark.parametrize(("text", "names"), [
    ("Three Britons were arrested in Iran.", ["Britons", "Iran"]),
    ("Police detained 12 Palestinians in Hebron.", ["Palestinians", "Hebron"]),
])
def test_a_count_before_a_people_is_not_its_name(nlp, text: str, names: list[str]) -> None:
    from spacy.tokens import Span

    assert [s.text for s in entity_spans(nlp(text))] == names
    doc = nlp("China opened the Three Gorges Dam.")
    doc.ents = [Span(doc, 3, 6, label="FAC")]
    assert [s.text for s in entity_spans(doc)] == ["Three Gorges Dam"]  # a name may begin with a number


def test_the_shipped_table_loads() -> None:
    table = load_non_actors()
    assert ("hurricane",) in table.name_starts and ("tropical", "storm") in table.name_starts
    assert "covid-19" in table.names


@pytest.mark.parametrize(("content", "message"), [
    ("name_starts: [typhoon]\n", "exactly the lists 'name_starts' and 'names'"),
    ("name_starts: [typhoon]\nnames: [SARS, 3]\n", "'names' must be a list of non-empty strings"),
    ("name_starts: typhoon\nnames: []\n", "'name_starts' must be a list"),
    ("name_starts: [a]\nname_starts: [b]\nnames: []\n", "not valid YAML"),
])
def test_a_malformed_table_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "non_actors.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(RulesError, match=f"non_actors.yaml: .*{message}"):
        load_non_actors(tmp_path)
