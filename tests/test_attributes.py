"""kg.attributes: the attribute ruler's patterns asked once per word, tag and dependency set what the ruler sets."""

from __future__ import annotations

import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from kg.attributes import AttributeMemo, use_attribute_memo
from kg.nlp import model_name

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP]

# every kind of pattern the model's ruler holds: the tag map, words under a tag ("her", "that", "'s"),
# dependency labels ("aux", "mark", a determiner standing alone), two-word patterns whose target is the
# first word ("gonna", "y'all") or the second ("there is", "let's"), whitespace tokens
TEXTS = ["North Korea sent troops to Russia; the troops were sent in October and are fighting.",
         "There is no deal, and there were no talks. She said that her ministers had been told to wait.",
         "Ain't nobody gonna stop us, let's go, y'all gotta see it. C'mon, I'd say he's doin' nothin'.",
         "Seoul isn't arming Kyiv.\n\n  \n Those are the ones that it chose, but this is what they want.",
         "I saw you and it. You gave it to me. Did he do it? He has had it; she'd have done that herself."]


def _ruler_and_docs():
    """The model's own attribute ruler and the texts parsed up to it (twice: the second time from the memo)."""
    nlp = spacy.load(model_name())  # the model as shipped
    ruler = nlp.get_pipe("attribute_ruler")
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = [nlp(text) for text in TEXTS * 2]
    return ruler, docs


def test_the_same_attributes_as_the_models_ruler() -> None:
    ruler, docs = _ruler_and_docs()
    memo = AttributeMemo().use(ruler)
    for doc in docs:
        expected = ruler(doc.copy())
        got = memo(doc.copy())
        assert [(t.pos_, str(t.morph), t.lemma_) for t in got] == [(t.pos_, str(t.morph), t.lemma_) for t in expected]
        assert (got.to_array(COLUMNS) == expected.to_array(COLUMNS)).all()
    assert memo.known and memo.results


def test_two_word_patterns_set_their_target() -> None:
    ruler, docs = _ruler_and_docs()
    memo = AttributeMemo().use(ruler)
    there, gonna = memo(docs[1].copy()), memo(docs[2].copy())
    assert there[1].text == "is" and there[1].pos_ == "VERB"  # "there is": the verb, not the auxiliary
    assert [t.lemma_ for t in gonna[3:5]] == ["go", "to"]  # "gon na"
    assert next(t for t in gonna if t.text == "'s").lemma_ == "us"  # "let's"


def test_the_ruler_is_replaced_under_its_own_name() -> None:
    nlp = spacy.load(model_name(), exclude=["ner", "lemmatizer"])
    assert use_attribute_memo(nlp)
    memo = nlp.get_pipe("attribute_ruler")
    assert isinstance(memo, AttributeMemo)
    assert [t.pos_ for t in nlp("There is a deal.")] == ["PRON", "VERB", "DET", "NOUN", "PUNCT"]
    assert not use_attribute_memo(spacy.blank("en"))  # (no ruler: nothing to stand for)


def test_patterns_that_read_more_than_a_key_run_over_the_text() -> None:
    # an operator, a token's length or its text: not answerable by word, tag and label, matched as the ruler does
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"IS_ALPHA": True}]], {"POS": "ADV"}, index=-1)
    ruler.add([[{"LENGTH": 4}]], {"POS": "NOUN"})
    ruler.add([[{"ORTH": "Deal"}]], {"LEMMA": "bargain"})
    ruler.add([[{"LOWER": "deal"}]], {"POS": "VERB"})
    memo = AttributeMemo().use(ruler)
    assert len(memo.keyed) == 1 and len(memo.rest) == 3
    for text in ["A very very good Deal, a deal.", "very fine"]:
        expected, got = ruler(nlp.make_doc(text)), memo(nlp.make_doc(text))
        assert [(t.pos_, t.lemma_) for t in got] == [(t.pos_, t.lemma_) for t in expected]
    assert [(t.pos_, t.lemma_) for t in memo(nlp.make_doc("very bad Deal"))] == [("NOUN", ""), ("ADV", ""), ("VERB", "bargain")]
