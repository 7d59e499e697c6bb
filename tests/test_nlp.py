"""kg.nlp: the model is loaded with the gazetteer ruler, headlines end at line breaks, texts are chunked."""

from __future__ import annotations

import pytest

from kg.errors import ModelError
from kg.nlp import MAX_CHUNK, NEEDED, chunks, load_nlp


def test_only_the_needed_components_run_plus_ours(nlp):
    assert set(nlp.pipe_names) <= set(NEEDED) | {"line_breaks", "lemma_fixes", "gazetteer"}
    assert nlp.pipe_names.index("gazetteer") > nlp.pipe_names.index("ner")
    assert nlp.pipe_names.index("line_breaks") < nlp.pipe_names.index("parser")


def test_a_headline_is_its_own_sentence(nlp):
    doc = nlp("South Korea reconsidering arming Ukraine – Bloomberg\n\nDonald Trump's victory changed that.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "South Korea reconsidering arming Ukraine – Bloomberg", "Donald Trump's victory changed that."]


@pytest.mark.parametrize(
    ("text", "span", "key"),
    [
        # the gazetteer's longer name wins over the NER's cut ("Yoon Suk")
        ("President Yoon Suk-yeol met the envoy.", "Yoon Suk-yeol", "yoon-suk-yeol"),
        # the NER's longer name wins over a gazetteer demonym inside it
        ("He teaches at the University of North Korean Studies in Seoul.", "University of North Korean Studies", None),
        # an article the NER takes in makes its span no longer than the gazetteer's name
        ("The army attacked the Tigray People's Liberation Front.", "Tigray People's Liberation Front",
         "tigray-peoples-liberation-front"),
    ],
)
def test_longest_span_wins_between_ner_and_gazetteer(nlp, text, span, key):
    ents = {e.text: e.ent_id_ or None for e in nlp(text).ents}
    (whole,) = [t for t in ents if span in t]  # the name is one entity, not split around a demonym
    if key:
        assert ents[whole] == key


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the NER may take two names joined by "and" for one; the gazetteer knows each
        ("Lula and Milei met at the summit.", {"Lula": "lula-da-silva", "Milei": "javier-milei"}),
        # a name with "and" in it stays whole
        ("Trinidad and Tobago signed a deal.", {"Trinidad and Tobago": "TTO"}),
    ],
)
def test_names_joined_by_and_are_each_their_own(nlp, text, names):
    ents = {e.text: e.ent_id_ or None for e in nlp(text).ents}
    assert {k: v for k, v in ents.items() if k in names} == names
    assert not any(" and " in e and e not in names for e in ents)


def test_a_name_the_ner_reads_into_a_sum_is_the_name_and_the_sum(nlp):
    ents = {e.text: (e.label_, e.ent_id_ or None) for e in nlp("A Russian court fined Google 2.5 billion rubles.").ents}
    assert ents["Google"] == ("ORG", "google") and ents["2.5 billion rubles"][0] == "MONEY"


@pytest.mark.parametrize(
    ("text", "name", "date"),
    [
        ("Biden met Xi Tuesday.", "Xi", "Tuesday"),                      # wire style: the name is no part of the day
        ("Theresa May spoke on May 5.", "Theresa May", "May 5"),        # a month is: the date stays whole
    ],
)
def test_no_date_begins_with_a_name(nlp, text, name, date):
    ents = {e.text: e.label_ for e in nlp(text).ents}
    assert ents[name] == "PERSON" and ents[date] == "DATE"


def test_dates_survive_the_gazetteer(nlp):
    assert [e.label_ for e in nlp("Moscow acted in August.").ents] == ["GPE", "DATE"]


def test_chunks_cover_the_text_and_cut_at_paragraphs():
    text = ("A short paragraph.\n\n" * 3) + "x" * 50
    pieces = list(chunks(text, size=45))
    assert "".join(p for _, p in pieces) == text
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert pieces[0][1].endswith("\n\n")


def test_a_text_without_breaks_is_still_cut_under_the_limit():
    text = "word " * (MAX_CHUNK // 2)
    pieces = list(chunks(text))
    assert len(pieces) > 1 and all(len(p) <= MAX_CHUNK for _, p in pieces)


def test_an_unknown_model_is_a_model_error():
    with pytest.raises(ModelError, match="is not installed"):
        load_nlp("no_such_model_anywhere")


def test_the_name_matcher_finds_gazetteer_names_the_ner_cuts_and_keeps_longer_ner_spans(nlp):
    doc = nlp("Yoon Suk-yeol met staff of the University of North Korean Studies.")
    ents = {e.text: (e.label_, e.ent_id_) for e in doc.ents}
    assert ents["Yoon Suk-yeol"] == ("PERSON", "yoon-suk-yeol")
    assert any(t.endswith("University of North Korean Studies") for t in ents) and "North Korean" not in ents


def test_compile_names_tokenises_each_pattern_once(nlp):
    from kg.nlp import compile_names

    table = compile_names(nlp, [{"label": "GPE", "pattern": "Kim Jong-un's", "id": "x"}])
    assert list(table) == [("Kim", "Jong", "-", "un", "'s")] and table[("Kim", "Jong", "-", "un", "'s")] == ("GPE", "x")


def test_a_name_at_the_end_of_the_text_that_starts_a_longer_name_is_found(nlp):
    """The slice at the end is shorter than the longer name: it must not be looked up as that name."""
    from kg.nlp import NameMatcher

    matcher = NameMatcher({("Bloomberg",): ("ORG", "bloomberg"), ("Bloomberg", "News"): ("ORG", "bloomberg-news")})
    doc = matcher(nlp.make_doc("It was reported by Bloomberg"))
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("Bloomberg", "bloomberg")]


@pytest.mark.parametrize(("line", "title"), [
    ("Seoul Forced to Revise Plans to Supply Arms to Ukraine Due to Trump's Victory", True),
    ("Kim Jong Un Meets Putin in Vladivostok Amid NATO Warnings", True),
    ("South Korea reconsidering arming Ukraine – Bloomberg", False),  # already sentence case
    ("Seoul said it Would Not Send Arms to Ukraine.", False),  # a sentence ends with a period
    ("Read More", False),  # too short to tell
])
def test_title_case_headlines_are_recognised(line, title):
    from kg.nlp import is_title_case

    assert is_title_case(line) is title


def test_headlines_are_parsed_in_sentence_case_with_names_kept(nlp):
    from kg.nlp import headline_case

    text = "Kim Jong Un Meets Putin in Vladivostok Amid NATO Warnings\n\nThe Talks Began On Monday, officials said."
    out = headline_case(text, nlp)
    assert out.split("\n")[0] == "Kim Jong Un meets Putin in Vladivostok amid NATO warnings"
    assert out.split("\n")[2] == text.split("\n")[2]  # a body sentence is left as written
    assert len(out) == len(text)  # offsets do not move
