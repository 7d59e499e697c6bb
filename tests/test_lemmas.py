"""kg.lemmas: the lemmatizer asked once per word, part of speech and morphology sets the lemmas it sets."""

from __future__ import annotations

import spacy
from spacy.attrs import LEMMA

from kg.lemmas import LemmaMemo, use_lemma_memo
from kg.nlp import model_name

TEXTS = ["North Korea sent troops to Russia; the troops were sent in October and are fighting.",
         "Seoul isn't arming Kyiv, but President Yoon said South Korea may reconsider. Yoon's aides agreed.",
         "The talks\n\nwere held, the talks failed, and better offers were made by the best negotiators."]


def test_the_same_lemmas_as_the_models_lemmatizer() -> None:
    nlp = spacy.load(model_name())  # the model as shipped
    lemmatizer = nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(disable=["lemmatizer"]):
        docs = [nlp(text) for text in TEXTS * 2]  # (twice: the second time from the memo)
    memo = LemmaMemo(lemmatizer)
    for doc in docs:
        expected = lemmatizer(doc.copy())
        got = memo(doc.copy())
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
        assert (got.to_array([LEMMA]) == expected.to_array([LEMMA])).all()
    assert memo.known


def test_lemmas_set_before_are_kept() -> None:
    nlp = spacy.load(model_name())
    lemmatizer = nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(disable=["lemmatizer"]):
        doc = nlp("They were talking.")
    doc[2].lemma_ = "chat"
    assert [t.lemma_ for t in LemmaMemo(lemmatizer)(doc)] == ["they", "be", "chat", "."]


def test_the_lemmatizer_is_replaced_under_its_own_name_only_in_rule_mode() -> None:
    nlp = spacy.load(model_name(), exclude=["ner"])
    assert use_lemma_memo(nlp)
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaMemo)
    assert [t.lemma_ for t in nlp("Troops were sent.")] == ["troop", "be", "send", "."]
    blank = spacy.blank("en")
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not use_lemma_memo(blank)
    assert not use_lemma_memo(spacy.blank("en"))
