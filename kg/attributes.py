"""The model's attribute ruler asked once per word, tag and dependency, not matched anew at every token.

spaCy's attribute ruler gives each token its part of speech and morphology (and a few lemmas)
from Matcher patterns: a tag map ("NN" is a NOUN), word exceptions ("her" tagged PRP$ is a
possessive), dependency exceptions (an "aux" is AUX) and a few two-word patterns ("there is",
"gonna"). Its Matcher tries every pattern (179 in the small English model) at every token and then
sets each match's attributes one call at a time: 1.06 s of 6.9 s of the whole pipeline on 30,000
words of real news, more than the tagger and the lemmatizer together.

Whether a one-token pattern that reads only a token's lower-case form, tag and dependency label
holds depends on nothing else, so `AttributeMemo` asks spaCy's own Matcher with those patterns
once per such key, on a one-token Doc that carries them; every other pattern (longer ones, or
ones that read more of a token) runs as before, in a Matcher over the whole text. The attributes
are set by spaCy's own `set_token_attrs`, in the ruler's order of precedence (a later pattern
wins), on the first token of each kind, and copied to the others: the same attributes for every
token, the same matches decided by the same Matcher.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

MAX_KNOWN = 200_000
"""Keys kept (then forgotten all at once), as kg.lemmas does."""

KEYED = frozenset({"LOWER", "TAG", "DEP", "IS_SPACE"})
"""What a one-token pattern may read to be asked once per key: a one-token Doc of the lower-case form
with the tag and the label answers it as the token would (whitespace is its own lower case)."""

ROWS = [LOWER, TAG, DEP, POS, MORPH, LEMMA]
SET = ROWS[1:]
"""What the ruler may set (the model's patterns set no other attribute the pipeline uses)."""


def _keyed(pattern: list[dict]) -> bool:
    """A one-token pattern, no operator, that reads only what a key holds."""
    return len(pattern) == 1 and set(pattern[0]) <= KEYED


class AttributeMemo:
    """Sets the attributes the model's attribute ruler (`use`) would set, its keyed patterns asked once per key."""

    def __init__(self) -> None:
        self.ruler: AttributeRuler | None = None
        self.keyed: Matcher | None = None
        """The one-token patterns answered by key, under their pattern numbers."""
        self.rest: Matcher | None = None
        """Every other pattern, run over the whole text as the ruler runs them."""
        self.known: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        """A token's (lower, tag, dep, pos, morph, lemma) -> the keyed patterns that hold (their numbers), and
        its (tag, dep, pos, morph, lemma) once they are set."""
        self.results: dict[tuple[int, ...], tuple[int, ...]] = {}
        """(pattern numbers, -1, a token's tag, dep, pos, morph, lemma) -> the last five once they are set."""

    def use(self, ruler: AttributeRuler) -> AttributeMemo:
        """Stand for `ruler`: its patterns split into the keyed ones and the rest, each under its number."""
        vocab = ruler.vocab
        self.keyed, self.rest = Matcher(vocab), Matcher(vocab)
        for number in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(number))[1]:
                matcher = self.keyed if _keyed(pattern) and ruler.indices[number] in (0, -1) else self.rest
                matcher.add(str(number), [pattern])
        self.ruler = ruler
        self.known.clear()
        self.results.clear()
        return self

    def _learn(self, doc: Doc, rows: list[tuple[int, ...]]) -> None:
        """Know the keys of `rows` not known yet: the keyed patterns each satisfies (spaCy's Matcher over a Doc
        of one token per new key, its lower-case form, tag and label: a one-token pattern reads each token
        alone), and what they make of it (set on the first token of its kind by spaCy's own setter)."""
        new = {key: i for i, key in reversed(list(enumerate(rows))) if key not in self.known}
        if not new:
            return
        strings = doc.vocab.strings
        keys = list(new)
        probe = Doc(doc.vocab, words=[strings[k[0]] for k in keys], spaces=[False] * len(keys),
                    tags=[strings[k[1]] for k in keys], deps=[strings[k[2]] for k in keys],
                    heads=list(range(len(keys))))
        found: list[list[int]] = [[] for _ in keys]
        for match, start, _ in self.keyed(probe, allow_missing=True):
            found[start].append(int(strings[match]))
        if len(self.known) + len(keys) >= MAX_KNOWN:
            self.known.clear()
            self.results.clear()
        for key, numbers in zip(keys, found):
            numbers.sort()  # the ruler's precedence: a later pattern's attributes win
            self.known[key] = (tuple(numbers), self._apply(doc[new[key]], tuple(numbers), key[1:]))

    def __call__(self, doc: Doc) -> Doc:
        if self.ruler is None or not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array(ROWS).tolist()]
        self._learn(doc, rows)
        known = self.known
        out = [known[key][1] for key in rows]
        # the other patterns ("there is", "gonna", "let's"), matched over the text as the ruler matches them:
        # a token one of them gives attributes takes every pattern that holds for it, in the ruler's order
        strings, later = doc.vocab.strings, {}
        for match, start, end in self.rest(doc, allow_missing=True):
            number = int(strings[match])
            later.setdefault(doc[start:end][self.ruler.indices[number]].i, []).append(number)
        for i, numbers in later.items():
            out[i] = self._apply(doc[i], tuple(sorted(known[rows[i]][0] + tuple(numbers))), rows[i][1:])
        doc.from_array(SET, numpy.array(out, dtype=numpy.uint64))
        return doc

    def _apply(self, token: Token, numbers: tuple[int, ...], before: tuple[int, ...]) -> tuple[int, ...]:
        """(tag, dep, pos, morph, lemma) of a token that was `before` once the patterns `numbers` are set in
        their order by spaCy's own setter, on `token` the first time (each pattern sets its attributes
        whole, so a token already given some of them by the same patterns ends the same)."""
        key = (*numbers, -1, *before)
        after = self.results.get(key)
        if after is None:
            for number in numbers:
                set_token_attrs(token, self.ruler.attrs[number])
            after = self.results[key] = (token.tag, token.dep, token.pos, token.morph.key, token.lemma)
        return after


@Language.factory("kg_attribute_memo")
def make_attribute_memo(nlp: Language, name: str) -> AttributeMemo:
    """A memo without a ruler; `use_attribute_memo` puts one in place of the model's, asking it."""
    return AttributeMemo()


def use_attribute_memo(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put an `AttributeMemo` of the pipeline's attribute ruler `name` in its place, under the same name;
    False (nothing changed) when there is none."""
    ruler = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return False
    nlp.replace_pipe(name, "kg_attribute_memo").use(ruler)
    return True
