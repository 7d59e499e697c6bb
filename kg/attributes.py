"""The model's attribute ruler applied once per word, tag and dependency, not matched anew at every token.

spaCy's attribute ruler gives each token its part of speech and morphology (and a few lemmas)
from 179 Matcher patterns: a tag map ("NN" is a NOUN), word exceptions ("her" tagged PRP$ is a
possessive), dependency exceptions (an "aux" is AUX) and eight two-word patterns ("there is",
"gonna"). Its Matcher tries every pattern at every token and then sets each match's attributes one
call at a time: 1.06 s of 6.9 s of the whole pipeline on 30,000 words of real news, more than the
tagger and the lemmatizer together. Which single-token patterns hold depends only on a token's
lower-case form, tag and dependency label, so `AttributeMemo` evaluates them once per such key
(the patterns indexed by the word or tag they name), checks the two-word patterns only where a
first word fits, and keeps the attributes spaCy's own `set_token_attrs` gave the first token of
each kind: the same attributes for every token, in the same order of precedence (a later pattern
wins, as in the ruler).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy

from spacy.attrs import DEP, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

MAX_KNOWN = 200_000
"""Keys kept (then forgotten all at once), as kg.lemmas does."""

Check = Callable[[tuple[str, str, str, bool]], bool]
"""A token spec's test on (lower-case form, tag, dependency label, is whitespace)."""

_FIELDS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
"""The token attributes the memo can test, by their place in a key; any other keeps spaCy's ruler."""

ROWS = [LOWER, TAG, DEP, POS, MORPH, LEMMA]
SET = ROWS[1:]
"""What the ruler may set (its patterns name no other attribute the model uses)."""


class Unsupported(ValueError):
    """A pattern uses a Matcher feature the memo does not evaluate: the model's own ruler stays."""


Anchor = tuple[int, frozenset] | None
"""The values one of a spec's attributes must take (its place in a key), if any: the index the memo files it under."""


def _value_test(value: object) -> tuple[Callable[[object], bool], frozenset | None]:
    """One attribute's condition as the Matcher reads it (equal, IN, NOT_IN or REGEX by re.search), and the
    values it admits if it names them."""
    if isinstance(value, (str, bool)):
        return (lambda got: got == value), frozenset([value])
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            members = frozenset(arg)
            return (lambda got: got in members), members
        if op == "NOT_IN":
            outside = frozenset(arg)
            return (lambda got: got not in outside), None
        if op == "REGEX":
            search = re.compile(arg).search
            return (lambda got: bool(search(got))), None
    raise Unsupported(f"attribute ruler condition {value!r}")


def _spec_check(spec: dict) -> tuple[Check, Anchor]:
    """A token spec (one dict of a Matcher pattern) as one test over a key, and its most selective anchor."""
    if "OP" in spec:
        raise Unsupported(f"attribute ruler operator {spec['OP']!r}")
    tests, anchors = [], []
    for attr, value in spec.items():
        if attr not in _FIELDS:
            raise Unsupported(f"attribute ruler attribute {attr!r}")
        test, values = _value_test(value)
        tests.append((_FIELDS[attr], test))
        if values is not None:
            anchors.append((_FIELDS[attr], values))
    anchor = min(anchors, key=lambda a: (a[0] != 0, a[0]), default=None)  # a word before a tag, a tag before a label
    return _all(tests), anchor


def _all(tests: list[tuple[int, Callable[[object], bool]]]) -> Check:
    """One test that every (place in a key, test) holds; written out for one and two, the patterns' usual sizes."""
    if len(tests) == 1:
        (at, test), = tests
        return lambda key: test(key[at])
    if len(tests) == 2:
        (a, first), (b, second) = tests
        return lambda key: first(key[a]) and second(key[b])
    return lambda key: all(test(key[at]) for at, test in tests)


@dataclass(frozen=True)
class Rule:
    """One pattern of the ruler: its number (precedence), a test per token, and the token it gives attributes."""

    number: int
    checks: tuple[Check, ...]
    target: int
    anchor: Anchor


def compiled(ruler: AttributeRuler) -> list[Rule]:
    """The ruler's patterns (each alternative of a pattern a rule); `Unsupported` if any uses what the memo
    does not evaluate."""
    rules = []
    for number in range(len(ruler.attrs)):
        index = ruler.indices[number]
        for pattern in ruler.matcher.get(str(number))[1]:
            specs = [_spec_check(spec) for spec in pattern]
            if not specs or not -len(specs) <= index < len(specs):
                raise Unsupported(f"attribute ruler pattern {pattern!r} with index {index}")
            rules.append(Rule(number, tuple(check for check, _ in specs), index % len(specs), specs[0][1]))
    return rules


class AttributeMemo:
    """Sets the attributes the model's attribute ruler (`use`) would set, asking its patterns once per key."""

    def __init__(self) -> None:
        self.ruler: AttributeRuler | None = None
        self.rules: list[Rule] = []
        self.filed: dict[tuple[int, object], list[int]] = {}
        """(place in a key, value) -> the rules whose first token needs that value there."""
        self.unfiled: list[int] = []
        """Rules whose first token names no value (all NOT_IN or REGEX): tried at every new key."""
        self.known: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = {}
        """A token's (lower, tag, dep, pos, morph, lemma) -> the one-token patterns that hold, the longer rules
        it could begin, and its (tag, dep, pos, morph, lemma) after those one-token patterns."""
        self.results: dict[tuple[int, ...], tuple[int, ...]] = {}
        """(patterns that hold, -1, the token's tag, dep, pos, morph, lemma) -> the same five after them."""

    def use(self, ruler: AttributeRuler) -> AttributeMemo:
        """Stand for `ruler`; `Unsupported` (nothing changed) if its patterns use what the memo does not evaluate."""
        rules = compiled(ruler)
        self.ruler, self.rules = ruler, rules
        self.filed, self.unfiled = {}, []
        for r, rule in enumerate(rules):
            if rule.anchor is None:
                self.unfiled.append(r)
            else:
                place, values = rule.anchor
                for value in values:
                    self.filed.setdefault((place, value), []).append(r)
        self.known.clear()
        self.results.clear()
        return self

    @staticmethod
    def _text_key(doc: Doc, key: tuple[int, int, int]) -> tuple[str, str, str, bool]:
        """A key as the patterns read it: (lower, tag, dep, is whitespace)."""
        strings = doc.vocab.strings
        lower = strings[key[0]]
        return lower, strings[key[1]], strings[key[2]], lower.isspace()  # (whitespace is its own lower case)

    def _learn(self, token: Token, key: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        """The one-token patterns a token of this key satisfies, the longer rules it could begin, and what the
        former make of it (set on `token`, the first of its kind, by spaCy's own setter)."""
        text = self._text_key(token.doc, key)
        candidates = set(self.unfiled)
        for place, value in enumerate(text):
            candidates.update(self.filed.get((place, value), ()))
        singles, begins = [], []
        for r in sorted(candidates):
            rule = self.rules[r]
            if rule.checks[0](text):
                (singles if len(rule.checks) == 1 else begins).append(r)
        numbers = tuple(sorted(self.rules[r].number for r in singles))
        learnt = (numbers, tuple(begins), self._apply(token, numbers, key[1:]))
        if len(self.known) >= MAX_KNOWN:
            self.known.clear()
            self.results.clear()
        self.known[key] = learnt
        return learnt

    def __call__(self, doc: Doc) -> Doc:
        if self.ruler is None or not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array(ROWS).tolist()]
        known, out, later = self.known, [], []
        for start, key in enumerate(rows):
            learnt = known.get(key) or self._learn(doc[start], key)
            out.append(learnt[2])
            for r in learnt[1]:  # (rare: "there is", "gonna", "let's")
                rule = self.rules[r]
                end = start + len(rule.checks)
                if end <= len(rows) and all(check(self._text_key(doc, rows[i]))
                                            for check, i in zip(rule.checks[1:], range(start + 1, end))):
                    later.append((start + rule.target, rule.number))
        for i in sorted({i for i, _ in later}):
            # a token a longer pattern also gives attributes: every pattern that holds, in the ruler's order
            numbers = tuple(sorted(known[rows[i]][0] + tuple(n for t, n in later if t == i)))
            out[i] = self._apply(doc[i], numbers, rows[i][1:])
        doc.from_array(SET, numpy.array(out, dtype=numpy.uint64))
        return doc

    def _apply(self, token: Token, numbers: tuple[int, ...], before: tuple[int, ...]) -> tuple[int, ...]:
        """(tag, dep, pos, morph, lemma) of a token that was `before` once the patterns `numbers` are set in
        their order with spaCy's own setter, on `token` the first time (each sets its attributes whole, so
        a token already given some of them ends the same)."""
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
    False (the ruler left alone) when there is none or its patterns use what the memo does not evaluate."""
    ruler = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        compiled(ruler)
    except Unsupported:
        return False
    nlp.replace_pipe(name, "kg_attribute_memo").use(ruler)
    return True
