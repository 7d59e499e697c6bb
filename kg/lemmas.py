"""The model's rule lemmatizer asked once per word form, part of speech and morphology, not once per token.

spaCy's rule lemmatizer cost 0.5 s per 50,000 words of the seed mix and 2.0 s per 50,000 words of
real news, as much as the parser. It keeps its answers by (word, part of speech, morphology) only
for the words its suffix rules change: a singular noun, a base verb, a positive adjective or a
proper noun (most of news text) goes through the whole lookup again at every occurrence. And each
form a suffix rule makes is looked for in the model's word index of that part of speech, a list
(57,528 nouns): about 130 µs a new word. Its answer depends on nothing but the word's text, its
part of speech, its morphology and the model's tables, so `LemmaMemo` keeps every answer by that
key and asks the lemmatizer only for new ones, with the word indexes as sets (the same words): the
same lemma for every token.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

MAX_KNOWN = 200_000
"""Lemmas kept (then forgotten all at once); 100,000 words of real news hold some 20,000 keys."""


class LemmaMemo:
    """Sets the lemmas `lemmatizer` (a rule lemmatizer that does not overwrite lemmas already set) would set."""

    def __init__(self, lemmatizer: Lemmatizer | None = None):
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}
        """(word, part of speech, morphology) -> the lemma's hash in the string store."""

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None or not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        known, strings = self.known, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue  # set before (by the attribute ruler): the lemmatizer leaves it
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if pos:  # (without a part of speech spaCy warns at every token: ask it each time)
                    if len(known) >= MAX_KNOWN:
                        known.clear()
                    known[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("kg_lemma_memo")
def make_lemma_memo(nlp: Language, name: str) -> LemmaMemo:
    """A memo without a lemmatizer; `use_lemma_memo` puts one in place of the model's, asking it."""
    return LemmaMemo()


def use_lemma_memo(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put a `LemmaMemo` of the pipeline's lemmatizer `name` in its place, under the same name; False (the
    lemmatizer left alone) when there is none, or it looks words up, overwrites lemmas or lacks its tables."""
    lemmatizer = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return False
    if not all(table in lemmatizer.lookups for table in lemmatizer.get_lookups_config("rule")[0]):
        return False  # (spaCy's lemmatizer reports the missing tables)
    lemmatizer.lookups = _indexed(lemmatizer.lookups)  # (out of the pipeline now: the memo's own)
    nlp.replace_pipe(name, "kg_lemma_memo").lemmatizer = lemmatizer
    return True


def _indexed(lookups: Lookups) -> Lookups:
    """The lemmatizer's tables with each part of speech's word index a set instead of a list: the rule
    lemmatizer only asks whether a form is in it."""
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            out.add_table(name, {key: frozenset(words) for key, words in table.items()})
        else:
            out.set_table(name, table)
    return out
